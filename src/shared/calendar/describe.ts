import { festivalsOn } from './festivals'
import {
  DAY_NAMES,
  MONTH_NAMES,
  formatLunarDate,
  lunarToSolar,
  parseLunarDate,
  solarToLunar,
  type LunarDate
} from './lunar'
import { dayOfWeek, toDays } from './plain-date'
import { ganzhiOf, solarTermOn } from './sexagenary'

const WEEKDAYS = '日一二三四五六'

export interface DayDescription {
  solar: string
  weekday: string
  lunar: LunarDate
  lunarText: string
  ganzhi: { year: string; month: string; day: string }
  zodiac: string
  term: string | null
  festivals: string[]
}

/** Everything the converter and the CLI show about one Gregorian day. */
export function describeDay(solar: string): DayDescription {
  const lunar = solarToLunar(solar)
  const ganzhi = ganzhiOf(solar)
  return {
    solar,
    weekday: `星期${WEEKDAYS[dayOfWeek(toDays(solar))]}`,
    lunar,
    lunarText: formatLunarDate(lunar),
    ganzhi: { year: ganzhi.year, month: ganzhi.month, day: ganzhi.day },
    zodiac: ganzhi.zodiac,
    term: solarTermOn(solar),
    festivals: [...festivalsOn(solar), ...[solarFestivalOn(solar)].filter((name) => name !== null)]
  }
}

/** A Gregorian 'YYYY-MM-DD' or a typed lunar date ('1987年闰六月初三') → the Gregorian day. */
export function resolveDateText(text: string): string {
  const trimmed = text.trim()
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)) {
    const [y, m, d] = trimmed.split('-').map(Number) as [number, number, number]
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  }
  return lunarToSolar(parseLunarDate(trimmed))
}

/** '初三', '廿九', '三十'. */
export const lunarDayName = (day: number) => DAY_NAMES[day - 1] ?? String(day)

/** '闰六月', '正月'; with `traditional`, 冬月/腊月 for the 11th and 12th months. */
export const lunarMonthName = (month: number, leap: boolean, traditional = false) =>
  `${leap ? '闰' : ''}${traditional && month === 11 ? '冬' : traditional && month === 12 ? '腊' : MONTH_NAMES[month - 1]}月`

/** Gregorian-date festivals printed on Chinese wall calendars. */
const SOLAR_FESTIVALS: Record<string, string> = {
  '01-01': '元旦',
  '03-08': '妇女节',
  '05-01': '劳动节',
  '05-04': '青年节',
  '06-01': '儿童节',
  '07-01': '建党节',
  '08-01': '建军节',
  '09-10': '教师节',
  '10-01': '国庆节'
}

export const solarFestivalOn = (date: string): string | null =>
  SOLAR_FESTIVALS[date.slice(5)] ?? null
