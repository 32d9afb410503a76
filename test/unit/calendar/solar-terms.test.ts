// tyme4ts solar-term dates vs the HKO 節氣 column, 1901–2100 (4,800 terms).
// Findings (tyme4ts 1.5.2), all within minutes of midnight UTC+8:
// - SolarTerm.getSolarDay() (tyme4ts's day-level table/algorithm): 1 disagreement, 1979 大寒.
// - SolarTerm.getJulianDay() (precise moment, UTC+8): 6 disagreements listed below.
// Our table uses the HKO dates, so the module follows HKO in all of them.
import { describe, expect, it } from 'vitest'
import { solarTermsOfYear, SOLAR_TERM_NAMES } from '../../../src/shared/calendar'
import { tymeTermDay } from './generate-table'
import { loadHko } from './hko'

const hko = loadHko()

function disagreements(precise: boolean): string[] {
  const out: string[] = []
  for (const r of hko) {
    if (r.term < 0) continue
    const t = tymeTermDay(r.y, r.term, precise)
    if (t.month !== r.m || t.day !== r.d) {
      out.push(`${r.y}-${r.m}-${r.d} ${SOLAR_TERM_NAMES[r.term]} (tyme4ts ${t.month}-${t.day})`)
    }
  }
  return out
}

describe('tyme4ts solar terms vs HKO', () => {
  it('HKO lists 24 terms every year', () => {
    expect(hko.filter((r) => r.term >= 0).length).toBe(4800)
  })
  it('day-level SolarTerm.getSolarDay(): only 1979 大寒 differs', () => {
    expect(disagreements(false)).toEqual(['1979-1-21 大寒 (tyme4ts 1-20)'])
  })
  it('precise SolarTerm.getJulianDay(): six near-midnight terms differ', () => {
    expect(disagreements(true)).toEqual([
      '1912-11-23 小雪 (tyme4ts 11-22)',
      '1913-9-24 秋分 (tyme4ts 9-23)',
      '1917-12-7 大雪 (tyme4ts 12-8)',
      '1927-9-8 白露 (tyme4ts 9-9)',
      '1928-6-21 夏至 (tyme4ts 6-22)',
      '1979-1-21 大寒 (tyme4ts 1-20)'
    ])
  })
  it('our table follows HKO where tyme4ts differs', () => {
    expect(solarTermsOfYear(1979)[1]).toEqual({ name: '大寒', date: '1979-01-21' })
    expect(solarTermsOfYear(1917)[22]).toEqual({ name: '大雪', date: '1917-12-07' })
  })
  it('1900 (before HKO) comes from tyme4ts', () => {
    const t = solarTermsOfYear(1900)
    for (let k = 0; k < 24; k++) {
      const d = tymeTermDay(1900, k)
      expect(t[k].date).toBe(
        `1900-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
      )
    }
  })
})
