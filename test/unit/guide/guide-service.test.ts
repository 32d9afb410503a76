import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { AppError } from '../../../src/shared/errors'
import type { BusinessInput } from '../../../src/shared/guide/contract'
import { openSignedIn } from '../../helpers/services'

let services: Awaited<ReturnType<typeof openSignedIn>>
let adminId: string

beforeEach(async () => {
  services = await openSignedIn()
  adminId = services.auth.current()!.operator.id
})
afterEach(() => services.cleanup())

const inputOf = async (code: string): Promise<BusinessInput> => {
  const b = await services.guide.repo.business(code)
  return {
    id: b.id,
    code: b.code,
    categoryId: b.categoryId,
    menuNumber: b.menuNumber,
    name: b.name,
    nameEn: b.nameEn,
    counter: b.counter,
    eligibility: b.eligibility,
    statutoryLimit: b.statutoryLimit,
    promisedTime: b.promisedTime,
    validity: b.validity,
    fee: b.fee,
    legalBasis: b.legalBasis,
    notes: b.notes,
    register: b.register,
    sample: b.sample,
    materials: b.materials
  }
}

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('the seeded guide', () => {
  it('is loaded once at first start and marked as sample', async () => {
    const tree = await services.guide.repo.tree()
    expect(tree.categories.map((c) => `${c.menuNumber} ${c.name}`)).toEqual([
      '1 户口',
      '2 居住证',
      '3 身份证',
      '4 证明',
      '5 出入境（转介）',
      '6 接待',
      '7 治安'
    ])
    expect(tree.categories[0]!.businesses.map((b) => `${b.menuNumber} ${b.code}`)).toEqual([
      '1 HK-OUT',
      '2 HK-IN',
      '3 HK-BIRTH',
      '4 HK-DEATH',
      '5 HK-BOOK'
    ])
    expect(tree.categories.flatMap((c) => c.businesses).every((b) => b.sample)).toBe(true)
    expect(tree.sampleNotice).toMatch(/示例内容/)
    const out = await services.guide.repo.business('HK-OUT')
    expect(out.conditions).toEqual(['迁入地需审批的迁移，且当地未实行迁入地一站式办理', '他人代办'])
    expect(out.legalBasis).toMatch(/户口登记条例 第十条/)
    // Seeding is installation, not an operator's change: no audit row.
    expect(
      (await services.audit.list({ page: 1, pageSize: 50 })).rows.map((r) => r.action)
    ).toEqual(['auth.signIn.success', 'operator.create'])
    // A second seed on the same database changes nothing.
    const { sampleGuide } = await import('../../../src/main/guide/seed')
    expect(await services.guide.repo.seedIfEmpty(sampleGuide())).toBe(false)
  })
})

describe('administrator edits', () => {
  it('saves a business with its materials, keeps the history and audits it together', async () => {
    const input = await inputOf('HK-OUT')
    const saved = await services.guide.saveBusiness(
      {
        ...input,
        promisedTime: '材料齐全当场办结',
        sample: false,
        materials: [
          ...input.materials,
          { item: '监护人身份证', required: false, condition: '未成年人' }
        ]
      },
      adminId
    )
    expect(saved.sample).toBe(false)
    expect(saved.conditions).toContain('未成年人')
    const history = await services.guide.repo.history('HK-OUT')
    expect(history).toHaveLength(1)
    expect(JSON.parse(history[0]!.before!).promisedTime).toBe('材料齐全当场办结（示例）')
    expect(JSON.parse(history[0]!.after).promisedTime).toBe('材料齐全当场办结')
    expect(history[0]!.operatorName).toBe('王建国')
    const audit = await services.audit.list({
      page: 1,
      pageSize: 5,
      action: 'guide.business.update'
    })
    expect(audit.rows[0]!.entityId).toBe(saved.id)
    // The search index follows the edit.
    expect((await services.guide.search('监护人'))[0]!.code).toBe('HK-OUT')
    // History is append-only.
    expect(() => services.sqlite.prepare('DELETE FROM guide_changes').run()).toThrow(/append-only/)
  })

  it('refuses a menu number taken on the same level, an empty name, a duplicate code', async () => {
    const input = await inputOf('HK-OUT')
    const taken = await rejection(services.guide.saveBusiness({ ...input, menuNumber: 2 }, adminId))
    expect(taken.fields).toEqual({ menuNumber: '菜单号 2 已被“户口迁入 / 落户 / 申请入户”使用' })
    const empty = await rejection(services.guide.saveBusiness({ ...input, name: ' ' }, adminId))
    expect(empty.fields?.name).toBe('名称不能为空')
    const code = await rejection(
      services.guide.saveBusiness(
        { ...input, id: undefined, code: 'HK-IN', menuNumber: 9 },
        adminId
      )
    )
    expect(code.fields?.code).toMatch(/已被使用/)
    // Nothing was written, not even history or audit.
    expect(await services.guide.repo.history('HK-OUT')).toEqual([])
    expect(
      (await services.audit.list({ page: 1, pageSize: 5, action: 'guide.business.update' })).total
    ).toBe(0)
  })

  it('allows the same number on another level, and moves a category', async () => {
    const tree = await services.guide.repo.tree()
    const idCategory = tree.categories.find((c) => c.name === '身份证')!
    const created = await services.guide.saveBusiness(
      {
        ...(await inputOf('HK-BOOK')),
        id: undefined,
        code: 'ID-QUERY',
        categoryId: idCategory.id,
        menuNumber: 5,
        name: '身份证办理进度查询',
        materials: [{ item: '受理回执', required: true, condition: null }]
      },
      adminId
    )
    expect(created.categoryMenuNumber).toBe(3)
    const taken = await rejection(
      services.guide.saveCategory({ id: idCategory.id, name: '身份证', menuNumber: 1 }, adminId)
    )
    expect(taken.fields?.menuNumber).toBe('菜单号 1 已被“户口”使用')
    const moved = await services.guide.saveCategory(
      { id: idCategory.id, name: '居民身份证', menuNumber: 8 },
      adminId
    )
    expect(moved.menuNumber).toBe(8)
    expect(moved.businesses.map((b) => b.code)).toContain('ID-QUERY')
  })

  it('keeps the station phones and address as small admin settings', async () => {
    expect(await services.guide.repo.office()).toEqual({
      phones: '',
      address: '',
      hours: '8:00–17:30'
    })
    await services.guide.repo.updateOffice(
      { phones: '010-68001234', address: '月坛南街1号', hours: '8:00–17:30' },
      adminId
    )
    expect((await services.guide.repo.office()).address).toBe('月坛南街1号')
  })
})

