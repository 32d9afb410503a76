import { existsSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type {
  BoardView,
  DeskView,
  IssuedView,
  ServiceView,
  StatsView,
  TicketView,
  WindowView
} from '../../../src/shared/queue/contract'
import { fakeClock, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const CLERK2 = { username: 'zhou.clerk', displayName: '周敏', password: 'Clerk12345' }

let services: Awaited<ReturnType<typeof openSignedIn>>
let clock: ReturnType<typeof fakeClock>
let table: ReturnType<typeof createIpcTable>
let hukou: ServiceView
let id: ServiceView
const windows: Record<number, WindowView> = {}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}
const issue = (service: ServiceView, lane: 'normal' | 'priority' = 'normal') =>
  call<IssuedView>('queue:issue', {
    serviceId: service.id,
    lane,
    ...(lane === 'priority' ? { priorityReason: '老弱病残孕' } : {})
  })
const advanceSeconds = (s: number) => clock.advanceMinutes(s / 60)

beforeEach(async () => {
  // 2026-12-04 09:00 in Beijing.
  clock = fakeClock('2026-12-04T01:00:00.000Z')
  services = await openSignedIn({ now: clock.now })
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const who of [CLERK, CLERK2]) {
    await services.operators.create(
      { ...who, role: 'clerk', passwordHash: await services.auth.hashPassword(who.password) },
      adminId
    )
  }
  hukou = await call('queue:saveService', { prefix: 'A', name: '户籍业务' })
  id = await call('queue:saveService', { prefix: 'B', name: '身份证' })
  windows[1] = await call('queue:saveWindow', {
    number: 1,
    serviceIds: [hukou.id, id.id],
    priority: false
  })
  windows[2] = await call('queue:saveWindow', { number: 2, serviceIds: [id.id], priority: false })
  windows[9] = await call('queue:saveWindow', {
    number: 9,
    serviceIds: [hukou.id, id.id],
    priority: true
  })
  // Serving a resident takes minutes without a call; main's idle lock is not under test here.
  await call('settings:update', { idleLockMinutes: 30 })
  await services.auth.signIn(CLERK)
})
afterEach(() => services.cleanup())

