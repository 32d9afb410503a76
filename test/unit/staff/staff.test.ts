import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { produceAttendance } from '../../../src/main/staff/handlers'
import ExcelJS from 'exceljs'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { AttendanceRowView, AwardTable } from '../../../src/shared/staff/contract'
import { ADMIN, fakeClock, openSignedIn } from '../../helpers/services'
import { cardTag } from '../../../src/shared/staff/wedge'
import { createStaffService } from '../../../src/main/staff/staff-service'
import { holdsSealed } from '../../../src/main/crypto/cipher'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const DIRECTOR = { username: 'zhang.director', displayName: '张所长', password: 'Director123' }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const FIELD = { username: 'zhao.field', displayName: '赵刚', password: 'Field12345' }
const FIELD2 = { username: 'qian.field', displayName: '钱明', password: 'Field12345' }

let services: Awaited<ReturnType<typeof openSignedIn>>
let clock: ReturnType<typeof fakeClock>
let table: ReturnType<typeof createIpcTable>
const ids: Record<string, string> = {}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

const followup = (over: Record<string, unknown> = {}) => ({
  visitDate: '2026-11-10',
  targetKind: 'resident',
  targetName: '王秀英',
  topic: 'window',
  outcome: '居住证已办好，老人满意',
  satisfaction: 5,
  households: 1,
  persons: 2,
  ...over
})

beforeEach(async () => {
  // 2026-11-10 07:55 in Beijing.
  clock = fakeClock('2026-11-09T23:55:00.000Z')
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
  await call('staff:registerCard', { operatorId: ids.clerk, cardNumber: '0012345678' })
})
afterEach(() => services.cleanup())

