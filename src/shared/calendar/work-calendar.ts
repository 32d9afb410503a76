// Working-day calendar: statutory holidays and swapped working days (调休).
// Bundled data: chinese-days (holiday-data.ts, generated); administrators can add or replace years
// by passing extra schedules to createWorkCalendar. Outside the loaded years only the weekend rule
// applies and every computation that touches such a year returns a warning.
import { CalendarError } from './errors'
import { HOLIDAY_ROWS } from './holiday-data'
import { noticeFor } from './holiday-notices'
import { civilFromDaysPacked, dayOfWeek, daysToIso, toDays, type DateInput } from './plain-date'

export interface HolidayEntry {
  /** 'YYYY-MM-DD' */
  date: string
  /** e.g. '国庆节' */
  name: string
}

export interface WorkdayEntry {
  /** 'YYYY-MM-DD' — a weekend day that is a working day (调休上班) */
  date: string
  /** holiday the swap belongs to, e.g. '国庆节' */
  name?: string
}

/** One calendar year's arrangement. All dates must lie in `year`. */
export interface HolidaySchedule {
  year: number
  holidays: HolidayEntry[]
  workdays: WorkdayEntry[]
  /** State Council notice title, e.g. '国务院办公厅关于2026年部分节假日安排的通知' */
  notice: string
}

export type WarningCode = 'PAST_COVERAGE_END' | 'BEFORE_COVERAGE_START' | 'YEAR_NOT_LOADED'

