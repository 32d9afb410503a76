import { festivalsOn } from './festivals'
import {
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
    festivals: festivalsOn(solar)
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
