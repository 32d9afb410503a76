import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { ADMIN, fakeClock, openSignedIn } from '../../helpers/services'

// The window's registers of issue #17 through the IPC table, on real services and SQLite.
// Expected deadlines are worked out by hand in station time (UTC+8) in the comments.

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const DIRECTOR = { username: 'zhang.director', displayName: '张所长', password: 'Director123' }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const FIELD = { username: 'zhao.field', displayName: '赵刚', password: 'Field12345' }
const FIELD2 = { username: 'qian.field', displayName: '钱明', password: 'Field12345' }

let services: Awaited<ReturnType<typeof openSignedIn>>
let clock: ReturnType<typeof fakeClock>
let table: ReturnType<typeof createIpcTable>
const ids: Record<'clerk' | 'director' | 'field' | 'field2', string> = {
  clerk: '',
  director: '',
  field: '',
  field2: ''
}

interface View {
  id: string
  rootId: string
  version: number
  status: string
  dueAt: string | null
  officerId: string | null
  fields: Record<string, unknown>
}
interface Saved {
  entry: View
  warnings: string[]
}
interface BoardItem {
  book: string
  id: string
  title: string
  dueAt: string | null
  status: string
}
interface Board {
  now: string
  overdue: BoardItem[]
  dueToday: BoardItem[]
  dueSoon: BoardItem[]
  counts: { book: string; open: number; overdue: number }[]
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

const create = (input: unknown) => call<Saved>('logbooks:create', input)
const amend = (input: unknown) => call<Saved>('logbooks:amend', input)
const total = async (book: string) =>
  (await call<{ total: number }>('logbooks:list', { book })).total

/** The cells of an exported sheet's data row `n` (1-based), by header label. */
async function exportedRow(path: string, n = 1) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  const sheet = workbook.worksheets[0]!
  const header = (sheet.getRow(1).values as unknown[]).map(String)
  const row = sheet.getRow(n + 1).values as unknown[]
  return (label: string) => row[header.indexOf(label)]
}

const signInAs = (who: { username: string; password: string }) => services.auth.signIn(who)

/** Moves the clock on; main locks an idle session after minutes, so the clerk signs in again. */
async function advance(minutes: number) {
  clock.advanceMinutes(minutes)
  await signInAs(CLERK)
}

/** Sets the clock to a time after the events a test enters (main refuses event times ahead). */
async function clockAt(iso: string) {
  clock.set(iso)
  await signInAs(CLERK)
}

const calloutAt = (occurredAt: string, fields: Record<string, unknown> = {}) => ({
  book: 'callout',
  occurredAt,
  fields: {
    callerName: '周敏',
    callerPhone: '13912345678',
    place: '月坛北街 5 号楼',
    matter: '老人在家摔倒，呼叫求助',
    officerIds: [ids.field],
    ...fields
  }
})

const exitReviewAt = (occurredAt: string, fields: Record<string, unknown> = {}) => ({
  book: 'exitReview',
  occurredAt,
  fields: { applicantName: '刘洋', applicationKind: 'passport', ...fields }
})

/** Form received, file checked clean by the clerk, handed to the field officer at `handedAt`. */
const handedOver = (occurredAt: string, handedAt: string) =>
  exitReviewAt(occurredAt, {
    fileCheckedBy: ids.clerk,
    fileCheckedAt: occurredAt,
    fileResult: 'clean',
    fieldOfficerId: ids.field,
    handedAt
  })

const backOfficeAt = (occurredAt: string, fields: Record<string, unknown> = {}) => ({
  book: 'backOffice',
  occurredAt,
  fields: {
    residentName: '陈静',
    business: '出生登记',
    pendingItem: '户口底票归档',
    ...fields
  }
})

const visitAt = (occurredAt: string, fields: Record<string, unknown> = {}) => ({
  book: 'visit',
  occurredAt,
  fields: { channel: 'phone', visitorName: '孙丽', matter: '咨询子女落户需要的材料', ...fields }
})

beforeEach(async () => {
  // Monday 2026-11-02, 10:00 in Beijing.
  clock = fakeClock('2026-11-02T02:00:00.000Z')
  services = await openSignedIn({ now: clock.now })
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const [key, who, role] of [
    ['clerk', CLERK, 'clerk'],
    ['director', DIRECTOR, 'director'],
    ['field', FIELD, 'field'],
    ['field2', FIELD2, 'field']
  ] as const) {
    const row = await services.operators.create(
      { ...who, role, passwordHash: await services.auth.hashPassword(who.password) },
      adminId
    )
    ids[key] = row.id
  }
  await signInAs(CLERK)
})
afterEach(() => services.cleanup())

