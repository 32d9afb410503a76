/** What the benchmarks measure with: elapsed time, nearest-rank percentiles, rounding. */

/** Milliseconds since `start` (process.hrtime.bigint()). */
export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

/** The nearest-rank percentile `p` (0–100) of `values`. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Two decimals, as the tables print them. */
export const round = (n: number) => Math.round(n * 100) / 100
