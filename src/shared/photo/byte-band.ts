/** Result of searching the JPEG quality for a byte band. */
export interface QualityChoice<T> {
  quality: number
  bytes: number
  output: T
  /** True when the size lies inside the band. */
  inBand: boolean
  /** Qualities tried, in order (for the report and tests). */
  tried: number[]
}

export interface ByteBand {
  minBytes?: number | undefined
  maxBytes?: number | undefined
}

/**
 * Finds the JPEG quality whose file lands inside the byte band, preferring the spec's nominal
 * quality and otherwise the highest quality that fits. It never pads: when no quality fits, it
 * returns the closest and says so through `inBand`. Size grows with quality, so a binary search
 * over 1–100 needs at most about seven encodes.
 */
export async function searchQuality<T>(
  encode: (quality: number) => Promise<{ bytes: number; output: T }>,
  band: ByteBand,
  nominal: number
): Promise<QualityChoice<T>> {
  const min = band.minBytes ?? 0
  const max = band.maxBytes ?? Infinity
  const tried: number[] = []
  const cache = new Map<number, { bytes: number; output: T }>()
  const at = async (q: number) => {
    let hit = cache.get(q)
    if (!hit) {
      hit = await encode(q)
      cache.set(q, hit)
      tried.push(q)
    }
    return hit
  }
  const choose = (q: number, hit: { bytes: number; output: T }): QualityChoice<T> => ({
    quality: q,
    bytes: hit.bytes,
    output: hit.output,
    inBand: hit.bytes >= min && hit.bytes <= max,
    tried
  })

  const first = await at(nominal)
  if (first.bytes >= min && first.bytes <= max) return choose(nominal, first)

  // Highest quality whose size is ≤ max (or lowest quality whose size is ≥ min when too small).
  if (first.bytes > max) {
    let lo = 1
    let hi = nominal - 1
    let best: number | undefined
    while (lo <= hi) {
      const q = (lo + hi) >> 1
      if ((await at(q)).bytes <= max) {
        best = q
        lo = q + 1
      } else hi = q - 1
    }
    const q = best ?? 1
    return choose(q, await at(q))
  }
  let lo = nominal + 1
  let hi = 100
  let best: number | undefined
  while (lo <= hi) {
    const q = (lo + hi) >> 1
    const hit = await at(q)
    if (hit.bytes >= min) {
      best = q
      hi = q - 1
    } else lo = q + 1
  }
  if (best === undefined) return choose(100, await at(100))
  // The smallest quality reaching min may overshoot max only if the band is narrower than a step.
  return choose(best, await at(best))
}
