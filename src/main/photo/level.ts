import type { LevelFace } from '../../shared/photo/geometry'
import type { Point } from './face'

/**
 * The rigid frame that levels a face: origin at the eye midpoint, x along the eye line. Maps
 * between source pixels and level coordinates (same scale).
 */
export interface LevelFrame {
  /** Roll of the eye line in the source, radians (positive: the right-hand eye is lower). */
  roll: number
  origin: Point
  toLevel(p: Point): Point
  toSource(x: number, y: number): Point
}

const mean = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length
})

/** Eye centres from the 68 landmarks: the image-left eye (36–41) and the image-right (42–47). */
export const eyeCentres = (marks: Point[]) => ({
  left: mean(marks.slice(36, 42)),
  right: mean(marks.slice(42, 48))
})

export function levelFrame(marks: Point[]): LevelFrame {
  const { left, right } = eyeCentres(marks)
  const roll = Math.atan2(right.y - left.y, right.x - left.x)
  const origin = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 }
  const cos = Math.cos(roll)
  const sin = Math.sin(roll)
  return {
    roll,
    origin,
    toLevel: (p) => {
      const dx = p.x - origin.x
      const dy = p.y - origin.y
      return { x: cos * dx + sin * dy, y: -sin * dx + cos * dy }
    },
    toSource: (x, y) => ({ x: origin.x + cos * x - sin * y, y: origin.y + sin * x + cos * y })
  }
}

/** The face's measures in its level frame; the crown comes from the image separately. */
export function levelFace(marks: Point[], frame: LevelFrame, crownY: number): LevelFace {
  const q = marks.map(frame.toLevel)
  const { left, right } = eyeCentres(marks)
  return {
    faceWidth: Math.abs(q[16]!.x - q[0]!.x),
    faceCentreX: (q[0]!.x + q[16]!.x) / 2,
    eyeDistance: Math.hypot(right.x - left.x, right.y - left.y),
    chinY: q[8]!.y,
    crownY
  }
}

/** Eye aspect ratio (Soukupová & Čech): about 0.25–0.35 when open, under 0.15 when closed. */
export function eyeAspectRatio(eye: Point[]): number {
  const d = (a: number, b: number) => Math.hypot(eye[a]!.x - eye[b]!.x, eye[a]!.y - eye[b]!.y)
  return (d(1, 5) + d(2, 4)) / (2 * d(0, 3))
}
