import { describe, expect, it } from 'vitest'
import {
  CalendarError,
  formatLunarDate,
  leapMonthOf,
  lunarMonthsOf,
  lunarToSolar,
  lunarToSolarDays,
  parseLunarDate,
  solarToLunar,
  LUNAR_OUT_OF_RANGE
} from '../../../src/shared/calendar'
import { daysFromCivil, daysToIso } from '../../../src/shared/calendar/plain-date'
import { loadHko } from './hko'

const hko = loadHko()
const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

function catchError(fn: () => unknown): CalendarError {
  try {
    fn()
  } catch (e) {
    if (e instanceof CalendarError) return e
    throw e
  }
  throw new Error('expected a CalendarError')
}

describe('lunar → solar for day 1, 15 and the last day of every month', () => {
  it('matches HKO for every lunar month 1901–2100', () => {
    const byKey = new Map<string, string>()
    for (const r of hko)
      byKey.set(`${r.ly}-${r.leap ? 'L' : ''}${r.lm}-${r.ld}`, iso(r.y, r.m, r.d))
    let checked = 0
    for (let y = 1901; y <= 2100; y++) {
      for (const m of lunarMonthsOf(y)) {
        for (const d of [1, 15, m.days]) {
          const want = byKey.get(`${y}-${m.leap ? 'L' : ''}${m.month}-${d}`)
          if (!want) continue // lunar 2100-12 beyond 2100-12-31
          expect(lunarToSolar({ year: y, month: m.month, day: d, leap: m.leap })).toBe(want)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(7400)
  })
})

describe('range start (lunar 1900)', () => {
  it('lunar 1900-01-01 is 1900-01-31', () => {
    expect(lunarToSolar({ year: 1900, month: 1, day: 1, leap: false })).toBe('1900-01-31')
    expect(solarToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, leap: false })
  })
  it('lunar 1900 has leap 8th month and joins the HKO data at 1900-11-11 = 1901-01-01', () => {
    expect(leapMonthOf(1900)).toBe(8)
    expect(lunarToSolar({ year: 1900, month: 11, day: 11, leap: false })).toBe('1901-01-01')
    expect(solarToLunar('1900-12-31')).toEqual({ year: 1900, month: 11, day: 10, leap: false })
  })
  it('lunar 1900 (from tyme4ts, before HKO) agrees with Intl on every day as a second opinion', () => {
    const f = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
      timeZone: 'UTC',
      month: 'numeric',
      day: 'numeric'
    })
    for (let d = daysFromCivil(1900, 1, 31); d < daysFromCivil(1901, 1, 1); d++) {
      const l = solarToLunar(daysToIso(d))
      const parts = f.formatToParts(d * 86_400_000 + 43_200_000)
      const day = Number(parts.find((p) => p.type === 'day')?.value)
      const month = parts.find((p) => p.type === 'month')?.value ?? ''
      expect([day, month.startsWith('闰')]).toEqual([l.day, l.leap])
    }
  })
})

describe('known dates', () => {
  it('1987 leap 6th month', () => {
    expect(lunarToSolar({ year: 1987, month: 6, day: 1, leap: true })).toBe('1987-07-26')
    expect(lunarToSolar({ year: 1987, month: 6, day: 3, leap: true })).toBe('1987-07-28')
    expect(solarToLunar({ year: 1987, month: 7, day: 28 })).toEqual({
      year: 1987,
      month: 6,
      day: 3,
      leap: true
    })
  })
  it('day 30 of a leap month (2017 闰六月 has 30 days)', () => {
    const r = hko.find((x) => x.leap && x.ld === 30)
    if (!r) throw new Error('no leap day 30')
    expect(lunarToSolar({ year: r.ly, month: r.lm, day: 30, leap: true })).toBe(iso(r.y, r.m, r.d))
    expect(lunarToSolar({ year: 2017, month: 6, day: 30, leap: true })).toBe('2017-08-21')
    expect(solarToLunar('2017-08-21')).toEqual({ year: 2017, month: 6, day: 30, leap: true })
  })
})

