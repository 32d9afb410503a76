/**
 * Deadline pieces that are not the work calendar's: the night amount of a minutes rule
 * (SLA-EMERGENCY: 5 minutes by day, 10 at night) and the end of the day's office hours.
 */

/** Whether a wall-clock time falls in the night [start, end), which may wrap midnight. */
export function isNight(time: string, start: string, end: string): boolean {
  if (start === end) return false
  return start < end ? time >= start && time < end : time >= start || time < end
}

export interface AmountRule {
  amount: number
  maxAmount: number | null
  nightAmount: number | null
  nightStart: string | null
  nightEnd: string | null
}

/** The rule's amount for an entry started at `time` (HH:mm), extended or not. */
export function ruleAmount(rule: AmountRule, time: string, extended = false): number {
  if (extended && rule.maxAmount !== null) return rule.maxAmount
  if (
    rule.nightAmount !== null &&
    rule.nightStart &&
    rule.nightEnd &&
    isNight(time, rule.nightStart, rule.nightEnd)
  ) {
    return rule.nightAmount
  }
  return rule.amount
}

/**
 * 先外后内: the back-office item is due by the end of office hours on the day the window work was
 * done; work finished after hours is due by the end of that day.
 */
export function officeCloseDue(time: string, officeEnd: string): string {
  return time < officeEnd ? officeEnd : '23:59'
}

export interface Timeliness {
  state: 'none' | 'pending' | 'onTime' | 'late' | 'overdue'
  /** Whole minutes past the deadline (late or overdue), else 0. */
  minutesLate: number
  label: string
}

const lateBy = (minutes: number) =>
  minutes < 120
    ? `${minutes} 分钟`
    : minutes < 2880
      ? `${Math.floor(minutes / 60)} 小时`
      : `${Math.floor(minutes / 1440)} 天`

/**
 * Whether the step that meets a deadline (arrival, answer, fitting) came in time: by its own time
 * once filled, else by `now`. Lateness is in whole minutes, at least one once past the deadline.
 */
export function timeliness(dueAt: string | null, metAt: unknown, now: string): Timeliness {
  if (!dueAt) return { state: 'none', minutesLate: 0, label: '' }
  const at = typeof metAt === 'string' && metAt ? metAt : null
  const minutes = Math.floor((Date.parse(at ?? now) - Date.parse(dueAt)) / 60_000)
  if (at) {
    return at <= dueAt
      ? { state: 'onTime', minutesLate: 0, label: '按时' }
      : {
          state: 'late',
          minutesLate: Math.max(minutes, 1),
          label: `超时 ${lateBy(Math.max(minutes, 1))}`
        }
  }
  return now <= dueAt
    ? { state: 'pending', minutesLate: 0, label: '未到期' }
    : {
        state: 'overdue',
        minutesLate: Math.max(minutes, 1),
        label: `已超期 ${lateBy(Math.max(minutes, 1))}`
      }
}
