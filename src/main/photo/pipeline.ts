import sharp from 'sharp'
import { AppError } from '../../shared/errors'
import {
  bandRule,
  geometryRules,
  place,
  planPlacement,
  type LevelFace,
  type Nudge,
  type OutputMeasures,
  type Placement,
  type RuleResult
} from '../../shared/photo/geometry'
import { searchQuality } from '../../shared/photo/byte-band'
import type { PhotoSpec } from '../../shared/photo/spec'
import { detectFaces, type DetectedFace, type Point } from './face'
import { findCrown, type Crown, type CrownSearch } from './crown'
import { qualityRules } from './checks'
import { readJpegInfo, withJfifDensity } from './jpeg-meta'
import { levelFace, levelFrame } from './level'
import { alphaAt, cropRaster, matteOf, replaceBackground, unsureShare, type Matte } from './matte'
import { resample, type Raster } from './raster'

export interface StageTimings {
  decodeMs: number
  detectMs: number
  landmarksMs: number
  cropEncodeMs: number
  /** Matting: on the source around the head (for the crown) and on the photo (replacement). */
  matteMs: number
  /** Landmarks and matte found again in the written JPEG. */
  remeasureMs: number
  totalMs: number
}

/** What happened to the background. */
export interface BackgroundReport {
  /** The colour put behind the person, or null when the photo keeps its own background. */
  replacedWith: [number, number, number] | null
  /** Share of unsure matte pixels around the head (0–1). */
  unsure: number
  /** The matte is doubtful around the head: the clerk should look at the hair edge. */
  lowConfidence: boolean
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
  placement: { scale: number; rollDeg: number; crown: Crown['method'] }
  background: BackgroundReport
  timings: StageTimings
}

export interface PhotoResult {
  jpeg: Buffer
  /** With a replaced background: the same crop with the photo's own background, for comparison. */
  original?: Buffer
  report: PhotoReport
  /** The face found in the still, reusable when the crop is adjusted. */
  face: DetectedFace
}

export interface ProcessOptions {
  nudge?: Nudge
  /** Skip detection: the face found by an earlier run on the same still. */
  face?: DetectedFace
  /** Put this colour behind the person (one of the spec's colours, or any the clerk asks for). */
  background?: [number, number, number] | null
}

/** Above this share of unsure pixels around the head, the clerk is warned to check the edge. */
export const UNSURE_LIMIT = 0.06
/** Longest side of the source crop that is matted for the crown. */
const SOURCE_MATTE_SIDE = 480
/** Largest difference, in px, between the planned framing and the file before it is named. */
export const REMEASURE_TOLERANCE_PX = 2

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
 * The matte of the source around the head (from well above the brows to below the chin, about
 * 3.6 face widths across), at most 480 px on its longer side; alpha looked up in source pixels.
 */
async function matteAround(
  img: Raster,
  face: CrownSearch,
  chinY: number
): Promise<(x: number, y: number) => number> {
  const fw = face.faceWidth
  const corners = [
    face.toSource(face.faceCentreX - 1.8 * fw, face.browY - 1.6 * fw),
    face.toSource(face.faceCentreX + 1.8 * fw, face.browY - 1.6 * fw),
    face.toSource(face.faceCentreX - 1.8 * fw, chinY + fw),
    face.toSource(face.faceCentreX + 1.8 * fw, chinY + fw)
  ]
  const left = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))))
  const top = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))))
  const right = Math.min(img.width, Math.ceil(Math.max(...corners.map((c) => c.x))))
  const bottom = Math.min(img.height, Math.ceil(Math.max(...corners.map((c) => c.y))))
  if (right - left < 8 || bottom - top < 8) return () => 0
  const k = Math.min(1, SOURCE_MATTE_SIDE / Math.max(right - left, bottom - top))
  let crop = cropRaster(img, left, top, right - left, bottom - top)
  if (k < 1) {
    const width = Math.max(8, Math.round(crop.width * k))
    const height = Math.max(8, Math.round(crop.height * k))
    const { data } = await rawOf(crop).resize(width, height, { fit: 'fill' }).raw().toBuffer({
      resolveWithObject: true
    })
    crop = { data, width, height }
  }
  const m = await matteOf(crop)
  const sx = m.width / (right - left)
  const sy = m.height / (bottom - top)
  return (x, y) => alphaAt(m, (x - left) * sx, (y - top) * sy)
}