describe('deadlines of the window registers', () => {
  it('a call-out is due in 5 minutes by day and 10 at night (22:00–06:00)', async () => {
    await clockAt('2026-11-03T00:00:00.000Z')
    const cases: [string, string][] = [
      // [call (UTC), due (UTC)]  — station time in the comments
      ['2026-11-02T02:00:00.000Z', '2026-11-02T02:05:00.000Z'], // 10:00 → 10:05
      ['2026-11-02T13:59:00.000Z', '2026-11-02T14:04:00.000Z'], // 21:59 → 22:04 (day rule)
      ['2026-11-02T14:00:00.000Z', '2026-11-02T14:10:00.000Z'], // 22:00 → 22:10 (night)
      ['2026-11-02T15:00:00.000Z', '2026-11-02T15:10:00.000Z'], // 23:00 → 23:10
      ['2026-11-02T15:55:00.000Z', '2026-11-02T16:05:00.000Z'], // 23:55 → 00:05 next day
      ['2026-11-02T21:59:00.000Z', '2026-11-02T22:09:00.000Z'], // 05:59 → 06:09 (night)
      ['2026-11-02T22:00:00.000Z', '2026-11-02T22:05:00.000Z'], // 06:00 → 06:05 (day)
      // The call's seconds stay (an import or a "now" carries them).
      ['2026-11-02T02:10:45.500Z', '2026-11-02T02:15:45.500Z'], // 10:10:45.5 → 10:15:45.5
      ['2026-11-02T15:59:59.000Z', '2026-11-02T16:09:59.000Z'] // 23:59:59 → 00:09:59 (night)
    ]
    for (const [occurredAt, dueAt] of cases) {
      const { entry } = await create(calloutAt(occurredAt))
      expect({ occurredAt, dueAt: entry.dueAt, status: entry.status }).toEqual({
        occurredAt,
        dueAt,
        status: 'dispatched'
      })
      expect(entry.officerId).toBe(ids.field)
    }
  })

  it('a door booked on 2026-09-28 is due after the National Day holiday', async () => {
    // 09-28 + 5 calendar days = 10-03, a holiday (10-01..07): next working day 10-08, 17:30.
    const { entry } = await create({
      book: 'door',
      occurredAt: '2026-09-28T02:00:00.000Z',
      fields: { residentName: '吴芳', phone: '13812345678', address: '复兴门外大街 8 号 3 门 402' }
    })
    expect(entry).toMatchObject({ status: 'booked', dueAt: '2026-10-08T09:30:00.000Z' })
    // 11-02 + 5 = Saturday 11-07 (no swapped working day): Monday 11-09, 17:30.
    const november = await create({
      book: 'door',
      occurredAt: '2026-11-02T02:00:00.000Z',
      fields: { residentName: '吴芳', phone: '13812345678', address: '复兴门外大街 8 号 3 门 402' }
    })
    expect(november.entry.dueAt).toBe('2026-11-09T09:30:00.000Z')
  })

  it('an exit-entry review is due from the hand-over only, in the rule the administrator sets', async () => {
    // No deadline while the file is only received or checked.
    const received = await create(exitReviewAt('2026-09-29T01:00:00.000Z'))
    expect(received.entry).toMatchObject({ status: 'entered', dueAt: null })
    const checked = await create(
      exitReviewAt('2026-09-29T01:00:00.000Z', {
        fileCheckedBy: ids.clerk,
        fileCheckedAt: '2026-09-29T02:00:00.000Z',
        fileResult: 'clean'
      })
    )
    expect(checked.entry).toMatchObject({ status: 'file_checked', dueAt: null })

    // Handed over Wednesday 09-30 10:00: + 2 calendar days = 10-02, a holiday → 10-08 17:30.
    const first = await create(handedOver('2026-09-30T01:00:00.000Z', '2026-09-30T02:00:00.000Z'))
    expect(first.entry).toMatchObject({
      status: 'in_review',
      dueAt: '2026-10-08T09:30:00.000Z',
      officerId: ids.field
    })

    // The clerk may not change the rules.
    const rules =
      await call<{ id: string; code: string; name: string; unit: string }[]>('logbooks:rules')
    const rule = rules.find((r) => r.code === 'SLA-EXIT-REVIEW')!
    expect(rule.unit).toBe('calendarDays')
    const change = {
      id: rule.id,
      name: rule.name,
      amount: 2,
      unit: 'workingDays',
      maxAmount: null
    }
    await expect(call('logbooks:updateRule', change)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(ADMIN)
    expect(await call('logbooks:updateRule', change)).toMatchObject({
      code: 'SLA-EXIT-REVIEW',
      unit: 'workingDays',
      amount: 2
    })
    await signInAs(CLERK)

    // The next hand-over, same time: 2 working days after 09-30 = 10-08, 10-09 → 10-09 17:30.
    const second = await create(handedOver('2026-09-30T01:00:00.000Z', '2026-09-30T02:00:00.000Z'))
    expect(second.entry.dueAt).toBe('2026-10-09T09:30:00.000Z')
    // Handed over Friday 10-09: 10-10 is a swapped working Saturday, so 10-10, 10-12 → 10-12.
    const third = await create(handedOver('2026-10-09T01:00:00.000Z', '2026-10-09T02:00:00.000Z'))
    expect(third.entry.dueAt).toBe('2026-10-12T09:30:00.000Z')
    // The entry saved before the change keeps its deadline.
    const kept = await call<{ entry: View }>('logbooks:get', {
      book: 'exitReview',
      id: first.entry.id
    })
    expect(kept.entry.dueAt).toBe('2026-10-08T09:30:00.000Z')
    // And when the opinion comes back (an amendment): the promise made at the hand-over stands.
    const base = handedOver('2026-09-30T01:00:00.000Z', '2026-09-30T02:00:00.000Z')
    await clockAt('2026-10-09T02:00:00.000Z')
    const returned = await amend({
      ...base,
      id: first.entry.id,
      fields: {
        ...base.fields,
        reviewOpinion: '经审核，同意办理',
        reviewReturnedAt: '2026-10-08T08:00:00.000Z'
      }
    })
    expect(returned.entry).toMatchObject({ status: 'reviewed', dueAt: '2026-10-08T09:30:00.000Z' })
    // A corrected hand-over time is a new start: today's rule applies.
    const rehanded = await amend({
      ...handedOver('2026-09-30T01:00:00.000Z', '2026-09-30T03:00:00.000Z'),
      id: returned.entry.id
    })
    expect(rehanded.entry.dueAt).toBe('2026-10-09T09:30:00.000Z')
  })

  it('a visit is due when the answer was promised; one answered at once has no deadline', async () => {
    await clockAt('2026-11-03T04:00:00.000Z')
    const pending = await create(
      visitAt('2026-11-02T02:00:00.000Z', { promisedAt: '2026-11-04T09:30:00.000Z' })
    )
    expect(pending.entry).toMatchObject({ status: 'pending', dueAt: '2026-11-04T09:30:00.000Z' })
    const now = await create(
      visitAt('2026-11-02T02:10:00.000Z', { answer: '带出生医学证明和父母户口簿即可' })
    )
    expect(now.entry).toMatchObject({ status: 'answered_now', dueAt: null })
    const answered = await amend({
      ...visitAt('2026-11-02T02:00:00.000Z', {
        promisedAt: '2026-11-04T09:30:00.000Z',
        answer: '已电话告知',
        answeredAt: '2026-11-03T03:00:00.000Z'
      }),
      id: pending.entry.id
    })
    expect(answered.entry).toMatchObject({
      status: 'answered',
      dueAt: '2026-11-04T09:30:00.000Z',
      version: 2
    })
  })

  it('a proxy job is due at its agreed time and belongs to its officer', async () => {
    const resident = await create({
      book: 'proxyResident',
      occurredAt: '2026-11-02T02:00:00.000Z',
      status: 'active',
      fields: { residentName: '郑国华', category: 'retiredCadre', address: '三里河路 12 号' }
    })
    expect(resident.entry).toMatchObject({ status: 'active', dueAt: null })
    const { entry } = await create({
      book: 'proxy',
      occurredAt: '2026-11-02T02:00:00.000Z',
      fields: {
        residentId: resident.entry.rootId,
        residentName: '郑国华',
        serviceKind: 'proxy',
        matter: '代办居住证签注',
        scheduledAt: '2026-11-05T06:00:00.000Z',
        handlerId: ids.field2
      }
    })
    expect(entry).toMatchObject({
      status: 'scheduled',
      dueAt: '2026-11-05T06:00:00.000Z',
      officerId: ids.field2
    })
  })

  it('a back-office item is due at office close, or 23:59 after hours; office hours move it', async () => {
    await clockAt('2026-11-02T11:00:00.000Z')
    const day = await create(backOfficeAt('2026-11-02T02:00:00.000Z')) // 10:00
    expect(day.entry).toMatchObject({ status: 'open', dueAt: '2026-11-02T09:30:00.000Z' }) // 17:30
    const late = await create(backOfficeAt('2026-11-02T10:10:00.000Z')) // 18:10
    expect(late.entry.dueAt).toBe('2026-11-02T15:59:00.000Z') // 23:59

    await signInAs(DIRECTOR)
    const config = await call<{ officeHours: { start: string; end: string } }>('staff:config')
    expect(config.officeHours).toEqual({ start: '08:00', end: '17:30' })
    await call('staff:updateConfig', { ...config, officeHours: { start: '08:00', end: '18:30' } })
    await signInAs(CLERK)

    const day2 = await create(backOfficeAt('2026-11-02T02:00:00.000Z')) // 10:00
    expect(day2.entry.dueAt).toBe('2026-11-02T10:30:00.000Z') // 18:30
    const late2 = await create(backOfficeAt('2026-11-02T10:10:00.000Z')) // 18:10, now in hours
    expect(late2.entry.dueAt).toBe('2026-11-02T10:30:00.000Z') // 18:30
    const after = await create(backOfficeAt('2026-11-02T10:30:00.000Z')) // 18:30
    expect(after.entry.dueAt).toBe('2026-11-02T15:59:00.000Z')

    // Items made before the change keep the deadline they were given when cleared…
    const cleared = await amend({
      ...backOfficeAt('2026-11-02T02:00:00.000Z', { clearedAt: '2026-11-02T10:00:00.000Z' }),
      id: day.entry.id
    })
    expect(cleared.entry.dueAt).toBe('2026-11-02T09:30:00.000Z') // still 17:30: cleared late
    const lateKept = await amend({
      ...backOfficeAt('2026-11-02T10:10:00.000Z', { clearedAt: '2026-11-02T11:00:00.000Z' }),
      id: late.entry.id
    })
    expect(lateKept.entry.dueAt).toBe('2026-11-02T15:59:00.000Z')
    // …unless the correction moves the item's own time: then today's hours apply.
    const moved = await amend({
      ...backOfficeAt('2026-11-02T10:05:00.000Z', { clearedAt: '2026-11-02T11:00:00.000Z' }),
      id: lateKept.entry.id
    })
    expect(moved.entry.dueAt).toBe('2026-11-02T10:30:00.000Z') // 18:05 → 18:30
  })
})

describe('steps in order', () => {
  const refused = async (input: unknown, field: string, message: RegExp) => {
    const result = await table.invoke('logbooks:create', input, meta)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(Object.keys(result.error.fields ?? {})).toEqual([field])
    expect(result.error.fields![field]).toMatch(message)
    expect(result.error.message).toContain(field)
  }

  it('refuses each step out of order at its field and saves nothing', async () => {
    await refused(
      exitReviewAt('2026-11-02T01:00:00.000Z', {
        fileCheckedBy: ids.clerk,
        fileCheckedAt: '2026-11-02T01:30:00.000Z',
        fileResult: 'problem',
        fieldOfficerId: ids.field,
        handedAt: '2026-11-02T02:00:00.000Z'
      }),
      'handedAt',
      /档案核查无异常后才能交外勤审核/
    )
    await refused(
      calloutAt('2026-11-02T02:00:00.000Z', { outcome: '已送医' }),
      'arrivedAt',
      /到达现场时间/
    )
    await refused(
      calloutAt('2026-11-02T02:00:00.000Z', { arrivedAt: '2026-11-02T01:59:00.000Z' }),
      'arrivedAt',
      /到达现场时间不能早于接警时间/
    )
    await refused(visitAt('2026-11-02T02:00:00.000Z'), 'promisedAt', /承诺答复时间/)
    for (const book of ['exitReview', 'callout', 'visit']) expect(await total(book)).toBe(0)
  })

  it('refuses a returned review before the hand-over, and an amendment that breaks the order', async () => {
    await refused(
      exitReviewAt('2026-11-02T01:00:00.000Z', {
        reviewOpinion: '同意',
        reviewReturnedAt: '2026-11-02T01:30:00.000Z'
      }),
      'reviewReturnedAt',
      /尚未交外勤审核/
    )
    const { entry } = await create(calloutAt('2026-11-02T02:00:00.000Z'))
    const result = await table.invoke(
      'logbooks:amend',
      {
        ...calloutAt('2026-11-02T02:00:00.000Z', { arrivedAt: '2026-11-02T01:00:00.000Z' }),
        id: entry.id
      },
      meta
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields).toHaveProperty('arrivedAt')
    const { history } = await call<{ history: View[] }>('logbooks:get', {
      book: 'callout',
      id: entry.id
    })
    expect(history).toHaveLength(1)
  })
})

describe('statuses follow the steps', () => {
  it('an exit review goes entered → file_checked → in_review → reviewed → approved → told', async () => {
    await clockAt('2026-11-03T06:00:00.000Z')
    const occurredAt = '2026-11-02T01:00:00.000Z'
    const steps: [Record<string, unknown>, string][] = [
      [{}, 'entered'],
      [
        {
          fileCheckedBy: ids.clerk,
          fileCheckedAt: '2026-11-02T01:30:00.000Z',
          fileResult: 'clean'
        },
        'file_checked'
      ],
      [{ fieldOfficerId: ids.field, handedAt: '2026-11-02T02:00:00.000Z' }, 'in_review'],
      [
        { reviewOpinion: '经审核无异常，同意', reviewReturnedAt: '2026-11-03T06:00:00.000Z' },
        'reviewed'
      ]
    ]
    let fields: Record<string, unknown> = {}
    let id = ''
    const seen: [number, string, string | null][] = []
    for (const [more] of steps) {
      fields = { ...fields, ...more }
      // A status from the form is ignored: main derives it.
      const input = { ...exitReviewAt(occurredAt, fields), status: 'told' }
      const { entry } = id ? await amend({ ...input, id }) : await create(input)
      id = entry.id
      seen.push([entry.version, entry.status, entry.dueAt])
    }
    // The director approves after the opinion came back (the clock moves past it).
    await advance(3 * 24 * 60)
    await signInAs(DIRECTOR)
    const approved = await call<Saved['entry']>('logbooks:approveExitReview', {
      id,
      password: DIRECTOR.password
    })
    seen.push([approved.version, approved.status, approved.dueAt])
    await signInAs(CLERK)
    const told = await amend({
      ...exitReviewAt(occurredAt, {
        ...fields,
        toldAt: clock.now().toISOString(),
        toldNote: '电话告知本人'
      }),
      id: approved.id
    })
    seen.push([told.entry.version, told.entry.status, told.entry.dueAt])
    // Handed over Monday 11-02 10:00: + 2 days = Wednesday 11-04, 17:30.
    const due = '2026-11-04T09:30:00.000Z'
    expect(seen).toEqual([
      [1, 'entered', null],
      [2, 'file_checked', null],
      [3, 'in_review', due],
      [4, 'reviewed', due],
      [5, 'approved', due],
      [6, 'told', due]
    ])
  })

  it('a call-out is dispatched, then on scene, then handled', async () => {
    const { entry } = await create({ ...calloutAt('2026-11-02T02:00:00.000Z'), status: 'closed' })
    expect(entry.status).toBe('dispatched')
    const arrived = await amend({
      ...calloutAt('2026-11-02T02:00:00.000Z', { arrivedAt: '2026-11-02T02:04:00.000Z' }),
      id: entry.id
    })
    expect(arrived.entry.status).toBe('arrived')
    const closed = await amend({
      ...calloutAt('2026-11-02T02:00:00.000Z', {
        arrivedAt: '2026-11-02T02:04:00.000Z',
        outcome: '已送医，家属已到场'
      }),
      id: arrived.entry.id
    })
    expect(closed.entry.status).toBe('closed')
  })
})

describe('the today board and staff figures', () => {
  it('lists an overdue review and an open back-office item at 17:31, not a late call-out', async () => {
    // Handed over Wednesday 10-28 10:00: due Friday 10-30 17:30, overdue by Monday.
    const review = await create(handedOver('2026-10-27T01:00:00.000Z', '2026-10-28T02:00:00.000Z'))
    expect(review.entry.dueAt).toBe('2026-10-30T09:30:00.000Z')
    // Received but not yet handed over: no deadline, not on the board.
    const waiting = await create(exitReviewAt('2026-10-27T01:00:00.000Z'))
    const back = await create(backOfficeAt('2026-11-02T02:00:00.000Z'))

    let board = await call<Board>('logbooks:today')
    expect(board.overdue.map((i) => i.id)).toEqual([review.entry.id])
    expect(board.dueToday.map((i) => i.id)).toEqual([back.entry.id])

    // 16:00 a call; arrival at 16:08 is 3 minutes after the 16:05 deadline, logged at 16:10.
    await advance(6 * 60 + 10)
    const late = await create(
      calloutAt('2026-11-02T08:00:00.000Z', { arrivedAt: '2026-11-02T08:08:00.000Z' })
    )
    expect(late.entry).toMatchObject({ status: 'arrived', dueAt: '2026-11-02T08:05:00.000Z' })
    // 17:31.
    await advance(81)
    board = await call<Board>('logbooks:today')
    expect(board.now).toBe('2026-11-02T09:31:00.000Z')
    expect(board.overdue.map((i) => [i.book, i.id])).toEqual([
      ['exitReview', review.entry.id],
      ['backOffice', back.entry.id]
    ])
    // The board says what is still to do, not only whose it is.
    expect(board.overdue[1]!.title).toBe('陈静：户口底票归档')
    const onBoard = [...board.overdue, ...board.dueToday, ...board.dueSoon].map((i) => i.id)
    expect(onBoard).not.toContain(late.entry.id)
    expect(onBoard).not.toContain(waiting.entry.id)
    const count = (book: string) => board.counts.find((c) => c.book === book)
    expect(count('callout')).toMatchObject({ open: 0, overdue: 0 })
    expect(count('backOffice')).toMatchObject({ open: 1, overdue: 1 })
    expect(count('exitReview')).toMatchObject({ open: 2, overdue: 1 })

    // Counted late: due on 11-02, not on time.
    const figures = await services.logbooks.repo.officerFigures('2026-11-02', '2026-11-03')
    expect(figures.get(ids.field)).toEqual({ entries: 1, due: 1, onTime: 0 })
  })

  it('a call-out at 11:00:45 reached at 11:05:30 is on time, in the figures too', async () => {
    await clockAt('2026-11-02T04:00:00.000Z')
    const { entry } = await create(
      calloutAt('2026-11-02T03:00:45.000Z', { arrivedAt: '2026-11-02T03:05:30.000Z' })
    )
    expect(entry.dueAt).toBe('2026-11-02T03:05:45.000Z')
    const figures = await services.logbooks.repo.officerFigures('2026-11-02', '2026-11-03')
    expect(figures.get(ids.field)).toEqual({ entries: 1, due: 1, onTime: 1 })
  })

  it('a call-out counts for every officer sent; an amendment replaces the figures', async () => {
    await clockAt('2026-11-02T04:00:00.000Z')
    // 11:00, arrived 11:05 sharp: on time.
    const { entry } = await create(
      calloutAt('2026-11-02T03:00:00.000Z', {
        officerIds: [ids.field, ids.field2],
        arrivedAt: '2026-11-02T03:05:00.000Z'
      })
    )
    const figures = () => services.logbooks.repo.officerFigures('2026-11-02', '2026-11-03')
    let now = await figures()
    expect(now.get(ids.field)).toEqual({ entries: 1, due: 1, onTime: 1 })
    expect(now.get(ids.field2)).toEqual({ entries: 1, due: 1, onTime: 1 })
    expect(now.has(ids.clerk)).toBe(false)

    // The outcome added: still one call-out each.
    const v2 = await amend({
      ...calloutAt('2026-11-02T03:00:00.000Z', {
        officerIds: [ids.field, ids.field2],
        arrivedAt: '2026-11-02T03:05:00.000Z',
        outcome: '已调解'
      }),
      id: entry.id
    })
    now = await figures()
    expect(now.get(ids.field)).toEqual({ entries: 1, due: 1, onTime: 1 })
    expect(now.get(ids.field2)).toEqual({ entries: 1, due: 1, onTime: 1 })

    // Corrected: only the second officer went, and arrived at 11:06 (late).
    await amend({
      ...calloutAt('2026-11-02T03:00:00.000Z', {
        officerIds: [ids.field2],
        arrivedAt: '2026-11-02T03:06:00.000Z',
        outcome: '已调解'
      }),
      id: v2.entry.id,
      reason: '出警民警登记有误'
    })
    now = await figures()
    expect(now.get(ids.field) ?? { entries: 0, due: 0, onTime: 0 }).toEqual({
      entries: 0,
      due: 0,
      onTime: 0
    })
    expect(now.get(ids.field2)).toEqual({ entries: 1, due: 1, onTime: 0 })

    // The list by officer finds a call-out by any officer sent.
    const byOfficer = async (officerId: string) =>
      (await call<{ total: number }>('logbooks:list', { book: 'callout', officerId })).total
    expect(await byOfficer(ids.field2)).toBe(1)
    expect(await byOfficer(ids.field)).toBe(0)
  })
})

describe('guards and links', () => {
  it('the database refuses edits and deletes of a call-out', async () => {
    const { entry } = await create(calloutAt('2026-11-02T02:00:00.000Z'))
    expect(() =>
      services.sqlite.prepare("UPDATE logbook_callout SET place = 'x' WHERE id = ?").run(entry.id)
    ).toThrow(/append-only/)
    expect(() =>
      services.sqlite
        .prepare("UPDATE logbook_callout SET arrived_at = '2026-11-02T02:01:00.000Z' WHERE id = ?")
        .run(entry.id)
    ).toThrow(/append-only/)
    expect(() =>
      services.sqlite.prepare('DELETE FROM logbook_callout WHERE id = ?').run(entry.id)
    ).toThrow(/append-only/)
    const { entry: stored } = await call<{ entry: View }>('logbooks:get', {
      book: 'callout',
      id: entry.id
    })
    expect(stored.fields.place).toBe('月坛北街 5 号楼')
    expect(stored.fields.arrivedAt).toBeUndefined()
  })

  it('a link must point at a real entry of the linked book', async () => {
    const missing = '0190a3b4-0000-7000-8000-000000000000'
    await expect(
      create(calloutAt('2026-11-02T02:00:00.000Z', { caseEntryId: missing }))
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { caseEntryId: expect.any(String) } })
    await expect(
      create({
        book: 'proxy',
        occurredAt: '2026-11-02T02:00:00.000Z',
        fields: {
          residentId: missing,
          residentName: '郑国华',
          serviceKind: 'home',
          matter: '上门办理身份证',
          scheduledAt: '2026-11-03T02:00:00.000Z'
        }
      })
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { residentId: expect.any(String) } })
    expect(await total('callout')).toBe(0)
    expect(await total('proxy')).toBe(0)

    const caseEntry = await create({
      book: 'case',
      occurredAt: '2026-11-02T01:30:00.000Z',
      status: 'accepted',
      fields: {
        kind: 'dispute',
        parties: [{ name: '赵强' }],
        summary: '邻里纠纷',
        officerId: ids.field
      }
    })
    // A call-out is no case: an id of another book is refused too.
    const other = await create(calloutAt('2026-11-02T02:00:00.000Z'))
    await expect(
      create(calloutAt('2026-11-02T02:00:00.000Z', { caseEntryId: other.entry.rootId }))
    ).rejects.toMatchObject({ fields: { caseEntryId: expect.any(String) } })
    const linked = await create(
      calloutAt('2026-11-02T02:00:00.000Z', { caseEntryId: caseEntry.entry.rootId })
    )
    expect(linked.entry.fields.caseEntryId).toBe(caseEntry.entry.rootId)
  })
})