describe('tickets and the window keys', () => {
  it('numbers per business, says how many are ahead, and calls in order', async () => {
    const a1 = await issue(hukou)
    const a2 = await issue(hukou)
    const b1 = await issue(id)
    expect([a1.ticket.number, a2.ticket.number, b1.ticket.number]).toEqual(['A001', 'A002', 'B001'])
    expect([a1.ahead, a2.ahead, b1.ahead]).toEqual([0, 1, 0])
    expect(a2.slip[3]).toBe('您前面还有 1 人，请在休息区等候，过号请重新取号')
    expect(a2.slip.join('')).not.toMatch(/李娜|王建国/)

    await expect(call('queue:callNext')).rejects.toMatchObject({ code: 'CONFLICT' })
    let desk = await call<DeskView>('queue:takeWindow', { windowId: windows[1]!.id })
    expect(desk).toMatchObject({
      window: { number: 1, state: 'open', clerkName: '李娜' },
      waiting: 3
    })
    desk = await call('queue:callNext')
    expect(desk.current).toMatchObject({
      number: 'A001',
      status: 'called',
      callCount: 1,
      windowNumber: 1
    })
    // One ticket at a time.
    await expect(call('queue:callNext')).rejects.toMatchObject({
      message: '请先办结、过号或转移 A001 号'
    })
    desk = await call('queue:start')
    expect(desk.current?.status).toBe('serving')
    clock.advanceMinutes(6)
    desk = await call('queue:finish')
    expect(desk.current).toBeNull()
    expect(desk.toRate).toMatchObject({ number: 'A001', status: 'done' })
    desk = await call('queue:callNext')
    expect(desk.current?.number).toBe('A002')
    expect(desk.toRate).toBeNull()

    const board = await call<BoardView>('queue:board')
    expect(board.calls.map((c) => [c.number, c.windowNumber])).toEqual([
      ['A002', 1],
      ['A001', 1]
    ])
    expect(board.windows.find((w) => w.number === 1)?.lastNumber).toBe('A002')
    expect(board.waiting.map((w) => [w.prefix, w.count])).toEqual([
      ['A', 0],
      ['B', 1]
    ])
  })

  it('a window is one clerk’s; a paused window does not call', async () => {
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await services.auth.signIn(CLERK2)
    await expect(call('queue:takeWindow', { windowId: windows[1]!.id })).rejects.toMatchObject({
      message: '1 号窗口已由其他民警使用'
    })
    await services.auth.signIn(CLERK)
    let desk = await call<DeskView>('queue:pause', { reason: '午休' })
    expect(desk.window).toMatchObject({ state: 'paused', pauseReason: '午休' })
    await expect(call('queue:callNext')).rejects.toMatchObject({ message: '窗口已暂停，请先恢复' })
    desk = await call('queue:resume')
    expect(desk.window?.state).toBe('open')
    desk = await call('queue:callNext')
    expect(desk.current?.number).toBe('A001')
  })

  it('recalls at most 3 times with a minimum gap, and misses only after enough calls', async () => {
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    let desk = await call<DeskView>('queue:callNext')
    expect(desk).toMatchObject({ recallsLeft: 3, recallWaitSeconds: 10, canMiss: false })
    await expect(call('queue:miss')).rejects.toMatchObject({
      message: '呼叫 2 次后才能过号，请先重呼'
    })
    await expect(call('queue:recall')).rejects.toMatchObject({ message: '请 10 秒后再重呼' })
    for (let i = 0; i < 3; i++) {
      advanceSeconds(10)
      desk = await call('queue:recall')
      // Called twice: 过号 is allowed from now on.
      expect(desk.canMiss).toBe(true)
    }
    expect(desk).toMatchObject({ recallsLeft: 0, canMiss: true, current: { callCount: 4 } })
    advanceSeconds(60)
    await expect(call('queue:recall')).rejects.toMatchObject({ message: '已重呼 3 次，请过号' })
    desk = await call('queue:miss')
    expect(desk.current).toBeNull()
    const [ticket] = await call<TicketView[]>('queue:tickets', {})
    expect(ticket).toMatchObject({ status: 'missed', callCount: 4 })

    const log = services.sqlite
      .prepare('SELECT kind FROM queue_calls ORDER BY at')
      .all()
      .map((r) => (r as { kind: string }).kind)
    expect(log).toEqual(['call', 'recall', 'recall', 'recall'])
    // The call log is append-only.
    expect(() => services.sqlite.prepare("UPDATE queue_calls SET kind = 'x'").run()).toThrow(
      /append-only/
    )
    expect(() => services.sqlite.prepare('DELETE FROM queue_calls').run()).toThrow(/append-only/)
  })

  it('a missed resident who returns is queued again from the return', async () => {
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await call('queue:callNext')
    advanceSeconds(10)
    await call('queue:recall')
    await call('queue:miss')
    await issue(hukou) // A002, arrived before A001 came back
    clock.advanceMinutes(2)
    await expect(call('queue:requeue', { number: 'A002' })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
    const back = await call<TicketView>('queue:requeue', { number: 'A001' })
    expect(back).toMatchObject({ status: 'waiting', callCount: 0, windowNumber: null })
    let desk = await call<DeskView>('queue:callNext')
    expect(desk.current?.number).toBe('A002')
    await call('queue:finish')
    desk = await call('queue:callNext')
    expect(desk.current).toMatchObject({ number: 'A001', callCount: 1 })
  })

  it('calls a given number, but not one sent to another window', async () => {
    await issue(hukou)
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    let desk = await call<DeskView>('queue:callNumber', { number: 'A002' })
    expect(desk.current?.number).toBe('A002')
    await call('queue:finish')
    await expect(call('queue:callNumber', { number: 'A009' })).rejects.toMatchObject({
      message: 'A009 号不在等候中'
    })
    desk = await call('queue:callNumber', { number: 'A001' })
    expect(desk.current?.number).toBe('A001')
    await call('queue:transfer', { serviceId: id.id, windowId: windows[2]!.id })
    await expect(call('queue:callNumber', { number: 'A001' })).rejects.toMatchObject({
      message: 'A001 号已转到其他窗口'
    })
  })

  it('a transfer keeps the arrival time, so the resident is ahead of later arrivals', async () => {
    await issue(hukou) // A001 at 09:00
    clock.advanceMinutes(5)
    await issue(id) // B001 at 09:05
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await call('queue:callNext') // A001
    clock.advanceMinutes(3)
    await call('queue:transfer', { serviceId: id.id })
    await services.auth.signIn(CLERK2)
    await call('queue:takeWindow', { windowId: windows[2]!.id })
    const desk = await call<DeskView>('queue:callNext')
    expect(desk.current).toMatchObject({ number: 'A001', serviceName: '身份证', callCount: 1 })
    expect(desk.current!.queuedAt).toBe('2026-12-04T01:00:00.000Z')
    const tickets = await call<TicketView[]>('queue:tickets', {})
    const legs = tickets.filter((t) => t.number === 'A001')
    expect(legs.map((t) => t.status)).toEqual(['transferred', 'called'])
    expect(legs[1]!.parentId).toBe(legs[0]!.id)
  })

  it('the priority window takes the priority lane first; others interleave 3 : 1', async () => {
    for (let i = 0; i < 5; i++) await issue(hukou) // A001–A005
    await issue(hukou, 'priority') // A006
    await issue(hukou, 'priority') // A007
    await services.auth.signIn(CLERK2)
    await call('queue:takeWindow', { windowId: windows[9]!.id })
    let desk = await call<DeskView>('queue:callNext')
    expect(desk.current).toMatchObject({
      number: 'A006',
      lane: 'priority',
      priorityReason: '老弱病残孕'
    })
    await call('queue:finish')

    await services.auth.signIn(CLERK)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    const called: string[] = []
    for (let i = 0; i < 5; i++) {
      desk = await call('queue:callNext')
      called.push(desk.current!.number)
      await call('queue:finish')
    }
    expect(called).toEqual(['A001', 'A002', 'A003', 'A007', 'A004'])
  })

  it('numbers restart at station midnight, not UTC midnight', async () => {
    clock = fakeClock('2026-12-04T15:50:00.000Z') // 23:50 in Beijing
    services.cleanup()
    services = await openSignedIn({ now: clock.now })
    table = createIpcTable(services, trustOrigins([ORIGIN]))
    const svc = await call<ServiceView>('queue:saveService', { prefix: 'A', name: '户籍业务' })
    const first = await issue(svc)
    expect(first.ticket).toMatchObject({ number: 'A001', day: '2026-12-04' })
    expect((await issue(svc)).ticket.number).toBe('A002')
    clock.advanceMinutes(11) // 00:01 on the 5th
    const next = await issue(svc)
    expect(next.ticket).toMatchObject({ number: 'A001', day: '2026-12-05' })
    expect(next.ahead).toBe(0)
    // Yesterday's waiting tickets are not called today.
    const board = await call<BoardView>('queue:board')
    expect(board.waiting[0]?.count).toBe(1)
  })

  it('a priority ticket needs its reason; a prefix and a window number are unique', async () => {
    await expect(
      call('queue:issue', { serviceId: hukou.id, lane: 'priority' })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { priorityReason: '请选择优先理由' }
    })
    await services.auth.signIn({ username: 'admin', password: 'Station2026' })
    await expect(call('queue:saveService', { prefix: 'A', name: '另一项' })).rejects.toMatchObject({
      message: '前缀 A 已用于“户籍业务”'
    })
    await expect(
      call('queue:saveWindow', { number: 2, serviceIds: [hukou.id], priority: false })
    ).rejects.toMatchObject({ message: '2 号窗口已存在' })
    await services.auth.signIn(CLERK)
    await expect(call('queue:saveService', { prefix: 'C', name: '出入境' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
  })

  it('a business links to a guide item that exists; null unlinks it', async () => {
    await services.auth.signIn({ username: 'admin', password: 'Station2026' })
    const guideId = (
      services.sqlite.prepare('SELECT id FROM guide_businesses LIMIT 1').get() as { id: string }
    ).id
    const linked = await call<ServiceView>('queue:saveService', {
      id: hukou.id,
      prefix: 'A',
      name: '户籍业务',
      guideBusinessId: guideId
    })
    expect(linked.guideBusinessId).toBe(guideId)
    const renamed = await call<ServiceView>('queue:saveService', {
      id: hukou.id,
      prefix: 'A',
      name: '户籍'
    })
    expect(renamed.guideBusinessId).toBe(guideId)
    await expect(
      call('queue:saveService', {
        prefix: 'C',
        name: '出入境',
        guideBusinessId: '01900000-0000-7000-8000-000000000000'
      })
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: '办事指南中找不到所选事项' })
    const unlinked = await call<ServiceView>('queue:saveService', {
      id: hukou.id,
      prefix: 'A',
      name: '户籍',
      guideBusinessId: null
    })
    expect(unlinked.guideBusinessId).toBeNull()
  })

  it('every change is audited in its transaction', async () => {
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await call('queue:callNext')
    await call('queue:finish')
    const actions = services.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'queue.%' ORDER BY seq")
      .all()
      .map((r) => (r as { action: string }).action)
    expect(actions).toEqual([
      'queue.service.create',
      'queue.service.create',
      'queue.window.create',
      'queue.window.create',
      'queue.window.create',
      'queue.ticket.issue',
      'queue.window.take',
      'queue.call',
      'queue.finish'
    ])
  })
})

describe('rating', () => {
  async function served() {
    await issue(hukou)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await call('queue:callNext')
    clock.advanceMinutes(4)
    const desk = await call<DeskView>('queue:finish')
    return desk.toRate!
  }

  it('不满意 needs a reason and opens a 监督投诉 follow-up due in 15 working days', async () => {
    const ticket = await served()
    await expect(call('queue:rate', { ticketId: ticket.id, level: 2 })).rejects.toMatchObject({
      fields: { reasons: '请选择不满意的原因' }
    })
    const rated = await call<{ followupId: string; dueAt: string }>('queue:rate', {
      ticketId: ticket.id,
      level: 2,
      reasons: ['等候时间长'],
      phone: '13812345678'
    })
    expect(rated.followupId).toBeTruthy()
    // Friday 2026-12-04 + 15 working days: the close of Friday 2026-12-25 (17:30 station time).
    expect(rated.dueAt).toBe('2026-12-25T09:30:00.000Z')
    const { entry } = await services.logbooks.service.get('complaint', rated.followupId)
    expect(entry).toMatchObject({ ruleCode: 'QUEUE-RATING', status: 'open', dueAt: rated.dueAt })
    expect(entry.fields.subject).toContain('A001 号')
    expect(entry.fields.subject).toContain('等候时间长')
    expect(entry.fields.complainantPhone).toBe('13812345678')
    await expect(call('queue:rate', { ticketId: ticket.id, level: 5 })).rejects.toMatchObject({
      message: 'A001 号已评价'
    })
    const desk = await call<DeskView>('queue:desk')
    expect(desk.toRate).toBeNull()
  })

  it('window ratings feed the monthly award table’s satisfaction; 未评价 counts for nothing', async () => {
    const first = await served()
    await call('queue:rate', { ticketId: first.id, level: 5 })
    await issue(hukou)
    await call('queue:callNext')
    const second = (await call<DeskView>('queue:finish')).toRate!
    await call('queue:rate', { ticketId: second.id, level: 4 })
    // A third resident leaves without rating: it must not count as 满意 (or at all).
    await issue(hukou)
    await call('queue:callNext')
    await call('queue:finish')
    const row = (await services.staff.awards('2026-12')).rows.find((r) => r.officerName === '李娜')
    expect(row?.satisfaction).toBe(1.5)
    const other = (await services.staff.awards('2026-12')).rows.find(
      (r) => r.officerName === '周敏'
    )
    expect(other?.satisfaction).toBeNull()
    expect(
      (await services.staff.awards('2026-11')).rows.every((r) => r.satisfaction === null)
    ).toBe(true)
  })

  it('满意 opens nothing; an unrated ticket stays 未评价 in the statistics', async () => {
    const ticket = await served()
    const rated = await call<{ followupId: null }>('queue:rate', { ticketId: ticket.id, level: 4 })
    expect(rated.followupId).toBeNull()
    await issue(hukou)
    await call('queue:callNext')
    await call('queue:finish')
    await issue(hukou)
    await call('queue:callNext')
    advanceSeconds(10)
    await call('queue:recall')
    await call('queue:miss')
    const stats = await call<StatsView>('queue:stats', {})
    expect(stats.total).toMatchObject({ issued: 3, served: 2, missed: 1, rated: 1, satisfied: 1 })
    expect(stats.total.satisfactionRate).toBe(1)
    expect(stats.byClerk.map((c) => [c.label, c.issued])).toEqual([['李娜', 3]])
    expect(stats.byWindow[0]?.label).toBe('1 号窗口')
    expect(stats.arrivalsByHour[9]).toBe(3)
    await expect(call('queue:rate', { ticketId: ticket.id, level: 9 })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
  })

  it('over a range per day, and exported to xlsx in the exports folder with an audit row', async () => {
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await issue(hukou)
    await call('queue:callNext')
    await call('queue:finish')
    clock.advanceMinutes(24 * 60)
    // A day later the session has expired in main (12 h at most): sign in again, as a clerk would.
    await services.auth.signIn(CLERK)
    await call('queue:takeWindow', { windowId: windows[1]!.id })
    await issue(hukou)
    await issue(id)
    await call('queue:callNext')
    await call('queue:finish')

    const range = await call<StatsView>('queue:stats', { from: '2026-12-04', to: '2026-12-05' })
    expect(range.byDay.map((d) => [d.key, d.issued, d.served, d.unrated])).toEqual([
      ['2026-12-04', 1, 1, 1],
      ['2026-12-05', 2, 1, 1]
    ])
    expect(range.total).toMatchObject({ issued: 3, served: 2, rated: 0, unrated: 2 })
    expect(range.total.satisfactionRate).toBeNull()
    const today = await call<StatsView>('queue:stats', {})
    expect([today.from, today.to, today.total.issued]).toEqual(['2026-12-05', '2026-12-05', 2])
    await expect(
      call('queue:stats', { from: '2026-12-05', to: '2026-12-04' })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('结束日期') })
    await expect(
      call('queue:exportStats', { from: '2024-01-01', to: '2026-12-05' })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('一年') })

    const audits = () =>
      services.sqlite
        .prepare("SELECT detail FROM audit_log WHERE action = 'queue.stats.export'")
        .all() as { detail: string }[]
    expect(audits()).toHaveLength(0)
    const written = await call<{ path: string; rows: number }>('queue:exportStats', {
      from: '2026-12-04',
      to: '2026-12-05'
    })
    expect(written.path.startsWith(services.paths.exportDir)).toBe(true)
    expect(existsSync(`${written.path}.partial`)).toBe(false)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(written.path)
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '按日',
      '按业务',
      '按窗口',
      '按民警',
      '每小时取号'
    ])
    const days = book.getWorksheet('按日')!
    expect(days.getRow(3).values).toEqual([undefined, '2026-12-04', 1, 1, 0, 0, 0, 0, 0, 1, 0, ''])
    expect((days.getRow(5).values as unknown[]).slice(1, 4)).toEqual(['合计', 3, 2])
    expect(book.getWorksheet('按民警')!.getRow(3).getCell(1).value).toBe('李娜')
    expect(book.getWorksheet('每小时取号')!.getRow(3 + 9).values).toEqual([
      undefined,
      '9:00–10:00',
      3
    ])
    const [audit] = audits()
    expect(JSON.parse(audit!.detail)).toMatchObject({
      from: '2026-12-04',
      to: '2026-12-05',
      path: written.path
    })
  })
})
