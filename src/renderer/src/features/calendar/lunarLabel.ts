import {
  festivalsOn,
  lunarDayName,
  lunarMonthName,
  solarFestivalOn,
  solarTermOn,
  solarToLunar
} from '@shared/calendar'

/** What a wall calendar prints under a day: festival, else term, else the lunar day (month on 初一). */
export function lunarLabel(date: string): {
  text: string
  tone: 'festival' | 'term' | 'month' | 'day'
} {
  const festival = festivalsOn(date)[0] ?? solarFestivalOn(date)
  if (festival) return { text: festival, tone: 'festival' }
  const term = solarTermOn(date)
  if (term) return { text: term, tone: 'term' }
  const lunar = solarToLunar(date)
  return lunar.day === 1
    ? { text: lunarMonthName(lunar.month, lunar.leap, true), tone: 'month' }
    : { text: lunarDayName(lunar.day), tone: 'day' }
}
