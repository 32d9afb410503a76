/** A day's queue figures from its tickets and ratings. Pure, so the rules are tested directly. */

export interface StatTicket {
  /** Station day, YYYY-MM-DD. */
  day: string
  serviceId: string
  windowId: string | null
  clerkId: string | null
  parentId: string | null
  status: string
  issuedAt: string
  queuedAt: string
  calledAt: string | null
  startedAt: string | null
  finishedAt: string | null
  /** 1–5, or null when 未评价. */
  rating: number | null
}

export interface Figures {
  /** Tickets of the group: issued to the business, or called at the window / by the clerk. */
  issued: number
  served: number
  missed: number
  waitMedianMinutes: number | null
  waitP90Minutes: number | null
  serviceMedianMinutes: number | null
  rated: number
  /** Served and not rated: 未评价, never counted as 满意. */
  unrated: number
  satisfied: number
  satisfactionRate: number | null
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

export function figures(tickets: readonly StatTicket[]): Figures {
  const waits = tickets
    .filter((t) => t.calledAt)
    .map((t) => minutes(t.queuedAt, t.calledAt!))
    .sort((a, b) => a - b)
  const services = tickets
    .filter((t) => t.status === 'done' && t.startedAt && t.finishedAt)
    .map((t) => minutes(t.startedAt!, t.finishedAt!))
    .sort((a, b) => a - b)
  const ratings = tickets.filter((t) => t.rating !== null)
  // 基本满意 (3) or better counts as satisfied; 未评价 is left out, never counted as 满意.
  const satisfied = ratings.filter((t) => t.rating! >= 3).length
  const served = tickets.filter((t) => t.status === 'done')
  return {
    issued: tickets.length,
    served: served.length,
    missed: tickets.filter((t) => t.status === 'missed').length,
    waitMedianMinutes: round1(percentile(waits, 50)),
    waitP90Minutes: round1(percentile(waits, 90)),
    serviceMedianMinutes: round1(percentile(services, 50)),
    rated: ratings.length,
    unrated: served.filter((t) => t.rating === null).length,
    satisfied,
    satisfactionRate: ratings.length ? satisfied / ratings.length : null
  }
}

const group = <K>(tickets: readonly StatTicket[], key: (t: StatTicket) => K | null) => {
  const groups = new Map<K, StatTicket[]>()
  for (const t of tickets) {
    const k = key(t)
    if (k === null) continue
    const rows = groups.get(k)
    if (rows) rows.push(t)
    else groups.set(k, [t])
  }
  return groups
}

export function dayStats(
  tickets: readonly StatTicket[],
  labels: {
    service: (id: string) => string
    window: (id: string) => string
    clerk: (id: string) => string
  }
) {
  const byKey = (groups: Map<string, StatTicket[]>, label: (id: string) => string) =>
    [...groups].map(([key, rows]) => ({ key, label: label(key), ...figures(rows) }))
  const arrivalsByHour = Array.from({ length: 24 }, () => 0)
  for (const t of tickets) {
    if (t.parentId !== null) continue
    const hour = (new Date(t.issuedAt).getUTCHours() + 8) % 24
    arrivalsByHour[hour]! += 1
  }
  // A transferred ticket is one resident: the total counts it once, by its last leg.
  const residentFigures = (rows: readonly StatTicket[]) => ({
    ...figures(rows.filter((t) => t.status !== 'transferred')),
    issued: rows.filter((t) => t.parentId === null).length
  })
  return {
    total: residentFigures(tickets),
    byDay: [...group(tickets, (t) => t.day)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, rows]) => ({ key, label: key, ...residentFigures(rows) })),
    byService: byKey(
      group(tickets, (t) => t.serviceId),
      labels.service
    ),
    byWindow: byKey(
      group(tickets, (t) => t.windowId),
      labels.window
    ),
    byClerk: byKey(
      group(tickets, (t) => t.clerkId),
      labels.clerk
    ),
    arrivalsByHour
  }
}
