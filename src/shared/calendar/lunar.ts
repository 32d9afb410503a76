// Gregorian ⇄ Chinese lunar conversion from our own compact table (lunar-data.ts), generated from
// the Hong Kong Observatory tables and verified against them on every day 1901–2100 in both
// directions. tyme4ts is NOT used at run time: it supplied only lunar 1900 months 1–10 (before the
// HKO tables) to the generator; it disagrees with HKO on 30 days (lunar 2057-09, an HKO-footnoted
// new moon near midnight) and is ~4,000× slower. Intl's Chinese calendar disagrees with HKO on 447
// days and is never used.
//
// Supported range: lunar 1900-01-01 (= 1900-01-31) … 2100-12-31 (= lunar 2100-12-01).
import { CalendarError } from './errors'
import { LUNAR_INFO, LUNAR_YEAR_MAX, LUNAR_YEAR_MIN } from './lunar-data'
import {
  civilFromDaysPacked,
  daysFromCivil,
  isValidDate,
  toDays,
  type DateInput
} from './plain-date'

export interface LunarDate {
  year: number
  /** 1–12 */
  month: number
  /** 1–30 */
  day: number
  /** true if the month is the leap (闰) month following `month` */
  leap: boolean
}

export const MIN_DAYS = daysFromCivil(1900, 1, 31)
export const MAX_DAYS = daysFromCivil(2100, 12, 31)
export const MIN_DATE = '1900-01-31'
export const MAX_DATE = '2100-12-31'

const YEARS = LUNAR_YEAR_MAX - LUNAR_YEAR_MIN + 1
/** Epoch day of each lunar new year, plus one sentinel (lunar 2101-01-01). */
const NEW_YEAR = new Int32Array(YEARS + 1)
/** Day offset from new year of each month slot (14 slots a year, last = year length). */
const MONTH_OFFSET = new Int32Array(YEARS * 14)
/** Leap month per year (0 = none). */
const LEAP = new Uint8Array(YEARS)

{
  let ny = MIN_DAYS
  for (let i = 0; i < YEARS; i++) {
    const info = LUNAR_INFO[i]
    const leap = (info >> 13) & 15
    const count = leap ? 13 : 12
    LEAP[i] = leap
    NEW_YEAR[i] = ny
    let off = 0
    for (let k = 0; k < count; k++) {
      MONTH_OFFSET[i * 14 + k] = off
      off += 29 + ((info >> k) & 1)
    }
    for (let k = count; k < 14; k++) MONTH_OFFSET[i * 14 + k] = off
    ny += off
  }
  NEW_YEAR[YEARS] = ny
}

// ---- Allocation-free hot path -------------------------------------------------------------

/**
 * Lunar date for an epoch day number, packed as `year << 10 | leap << 9 | month << 5 | day`;
 * -1 if outside the supported range.
 */
export function solarDaysToLunarPacked(days: number): number {
  if (!(days >= MIN_DAYS && days <= MAX_DAYS)) return -1
  // Estimate the lunar year, then correct by at most one.
  let i = ((days - MIN_DAYS) / 365.2425) | 0
  if (NEW_YEAR[i] > days) i--
  else if (NEW_YEAR[i + 1] <= days) i++
  const off = days - NEW_YEAR[i]
  const base = i * 14
  // Month slot: estimate from the mean month, correct by at most one.
  let k = (off / 29.5306) | 0
  if (MONTH_OFFSET[base + k] > off) k--
  else if (k < 12 && MONTH_OFFSET[base + k + 1] <= off) k++
  const leap = LEAP[i]
  let month: number
  let isLeap = 0
  if (leap === 0 || k < leap) month = k + 1
  else if (k === leap) {
    month = leap
    isLeap = 1
  } else month = k
  const day = off - MONTH_OFFSET[base + k] + 1
  return ((i + LUNAR_YEAR_MIN) << 10) | (isLeap << 9) | (month << 5) | day
}

/** Packed lunar date for a Gregorian date (no validation of the Gregorian fields). */
export function solarToLunarPacked(year: number, month: number, day: number): number {
  return solarDaysToLunarPacked(daysFromCivil(year, month, day))
}

/** Failure codes of lunarToSolarDays (all below any valid day number). */
export const LUNAR_OUT_OF_RANGE = -0x7fffffff
export const LUNAR_NO_SUCH_LEAP = -0x7ffffffe
export const LUNAR_INVALID = -0x7ffffffd

