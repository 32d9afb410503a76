// Prints a digest of calendar results; tz.test.ts runs it under several TZ values.
import {
  addDays,
  computeDue,
  festivalsOfYear,
  ganzhiOf,
  getDefaultWorkCalendar,
  lunarToSolarDays,
  MAX_DAYS,
  MIN_DAYS,
  solarDaysToLunarPacked,
  solarTermsOfYear
} from '../../../src/shared/calendar'

export function digest(): string {
  let h = 0
  const mix = (v: number): void => {
    h = (Math.imul(h, 31) + v) | 0
  }
  for (let d = MIN_DAYS; d <= MAX_DAYS; d++) {
    const p = solarDaysToLunarPacked(d)
    mix(p)
    mix(lunarToSolarDays(p >> 10, (p >> 5) & 15, p & 31, ((p >> 9) & 1) === 1))
  }
  const cal = getDefaultWorkCalendar()
  const parts = [
    String(h),
    JSON.stringify(solarTermsOfYear(2026)),
    JSON.stringify(festivalsOfYear(2026)),
    JSON.stringify(ganzhiOf('2026-03-08')),
    cal.addWorkingDays('2026-09-30', 3).date,
    JSON.stringify(computeDue({ date: '2026-03-08', time: '01:30' }, 30, 'hours')),
    addDays('2026-03-08', 1),
    addDays('2026-11-01', 1)
  ]
  return parts.join('|')
}

if (process.argv[1]?.includes('tz-probe')) console.log(digest())
