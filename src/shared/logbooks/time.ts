/**
 * The station keeps China Standard Time (UTC+8, no daylight saving): wall-clock dates and times of
 * deadlines, day boundaries of filters and printouts are taken in it, whatever the machine's zone.
 */
const OFFSET_MS = 8 * 3_600_000

/** An instant (ms since the epoch) as an ISO string read on the station's clock. */
export const stationIso = (ms: number) => new Date(ms + OFFSET_MS).toISOString()

/**
 * How far ahead of main's clock a time of something that happened may lie (a workstation clock a
 * little fast) before main refuses it as in the future.
 */
export const CLOCK_SKEW_MS = 5 * 60_000

export function wallClock(iso: string): { date: string; time: string } {
  const shifted = stationIso(Date.parse(iso))
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}

/** A file name's stamp in station time, to the millisecond (sorts by time): 20261207-200722-172. */
export function fileStamp(date: Date): string {
  const digits = stationIso(date.getTime()).replace(/\D/g, '')
  return `${digits.slice(0, 8)}-${digits.slice(8, 14)}-${digits.slice(14, 17)}`
}

export const fromWallClock = (date: string, time: string) =>
  new Date(`${date}T${time}:00+08:00`).toISOString()

/** 'YYYY-MM-DD HH:mm' in station time. */
export const formatStationTime = (iso: string) => {
  // Fast path for the usual stored form (an export formats hundreds of thousands): the station
  // day is the UTC day when the shifted hour stays below 24.
  const hour = iso.length === 24 && iso[23] === 'Z' ? Number(iso.slice(11, 13)) + 8 : 24
  if (hour < 24) return `${iso.slice(0, 10)} ${String(hour).padStart(2, '0')}${iso.slice(13, 16)}`
  const { date, time } = wallClock(iso)
  return `${date} ${time}`
}

/** Start of the station day after `date`, as an ISO instant (exclusive upper bound). */
export const nextDayStart = (date: string) =>
  new Date(Date.parse(fromWallClock(date, '00:00')) + 86_400_000).toISOString()

/**
 * A station-time month 'YYYY-MM' as an ISO range [from, to): to is the start of the day after the
 * month's last, so 9999-12 (whose next month is no date) works too.
 */
export function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(new Date(0).setUTCFullYear(y, m, 0)).getUTCDate()
  return {
    from: fromWallClock(`${month}-01`, '00:00'),
    to: nextDayStart(`${month}-${String(last).padStart(2, '0')}`)
  }
}
