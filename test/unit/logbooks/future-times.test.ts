import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { books } from '../../../src/shared/logbooks/books'
import { fakeClock, openSignedIn } from '../../helpers/services'

// Times of what happened may not lie ahead of main's clock (5 minutes allowed for a workstation
// clock a little fast); promised and agreed times may. Through the IPC table, on real SQLite.

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const FIELD = { username: 'zhao.field', displayName: '赵刚', password: 'Field12345' }

// Monday 2026-11-02, 10:00 in Beijing.
const NOW = '2026-11-02T02:00:00.000Z'
const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()
const NEXT_YEAR = '2027-11-02T01:30:00.000Z' // a mistyped year

let services: Awaited<ReturnType<typeof openSignedIn>>
let table: ReturnType<typeof createIpcTable>
let clerkId = ''
let fieldId = ''

beforeEach(async () => {
  const clock = fakeClock(NOW)
  services = await openSignedIn({ now: clock.now })
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const [who, role] of [
    [CLERK, 'clerk'],
    [FIELD, 'field']
  ] as const) {
    const row = await services.operators.create(
      { ...who, role, passwordHash: await services.auth.hashPassword(who.password) },
      adminId
    )
    if (role === 'clerk') clerkId = row.id
    else fieldId = row.id
  }
  await services.auth.signIn(CLERK)
})
afterEach(() => services.cleanup())

const invoke = (channel: string, input: unknown) => table.invoke(channel, input, meta)

