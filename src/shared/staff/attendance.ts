/** The monthly attendance sheet from swipes (local times), against office hours. */

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

export interface AttendanceRow {
  officerId: string
  daysPresent: number
  late: number
  earlyLeave: number
  /** Days with a first swipe after the start, as YYYY-MM-DD. */
  lateDays: string[]
}

/** One row per officer: days with any swipe, late first-in, early last-out. */
export function attendanceSheet(swipes: readonly Swipe[], hours: OfficeHours): AttendanceRow[] {
  const byOfficer = new Map<string, Map<string, Swipe[]>>()
  for (const s of swipes) {
    const days = byOfficer.get(s.officerId) ?? new Map<string, Swipe[]>()
    byOfficer.set(s.officerId, days)
    days.set(s.date, [...(days.get(s.date) ?? []), s])
  }
  return [...byOfficer.entries()].map(([officerId, days]) => {
    const lateDays: string[] = []
    let earlyLeave = 0
    for (const [date, list] of days) {
      const sorted = [...list].sort((a, b) => (a.time < b.time ? -1 : 1))
      const firstIn = sorted.find((s) => s.direction === 'in')
      if (firstIn && firstIn.time.slice(0, 5) > hours.start) lateDays.push(date)
      const lastOut = [...sorted].reverse().find((s) => s.direction === 'out')
      if (lastOut && lastOut.time.slice(0, 5) < hours.end) earlyLeave++
    }
    lateDays.sort()
    return { officerId, daysPresent: days.size, late: lateDays.length, earlyLeave, lateDays }
  })
}

/** The next swipe's direction: the first of the day is in, then they alternate. */
export const nextDirection = (swipesToday: number): 'in' | 'out' =>
  swipesToday % 2 === 0 ? 'in' : 'out'
