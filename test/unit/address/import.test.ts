import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { openSignedIn } from '../../helpers/services'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { countDataRows, memoryBatches, readTable } from '../../../src/main/address/import'
import { parseCsv } from '../../../src/main/address/csv'

let services: Awaited<ReturnType<typeof openSignedIn>> | undefined
afterEach(() => services?.cleanup())

const pairs = (query: string) =>
  services!.address.search(query).map((h) => `${h.oldText}→${h.newText}`)

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
  it('counts the data rows of a file for the progress bar (CLI import total)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'address-count-'))
    try {
      const file = path.join(dir, 'a.csv')
      writeFileSync(file, CSV)
      expect(await countDataRows(file)).toBe(5)
      writeFileSync(file, `${CSV}\n`)
      expect(await countDataRows(file)).toBe(5)
      writeFileSync(file, '旧地址,新地址\n')
      expect(await countDataRows(file)).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

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

  describe('a file larger than the table (bulk load)', () => {
    const ROWS = 24_000
    const bulkRows = () => [
      ['旧地址', '新地址', '生效日期'],
      ...Array.from({ length: ROWS }, (_, i) => [
        `西城区批量胡同${i + 1}号`,
        `西城区批量路${i + 1}号`,
        '2021-03-01'
      ])
    ]
    const indexes = () =>
      services!.sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .all()

    it('imports, finds duplicates and bad rows after the switch, and restores the indexes', async () => {
      services = await openSignedIn()
      const before = indexes()
      const rows = bulkRows()
      rows.push(rows[ROWS - 10]!, ['西城区批量胡同0号', ''])
      const { job, finished } = await importRows(rows)
      await finished
      const done = services.address.importStatus(job.id)
      expect(done).toMatchObject({ state: 'done', imported: ROWS, duplicates: 1 })
      expect(done.errors).toEqual([
        { line: ROWS + 2, reason: '与文件中前面的行重复' },
        { line: ROWS + 3, reason: '新地址为空' }
      ])
      expect(indexes()).toEqual(before)
      const audit = services.sqlite
        .prepare("SELECT detail FROM audit_log WHERE action = 'address.import'")
        .get() as { detail: string }
      expect(JSON.parse(audit.detail)).toMatchObject({ imported: ROWS, bulkLoad: true })
      // Rows after the switch are in FTS5 and the (road, number) index.
      expect(pairs('批量胡同23999号')).toEqual(['西城区批量胡同23999号→西城区批量路23999号'])
      expect(pairs('批量路12号')[0]).toBe('西城区批量胡同12号→西城区批量路12号')
      // A second import of the same rows: every one is a duplicate of the table.
      const again = await importRows(bulkRows().slice(0, 3))
      await again.finished
      expect(services.address.importStatus(again.job.id).errors[0]).toEqual({
        line: 2,
        reason: '与已有记录重复'
      })
    })

    it('leaves the table and its indexes as they were when cancelled mid-way', async () => {
      services = await openSignedIn()
      const before = { stats: services.address.stats(), indexes: indexes() }
      const admin = services.auth.current()!.operator.id
      let id = ''
      async function* cancelling() {
        const rows = bulkRows()
        for (let i = 0; i < rows.length; i += 2000) {
          // Past the switch to bulk loading, the clerk presses cancel.
          if (i >= 22_000) services!.address.cancelImport(id)
          yield rows.slice(i, i + 2000)
        }
      }
      const { job, finished } = services.address.startImport(
        't.csv',
        cancelling(),
        mapping,
        ROWS,
        admin
      )
      id = job.id
      await finished
      expect(services.address.importStatus(id)).toMatchObject({ state: 'cancelled', imported: 0 })
      expect({ stats: services.address.stats(), indexes: indexes() }).toEqual(before)
      expect(pairs('批量胡同1号')).toEqual([])
    })
  })
})