async function saved(channel: string, input: unknown) {
  const result = await invoke(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return (result.value as { entry: { id: string; status: string; dueAt: string | null } }).entry
}

const auditCount = async () => (await services.audit.list({ page: 1, pageSize: 1 })).total
const total = async (book: string) =>
  ((await table.invoke('logbooks:list', { book }, meta)) as { value: { total: number } }).value
    .total

/** Refused at `field` with the Chinese message; no entry, no version and no audit row written. */
async function refused(channel: string, input: { book: string; id?: string }, field: string) {
  const audit = await auditCount()
  const entries = await total(input.book)
  const result = await invoke(channel, input)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe('VALIDATION')
  expect(result.error.fields).toEqual({ [field]: '不能晚于当前时间' })
  expect(await auditCount()).toBe(audit)
  expect(await total(input.book)).toBe(entries)
}

const callout = (fields: Record<string, unknown> = {}, occurredAt = later(-30)) => ({
  book: 'callout',
  occurredAt,
  fields: {
    callerName: '周敏',
    place: '月坛北街 5 号楼',
    matter: '老人在家摔倒，呼叫求助',
    officerIds: [fieldId],
    ...fields
  }
})

const exitReview = (fields: Record<string, unknown> = {}) => ({
  book: 'exitReview',
  occurredAt: later(-120),
  fields: {
    applicantName: '刘洋',
    applicationKind: 'passport',
    fileCheckedBy: clerkId,
    fileCheckedAt: later(-90),
    fileResult: 'clean',
    ...fields
  }
})

const visit = (fields: Record<string, unknown> = {}) => ({
  book: 'visit',
  occurredAt: later(-60),
  fields: { channel: 'visit', visitorName: '孙丽', matter: '咨询子女落户需要的材料', ...fields }
})

describe('event times ahead of now', () => {
  it('marks exactly the times of what happened; promised and agreed times stay free', () => {
    const marked = Object.values(books).flatMap((b) =>
      b.fields.filter((f) => f.notAfterNow).map((f) => `${b.key}.${f.key}`)
    )
    expect(marked.sort()).toEqual(
      [
        'backOffice.clearedAt',
        'callout.arrivedAt',
        'complaint.toldAt',
        'door.installedAt',
        'exitReview.fileCheckedAt',
        'exitReview.handedAt',
        'exitReview.reviewReturnedAt',
        'exitReview.toldAt',
        'patrol.countersignAt',
        'patrol.endedAt',
        'proxy.doneAt',
        'visit.answeredAt'
      ].sort()
    )
    for (const field of ['visit.promisedAt', 'proxy.scheduledAt']) {
      const [book, key] = field.split('.') as [keyof typeof books, string]
      expect(books[book].fields.find((f) => f.key === key)?.notAfterNow).toBeUndefined()
    }
  })

  it('报警求助: an arrival in the future is refused at its field, now and the past are accepted', async () => {
    await refused('logbooks:create', callout({ arrivedAt: NEXT_YEAR }), 'arrivedAt')
    await refused('logbooks:create', callout({ arrivedAt: later(6) }), 'arrivedAt')
    // The entry's own time too.
    await refused('logbooks:create', callout({}, later(60)), 'occurredAt')
    expect(await total('callout')).toBe(0)

    const onTime = await saved('logbooks:create', callout({ arrivedAt: later(-27) }))
    expect(onTime.status).toBe('arrived')
    const atNow = await saved('logbooks:create', callout({ arrivedAt: NOW }, later(-2)))
    expect(atNow.status).toBe('arrived')
    // A workstation clock a few minutes fast is no future.
    const skewed = await saved('logbooks:create', callout({ arrivedAt: later(5) }, later(4)))
    expect(skewed.status).toBe('arrived')
    expect(await total('callout')).toBe(3)
  })

  it('出入境审核: a hand-over in the future is refused on amendment, nothing saved', async () => {
    const checked = await saved('logbooks:create', exitReview())
    expect(checked.status).toBe('file_checked')
    await refused(
      'logbooks:amend',
      { ...exitReview({ fieldOfficerId: fieldId, handedAt: NEXT_YEAR }), id: checked.id },
      'handedAt'
    )
    await refused('logbooks:create', exitReview({ fileCheckedAt: later(60) }), 'fileCheckedAt')
    const history = await table.invoke('logbooks:get', { book: 'exitReview', id: checked.id }, meta)
    expect(history.ok && (history.value as { history: unknown[] }).history).toHaveLength(1)

    const handed = await saved('logbooks:amend', {
      ...exitReview({ fieldOfficerId: fieldId, handedAt: later(-10) }),
      id: checked.id
    })
    expect(handed.status).toBe('in_review')
    expect(handed.dueAt).not.toBeNull()
  })

  it('来访咨询: a promised answer time ahead is accepted, an answer time ahead is not', async () => {
    const promised = await saved(
      'logbooks:create',
      visit({ promisedAt: '2026-11-04T09:30:00.000Z' })
    )
    expect(promised).toMatchObject({ status: 'pending', dueAt: '2026-11-04T09:30:00.000Z' })
    await refused(
      'logbooks:amend',
      {
        ...visit({
          promisedAt: '2026-11-04T09:30:00.000Z',
          answer: '已电话告知',
          answeredAt: '2026-11-03T03:00:00.000Z'
        }),
        id: promised.id
      },
      'answeredAt'
    )
    const answered = await saved('logbooks:amend', {
      ...visit({ promisedAt: '2026-11-04T09:30:00.000Z', answer: '已电话告知', answeredAt: NOW }),
      id: promised.id
    })
    expect(answered.status).toBe('answered')
  })

  it('代办上门 and 防盗门预约: an agreed time ahead is kept, a done or fitting time ahead refused', async () => {
    const job = (fields: Record<string, unknown> = {}) => ({
      book: 'proxy',
      occurredAt: NOW,
      fields: {
        residentName: '郑国华',
        serviceKind: 'home',
        matter: '上门采集身份证照片',
        scheduledAt: '2026-11-05T06:00:00.000Z',
        handlerId: fieldId,
        ...fields
      }
    })
    const scheduled = await saved('logbooks:create', job())
    expect(scheduled).toMatchObject({ status: 'scheduled', dueAt: '2026-11-05T06:00:00.000Z' })
    await refused(
      'logbooks:create',
      job({ doneAt: '2026-11-05T06:00:00.000Z', result: '已采集' }),
      'doneAt'
    )

    const door = (fields: Record<string, unknown> = {}) => ({
      book: 'door',
      occurredAt: later(-24 * 60),
      fields: {
        residentName: '吴芳',
        phone: '13812345678',
        address: '复兴门外大街 8 号',
        ...fields
      }
    })
    await refused('logbooks:create', door({ installedAt: NEXT_YEAR }), 'installedAt')
    expect((await saved('logbooks:create', door({ installedAt: later(-5) }))).status).toBe(
      'installed'
    )
  })

  it('a bulk load is checked the same way, all or none', async () => {
    const audit = await auditCount()
    await expect(
      services.logbooks.service.createMany(
        [callout({ arrivedAt: later(-20) }), callout({ arrivedAt: NEXT_YEAR })],
        clerkId
      )
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { arrivedAt: '不能晚于当前时间' } })
    expect(await total('callout')).toBe(0)
    expect(await auditCount()).toBe(audit)
  })
})
