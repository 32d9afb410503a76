// 干支 (sexagenary cycle), 生肖 and the 24 solar terms.
//
// Solar-term DATES come from our table (lunar-data.ts): HKO dates (UTC+8) for 1901–2100, tyme4ts
// for 1900. tyme4ts (sxwnl algorithm) was checked against the HKO 節氣 column for 1901–2100 and
// agrees on every date except the few listed in test/unit/calendar/solar-terms.test.ts; where they
// differ the HKO date wins, so no tyme4ts code runs here. Exact term moments are not provided.
// Day 干支 is pure day counting; month 干支 follows the 12 节 (立春, 惊蛰, …) by date — the term day
// itself already belongs to the new month; year 干支 is given both by lunar year (used for
// birthdays/生肖, the common convention) and by 立春 (used for month pillars / 八字).
import { CalendarError } from './errors'
import { SOLAR_TERM_BASE, SOLAR_TERM_OFFSETS } from './lunar-data'
import { solarDaysToLunarPacked } from './lunar'
import { daysFromCivil, daysToIso, toDays, type DateInput } from './plain-date'

export const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']
export const BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥']
export const ZODIAC = ['鼠', '牛', '虎', '兔', '龙', '蛇', '马', '羊', '猴', '鸡', '狗', '猪']

/** Solar terms in calendar order, 0 = 小寒 (early January) … 23 = 冬至. */
export const SOLAR_TERM_NAMES = [
  '小寒', '大寒', '立春', '雨水', '惊蛰', '春分', '清明', '谷雨', '立夏', '小满', '芒种', '夏至',
  '小暑', '大暑', '立秋', '处暑', '白露', '秋分', '寒露', '霜降', '立冬', '小雪', '大雪', '冬至',
] // prettier-ignore

export const TERM_YEAR_MIN = 1900
export const TERM_YEAR_MAX = 2100

const TERM_YEARS = TERM_YEAR_MAX - TERM_YEAR_MIN + 1
/** Epoch day of each term, 24 per Gregorian year. */
const TERM_DAYS = new Int32Array(TERM_YEARS * 24)
for (let i = 0; i < TERM_YEARS; i++) {
  for (let k = 0; k < 24; k++) {
    const day = SOLAR_TERM_BASE[k] + SOLAR_TERM_OFFSETS.charCodeAt(i * 24 + k) - 48
    TERM_DAYS[i * 24 + k] = daysFromCivil(TERM_YEAR_MIN + i, (k >> 1) + 1, day)
  }
}

/** Name of the 60-cycle entry n (0 = 甲子). */
export function sexagenaryName(n: number): string {
  const i = ((n % 60) + 60) % 60
  return STEMS[i % 10] + BRANCHES[i % 12]
}

/** 干支 of a lunar (or 立春-based) year: 1984 → 甲子. */
export function yearGanzhi(year: number): string {
  return sexagenaryName(year - 4)
}

/** 生肖 of a lunar year: 1987 → 兔. */
export function zodiacOf(year: number): string {
  return ZODIAC[(((year - 4) % 12) + 12) % 12]
}

/** 60-cycle index of a day (1970-01-01 = 辛巳 = 17). */
export function dayCycleIndex(days: number): number {
  return (((days + 17) % 60) + 60) % 60
}

export function dayGanzhi(date: DateInput): string {
  return sexagenaryName(dayCycleIndex(toDays(date)))
}

function checkTermYear(year: number): number {
  if (!Number.isInteger(year) || year < TERM_YEAR_MIN || year > TERM_YEAR_MAX) {
    throw new CalendarError('OUT_OF_RANGE', `节气数据仅支持公历${TERM_YEAR_MIN}–${TERM_YEAR_MAX}年`)
  }
  return year - TERM_YEAR_MIN
}

/** Epoch day of term k (0 = 小寒) in Gregorian `year`. */
export function solarTermDays(year: number, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k > 23) {
    throw new CalendarError('INVALID_ARGUMENT', `节气序号应为0–23：${k}`)
  }
  return TERM_DAYS[checkTermYear(year) * 24 + k]
}

/** The 24 terms of a Gregorian year with their dates (UTC+8), in calendar order. */
export function solarTermsOfYear(year: number): { name: string; date: string }[] {
  const i = checkTermYear(year)
  return SOLAR_TERM_NAMES.map((name, k) => ({ name, date: daysToIso(TERM_DAYS[i * 24 + k]) }))
}

/** Term falling on the date, or null. */
export function solarTermOn(date: DateInput): string | null {
  const days = toDays(date)
  const y = termYearOf(days)
  const base = (y - TERM_YEAR_MIN) * 24
  const k = termIndexAtOrBefore(base, days)
  return k >= 0 && TERM_DAYS[base + k] === days ? SOLAR_TERM_NAMES[k] : null
}

function termYearOf(days: number): number {
  const y = ((days - daysFromCivil(1900, 1, 1)) / 365.2425 + 1900) | 0
  // correct the estimate
  if (daysFromCivil(y, 1, 1) > days) return checkYearRange(y - 1)
  if (daysFromCivil(y + 1, 1, 1) <= days) return checkYearRange(y + 1)
  return checkYearRange(y)
}

function checkYearRange(y: number): number {
  checkTermYear(y)
  return y
}

/** Index of the last term on or before `days` within the year block, or -1. */
function termIndexAtOrBefore(base: number, days: number): number {
  let k = 23
  while (k >= 0 && TERM_DAYS[base + k] > days) k--
  return k
}

/** Gregorian year of the 立春-based 干支 year containing the day. */
function lichunYear(days: number, y: number): number {
  return days >= TERM_DAYS[(y - TERM_YEAR_MIN) * 24 + 2] ? y : y - 1
}

/** Month 干支 by solar terms (节): 寅 month starts on 立春, 卯 on 惊蛰, … */
export function monthGanzhi(date: DateInput): string {
  const days = toDays(date)
  const y = termYearOf(days)
  const k = termIndexAtOrBefore((y - TERM_YEAR_MIN) * 24, days)
  // Continuous month counter: one step per 节 (even k). Before 小寒 → 子 month of y-1 (大雪).
  const jie = k < 0 ? (y - 1) * 12 + 11 : y * 12 + (k >> 1)
  // Calibrated on 1987 立春 (k = 2) = 壬寅 (index 38).
  return sexagenaryName(jie - (1987 * 12 + 1) + 38)
}

export interface GanzhiInfo {
  /** year 干支 by lunar year (changes at 春节) — conventional for birthdays */
  year: string
  /** year 干支 by 立春 — used together with the month pillar */
  yearByLichun: string
  month: string
  day: string
  /** 生肖 by lunar year */
  zodiac: string
}

/** 干支 of year/month/day and 生肖 for a Gregorian date (1900-01-31 … 2100-12-31). */
export function ganzhiOf(date: DateInput): GanzhiInfo {
  const days = toDays(date)
  const p = solarDaysToLunarPacked(days)
  if (p < 0) {
    throw new CalendarError('OUT_OF_RANGE', '日期超出支持范围（公历1900-01-31至2100-12-31）')
  }
  const ly = p >> 10
  const gy = termYearOf(days)
  return {
    year: yearGanzhi(ly),
    yearByLichun: yearGanzhi(lichunYear(days, gy)),
    month: monthGanzhi(date),
    day: sexagenaryName(dayCycleIndex(days)),
    zodiac: zodiacOf(ly)
  }
}
