// The engine half of the address benchmark, in its own process so that its peak RSS is the
// engine's alone: imports the generated CSV through the app's import, reopens the database
// (start to first query), runs the query sets and the SQLite LIKE baseline. Writes engine.json.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createServices, type Services } from '../src/main/services'
import { fileBatches } from '../src/main/address/import'
import { BASELINE_QUERIES, measure } from './address-measure'

type Query = { q: string; want: string }

const ROOT = path.resolve(import.meta.dirname, '..')
/** LIKE with a typo matches nothing and scans the whole table (seconds each): fewer queries. */
const LIKE_TYPO_QUERIES = 10
const [dataDir, rowsArg] = process.argv.slice(2)
if (!dataDir || !rowsArg) throw new Error('usage: address-engine.ts DATA_DIR ROWS')
const rows = Number(rowsArg)

const open = (): Promise<Services> =>
  createServices({ dataDir, migrationsFolder: path.join(ROOT, 'drizzle'), appVersion: 'bench' })

const csv = path.join(dataDir, 'pairs.csv')
let services = await open()
const t0 = performance.now()
const { finished, job } = services.address.startImport(
  csv,
  fileBatches(csv),
  { old: 0, new: 1, effective: 2, source: 3, note: null },
  rows,
  null
)
await finished
const buildMs = Math.round(performance.now() - t0)
const status = services.address.importStatus(job.id)
if (status.state !== 'done') throw new Error(`import ${status.state}: ${status.message}`)
console.log(`imported ${status.imported} rows in ${buildMs} ms`)
services.close()

const s0 = performance.now()
services = await open()
services.address.search('月坛北街', 10)
const startToFirstQueryMs = Math.round(performance.now() - s0)

const sets = JSON.parse(readFileSync(path.join(dataDir, 'queries.json'), 'utf8')) as Record<
  'exact' | 'pinyin' | 'typo',
  Query[]
>
const ours = (q: string) => services.address.search(q, 10).map((h) => `${h.oldText}→${h.newText}`)
if (process.env.ADDRESS_BENCH_KEEP)
  for (const kind of ['pinyin', 'typo'] as const)
    for (const { q, want } of sets[kind].slice(0, 300))
      if (!ours(q).includes(want)) console.log(`miss ${kind}: ${q} → ${want} got ${ours(q)[0]}`)
const kinds = {
  exact: measure(sets.exact, ours),
  pinyin: measure(sets.pinyin, ours),
  typo: measure(sets.typo, ours)
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)

// Baseline 1: SQLite LIKE on the same table (pinyin cannot be answered by LIKE).
const like = services.sqlite.prepare(
  "SELECT old_text || '→' || new_text AS pair FROM address_changes WHERE old_text LIKE ? OR new_text LIKE ? LIMIT 10"
)
const likeRun = (q: string) =>
  (like.all(`%${q}%`, `%${q}%`) as { pair: string }[]).map((r) => r.pair)
const sqliteLike = {
  note: `first ${BASELINE_QUERIES} exact / ${LIKE_TYPO_QUERIES} typo queries; pinyin is not answerable by LIKE`,
  exact: measure(sets.exact.slice(0, BASELINE_QUERIES), likeRun),
  typo: measure(sets.typo.slice(0, LIKE_TYPO_QUERIES), likeRun)
}
services.close()

writeFileSync(
  path.join(dataDir, 'engine.json'),
  JSON.stringify({ build: { ms: buildMs }, kinds, startToFirstQueryMs, peakRssMb, sqliteLike })
)
