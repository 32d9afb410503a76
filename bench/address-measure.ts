/** Latency percentiles and recall@10 over a query set; shared by the engine process and baselines. */

export const BASELINE_QUERIES = 50

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN
const round = (n: number) => Math.round(n * 1000) / 1000

export function measure(list: { q: string; want: string }[], run: (q: string) => string[]) {
  const times: number[] = []
  let hits = 0
  for (const { q, want } of list) {
    const t0 = performance.now()
    const found = run(q)
    times.push(performance.now() - t0)
    if (found.slice(0, 10).includes(want)) hits += 1
  }
  times.sort((a, b) => a - b)
  return {
    p50: round(percentile(times, 0.5)),
    p99: round(percentile(times, 0.99)),
    recallAt10: round(hits / list.length),
    queries: list.length
  }
}
