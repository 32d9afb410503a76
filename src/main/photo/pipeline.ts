import sharp from 'sharp'
import { AppError } from '../../shared/errors'
import {
  bandRule,
  geometryRules,
  place,
  planPlacement,
  type Nudge,
  type OutputMeasures,
  type Placement,
  type RuleResult
} from '../../shared/photo/geometry'
import { searchQuality } from '../../shared/photo/byte-band'
import type { PhotoSpec } from '../../shared/photo/spec'
import { detectFaces, type DetectedFace, type Point } from './face'
import { findCrown } from './crown'
import { qualityRules } from './checks'
import { readJpegInfo, withJfifDensity } from './jpeg-meta'
import { levelFace, levelFrame } from './level'
import { resample, type Raster } from './raster'

export interface StageTimings {
  decodeMs: number
  detectMs: number
  landmarksMs: number
  cropEncodeMs: number
  totalMs: number
}

export interface PhotoReport {
  specId: string
  specName: string
  /** Every rule passed. */
  ok: boolean
  width: number
  height: number
  bytes: number
  quality: number
  /** dpi read back from the written file (JFIF and EXIF). */
  dpi: { jfif: number | null; exif: number | null }
  rules: RuleResult[]
  /** Why a rule could not be met by the framing, and other remarks. */
  notes: string[]
  measures: OutputMeasures
  placement: { scale: number; rollDeg: number; crown: 'image' | 'cut' | 'estimate' }
  timings: StageTimings
}

export interface PhotoResult {
  jpeg: Buffer
  report: PhotoReport
  /** The face found in the still, reusable when the crop is adjusted. */
  face: DetectedFace
}

export interface ProcessOptions {
  nudge?: Nudge
  /** Skip detection: the face found by an earlier run on the same still. */
  face?: DetectedFace
}

/** Decodes any image sharp reads into 8-bit sRGB, turned upright by its EXIF orientation. */
export async function decodeImage(input: Buffer | string): Promise<Raster> {
  const { data, info } = await sharp(input)
    .rotate()
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3)
    throw new AppError('VALIDATION', `无法读取的图像（${info.channels} 通道）`)
  return { data, width: info.width, height: info.height }
}

const rawOf = (img: Raster) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 3 }
  })

/** Exactly one face, or a clear message. */
export function singleFace(faces: DetectedFace[]): DetectedFace {
  if (faces.length === 1) return faces[0]!
  throw new AppError(
    'VALIDATION',
    faces.length === 0
      ? '照片中没有找到人脸：请让对方正对镜头，并检查光线和取景'
      : `照片中有 ${faces.length} 张人脸：画面里只能有办理人一人`
  )
}

export interface Outside {
  /** Share of output pixels whose source lies outside the image. */
  share: number
  /** The image edges they lie past (上/下/左/右). */
  edges: string[]
}

function outsideOf(img: Raster, W: number, H: number, toSource: (u: number, v: number) => Point) {
  const past = { 上: 0, 下: 0, 左: 0, 右: 0 }
  let count = 0
  for (let v = 0; v < H; v++)
    for (let u = 0; u < W; u++) {
      const s = toSource(u + 0.5, v + 0.5)
      const flags = { 上: s.y < 0, 下: s.y > img.height, 左: s.x < 0, 右: s.x > img.width }
      if (flags.上 || flags.下 || flags.左 || flags.右) count++
      for (const edge of Object.keys(past) as (keyof typeof past)[]) if (flags[edge]) past[edge]++
    }
  const edges = Object.entries(past)
    .filter(([, n]) => n > 0)
    .map(([edge]) => edge)
  return { share: count / (W * H), edges }
}

/**
 * Renders the photo for a placement: every output pixel is traced back through scale, roll and
 * offset to the source. A large reduction is first done by sharp (area-correct), the rest bilinear.
 * Pixels past the source's edges repeat its edge, and are counted.
 */
async function render(
  img: Raster,
  frame: ReturnType<typeof levelFrame>,
  p: Placement,
  W: number,
  H: number
): Promise<{ raster: Raster; outside: Outside }> {
  const toSource = (u: number, v: number) =>
    frame.toSource((u - p.eyeX) / p.scale, (v - p.eyeY) / p.scale)
  const outside = outsideOf(img, W, H, toSource)
  if (p.scale >= 0.8) {
    const { raster } = resample(img, W, H, (u, v) => {
      const s = toSource(u, v)
      return [s.x, s.y]
    })
    return { raster, outside }
  }
  // Region of the source the photo covers, reduced once by sharp to about the final scale.
  const corners = [toSource(0, 0), toSource(W, 0), toSource(0, H), toSource(W, H)]
  const left = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))) - 2)
  const top = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))) - 2)
  const right = Math.min(img.width, Math.ceil(Math.max(...corners.map((c) => c.x))) + 2)
  const bottom = Math.min(img.height, Math.ceil(Math.max(...corners.map((c) => c.y))) + 2)
  if (right - left < 2 || bottom - top < 2)
    throw new AppError('VALIDATION', '人脸完全在画面之外，无法裁切')
  const width = Math.max(1, Math.round((right - left) * p.scale))
  const height = Math.max(1, Math.round((bottom - top) * p.scale))
  const { data } = await rawOf(img)
    .extract({ left, top, width: right - left, height: bottom - top })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const sx = width / (right - left)
  const sy = height / (bottom - top)
  const { raster } = resample({ data, width, height }, W, H, (u, v) => {
    const s = toSource(u, v)
    return [(s.x - left) * sx, (s.y - top) * sy]
  })
  return { raster, outside }
}

