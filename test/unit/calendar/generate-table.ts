// Generates src/shared/calendar/lunar-data.ts from the HKO tables.
// Run: npx tsx test/unit/calendar/generate-table.ts
//
// Sources:
// - Lunar months 1901-01-01 … 2100-12-31: HKO tables (authoritative).
// - Lunar 1900 months 1–10 (HKO starts at 1900-11-11) and the length of lunar 2100's 12th month
//   (starts 2100-12-31, HKO ends that day): tyme4ts, checked to agree with HKO where they overlap.
// - Solar-term dates 1901–2100: HKO (dates in UTC+8); 1900: tyme4ts.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { LunarYear, SolarTerm } from 'tyme4ts'
import { daysFromCivil } from '../../../src/shared/calendar/plain-date'
import { loadHko, REPO_ROOT } from './hko'

interface MonthStart {
  days: number
  year: number
  month: number
  leap: boolean
}

export interface GeneratedTable {
  info: number[]
  termBase: number[]
  termOffsets: string[]
}

function tymeMonths(year: number): MonthStart[] {
  return LunarYear.fromYear(year)
    .getMonths()
    .map((m) => {
      const sd = m.getFirstJulianDay().getSolarDay()
      const mwl = m.getMonthWithLeap()
      return {
        days: daysFromCivil(sd.getYear(), sd.getMonth(), sd.getDay()),
        year,
        month: Math.abs(mwl),
        leap: mwl < 0
      }
    })
}

/**
 * Date of solar term k (0 = 小寒) in Gregorian `year` per tyme4ts: `precise` uses the exact moment
 * (SolarTerm.getJulianDay(), UTC+8), otherwise tyme4ts's own day-level SolarTerm.getSolarDay().
 */
export function tymeTermDay(
  year: number,
  k: number,
  precise = false
): { month: number; day: number } {
  const t = SolarTerm.fromIndex(year, k + 1)
  const sd = precise ? t.getJulianDay().getSolarDay() : t.getSolarDay()
  return { month: sd.getMonth(), day: sd.getDay() }
}

export function buildTable(): GeneratedTable {
  const hko = loadHko()
  const starts: MonthStart[] = []
  // Lunar 1900 months before the 11th from tyme4ts.
  const t1900 = tymeMonths(1900)
  const hkoFirstMonth = daysFromCivil(1901, 1, 1) - 10 // 1901-01-01 is lunar 1900-11-11
  for (const m of t1900) {
    if (m.days < hkoFirstMonth) starts.push(m)
  }
  const t11 = t1900.find((m) => m.month === 11 && !m.leap)
  if (!t11 || t11.days !== hkoFirstMonth) throw new Error('tyme4ts disagrees on lunar 1900-11-01')
  starts.push({ days: hkoFirstMonth, year: 1900, month: 11, leap: false })
  for (const r of hko) {
    if (r.ld === 1) {
      starts.push({ days: daysFromCivil(r.y, r.m, r.d), year: r.ly, month: r.lm, leap: r.leap })
    }
  }
  // Tail: close lunar 2100 with the start of lunar 2101 from tyme4ts.
  const last = starts[starts.length - 1]
  const t2100 = tymeMonths(2100)
  const lastT = t2100.find((m) => m.month === last.month && m.leap === last.leap)
  if (!lastT || lastT.days !== last.days) throw new Error('tyme4ts disagrees on the last HKO month')
  const next = tymeMonths(2101)[0]
  starts.push(next)

  const info: number[] = []
  for (let y = 1900; y <= 2100; y++) {
    const months = starts.filter((m) => m.year === y)
    const nextStart = starts.find((m) => m.year === y + 1 && m.month === 1 && !m.leap)
    if (!nextStart) throw new Error(`No new year after ${y}`)
    let bits = 0
    let leap = 0
    months.forEach((m, k) => {
      const end = k + 1 < months.length ? months[k + 1].days : nextStart.days
      const len = end - m.days
      if (len !== 29 && len !== 30) throw new Error(`Bad month length ${len} in ${y}`)
      if (len === 30) bits |= 1 << k
      if (m.leap) leap = m.month
    })
    if (months.length !== (leap ? 13 : 12)) throw new Error(`Bad month count in ${y}`)
    info.push(bits | (leap << 13))
  }

  // Solar terms: day of month per year; stored as offset from the per-term minimum.
  const termDays: number[][] = []
  const t1900Terms: number[] = []
  for (let k = 0; k < 24; k++) t1900Terms.push(tymeTermDay(1900, k).day)
  termDays.push(t1900Terms)
  for (let y = 1901; y <= 2100; y++) termDays.push(new Array<number>(24).fill(0))
  for (const r of hko) {
    if (r.term >= 0) {
      if (r.m !== (r.term >> 1) + 1) throw new Error(`Term ${r.term} in unexpected month`)
      termDays[r.y - 1900][r.term] = r.d
    }
  }
  const termBase: number[] = []
  for (let k = 0; k < 24; k++) termBase.push(Math.min(...termDays.map((t) => t[k])))
  const termOffsets = termDays.map((t) => t.map((d, k) => String(d - termBase[k])).join(''))
  for (const s of termOffsets) if (/[^0-3]/.test(s)) throw new Error('Term offset > 3')
  return { info, termBase, termOffsets }
}

function render(t: GeneratedTable): string {
  const rows: string[] = []
  for (let i = 0; i < t.info.length; i += 10) {
    rows.push(
      '  ' +
        t.info
          .slice(i, i + 10)
          .map((v) => '0x' + v.toString(16).padStart(5, '0'))
          .join(', ') +
        ','
    )
  }
  const base: string[] = []
  for (let i = 0; i < 24; i += 12) base.push('  ' + t.termBase.slice(i, i + 12).join(', ') + ',')
  const termRows: string[] = []
  for (let i = 0; i < t.termOffsets.length; i += 4) {
    termRows.push("  '" + t.termOffsets.slice(i, i + 4).join('') + "' +")
  }
  termRows[termRows.length - 1] = termRows[termRows.length - 1].slice(0, -2)
  return `// GENERATED by test/unit/calendar/generate-table.ts from the HKO tables — do not edit.
// Verified day by day against the HKO tables in test/unit/calendar/hko-table.test.ts.

/** First and last lunar year in the table. */
export const LUNAR_YEAR_MIN = 1900
export const LUNAR_YEAR_MAX = 2100

/**
 * One entry per lunar year from 1900: bits 0–12 = month lengths in order of occurrence
 * (leap month included; 1 = 30 days, 0 = 29), bits 13–16 = leap month (0 = none).
 * New-year days follow by summation from lunar 1900-01-01 = 1900-01-31.
 */
export const LUNAR_INFO: readonly number[] = [
${rows.join('\n')}
]

/** Minimum day of month of each solar term (0 = 小寒 … 23 = 冬至) over 1900–2100. */
export const SOLAR_TERM_BASE: readonly number[] = [
${base.join('\n')}
]

/**
 * 24 digits per Gregorian year from 1900: day of month of each term minus SOLAR_TERM_BASE.
 * 1901–2100 from the HKO tables (UTC+8 dates), 1900 from tyme4ts.
 */
export const SOLAR_TERM_OFFSETS =
${termRows.join('\n')}
`
}

if (process.argv[1] && path.resolve(process.argv[1]).includes('generate-table')) {
  const file = path.join(REPO_ROOT, 'src/shared/calendar/lunar-data.ts')
  writeFileSync(file, render(buildTable()))
  console.log(`wrote ${file}`)
}