describe('the resident checklist', () => {
  it('prints one page with the ticked materials, office details, the sample mark and a QR code', async () => {
    await services.guide.repo.updateOffice(
      {
        phones: '010-68001234 / 010-68005678',
        address: '北京市西城区月坛南街1号',
        hours: '8:00–17:30'
      },
      adminId
    )
    const result = await services.guide.checklist(
      { code: 'HK-OUT', conditions: ['他人代办'], size: 'A5', open: true },
      adminId
    )
    expect(result.pages).toBe(1)
    expect(result.opened).toBe(false) // no viewer outside Electron
    expect(existsSync(result.path)).toBe(true)
    expect(result.text).toContain('3. 委托书及代办人居民身份证（他人代办）')
    expect(result.text).not.toContain('户口准迁证')
    const text = execFileSync('pdftotext', ['-layout', result.path, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, '')
    for (const expected of [
      '办事材料清单：户口迁出',
      '示例内容',
      '居民户口簿（原件）',
      '委托书及代办人居民身份证（他人代办）',
      '8:00–17:30',
      '010-68001234',
      '月坛南街1号',
      '打印日期：',
      '扫码保存本清单'
    ]) {
      expect(flat).toContain(expected.replace(/\s+/g, ''))
    }
    expect(readFileSync(result.path).subarray(0, 5).toString()).toBe('%PDF-')
    const audit = await services.audit.list({
      page: 1,
      pageSize: 5,
      action: 'guide.checklist.print'
    })
    expect(JSON.parse(audit.rows[0]!.detail!)).toMatchObject({
      code: 'HK-OUT',
      conditions: ['他人代办']
    })
  })

  it('fits the longest list on one A4 page, refuses to cut it off on A5, and refuses unknown conditions', async () => {
    const moveIn = await services.guide.repo.business('HK-IN')
    const input = { code: 'HK-IN', conditions: moveIn.conditions, open: false }
    const a4 = await services.guide.checklist({ ...input, size: 'A4' }, adminId)
    expect(a4.pages).toBe(1)
    expect(a4.text).toContain('12. 释放证明（被释放人员（条例第十三条第三项））')
    const a5 = await rejection(services.guide.checklist({ ...input, size: 'A5' }, adminId))
    expect(a5.code).toBe('CONFLICT')
    const error = await rejection(
      services.guide.checklist(
        { code: 'HK-OUT', conditions: ['夫妻投靠'], size: 'A4', open: false },
        adminId
      )
    )
    expect(error.code).toBe('VALIDATION')
  })

  it('exports the voice script to a file and audits the export', async () => {
    const { text, path } = await services.guide.voiceScript(true, adminId)
    expect(text).toContain('户口迁出请按1，户口迁入、落户、申请入户请按2')
    expect(readFileSync(path!, 'utf8')).toBe(text)
    expect(
      (await services.audit.list({ page: 1, pageSize: 5, action: 'guide.voiceScript.export' }))
        .total
    ).toBe(1)
  })
})