export interface CalendarWarning {
  code: WarningCode
  year: number
  message: string
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'swapped-workday'

export interface DayInfo {
  date: string
  working: boolean
  kind: DayKind
  /** holiday name for 'holiday' and 'swapped-workday' */
  name?: string
  /** false if the year has no schedule loaded (weekend rule only) */
  covered: boolean
}

export interface Coverage {
  firstYear: number
  lastYear: number
  years: number[]
  /** years between first and last without a schedule */
  missingYears: number[]
}

export interface WorkCalendar {
  isWorkingDay(date: DateInput): boolean
  dayInfo(date: DateInput): DayInfo
  /**
   * n working days after `start` (start not counted; swapped working weekends count; holidays and
   * ordinary weekends skipped). n = 0 returns start if it is a working day, else the next one.
   * Negative n counts backwards.
   */
  addWorkingDays(start: DateInput, n: number): { date: string; warnings: CalendarWarning[] }
  /** Working days in (start, end] — start excluded, end included; negative if end < start. */
  workingDaysBetween(
    start: DateInput,
    end: DateInput
  ): { count: number; warnings: CalendarWarning[] }
  coverage(): Coverage
  /** Notice title for a loaded year, undefined otherwise. */
  notice(year: number): string | undefined
  schedules(): HolidaySchedule[]
}

const MAX_STEPS = 100_000

/** Bundled schedules (chinese-days data), one per year. */
export function defaultSchedules(): HolidaySchedule[] {
  return HOLIDAY_ROWS.map(([year, h, w]) => ({
    year,
    holidays: decodeRow(year, h).map(([date, name]) => ({ date, name })),
    workdays: decodeRow(year, w).map(([date, name]) => ({ date, name })),
    notice: noticeFor(year).title
  }))
}

function decodeRow(year: number, row: string): [string, string][] {
  const out: [string, string][] = []
  if (!row) return out
  for (const group of row.split(';')) {
    const [name, list] = group.split(':')
    for (const range of list.split(',')) {
      const [a, b = a] = range.split('-')
      const from = toDays(`${year}-${a.slice(0, 2)}-${a.slice(2)}`)
      const to = toDays(`${year}-${b.slice(0, 2)}-${b.slice(2)}`)
      for (let d = from; d <= to; d++) out.push([daysToIso(d), name])
    }
  }
  return out.sort((x, y) => (x[0] < y[0] ? -1 : 1))
}

const yearOf = (days: number): number => civilFromDaysPacked(days) >> 9

/**
 * Builds a calendar from schedules; a later schedule for the same year replaces an earlier one, so
 * `createWorkCalendar([...defaultSchedules(), adminSchedule2027])` extends or corrects the data.
 */
export function createWorkCalendar(
  schedules: HolidaySchedule[] = defaultSchedules()
): WorkCalendar {
  const byYear = new Map<number, HolidaySchedule>()
  for (const s of schedules) {
    if (!Number.isInteger(s.year) || s.year < 1900 || s.year > 9999) {
      throw new CalendarError('INVALID_ARGUMENT', `节假日安排的年份无效：${s.year}`)
    }
    byYear.set(s.year, s)
  }
  if (byYear.size === 0) throw new CalendarError('INVALID_ARGUMENT', '至少需要一年的节假日安排')

  const special = new Map<number, { kind: 'holiday' | 'swapped-workday'; name: string }>()
  for (const s of byYear.values()) {
    for (const h of s.holidays) add(s, h.date, 'holiday', h.name)
    for (const w of s.workdays) add(s, w.date, 'swapped-workday', w.name ?? '')
  }
  function add(
    s: HolidaySchedule,
    date: string,
    kind: 'holiday' | 'swapped-workday',
    name: string
  ): void {
    const days = toDays(date)
    if (yearOf(days) !== s.year) {
      throw new CalendarError('INVALID_ARGUMENT', `${s.year}年安排中的日期 ${date} 不在该年内`)
    }
    const prev = special.get(days)
    if (prev && prev.kind !== kind) {
      throw new CalendarError('INVALID_ARGUMENT', `${date} 同时被列为放假日和调休上班日`)
    }
    special.set(days, { kind, name })
  }

  const years = [...byYear.keys()].sort((a, b) => a - b)
  const firstYear = years[0]
  const lastYear = years[years.length - 1]
  const missingYears: number[] = []
  for (let y = firstYear; y <= lastYear; y++) if (!byYear.has(y)) missingYears.push(y)

  function working(days: number): boolean {
    const sp = special.get(days)
    if (sp) return sp.kind === 'swapped-workday'
    const dow = dayOfWeek(days)
    return dow !== 0 && dow !== 6
  }

  function warn(list: CalendarWarning[], seen: Set<number>, days: number): void {
    const y = yearOf(days)
    if (byYear.has(y) || seen.has(y)) return
    seen.add(y)
    if (y > lastYear) {
      list.push({
        code: 'PAST_COVERAGE_END',
        year: y,
        message: `计算涉及${y}年，已超出已载入的节假日安排（最后为${lastYear}年），仅按周末计算，结果可能不准确`
      })
    } else if (y < firstYear) {
      list.push({
        code: 'BEFORE_COVERAGE_START',
        year: y,
        message: `计算涉及${y}年，早于已载入的节假日安排（最早为${firstYear}年），仅按周末计算`
      })
    } else {
      list.push({
        code: 'YEAR_NOT_LOADED',
        year: y,
        message: `未载入${y}年的节假日安排，仅按周末计算`
      })
    }
  }

  return {
    isWorkingDay: (date) => working(toDays(date)),

    dayInfo(date) {
      const days = toDays(date)
      const sp = special.get(days)
      const covered = byYear.has(yearOf(days))
      const iso = daysToIso(days)
      if (sp) {
        return {
          date: iso,
          working: sp.kind === 'swapped-workday',
          kind: sp.kind,
          name: sp.name,
          covered
        }
      }
      const dow = dayOfWeek(days)
      const weekend = dow === 0 || dow === 6
      return { date: iso, working: !weekend, kind: weekend ? 'weekend' : 'workday', covered }
    },

    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || Math.abs(n) > MAX_STEPS) {
        throw new CalendarError('INVALID_ARGUMENT', `工作日数应为整数：${n}`)
      }
      const warnings: CalendarWarning[] = []
      const seen = new Set<number>()
      let d = toDays(start)
      warn(warnings, seen, d)
      if (n === 0) {
        while (!working(d)) warn(warnings, seen, ++d)
        return { date: daysToIso(d), warnings }
      }
      const step = n > 0 ? 1 : -1
      let left = Math.abs(n)
      while (left > 0) {
        d += step
        warn(warnings, seen, d)
        if (working(d)) left--
      }
      return { date: daysToIso(d), warnings }
    },

