// Time-zone-free Gregorian dates. All arithmetic is on integer day numbers
// (days since 1970-01-01, proleptic Gregorian); no `Date` object is ever used.
import { CalendarError } from './errors'

export interface PlainDate {
  year: number
  month: number
  day: number
}

/** 'YYYY-MM-DD' string or a plain date object. */
export type DateInput = string | PlainDate

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy
  return era * 146097 + doe - 719468
}

/** Packed Gregorian date `year << 9 | month << 5 | day` for a day number (allocation-free). */
export function civilFromDaysPacked(days: number): number {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))
  const mp = ((5 * doy + 2) / 153) | 0
  const d = doy - (((153 * mp + 2) / 5) | 0) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return (y << 9) | (m << 5) | d
}

export function civilFromDays(days: number): PlainDate {
  const p = civilFromDaysPacked(days)
  return { year: p >> 9, month: (p >> 5) & 15, day: p & 31 }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses 'YYYY-MM-DD' or validates a PlainDate; throws CalendarError('INVALID_DATE'). */
export function toPlainDate(input: DateInput): PlainDate {
  let y: number, m: number, d: number
  if (typeof input === 'string') {
    const match = ISO_RE.exec(input.trim())
    if (!match) throw new CalendarError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${input}`)
    y = +match[1]
    m = +match[2]
    d = +match[3]
  } else {
    y = input.year
    m = input.month
    d = input.day
  }
  if (!isValidDate(y, m, d)) {
    throw new CalendarError('INVALID_DATE', `无效的公历日期：${y}年${m}月${d}日`)
  }
  return { year: y, month: m, day: d }
}

export function toDays(input: DateInput): number {
  const p = toPlainDate(input)
  return daysFromCivil(p.year, p.month, p.day)
}

export function formatDate(date: PlainDate): string {
  const y = String(date.year).padStart(4, '0')
  return `${y}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
}

export function daysToIso(days: number): string {
  return formatDate(civilFromDays(days))
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7
}

export function addDays(input: DateInput, n: number): string {
  return daysToIso(toDays(input) + n)
}
