import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BusinessInput } from '../../../src/shared/guide/contract'
import {
  applyGuideDocument,
  describeGuideDifferences,
  mergeGuideDocuments,
  GUIDE_DOCUMENT_KEY,
  guideDocument,
  readGuideDocument,
  storeGuideDocument,
  type GuideDocument
} from '../../../src/main/guide/guide-document'
import { openSignedIn } from '../../helpers/services'

type Pc = Awaited<ReturnType<typeof openSignedIn>>

const AT = '2026-12-06T02:00:00.000Z'
let a: Pc
let b: Pc

beforeEach(async () => {
  a = await openSignedIn()
  b = await openSignedIn()
})
afterEach(() => {
  a.cleanup()
  b.cleanup()
})

const adminOf = (pc: Pc) => pc.auth.current()!.operator.id
const storedOf = (pc: Pc) =>
  pc.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(GUIDE_DOCUMENT_KEY) as
    string | undefined
const apply = (pc: Pc, stored: string, by: string | null = null) =>
  pc.sqlite.transaction(() =>
    applyGuideDocument(pc.db, stored, { at: AT, by, deviceId: pc.deviceId })
  )()
const audits = (pc: Pc, action: string) =>
  (
    pc.sqlite
      .prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq')
      .pluck()
      .all(action) as string[]
  ).map((detail) => JSON.parse(detail) as Record<string, unknown>)

const inputOf = async (pc: Pc, code: string): Promise<BusinessInput> => {
  const {
    id,
    categoryName: _n,
    categoryMenuNumber: _m,
    updatedAt: _u,
    conditions: _c,
    ...rest
  } = await pc.guide.repo.business(code)
  return { ...rest, id }
}