/** Epoch day of a lunar date, or one of the LUNAR_* failure codes. */
export function lunarToSolarDays(year: number, month: number, day: number, leap: boolean): number {
  if (!(year >= LUNAR_YEAR_MIN && year <= LUNAR_YEAR_MAX)) return LUNAR_OUT_OF_RANGE
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 30) || (month | 0) !== month) {
    return LUNAR_INVALID
  }
  if ((day | 0) !== day) return LUNAR_INVALID
  const i = year - LUNAR_YEAR_MIN
  const lm = LEAP[i]
  if (leap && lm !== month) return LUNAR_NO_SUCH_LEAP
  const k = lm !== 0 && (month > lm || leap) ? month : month - 1
  const start = NEW_YEAR[i] + MONTH_OFFSET[i * 14 + k]
  const days = start + day - 1
  if (days > MAX_DAYS) return LUNAR_OUT_OF_RANGE
  if (day === 30 && MONTH_OFFSET[i * 14 + k + 1] - MONTH_OFFSET[i * 14 + k] !== 30) {
    return LUNAR_INVALID
  }
  return days
}

// ---- Object API ---------------------------------------------------------------------------

export function unpackLunar(p: number): LunarDate {
  return { year: p >> 10, month: (p >> 5) & 15, day: p & 31, leap: ((p >> 9) & 1) === 1 }
}

function rangeError(what: string): CalendarError {
  return new CalendarError(
    'OUT_OF_RANGE',
    `${what}超出支持范围（公历${MIN_DATE}至${MAX_DATE}，即农历1900年正月初一至2100年十二月初一）`
  )
}

/** Gregorian → lunar. Throws CalendarError (INVALID_DATE, OUT_OF_RANGE). */
export function solarToLunar(date: DateInput): LunarDate {
  const days = toDays(date)
  const p = solarDaysToLunarPacked(days)
  if (p < 0) throw rangeError(`公历日期 ${typeof date === 'string' ? date : ''}`.trim())
  return unpackLunar(p)
}

/** Lunar → Gregorian epoch day. Throws CalendarError with a Chinese message. */
export function lunarToDays(lunar: LunarDate): number {
  const { year, month, day, leap } = lunar
  const r = lunarToSolarDays(year, month, day, leap)
  if (r >= MIN_DAYS) return r
  const label = formatLunarDate(lunar, { safe: true })
  if (r === LUNAR_OUT_OF_RANGE) throw rangeError(`农历${label}`)
  if (r === LUNAR_NO_SUCH_LEAP) {
    const lm = leapMonthOf(year)
    const has = lm ? `只有闰${MONTH_NAMES[lm - 1]}月` : '没有闰月'
    throw new CalendarError(
      'NO_SUCH_LEAP_MONTH',
      `农历${year}年没有闰${MONTH_NAMES[month - 1] ?? month}月（该年${has}；` +
        `月份为：${monthListOf(year).join('、')}）`
    )
  }
  if (month >= 1 && month <= 12 && day === 30) {
    throw new CalendarError('INVALID_LUNAR_DATE', `农历${label}不存在（该月只有29天）`)
  }
  throw new CalendarError('INVALID_LUNAR_DATE', `无效的农历日期：${label}`)
}

/** Lunar → Gregorian 'YYYY-MM-DD'. */
export function lunarToSolar(lunar: LunarDate): string {
  const p = civilFromDaysPacked(lunarToDays(lunar))
  return `${p >> 9}-${pad2((p >> 5) & 15)}-${pad2(p & 31)}`
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX) {
    throw rangeError(`农历${year}年`)
  }
  return year - LUNAR_YEAR_MIN
}

/** Leap month of a lunar year (0 = none). */
export function leapMonthOf(year: number): number {
  return LEAP[checkYear(year)]
}

/** Length (29/30) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const i = checkYear(year)
  const lm = LEAP[i]
  if (!Number.isInteger(month) || month < 1 || month > 12 || (leap && lm !== month)) {
    lunarToDays({ year, month, day: 1, leap }) // throws the descriptive error
  }
  const k = lm !== 0 && (month > lm || leap) ? month : month - 1
  return MONTH_OFFSET[i * 14 + k + 1] - MONTH_OFFSET[i * 14 + k]
}

/** Months of a lunar year in order, e.g. [{month: 6, leap: true, days: 29}, …]. */
export function lunarMonthsOf(year: number): { month: number; leap: boolean; days: number }[] {
  const i = checkYear(year)
  const lm = LEAP[i]
  const out: { month: number; leap: boolean; days: number }[] = []
  for (let k = 0; k < (lm ? 13 : 12); k++) {
    const leap = lm !== 0 && k === lm
    const month = lm === 0 || k < lm ? k + 1 : k
    out.push({ month, leap, days: MONTH_OFFSET[i * 14 + k + 1] - MONTH_OFFSET[i * 14 + k] })
  }
  return out
}

