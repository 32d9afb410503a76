import { SolarDay } from 'tyme4ts'
import { describe, expect, it } from 'vitest'
import {
  ageOn,
  dayGanzhi,
  daysToIso,
  festivalsOfYear,
  festivalsOn,
  ganzhiOf,
  lunarBirthdayInLunarYear,
  lunarBirthdaysInYear,
  MAX_DAYS,
  MIN_DAYS,
  solarTermOn,
  solarTermsOfYear,
  yearGanzhi,
  zodiacOf
} from '../../../src/shared/calendar'
import { readHkoYear } from './hko'

describe('干支 and 生肖', () => {
  it('year 干支/生肖 match the HKO title line of every year file', () => {
    const dec = new TextDecoder('big5')
    const trad: Record<string, string> = { 龍: '龙', 馬: '马', 雞: '鸡', 豬: '猪', 犬: '狗' }
    let checked = 0
    for (let y = 1901; y <= 2100; y++) {
      const first = dec.decode(readHkoYear(y)).split('\n')[0]
      const m = /^(\d{4})\((\S\S)\s*-\s*肖(\S)\)/.exec(first)
      if (!m) continue // T2058c.txt has no title
      expect(yearGanzhi(y)).toBe(m[2])
      expect(zodiacOf(y)).toBe(trad[m[3]] ?? m[3])
      checked++
    }
    expect(checked).toBe(199)
  })

  it('matches tyme4ts day/month/立春-year pillars on every 5th day of the range', () => {
    const bad: string[] = []
    for (let d = MIN_DAYS; d <= MAX_DAYS; d += 5) {
      const iso = daysToIso(d)
      const [y, m, dd] = iso.split('-').map(Number)
      const sc = SolarDay.fromYmd(y, m, dd).getSixtyCycleDay()
      const g = ganzhiOf(iso)
      const want = [sc.getYear().getName(), sc.getMonth().getName(), sc.getSixtyCycle().getName()]
      if ([g.yearByLichun, g.month, g.day].join() !== want.join() && bad.length < 5) bad.push(iso)
    }
    expect(bad).toEqual([])
  })

  it('examples', () => {
    expect(dayGanzhi('2000-01-01')).toBe('戊午')
    expect(ganzhiOf('2024-02-10')).toEqual({
      year: '甲辰',
      yearByLichun: '甲辰',
      month: '丙寅',
      day: '甲辰',
      zodiac: '龙'
    })
    // Between 立春 (2024-02-04) and 春节 (2024-02-10): lunar year still 癸卯/兔.
    const g = ganzhiOf('2024-02-05')
    expect([g.year, g.yearByLichun, g.zodiac]).toEqual(['癸卯', '甲辰', '兔'])
    expect(solarTermOn('2024-02-04')).toBe('立春')
    expect(solarTermOn('2024-02-05')).toBeNull()
    expect(solarTermsOfYear(2026).map((t) => t.name)[0]).toBe('小寒')
  })
})

describe('festivals', () => {
  it('2024–2025, including 除夕 on day 29 and 30', () => {
    const f = (y: number): string[] => festivalsOfYear(y).map((x) => `${x.name} ${x.date}`)
    expect(f(2024)).toEqual([
      '腊八 2024-01-18',
      '除夕 2024-02-09',
      '春节 2024-02-10',
      '元宵 2024-02-24',
      '端午 2024-06-10',
      '七夕 2024-08-10',
      '中秋 2024-09-17',
      '重阳 2024-10-11'
    ])
    expect(f(2025)[0]).toBe('腊八 2025-01-07')
    const eve = festivalsOfYear(2025).find((x) => x.name === '除夕')
    expect(eve?.date).toBe('2025-01-28')
    expect(eve?.lunar).toEqual({ year: 2024, month: 12, day: 29, leap: false })
    expect(festivalsOn('2024-02-09')).toEqual(['除夕'])
    expect(festivalsOn('2025-01-28')).toEqual(['除夕'])
    expect(festivalsOn('2025-01-27')).toEqual([])
  })
  it('fixed festivals never fall in a leap month (2025 has 闰六月; 七夕 is in the 7th)', () => {
    expect(festivalsOn('2025-08-29')).toEqual(['七夕'])
  })
  it('every Gregorian year has exactly one 春节 and one 除夕 in 1901–2100', () => {
    for (let y = 1901; y <= 2100; y++) {
      const names = festivalsOfYear(y).map((x) => x.name)
      expect(names.filter((n) => n === '春节').length).toBe(1)
      expect(names.filter((n) => n === '除夕').length).toBe(1)
    }
  })
})

describe('ages', () => {
  it('周岁 by Gregorian birthday; 29 Feb reached on 1 Mar in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')?.zhousui).toBe(0)
    expect(ageOn('2000-02-29', '2001-03-01')?.zhousui).toBe(1)
    expect(ageOn('2000-02-29', '2004-02-29')?.zhousui).toBe(4)
    expect(ageOn('1987-07-28', '2025-07-27')?.zhousui).toBe(37)
    expect(ageOn('1987-07-28', '2025-07-28')?.zhousui).toBe(38)
  })
  it('虚岁 increments at 春节', () => {
    expect(ageOn('2024-02-09', '2024-02-09')).toEqual({ zhousui: 0, xusui: 1 })
    expect(ageOn('2024-02-09', '2024-02-10')).toEqual({ zhousui: 0, xusui: 2 })
    expect(ageOn('1987-07-28', '2025-01-28')?.xusui).toBe(38)
    expect(ageOn('1987-07-28', '2025-01-29')?.xusui).toBe(39)
  })
  it('has no age before the birth (a future date is not an error)', () => {
    expect(ageOn('2024-01-02', '2024-01-01')).toBeNull()
    expect(ageOn('2033-12-22', '2026-12-04')).toBeNull()
    expect(ageOn('2100-12-31', '1901-01-01')).toBeNull()
  })
})

describe('lunar birthdays', () => {
  const leapBirth = { year: 1987, month: 6, day: 3, leap: true }
  it('leap-month birthday uses the leap month when the year has it', () => {
    expect(lunarBirthdayInLunarYear(leapBirth, 2025)).toEqual({
      date: '2025-07-27',
      lunar: { year: 2025, month: 6, day: 3, leap: true },
      adjustments: []
    })
  })
  it('…and the ordinary month otherwise', () => {
    const b = lunarBirthdayInLunarYear(leapBirth, 2024)
    expect(b.lunar).toEqual({ year: 2024, month: 6, day: 3, leap: false })
    expect(b.date).toBe('2024-07-08')
    expect(b.adjustments).toEqual(['leap-month-absent'])
  })
  it('day 30 becomes day 29 in a short month', () => {
    const birth = { year: 2017, month: 6, day: 30, leap: true } // 2017-08-21
    const b = lunarBirthdayInLunarYear(birth, 2024)
    expect(b.lunar).toEqual({ year: 2024, month: 6, day: 29, leap: false })
    expect(b.adjustments).toEqual(['leap-month-absent', 'day-30-absent'])
    expect(b.date).toBe('2024-08-03')
  })
  it('a Gregorian year can hold 0–2 occurrences', () => {
    const counts = new Set<number>()
    for (let y = 1902; y <= 2100; y++) {
      counts.add(lunarBirthdaysInYear({ year: 1990, month: 12, day: 1, leap: false }, y).length)
    }
    expect([...counts].sort()).toEqual([0, 1, 2])
  })
})