describe('print and export', () => {
  it('prints and exports the call-out register masked, with lateness, each audited', async () => {
    await clockAt('2026-11-02T09:00:00.000Z')
    await create(
      calloutAt('2026-11-02T08:00:00.000Z', {
        arrivedAt: '2026-11-02T08:08:00.000Z',
        outcome: '已处置'
      })
    )
    const printed = await call<{ path: string; pages: number; rows: number }>('logbooks:print', {
      book: 'callout',
      from: '2026-11-01',
      to: '2026-11-30'
    })
    expect(printed).toMatchObject({ rows: 1, pages: 1 })
    const text = execFileSync('pdftotext', ['-layout', printed.path, '-']).toString()
    expect(text).toMatch(/报警求助出警登记簿/)
    expect(text).toMatch(/周\*/)
    expect(text).not.toMatch(/周敏/)
    expect(text).toMatch(/139\*\*\*\*5678/)

    const xlsx = await call<{ path: string; rows: number }>('logbooks:export', {
      book: 'callout',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'xlsx'
    })
    expect(xlsx.rows).toBe(1)
    const cell = await exportedRow(xlsx.path)
    expect(cell('报警人')).toBe('周*')
    expect(cell('出警民警')).toBe('赵刚')
    expect(cell('承诺期限')).toBe('2026-11-02 16:05')
    expect(cell('是否按时')).toBe('超时 3 分钟')

    const audit = (await services.audit.list({ page: 1, pageSize: 50 })).rows.filter(
      (r) => r.entity === 'logbook.callout' && r.action !== 'logbook.create'
    )
    expect(audit.map((r) => r.action).sort()).toEqual(['logbook.export', 'logbook.print'])
    expect((await services.audit.verify()).ok).toBe(true)
  })
})