/** Epoch day of lunar new year (正月初一) of `year`; year may be LUNAR_YEAR_MAX + 1 (sentinel). */
export function lunarNewYearDays(year: number): number {
  if (year === LUNAR_YEAR_MAX + 1) return NEW_YEAR[YEARS]
  return NEW_YEAR[checkYear(year)]
}

function monthListOf(year: number): string[] {
  return lunarMonthsOf(year).map((m) => `${m.leap ? '闰' : ''}${MONTH_NAMES[m.month - 1]}月`)
}

// ---- Formatting and parsing ---------------------------------------------------------------

export const MONTH_NAMES = [
  '正',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二'
]
export const DAY_NAMES = [
  '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
] // prettier-ignore

/**
 * '1987年闰六月初三'. With `traditional: true` the 11th/12th months read 冬月/腊月.
 * `safe` formats out-of-range fields numerically instead of throwing (used in error messages).
 */
export function formatLunarDate(
  lunar: LunarDate,
  opts: { traditional?: boolean; safe?: boolean } = {}
): string {
  const { year, month, day, leap } = lunar
  let mName = MONTH_NAMES[month - 1]
  let dName = DAY_NAMES[day - 1]
  if (mName === undefined || dName === undefined) {
    if (!opts.safe)
      throw new CalendarError('INVALID_LUNAR_DATE', `无效的农历日期：${year}-${month}-${day}`)
    mName ??= String(month)
    dName ??= `${day}日`
  }
  if (opts.traditional && month === 11) mName = '冬'
  if (opts.traditional && month === 12) mName = '腊'
  return `${year}年${leap ? '闰' : ''}${mName}月${dName}`
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2,
} // prettier-ignore

/** '一九八七' → 1987 (digit by digit); also accepts ASCII/full-width digits. */
function parseYear(s: string): number {
  let v = 0
  for (const ch of s) {
    const c = ch.charCodeAt(0)
    let d: number | undefined
    if (c >= 48 && c <= 57) d = c - 48
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10
    else d = CN_DIGITS[ch]
    if (d === undefined) return NaN
    v = v * 10 + d
  }
  return v
}

/** Small Chinese or Arabic number 1–30: '六', '十一', '廿三', '卅', '二十九', '12'. */
function parseSmall(s: string): number {
  if (/^[0-9０-９]+$/.test(s)) return parseYear(s)
  const t = s.replace(/^初/, '')
  if (t === '十') return 10
  if (t === '卅' || t === '三十') return 30
  const m = /^(?:([一二三])?十|(廿|卄|卅))?([一二三四五六七八九])?$/.exec(t)
  if (!m || t === '') return NaN
  let v = 0
  if (m[2]) v = m[2] === '卅' ? 30 : 20
  else if (t.includes('十')) v = (m[1] ? CN_DIGITS[m[1]] : 1) * 10
  if (m[3]) v += CN_DIGITS[m[3]]
  return v
}

const MONTH_ALIASES: Record<string, number> = { 正: 1, 元: 1, 冬: 11, 腊: 12, 臘: 12 }

const LUNAR_RE =
  /^(?:农历|農曆|阴历|陰曆)?\s*([0-9０-９〇零O一二三四五六七八九]{4})\s*年\s*(闰|閏)?\s*([0-9０-９]{1,2}|正|元|冬|腊|臘|十[一二]?|[一二三四五六七八九])\s*月\s*(初[一二三四五六七八九十]|[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[廿卄卅][一二三四五六七八九]?|[一二三四五六七八九])\s*(?:日|号|號)?$/

/**
 * Parses typed lunar dates: '1987年闰六月初三', '农历1987年6月3日', '一九八七年闰六月初三',
 * '农历1987年闰6月3日', '2024年腊月廿九'. Validates against the table (leap month, day 30).
 */
export function parseLunarDate(text: string): LunarDate {
  const m = LUNAR_RE.exec(text.trim().replace(/\s+/g, ''))
  if (!m) throw new CalendarError('PARSE_ERROR', `无法识别的农历日期：${text}`)
  const year = parseYear(m[1])
  const month = MONTH_ALIASES[m[3]] ?? parseSmall(m[3])
  const day = parseSmall(m[4])
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= 30)) {
    throw new CalendarError('PARSE_ERROR', `无法识别的农历日期：${text}`)
  }
  const lunar: LunarDate = { year, month, day, leap: m[2] !== undefined }
  lunarToDays(lunar) // validate
  return lunar
}

/** True if the Gregorian fields are a valid date inside the supported range. */
export function isSupportedSolar(year: number, month: number, day: number): boolean {
  if (!isValidDate(year, month, day)) return false
  const d = daysFromCivil(year, month, day)
  return d >= MIN_DAYS && d <= MAX_DAYS
}