export interface Remeasure {
  measures: OutputMeasures
  crown: Crown
  matte: Matte
}

/**
 * Measures a finished photo from its own pixels: one face and its landmarks, the eye line
 * levelled, and the crown as the top of the person matte. Null without exactly one face.
 */
export async function measurePhoto(photo: Raster, crownGuess: number): Promise<Remeasure | null> {
  // The matte (worker thread) and the landmarks (this thread) at the same time.
  const [faces, matte] = await Promise.all([detectFaces(photo), matteOf(photo)])
  if (faces.length !== 1) return null
  const marks = faces[0]!.landmarks
  const frame = levelFrame(marks)
  const level = marks.map(frame.toLevel)
  const browY = Math.min(...level.slice(17, 27).map((p) => p.y))
  const jaw = levelFace(marks, frame, 0)
  const crown = findCrown(
    (x, y) => alphaAt(matte, x, y),
    photo.height,
    { faceCentreX: jaw.faceCentreX, faceWidth: jaw.faceWidth, browY, toSource: frame.toSource },
    crownGuess
  )
  const at = (x: number, y: number) => frame.toSource(x, y)
  return {
    measures: {
      faceWidth: jaw.faceWidth,
      faceCentreX: at(jaw.faceCentreX, 0).x,
      eyeDistance: jaw.eyeDistance,
      eyeMidX: frame.origin.x,
      eyeY: frame.origin.y,
      chinY: at(0, jaw.chinY).y,
      crownY: at(0, crown.y).y
    },
    crown,
    matte
  }
}

/**
 * A face measured in a finished photo, carried back to the source's level frame (through the
 * placement that made the photo), relative to the eye midpoint found in the photo.
 */
function fromPhoto(m: OutputMeasures, p: Placement): LevelFace & { eyeShift: Point } {
  const eye = { x: (m.eyeMidX - p.eyeX) / p.scale, y: (m.eyeY - p.eyeY) / p.scale }
  return {
    faceWidth: m.faceWidth / p.scale,
    faceCentreX: (m.faceCentreX - p.eyeX) / p.scale - eye.x,
    eyeDistance: m.eyeDistance / p.scale,
    chinY: (m.chinY - p.eyeY) / p.scale - eye.y,
    crownY: (m.crownY - p.eyeY) / p.scale - eye.y,
    eyeShift: eye
  }
}

