/**
 * Who is next at a window. Pure: the service hands in today's waiting tickets and the window's
 * recent calls. Rules, in order:
 *  1. a ticket transferred to this very window;
 *  2. the priority window: the oldest priority ticket, then the oldest normal one;
 *  3. any other window: a ticket that has waited `maxWaitMinutes` or more goes first (oldest);
 *     otherwise `interleave` normal tickets, then one priority ticket (when one waits).
 * Tickets of services the window does not serve, or sent to another window, are never chosen.
 */

export type Lane = 'normal' | 'priority'

export interface WaitingTicket {
  id: string
  serviceId: string
  lane: Lane
  /** ISO instant; the place in the line. */
  queuedAt: string
  targetWindowId: string | null
}

export interface WindowForNext {
  id: string
  priority: boolean
  serviceIds: readonly string[]
}

export interface NextRules {
  /** Normal tickets called between two priority ones at an ordinary window. */
  interleave: number
  /** A ticket waiting this long is called next at any window that serves it. */
  maxWaitMinutes: number
}

export const defaultNextRules: NextRules = { interleave: 3, maxWaitMinutes: 30 }

/** Normal tickets this window called since its last priority one (lanes newest first). */
export function normalsSincePriority(recentLanes: readonly Lane[]): number {
  const index = recentLanes.indexOf('priority')
  return index === -1 ? recentLanes.length : index
}

const older = (a: WaitingTicket, b: WaitingTicket) =>
  a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id)

export function chooseNext<T extends WaitingTicket>(
  window: WindowForNext,
  waiting: readonly T[],
  options: { rules: NextRules; now: Date; recentLanes: readonly Lane[] }
): T | null {
  const served = new Set(window.serviceIds)
  let targeted: T | null = null
  let oldestNormal: T | null = null
  let oldestPriority: T | null = null
  for (const ticket of waiting) {
    if (ticket.targetWindowId === window.id) {
      if (!targeted || older(ticket, targeted)) targeted = ticket
      continue
    }
    if (ticket.targetWindowId !== null || !served.has(ticket.serviceId)) continue
    if (ticket.lane === 'priority') {
      if (!oldestPriority || older(ticket, oldestPriority)) oldestPriority = ticket
    } else if (!oldestNormal || older(ticket, oldestNormal)) oldestNormal = ticket
  }
  if (targeted) return targeted
  if (window.priority) return oldestPriority ?? oldestNormal
  if (!oldestNormal || !oldestPriority) return oldestNormal ?? oldestPriority

  const capAt = new Date(options.now.getTime() - options.rules.maxWaitMinutes * 60_000)
  const cap = capAt.toISOString()
  const overdue = [oldestNormal, oldestPriority].filter((t) => t.queuedAt <= cap)
  if (overdue.length) return overdue.reduce((a, b) => (older(b, a) ? b : a))

  return normalsSincePriority(options.recentLanes) >= options.rules.interleave
    ? oldestPriority
    : oldestNormal
}