describe('card-swipe attendance', () => {
  it('records in and out, refuses unknown cards and double swipes, and fills the sheet', async () => {
    await services.auth.signIn(CLERK)
    const first = await call<{ direction: string; late: boolean; officerName: string }>(
      'staff:swipe',
      { cardNumber: '0012345678' }
    )
    expect(first).toMatchObject({ direction: 'in', late: false, officerName: '李娜' })
    await expect(call('staff:swipe', { cardNumber: '0012345678' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '一分钟内已刷过卡，本次未重复记录'
    })
    await expect(call('staff:swipe', { cardNumber: '99999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '卡号 99999999 未登记，本次刷卡未记录'
    })
    clock.advanceMinutes(60 * 9 + 10) // 17:05: an early leave
    // Main locked the idle session hours ago: the clerk signs in again (each jump below too).
    await services.auth.signIn(CLERK)
    expect(await call('staff:swipe', { cardNumber: '0012345678' })).toMatchObject({
      direction: 'out'
    })
    clock.advanceMinutes(60 * 24 - 9 * 60) // next day 08:05: late
    await services.auth.signIn(CLERK)
    expect(await call('staff:swipe', { cardNumber: '0012345678' })).toMatchObject({
      direction: 'in',
      late: true
    })
    const sheet = await call<
      { officerId: string; daysPresent: number; late: number; earlyLeave: number }[]
    >('staff:attendanceSheet', { month: '2026-11' })
    expect(sheet.find((r) => r.officerId === ids.clerk)).toMatchObject({
      daysPresent: 2,
      late: 1,
      earlyLeave: 1
    })
    const swipes = services.sqlite.prepare('SELECT count(*) AS n FROM staff_attendance').get() as {
      n: number
    }
    expect(swipes.n).toBe(3)
    const audited = services.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'staff.attendance.swipe'")
      .get() as { n: number }
    expect(audited.n).toBe(3)
  })

  it('only an administrator registers cards, and a card belongs to one officer', async () => {
    await expect(
      call('staff:registerCard', { operatorId: ids.field, cardNumber: '0012345678' })
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await services.auth.signIn(CLERK)
    await expect(
      call('staff:registerCard', { operatorId: ids.field, cardNumber: '5550001' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('pairs a night duty’s morning swipe with the evening’s in (out, not a new in)', async () => {
    clock.advanceMinutes(12 * 60 + 5) // 20:00 Beijing
    expect(await services.staff.swipe('0012345678', ids.clerk)).toMatchObject({ direction: 'in' })
    clock.advanceMinutes(12 * 60) // 08:00 the next morning
    expect(await services.staff.swipe('0012345678', ids.clerk)).toMatchObject({
      direction: 'out',
      late: false
    })
    clock.advanceMinutes(30) // 08:30: a fresh in, late
    expect(await services.staff.swipe('0012345678', ids.clerk)).toMatchObject({
      direction: 'in',
      late: false
    })
  })

  it('writes nothing when the work calendar cannot be read', async () => {
    const broken = createStaffService({
      db: services.db,
      deviceId: 'test',
      now: clock.now,
      logbooks: services.logbooks.repo,
      workCalendar: () => Promise.reject(new Error('calendar unreadable')),
      cipher: services.cipher
    })
    await expect(broken.swipe('0012345678', ids.clerk)).rejects.toThrow('calendar unreadable')
    const n = (sql: string) => (services.sqlite.prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) AS n FROM staff_attendance')).toBe(0)
    expect(n("SELECT count(*) AS n FROM audit_log WHERE action = 'staff.attendance.swipe'")).toBe(0)
  })

  it('gives any signed-in operator the salted tags of the registered cards, not the numbers', async () => {
    await services.auth.signIn(CLERK)
    const { salt, tags } = await call<{ salt: string; tags: string[] }>('staff:cardTags')
    expect(tags).toEqual([cardTag(salt, '0012345678')])
    expect(JSON.stringify(tags)).not.toContain('0012345678')
    await expect(call('staff:cards')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses a reader key gap above 60 ms (the catcher runs app-wide), in Chinese', async () => {
    const config = await call<{ wedge: Record<string, number> }>('staff:config')
    const save = (maxGapMs: number) =>
      call('staff:updateConfig', { ...config, wedge: { ...config.wedge, maxGapMs } })
    const error = await save(500).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect(JSON.stringify(error)).toContain('读卡按键间隔不能超过 60 毫秒')
    await expect(save(61)).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await save(60)).toMatchObject({ wedge: { maxGapMs: 60 } })
  })
})

describe('the attendance sheet printed and exported', () => {
  const setClock = (iso: string) =>
    clock.advanceMinutes((Date.parse(iso) - clock.now().getTime()) / 60_000)
  const swipeAt = async (iso: string) => {
    setClock(iso)
    await services.auth.signIn(ADMIN) // main locked or expired the session across the jump
    await call('staff:swipe', { cardNumber: '0012345678' })
  }

  it('counts absent working days and writes a PDF, an xlsx and a CSV to the exports, audited', async () => {
    // The officers joined in October, except the second field officer (account made on the 10th).
    services.sqlite
      .prepare("UPDATE operators SET created_at = '2026-10-01T00:00:00.000Z' WHERE id <> ?")
      .run(ids.field2)
    await swipeAt('2026-11-09T23:55:00.000Z') // Tue 10th 07:55 in
    await swipeAt('2026-11-10T09:00:00.000Z') // 17:00 out: early
    await swipeAt('2026-11-11T00:20:00.000Z') // Wed 11th 08:20 in: late
    setClock('2026-11-12T03:00:00.000Z') // Thu 12th
    await services.auth.signIn(ADMIN)
    const sheet = await call<AttendanceRowView[]>('staff:attendanceSheet', { month: '2026-11' })
    const clerk = sheet.find((r) => r.officerId === ids.clerk)!
    // November 2026 has 21 working days; 2–9 (6 working days) passed without a swipe.
    expect(clerk).toMatchObject({
      workingDays: 21,
      daysPresent: 2,
      late: 1,
      earlyLeave: 1,
      absent: 6
    })
    expect(sheet.find((r) => r.officerId === ids.field)).toMatchObject({
      daysPresent: 0,
      absent: 8
    })
    // No absence before an officer's first day: only the 10th and 11th count.
    expect(sheet.find((r) => r.officerId === ids.field2)).toMatchObject({
      daysPresent: 0,
      absent: 2
    })

    const pdf = await call<{ path: string; pages: number; rows: number }>(
      'staff:exportAttendance',
      { month: '2026-11', format: 'pdf' }
    )
    expect(pdf.path.startsWith(services.paths.exportDir)).toBe(true)
    // A summary page and one page per officer (clerk, director, two field officers).
    expect(pdf.pages).toBe(5)
    expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Pages:\s+5\n/)
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('2026-11 考勤表')
    expect(text).toMatch(/李娜\s+21\s+2\s+1\s+1\s+6/)
    expect(text).toMatch(/2026-11-11\s+三\s+08:20:\d\d\s+迟到、未签退/)
    expect(text).toMatch(/第\s*5\s*页\s*共\s*5\s*页/)

    const xlsx = await call<{ path: string }>('staff:exportAttendance', {
      month: '2026-11',
      format: 'xlsx'
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx.path)
    const summary = book.getWorksheet('汇总')!
    const clerkRow = summary.getRows(3, 4)!.find((r) => r.getCell(1).value === '李娜')!
    expect(clerkRow.values).toEqual([undefined, '李娜', 21, 2, 1, 1, 6])
    expect(book.getWorksheet('明细')!.rowCount).toBe(2 + 4 * 30)

    const csv = await call<{ path: string; rows: number }>('staff:exportAttendance', {
      month: '2026-11',
      format: 'csv'
    })
    const lines = readFileSync(csv.path, 'utf8').split('\r\n')
    expect(lines[0]).toBe('\uFEFF民警,应出勤,出勤天数,迟到,早退,缺勤')
    expect(lines).toContain('李娜,21,2,1,1,6')
    const audit = services.sqlite
      .prepare(
        "SELECT action, detail FROM audit_log WHERE action LIKE 'staff.attendance.%' AND action <> 'staff.attendance.swipe' ORDER BY rowid"
      )
      .all() as { action: string; detail: string }[]
    expect(audit.map((a) => [a.action, JSON.parse(a.detail).format])).toEqual([
      ['staff.attendance.print', 'pdf'],
      ['staff.attendance.export', 'xlsx'],
      ['staff.attendance.export', 'csv']
    ])

    // Deactivated since: the clerk, who swiped that month, stays on the sheet; the field officer,
    // who never swiped, leaves it.
    services.sqlite
      .prepare('UPDATE operators SET active = 0 WHERE id IN (?, ?)')
      .run(ids.clerk, ids.field)
    const later = await call<AttendanceRowView[]>('staff:attendanceSheet', { month: '2026-11' })
    expect(later.map((r) => r.officerId)).toContain(ids.clerk)
    expect(later.map((r) => r.officerId)).not.toContain(ids.field)
  })

  it('leaves no file when the audit row cannot be written', async () => {
    const file = join(services.paths.exportDir, 'sheet.csv')
    services.staff.recordOutput = () => {
      throw new Error('audit unavailable')
    }
    await expect(
      produceAttendance(services, '2026-11', 'csv', ids.director!, file)
    ).rejects.toThrow('audit unavailable')
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.partial`)).toBe(false)
  })

  it('refuses the sheet export and the rulings to a clerk', async () => {
    await services.auth.signIn(CLERK)
    await expect(
      call('staff:exportAttendance', { month: '2026-11', format: 'csv' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(call('staff:rulings', { month: '2026-11' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    const n = services.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'staff.attendance.export'")
      .get() as { n: number }
    expect(n.n).toBe(0)
  })

  it('an administrator removes a card; the card then swipes as unknown', async () => {
    const cards = await call<{ id: string; cardNumber: string }[]>('staff:cards')
    const card = cards.find((c) => c.cardNumber === '0012345678')!
    await call('staff:removeCard', { id: card.id })
    expect(await call('staff:cards')).toEqual([])
    await expect(call('staff:swipe', { cardNumber: '0012345678' })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
    await expect(call('staff:removeCard', { id: card.id })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
    const audit = services.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'staff.card.remove'")
      .get() as { detail: string }
    expect(JSON.parse(audit.detail)).toEqual({ operatorId: ids.clerk, cardNumber: '0012345678' })
  })
})

describe('follow-up visits and the quota', () => {
  it('adds households and persons per officer against an editable quota', async () => {
    await services.auth.signIn(CLERK)
    type Row = {
      officerId: string
      households: number
      persons: number
      met: boolean
      ratio: number
    }
    const mine = async () =>
      (await call<Row[]>('staff:quotaProgress', { month: '2026-11' })).find(
        (r) => r.officerId === ids.clerk
      )!
    expect(await mine()).toMatchObject({ households: 0, persons: 0, met: false, ratio: 0 })
    await call('staff:addFollowup', followup())
    await call('staff:addFollowup', followup({ households: 2, persons: 1, satisfaction: 3 }))
    expect(await mine()).toMatchObject({ households: 3, persons: 3, met: true, ratio: 1 })
    await services.auth.signIn(DIRECTOR)
    const config = await call<{ quota: { households: number } }>('staff:config')
    await call('staff:updateConfig', { ...config, quota: { households: 4, persons: 3 } })
    await services.auth.signIn(CLERK)
    expect(await mine()).toMatchObject({ met: false, ratio: 0.75 })
    await expect(
      call('staff:addFollowup', followup({ linkEntryId: '00000000-0000-4000-8000-000000000000' }))
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      call('staff:addFollowup', followup({ visitDate: '9999-12-31' }))
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { visitDate: '走访日期不能晚于今天' }
    })
    expect(await mine()).toMatchObject({ households: 3, persons: 3 })
  })
})

describe('monthly awards', () => {
  it('scores officers from the logbooks and follow-ups, and the director confirms with a reason when differing', async () => {
    await services.auth.signIn(FIELD)
    for (let i = 0; i < 3; i++) {
      await call('logbooks:create', {
        book: 'liaison',
        occurredAt: '2026-11-09T02:00:00.000Z',
        status: 'done',
        fields: { contactName: '孙丽', matter: `联系事项${i}` }
      })
    }
    await call('staff:addFollowup', followup({ households: 3, persons: 3 }))
    await services.auth.signIn(CLERK)
    await call('staff:addFollowup', followup({ households: 3, persons: 3, satisfaction: 4 }))
    await services.auth.signIn(DIRECTOR)
    const awards = await call<AwardTable>('staff:awards', { month: '2026-11' })
    // 张所长 and 钱明 tie at zero: by name in code point order.
    expect(awards.rows.map((r) => r.officerName)).toEqual(['赵刚', '李娜', '张所长', '钱明'])
    expect(awards.rows[0]).toMatchObject({ entries: 3, quotaMet: true, satisfaction: 2 })
    expect(awards.suggestion.best).toBe(ids.field)
    // Different from the suggestion: a reason is required.
    const differing = {
      month: '2026-11',
      bestId: ids.clerk,
      excellentIds: [ids.field, ids.field2]
    }
    await expect(call('staff:confirmAwards', differing)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { reason: '请填写理由' }
    })
    const confirmed = await call<AwardTable>('staff:confirmAwards', {
      ...differing,
      reason: '李娜本月两次上门服务受群众来信表扬'
    })
    expect(confirmed.confirmation).toMatchObject({ bestId: ids.clerk, confirmedByName: '张所长' })
    await expect(call('staff:confirmAwards', differing)).rejects.toMatchObject({ code: 'CONFLICT' })
    await services.auth.signIn(CLERK)
    await expect(
      call('staff:confirmAwards', { ...differing, month: '2026-10', reason: 'x' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('counts deadlines met on time from the case history, through amendments', async () => {
    await services.auth.signIn(FIELD)
    const caseEntry = (summary: string, status: string) => ({
      book: 'case',
      occurredAt: '2026-11-09T23:55:00.000Z',
      status,
      fields: { kind: 'dispute', parties: [{ name: '赵强' }], summary, officerId: ids.field }
    })
    type Saved = { entry: { id: string; dueAt: string } }
    const quick = await call<Saved>('logbooks:create', caseEntry('邻里漏水纠纷', 'accepted'))
    const slow = await call<Saved>('logbooks:create', caseEntry('停车位纠纷', 'accepted'))
    const decided = await call<Saved>('logbooks:amend', {
      id: quick.entry.id,
      ...caseEntry('邻里漏水纠纷', 'decided')
    })
    clock.advanceMinutes(60 * 24 * 15) // past the 7-working-day deadline
    await services.auth.signIn(FIELD)
    await call('logbooks:amend', { id: slow.entry.id, ...caseEntry('停车位纠纷', 'decided') })
    // A later correction of a decided case keeps its first decision time.
    await call('logbooks:amend', {
      id: decided.entry.id,
      ...caseEntry('邻里漏水纠纷（补记）', 'closed')
    })
    const awards = await call<AwardTable>('staff:awards', { month: '2026-11' })
    expect(awards.rows.find((r) => r.officerId === ids.field)).toMatchObject({
      entries: 2,
      dueEntries: 2,
      onTime: 1,
      onTimeRate: 50
    })
  })

  it('an upheld complaint lowers the score and passes the officer over', async () => {
    await services.auth.signIn(FIELD)
    await call('staff:addFollowup', followup({ households: 3, persons: 3 }))
    await services.auth.signIn(DIRECTOR)
    const before = await call<AwardTable>('staff:awards', { month: '2026-11' })
    expect(before.suggestion.best).toBe(ids.field)
    const ruling = {
      complaintId: '00000000-0000-4000-8000-000000000001',
      officerId: ids.field,
      upheld: true,
      date: '2026-11-10'
    }
    const auditRows = () => services.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const rowsBefore = auditRows()
    // A complaint that was never entered, or an officer who does not exist: NOT_FOUND, no change.
    expect(await table.invoke('staff:ruleComplaint', ruling, meta)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '找不到这条投诉登记，未作裁定' }
    })
    const { entry } = await services.logbooks.service.create(
      {
        book: 'complaint',
        occurredAt: '2026-11-09T02:00:00.000Z',
        status: 'open',
        fields: { complainantName: '周强', subject: '窗口态度生硬' }
      },
      ids.director
    )
    const rowsWithComplaint = auditRows()
    expect(rowsWithComplaint).toBe(Number(rowsBefore) + 1)
    expect(
      await table.invoke(
        'staff:ruleComplaint',
        { ...ruling, complaintId: entry.id, officerId: '00000000-0000-4000-8000-0000000000ff' },
        meta
      )
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(auditRows()).toBe(rowsWithComplaint)
    await call('staff:ruleComplaint', { ...ruling, complaintId: entry.id })
    const after = await call<AwardTable>('staff:awards', { month: '2026-11' })
    const row = after.rows.find((r) => r.officerId === ids.field)!
    expect(row.complaintsUpheld).toBe(1)
    expect(after.suggestion.best).not.toBe(ids.field)
    const ladder = await call<{ step: string }[]>('staff:addLadderStep', {
      officerId: ids.field,
      step: 'education',
      date: '2026-11-10',
      note: '谈话教育'
    })
    expect(ladder.map((l) => l.step)).toEqual(['education'])
    const rulings = await call<{ officerName: string; upheld: boolean; ruledByName: string }[]>(
      'staff:rulings',
      { month: '2026-11' }
    )
    expect(rulings).toMatchObject([{ officerName: '赵刚', upheld: true, ruledByName: '张所长' }])
    expect(await call('staff:rulings', { month: '2026-10' })).toEqual([])
  })

  it('prints the monthly report with the table, the charts and the confirmation', async () => {
    await services.auth.signIn(DIRECTOR)
    await call('staff:addFollowup', followup({ households: 3, persons: 3 }))
    const print = async () => {
      const { path, pages } = await call<{ path: string; pages: number }>('staff:printReport', {
        month: '2026-11'
      })
      expect(pages).toBeGreaterThanOrEqual(1)
      return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    }
    const text = await print()
    expect(text).toContain('2026-11 月度考核报告')
    expect(text).toContain('按时办结率')
    expect(text).toContain('张所长')
    expect(text).toContain('所长尚未确认本月评比')
    // Confirmed at 23:55 UTC on 9 November: the 10th at the station, as the report says.
    await call('staff:confirmAwards', {
      month: '2026-11',
      bestId: ids.clerk,
      excellentIds: [ids.field, ids.field2],
      reason: '李娜本月两次上门服务受群众来信表扬'
    })
    expect((await print()).replace(/\s+/g, '')).toContain('（张所长，2026-11-10）')
  })
})

describe('director supervision', () => {
  it('ticks the daily checks with a note, signed and audited', async () => {
    await services.auth.signIn(DIRECTOR)
    const rows = await call<
      { item: string; checked: boolean; note: string | null; checkedByName: string | null }[]
    >('staff:tickCheck', { date: '2026-11-10', item: 'unsigned', note: '已督促签字' })
    expect(rows.find((r) => r.item === 'unsigned')).toMatchObject({
      checked: true,
      note: '已督促签字',
      checkedByName: '张所长'
    })
    expect(rows.find((r) => r.item === 'yesterday')!.checked).toBe(false)
  })

  it("keeps ID and phone numbers in the director's notes sealed at rest and masked in the audit log", async () => {
    const id = '11010519491231002X'
    const mobile = '13912345678'
    await services.auth.signIn(DIRECTOR)
    const checks = await call<{ item: string; note: string | null }[]>('staff:tickCheck', {
      date: '2026-11-10',
      item: 'unsigned',
      note: `已提醒 ${mobile}`
    })
    expect(checks.find((r) => r.item === 'unsigned')!.note).toBe(`已提醒 ${mobile}`)
    const confirmed = await call<AwardTable>('staff:confirmAwards', {
      month: '2026-11',
      bestId: ids.clerk,
      excellentIds: [ids.field, ids.field2],
      reason: `群众（身份证 ${id}）来信表扬`
    })
    expect(confirmed.confirmation!.reason).toBe(`群众（身份证 ${id}）来信表扬`)
    const { entry } = await services.logbooks.service.create(
      {
        book: 'complaint',
        occurredAt: '2026-11-09T02:00:00.000Z',
        status: 'open',
        fields: { complainantName: '周强', subject: '窗口态度生硬' }
      },
      ids.director
    )
    await call('staff:ruleComplaint', {
      complaintId: entry.id,
      officerId: ids.field,
      upheld: true,
      date: '2026-11-10',
      note: `回访投诉人 ${mobile}`
    })
    const rulings = await call<{ note: string | null }[]>('staff:rulings', { month: '2026-11' })
    expect(rulings.map((r) => r.note)).toEqual([`回访投诉人 ${mobile}`])
    const ladder = await call<{ note: string }[]>('staff:addLadderStep', {
      officerId: ids.field,
      step: 'education',
      date: '2026-11-10',
      note: `谈话教育，涉及群众 ${id}`
    })
    expect(ladder.map((l) => l.note)).toEqual([`谈话教育，涉及群众 ${id}`])

    const stored = [
      'SELECT note FROM staff_checks',
      'SELECT reason FROM staff_awards',
      'SELECT note FROM staff_complaint_rulings',
      'SELECT note FROM staff_ladder'
    ].map((query) => services.sqlite.prepare(query).pluck().get() as string)
    expect(stored).toHaveLength(4)
    for (const text of stored) {
      expect(text).not.toContain(id)
      expect(text).not.toContain(mobile)
      expect(holdsSealed(text)).toBe(true)
    }
    expect(stored[1]!.startsWith('群众（身份证 ')).toBe(true)
    const details = services.sqlite
      .prepare(
        `SELECT detail FROM audit_log WHERE action IN
           ('staff.check.tick', 'staff.awards.confirm', 'staff.complaint.rule', 'staff.ladder.add')`
      )
      .pluck()
      .all() as string[]
    expect(details).toHaveLength(4)
    expect(details.join('\n')).not.toContain(id)
    expect(details.join('\n')).not.toContain(mobile)
    expect(details.join('\n')).toContain('110105********002X')
    expect(details.join('\n')).toContain('139****5678')
  })

  it('refuses to draw a spot check for a quarter without entries, and records nothing', async () => {
    await services.auth.signIn(DIRECTOR)
    await expect(
      call('staff:drawSpotCheck', { quarter: '2026-Q3', size: 5 })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '2026-Q3 季度没有任何登记，无从抽查；本次未抽取'
    })
    expect(await call('staff:spotCheck', { quarter: '2026-Q3' })).toBeNull()
  })

  it('draws the quarterly spot check once, reproducible from the recorded seed', async () => {
    await services.auth.signIn(CLERK)
    for (let i = 0; i < 12; i++) {
      await call('logbooks:create', {
        book: 'liaison',
        occurredAt: `2026-10-${String(i + 1).padStart(2, '0')}T02:00:00.000Z`,
        status: 'open',
        fields: { contactName: '孙丽', matter: `事项${i}` }
      })
    }
    await services.auth.signIn(DIRECTOR)
    type Drawn = {
      seed: number
      entries: { id: string; occurredAt: string | null; title: string }[]
      poolSize: number
    }
    const drawn = await call<Drawn>('staff:drawSpotCheck', { quarter: '2026-Q4', size: 5 })
    expect(drawn.poolSize).toBe(12)
    expect(drawn.entries).toHaveLength(5)
    // Each drawn entry says which one it is: its date and its contact and matter.
    for (const entry of drawn.entries) {
      const day = Number(entry.occurredAt!.slice(8, 10))
      expect(entry.occurredAt).toMatch(/^2026-10-\d\dT02:00:00\.000Z$/)
      expect(entry.title).toBe(`孙丽：事项${day - 1}`)
    }
    expect(await call('staff:spotCheck', { quarter: '2026-Q4' })).toEqual(drawn)
    expect(await services.staff.verifySpotCheck('2026-Q4')).toBe(true)
    await expect(
      call('staff:drawSpotCheck', { quarter: '2026-Q4', size: 5 })
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const audit = services.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'staff.spotCheck.draw'")
      .get() as { detail: string }
    expect(JSON.parse(audit.detail).seed).toBe(drawn.seed)
  })
})
