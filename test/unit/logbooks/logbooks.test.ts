import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { EntryInput } from '../../../src/shared/logbooks/contract'
import { fakeClock, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const DIRECTOR = { username: 'zhang.director', displayName: '张所长', password: 'Director123' }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }

let services: Awaited<ReturnType<typeof openSignedIn>>
let clock: ReturnType<typeof fakeClock>
let table: ReturnType<typeof createIpcTable>
let clerkId: string

async function addOperator(who: typeof CLERK, role: 'clerk' | 'director') {
  const adminId = services.auth.current()!.operator.id
  const row = await services.operators.create(
    { ...who, role, passwordHash: await services.auth.hashPassword(who.password) },
    adminId
  )
  return row.id
}

const signInAs = (who: typeof CLERK) => services.auth.signIn(who)

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

const phoneBooking = (occurredAt: string): EntryInput => ({
  book: 'phone',
  occurredAt,
  status: 'open',
  fields: {
    callerName: '王秀英',
    sex: 'female',
    address: '月坛北街 3 号楼 2 门 301',
    matter: '老人行动不便，预约上门办理居住登记',
    callerPhone: '138 1234 5678'
  }
})

beforeEach(async () => {
  // 2026-09-30 10:00 in Beijing.
  clock = fakeClock('2026-09-30T02:00:00.000Z')
  services = await openSignedIn({ now: clock.now })
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  clerkId = await addOperator(CLERK, 'clerk')
  await addOperator(DIRECTOR, 'director')
  await signInAs(CLERK)
})
afterEach(() => services.cleanup())

describe('many entries at once', () => {
  it('saves all with their deadlines and audit rows, or none when one is bad', async () => {
    const count = () =>
      services.logbooks.repo.list({
        book: 'phone',
        sort: 'occurredAt',
        order: 'desc',
        page: 1,
        pageSize: 10
      })
    const good = [0, 1, 2].map((i) => phoneBooking(`2026-09-2${i + 1}T02:00:00.000Z`))
    const bad = { ...good[1]!, fields: { ...good[1]!.fields, callerPhone: '12345' } } as EntryInput
    await expect(services.logbooks.service.createMany([good[0]!, bad], clerkId)).rejects.toThrow(
      /^第 2 条：/
    )
    expect((await count()).total).toBe(0)

    const ids = await services.logbooks.service.createMany(good, clerkId)
    expect(ids).toHaveLength(3)
    const { rows } = await count()
    expect(rows.map((r) => r.dueAt)).toEqual([
      '2026-09-24T02:00:00.000Z',
      '2026-09-23T02:00:00.000Z',
      '2026-09-22T02:00:00.000Z'
    ])
    const audit = await services.audit.list({ page: 1, pageSize: 10, action: 'logbook.create' })
    expect(audit.rows.map((r) => r.entityId).sort()).toEqual([...ids].sort())
  })

  it('stores every field of a batch larger than one insert statement, across books', async () => {
    const inputs = Array.from({ length: 123 }, (_, i) =>
      i % 3 === 0
        ? {
            book: 'liaison' as const,
            occurredAt: new Date(Date.UTC(2026, 8, 1, 2, i)).toISOString(),
            status: 'open',
            fields: { contactName: '陈静', matter: `事项 ${i}` }
          }
        : phoneBooking(new Date(Date.UTC(2026, 8, 1, 2, i)).toISOString())
    )
    const ids = await services.logbooks.service.createMany(inputs, clerkId)
    expect(new Set(ids).size).toBe(123)
    for (const i of [0, 1, 50, 61, 122]) {
      const { entry } = await services.logbooks.service.get(inputs[i]!.book, ids[i]!)
      expect(entry.occurredAt).toBe(inputs[i]!.occurredAt)
      expect(entry.createdBy).toBe(clerkId)
      expect(entry.fields.matter).toBe(inputs[i]!.fields.matter)
    }
    const audit = await services.audit.list({ page: 1, pageSize: 200, action: 'logbook.create' })
    // Newest first: the audit rows follow the batch's order, one per entry.
    expect(audit.rows.map((r) => r.entityId).reverse()).toEqual(ids)
    expect(await services.audit.verify()).toMatchObject({ ok: true, firstBroken: null })
  })
})

