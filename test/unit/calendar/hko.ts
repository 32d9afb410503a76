// Reader for the Hong Kong Observatory Gregorian–lunar tables (T1901c.txt … T2100c.txt, Big5).
// Used by the table generator, the tests and the benchmark.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const HKO_DIR = path.resolve(REPO_ROOT, '../shared/data/hko')
/** The same files gzipped, for a clone that does not sit beside `shared` (README there). */
export const HKO_FIXTURE_DIR = path.resolve(REPO_ROOT, 'test/fixtures/hko')
/** SHA-256 of the 200 files concatenated in year order (../shared/data/hko/README.md). */
export const HKO_SHA256 = '5f656e9a037506c7ddcd4d46d0d67d806ed3fc6a5d9e6833bf1e1be9ef818afb'

/** One year's table from the gzipped copy in test/fixtures/hko. */
export const readHkoCopy = (year: number): Buffer =>
  gunzipSync(readFileSync(path.join(HKO_FIXTURE_DIR, `T${year}c.txt.gz`)))

/** One year's table, byte for byte: from `dir` when it is there, else from the gzipped copy. */
export function readHkoYear(year: number, dir = HKO_DIR): Buffer {
  const plain = path.join(dir, `T${year}c.txt`)
  return existsSync(plain) ? readFileSync(plain) : readHkoCopy(year)
}

/** HKO term names (traditional), in calendar order starting with 小寒. */
export const HKO_TERM_NAMES = [
  '小寒', '大寒', '立春', '雨水', '驚蟄', '春分', '清明', '穀雨', '立夏', '小滿', '芒種', '夏至',
  '小暑', '大暑', '立秋', '處暑', '白露', '秋分', '寒露', '霜降', '立冬', '小雪', '大雪', '冬至',
] // prettier-ignore

export interface HkoDay {
  y: number
  m: number
  d: number
  /** lunar year (derived: increments at 正月) */
  ly: number
  lm: number
  leap: boolean
  ld: number
  /** index into HKO_TERM_NAMES (0 = 小寒) or -1 */
  term: number
}

const MONTH_NAMES = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
const DAY_NAMES = [
  '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
] // prettier-ignore

let cache: HkoDay[] | undefined

/** All 73,049 days 1901-01-01 … 2100-12-31. Starts from lunar 1900-11-11 (README). */
export function loadHko(dir = HKO_DIR): HkoDay[] {
  if (cache) return cache
  const decoder = new TextDecoder('big5')
  const out: HkoDay[] = []
  let ly = 1900
  let lm = 11
  let leap = false
  const rowRe = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s+(\S+)\s+星期\S\s*(\S*)/
  for (let year = 1901; year <= 2100; year++) {
    const text = decoder.decode(readHkoYear(year, dir))
    for (const line of text.split(/\r?\n/)) {
      const m = rowRe.exec(line)
      if (!m) continue
      const [, ys, ms, ds, lunar, termName] = m
      let ld: number
      if (lunar.endsWith('月')) {
        const isLeap = lunar.startsWith('閏')
        const name = lunar.slice(isLeap ? 1 : 0, -1)
        const month = MONTH_NAMES.indexOf(name) + 1
        if (month === 0) throw new Error(`Unknown month ${lunar} on ${line}`)
        if (month === 1 && !isLeap) ly++
        lm = month
        leap = isLeap
        ld = 1
      } else {
        ld = DAY_NAMES.indexOf(lunar) + 1
        if (ld === 0) throw new Error(`Unknown day ${lunar} on ${line}`)
      }
      const term = termName ? HKO_TERM_NAMES.indexOf(termName) : -1
      if (termName && term < 0) throw new Error(`Unknown term ${termName} on ${line}`)
      out.push({ y: +ys, m: +ms, d: +ds, ly, lm, leap, ld, term })
    }
  }
  if (out.length !== 73049) throw new Error(`Expected 73049 HKO rows, got ${out.length}`)
  cache = out
  return out
}
