import { bandRule, type RuleResult } from '../../shared/photo/geometry'
import type { PhotoSpec } from '../../shared/photo/spec'
import { deltaE, labAt, luma, rgbToLab, stats, type Lab, type Raster } from './raster'
import type { Point } from './face'
import type { OutputMeasures } from '../../shared/photo/geometry'

/** Limits of the quality checks (not spec data: they describe a usable photo of any kind). */
export const qualityLimits = {
  rollDeg: 12,
  yawDeg: 12,
  eyeAspect: 0.16,
  faceLightness: { min: 35, max: 85 },
  clippedShare: 0.05,
  sharpness: 20,
  backgroundSpread: 6,
  minChroma: 4
} as const

/** Pixels of a region given by a predicate, as Lab. */
function labWhere(img: Raster, keep: (x: number, y: number) => boolean, step = 1): Lab[] {
  const out: Lab[] = []
  for (let y = 0; y < img.height; y += step)
    for (let x = 0; x < img.width; x += step) if (keep(x, y)) out.push(labAt(img, x, y))
  return out
}

const meanLab = (values: Lab[]): Lab => {
  const m: Lab = [0, 0, 0]
  for (const v of values) for (let k = 0; k < 3; k++) m[k]! += v[k]! / values.length
  return m
}

/** Inside the face: between the eyes' outer corners, from the eye line to the mouth. */
const insideFace = (m: OutputMeasures) => (x: number, y: number) => {
  const half = m.faceWidth * 0.3
  return Math.abs(x - m.faceCentreX) < half && y > m.eyeY && y < m.eyeY + (m.chinY - m.eyeY) * 0.75
}

/** Background: above the eye line and outside an oval around head and hair. */
const outsideHead = (m: OutputMeasures) => {
  const cy = (m.crownY + m.chinY) / 2
  // Hair reaches out to about 1.75 face widths across.
  const a = m.faceWidth * 0.9
  const b = ((m.chinY - m.crownY) / 2) * 1.12
  return (x: number, y: number) =>
    y < m.eyeY && ((x - m.faceCentreX) / a) ** 2 + ((y - cy) / b) ** 2 > 1
}

export interface QualityInput {
  spec: PhotoSpec
  output: Raster
  measures: OutputMeasures
  /** Source landmarks in the level frame (for yaw and eyes). */
  levelMarks: Point[]
  rollDeg: number
  /** Share of output pixels that came from outside the source image, and past which edges. */
  outside: { share: number; edges: string[] }
}

const eyeAspect = (eye: Point[]) => {
  const d = (a: number, b: number) => Math.hypot(eye[a]!.x - eye[b]!.x, eye[a]!.y - eye[b]!.y)
  return (d(1, 5) + d(2, 4)) / (2 * d(0, 3))
}

/** Variance of the 4-neighbour Laplacian of the grey image inside a region. */
function laplacianVariance(img: Raster, keep: (x: number, y: number) => boolean): number {
  const g = luma(img)
  const w = img.width
  const values: number[] = []
  for (let y = 1; y < img.height - 1; y++)
    for (let x = 1; x < w - 1; x++)
      if (keep(x, y)) {
        const i = y * w + x
        values.push(g[i - 1]! + g[i + 1]! + g[i - w]! + g[i + w]! - 4 * g[i]!)
      }
  return stats(values).sd ** 2
}