describe('the guide as the station’s document', () => {
  it('the shipped guide passes the checks; a PC that never edited it offers none, an edit writes it', async () => {
    const seeded = readGuideDocument(a.db)
    expect(guideDocument.safeParse(seeded).success).toBe(true)
    expect(seeded.categories.length).toBeGreaterThan(3)
    expect(storeGuideDocument(a.db, AT, null, false)).toBe(false)
    expect(storedOf(a)).toBeUndefined()

    const business = await inputOf(a, 'HK-OUT')
    await a.guide.saveBusiness({ ...business, promisedTime: '即时办结' }, adminOf(a))
    const stored = storedOf(a)!
    expect(JSON.parse(stored)).toEqual(readGuideDocument(a.db))
    expect(stored).toContain('即时办结')
    // Unchanged tables: nothing written again.
    expect(storeGuideDocument(a.db, AT, null, false)).toBe(false)
  })

  it('another PC’s document makes this PC’s tables hold it: businesses by code keep their ids, each change gets its history', async () => {
    // PC A: a promise changed, two businesses swap menu numbers, a category renamed, one added.
    const out = await inputOf(a, 'HK-OUT')
    const category = (await a.guide.repo.tree()).categories.find((c) => c.id === out.categoryId)!
    const [first, second] = category.businesses
    await a.guide.saveBusiness({ ...out, promisedTime: '即时办结' }, adminOf(a))
    const one = await inputOf(a, first!.code)
    const two = await inputOf(a, second!.code)
    await a.guide.saveBusiness({ ...one, menuNumber: 9 }, adminOf(a))
    await a.guide.saveBusiness({ ...two, menuNumber: first!.menuNumber }, adminOf(a))
    await a.guide.saveBusiness({ ...one, menuNumber: second!.menuNumber }, adminOf(a))
    await a.guide.saveCategory(
      { id: category.id, name: '户口业务', menuNumber: category.menuNumber },
      adminOf(a)
    )
    await a.guide.saveBusiness(
      {
        ...out,
        id: undefined,
        code: 'HK-NEW',
        menuNumber: 8,
        name: '户口新业务',
        materials: [{ item: '居民身份证', required: true, condition: null }]
      },
      adminOf(a)
    )

    const idBefore = (await b.guide.repo.business('HK-OUT')).id
    const applied = apply(b, storedOf(a)!, adminOf(a))
    expect(applied).toEqual({
      created: ['HK-NEW'],
      updated: expect.arrayContaining(['HK-OUT', first!.code, second!.code]) as string[],
      removed: []
    })
    expect(readGuideDocument(b.db)).toEqual(JSON.parse(storedOf(a)!))
    const taken = await b.guide.repo.business('HK-OUT')
    expect(taken).toMatchObject({
      id: idBefore,
      promisedTime: '即时办结',
      categoryName: '户口业务'
    })
    // B does not know A's operator: the history names nobody, but it is there.
    const history = await b.guide.repo.history('HK-OUT')
    expect(history[0]).toMatchObject({ action: 'update', operatorName: null })
    expect((await b.guide.repo.history('HK-NEW'))[0]).toMatchObject({ action: 'create' })
    expect(audits(b, 'guide.station.apply')).toEqual([
      expect.objectContaining({ created: ['HK-NEW'], categoriesChanged: true })
    ])
    // The same document again changes nothing.
    expect(apply(b, storedOf(a)!)).toEqual({ created: [], updated: [], removed: [] })
    expect(audits(b, 'guide.station.apply')).toHaveLength(1)
  })

  it('a business the document does not have is removed here; a queue line linked to it loses the link, not its tickets', async () => {
    const out = await inputOf(b, 'HK-OUT')
    const extra = await b.guide.saveBusiness(
      { ...out, id: undefined, code: 'HK-LOCAL', menuNumber: 8, name: '本机新增' },
      adminOf(b)
    )
    const line = b.queue.saveService(
      { prefix: 'L', name: '本机新增', guideBusinessId: extra.id },
      adminOf(b)
    )
    await a.guide.saveBusiness({ ...(await inputOf(a, 'HK-OUT')), notes: '甲' }, adminOf(a))

    expect(apply(b, storedOf(a)!)).toMatchObject({ removed: ['HK-LOCAL'] })
    await expect(b.guide.repo.business('HK-LOCAL')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(b.queue.services().find((s) => s.id === line.id)).toMatchObject({
      name: '本机新增',
      guideBusinessId: null
    })
    expect(readGuideDocument(b.db)).toEqual(JSON.parse(storedOf(a)!))
  })

  it('a document failing the checks changes nothing, is audited, and is not replaced by the round’s refresh', async () => {
    const before = readGuideDocument(b.db)
    const document = structuredClone(before) as GuideDocument
    document.categories[0]!.businesses[1]!.menuNumber =
      document.categories[0]!.businesses[0]!.menuNumber
    document.categories[1]!.name = '居住\u202e证'
    const stored = JSON.stringify(document)
    const applied = apply(b, stored)
    expect(applied.refused).toMatch(/重复/)
    expect(readGuideDocument(b.db)).toEqual(before)
    expect(audits(b, 'guide.station.refused')).toHaveLength(1)

    b.sqlite
      .prepare('INSERT INTO settings (key, value, updated_at, version) VALUES (?, ?, ?, 3)')
      .run(GUIDE_DOCUMENT_KEY, stored, AT)
    expect(storeGuideDocument(b.db, AT, null, false)).toBe(false)
    expect(storedOf(b)).toBe(stored)
    // An edit here does replace it.
    await b.guide.saveBusiness({ ...(await inputOf(b, 'HK-OUT')), notes: '乙' }, adminOf(b))
    expect(JSON.parse(storedOf(b)!)).toEqual(readGuideDocument(b.db))
  })

  it('two documents’ differences, as the conflict list shows them', async () => {
    const out = await inputOf(a, 'HK-OUT')
    await a.guide.saveBusiness(
      {
        ...out,
        promisedTime: '即时办结',
        materials: [
          ...out.materials,
          { item: '单位介绍信', required: false, condition: '单位集体户' }
        ]
      },
      adminOf(a)
    )
    await b.guide.saveBusiness({ ...(await inputOf(b, 'HK-OUT')), fee: '免费' }, adminOf(b))
    const lines = describeGuideDifferences(storedOf(b)!, storedOf(a)!)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.column).toBe(`HK-OUT ${out.name}`)
    expect(lines[0]!.server).toContain('承诺时限：即时办结')
    expect(lines[0]!.server).toContain('单位介绍信（单位集体户）')
    expect(lines[0]!.local).toContain('收费：免费')
    expect(lines[0]!.local).not.toContain('单位介绍信')
  })

  it('merges two PCs’ guides made over one base when they changed different parts, else leaves it to the administrator', async () => {
    const base = readGuideDocument(a.db)
    const edited = (change: (document: GuideDocument) => void) => {
      const document = structuredClone(base)
      change(document)
      return JSON.stringify(document)
    }
    const baseText = JSON.stringify(base)
    const first = base.categories[0]!.businesses[0]!
    const second = base.categories[0]!.businesses[1]!
    const mine = edited((d) => {
      d.categories[0]!.businesses[0]!.fee = '免费'
      d.categories[1]!.name = '居住证业务'
    })
    const theirs = edited((d) => {
      d.categories[0]!.businesses[1]!.notes = '周六上午可办'
    })
    const merged = JSON.parse(mergeGuideDocuments(baseText, mine, theirs)!) as GuideDocument
    expect(merged.categories[0]!.businesses[0]).toEqual({ ...first, fee: '免费' })
    expect(merged.categories[0]!.businesses[1]).toEqual({ ...second, notes: '周六上午可办' })
    expect(merged.categories[1]!.name).toBe('居住证业务')
    // Merged in either order alike; the same change on both sides is no clash.
    expect(mergeGuideDocuments(baseText, theirs, mine)).toBe(JSON.stringify(merged))
    expect(mergeGuideDocuments(baseText, mine, mine)).toBe(JSON.stringify(JSON.parse(mine)))

    // The same business changed differently on each side.
    const clash = edited((d) => {
      d.categories[0]!.businesses[0]!.fee = '收费 5 元'
    })
    expect(mergeGuideDocuments(baseText, mine, clash)).toBeNull()
    // Two new businesses on one menu number: each side alone is fine, together they fail the checks.
    const added = (code: string) =>
      edited((d) => {
        d.categories[0]!.businesses.push({ ...first, code, menuNumber: 9, name: code })
      })
    expect(mergeGuideDocuments(baseText, added('HK-A'), added('HK-B'))).toBeNull()
    expect(mergeGuideDocuments(baseText, added('HK-A'), theirs)).not.toBeNull()
    // A business moved into a category the other side removed: nowhere to put it.
    const moved = edited((d) => {
      const [business] = d.categories[0]!.businesses.splice(0, 1)
      d.categories[6]!.businesses.push({ ...business!, menuNumber: 9 })
    })
    const removed = edited((d) => {
      d.categories.splice(6, 1)
    })
    expect(mergeGuideDocuments(baseText, moved, theirs)).not.toBeNull()
    expect(mergeGuideDocuments(baseText, moved, removed)).toBeNull()
  })

  it('a business only moved to another category is a change here too: moved, with its history row', async () => {
    const out = await inputOf(a, 'HK-OUT')
    const tree = await a.guide.repo.tree()
    // A new, empty category: only the business's category changes, not its menu number.
    const used = tree.categories.map((c) => c.menuNumber)
    const target = await a.guide.saveCategory(
      { name: '新类别', menuNumber: [1, 2, 3, 4, 5, 6, 7, 8, 9].find((n) => !used.includes(n))! },
      adminOf(a)
    )
    apply(b, storedOf(a)!)
    await a.guide.saveBusiness({ ...out, categoryId: target.id }, adminOf(a))
    const historyBefore = (await b.guide.repo.history('HK-OUT')).length
    expect(apply(b, storedOf(a)!)).toMatchObject({ updated: ['HK-OUT'] })
    expect(await b.guide.repo.business('HK-OUT')).toMatchObject({
      categoryMenuNumber: target.menuNumber,
      menuNumber: out.menuNumber
    })
    expect(await b.guide.repo.history('HK-OUT')).toHaveLength(historyBefore + 1)
  })

  it('an editor’s save over a change taken meanwhile is refused and changes nothing', async () => {
    const opened = await inputOf(b, 'HK-OUT')
    const readAt = (await b.guide.repo.business('HK-OUT')).updatedAt
    await a.guide.saveBusiness(
      { ...(await inputOf(a, 'HK-OUT')), notes: '甲：另一台电脑的修改' },
      adminOf(a)
    )
    apply(b, storedOf(a)!)
    await expect(
      b.guide.saveBusiness({ ...opened, fee: '免费', updatedAt: readAt }, adminOf(b))
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await b.guide.repo.business('HK-OUT')).toMatchObject({
      notes: '甲：另一台电脑的修改',
      fee: opened.fee
    })
    // Read again, the save goes through.
    const fresh = await b.guide.repo.business('HK-OUT')
    await b.guide.saveBusiness(
      { ...opened, fee: '免费', notes: fresh.notes, updatedAt: fresh.updatedAt },
      adminOf(b)
    )
    expect(await b.guide.repo.business('HK-OUT')).toMatchObject({ fee: '免费' })
  })

  it('a category editor’s save over a change taken meanwhile is refused too', async () => {
    const [opened] = (await b.guide.repo.tree()).categories
    const [onA] = (await a.guide.repo.tree()).categories
    await a.guide.saveCategory({ id: onA!.id, name: '户口业务', menuNumber: 1 }, adminOf(a))
    apply(b, storedOf(a)!)
    await expect(
      b.guide.saveCategory(
        { id: opened!.id, name: '户籍', menuNumber: 1, updatedAt: opened!.updatedAt },
        adminOf(b)
      )
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await b.guide.repo.tree()).categories[0]!.name).toBe('户口业务')
  })
})
