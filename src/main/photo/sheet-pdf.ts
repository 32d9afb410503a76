import { createPdf, MM } from '../pdf/document'
import {
  layoutSheet,
  sheetDefaults,
  type SheetLayout,
  type SheetOptions
} from '../../shared/photo/sheet'

export interface SheetPhoto {
  /** The finished JPEG, placed at exactly its print size. */
  jpeg: Buffer
  widthMm: number
  heightMm: number
  copies: number
}

/** Length of a cut mark and its distance from the photo, mm. */
const MARK_MM = 2
const MARK_GAP_MM = 0.4

/**
 * A print sheet PDF: the photos laid out by `layoutSheet` at their true physical size (the page is
 * the paper size in points, 72 per inch), with cut marks at every photo's corners.
 */
export async function renderSheet(
  photos: SheetPhoto[],
  options: SheetOptions & { title: string }
): Promise<{ pdf: Buffer; layout: SheetLayout }> {
  const layout = layoutSheet(
    photos.map((p, i) => ({
      key: String(i),
      widthMm: p.widthMm,
      heightMm: p.heightMm,
      copies: p.copies
    })),
    options
  )
  const pdf = createPdf({ size: options.size, margin: 0, title: options.title })
  const { doc } = pdf
  const gap = options.gapMm ?? sheetDefaults.gapMm
  doc.lineWidth(0.3).strokeColor('#000000')
  let page = 0
  for (const slot of layout.slots) {
    while (slot.page > page) {
      doc.addPage()
      page++
    }
    const x = slot.x * MM
    const y = slot.y * MM
    const w = slot.widthMm * MM
    const h = slot.heightMm * MM
    doc.image(photos[Number(slot.key)]!.jpeg, x, y, { width: w, height: h })
    // Marks stay within half the gap so they never reach a neighbouring photo.
    const near = MARK_GAP_MM * MM
    const far = Math.min(MARK_GAP_MM + MARK_MM, gap / 2) * MM
    if (far <= near) continue
    for (const [cx, cy, dx, dy] of [
      [x, y, -1, -1],
      [x + w, y, 1, -1],
      [x, y + h, -1, 1],
      [x + w, y + h, 1, 1]
    ] as const) {
      doc
        .moveTo(cx + dx * near, cy)
        .lineTo(cx + dx * far, cy)
        .stroke()
      doc
        .moveTo(cx, cy + dy * near)
        .lineTo(cx, cy + dy * far)
        .stroke()
    }
  }
  return { pdf: await pdf.finish(), layout }
}