/** How far the file's measures are from the plan's, per measure, in px. */
function driftOf(a: OutputMeasures, b: OutputMeasures): Record<string, number> {
  return {
    脸宽: Math.abs(a.faceWidth - b.faceWidth),
    脸中心: Math.abs(a.faceCentreX - b.faceCentreX),
    眼线: Math.abs(a.eyeY - b.eyeY),
    下巴: Math.abs(a.chinY - b.chinY),
    头顶: Math.abs(a.crownY - b.crownY)
  }
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
  const search = {
    faceCentreX: jaw.faceCentreX,
    faceWidth: jaw.faceWidth,
    browY,
    toSource: frame.toSource
  }
  const sourceMatte = await matteAround(img, search, jaw.chinY)
  const crown = findCrown(sourceMatte, img.height, search, -1.25 * jaw.chinY)
  const tm = performance.now()
  const W = spec.widthPx
  const H = spec.heightPx
  const replacedWith = options.background ?? null
  let matteMs = tm - t2
  let remeasureMs = 0

  /** Renders, mattes, replaces the background, encodes and measures the file, for one placement. */
  const attempt = async (face: LevelFace & { eyeShift?: Point }) => {
    const plan = planPlacement(face, spec, options.nudge)
    // The frame's origin is the source's eye midpoint; this face's eyes may sit beside it.
    const shift = face.eyeShift ?? { x: 0, y: 0 }
    const placement = {
      ...plan,
      eyeX: plan.eyeX - plan.scale * shift.x,
      eyeY: plan.eyeY - plan.scale * shift.y
    }
    const { raster, outside } = await render(img, frame, placement, W, H)
    const planned = place(face, plan)
    // The matte of the photo itself: how sure it is around the head, and the replacement.
    let t = performance.now()
    const photoMatte = await matteOf(raster)
    const unsure = unsureShare(photoMatte, {
      centreX: planned.faceCentreX,
      crownY: planned.crownY,
      chinY: planned.chinY,
      faceWidth: planned.faceWidth
    })
    const finished = replacedWith ? replaceBackground(raster, photoMatte, replacedWith) : raster
    matteMs += performance.now() - t
    const encode = async (quality: number) => {
      const jpeg = withJfifDensity(
        await rawOf(finished)
          .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false })
          .withMetadata({ density: spec.dpi })
          .toBuffer(),
        spec.dpi
      )
      return { bytes: jpeg.length, output: jpeg }
    }
    const choice = await searchQuality(encode, spec.jpeg, spec.jpeg.quality)
    // Every rule is measured on the written file: landmarks and matte found again in its pixels.
    t = performance.now()
    const file = await decodeImage(choice.output)
    const again = await measurePhoto(file, planned.crownY - planned.eyeY)
    remeasureMs += performance.now() - t
    return { placement, raster, outside, planned, unsure, choice, file, again }
  }

  let result = await attempt({ ...jaw, crownY: crown.y })
  const missed = (r: typeof result) =>
    r.again !== null && geometryRules(spec, r.again.measures).some((rule) => !rule.pass)
  if (missed(result)) {
    // The face measured in the file differs from the source's (a small or soft face gives loose
    // landmarks): plan once more from the file's own measures, carried back to the source.
    const second = await attempt(fromPhoto(result.again!.measures, result.placement))
    if (!missed(second) || second.again === null) result = second
  }
  const { placement, raster, outside, planned, unsure, choice, file, again } = result
  const info = readJpegInfo(choice.output)
  const measures = again?.measures ?? planned

  const notes = [...placement.notes]
  if (crown.method === 'estimate')
    notes.push('头顶没能从人像抠图中找到（头发与背景分不清），按脸部比例估计')
  if (crown.method === 'cut' || again?.crown.method === 'cut') notes.push('头发顶部被画面上边裁去')
  if (placement.scale > 1.5)
    notes.push(
      `原图中人脸偏小，被放大 ${placement.scale.toFixed(1)} 倍，成片可能发虚：请让对方靠近或拉近镜头`
    )
  const lowConfidence = unsure > UNSURE_LIMIT
  if (lowConfidence)
    notes.push(
      `头部周围有 ${(unsure * 100).toFixed(0)}% 的像素抠图没有把握：请查看头发边缘${replacedWith ? '，必要时关闭背景替换' : ''}`
    )
  if (again) {
    const drift = Object.entries(driftOf(planned, again.measures)).filter(
      ([, d]) => d > REMEASURE_TOLERANCE_PX
    )
    if (drift.length)
      notes.push(
        `成片复测与取景计划相差 ${drift.map(([k, d]) => `${k} ${d.toFixed(0)} px`).join('、')}：各项以成片实测为准`
      )
  }

  const rollDeg = (frame.roll * 180) / Math.PI
  const rules = [
    ...geometryRules(spec, measures),
    ...qualityRules({
      spec,
      output: file,
      measures,
      levelMarks: level,
      rollDeg,
      outside
    })
  ]
  if (!again)
    rules.push({
      key: 'remeasure',
      label: '成片复测',
      pass: false,
      value: null,
      unit: '',
      requirement: '成片中找到一张人脸',
      text: '成片复测：在写出的文件中没有找到唯一的人脸 ✗',
      reason: '无法在成片上核对尺寸，请重拍'
    })
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
  const original = replacedWith ? await rawOf(raster).jpeg({ quality: 85 }).toBuffer() : undefined
  const t4 = performance.now()
  return {
    jpeg: choice.output,
    ...(original ? { original } : {}),
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
      placement: { scale: placement.scale, rollDeg, crown: again?.crown.method ?? crown.method },
      background: { replacedWith, unsure, lowConfidence },
      timings: {
        decodeMs: t1 - t0,
        detectMs: timings.detectMs,
        landmarksMs: timings.landmarksMs,
        cropEncodeMs: t3 - t2 - matteMs - remeasureMs,
        matteMs,
        remeasureMs,
        totalMs: t4 - t0
      }
    }
  }
}

export type { Point }
