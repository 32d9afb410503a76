import { stationIso } from './logbooks/time'

/**
 * Dates and times as the station reads them: China Standard Time (UTC+8, no daylight saving),
 * whatever zone the machine is set to, so that every screen, printout and "today" agrees with the
 * registers' deadlines and day boundaries (logbooks/time.ts).
 */
const INVALID = '----------T--:--:--.---Z'

/** The instant as an ISO string shifted to station time (an invalid date stays visible as dashes). */
const shifted = (at: Date) => (Number.isNaN(at.getTime()) ? INVALID : stationIso(at.getTime()))

/** The station's date of an instant (now by default), YYYY-MM-DD. */
export const stationDate = (at: Date = new Date()) => shifted(at).slice(0, 10)

/** The station's time of an instant as HH:mm. */
export const stationTime = (at: Date) => shifted(at).slice(11, 16)

/** The station's time of an ISO instant as HH:mm:ss. */
export const stationClock = (iso: string) => shifted(new Date(iso)).slice(11, 19)

/** The station's date and time as YYYY-MM-DD HH:mm:ss, for lists and printouts. */
export const stationDateTime = (at: Date) => {
  const text = shifted(at)
  return `${text.slice(0, 10)} ${text.slice(11, 19)}`
}

/** The day of the week of a YYYY-MM-DD date, 0 for Sunday. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

const WEEKDAYS = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  'en-US': ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
} as const

/** A YYYY-MM-DD date's day of the week by name: 星期二, Tuesday. */
export const weekdayName = (date: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  WEEKDAYS[locale][weekdayOf(date)] ?? ''
