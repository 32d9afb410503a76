// Full cross-check against the Hong Kong Observatory tables: every day 1901–2100, both directions.
import { describe, expect, it } from 'vitest'
import {
  LUNAR_INFO,
  SOLAR_TERM_BASE,
  SOLAR_TERM_OFFSETS
} from '../../../src/shared/calendar/lunar-data'
import {
  lunarToSolarDays,
  solarDaysToLunarPacked,
  solarToLunar,
  lunarToSolar
} from '../../../src/shared/calendar/lunar'
import { solarTermOn, SOLAR_TERM_NAMES } from '../../../src/shared/calendar/sexagenary'
import { daysFromCivil } from '../../../src/shared/calendar/plain-date'
import { buildTable } from './generate-table'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { HKO_DIR, HKO_SHA256, loadHko, readHkoCopy } from './hko'

const hko = loadHko()

/** SHA-256 of the 200 year files concatenated in year order. */
function tablesHash(read: (year: number) => Buffer): string {
  const hash = createHash('sha256')
  for (let year = 1901; year <= 2100; year++) hash.update(read(year))
  return hash.digest('hex')
}

describe('HKO tables', () => {
  it('the gzipped copy in test/fixtures/hko is the shared tables byte for byte', () => {
    expect(tablesHash(readHkoCopy)).toBe(HKO_SHA256)
    // Beside `shared`, the originals too (a clone elsewhere has only the copy).
    if (existsSync(HKO_DIR)) {
      expect(tablesHash((year) => readFileSync(path.join(HKO_DIR, `T${year}c.txt`)))).toBe(
        HKO_SHA256
      )
    }
  })

  it('cover 73,049 days from 1901-01-01 to 2100-12-31 without gaps', () => {
    expect(hko.length).toBe(73049)
    const first = daysFromCivil(1901, 1, 1)
    for (let i = 0; i < hko.length; i++) {
      const r = hko[i]
      if (daysFromCivil(r.y, r.m, r.d) !== first + i) throw new Error(`gap at ${r.y}-${r.m}-${r.d}`)
    }
  })

  it('committed compact table equals the one generated from HKO', () => {
    const t = buildTable()
    expect([...LUNAR_INFO]).toEqual(t.info)
    expect([...SOLAR_TERM_BASE]).toEqual(t.termBase)
    expect(SOLAR_TERM_OFFSETS).toBe(t.termOffsets.join(''))
  })

  it('solar → lunar agrees on every day (packed hot path)', () => {
    const bad: string[] = []
    for (const r of hko) {
      const p = solarDaysToLunarPacked(daysFromCivil(r.y, r.m, r.d))
      const want = (r.ly << 10) | ((r.leap ? 1 : 0) << 9) | (r.lm << 5) | r.ld
      if (p !== want && bad.length < 10) bad.push(`${r.y}-${r.m}-${r.d}`)
    }
    expect(bad).toEqual([])
  })

  it('lunar → solar agrees on every day, including leap months and their day 30', () => {
    const bad: string[] = []
    let leap30 = 0
    for (const r of hko) {
      const days = lunarToSolarDays(r.ly, r.lm, r.ld, r.leap)
      if (days !== daysFromCivil(r.y, r.m, r.d) && bad.length < 10) bad.push(`${r.y}-${r.m}-${r.d}`)
      if (r.leap && r.ld === 30) leap30++
    }
    expect(bad).toEqual([])
    expect(leap30).toBe(20) // leap months with 30 days in 1901–2100
  })

  it('object API agrees on every 7th day', () => {
    for (let i = 0; i < hko.length; i += 7) {
      const r = hko[i]
      const iso = `${r.y}-${String(r.m).padStart(2, '0')}-${String(r.d).padStart(2, '0')}`
      const l = solarToLunar(iso)
      expect(l).toEqual({ year: r.ly, month: r.lm, day: r.ld, leap: r.leap })
      expect(lunarToSolar(l)).toBe(iso)
    }
  })

  it('solar-term dates agree with the HKO 節氣 column on every day', () => {
    const bad: string[] = []
    for (const r of hko) {
      const got = solarTermOn({ year: r.y, month: r.m, day: r.d })
      const want = r.term >= 0 ? SOLAR_TERM_NAMES[r.term] : null
      if (got !== want && bad.length < 10) bad.push(`${r.y}-${r.m}-${r.d} ${got} ${want}`)
    }
    expect(bad).toEqual([])
  })
})