describe('the services clock and the fixed rules', () => {
  it('judges 是否按时 of an open step in the export by the services clock, not the machine’s', async () => {
    // The services clock is 2026-11-02 10:00; the answer is promised for 11-20 (the machine's own
    // date is later than that, so a printout judged by it would call the visit overdue).
    await create(visitAt('2026-11-02T02:00:00.000Z', { promisedAt: '2026-11-20T02:00:00.000Z' }))
    const xlsx = await call<{ path: string }>('logbooks:export', {
      book: 'visit',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'xlsx'
    })
    expect((await exportedRow(xlsx.path))('是否按时')).toBe('未到期')
  })

  it('refuses another promise rule on a register whose rule is fixed, saving nothing', async () => {
    await expect(
      create({ ...calloutAt('2026-11-02T02:00:00.000Z'), ruleCode: 'SLA-CASE' })
    ).rejects.toMatchObject({ fields: { ruleCode: expect.stringContaining('SLA-EMERGENCY') } })
    await expect(
      create({
        ...visitAt('2026-11-02T02:00:00.000Z', { promisedAt: '2026-11-04T09:30:00.000Z' }),
        ruleCode: 'SLA-DOOR'
      })
    ).rejects.toMatchObject({ fields: { ruleCode: expect.any(String) } })
    expect(await total('callout')).toBe(0)
    expect(await total('visit')).toBe(0)
    const same = await create({
      ...calloutAt('2026-11-02T02:00:00.000Z'),
      ruleCode: 'SLA-EMERGENCY'
    })
    expect(same.entry.dueAt).toBe('2026-11-02T02:05:00.000Z')
  })
})

