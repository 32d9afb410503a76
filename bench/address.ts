// Address lookup benchmark: 1,000,000 generated Beijing-like old/new pairs written to a CSV file,
// then imported through the app's CSV import in a separate process (address-engine.ts, so its
// peak RSS is the engine's, not the generator's), then 1,000 queries each of Chinese substring,
// pinyin initials and one-typo Chinese against our pipeline; baselines (SQLite LIKE, FlexSearch)
// in the same run on fewer queries / rows so the run ends in minutes. Writes bench/out/address.json.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createWriteStream
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { execFileSync } from 'node:child_process'
import { parseCsv } from '../src/main/address/csv'
import { readingsOf, termPinyin } from '../src/main/address/text'
import { BASELINE_QUERIES, measure } from './address-measure'

const ROOT = path.resolve(import.meta.dirname, '..')
const ROWS = Number(process.env.ADDRESS_BENCH_ROWS ?? 1_000_000)
const QUERIES = 1000
const FLEX_ROWS = 200_000

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(20260128)
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!

const SUFFIXES = [
  '胡同',
  '街',
  '路',
  '巷',
  '北街',
  '南里',
  '大街',
  '东里',
  '西巷',
  '头条',
  '二条',
  '北里',
  '南街',
  '西街'
]

interface Generated {
  district: string
  street: string
  oldRoad: string
  newRoad: string
  oldNo: number
  newNo: number
}

/** Roads from Beijing's real community names (2023) with lane suffixes; renames into a disjoint pool. */
function generate(rows: number): Generated[] {
  const communities = parseCsv(
    readFileSync('/work/shared/data/address/beijing_communities_2023.csv', 'utf8').replace(
      /^\uFEFF/,
      ''
    )
  )
    .slice(1)
    .filter((c) => c.length >= 6)
    .map((c) => ({
      name: c[1]!.replace(/(社区居委会|村委会|居委会|社区)$/, ''),
      street: c[3]!,
      district: c[5]!
    }))
    .filter((c) => c.name.length >= 2 && c.name.length <= 5 && /^\p{Script=Han}+$/u.test(c.name))
  const roads = new Map<string, { street: string; district: string }>()
  const roadCount = Math.ceil(rows / 65)
  for (let i = 0; roads.size < roadCount * 2 && i < roadCount * 40; i++) {
    const c = pick(communities)
    const name = c.name + pick(SUFFIXES)
    if (!roads.has(name)) roads.set(name, c)
  }
  const names = [...roads.keys()]
  const oldPool = names.filter((_, i) => i % 2 === 0)
  const newPool = names.filter((_, i) => i % 2 === 1)
  const out: Generated[] = []
  const nextNo = new Map<string, number>()
  const nextRenamed = new Map<string, number>()
  for (let i = 0; i < rows; i++) {
    const oldRoad = oldPool[i % oldPool.length]!
    const { street, district } = roads.get(oldRoad)!
    const oldNo = (nextNo.get(oldRoad) ?? 0) + 1
    nextNo.set(oldRoad, oldNo)
    if (random() < 0.5)
      out.push({ district, street, oldRoad, newRoad: oldRoad, oldNo, newNo: oldNo + 500 })
    else {
      const newRoad = newPool[(i * 7919) % newPool.length]!
      const newNo = (nextRenamed.get(newRoad) ?? 0) + 1
      nextRenamed.set(newRoad, newNo)
      out.push({ district, street, oldRoad, newRoad, oldNo, newNo })
    }
  }
  return out
}

const text = (g: Generated, side: 'old' | 'new') =>
  `北京市${g.district}${g.street}${side === 'old' ? g.oldRoad : g.newRoad}${side === 'old' ? g.oldNo : g.newNo}号`

export interface Query {
  q: string
  want: string
}

const HOMOPHONES = '月越岳坛谈潭北背街接杰路鹿露胡湖同铜里李理巷向象东冬西希南男大达条调'

function typo(road: string): string {
  const chars = [...road]
  const i = Math.floor(random() * chars.length)
  const kind = random()
  if (kind < 0.5) {
    // Same sound, other character: the most common input-method slip.
    const reading = readingsOf(chars[i]!)[0]
    const same = [...HOMOPHONES].find((c) => c !== chars[i] && readingsOf(c).includes(reading!))
    chars[i] = same ?? pick([...HOMOPHONES])
  } else if (kind < 0.75 && chars.length > 3) chars.splice(i, 1)
  else chars.splice(i, 0, chars[i]!)
  return chars.join('')
}