/** The quality checks, each with its measured value and a reason when it fails. */
export function qualityRules(q: QualityInput): RuleResult[] {
  const { output, measures: m, spec } = q
  const L = qualityLimits
  const rules: RuleResult[] = []

  rules.push(
    bandRule(
      'roll',
      '头部倾斜（已校正）',
      Math.abs(q.rollDeg),
      { max: L.rollDeg },
      '°',
      1,
      '头歪得太厉害，请让对方坐正'
    )
  )
  const lm = q.levelMarks
  const jawMid = (lm[0]!.x + lm[16]!.x) / 2
  const half = Math.abs(lm[16]!.x - lm[0]!.x) / 2
  const yaw = (Math.asin(Math.max(-1, Math.min(1, (lm[30]!.x - jawMid) / half))) * 180) / Math.PI
  rules.push(
    bandRule(
      'yaw',
      '左右转头（估计）',
      Math.abs(yaw),
      { max: L.yawDeg },
      '°',
      1,
      '脸没有正对镜头，请让对方正视镜头'
    )
  )
  const ear = Math.min(eyeAspect(lm.slice(36, 42)), eyeAspect(lm.slice(42, 48)))
  rules.push(
    bandRule('eyes', '睁眼程度（眼裂比）', ear, { min: L.eyeAspect }, '', 2, '眼睛闭着或眯眼')
  )

  const face = labWhere(output, insideFace(m))
  const lightness = face.length ? stats(face.map((v) => v[0])).mean : null
  rules.push(
    bandRule(
      'exposure',
      '面部亮度 L*',
      lightness,
      L.faceLightness,
      '',
      0,
      lightness !== null && lightness < L.faceLightness.min ? '太暗，请补光' : '过亮，请减弱灯光'
    )
  )
  const clipped = face.filter((v) => v[0] > 98 || v[0] < 2).length / Math.max(1, face.length)
  rules.push(
    bandRule(
      'clipping',
      '面部过曝或死黑像素',
      clipped * 100,
      { max: L.clippedShare * 100 },
      '%',
      1,
      '面部有大片过曝或死黑，请调整灯光'
    )
  )
  rules.push(
    bandRule(
      'sharpness',
      '清晰度（拉普拉斯方差）',
      laplacianVariance(output, insideFace(m)),
      { min: L.sharpness },
      '',
      0,
      '照片模糊：对焦不准或人在动'
    )
  )

  const chroma = face.length ? stats(face.map((v) => Math.hypot(v[1], v[2]))).mean : 0
  rules.push(
    bandRule(
      'colour',
      '面部色度',
      chroma,
      { min: L.minChroma },
      '',
      1,
      '灰度（黑白）照片：证件照须为 24 位彩色'
    )
  )

  const bg = labWhere(output, outsideHead(m), 2)
  if (bg.length < (output.width * output.height) / 200) {
    rules.push(
      bandRule(
        'background',
        '背景颜色',
        null,
        { max: spec.background.maxDeltaE },
        'ΔE',
        1,
        '头部周围露出的背景太少，无法判断'
      )
    )
  } else {
    const mean = meanLab(bg)
    const nearest = spec.background.colours
      .map((c) => ({ name: c.name, d: deltaE(mean, rgbToLab(...c.rgb)) }))
      .sort((a, b) => a.d - b.d)[0]!
    const spread = Math.sqrt(bg.reduce((s, v) => s + deltaE(v, mean) ** 2, 0) / bg.length)
    rules.push(
      bandRule(
        'background',
        `背景与${nearest.name}色的色差`,
        nearest.d,
        { max: spec.background.maxDeltaE },
        'ΔE',
        1,
        `背景颜色（L* ${mean[0].toFixed(0)}, a* ${mean[1].toFixed(0)}, b* ${mean[2].toFixed(0)}）离允许的${spec.background.colours.map((c) => c.name).join('、')}色太远`
      )
    )
    rules.push(
      bandRule(
        'backgroundUniform',
        '背景均匀度（色差标准差）',
        spread,
        { max: L.backgroundSpread },
        'ΔE',
        1,
        '背景不均匀：有图案、杂物或阴影'
      )
    )
  }
  rules.push(
    bandRule(
      'frame',
      '超出原图的像素',
      q.outside.share * 100,
      { max: 0 },
      '%',
      1,
      `人脸离原图${q.outside.edges.join('、')}边太近，成片有一部分在原图之外，请调整取景${q.outside.edges.includes('上') ? '（头顶上方要留空）' : ''}`
    )
  )
  return rules
}