describe("the month's call-outs per officer", () => {
  it('counts each officer sent: on time, late, not yet due; far months answer with no rows', async () => {
    // 09:30 call: due 09:35. Both officers on one, 赵 alone on the others.
    await create(
      calloutAt('2026-11-02T01:30:00.000Z', {
        officerIds: [ids.field, ids.field2],
        arrivedAt: '2026-11-02T01:38:00.000Z'
      })
    )
    await create(
      calloutAt('2026-11-02T01:00:00.000Z', {
        officerIds: [ids.field],
        arrivedAt: '2026-11-02T01:04:00.000Z'
      })
    )
    // Called at 09:58 and not arrived at 10:00: not yet due.
    await create(calloutAt('2026-11-02T01:58:00.000Z', { officerIds: [ids.field] }))
    // October is another month.
    await create(calloutAt('2026-10-30T02:00:00.000Z', { officerIds: [ids.field] }))
    const table = await call<{
      rows: {
        officerId: string
        callouts: number
        onTime: number
        late: number
        pending: number
        onTimeRate: number | null
      }[]
    }>('logbooks:calloutMonth', { month: '2026-11' })
    const row = (id: string) => table.rows.find((r) => r.officerId === id)
    expect(row(ids.field)).toMatchObject({
      callouts: 3,
      onTime: 1,
      late: 1,
      pending: 1,
      onTimeRate: 0.5
    })
    expect(row(ids.field2)).toMatchObject({
      callouts: 1,
      onTime: 0,
      late: 1,
      pending: 0,
      onTimeRate: 0
    })
    for (const month of ['9999-12', '0001-01']) {
      expect(await call('logbooks:calloutMonth', { month })).toEqual({ month, rows: [] })
    }
  })
})

