import { deltaE, rgbToLab, type Lab, type Raster } from './raster'

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
  method: 'image' | 'cut' | 'estimate'
  /** Share of the searched columns that showed a background-to-hair edge. */
  support: number
}

/** ΔE that separates hair from the background just above it. */
const EDGE_DELTA_E = 14
/** Rows of background averaged as the reference at the top of each column. */
const REFERENCE_ROWS = 4
/** An edge must hold this many rows to count (ignores noise and stray hairs). */
const EDGE_ROWS = 3

/**
 * Finds the top of the hair above a face: in columns across the middle of the head, from the top
 * of the search window downwards, the first lasting change from the background colour. Where the
 * image ends above the hair, the crown is at the image edge (hair cut by the frame).
 */
export function findCrown(img: Raster, face: CrownSearch, fallbackY: number): Crown {
  const step = Math.max(1, face.faceWidth / 160)
  const x0 = face.faceCentreX - 0.3 * face.faceWidth
  const cols = Math.max(8, Math.round((0.6 * face.faceWidth) / step))
  const top = face.browY - 1.5 * face.faceWidth
  const rows = Math.max(1, Math.round((face.browY - top) / step))
  const found: number[] = []
  let cut = 0
  for (let c = 0; c < cols; c++) {
    const x = x0 + c * step
    const column: (Lab | null)[] = []
    for (let r = 0; r < rows; r++) {
      const p = face.toSource(x, top + r * step)
      const px = Math.round(p.x)
      const py = Math.round(p.y)
      if (px < 0 || py < 0 || px >= img.width || py >= img.height) column.push(null)
      else {
        const i = (py * img.width + px) * 3
        column.push(rgbToLab(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!))
      }
    }
    const first = column.findIndex((v) => v !== null)
    if (first < 0) continue
    const startsAtEdge = first > 0 || face.toSource(x, top).y < 0
    if (rows - first < REFERENCE_ROWS + EDGE_ROWS) {
      if (startsAtEdge) cut++
      continue
    }
    const ref: Lab = [0, 0, 0]
    for (let r = first; r < first + REFERENCE_ROWS; r++)
      for (let k = 0; k < 3; k++) ref[k]! += column[r]![k]! / REFERENCE_ROWS
    let edge = -1
    for (let r = first + REFERENCE_ROWS; r <= rows - EDGE_ROWS; r++) {
      let holds = true
      for (let k = 0; k < EDGE_ROWS && holds; k++) {
        const v = column[r + k]
        holds = v !== null && v !== undefined && deltaE(v, ref) > EDGE_DELTA_E
      }
      if (holds) {
        edge = r
        break
      }
    }
    if (edge >= 0) found.push(top + edge * step)
    else if (startsAtEdge) cut++
  }
  const support = found.length / cols
  if (cut > cols / 2) {
    // The image ends inside the hair: the crown is at (or above) the image's top edge.
    let y = face.browY
    for (let c = 0; c < cols; c++) {
      const x = x0 + c * step
      for (let yy = top; yy < face.browY; yy += step) {
        if (face.toSource(x, yy).y >= 0) {
          y = Math.min(y, yy)
          break
        }
      }
    }
    return { y, method: 'cut', support }
  }
  if (support < 0.4) return { y: fallbackY, method: 'estimate', support }
  found.sort((a, b) => a - b)
  // The upper third of the column edges: the crown is the top of the hair, not its shoulders.
  return { y: found[Math.floor(found.length / 3)]!, method: 'image', support }
}
