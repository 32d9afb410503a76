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
    const models = join(dirname(require.resolve('@vladmandic/face-api')), '..', 'model')
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models)
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(models)
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models)
    return { faceapi, tf }
  })()
  loading.catch(() => (loading = undefined))
  return loading
}

/** Longest side of the copy the detector looks at. */
const DETECT_SIDE = 640
/** The landmark net works at 112 px; a crop of twice that keeps detail without waste. */
const LANDMARK_SIDE = 224

const rawInput = (img: Raster) => ({
  raw: { width: img.width, height: img.height, channels: 3 as const }
})

/**
 * Finds every face with its landmarks. The tiny detector runs on a ≤640 px copy; when it finds
 * nothing, the slower SSD detector gets a second look. Landmarks come from a full-resolution crop.
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
  let found = await faceapi.detectAllFaces(
    input,
    new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 })
  )
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
