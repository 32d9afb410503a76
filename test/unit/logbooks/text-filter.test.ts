import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogbooksRepo, MAX_DEPTH } from '../../../src/main/logbooks/logbooks-repo'
import type { EntryInput, ListQuery } from '../../../src/shared/logbooks/contract'
import { fromWallClock, nextDayStart } from '../../../src/shared/logbooks/time'
import { fakeClock, openSignedIn } from '../../helpers/services'

const NAMES = ['王秀英', '李建国', '张淑珍', '刘志强', '陈桂英', '杨玉梅', '赵德明']
const MATTERS = ['预约上门办理身份证', '咨询户口迁入材料', '预约安装防盗门', 'ABC 证件 Review']
const STATUSES = ['open', 'in_progress', 'done']

let services: Awaited<ReturnType<typeof openSignedIn>>
let adminId: string
let officers: string[]
/** The same repository listing every text through the date-ordered index (the LIKE route). */
let likeRepo: ReturnType<typeof createLogbooksRepo>

const booking = (i: number): EntryInput => ({
  book: 'phone',
  occurredAt: new Date(Date.parse('2026-09-01T00:00:00.000Z') + i * 3_600_000).toISOString(),
  status: STATUSES[i % STATUSES.length]!,
  fields: {
    callerName: NAMES[i % NAMES.length]!,
    sex: i % 2 ? 'male' : 'female',
    address: `月坛北街 ${i % 17} 号`,
    matter: MATTERS[(i * 5) % MATTERS.length]!,
    callerPhone: '13812345678'
  }
})

beforeEach(async () => {
  // After the last booking's time (2026-09-01 + 2,240 hours): none may lie ahead of the clock.
  const clock = fakeClock('2026-12-31T02:00:00.000Z')
  services = await openSignedIn({ now: clock.now })
  adminId = services.auth.current()!.operator.id
  const clerk = await services.operators.create(
    { username: 'li.clerk', displayName: '李娜', role: 'clerk', passwordHash: 'x' },
    adminId
  )
  officers = [adminId, clerk.id]
  likeRepo = createLogbooksRepo({
    db: services.db,
    deviceId: services.settings.deviceId(),
    now: clock.now,
    cipher: services.cipher,
    ftsDriveMax: -1
  })
  // The recorder is the entry's officer: even entries by the admin, odd ones by the clerk.
  for (const [k, officer] of officers.entries()) {
    const inputs = Array.from({ length: 120 }, (_, i) => booking(2 * i + k))
    await services.logbooks.service.createMany(inputs, officer)
  }
})
afterEach(() => services.cleanup())

/** What the filter means, computed from the stored rows themselves. */
function expected(query: ListQuery) {
  const rows = services.sqlite
    .prepare(
      `SELECT id, occurred_at, due_at, status, officer_id, search_text FROM logbook_phone
       WHERE superseded_by IS NULL`
    )
    .all() as {
    id: string
    occurred_at: string
    due_at: string | null
    status: string
    officer_id: string
    search_text: string
  }[]
  const key = query.sort === 'dueAt' ? 'due_at' : 'occurred_at'
  const sign = query.order === 'asc' ? 1 : -1
  return rows
    .filter(
      (r) =>
        r.search_text.toLowerCase().includes(query.text!.toLowerCase()) &&
        (!query.status || r.status === query.status) &&
        (!query.officerId || r.officer_id === query.officerId) &&
        (!query.from || r.occurred_at >= fromWallClock(query.from, '00:00')) &&
        (!query.to || r.occurred_at < nextDayStart(query.to))
    )
    .sort(
      (a, b) =>
        sign * ((a[key] ?? '') < (b[key] ?? '') ? -1 : (a[key] ?? '') > (b[key] ?? '') ? 1 : 0) ||
        sign * (a.id < b.id ? -1 : 1)
    )
    .map((r) => r.id)
}

