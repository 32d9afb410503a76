/**
 * The quarterly spot check: N entries drawn from the quarter by a seeded generator. The seed and
 * the choice are recorded, so anyone can redraw from the seed and get the same entries.
 */

/** mulberry32: small, fast, and the same on every platform. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks n distinct ids; the pool is sorted first so its order does not matter. */
export function sampleIds(pool: readonly string[], n: number, seed: number): string[] {
  const ids = [...new Set(pool)].sort()
  const random = seededRandom(seed)
  const k = Math.min(n, ids.length)
  // Partial Fisher–Yates.
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (ids.length - i))
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  return ids.slice(0, k)
}

/** The quarter containing a YYYY-MM-DD date, as '2026-Q4', with its first and last day. */
export function quarterOf(date: string) {
  const year = Number(date.slice(0, 4))
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1
  return quarterRange(`${year}-Q${q}`)
}

export function quarterRange(quarter: string) {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(6))
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
  const endMonth = q * 3
  const last = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10)
  return { quarter: `${year}-Q${q}`, from: first, to: last }
}