describe('errors', () => {
  it('asking for a leap month the year lacks names the months it has', () => {
    const e = catchError(() => lunarToSolar({ year: 1987, month: 5, day: 1, leap: true }))
    expect(e.code).toBe('NO_SUCH_LEAP_MONTH')
    expect(e.message).toContain('1987年没有闰五月')
    expect(e.message).toContain('只有闰六月')
    expect(e.message).toContain('六月、闰六月、七月')
    const e2 = catchError(() => lunarToSolar({ year: 1988, month: 6, day: 1, leap: true }))
    expect(e2.message).toContain('没有闰月')
  })
  it('day 30 of a 29-day month', () => {
    const m = lunarMonthsOf(2024).find((x) => x.days === 29)
    if (!m) throw new Error('no short month')
    const e = catchError(() => lunarToSolar({ year: 2024, month: m.month, day: 30, leap: m.leap }))
    expect(e.code).toBe('INVALID_LUNAR_DATE')
    expect(e.message).toContain('只有29天')
  })
  it('out of range in both directions, never a wrong date', () => {
    for (const d of ['1900-01-30', '1899-12-31', '2101-01-01', '1800-06-01']) {
      expect(catchError(() => solarToLunar(d)).code).toBe('OUT_OF_RANGE')
    }
    expect(solarToLunar('2100-12-31')).toEqual({ year: 2100, month: 12, day: 1, leap: false })
    expect(
      catchError(() => lunarToSolar({ year: 1899, month: 12, day: 29, leap: false })).code
    ).toBe('OUT_OF_RANGE')
    expect(
      catchError(() => lunarToSolar({ year: 2100, month: 12, day: 2, leap: false })).code
    ).toBe('OUT_OF_RANGE')
    expect(catchError(() => lunarToSolar({ year: 2101, month: 1, day: 1, leap: false })).code).toBe(
      'OUT_OF_RANGE'
    )
    expect(lunarToSolarDays(2100, 12, 30, false)).toBe(LUNAR_OUT_OF_RANGE)
    expect(daysFromCivil(2100, 12, 31)).toBe(lunarToSolarDays(2100, 12, 1, false))
  })
  it('invalid input', () => {
    expect(catchError(() => solarToLunar('2023-02-29')).code).toBe('INVALID_DATE')
    expect(catchError(() => solarToLunar('2023-2-1')).code).toBe('INVALID_DATE')
    expect(
      catchError(() => lunarToSolar({ year: 2023, month: 13, day: 1, leap: false })).code
    ).toBe('INVALID_LUNAR_DATE')
    expect(catchError(() => lunarToSolar({ year: 2023, month: 1, day: 0, leap: false })).code).toBe(
      'INVALID_LUNAR_DATE'
    )
    expect(
      catchError(() => lunarToSolar({ year: 2023, month: 1.5, day: 1, leap: false })).code
    ).toBe('INVALID_LUNAR_DATE')
  })
})

describe('parser and formatter', () => {
  const leap3 = { year: 1987, month: 6, day: 3, leap: true }
  it.each([
    ['1987年闰六月初三', leap3],
    ['一九八七年闰六月初三', leap3],
    ['农历1987年闰6月3日', leap3],
    ['農曆1987年閏六月初三', leap3],
    ['农历1987年6月3日', { ...leap3, leap: false }],
    ['2024年腊月廿九', { year: 2024, month: 12, day: 29, leap: false }],
    ['二〇二三年正月十五', { year: 2023, month: 1, day: 15, leap: false }],
    ['2023年冬月二十', { year: 2023, month: 11, day: 20, leap: false }],
    ['2023年十二月三十', { year: 2023, month: 12, day: 30, leap: false }],
    ['2023年十二月初十', { year: 2023, month: 12, day: 10, leap: false }],
    [' 农历 2017 年 闰六月 三十 ', { year: 2017, month: 6, day: 30, leap: true }],
    ['2023年2月21号', { year: 2023, month: 2, day: 21, leap: false }]
  ])('%s', (text, want) => {
    expect(parseLunarDate(text)).toEqual(want)
  })
  it('rejects nonsense and nonexistent dates', () => {
    expect(catchError(() => parseLunarDate('1987年十三月初三')).code).toBe('PARSE_ERROR')
    expect(catchError(() => parseLunarDate('昨天')).code).toBe('PARSE_ERROR')
    expect(catchError(() => parseLunarDate('1987年闰五月初三')).code).toBe('NO_SUCH_LEAP_MONTH')
  })
  it('formats', () => {
    expect(formatLunarDate(leap3)).toBe('1987年闰六月初三')
    expect(formatLunarDate({ year: 2024, month: 12, day: 30, leap: false })).toBe(
      '2024年十二月三十'
    )
    expect(
      formatLunarDate({ year: 2024, month: 12, day: 20, leap: false }, { traditional: true })
    ).toBe('2024年腊月二十')
    expect(formatLunarDate({ year: 2024, month: 1, day: 21, leap: false })).toBe('2024年正月廿一')
  })
  it('round-trips every day of 1987–1988', () => {
    for (const r of hko.filter((x) => x.ly === 1987 || x.ly === 1988)) {
      const l = { year: r.ly, month: r.lm, day: r.ld, leap: r.leap }
      expect(parseLunarDate(formatLunarDate(l))).toEqual(l)
      expect(parseLunarDate(formatLunarDate(l, { traditional: true }))).toEqual(l)
    }
  })
})
