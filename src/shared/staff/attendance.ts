/** The monthly attendance sheet from swipes (station times), against office hours and the work calendar. */
import { daysInMonth } from './quota'

export interface OfficeHours {
  /** 'HH:mm' */
  start: string
  end: string
}

export const defaultOfficeHours: OfficeHours = { start: '08:00', end: '17:30' }

export interface Swipe {
  officerId: string
  /** Local date YYYY-MM-DD and time HH:mm:ss. */
  date: string
  time: string
  direction: 'in' | 'out'
}

export interface AttendanceDay {
  date: string
  working: boolean
  /** HH:mm:ss of the first in and last out, if any. */
  firstIn: string | null
  lastOut: string | null
  /** First in after the start of a working day. */
  late: boolean
  /** Last out before the end of a working day. */
  early: boolean
  /** A working day before `until` with no swipe at all. */
  absent: boolean
}

export interface AttendanceRow {
  officerId: string
  /** Working days of the month (by the work calendar). */
  workingDays: number
  daysPresent: number
  late: number
  earlyLeave: number
  absent: number
  /** Days with a late first in, as YYYY-MM-DD. */
  lateDays: string[]
  days: AttendanceDay[]
}

export interface SheetCalendar {
  isWorkingDay(date: string): boolean
  /** Absence is counted only for days before this date (today: the day is not over yet). */
  until: string
  /** An officer's first day (account created): no absence is counted before it. */
  startOf?: (officerId: string) => string | undefined
}

/** Every date of a 'YYYY-MM' month. */
export const monthDates = (month: string) =>
  Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)

/**
 * One row per officer, one day row per date of the month. Late and early count on working days
 * only (a weekend visit is not late); a day with any swipe counts as present.
 */
export function attendanceSheet(
  officerIds: readonly string[],
  swipes: readonly Swipe[],
  hours: OfficeHours,
  month: string,
  calendar: SheetCalendar
): AttendanceRow[] {
  const byDay = new Map<string, Swipe[]>()
  for (const s of swipes) {
    const key = `${s.officerId} ${s.date}`
    byDay.set(key, [...(byDay.get(key) ?? []), s])
  }
  const dates = monthDates(month).map((date) => ({
    date,
    working: calendar.isWorkingDay(date)
  }))
  return officerIds.map((officerId) => {
    const start = calendar.startOf?.(officerId) ?? ''
    const days = dates.map(({ date, working }): AttendanceDay => {
      const list = [...(byDay.get(`${officerId} ${date}`) ?? [])].sort((a, b) =>
        a.time < b.time ? -1 : 1
      )
      const firstIn = list.find((s) => s.direction === 'in')?.time ?? null
      const lastOut = list.findLast((s) => s.direction === 'out')?.time ?? null
      return {
        date,
        working,
        firstIn,
        lastOut,
        late: working && firstIn !== null && firstIn.slice(0, 5) > hours.start,
        early: working && lastOut !== null && lastOut.slice(0, 5) < hours.end,
        absent: working && list.length === 0 && date >= start && date < calendar.until
      }
    })
    const lateDays = days.filter((d) => d.late).map((d) => d.date)
    return {
      officerId,
      workingDays: days.filter((d) => d.working).length,
      daysPresent: days.filter((d) => d.firstIn !== null || d.lastOut !== null).length,
      late: lateDays.length,
      earlyLeave: days.filter((d) => d.early).length,
      absent: days.filter((d) => d.absent).length,
      lateDays,
      days
    }
  })
}

/** The date before which absence counts in a month: the month's end when past, today within it. */
export function absenceUntil(month: string, today: string) {
  const dates = monthDates(month)
  const afterEnd = `${month}-${String(dates.length + 1).padStart(2, '0')}`
  if (today.slice(0, 7) > month) return afterEnd
  if (today.slice(0, 7) < month) return dates[0]!
  return today
}

/** Hours within which a swipe pairs with the officer's last one (an overnight duty included). */
export const DIRECTION_WINDOW_HOURS = 16

/**
 * The next swipe's direction from the officer's last swipe: out after an in within the window
 * (so an overnight duty's morning swipe is its out), otherwise in.
 */
export function nextDirection(
  last: { at: string; direction: 'in' | 'out' } | null,
  at: string,
  windowHours = DIRECTION_WINDOW_HOURS
): 'in' | 'out' {
  const recent = last !== null && Date.parse(at) - Date.parse(last.at) < windowHours * 3_600_000
  return recent && last.direction === 'in' ? 'out' : 'in'
}