describe('promise rules edited by the administrator', () => {
  it('saving SLA-EMERGENCY as the settings screen does (no night fields) keeps its night amount', async () => {
    await signInAs(ADMIN)
    const rules = await call<
      {
        id: string
        code: string
        name: string
        amount: number
        unit: string
        maxAmount: number | null
      }[]
    >('logbooks:rules')
    const rule = rules.find((r) => r.code === 'SLA-EMERGENCY')!
    expect(rule).toMatchObject({ nightAmount: 10, nightStart: '22:00', nightEnd: '06:00' })
    // LogbookSettings.saveRule sends these five fields only.
    const saved = await call('logbooks:updateRule', {
      id: rule.id,
      name: rule.name,
      amount: 6,
      unit: rule.unit,
      maxAmount: rule.maxAmount
    })
    expect(saved).toMatchObject({
      amount: 6,
      nightAmount: 10,
      nightStart: '22:00',
      nightEnd: '06:00'
    })
    await clockAt('2026-11-02T16:00:00.000Z')
    const day = await create(calloutAt('2026-11-02T02:00:00.000Z')) // 10:00 → 10:06
    expect(day.entry.dueAt).toBe('2026-11-02T02:06:00.000Z')
    const night = await create(calloutAt('2026-11-02T15:00:00.000Z')) // 23:00 → 23:10
    expect(night.entry.dueAt).toBe('2026-11-02T15:10:00.000Z')

    // Clearing the night hours on purpose still works.
    await signInAs(ADMIN)
    expect(
      await call('logbooks:updateRule', {
        id: rule.id,
        name: rule.name,
        amount: 6,
        unit: rule.unit,
        maxAmount: null,
        nightAmount: null,
        nightStart: null,
        nightEnd: null
      })
    ).toMatchObject({ nightAmount: null, nightStart: null, nightEnd: null })
    await signInAs(CLERK)
    const plain = await create(calloutAt('2026-11-02T15:00:00.000Z')) // 23:00 → 23:06
    expect(plain.entry.dueAt).toBe('2026-11-02T15:06:00.000Z')
  })
})

