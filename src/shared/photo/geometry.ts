import { geometryLabels, type Band, type GeometryKey, type PhotoSpec } from './spec'

/**
 * A face in its level frame: rotated so the eyes are horizontal, origin at the eye midpoint, in
 * source pixels. Up is negative y.
 */
export interface LevelFace {
  /** Width across the face (jaw landmarks 0–16). */
  faceWidth: number
  /** Centre of the face (middle of landmarks 0 and 16), x. */
  faceCentreX: number
  eyeDistance: number
  /** Chin (landmark 8), y > 0. */
  chinY: number
  /** Crown / top of hair, y < 0. */
  crownY: number
}

/** Positions measured in the finished photo, in its pixels from its top-left corner. */
export interface OutputMeasures {
  faceWidth: number
  faceCentreX: number
  eyeDistance: number
  eyeMidX: number
  eyeY: number
  chinY: number
  crownY: number
}

export interface Placement {
  /** Output px per source px. */
  scale: number
  /** Where the eye midpoint lands in the output. */
  eyeX: number
  eyeY: number
  /** Why a rule could not be met by the framing, in Chinese. */
  notes: string[]
}

/**
 * An average adult face in face widths (from the astronaut fixture): used to draw the live guide,
 * where no face has been measured yet.
 */
export const typicalFace: LevelFace = {
  faceWidth: 1,
  faceCentreX: 0,
  eyeDistance: 0.45,
  chinY: 0.8,
  crownY: -0.9
}

export interface Nudge {
  dx?: number
  dy?: number
  /** Multiplies the planned scale. */
  scale?: number
}

export const place = (face: LevelFace, p: Placement): OutputMeasures => ({
  faceWidth: face.faceWidth * p.scale,
  faceCentreX: p.eyeX + face.faceCentreX * p.scale,
  eyeDistance: face.eyeDistance * p.scale,
  eyeMidX: p.eyeX,
  eyeY: p.eyeY,
  chinY: p.eyeY + face.chinY * p.scale,
  crownY: p.eyeY + face.crownY * p.scale
})

interface Interval {
  lo: number
  hi: number
}

const intersect = (a: Interval, b: Interval): Interval => ({
  lo: Math.max(a.lo, b.lo),
  hi: Math.min(a.hi, b.hi)
})
const empty = (i: Interval) => i.lo > i.hi
const clamp = (v: number, i: Interval) => Math.min(i.hi, Math.max(i.lo, v))
const mid = (i: Interval) => (i.lo + i.hi) / 2
const bandInterval = (b: Band | undefined, lo = 0, hi = Infinity): Interval => ({
  lo: b?.min ?? lo,
  hi: b?.max ?? hi
})

/**
 * Chooses scale and position so that every band of the spec holds, aiming at the middle of each
 * band. Where bands cannot all hold for this face, it keeps the most important ones and says why.
 */
export function planPlacement(face: LevelFace, spec: PhotoSpec, nudge: Nudge = {}): Placement {
  const g = spec.geometry
  const W = spec.widthPx
  const H = spec.heightPx
  const notes: string[] = []
  const headHeight = face.chinY - face.crownY

  // Scale: every size band gives an interval of scales; aim at the middle of their intersection.
  const sizes: [GeometryKey, number][] = [
    ['faceWidth', face.faceWidth],
    ['headHeight', headHeight],
    ['eyeDistance', face.eyeDistance]
  ]
  let allowed: Interval = { lo: 0, hi: Infinity }
  for (const [key, measure] of sizes) {
    const b = g[key]
    if (!b || measure <= 0) continue
    const range = bandInterval(b)
    const next = intersect(allowed, { lo: range.lo / measure, hi: range.hi / measure })
    if (empty(next))
      notes.push(
        `${geometryLabels[key]}与其他尺寸要求不能同时满足（此人脸比例不同寻常），已优先满足前者`
      )
    else allowed = next
  }
  // Without an upper size bound, fill about 70 % of the height with the head (studio framing).
  const fallback = (H * 0.7) / headHeight
  const scale =
    (Number.isFinite(allowed.hi) ? mid(allowed) : Math.max(allowed.lo, fallback)) *
    (nudge.scale ?? 1)

  // Vertical: intervals for the eye line from each band.
  const crownOffset = -face.crownY * scale
  const chinOffset = face.chinY * scale
  const eyeBands: { label: string; interval: Interval; hair?: boolean }[] = []
  if (g.eyeFromBottom)
    eyeBands.push({
      label: geometryLabels.eyeFromBottom,
      interval: { lo: H - (g.eyeFromBottom.max ?? H), hi: H - (g.eyeFromBottom.min ?? 0) }
    })
  if (g.eyeFromTop)
    eyeBands.push({ label: geometryLabels.eyeFromTop, interval: bandInterval(g.eyeFromTop, 0, H) })
  if (g.chinFromBottom)
    eyeBands.push({
      label: geometryLabels.chinFromBottom,
      interval: {
        lo: H - (g.chinFromBottom.max ?? H) - chinOffset,
        hi: H - (g.chinFromBottom.min ?? 0) - chinOffset
      }
    })
  const hairBand = g.hairTop
    ? {
        label: geometryLabels.hairTop,
        interval: {
          lo: (g.hairTop.min ?? 0) + crownOffset,
          hi: (g.hairTop.max ?? H) + crownOffset
        },
        hair: true
      }
    : undefined
  let eyeRange: Interval = { lo: 0, hi: H }
  for (const b of eyeBands) {
    const next = intersect(eyeRange, b.interval)
    if (empty(next)) notes.push(`${b.label}与其他位置要求冲突，无法同时满足`)
    else eyeRange = next
  }
  let eyeY: number
  if (hairBand) {
    const withHair = intersect(eyeRange, hairBand.interval)
    if (!empty(withHair)) eyeY = mid(withHair)
    else if (g.eyeRuleWins) {
      eyeY = clamp(mid(hairBand.interval), eyeRange)
      notes.push('头顶与眼睛位置不能同时满足：按规定以眼睛位置为准，头发可被裁去')
    } else {
      eyeY = mid(hairBand.interval)
      notes.push('头顶与眼睛位置不能同时满足：按头顶位置放置')
    }
  } else if (g.headHeight || g.faceWidth || eyeBands.length) {
    eyeY = eyeBands.length ? mid(eyeRange) : (H - (chinOffset - crownOffset)) / 2 + crownOffset
  } else {
    // No vertical rule: centre the head with a little more room below.
    eyeY = H * 0.45 - (chinOffset - crownOffset) / 2 + crownOffset
  }

  // Horizontal: face centre on the centre line, within the eye-midpoint band if any.
  let eyeX = W / 2 - face.faceCentreX * scale
  if (g.eyeMidFromLeft) eyeX = clamp(eyeX, bandInterval(g.eyeMidFromLeft, 0, W))

  return {
    scale,
    eyeX: eyeX + (nudge.dx ?? 0),
    eyeY: eyeY + (nudge.dy ?? 0),
    notes
  }
}

