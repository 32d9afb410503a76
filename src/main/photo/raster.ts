/** A packed 8-bit RGB image in memory, and the pixel arithmetic the pipeline needs. */
export interface Raster {
  data: Uint8Array
  width: number
  height: number
}

export type Lab = [number, number, number]

const linear = new Float64Array(256).map((_, i) => {
  const c = i / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t) / 116 + 16 / 116)

/** sRGB (D65) to CIE L*a*b*. */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const R = linear[r]!
  const G = linear[g]!
  const B = linear[b]!
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047
  const y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883
  const fy = f(y)
  return [116 * fy - 16, 500 * (f(x) - fy), 200 * (fy - f(z))]
}

/** CIE76 colour difference. */
export const deltaE = (p: Lab, q: Lab) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])

export const labAt = (img: Raster, x: number, y: number): Lab => {
  const i = (y * img.width + x) * 3
  return rgbToLab(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!)
}

/** Maps an output pixel centre to a source position. */
export type InverseMap = (u: number, v: number) => [number, number]

/**
 * Resamples `src` into a new raster of the given size through an inverse mapping, bilinear.
 * Positions outside the source are clamped to its edge and counted.
 */
export function resample(
  src: Raster,
  width: number,
  height: number,
  map: InverseMap
): { raster: Raster; outside: number } {
  const out = new Uint8Array(width * height * 3)
  const { data, width: sw, height: sh } = src
  let outside = 0
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      let [x, y] = map(u + 0.5, v + 0.5)
      x -= 0.5
      y -= 0.5
      if (x < -0.5 || y < -0.5 || x > sw - 0.5 || y > sh - 0.5) outside++
      x = Math.min(sw - 1, Math.max(0, x))
      y = Math.min(sh - 1, Math.max(0, y))
      const x0 = Math.floor(x)
      const y0 = Math.floor(y)
      const x1 = Math.min(sw - 1, x0 + 1)
      const y1 = Math.min(sh - 1, y0 + 1)
      const fx = x - x0
      const fy = y - y0
      const o = (v * width + u) * 3
      const a = (y0 * sw + x0) * 3
      const b = (y0 * sw + x1) * 3
      const c = (y1 * sw + x0) * 3
      const d = (y1 * sw + x1) * 3
      for (let k = 0; k < 3; k++) {
        const top = data[a + k]! + (data[b + k]! - data[a + k]!) * fx
        const bottom = data[c + k]! + (data[d + k]! - data[c + k]!) * fx
        out[o + k] = Math.round(top + (bottom - top) * fy)
      }
    }
  }
  return { raster: { data: out, width, height }, outside }
}

/** Grey level (Rec. 601 luma) of every pixel. */
export function luma(img: Raster): Float32Array {
  const out = new Float32Array(img.width * img.height)
  for (let i = 0, p = 0; i < out.length; i++, p += 3)
    out[i] = 0.299 * img.data[p]! + 0.587 * img.data[p + 1]! + 0.114 * img.data[p + 2]!
  return out
}

export interface Stats {
  n: number
  mean: number
  sd: number
}

export function stats(values: ArrayLike<number>): Stats {
  let sum = 0
  let sq = 0
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!
    sq += values[i]! * values[i]!
  }
  const n = values.length
  const mean = n ? sum / n : 0
  return { n, mean, sd: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 }
}
