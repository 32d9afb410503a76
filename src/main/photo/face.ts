import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import type { Raster } from './raster'

/**
 * Offline face detection and 68 landmarks with @vladmandic/face-api on tfjs's WebAssembly backend.
 * The models are read from the npm package's own model/ folder; nothing is downloaded.
 */

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js')
type Tf = typeof import('@tensorflow/tfjs')

export interface Point {
  x: number
  y: number
}

export interface DetectedFace {
  score: number
  box: { x: number; y: number; width: number; height: number }
  /** The 68 landmarks (iBUG order) in source pixels. */
  landmarks: Point[]
}

export interface DetectTimings {
  detectMs: number
  landmarksMs: number
}

const require = createRequire(import.meta.url)
let loading: Promise<{ faceapi: FaceApi; tf: Tf }> | undefined

/** Loads tfjs-wasm and the models once per process (face-api shares this tfjs instance). */
export function loadFaceApi(): Promise<{ faceapi: FaceApi; tf: Tf }> {
  loading ??= (async () => {
    const tf = require('@tensorflow/tfjs') as Tf
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi
    const wasm = require('@tensorflow/tfjs-backend-wasm') as {
      setWasmPaths(prefix: string): void
    }
    wasm.setWasmPaths(
      join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/'
    )
    // The wasm module's Emscripten glue rethrows every unhandled rejection from then on, which
    // would turn any stray rejection in the app into a crash: drop the handlers it adds.
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection')
    }
    await tf.setBackend('wasm')
    await tf.ready()
    for (const listener of process.listeners('uncaughtException'))
      if (!before.uncaughtException.includes(listener))
        process.removeListener('uncaughtException', listener)
    for (const listener of process.listeners('unhandledRejection'))
      if (!before.unhandledRejection.includes(listener))
        process.removeListener('unhandledRejection', listener)
    fastConcat(tf)
    const models = join(dirname(require.resolve('@vladmandic/face-api')), '..', 'model')
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models)
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(models)
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models)
    return { faceapi, tf }
  })()
  loading.catch(() => (loading = undefined))
  return loading
}

/** What the wasm backend offers a kernel: tensors in its heap. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array
}
type TensorInfo = { dataId: object; shape: number[]; dtype: string }

/**
 * The wasm backend's Concat copies each input's slice with subarray() and set() once per outer
 * index: joining the colour channels of a 416×416 tensor (the tiny detector normalises its input
 * that way) makes 519 168 such calls, about 45 ms of every detection. For slices that short this
 * kernel copies element by element instead; everything else goes to the original.
 */
function fastConcat(tf: Tf): void {
  const original = tf.getKernel('Concat', 'wasm')
  if (!original) return
  const kernelFunc: typeof original.kernelFunc = (args) => {
    const inputs = args.inputs as unknown as TensorInfo[]
    const backend = args.backend as unknown as WasmBackend
    if (!inputs.length || inputs[0]!.dtype === 'string') return original.kernelFunc(args)
    const axis = tf.util.parseAxisParam(args.attrs!['axis'] as number, inputs[0]!.shape)[0]!
    const parts = inputs.filter((t) => tf.util.sizeFromShape(t.shape) > 0)
    const inner = parts.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)))
    if (parts.length < 2 || Math.max(...inner) > 64) return original.kernelFunc(args)
    const shapes = inputs.map((t) => t.shape)
    tf.backend_util.assertParamsConsistent(shapes, axis)
    const out = backend.makeOutput(tf.backend_util.computeOutShape(shapes, axis), inputs[0]!.dtype)
    const from = parts.map((t) => backend.typedArrayFromHeap(t))
    const to = backend.typedArrayFromHeap(out)
    const outer = tf.util.sizeFromShape(parts[0]!.shape.slice(0, axis))
    let k = 0
    for (let b = 0; b < outer; b++)
      for (let i = 0; i < from.length; i++) {
        const d = inner[i]!
        const v = from[i]!
        for (let j = b * d, end = j + d; j < end; j++) to[k++] = v[j]!
      }
    return out as unknown as ReturnType<typeof original.kernelFunc>
  }
  tf.unregisterKernel('Concat', 'wasm')
  tf.registerKernel({ ...original, kernelFunc })
}

/** Longest side of the copy the detector looks at. */
const DETECT_SIDE = 640
/** The tiny detector's input sizes, tried in turn until one finds a face. */
const TINY_SIZES = [416, 608]
/** The landmark net works at 112 px; a crop of twice that keeps detail without waste. */
const LANDMARK_SIDE = 224

const rawInput = (img: Raster) => ({
  raw: { width: img.width, height: img.height, channels: 3 as const }
})

/**
 * Finds every face with its landmarks. The tiny detector runs on a ≤640 px copy (at 416, then
 * at 608); when it finds nothing, the slower SSD detector gets a second look. Landmarks come
 * from a full-resolution crop.
 */
export async function detectFaces(img: Raster, timings?: DetectTimings): Promise<DetectedFace[]> {
  const { faceapi, tf } = await loadFaceApi()
  let t = performance.now()
  const k = Math.min(1, DETECT_SIDE / Math.max(img.width, img.height))
  const small =
    k < 1
      ? await sharp(
          Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length),
          rawInput(img)
        )
          .resize(Math.round(img.width * k), Math.round(img.height * k))
          .raw()
          .toBuffer({ resolveWithObject: true })
      : { data: img.data, info: { width: img.width, height: img.height } }
  const input = tf.tensor3d(small.data, [small.info.height, small.info.width, 3], 'int32')
  let found: Awaited<ReturnType<typeof faceapi.detectAllFaces>> = []
  // A small face (the resident far from the camera) is missed at 416; 608 sees it for less than
  // half the SSD detector's time.
  for (const inputSize of TINY_SIZES) {
    found = await faceapi.detectAllFaces(
      input,
      new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: 0.5 })
    )
    if (found.length) break
  }
  if (!found.length)
    found = await faceapi.detectAllFaces(
      input,
      new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 })
    )
  input.dispose()
  const scale = small.info.width / img.width
  if (timings) timings.detectMs = performance.now() - t

  t = performance.now()
  const faces: DetectedFace[] = []
  for (const detection of found) {
    const b = detection.box
    const left = Math.max(0, Math.floor(b.x / scale))
    const top = Math.max(0, Math.floor(b.y / scale))
    const width = Math.min(img.width - left, Math.ceil(b.width / scale))
    const height = Math.min(img.height - top, Math.ceil(b.height / scale))
    if (width < 8 || height < 8) continue
    const crop = await sharp(
      Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length),
      rawInput(img)
    )
      .extract({ left, top, width, height })
      .resize(LANDMARK_SIDE, LANDMARK_SIDE, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const tensor = tf.tensor3d(crop.data, [crop.info.height, crop.info.width, 3], 'int32')
    const marks = (await faceapi.nets.faceLandmark68Net.detectLandmarks(tensor)) as InstanceType<
      FaceApi['FaceLandmarks68']
    >
    tensor.dispose()
    const sx = width / crop.info.width
    const sy = height / crop.info.height
    faces.push({
      score: detection.score,
      box: { x: left, y: top, width, height },
      landmarks: marks.positions.map((p) => ({ x: left + p.x * sx, y: top + p.y * sy }))
    })
  }
  if (timings) timings.landmarksMs = performance.now() - t
  return faces
}