function queries(rows: Generated[], kind: 'exact' | 'pinyin' | 'typo'): Query[] {
  const out: Query[] = []
  for (let k = 0; k < QUERIES; k++) {
    const g = pick(rows)
    const side = random() < 0.5 ? 'old' : 'new'
    const road = side === 'old' ? g.oldRoad : g.newRoad
    const no = side === 'old' ? g.oldNo : g.newNo
    const want = `${text(g, 'old')}→${text(g, 'new')}`
    if (kind === 'exact') out.push({ q: `${road}${no}号`, want })
    else if (kind === 'pinyin') out.push({ q: `${termPinyin(road).initials}${no}`, want })
    else out.push({ q: `${typo(road)}${no}号`, want })
  }
  return out
}

/** Generates the table and the query sets, runs the engine in its own process, then FlexSearch. */
export async function runAddressBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bianmin-address-bench-'))
  try {
    const g0 = performance.now()
    const rows = generate(ROWS)
    const csv = path.join(dataDir, 'pairs.csv')
    const out = createWriteStream(csv)
    out.write('旧地址,新地址,生效日期,依据\n')
    for (const g of rows) {
      if (!out.write(`${text(g, 'old')},${text(g, 'new')},2015-06-01,门牌整编\n`))
        await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    const sets = {
      exact: queries(rows, 'exact'),
      pinyin: queries(rows, 'pinyin'),
      typo: queries(rows, 'typo')
    }
    writeFileSync(path.join(dataDir, 'queries.json'), JSON.stringify(sets))
    console.log(`generated ${ROWS} rows in ${Math.round(performance.now() - g0)} ms`)

    execFileSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'bench/address-engine.ts'), dataDir, String(ROWS)],
      { stdio: 'inherit' }
    )
    const engine = JSON.parse(readFileSync(path.join(dataDir, 'engine.json'), 'utf8')) as {
      build: { ms: number }
      kinds: Record<string, ReturnType<typeof measure>>
      startToFirstQueryMs: number
      peakRssMb: number
      sqliteLike: unknown
    }

    // Baseline 2: FlexSearch (forward tokenizer over characters) on the first rows only.
    const { Index } = (await import('flexsearch')) as unknown as {
      Index: new (o: Record<string, unknown>) => {
        add(id: number, text: string): void
        search(q: string, o: { limit: number; suggest?: boolean }): number[]
      }
    }
    const flexRows = rows.slice(0, FLEX_ROWS)
    const index = new Index({ tokenize: 'forward', encoder: (s: string) => [...s] })
    const f0 = performance.now()
    flexRows.forEach((g, i) => index.add(i, `${text(g, 'old')} ${text(g, 'new')}`))
    const flexBuildMs = Math.round(performance.now() - f0)
    const inFlex = (list: Query[]) =>
      list
        .filter((q) => flexRows.some((g) => `${text(g, 'old')}→${text(g, 'new')}` === q.want))
        .slice(0, BASELINE_QUERIES)
    const flexRun = (q: string) =>
      index
        .search(q, { limit: 10, suggest: true })
        .map((i) => `${text(flexRows[i]!, 'old')}→${text(flexRows[i]!, 'new')}`)
    const baselines = {
      sqliteLike: engine.sqliteLike,
      flexsearch: {
        note: `${FLEX_ROWS} rows (not 1M), queries whose row is among them, at most ${BASELINE_QUERIES} per kind`,
        buildMs: flexBuildMs,
        exact: measure(inFlex(sets.exact), flexRun),
        typo: measure(inFlex(sets.typo), flexRun)
      }
    }

    const result = {
      rows: ROWS,
      build: engine.build,
      kinds: engine.kinds,
      startToFirstQueryMs: engine.startToFirstQueryMs,
      peakRssMb: engine.peakRssMb,
      baselines
    }
    console.table({ ...engine.kinds })
    console.log(
      JSON.stringify({
        rows: ROWS,
        buildMs: engine.build.ms,
        startToFirstQueryMs: engine.startToFirstQueryMs,
        peakRssMb: engine.peakRssMb
      })
    )
    console.log(JSON.stringify(baselines, null, 1))
    mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/out/address.json'), JSON.stringify(result, null, 2) + '\n')
  } finally {
    // ADDRESS_BENCH_KEEP=1 keeps the database and query sets for looking into misses.
    if (process.env.ADDRESS_BENCH_KEEP) console.log(`kept ${dataDir}`)
    else rmSync(dataDir, { recursive: true, force: true })
  }
}
