// Traditional lunar festivals, ages (周岁/虚岁) and lunar birthdays — all from our HKO-verified
// table (lunar.ts); no tyme4ts at run time.
import { CalendarError } from './errors'
import {
  lunarMonthLength,
  lunarNewYearDays,
  lunarToDays,
  lunarToSolarDays,
  MAX_DAYS,
  MIN_DAYS,
  leapMonthOf,
  solarDaysToLunarPacked,
  unpackLunar,
  type LunarDate
} from './lunar'
import { LUNAR_YEAR_MAX, LUNAR_YEAR_MIN } from './lunar-data'
import { daysToIso, toDays, toPlainDate, type DateInput } from './plain-date'

export const LUNAR_FESTIVALS: readonly { name: string; month: number; day: number }[] = [
  { name: '春节', month: 1, day: 1 },
  { name: '元宵', month: 1, day: 15 },
  { name: '端午', month: 5, day: 5 },
  { name: '七夕', month: 7, day: 7 },
  { name: '中秋', month: 8, day: 15 },
  { name: '重阳', month: 9, day: 9 },
  { name: '腊八', month: 12, day: 8 }
]

export interface Festival {
  name: string
  date: string
  lunar: LunarDate
}

/**
 * Festivals of one lunar year. Fixed festivals fall in the ordinary (non-leap) month.
 * 除夕 is the eve of the next 春节: day 29 or 30 of the 12th month. Dates outside the supported
 * range are omitted.
 */
export function festivalsOfLunarYear(year: number): Festival[] {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `节日查询仅支持农历${LUNAR_YEAR_MIN}–${LUNAR_YEAR_MAX}年`
    )
  }
  // Lunar 2100: 腊八 and 除夕 fall in 2101 and are omitted.
  const out: Festival[] = []
  for (const f of LUNAR_FESTIVALS) {
    const lunar: LunarDate = { year, month: f.month, day: f.day, leap: false }
    const days = lunarToSolarDays(year, f.month, f.day, false)
    if (days >= MIN_DAYS) out.push({ name: f.name, date: daysToIso(days), lunar })
  }
  const eve = lunarNewYearDays(year + 1) - 1
  if (eve <= MAX_DAYS) {
    out.push({
      name: '除夕',
      date: daysToIso(eve),
      lunar: unpackLunar(solarDaysToLunarPacked(eve))
    })
  }
  return out
}

/** Festivals whose date falls in Gregorian `year` (from lunar years year-1 and year). */
export function festivalsOfYear(year: number): Festival[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new CalendarError('OUT_OF_RANGE', '节日查询仅支持公历1900–2100年')
  }
  const out: Festival[] = []
  for (const ly of [year - 1, year]) {
    if (ly < LUNAR_YEAR_MIN || ly > LUNAR_YEAR_MAX) continue
    for (const f of festivalsOfLunarYear(ly)) if (f.date.startsWith(`${year}-`)) out.push(f)
  }
  return out
}

/** Traditional festival names on a Gregorian date (usually 0 or 1). */
export function festivalsOn(date: DateInput): string[] {
  const days = toDays(date)
  const p = solarDaysToLunarPacked(days)
  if (p < 0)
    throw new CalendarError('OUT_OF_RANGE', '日期超出支持范围（公历1900-01-31至2100-12-31）')
  const l = unpackLunar(p)
  const out: string[] = []
  if (!l.leap) {
    for (const f of LUNAR_FESTIVALS) if (f.month === l.month && f.day === l.day) out.push(f.name)
  }
  if (lunarNewYearDays(l.year + 1) === days + 1) out.push('除夕')
  return out
}

export interface Age {
  /** 周岁: completed Gregorian years; a 29 Feb birthday is reached on 1 Mar in common years */
  zhousui: number
  /** 虚岁: 1 at birth, +1 at each lunar new year (春节, not 立春) */
  xusui: number
}

/**
 * 周岁 and 虚岁 of someone born on `birth`, on date `on` (both Gregorian); null when `on` is
 * before the birth (尚未出生) — a future date is an ordinary input, not an error.
 */
export function ageOn(birth: DateInput, on: DateInput): Age | null {
  const b = toPlainDate(birth)
  const t = toPlainDate(on)
  const bd = toDays(b)
  const td = toDays(t)
  if (td < bd) return null
  let zhousui = t.year - b.year
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) zhousui--
  const pb = solarDaysToLunarPacked(bd)
  const pt = solarDaysToLunarPacked(td)
  if (pb < 0 || pt < 0) {
    throw new CalendarError('OUT_OF_RANGE', '虚岁计算超出支持范围（公历1900-01-31至2100-12-31）')
  }
  return { zhousui, xusui: (pt >> 10) - (pb >> 10) + 1 }
}

export type BirthdayAdjustment = 'leap-month-absent' | 'day-30-absent'

export interface LunarBirthday {
  /** Gregorian date of the birthday */
  date: string
  /** lunar date actually used */
  lunar: LunarDate
  /** rule(s) applied, empty if the birthday exists as is */
  adjustments: BirthdayAdjustment[]
}

/**
 * Gregorian date of a lunar birthday in lunar year `year`. Rule (documented for clerks):
 * - born in a leap month: use the leap month if `year` has the same one, else the ordinary month;
 * - born on day 30: if that month has only 29 days this year, use day 29 (the month's last day).
 */
export function lunarBirthdayInLunarYear(birth: LunarDate, year: number): LunarBirthday {
  const adjustments: BirthdayAdjustment[] = []
  let leap = birth.leap
  if (leap && leapMonthOf(year) !== birth.month) {
    leap = false
    adjustments.push('leap-month-absent')
  }
  let day = birth.day
  if (day === 30 && lunarMonthLength(year, birth.month, leap) === 29) {
    day = 29
    adjustments.push('day-30-absent')
  }
  const lunar: LunarDate = { year, month: birth.month, day, leap }
  return { date: daysToIso(lunarToDays(lunar)), lunar, adjustments }
}

/** Lunar birthdays falling in Gregorian `year` (0, 1 or 2 of them), in date order. */
export function lunarBirthdaysInYear(birth: LunarDate, year: number): LunarBirthday[] {
  const out: LunarBirthday[] = []
  for (const ly of [year - 1, year]) {
    if (ly < LUNAR_YEAR_MIN || ly > LUNAR_YEAR_MAX) continue
    try {
      const b = lunarBirthdayInLunarYear(birth, ly)
      if (b.date.startsWith(`${year}-`)) out.push(b)
    } catch (e) {
      if (!(e instanceof CalendarError && e.code === 'OUT_OF_RANGE')) throw e
    }
  }
  return out
}