export interface RuleResult {
  key: string
  /** Chinese name of the rule. */
  label: string
  pass: boolean
  /** Measured value, rounded for display. */
  value: number | null
  unit: string
  /** The requirement, e.g. "≥ 207 px" or "193–221 px". */
  requirement: string
  /** One line for the clerk: "眼睛距底边 214 px ≥ 207 px ✓". */
  text: string
  /** Why it failed, when it did. */
  reason?: string
}

const round = (v: number, digits = 0) => {
  const f = 10 ** digits
  return Math.round(v * f) / f
}

/** A number with its unit: "214 px", "3.1°", "0.28". */
export const withUnit = (value: number | string, unit: string) =>
  unit === '' ? `${value}` : unit === '°' || unit === '%' ? `${value}${unit}` : `${value} ${unit}`

export const bandText = (b: Band, unit = 'px') =>
  b.min !== undefined && b.max !== undefined
    ? withUnit(`${b.min}–${b.max}`, unit)
    : b.min !== undefined
      ? `≥ ${withUnit(b.min, unit)}`
      : `≤ ${withUnit(b.max!, unit)}`

/** One rule line from a measured value and its band. */
export function bandRule(
  key: string,
  label: string,
  value: number | null,
  b: Band,
  unit = 'px',
  digits = 0,
  reason?: string
): RuleResult {
  const shown = value === null ? null : round(value, digits)
  const pass =
    shown !== null &&
    (b.min === undefined || shown >= b.min) &&
    (b.max === undefined || shown <= b.max)
  const requirement = bandText(b, unit)
  const measured = shown === null ? '无法测量' : withUnit(shown, unit)
  const relation =
    b.min !== undefined && b.max !== undefined
      ? b.min === b.max
        ? `（应为 ${withUnit(b.min, unit)}）`
        : `在 ${requirement} 内`
      : requirement
  const result: RuleResult = {
    key,
    label,
    pass,
    value: shown,
    unit,
    requirement,
    text: pass
      ? `${label} ${measured} ${relation} ✓`
      : `${label} ${measured}，要求 ${requirement} ✗`
  }
  const why =
    reason ??
    (shown === null
      ? undefined
      : b.min !== undefined && shown < b.min
        ? `比下限少 ${round(b.min - shown, digits)} ${unit}`
        : b.max !== undefined && shown > b.max
          ? `比上限多 ${round(shown - b.max, digits)} ${unit}`
          : undefined)
  if (!pass && why) result.reason = why
  return result
}

/** Evaluates every geometry rule of the spec against positions measured in the photo. */
export function geometryRules(spec: PhotoSpec, m: OutputMeasures): RuleResult[] {
  const g = spec.geometry
  const H = spec.heightPx
  const values: Record<GeometryKey, number> = {
    faceWidth: m.faceWidth,
    headHeight: m.chinY - m.crownY,
    eyeDistance: m.eyeDistance,
    hairTop: m.crownY,
    eyeFromTop: m.eyeY,
    eyeFromBottom: H - m.eyeY,
    eyeMidFromLeft: m.eyeMidX,
    chinFromBottom: H - m.chinY
  }
  const rules: RuleResult[] = []
  for (const key of Object.keys(values) as GeometryKey[]) {
    const b = g[key]
    if (b) rules.push(bandRule(key, geometryLabels[key], values[key], b))
  }
  if (g.centreTolerance !== undefined)
    rules.push(
      bandRule('centre', '脸中心偏离中线', Math.abs(m.faceCentreX - spec.widthPx / 2), {
        max: g.centreTolerance
      })
    )
  return rules
}