describe('times sent without milliseconds', () => {
  it('an arrival exactly at the deadline is on time however the instant is written', async () => {
    // 10:00 call, arrival 10:05:00 written without milliseconds ("…:00Z" is a valid ISO time).
    const { entry } = await create(
      calloutAt('2026-11-02T02:00:00Z', { arrivedAt: '2026-11-02T02:05:00Z' })
    )
    expect(entry.dueAt).toBe('2026-11-02T02:05:00.000Z')
    const figures = await services.logbooks.repo.officerFigures('2026-11-02', '2026-11-03')
    expect(figures.get(ids.field)).toEqual({ entries: 1, due: 1, onTime: 1 })
    const xlsx = await call<{ path: string }>('logbooks:export', {
      book: 'callout',
      from: '2026-11-02',
      to: '2026-11-02',
      format: 'xlsx'
    })
    expect((await exportedRow(xlsx.path))('是否按时')).toBe('按时')
  })

  it('a visit promised by a time written without milliseconds is due then', async () => {
    const { entry } = await create(
      visitAt('2026-11-02T02:00:00Z', { promisedAt: '2026-11-04T09:30:00Z' })
    )
    expect(entry.dueAt).toBe('2026-11-04T09:30:00.000Z')
  })
})

describe('closing without the step that meets the deadline', () => {
  it('a proxy job the resident cancelled is no missed deadline for its officer', async () => {
    await clockAt('2026-11-02T08:00:00.000Z')
    const job = (fields: Record<string, unknown> = {}) => ({
      book: 'proxy',
      occurredAt: '2026-11-02T02:00:00.000Z',
      fields: {
        residentName: '郑国华',
        serviceKind: 'home',
        matter: '上门采集身份证照片',
        scheduledAt: '2026-11-02T07:00:00.000Z', // 15:00
        handlerId: ids.field2,
        ...fields
      }
    })
    const { entry } = await create(job())
    const figures = () => services.logbooks.repo.officerFigures('2026-11-02', '2026-11-03')
    expect((await figures()).get(ids.field2)).toEqual({ entries: 1, due: 1, onTime: 0 })
    const cancelled = await amend({ ...job({ cancelReason: '老人住院，改期再约' }), id: entry.id })
    expect(cancelled.entry).toMatchObject({ status: 'cancelled', dueAt: null })
    expect((await figures()).get(ids.field2)).toEqual({ entries: 1, due: 0, onTime: 0 })
    // A job done late still counts as due and late.
    const other = await create(job({ doneAt: '2026-11-02T07:30:00.000Z', result: '已采集' }))
    expect(other.entry).toMatchObject({ status: 'done', dueAt: '2026-11-02T07:00:00.000Z' })
    expect((await figures()).get(ids.field2)).toEqual({ entries: 2, due: 1, onTime: 0 })
  })
})