const page = (over: Partial<ListQuery>): ListQuery => ({
  book: 'phone',
  sort: 'occurredAt',
  order: 'desc',
  page: 1,
  pageSize: 200,
  ...over
})

describe('text filter through the full-text index', () => {
  it('lists the same rows in the same order as the LIKE route, with other filters and sorts', async () => {
    const cases = (): Partial<ListQuery>[] => [
      { text: '王秀英' },
      { text: '防盗门', status: 'open' },
      { text: '防盗门', officerId: officers[1]! },
      { text: 'abc', order: 'asc' },
      { text: 'c r', sort: 'dueAt', order: 'asc' },
      { text: '月坛北街 1', from: '2026-09-03', to: '2026-09-06' },
      { text: '户口迁入', status: 'done', sort: 'dueAt', order: 'desc' },
      { text: '不存在的词' },
      { text: '秀"英' },
      { text: '秀' },
      { text: '英王' }
    ]
    for (const over of cases()) {
      const query = page(over)
      const want = expected(query)
      const fts = await services.logbooks.repo.list(query)
      const like = await likeRepo.list(query)
      expect(
        fts.rows.map((r) => r.id),
        JSON.stringify(over)
      ).toEqual(want.slice(0, 200))
      expect(
        like.rows.map((r) => r.id),
        JSON.stringify(over)
      ).toEqual(want.slice(0, 200))
      expect(fts.total).toBe(Math.min(want.length, MAX_DEPTH))
    }
    // The common texts above did match: the comparison is not between two empty lists.
    expect(expected(page({ text: '防盗门', status: 'open' })).length).toBeGreaterThan(5)
  })

  it('finds amendments by their new words, the original only in history; signing changes nothing', async () => {
    const { rows } = await services.logbooks.repo.list(page({ text: '王秀英', pageSize: 1 }))
    const original = rows[0]!
    await services.logbooks.repo.signOff('phone', original.id, adminId)
    const signed = await services.logbooks.repo.list(page({ text: '王秀英' }))
    expect(signed.rows.map((r) => r.id)).toEqual(expected(page({ text: '王秀英' })))
    expect(signed.rows[0]!.signedAt).not.toBeNull()

    const { entry } = await services.logbooks.service.amend(
      {
        ...booking(0),
        occurredAt: original.occurredAt,
        fields: { ...booking(0).fields, callerName: '欧阳娜娜' },
        id: original.id,
        reason: '姓名登记错误'
      } as never,
      adminId
    )
    const found = await services.logbooks.repo.list(page({ text: '欧阳娜娜' }))
    expect(found.rows.map((r) => [r.id, r.version])).toEqual([[entry.id, 2]])
    const old = await services.logbooks.repo.list(page({ text: '王秀英' }))
    expect(old.rows.map((r) => r.id)).not.toContain(original.id)
    expect(old.rows.map((r) => r.id)).toEqual(expected(page({ text: '王秀英' })))
    // The signed original is still locked.
    expect(() =>
      services.sqlite
        .prepare("UPDATE logbook_phone SET search_text = 'x' WHERE id = ?")
        .run(original.id)
    ).toThrow(/append-only/)
  })

  it('pages only as deep as it counts, and says so beyond', async () => {
    await services.logbooks.service.createMany(
      Array.from({ length: MAX_DEPTH }, (_, i) => booking(i + 240)),
      adminId
    )
    const all = await services.logbooks.repo.list(page({ pageSize: 50 }))
    expect(all).toMatchObject({ total: MAX_DEPTH, capped: true })
    const last = await services.logbooks.repo.list(page({ pageSize: 50, page: MAX_DEPTH / 50 }))
    expect(last.rows).toHaveLength(50)
    await expect(
      services.logbooks.repo.list(page({ pageSize: 50, page: MAX_DEPTH / 50 + 1 }))
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    const text = await services.logbooks.repo.list(page({ text: '月坛北街', pageSize: 50 }))
    expect(text).toMatchObject({ total: MAX_DEPTH, capped: true })
  })
})
