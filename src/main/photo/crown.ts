export interface CrownSearch {
  /** Level-frame centre of the face, x, and its width (level px). */
  faceCentreX: number
  faceWidth: number
  /** Level-frame y of the brows (negative: above the eyes). */
  browY: number
  /** Level coordinates to source pixels. */
  toSource(x: number, y: number): { x: number; y: number }
}

export interface Crown {
  /** Level-frame y of the top of the hair. */
  y: number
  /** How it was found. */
  method: 'matte' | 'cut' | 'estimate'
  /** Share of the searched columns where the person mask began inside the image. */
  support: number
}

/** Alpha of the person matte at a source position (0 outside the matted area). */
export type AlphaAt = (x: number, y: number) => number

/** A column's mask must stay on for this many samples to count (ignores stray specks). */
const HOLD = 3

/**
 * Finds the top of the hair above a face as the top of the person matte: in columns across the
 * middle of the head, from well above the brows downwards, the first place where the matte turns
 * to "person" and stays so. Colour edges in the backdrop (two walls, a shadow) play no part: only
 * the matte does. Where the matte is already "person" at the image's top edge, the hair is cut by
 * the frame.
 */
export function findCrown(
  alphaAt: AlphaAt,
  imageHeight: number,
  face: CrownSearch,
  fallbackY: number
): Crown {
  const step = Math.max(0.5, face.faceWidth / 200)
  const x0 = face.faceCentreX - 0.3 * face.faceWidth
  const cols = Math.max(8, Math.round((0.6 * face.faceWidth) / step))
  const top = face.browY - 1.5 * face.faceWidth
  const rows = Math.max(1, Math.round((face.browY - top) / step))
  const found: number[] = []
  let cut = 0
  let cutTop = face.browY
  for (let c = 0; c < cols; c++) {
    const x = x0 + c * step
    let first = -1
    let previous = 0
    for (let r = 0; r < rows; r++) {
      const p = face.toSource(x, top + r * step)
      if (p.y < 0 || p.y >= imageHeight) continue
      const a = alphaAt(p.x, p.y)
      if (first < 0) {
        first = r
        if (a >= 0.5) {
          // The person reaches the image's top edge in this column (or, when the search window
          // starts inside the image, the column is unusable).
          if (r > 0 || face.toSource(x, top).y < 0) {
            cut++
            cutTop = Math.min(cutTop, top + r * step)
          }
          break
        }
      }
      if (a >= 0.5) {
        let holds = true
        for (let k = 1; k < HOLD && holds; k++) {
          const q = face.toSource(x, top + (r + k) * step)
          holds = alphaAt(q.x, q.y) >= 0.5
        }
        if (holds) {
          // Where the matte crosses one half, between this sample and the one above.
          const t = a === previous ? 0 : (0.5 - previous) / (a - previous)
          found.push(top + (r - 1 + Math.min(1, Math.max(0, t))) * step)
          break
        }
      }
      previous = a
    }
  }
  const support = found.length / cols
  if (cut > cols / 2) return { y: cutTop, method: 'cut', support }
  if (support < 0.4) return { y: fallbackY, method: 'estimate', support }
  found.sort((a, b) => a - b)
  // The upper third of the columns: the crown is the top of the hair, not its shoulders.
  return { y: found[Math.floor(found.length / 3)]!, method: 'matte', support }
}