describe("the director's sign-off on the new registers", () => {
  it('the approval is its own step; the daily sign-off stays separate and a signed version is corrected with a reason', async () => {
    const fields = {
      fileCheckedBy: ids.clerk,
      fileCheckedAt: '2026-11-02T01:30:00.000Z',
      fileResult: 'clean',
      fieldOfficerId: ids.field,
      handedAt: '2026-11-02T02:00:00.000Z',
      reviewOpinion: '无异常，同意',
      reviewReturnedAt: '2026-11-03T02:00:00.000Z'
    }
    await clockAt('2026-11-03T02:00:00.000Z')
    const { entry } = await create(exitReviewAt('2026-11-02T01:00:00.000Z', fields))
    expect(entry.status).toBe('reviewed')
    await advance(2 * 24 * 60)
    await expect(
      call('logbooks:approveExitReview', { id: entry.id, password: CLERK.password })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(DIRECTOR)
    const approved = await call<Saved['entry']>('logbooks:approveExitReview', {
      id: entry.id,
      password: DIRECTOR.password
    })
    expect(approved).toMatchObject({ version: 2, status: 'approved', signedAt: null })
    const signed = await call<{ signedByName: string; signedAt: string }>('logbooks:signOff', {
      book: 'exitReview',
      id: approved.id,
      password: DIRECTOR.password
    })
    expect(signed.signedByName).toBe('张所长')
    await signInAs(CLERK)
    const told = {
      ...exitReviewAt('2026-11-02T01:00:00.000Z', {
        ...fields,
        toldAt: clock.now().toISOString(),
        toldNote: '电话告知本人'
      }),
      id: approved.id
    }
    await expect(amend(told)).rejects.toMatchObject({ fields: { reason: expect.any(String) } })
    const v3 = await amend({ ...told, reason: '告知申请人' })
    expect(v3.entry).toMatchObject({ version: 3, status: 'told', signedAt: null })
    expect(v3.entry.fields.approvedBy).toBe(ids.director)
  })
})

describe('search in the new registers', () => {
  it('finds a call-out by a word of its place (trigram index) and by the whole phone number', async () => {
    await create(calloutAt('2026-11-02T02:00:00.000Z'))
    await create(
      calloutAt('2026-11-02T01:00:00.000Z', {
        place: '复兴门外大街 8 号',
        callerPhone: '13700001111'
      })
    )
    const found = async (text: string) =>
      (await call<{ total: number }>('logbooks:list', { book: 'callout', text })).total
    expect(await found('月坛北街')).toBe(1)
    expect(await found('复兴门外')).toBe(1)
    expect(await found('西单')).toBe(0)
    expect(await found('13912345678')).toBe(1)
    expect(await found('13700001111')).toBe(1)
    // Phone numbers are sealed: the search text holds only the masked form.
    const raw = services.sqlite
      .prepare('SELECT search_text, caller_phone FROM logbook_callout')
      .all() as { search_text: string; caller_phone: string }[]
    expect(raw.map((r) => r.search_text).join(' ')).not.toContain('13912345678')
    expect(raw.map((r) => r.caller_phone).join(' ')).not.toContain('13912345678')
  })
})
