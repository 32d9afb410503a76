/** Print-sheet arithmetic, all in millimetres: a photo's slot is exactly its print size. */

export const sheetSizes = {
  '6inch': { widthMm: 152, heightMm: 102, label: '6 寸（152×102 mm）' },
  A4: { widthMm: 210, heightMm: 297, label: 'A4（210×297 mm）' }
} as const
export type SheetSize = keyof typeof sheetSizes

export interface SheetItem {
  /** Caller's key (e.g. the photo file); copied to each slot. */
  key: string
  widthMm: number
  heightMm: number
  copies: number
}

export interface Slot {
  key: string
  page: number
  x: number
  y: number
  widthMm: number
  heightMm: number
}

export interface SheetLayout {
  pageWidthMm: number
  pageHeightMm: number
  pages: number
  slots: Slot[]
  /** Copies that fit on no page (a photo larger than the printable area). */
  unplaced: { key: string; copies: number }[]
}

/** Margin and gap used when none is chosen, mm. */
export const sheetDefaults = { marginMm: 4, gapMm: 2 } as const

export interface SheetOptions {
  size: SheetSize
  marginMm?: number
  gapMm?: number
}

/**
 * Lays photos in rows (shelves), tallest first so mixed sizes pack tightly, left to right and top
 * to bottom, opening a new page when the current one is full.
 */
export function layoutSheet(items: SheetItem[], options: SheetOptions): SheetLayout {
  const { widthMm: pageW, heightMm: pageH } = sheetSizes[options.size]
  const margin = options.marginMm ?? sheetDefaults.marginMm
  const gap = options.gapMm ?? sheetDefaults.gapMm
  const right = pageW - margin
  const bottom = pageH - margin
  const copies = items
    .flatMap((item) => Array.from({ length: item.copies }, () => item))
    .sort((a, b) => b.heightMm - a.heightMm)
  const slots: Slot[] = []
  const unplaced = new Map<string, number>()
  let page = 0
  let x = margin
  let y = margin
  let rowHeight = 0
  for (const item of copies) {
    if (item.widthMm > right - margin || item.heightMm > bottom - margin) {
      unplaced.set(item.key, (unplaced.get(item.key) ?? 0) + 1)
      continue
    }
    if (x + item.widthMm > right + 1e-9) {
      x = margin
      y += rowHeight + gap
      rowHeight = 0
    }
    if (y + item.heightMm > bottom + 1e-9) {
      page += 1
      x = margin
      y = margin
      rowHeight = 0
    }
    slots.push({ key: item.key, page, x, y, widthMm: item.widthMm, heightMm: item.heightMm })
    x += item.widthMm + gap
    rowHeight = Math.max(rowHeight, item.heightMm)
  }
  return {
    pageWidthMm: pageW,
    pageHeightMm: pageH,
    pages: slots.length ? page + 1 : 0,
    slots,
    unplaced: [...unplaced].map(([key, n]) => ({ key, copies: n }))
  }
}

/** How many copies of one size fill one page. */
export const perPage = (widthMm: number, heightMm: number, options: SheetOptions) =>
  layoutSheet([{ key: 'x', widthMm, heightMm, copies: 500 }], options).slots.filter(
    (s) => s.page === 0
  ).length
