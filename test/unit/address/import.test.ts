import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { openSignedIn } from '../../helpers/services'
import { memoryBatches, readTable } from '../../../src/main/address/import'
import { parseCsv } from '../../../src/main/address/csv'

let services: Awaited<ReturnType<typeof openSignedIn>> | undefined
afterEach(() => services?.cleanup())

const mapping = { old: 0, new: 1, effective: 2, source: 3, note: 4 }
const CSV = [
  '旧地址,新地址,生效日期,依据,备注',
  '西城区测试胡同1号,西城区测试路1号,2020-01-01,测试文号,',
  ',西城区测试路2号,,,',
  '西城区测试胡同3号,西城区测试路3号,2020-02-30,,',
  '西城区测试胡同1号,西城区测试路1号,,,',
  '西城区测试胡同4号,西城区测试路4号,,,'
].join('\n')

async function importRows(rows: string[][]) {
  services ??= await openSignedIn()
  const admin = services.auth.current()!.operator.id
  const { job, finished } = services.address.startImport(
    't.csv',
    memoryBatches(rows, 2),
    mapping,
    rows.length - 1,
    admin
  )
  return { job, finished, admin }
}

describe('address import', () => {
  it('imports good rows and lists each bad row with its line and reason', async () => {
    const { job, finished } = await importRows(parseCsv(CSV))
    await finished
    const done = services!.address.importStatus(job.id)
    expect(done).toMatchObject({ state: 'done', imported: 2, duplicates: 1, processed: 5 })
    expect(done.errors).toEqual([
      { line: 3, reason: '旧地址为空' },
      { line: 4, reason: '日期无效：2020-02-30' },
      { line: 5, reason: '与文件中前面的行重复' }
    ])
    expect(services!.address.search('测试胡同4号')[0]?.newText).toBe('西城区测试路4号')
    // Importing again: every row is now a duplicate of the table.
    const again = await importRows(parseCsv(CSV))
    await again.finished
    expect(services!.address.importStatus(again.job.id).errors[0]).toEqual({
      line: 2,
      reason: '与已有记录重复'
    })
  })

  it('leaves the table unchanged when cancelled', async () => {
    const rows = [
      ['旧地址', '新地址'],
      ...Array.from({ length: 50 }, (_, i) => [`取消胡同${i}号`, `取消路${i}号`])
    ]
    services = await openSignedIn()
    const before = services.address.stats()
    const auditBefore = await services.audit.count()
    const { job, finished } = await importRows(rows)
    services.address.cancelImport(job.id)
    await finished
    expect(services.address.importStatus(job.id)).toMatchObject({ state: 'cancelled', imported: 0 })
    expect(services.address.stats()).toEqual(before)
    expect(services.address.search('取消胡同1号')).toEqual([])
    expect(await services.audit.count()).toBe(auditBefore)
  })

  it('reads XLSX and exports the table back', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('s').addRows([
      ['旧地址', '新地址'],
      ['甲', '乙']
    ])
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    expect(await readTable('a.xlsx', base64)).toEqual([
      ['旧地址', '新地址'],
      ['甲', '乙']
    ])
    services = await openSignedIn()
    const admin = services.auth.current()!.operator.id
    const csv = await services.address.exportTable('csv', 'sample', admin)
    expect(csv.rows).toBe(19)
    expect(parseCsv(csv.content.slice(1))[1]?.[5]).toBe('示例数据')
    const xlsx = await services.address.exportTable('xlsx', undefined, admin)
    expect((await readTable('x.xlsx', xlsx.content)).length).toBe(xlsx.rows + 1)
  })
})
