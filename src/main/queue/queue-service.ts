import { readSetting, writeSetting } from '../settings/settings-repo'
import { and, asc, between, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import type { DataCipher } from '../crypto/cipher'
import { uuidV7 } from '../db/uuid7'
import {
  guideBusinesses,
  operators,
  queueCalls,
  queueRatings,
  queueServices,
  queueTickets,
  queueWindows
} from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { AppError } from '../../shared/errors'
import { formatStationTime, wallClock } from '../../shared/logbooks/time'
import { chooseNext, defaultNextRules, type Lane } from '../../shared/queue/next'
import { formatNumber, slipLines } from '../../shared/queue/text'
import { dayStats } from '../../shared/queue/stats'
import {
  DISSATISFIED,
  printerConfig,
  queueConfig,
  ratingLevels,
  type BoardView,
  type DeskView,
  hallDisplayMode,
  type HallDisplayMode,
  type IssuedView,
  type PrinterConfig,
  type QueueConfig,
  type RatingReason,
  type ServiceView,
  type StatsView,
  type TicketView,
  type WindowView
} from '../../shared/queue/contract'

export const defaultQueueConfig: QueueConfig = {
  ...defaultNextRules,
  maxRecalls: 3,
  recallGapSeconds: 10,
  missAfterCalls: 2
}

const CONFIG_KEY = 'queue.config'
const PRINTER_KEY = 'queue.printer'
/** This PC's own (never shared with the station): whether its second monitor is the hall display. */
const HALL_DISPLAY_KEY = 'queue.hallDisplay'
export const defaultPrinter: PrinterConfig = { kind: 'none', paperWidth: '80' }
/** The promise rule of the follow-up a poor rating opens (seeded by migration). */
export const FOLLOWUP_RULE = 'QUEUE-RATING'

type TicketRow = typeof queueTickets.$inferSelect
type WindowRow = typeof queueWindows.$inferSelect

/** Opens the 监督投诉 entry of a poor rating; returns its id and deadline. */
export type OpenFollowup = (input: {
  occurredAt: string
  phone: string | undefined
  subject: string
  clerkId: string
}) => Promise<{ id: string; dueAt: string | null }>

export interface QueueDeps {
  db: Db
  deviceId: string
  now: () => Date
  stationName: () => Promise<string>
  openFollowup: OpenFollowup
  /** Seals the rating's phone number (never read back here: the follow-up entry carries it). */
  cipher: DataCipher
}

const conflict = (message: string) => new AppError('CONFLICT', message)

export function createQueueService({
  db,
  deviceId,
  now,
  stationName,
  openFollowup,
  cipher
}: QueueDeps) {
  const today = () => wallClock(now().toISOString()).date

  const audited = <T>(
    actorId: string,
    action: string,
    entity: string,
    entityId: string | null,
    detail: Record<string, unknown> | null,
    write: (tx: Tx, at: string) => T
  ): T => {
    const at = now().toISOString()
    return db.transaction((tx) => {
      const result = write(tx, at)
      appendAudit(tx, deviceId, at, { operatorId: actorId, action, entity, entityId, detail })
      return result
    })
  }

  const config = (): QueueConfig => readSetting(db, CONFIG_KEY, queueConfig, defaultQueueConfig)

  const serviceRows = () =>
    db
      .select()
      .from(queueServices)
      .orderBy(asc(queueServices.sort), asc(queueServices.prefix))
      .all()

  const toService = (row: typeof queueServices.$inferSelect): ServiceView => ({
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    guideBusinessId: row.guideBusinessId,
    active: row.active,
    sort: row.sort
  })

  const clerkNames = () =>
    new Map(
      db
        .select({ id: operators.id, name: operators.displayName })
        .from(operators)
        .all()
        .map((o) => [o.id, o.name])
    )

  const toWindow = (row: WindowRow, names = clerkNames()): WindowView => ({
    id: row.id,
    number: row.number,
    serviceIds: JSON.parse(row.serviceIds) as string[],
    priority: row.priority,
    state: row.state as WindowView['state'],
    pauseReason: row.pauseReason,
    clerkId: row.clerkId,
    clerkName: row.clerkId ? (names.get(row.clerkId) ?? null) : null
  })

  const toTicket = (
    row: TicketRow,
    services = new Map(serviceRows().map((s) => [s.id, s])),
    windows = new Map(
      db
        .select()
        .from(queueWindows)
        .all()
        .map((w) => [w.id, w])
    )
  ): TicketView => ({
    id: row.id,
    day: row.day,
    number: row.number,
    serviceId: row.serviceId,
    serviceName: services.get(row.serviceId)?.name ?? '',
    lane: row.lane as Lane,
    priorityReason: row.priorityReason,
    source: row.source as TicketView['source'],
    status: row.status as TicketView['status'],
    callCount: row.callCount,
    issuedAt: row.issuedAt,
    queuedAt: row.queuedAt,
    calledAt: row.calledAt,
    lastCalledAt: row.lastCalledAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    windowNumber: row.windowId ? (windows.get(row.windowId)?.number ?? null) : null,
    parentId: row.parentId
  })

  const windowOf = (clerkId: string, tx: Tx | Db = db) =>
    tx.select().from(queueWindows).where(eq(queueWindows.clerkId, clerkId)).get()

  const requireWindow = (clerkId: string, tx: Tx | Db = db) => {
    const window = windowOf(clerkId, tx)
    if (!window) throw conflict('请先选择您所在的窗口')
    return window
  }

  const activeTicket = (windowId: string, tx: Tx | Db = db) =>
    tx
      .select()
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.windowId, windowId),
          inArray(queueTickets.status, ['called', 'serving'])
        )
      )
      .get()

  const requireActive = (windowId: string, tx: Tx | Db = db) => {
    const ticket = activeTicket(windowId, tx)
    if (!ticket) throw conflict('本窗口当前没有叫到的号')
    return ticket
  }

  const waitingToday = (tx: Tx | Db = db) =>
    tx
      .select({
        id: queueTickets.id,
        serviceId: queueTickets.serviceId,
        lane: queueTickets.lane,
        queuedAt: queueTickets.queuedAt,
        targetWindowId: queueTickets.targetWindowId
      })
      .from(queueTickets)
      .where(and(eq(queueTickets.day, today()), eq(queueTickets.status, 'waiting')))
      .all() as {
      id: string
      serviceId: string
      lane: Lane
      queuedAt: string
      targetWindowId: string | null
    }[]

  /** Lanes of the tickets this window called today, newest first. */
  const recentLanes = (windowId: string, limit: number, tx: Tx | Db = db) =>
    tx
      .select({ lane: queueTickets.lane })
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.windowId, windowId),
          eq(queueTickets.day, today()),
          isNotNull(queueTickets.calledAt)
        )
      )
      .orderBy(desc(queueTickets.calledAt))
      .limit(limit)
      .all()
      .map((r) => r.lane as Lane)

  const servedBy = (window: WindowRow) => {
    const ids = new Set(JSON.parse(window.serviceIds) as string[])
    return (t: { serviceId: string; targetWindowId: string | null }) =>
      t.targetWindowId === window.id || (t.targetWindowId === null && ids.has(t.serviceId))
  }

  /** The ticket the window would call now (or null): the decision the benchmark times. */
  const decideNext = (window: WindowRow, tx: Tx | Db = db) => {
    const rules = config()
    return chooseNext(
      { id: window.id, priority: window.priority, serviceIds: JSON.parse(window.serviceIds) },
      waitingToday(tx),
      { rules, now: now(), recentLanes: recentLanes(window.id, rules.interleave, tx) }
    )
  }

  const ratingOf = (ticketId: string) =>
    db.select().from(queueRatings).where(eq(queueRatings.ticketId, ticketId)).get()

  function desk(clerkId: string): DeskView {
    const window = windowOf(clerkId)
    const empty = { current: null, toRate: null, waiting: 0, recallsLeft: 0, recallWaitSeconds: 0 }
    if (!window) return { window: null, ...empty, canMiss: false }
    const rules = config()
    const current = activeTicket(window.id) ?? null
    const serves = servedBy(window)
    const waiting = waitingToday().filter(serves).length
    let toRate: TicketRow | null = null
    if (!current) {
      const last = db
        .select()
        .from(queueTickets)
        .where(and(eq(queueTickets.windowId, window.id), eq(queueTickets.day, today())))
        .orderBy(desc(queueTickets.calledAt))
        .limit(1)
        .get()
      if (last?.status === 'done' && !ratingOf(last.id)) toRate = last
    }
    const sinceLast = current?.lastCalledAt
      ? (now().getTime() - Date.parse(current.lastCalledAt)) / 1000
      : Infinity
    return {
      window: toWindow(window),
      current: current ? toTicket(current) : null,
      toRate: toRate ? toTicket(toRate) : null,
      waiting,
      recallsLeft: current ? Math.max(0, rules.maxRecalls + 1 - current.callCount) : 0,
      recallWaitSeconds: current ? Math.max(0, Math.ceil(rules.recallGapSeconds - sinceLast)) : 0,
      canMiss: current?.status === 'called' && current.callCount >= rules.missAfterCalls
    }
  }

  /** Calls a ticket to the window, logging the call; the ticket must be waiting. */
  const callTicket = (
    tx: Tx,
    at: string,
    window: WindowRow,
    ticket: { id: string },
    clerkId: string,
    kind: 'call' | 'direct'
  ) => {
    tx.update(queueTickets)
      .set({
        status: 'called',
        callCount: 1,
        calledAt: at,
        lastCalledAt: at,
        windowId: window.id,
        clerkId,
        targetWindowId: null
      })
      .where(eq(queueTickets.id, ticket.id))
      .run()
    tx.insert(queueCalls)
      .values({ id: uuidV7(), ticketId: ticket.id, windowId: window.id, clerkId, kind, at })
      .run()
  }

  const checkCanCall = (window: WindowRow, tx: Tx) => {
    if (window.state !== 'open') {
      throw conflict(window.state === 'paused' ? '窗口已暂停，请先恢复' : '窗口未开放')
    }
    const active = activeTicket(window.id, tx)
    if (active) throw conflict(`请先办结、过号或转移 ${active.number} 号`)
  }

  /** The ticket with what its slip says; 前面还有: earlier waiting tickets of its business. */
  const issuedOf = async (
    ticket: TicketRow,
    service: typeof queueServices.$inferSelect
  ): Promise<IssuedView> => {
    // Ahead: waiting tickets of the same business that came earlier (priority: its lane only).
    const ahead = waitingToday().filter(
      (t) =>
        t.id !== ticket.id &&
        t.serviceId === ticket.serviceId &&
        t.queuedAt <= ticket.queuedAt &&
        (ticket.lane === 'normal' || t.lane === 'priority')
    ).length
    return {
      ticket: toTicket(ticket),
      ahead,
      slip: slipLines({
        stationName: await stationName(),
        number: ticket.number,
        serviceName: service.name,
        priority: ticket.lane === 'priority',
        ahead,
        issuedAt: formatStationTime(ticket.issuedAt)
      })
    }
  }

  return {
    config,
    decideNext: (windowId: string) => {
      const window = db.select().from(queueWindows).where(eq(queueWindows.id, windowId)).get()
      if (!window) throw new AppError('NOT_FOUND', '找不到该窗口')
      return decideNext(window)
    },

    updateConfig(next: QueueConfig, actorId: string) {
      if (next.missAfterCalls > next.maxRecalls + 1) {
        throw new AppError('VALIDATION', '输入有误（missAfterCalls）：不能多于可呼叫次数', {
          missAfterCalls: '不能多于可呼叫次数（首呼加重呼）'
        })
      }
      audited(actorId, 'queue.config.update', 'settings', CONFIG_KEY, next, (tx, at) =>
        writeSetting(tx, CONFIG_KEY, next, at, actorId)
      )
      return config()
    },

    services: () => serviceRows().map(toService),

    saveService(
      input: {
        id?: string | undefined
        prefix: string
        name: string
        guideBusinessId?: string | null | undefined
        active?: boolean | undefined
        sort?: number | undefined
      },
      actorId: string
    ) {
      const clash = db
        .select()
        .from(queueServices)
        .where(eq(queueServices.prefix, input.prefix))
        .get()
      if (clash && clash.id !== input.id)
        throw conflict(`前缀 ${input.prefix} 已用于“${clash.name}”`)
      const id = input.id ?? uuidV7()
      const existing = input.id
        ? db.select().from(queueServices).where(eq(queueServices.id, input.id)).get()
        : undefined
      if (input.id && !existing) throw new AppError('NOT_FOUND', '找不到该业务')
      if (
        input.guideBusinessId &&
        !db
          .select()
          .from(guideBusinesses)
          .where(eq(guideBusinesses.id, input.guideBusinessId))
          .get()
      ) {
        throw new AppError('NOT_FOUND', '办事指南中找不到所选事项')
      }
      audited(
        actorId,
        existing ? 'queue.service.update' : 'queue.service.create',
        'queue_service',
        id,
        input,
        (tx, at) => {
          const row = {
            prefix: input.prefix,
            name: input.name,
            // undefined keeps the link, null removes it.
            guideBusinessId:
              input.guideBusinessId !== undefined
                ? input.guideBusinessId
                : (existing?.guideBusinessId ?? null),
            active: input.active ?? existing?.active ?? true,
            sort: input.sort ?? existing?.sort ?? 0,
            updatedAt: at
          }
          if (existing) tx.update(queueServices).set(row).where(eq(queueServices.id, id)).run()
          else
            tx.insert(queueServices)
              .values({ id, ...row })
              .run()
        }
      )
      return toService(db.select().from(queueServices).where(eq(queueServices.id, id)).get()!)
    },

    windows: () => {
      const names = clerkNames()
      return db
        .select()
        .from(queueWindows)
        .orderBy(asc(queueWindows.number))
        .all()
        .map((w) => toWindow(w, names))
    },

    saveWindow(
      input: { id?: string | undefined; number: number; serviceIds: string[]; priority: boolean },
      actorId: string
    ) {
      const known = new Set(serviceRows().map((s) => s.id))
      if (input.serviceIds.some((id) => !known.has(id))) {
        throw new AppError('NOT_FOUND', '找不到所选业务')
      }
      const clash = db
        .select()
        .from(queueWindows)
        .where(eq(queueWindows.number, input.number))
        .get()
      if (clash && clash.id !== input.id) throw conflict(`${input.number} 号窗口已存在`)
      const id = input.id ?? uuidV7()
      const existing = input.id
        ? db.select().from(queueWindows).where(eq(queueWindows.id, input.id)).get()
        : undefined
      if (input.id && !existing) throw new AppError('NOT_FOUND', '找不到该窗口')
      audited(
        actorId,
        existing ? 'queue.window.update' : 'queue.window.create',
        'queue_window',
        id,
        input,
        (tx, at) => {
          const row = {
            number: input.number,
            serviceIds: JSON.stringify([...new Set(input.serviceIds)]),
            priority: input.priority,
            updatedAt: at
          }
          if (existing) tx.update(queueWindows).set(row).where(eq(queueWindows.id, id)).run()
          else
            tx.insert(queueWindows)
              .values({ id, ...row, state: 'closed' })
              .run()
        }
      )
      return toWindow(db.select().from(queueWindows).where(eq(queueWindows.id, id)).get()!)
    },

    /** The clerk takes the window and opens it; a window held by someone else is refused. */
    takeWindow(windowId: string, clerkId: string) {
      audited(clerkId, 'queue.window.take', 'queue_window', windowId, null, (tx, at) => {
        const window = tx.select().from(queueWindows).where(eq(queueWindows.id, windowId)).get()
        if (!window) throw new AppError('NOT_FOUND', '找不到该窗口')
        if (window.clerkId && window.clerkId !== clerkId) {
          throw conflict(`${window.number} 号窗口已由其他民警使用`)
        }
        const held = windowOf(clerkId, tx)
        if (held && held.id !== windowId) {
          if (activeTicket(held.id, tx)) throw conflict(`请先办结 ${held.number} 号窗口的当前号`)
          tx.update(queueWindows)
            .set({ clerkId: null, state: 'closed', updatedAt: at })
            .where(eq(queueWindows.id, held.id))
            .run()
        }
        tx.update(queueWindows)
          .set({ clerkId, state: window.state === 'paused' ? 'paused' : 'open', updatedAt: at })
          .where(eq(queueWindows.id, windowId))
          .run()
      })
      return desk(clerkId)
    },

    leaveWindow(clerkId: string) {
      const window = requireWindow(clerkId)
      if (activeTicket(window.id)) throw conflict('请先办结、过号或转移当前号')
      audited(clerkId, 'queue.window.leave', 'queue_window', window.id, null, (tx, at) => {
        tx.update(queueWindows)
          .set({ clerkId: null, state: 'closed', pauseReason: null, updatedAt: at })
          .where(eq(queueWindows.id, window.id))
          .run()
      })
      return desk(clerkId)
    },

    desk,

    async issue(
      input: {
        serviceId: string
        lane: Lane
        priorityReason?: string | undefined
        source?: 'walkIn' | 'appointment' | undefined
      },
      actorId: string
    ): Promise<IssuedView> {
      const service = db
        .select()
        .from(queueServices)
        .where(eq(queueServices.id, input.serviceId))
        .get()
      if (!service || !service.active) throw new AppError('NOT_FOUND', '找不到该业务或已停办')
      if (input.lane === 'priority' && !input.priorityReason) {
        throw new AppError('VALIDATION', '输入有误（priorityReason）：请选择优先理由', {
          priorityReason: '请选择优先理由'
        })
      }
      const day = today()
      const id = uuidV7()
      const ticket = audited(
        actorId,
        'queue.ticket.issue',
        'queue_ticket',
        id,
        { serviceId: service.id, lane: input.lane },
        (tx, at) => {
          const last = tx
            .select({ seq: sql<number | null>`max(${queueTickets.seq})` })
            .from(queueTickets)
            .where(
              and(
                eq(queueTickets.day, day),
                eq(queueTickets.prefix, service.prefix),
                sql`${queueTickets.parentId} IS NULL`
              )
            )
            .get()
          const seq = (last?.seq ?? 0) + 1
          if (seq > 9999) throw conflict('今日号码已用完')
          const row = {
            id,
            day,
            prefix: service.prefix,
            seq,
            number: formatNumber(service.prefix, seq),
            serviceId: service.id,
            lane: input.lane,
            priorityReason: input.lane === 'priority' ? (input.priorityReason ?? null) : null,
            source: input.source ?? 'walkIn',
            status: 'waiting',
            issuedAt: at,
            queuedAt: at,
            issuedBy: actorId
          }
          tx.insert(queueTickets).values(row).run()
          return tx.select().from(queueTickets).where(eq(queueTickets.id, id)).get()!
        }
      )
      return issuedOf(ticket, service)
    },

    /** A waiting ticket of today with its slip as it would print now (a reprint). */
    reissued(ticketId: string): Promise<IssuedView> {
      const ticket = db.select().from(queueTickets).where(eq(queueTickets.id, ticketId)).get()
      if (!ticket || ticket.day !== today() || ticket.status !== 'waiting') {
        throw new AppError('NOT_FOUND', '只能补打今天仍在等候的号')
      }
      const service = db
        .select()
        .from(queueServices)
        .where(eq(queueServices.id, ticket.serviceId))
        .get()!
      return issuedOf(ticket, service)
    },

    printer: (): PrinterConfig => readSetting(db, PRINTER_KEY, printerConfig, defaultPrinter),

    hallDisplay: (): HallDisplayMode =>
      readSetting<HallDisplayMode>(db, HALL_DISPLAY_KEY, hallDisplayMode, 'auto'),

    setHallDisplay(mode: HallDisplayMode, actorId: string): HallDisplayMode {
      audited(
        actorId,
        'queue.hallDisplay.update',
        'settings',
        HALL_DISPLAY_KEY,
        { mode },
        (tx, at) => writeSetting(tx, HALL_DISPLAY_KEY, mode, at, actorId)
      )
      return mode
    },

    /** A system printer needs its name; a network printer its address (port 9100 by default). */
    savePrinter(input: PrinterConfig, actorId: string): PrinterConfig {
      const refuse = (field: string, message: string) =>
        new AppError('VALIDATION', `输入有误（${field}）：${message}`, { [field]: message })
      if (input.kind === 'system' && !input.deviceName?.trim()) {
        throw refuse('deviceName', '请选择打印机')
      }
      if (input.kind === 'network' && !input.host) throw refuse('host', '请填写打印机地址')
      const next: PrinterConfig = {
        kind: input.kind,
        paperWidth: input.paperWidth,
        ...(input.kind === 'system' ? { deviceName: input.deviceName!.trim() } : {}),
        ...(input.kind === 'network' ? { host: input.host!, port: input.port ?? 9100 } : {})
      }
      audited(actorId, 'queue.printer.update', 'settings', PRINTER_KEY, next, (tx, at) =>
        writeSetting(tx, PRINTER_KEY, next, at, actorId)
      )
      return next
    },

    callNext(clerkId: string) {
      const window = requireWindow(clerkId)
      audited(clerkId, 'queue.call', 'queue_window', window.id, null, (tx, at) => {
        checkCanCall(window, tx)
        const next = decideNext(window, tx)
        if (!next) throw conflict('没有等候的号')
        callTicket(tx, at, window, next, clerkId, 'call')
      })
      return desk(clerkId)
    },

    /** Calls a given waiting number of today (a ticket sent to another window is refused). */
    callNumber(number: string, clerkId: string) {
      const window = requireWindow(clerkId)
      audited(clerkId, 'queue.call.direct', 'queue_window', window.id, { number }, (tx, at) => {
        checkCanCall(window, tx)
        const ticket = tx
          .select()
          .from(queueTickets)
          .where(
            and(
              eq(queueTickets.day, today()),
              eq(queueTickets.number, number),
              eq(queueTickets.status, 'waiting')
            )
          )
          .get()
        if (!ticket) throw new AppError('NOT_FOUND', `${number} 号不在等候中`)
        if (ticket.targetWindowId && ticket.targetWindowId !== window.id) {
          throw conflict(`${number} 号已转到其他窗口`)
        }
        callTicket(tx, at, window, ticket, clerkId, 'direct')
      })
      return desk(clerkId)
    },

    recall(clerkId: string) {
      const window = requireWindow(clerkId)
      const rules = config()
      audited(clerkId, 'queue.recall', 'queue_window', window.id, null, (tx, at) => {
        const ticket = requireActive(window.id, tx)
        if (ticket.status !== 'called') throw conflict('已开始办理，无需重呼')
        if (ticket.callCount >= rules.maxRecalls + 1) {
          throw conflict(`已重呼 ${rules.maxRecalls} 次，请过号`)
        }
        const since = (Date.parse(at) - Date.parse(ticket.lastCalledAt!)) / 1000
        if (since < rules.recallGapSeconds) {
          throw conflict(`请 ${Math.ceil(rules.recallGapSeconds - since)} 秒后再重呼`)
        }
        tx.update(queueTickets)
          .set({ callCount: ticket.callCount + 1, lastCalledAt: at })
          .where(eq(queueTickets.id, ticket.id))
          .run()
        tx.insert(queueCalls)
          .values({
            id: uuidV7(),
            ticketId: ticket.id,
            windowId: window.id,
            clerkId,
            kind: 'recall',
            at
          })
          .run()
      })
      return desk(clerkId)
    },

    /** The resident came to the window. */
    start(clerkId: string) {
      const window = requireWindow(clerkId)
      audited(clerkId, 'queue.start', 'queue_window', window.id, null, (tx, at) => {
        const ticket = requireActive(window.id, tx)
        if (ticket.status !== 'called') throw conflict('已在办理中')
        tx.update(queueTickets)
          .set({ status: 'serving', startedAt: at })
          .where(eq(queueTickets.id, ticket.id))
          .run()
      })
      return desk(clerkId)
    },

    /** 过号: only once the ticket has been called `missAfterCalls` times. */
    miss(clerkId: string) {
      const window = requireWindow(clerkId)
      const rules = config()
      audited(clerkId, 'queue.miss', 'queue_window', window.id, null, (tx, at) => {
        const ticket = requireActive(window.id, tx)
        if (ticket.status !== 'called') throw conflict('已开始办理，不能过号')
        if (ticket.callCount < rules.missAfterCalls) {
          throw conflict(`呼叫 ${rules.missAfterCalls} 次后才能过号，请先重呼`)
        }
        tx.update(queueTickets)
          .set({ status: 'missed', finishedAt: at })
          .where(eq(queueTickets.id, ticket.id))
          .run()
      })
      return desk(clerkId)
    },

    /** Sends the current ticket to another business (and window); it keeps its arrival time. */
    transfer(input: { serviceId: string; windowId?: string | undefined }, clerkId: string) {
      const window = requireWindow(clerkId)
      const service = db
        .select()
        .from(queueServices)
        .where(eq(queueServices.id, input.serviceId))
        .get()
      if (!service) throw new AppError('NOT_FOUND', '找不到该业务')
      if (input.windowId) {
        const target = db
          .select()
          .from(queueWindows)
          .where(eq(queueWindows.id, input.windowId))
          .get()
        if (!target) throw new AppError('NOT_FOUND', '找不到该窗口')
        if (target.id === window.id) throw conflict('不能转给本窗口')
      }
      audited(clerkId, 'queue.transfer', 'queue_window', window.id, input, (tx, at) => {
        const ticket = requireActive(window.id, tx)
        tx.update(queueTickets)
          .set({ status: 'transferred', finishedAt: at, startedAt: ticket.startedAt ?? at })
          .where(eq(queueTickets.id, ticket.id))
          .run()
        tx.insert(queueTickets)
          .values({
            id: uuidV7(),
            day: ticket.day,
            prefix: ticket.prefix,
            seq: ticket.seq,
            number: ticket.number,
            serviceId: service.id,
            lane: ticket.lane,
            priorityReason: ticket.priorityReason,
            source: ticket.source,
            status: 'waiting',
            issuedAt: ticket.issuedAt,
            queuedAt: ticket.queuedAt,
            targetWindowId: input.windowId ?? null,
            parentId: ticket.id,
            issuedBy: clerkId
          })
          .run()
      })
      return desk(clerkId)
    },

    pause(reason: string, clerkId: string) {
      const window = requireWindow(clerkId)
      audited(clerkId, 'queue.window.pause', 'queue_window', window.id, { reason }, (tx, at) => {
        tx.update(queueWindows)
          .set({ state: 'paused', pauseReason: reason, updatedAt: at })
          .where(eq(queueWindows.id, window.id))
          .run()
      })
      return desk(clerkId)
    },

    resume(clerkId: string) {
      const window = requireWindow(clerkId)
      if (window.state !== 'paused') throw conflict('窗口未暂停')
      audited(clerkId, 'queue.window.resume', 'queue_window', window.id, null, (tx, at) => {
        tx.update(queueWindows)
          .set({ state: 'open', pauseReason: null, updatedAt: at })
          .where(eq(queueWindows.id, window.id))
          .run()
      })
      return desk(clerkId)
    },

    /** 办结: a called ticket that was never started counts as started at its last call. */
    finish(clerkId: string) {
      const window = requireWindow(clerkId)
      audited(clerkId, 'queue.finish', 'queue_window', window.id, null, (tx, at) => {
        const ticket = requireActive(window.id, tx)
        tx.update(queueTickets)
          .set({
            status: 'done',
            finishedAt: at,
            startedAt: ticket.startedAt ?? ticket.lastCalledAt
          })
          .where(eq(queueTickets.id, ticket.id))
          .run()
      })
      return desk(clerkId)
    },

    /** A missed resident returned today: the ticket waits again from now. */
    requeue(number: string, clerkId: string) {
      const ticket = db
        .select()
        .from(queueTickets)
        .where(
          and(
            eq(queueTickets.day, today()),
            eq(queueTickets.number, number),
            eq(queueTickets.status, 'missed')
          )
        )
        .get()
      if (!ticket) throw new AppError('NOT_FOUND', `今天没有过号的 ${number} 号`)
      audited(clerkId, 'queue.requeue', 'queue_ticket', ticket.id, { number }, (tx, at) => {
        tx.update(queueTickets)
          .set({
            status: 'waiting',
            queuedAt: at,
            callCount: 0,
            calledAt: null,
            lastCalledAt: null,
            finishedAt: null,
            windowId: null,
            clerkId: null
          })
          .where(eq(queueTickets.id, ticket.id))
          .run()
      })
      return toTicket(db.select().from(queueTickets).where(eq(queueTickets.id, ticket.id)).get()!)
    },

    /**
     * Records the resident's rating of a finished ticket of today, once. 不满意 or worse needs a
     * reason and opens a 监督投诉 entry due under the QUEUE-RATING rule (15 working days).
     */
    async rate(
      input: {
        ticketId: string
        level: number
        reasons?: RatingReason[] | undefined
        phone?: string | undefined
        note?: string | undefined
      },
      actorId: string
    ) {
      const ticket = db.select().from(queueTickets).where(eq(queueTickets.id, input.ticketId)).get()
      if (!ticket || ticket.status !== 'done') throw new AppError('NOT_FOUND', '只能评价已办结的号')
      if (ticket.day !== today()) throw conflict('只能评价当天办结的号')
      if (ratingOf(ticket.id)) throw conflict(`${ticket.number} 号已评价`)
      const reasons = [...new Set(input.reasons ?? [])]
      const poor = input.level <= DISSATISFIED
      if (poor && reasons.length === 0) {
        throw new AppError('VALIDATION', '输入有误（reasons）：请选择不满意的原因', {
          reasons: '请选择不满意的原因'
        })
      }
      let followup: { id: string; dueAt: string | null } | null = null
      if (poor) {
        const window = ticket.windowId
          ? db.select().from(queueWindows).where(eq(queueWindows.id, ticket.windowId)).get()
          : undefined
        const service = db
          .select()
          .from(queueServices)
          .where(eq(queueServices.id, ticket.serviceId))
          .get()
        const label = ratingLevels.find((l) => l.value === input.level)!.label
        followup = await openFollowup({
          occurredAt: now().toISOString(),
          phone: input.phone,
          clerkId: ticket.clerkId ?? actorId,
          subject:
            `窗口评价“${label}”：${ticket.number} 号，${window?.number ?? '?'} 号窗口，` +
            `${service?.name ?? ''}；原因：${reasons.join('、')}` +
            (input.note ? `；${input.note}` : '')
        })
      }
      const id = uuidV7()
      audited(
        actorId,
        'queue.rate',
        'queue_ticket',
        ticket.id,
        { level: input.level, reasons, followupId: followup?.id ?? null },
        (tx, at) => {
          tx.insert(queueRatings)
            .values({
              id,
              ticketId: ticket.id,
              level: input.level,
              reasons: JSON.stringify(reasons),
              phone: poor ? cipher.sealOptional(input.phone, 'queue_ratings.phone') : null,
              followupId: followup?.id ?? null,
              windowId: ticket.windowId,
              clerkId: ticket.clerkId,
              at
            })
            .run()
        }
      )
      return {
        level: input.level,
        followupId: followup?.id ?? null,
        dueAt: followup?.dueAt ?? null
      }
    },

    board(): BoardView {
      const day = today()
      const windows = db.select().from(queueWindows).orderBy(asc(queueWindows.number)).all()
      const byId = new Map(windows.map((w) => [w.id, w]))
      const calls = db
        .select({
          id: queueCalls.id,
          number: queueTickets.number,
          windowId: queueCalls.windowId,
          kind: queueCalls.kind,
          at: queueCalls.at
        })
        .from(queueCalls)
        .innerJoin(queueTickets, eq(queueTickets.id, queueCalls.ticketId))
        .where(eq(queueTickets.day, day))
        .orderBy(desc(queueCalls.at), desc(queueCalls.id))
        .limit(10)
        .all()
      const lastNumbers = new Map<string, string>()
      for (const row of db
        .select({
          windowId: queueTickets.windowId,
          number: queueTickets.number,
          calledAt: queueTickets.calledAt
        })
        .from(queueTickets)
        .where(and(eq(queueTickets.day, day), isNotNull(queueTickets.calledAt)))
        .orderBy(asc(queueTickets.calledAt))
        .all()) {
        if (row.windowId) lastNumbers.set(row.windowId, row.number)
      }
      const counts = new Map<string, number>()
      for (const t of waitingToday()) counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1)
      return {
        day,
        calls: calls.map((c) => ({
          id: c.id,
          number: c.number,
          windowNumber: byId.get(c.windowId)?.number ?? 0,
          kind: c.kind as 'call' | 'direct' | 'recall',
          at: c.at
        })),
        windows: windows.map((w) => ({
          number: w.number,
          state: w.state as 'open' | 'paused' | 'closed',
          priority: w.priority,
          lastNumber: lastNumbers.get(w.id) ?? null
        })),
        waiting: serviceRows()
          .filter((s) => s.active)
          .map((s) => ({
            serviceId: s.id,
            prefix: s.prefix,
            name: s.name,
            count: counts.get(s.id) ?? 0
          }))
      }
    },

    tickets(day = today()) {
      const services = new Map(serviceRows().map((s) => [s.id, s]))
      const windows = new Map(
        db
          .select()
          .from(queueWindows)
          .all()
          .map((w) => [w.id, w])
      )
      return db
        .select()
        .from(queueTickets)
        .where(eq(queueTickets.day, day))
        .orderBy(asc(queueTickets.issuedAt), asc(queueTickets.id))
        .all()
        .map((t) => toTicket(t, services, windows))
    },

    /** Figures of a station day or a range of days, from one read of their tickets and ratings. */
    stats(from = today(), to = from): StatsView {
      if (from > to) {
        throw new AppError('VALIDATION', '输入有误（to）：结束日期不能早于开始日期', {
          to: '结束日期不能早于开始日期'
        })
      }
      if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) {
        throw new AppError('VALIDATION', '输入有误（to）：统计范围不能超过一年', {
          to: '统计范围不能超过一年'
        })
      }
      const rows = db
        .select({
          day: queueTickets.day,
          serviceId: queueTickets.serviceId,
          windowId: queueTickets.windowId,
          clerkId: queueTickets.clerkId,
          parentId: queueTickets.parentId,
          status: queueTickets.status,
          issuedAt: queueTickets.issuedAt,
          queuedAt: queueTickets.queuedAt,
          calledAt: queueTickets.calledAt,
          startedAt: queueTickets.startedAt,
          finishedAt: queueTickets.finishedAt,
          rating: queueRatings.level
        })
        .from(queueTickets)
        .leftJoin(queueRatings, eq(queueRatings.ticketId, queueTickets.id))
        .where(from === to ? eq(queueTickets.day, from) : between(queueTickets.day, from, to))
        .all()
      const services = new Map(serviceRows().map((s) => [s.id, `${s.prefix} ${s.name}`]))
      const windows = new Map(
        db
          .select()
          .from(queueWindows)
          .all()
          .map((w) => [w.id, `${w.number} 号窗口`])
      )
      const names = clerkNames()
      return {
        from,
        to,
        ...dayStats(rows, {
          service: (id) => services.get(id) ?? id,
          window: (id) => windows.get(id) ?? id,
          clerk: (id) => names.get(id) ?? id
        })
      }
    },

    /** Audits a statistics export (the file is written by the caller, see auditedFile). */
    recordExport(actorId: string, detail: Record<string, unknown>) {
      audited(actorId, 'queue.stats.export', 'queue_stats', null, detail, () => undefined)
    },

    today
  }
}

export type QueueService = ReturnType<typeof createQueueService>