/**
 * The whole booth pipeline on one still: find the face and its landmarks, find the crown, level,
 * scale and place it for the spec, render the exact pixels, check quality, encode a JPEG inside
 * the byte band with the dpi written, and report every rule with its measured value.
 */
export async function processPhoto(
  input: Buffer | string | Raster,
  spec: PhotoSpec,
  options: ProcessOptions = {}
): Promise<PhotoResult> {
  const t0 = performance.now()
  const img = typeof input === 'string' || Buffer.isBuffer(input) ? await decodeImage(input) : input
  const t1 = performance.now()
  const timings = { detectMs: 0, landmarksMs: 0 }
  const face = options.face ?? singleFace(await detectFaces(img, timings))
  const t2 = performance.now()

  const frame = levelFrame(face.landmarks)
  const level = face.landmarks.map(frame.toLevel)
  const browY = Math.min(...level.slice(17, 27).map((p) => p.y))
  const jaw = levelFace(face.landmarks, frame, 0)
  const crown = findCrown(
    img,
    { faceCentreX: jaw.faceCentreX, faceWidth: jaw.faceWidth, browY, toSource: frame.toSource },
    -1.25 * jaw.chinY
  )
  const measuredFace = { ...jaw, crownY: crown.y }
  const placement = planPlacement(measuredFace, spec, options.nudge)
  const W = spec.widthPx
  const H = spec.heightPx
  const { raster, outside } = await render(img, frame, placement, W, H)

  // Measure the photo as made: landmarks carried through the same transform, the crown found
  // again in the output pixels.
  const measures = place(measuredFace, placement)
  // The output is level and scaled: its own frame is a shift to the eye midpoint.
  const identity = {
    faceCentreX: measures.faceCentreX - measures.eyeMidX,
    faceWidth: measures.faceWidth,
    browY: browY * placement.scale,
    toSource: (x: number, y: number) => ({ x: x + measures.eyeMidX, y: y + measures.eyeY })
  }
  const outCrown = findCrown(raster, identity, measures.crownY - measures.eyeY)
  if (outCrown.method !== 'estimate') measures.crownY = outCrown.y + measures.eyeY

  const notes = [...placement.notes]
  if (crown.method === 'estimate')
    notes.push('头顶没能从图像中找到（头发与背景太接近），按脸部比例估计')
  if (crown.method === 'cut' || outCrown.method === 'cut') notes.push('头发顶部被画面上边裁去')
  if (placement.scale > 1.5)
    notes.push(
      `原图中人脸偏小，被放大 ${placement.scale.toFixed(1)} 倍，成片可能发虚：请让对方靠近或拉近镜头`
    )

  const rollDeg = (frame.roll * 180) / Math.PI
  const rules = [
    ...geometryRules(spec, measures),
    ...qualityRules({
      spec,
      output: raster,
      measures,
      levelMarks: level,
      rollDeg,
      outside
    })
  ]

  const encode = async (quality: number) => {
    const jpeg = withJfifDensity(
      await rawOf(raster)
        .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false })
        .withMetadata({ density: spec.dpi })
        .toBuffer(),
      spec.dpi
    )
    return { bytes: jpeg.length, output: jpeg }
  }
  const choice = await searchQuality(encode, spec.jpeg, spec.jpeg.quality)
  const info = readJpegInfo(choice.output)
  const t3 = performance.now()

  const exact = info.width === W && info.height === H
  rules.push(
    {
      key: 'pixels',
      label: '像素尺寸',
      pass: exact,
      value: null,
      unit: 'px',
      requirement: `${W}×${H} px`,
      text: `像素尺寸 ${info.width}×${info.height}${exact ? ' ✓' : `，应为 ${W}×${H} ✗`}`,
      ...(exact ? {} : { reason: '成片尺寸不对' })
    },
    bandRule(
      'dpi',
      '文件分辨率',
      info.jfif?.unit === 'inch' ? info.jfif.x : null,
      { min: spec.dpi, max: spec.dpi },
      'dpi',
      0,
      '文件里写的分辨率不对'
    )
  )
  if (spec.jpeg.minBytes !== undefined || spec.jpeg.maxBytes !== undefined) {
    const kb = (n: number | undefined) => (n === undefined ? undefined : n / 1024)
    rules.push(
      bandRule(
        'bytes',
        `文件大小（质量 ${choice.quality}）`,
        choice.bytes / 1024,
        { min: kb(spec.jpeg.minBytes), max: kb(spec.jpeg.maxBytes) },
        'KB',
        1,
        choice.bytes > (spec.jpeg.maxBytes ?? Infinity)
          ? '即使最低质量也超过上限'
          : '即使最高质量也不到下限（本系统不用填充字节凑大小）'
      )
    )
  }
  const t4 = performance.now()
  return {
    jpeg: choice.output,
    face,
    report: {
      specId: spec.id,
      specName: spec.name,
      ok: rules.every((r) => r.pass),
      width: info.width,
      height: info.height,
      bytes: choice.bytes,
      quality: choice.quality,
      dpi: {
        jfif: info.jfif?.unit === 'inch' ? info.jfif.x : null,
        exif: info.exif?.unit === 'inch' ? info.exif.x : null
      },
      rules,
      notes,
      measures,
      placement: { scale: placement.scale, rollDeg, crown: crown.method },
      timings: {
        decodeMs: t1 - t0,
        detectMs: timings.detectMs,
        landmarksMs: timings.landmarksMs,
        cropEncodeMs: t3 - t2,
        totalMs: t4 - t0
      }
    }
  }
}

export type { Point }