describe('deadlines from the promise rules and the working-day calendar', () => {
  it('a case accepted before the 2026 National Day holiday is due 7 working days later', async () => {
    const { entry } = await call<{ entry: { dueAt: string } }>('logbooks:create', {
      book: 'case',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'accepted',
      fields: {
        kind: 'dispute',
        parties: [{ name: '赵强', idNumber: '11010519491231002X', phone: '13812345678' }],
        summary: '邻里漏水纠纷',
        officerId: clerkId
      }
    })
    // 10-01..07 off, 10-10 a swapped working Saturday: 8, 9, 10, 12, 13, 14, 15 → 10-15 17:30.
    expect(entry.dueAt).toBe('2026-10-15T09:30:00.000Z')
  })

  it('a phone booking is due in 24 clock hours; a door in 5 days rolled past the holiday', async () => {
    const home = await call<{ entry: { dueAt: string } }>(
      'logbooks:create',
      phoneBooking('2026-09-30T02:00:00.000Z')
    )
    expect(home.entry.dueAt).toBe('2026-10-01T02:00:00.000Z')
    const door = await call<{ entry: { dueAt: string } }>('logbooks:create', {
      ...phoneBooking('2026-09-29T02:00:00.000Z'),
      ruleCode: 'SLA-DOOR'
    })
    // 09-29 + 5 days = 10-04, a holiday: the next working day is 10-08.
    expect(door.entry.dueAt).toBe('2026-10-08T09:30:00.000Z')
  })

  it('the director extends a case to 14 working days only with a reason', async () => {
    const { entry } = await call<{ entry: { id: string } }>('logbooks:create', {
      book: 'case',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'accepted',
      fields: {
        kind: 'security',
        parties: [{ name: '钱进' }],
        summary: '盗窃自行车',
        officerId: clerkId
      }
    })
    await signInAs(DIRECTOR)
    await expect(
      call('logbooks:approveExtension', { id: entry.id, password: DIRECTOR.password })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await signInAs(CLERK)
    const amended = await call<{ entry: { id: string; dueAt: string } }>('logbooks:amend', {
      id: entry.id,
      book: 'case',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'investigating',
      fields: {
        kind: 'security',
        parties: [{ name: '钱进' }],
        summary: '盗窃自行车',
        officerId: clerkId,
        extensionReason: '需调取监控'
      }
    })
    expect(amended.entry.dueAt).toBe('2026-10-15T09:30:00.000Z')
    await expect(
      call('logbooks:approveExtension', { id: amended.entry.id, password: DIRECTOR.password })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(DIRECTOR)
    await expect(
      call('logbooks:approveExtension', { id: amended.entry.id, password: 'wrong-pass1' })
    ).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    const extended = await call<{ id: string; dueAt: string; fields: Record<string, unknown> }>(
      'logbooks:approveExtension',
      { id: amended.entry.id, password: DIRECTOR.password }
    )
    expect(extended.dueAt).toBe('2026-10-26T09:30:00.000Z')
    const director = services.auth.current()!.operator.id
    expect(extended.fields.extensionApprovedBy).toBe(director)
    // The approved version is found by its party's name, and names its officer among its fields
    // (the correction form starts from them).
    expect(extended.fields.officerId).toBe(clerkId)
    const found = await call<{ rows: { id: string }[] }>('logbooks:list', {
      book: 'case',
      text: '钱进',
      sort: 'occurredAt',
      order: 'desc',
      page: 1,
      pageSize: 10
    })
    expect(found.rows.map((row) => row.id)).toEqual([extended.id])

    // The approved reason stands: reworded or cleared, the amendment is refused and saves nothing;
    // the rest of the case may still be corrected, the extension kept.
    await signInAs(CLERK)
    const caseFields = {
      kind: 'security',
      parties: [{ name: '钱进' }],
      summary: '盗窃自行车',
      officerId: clerkId
    }
    const amend = (fields: Record<string, unknown>) =>
      call<{ entry: { id: string; dueAt: string; fields: Record<string, unknown> } }>(
        'logbooks:amend',
        {
          id: extended.id,
          book: 'case',
          occurredAt: '2026-09-30T02:00:00.000Z',
          status: 'investigating',
          reason: '补充情况',
          fields
        }
      )
    for (const extensionReason of ['需调取监控和走访', undefined]) {
      await expect(amend({ ...caseFields, extensionReason })).rejects.toMatchObject({
        code: 'VALIDATION',
        fields: { extensionReason: '所长已批准，“延期理由”不能再更改' }
      })
    }
    expect((await services.logbooks.repo.current('case', extended.id)).current).toBe(true)
    const corrected = await amend({
      ...caseFields,
      summary: '盗窃电动自行车',
      extensionReason: '需调取监控'
    })
    expect(corrected.entry.dueAt).toBe('2026-10-26T09:30:00.000Z')
    expect(corrected.entry.fields).toMatchObject({
      summary: '盗窃电动自行车',
      extensionReason: '需调取监控',
      extensionApprovedBy: director,
      officerId: clerkId
    })
  })
})

describe('validation', () => {
  it('refuses each bad field with a Chinese message at the field and saves nothing', async () => {
    const result = await table.invoke(
      'logbooks:create',
      {
        book: 'case',
        occurredAt: '2026-09-30T02:00:00.000Z',
        status: 'accepted',
        fields: {
          kind: 'dispute',
          parties: [{ name: 'Tom', idNumber: '110105194912310029', phone: '1440123456789' }],
          summary: '',
          officerId: clerkId
        }
      },
      meta
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.fields).toMatchObject({
      'fields.parties.0.name': expect.stringMatching(/汉字/),
      'fields.parties.0.idNumber': expect.stringMatching(/校验位/),
      'fields.parties.0.phone': expect.stringMatching(/物联网/),
      'fields.summary': '不能为空'
    })
    const page = await call<{ total: number }>('logbooks:list', { book: 'case' })
    expect(page.total).toBe(0)
  })

  it('normalises names, phones and 15-digit IDs, returning warnings', async () => {
    const saved = await call<{
      entry: { id: string; fields: Record<string, unknown> }
      warnings: string[]
    }>('logbooks:create', {
      book: 'case',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'accepted',
      fields: {
        kind: 'dispute',
        parties: [{ name: '买买提.艾力', idNumber: '110105491231998', phone: '+86 138 1234 5678' }],
        summary: '债务纠纷',
        officerId: clerkId
      }
    })
    // Stored normalised; the clerk is shown it masked (查看完整信息 shows it in full).
    const stored = await services.logbooks.service.get('case', saved.entry.id)
    expect(stored.entry.fields.parties).toEqual([
      { name: '买买提·艾力', idNumber: '110105194912319980', phone: '13812345678' }
    ])
    expect(saved.entry.fields.parties).toEqual([
      { name: '买买提·艾力', idNumber: '110105********9980', phone: '138****5678' }
    ])
    expect(saved.warnings.join('\n')).toMatch(/间隔号[\s\S]*升级[\s\S]*百岁/)
  })
})

describe('append-only entries, sign-off and amendments', () => {
  it('locks a signed entry; a correction is a new version keeping the original', async () => {
    const { entry } = await call<{ entry: { id: string } }>(
      'logbooks:create',
      phoneBooking('2026-09-30T02:00:00.000Z')
    )
    await expect(
      call('logbooks:signOff', { book: 'phone', id: entry.id, password: CLERK.password })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(DIRECTOR)
    const signed = await call<{ signedByName: string; signedAt: string }>('logbooks:signOff', {
      book: 'phone',
      id: entry.id,
      password: DIRECTOR.password
    })
    expect(signed.signedByName).toBe('张所长')
    await expect(
      call('logbooks:signOff', { book: 'phone', id: entry.id, password: DIRECTOR.password })
    ).rejects.toMatchObject({ code: 'CONFLICT' })

    // The database itself refuses edits and deletes of entries.
    expect(() =>
      services.sqlite.prepare("UPDATE logbook_phone SET matter = 'x' WHERE id = ?").run(entry.id)
    ).toThrow(/append-only/)
    expect(() =>
      services.sqlite
        .prepare('UPDATE logbook_phone SET signed_at = NULL WHERE id = ?')
        .run(entry.id)
    ).toThrow(/append-only/)
    expect(() =>
      services.sqlite.prepare('DELETE FROM logbook_phone WHERE id = ?').run(entry.id)
    ).toThrow(/append-only/)

    await signInAs(CLERK)
    const amendment = { ...phoneBooking('2026-09-30T02:00:00.000Z'), id: entry.id, status: 'done' }
    await expect(call('logbooks:amend', amendment)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { reason: '已签字的记录须填写更正理由' }
    })
    const { entry: v2 } = await call<{ entry: { id: string; version: number; signedAt: null } }>(
      'logbooks:amend',
      { ...amendment, reason: '上门服务已完成' }
    )
    expect(v2.version).toBe(2)
    expect(v2.signedAt).toBeNull()
    await expect(call('logbooks:amend', { ...amendment, reason: '再改' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    const { history } = await call<{
      history: { version: number; current: boolean; status: string }[]
    }>('logbooks:get', { book: 'phone', id: v2.id })
    expect(history.map((h) => [h.version, h.current, h.status])).toEqual([
      [1, false, 'open'],
      [2, true, 'done']
    ])
    const actions = (await services.audit.list({ page: 1, pageSize: 50 })).rows.map((r) => r.action)
    expect(actions).toEqual(
      expect.arrayContaining(['logbook.create', 'logbook.signOff', 'logbook.amend'])
    )
    expect((await services.audit.verify()).ok).toBe(true)
  })

  it('moves a case forward only', async () => {
    const input = {
      book: 'case' as const,
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'decided',
      fields: { kind: 'dispute', parties: [{ name: '孙丽' }], summary: '纠纷', officerId: clerkId }
    }
    const { entry } = await call<{ entry: { id: string } }>('logbooks:create', input)
    await expect(
      call('logbooks:amend', { ...input, id: entry.id, status: 'accepted' })
    ).rejects.toMatchObject({ fields: { status: expect.stringMatching(/不能/) } })
  })
})

describe('a correction keeps what its form cannot show', () => {
  it('a poor rating’s complaint keeps its QUEUE-RATING rule, its time to the millisecond and its deadline', async () => {
    // As the queue opens it (services.ts): the rating's own time, the 15-working-day rule.
    const { entry } = await services.logbooks.service.create(
      {
        book: 'complaint',
        occurredAt: '2026-09-30T01:58:45.123Z',
        status: 'open',
        ruleCode: 'QUEUE-RATING',
        fields: { complainantName: '评价群众', subject: '窗口评价：不满意' }
      },
      clerkId
    )
    expect(entry.ruleCode).toBe('QUEUE-RATING')
    // The correction form: no rule box, the time to the minute.
    type Saved = { entry: { id: string; ruleCode: string; occurredAt: string; dueAt: string } }
    const corrected = await call<Saved>('logbooks:amend', {
      book: 'complaint',
      id: entry.id,
      occurredAt: '2026-09-30T01:58:00.000Z',
      status: 'investigating',
      fields: {
        complainantName: '评价群众',
        subject: '窗口评价：不满意',
        investigation: '已电话回访，群众反映等候时间长'
      }
    })
    expect(corrected.entry).toMatchObject({
      ruleCode: 'QUEUE-RATING',
      occurredAt: '2026-09-30T01:58:45.123Z',
      dueAt: entry.dueAt
    })
    const changed = () =>
      (
        JSON.parse(
          services.sqlite
            .prepare(
              "SELECT detail FROM audit_log WHERE action = 'logbook.amend' ORDER BY seq DESC LIMIT 1"
            )
            .pluck()
            .get() as string
        ) as { changed: string[] }
      ).changed
    expect(changed().sort()).toEqual(['investigation', 'status'])

    // A time really changed is a change, recorded with the deadline it moves.
    const moved = await call<Saved>('logbooks:amend', {
      book: 'complaint',
      id: corrected.entry.id,
      occurredAt: '2026-09-29T01:58:00.000Z',
      status: 'investigating',
      fields: {
        complainantName: '评价群众',
        subject: '窗口评价：不满意',
        investigation: '已电话回访，群众反映等候时间长'
      }
    })
    expect(moved.entry.occurredAt).toBe('2026-09-29T01:58:00.000Z')
    expect(moved.entry.ruleCode).toBe('QUEUE-RATING')
    expect(moved.entry.dueAt).not.toBe(entry.dueAt)
    expect(changed().sort()).toEqual(['dueAt', 'occurredAt'])
  })
})

describe('the today board, lists and drafts', () => {
  it('shows overdue, due today, due within 24 h and unsigned entries with counts', async () => {
    const a = await call<{ entry: { id: string } }>(
      'logbooks:create',
      phoneBooking('2026-09-28T02:00:00.000Z')
    )
    const b = await call<{ entry: { id: string } }>(
      'logbooks:create',
      phoneBooking('2026-09-29T08:00:00.000Z')
    )
    const c = await call<{ entry: { id: string } }>(
      'logbooks:create',
      phoneBooking('2026-09-30T01:00:00.000Z')
    )
    const board = await call<{
      overdue: { id: string }[]
      dueToday: { id: string; dueAt: string }[]
      dueSoon: { id: string }[]
      awaitingSignOff: { id: string }[]
      counts: { book: string; open: number; overdue: number; unsigned: number }[]
    }>('logbooks:today', undefined)
    expect(board.overdue.map((i) => i.id)).toEqual([a.entry.id])
    expect(board.dueToday.map((i) => i.id)).toEqual([b.entry.id])
    expect(board.dueSoon.map((i) => i.id)).toEqual([c.entry.id])
    expect(board.awaitingSignOff).toHaveLength(3)
    expect(board.counts.find((x) => x.book === 'phone')).toMatchObject({
      open: 3,
      overdue: 1,
      unsigned: 3
    })
  })

  it('filters, sorts and pages on the server', async () => {
    // November entered at its end: no entry's time may lie ahead of the clock.
    clock.set('2026-12-01T00:00:00.000Z')
    await signInAs(CLERK)
    for (let i = 0; i < 30; i++) {
      await call('logbooks:create', {
        book: 'liaison',
        occurredAt: new Date(Date.UTC(2026, 10, 1 + i, 2)).toISOString(),
        status: i % 3 === 0 ? 'done' : 'open',
        fields: { contactName: i % 2 ? '刘伟' : '陈静', matter: `事项 ${i}` }
      })
    }
    const page = await call<{ total: number; rows: { occurredAt: string }[] }>('logbooks:list', {
      book: 'liaison',
      from: '2026-11-05',
      to: '2026-11-20',
      status: 'open',
      text: '刘伟',
      sort: 'occurredAt',
      order: 'asc',
      pageSize: 3,
      page: 2
    })
    // Nov 5..20 is i = 4..19; open and odd: 5, 7, 11, 13, 17, 19 → page 2 of 3 = 13, 17, 19.
    expect(page.total).toBe(6)
    expect(page.rows.map((r) => r.occurredAt.slice(0, 10))).toEqual([
      '2026-11-14',
      '2026-11-18',
      '2026-11-20'
    ])
  })

  it('keeps a half-filled form per operator until discarded', async () => {
    await call('logbooks:saveDraft', { book: 'phone', data: '{"callerName":"王"}' })
    expect(await call('logbooks:loadDraft', { book: 'phone' })).toMatchObject({
      data: '{"callerName":"王"}'
    })
    await signInAs(DIRECTOR)
    expect(await call('logbooks:loadDraft', { book: 'phone' })).toBeNull()
    await signInAs(CLERK)
    await call('logbooks:discardDraft', { book: 'phone' })
    expect(await call('logbooks:loadDraft', { book: 'phone' })).toBeNull()
  })
})

describe('print and export', () => {
  it('prints the paper layout to PDF and exports masked xlsx and CSV, each audited', async () => {
    clock.set('2026-11-03T02:00:00.000Z')
    await signInAs(CLERK)
    await call('logbooks:create', phoneBooking('2026-11-03T02:00:00.000Z'))
    const printed = await call<{ path: string; pages: number; rows: number }>('logbooks:print', {
      book: 'phone',
      from: '2026-11-01',
      to: '2026-11-30'
    })
    expect(printed.rows).toBe(1)
    expect(printed.pages).toBe(1)
    // Named by the station's clock (10:00 there), not UTC.
    expect(basename(printed.path)).toMatch(
      /^电话预约登记簿_2026-11-01_2026-11-30_20261103-100000-\d{3}\.pdf$/
    )
    expect(execFileSync('pdfinfo', [printed.path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
    const text = execFileSync('pdftotext', ['-layout', printed.path, '-']).toString()
    expect(text).toMatch(/便民服务电话预约登记簿/)
    expect(text).toMatch(/王\*英/)
    expect(text).toMatch(/138\*\*\*\*5678/)
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/)

    const xlsx = await call<{ path: string; rows: number }>('logbooks:export', {
      book: 'phone',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'xlsx'
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsx.path)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(2).value).toBe('来电人')
    expect(sheet.getRow(2).getCell(2).value).toBe('王*英')

    const csv = await call<{ path: string }>('logbooks:export', {
      book: 'phone',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'csv'
    })
    expect(readFileSync(csv.path, 'utf8')).toMatch(/^\uFEFF日期时间,来电人/)

    await expect(
      call('logbooks:export', {
        book: 'phone',
        from: '2026-11-01',
        to: '2026-11-30',
        format: 'csv',
        full: true
      })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(DIRECTOR)
    const full = await call<{ path: string }>('logbooks:export', {
      book: 'phone',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'csv',
      full: true
    })
    expect(readFileSync(full.path, 'utf8')).toMatch(/王秀英.*13812345678/)
    const actions = (await services.audit.list({ page: 1, pageSize: 50 })).rows.map((r) => r.action)
    expect(actions.filter((a) => a === 'logbook.export')).toHaveLength(3)
    expect(actions).toContain('logbook.print')
    expect(join(printed.path)).toContain(services.paths.dataDir)
  })
})