    workingDaysBetween(start, end) {
      const a = toDays(start)
      const b = toDays(end)
      if (Math.abs(b - a) > MAX_STEPS * 2) {
        throw new CalendarError('INVALID_ARGUMENT', '日期区间过长')
      }
      const warnings: CalendarWarning[] = []
      const seen = new Set<number>()
      let count = 0
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1]
      for (let d = lo + 1; d <= hi; d++) {
        warn(warnings, seen, d)
        if (working(d)) count++
      }
      return { count: count * sign, warnings }
    },

    coverage: () => ({ firstYear, lastYear, years: [...years], missingYears: [...missingYears] }),

    notice: (year) => byYear.get(year)?.notice,

    schedules: () => years.map((y) => byYear.get(y) as HolidaySchedule)
  }
}

let defaultCalendar: WorkCalendar | undefined

/** Shared calendar built from the bundled data. */
export function getDefaultWorkCalendar(): WorkCalendar {
  defaultCalendar ??= createWorkCalendar()
  return defaultCalendar
}

// ---- Deadlines -----------------------------------------------------------------------------

export type DueUnit = 'minutes' | 'hours' | 'calendarDays' | 'workingDays'

export interface DueOptions {
  calendar?: WorkCalendar
  /** End of office hours for day-based deadlines, 'HH:mm'; default '17:30'. */
  officeEnd?: string
  /**
   * calendarDays only: if the last day is not a working day, move to the next working day
   * (the statutory rule for periods counted in days). Default false.
   */
  rollToWorkingDay?: boolean
}

export interface Due {
  date: string
  /** 'HH:mm' */
  time: string
  warnings: CalendarWarning[]
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

function parseTime(t: string): number {
  const m = TIME_RE.exec(t)
  if (!m) throw new CalendarError('INVALID_ARGUMENT', `时间格式应为 HH:mm：${t}`)
  return +m[1] * 60 + +m[2]
}

function formatTime(min: number): string {
  return `${String((min / 60) | 0).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`
}

/**
 * Deadline from a start moment (wall-clock date and time, China has no DST so no zone is needed).
 * - minutes / hours: exact clock arithmetic, may cross midnight.
 * - calendarDays: start date + amount (start day not counted), due at office end (17:30);
 *   optionally rolled to the next working day.
 * - workingDays: addWorkingDays(start date, amount) (start day not counted), due at the end of
 *   that working day, office end 17:30 by default.
 * Warnings are returned when the computation touches a year without holiday data.
 */
export function computeDue(
  start: { date: DateInput; time: string },
  amount: number,
  unit: DueUnit,
  options: DueOptions = {}
): Due {
  if (!Number.isInteger(amount) || amount < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `期限数值应为非负整数：${amount}`)
  }
  const startDays = toDays(start.date)
  const startMin = parseTime(start.time)
  const officeEnd = formatTime(parseTime(options.officeEnd ?? '17:30'))
  const cal = options.calendar ?? getDefaultWorkCalendar()
  switch (unit) {
    case 'minutes':
    case 'hours': {
      const total = startMin + amount * (unit === 'hours' ? 60 : 1)
      const dayShift = Math.floor(total / 1440)
      return {
        date: daysToIso(startDays + dayShift),
        time: formatTime(total - dayShift * 1440),
        warnings: []
      }
    }
    case 'calendarDays': {
      const date = daysToIso(startDays + amount)
      if (!options.rollToWorkingDay) return { date, time: officeEnd, warnings: [] }
      const r = cal.addWorkingDays(date, 0)
      return { date: r.date, time: officeEnd, warnings: r.warnings }
    }
    case 'workingDays': {
      const r = cal.addWorkingDays(daysToIso(startDays), amount)
      return { date: r.date, time: officeEnd, warnings: r.warnings }
    }
    default:
      throw new CalendarError('INVALID_ARGUMENT', `未知的期限单位：${String(unit)}`)
  }
}
