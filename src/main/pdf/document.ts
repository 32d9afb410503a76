import PDFDocument from 'pdfkit'
import { bundledFonts, fontChain, splitByFont, type PdfFont } from './fonts'

export const MM = 72 / 25.4

export const pageSizes = {
  A4: [210 * MM, 297 * MM],
  A5: [148 * MM, 210 * MM],
  '6inch': [152 * MM, 102 * MM]
} as const

export interface PdfOptions {
  size: keyof typeof pageSizes
  landscape?: boolean
  /** Margin in mm. */
  margin?: number
  title: string
  author?: string
}

export interface PdfDocument {
  doc: PDFKit.PDFDocument
  /** Characters that no available font could draw; report them to the clerk. */
  missing: Set<string>
  /** Writes text, switching to a rare-character font for characters the main font lacks. */
  text(
    value: string,
    x: number,
    y: number,
    options?: PDFKit.Mixins.TextOptions & { bold?: boolean }
  ): void
  /** Pages so far (pdfkit adds one by itself when text runs past the bottom margin). */
  pageCount(): number
  /** Writes 第 x 页 共 y 页 centred at the foot of every page; returns the page count. */
  pageNumbers(left: number, width: number): number
  finish(): Promise<Buffer>
}

/**
 * A PDF with the bundled CJK font embedded (subset) so names print on any machine. Page sizes are
 * exact (points = mm × 72 / 25.4): a photo sheet prints at its true physical size.
 */
export function createPdf(options: PdfOptions): PdfDocument {
  const [width, height] = pageSizes[options.size]
  const margin = (options.margin ?? 10) * MM
  const doc = new PDFDocument({
    size: [options.landscape ? height : width, options.landscape ? width : height],
    margin,
    autoFirstPage: true,
    bufferPages: true,
    info: {
      Title: options.title,
      Author: options.author ?? '便民窗口工作站',
      Creator: '便民窗口工作站'
    }
  })
  const fonts = bundledFonts()
  doc.registerFont('cjk', fonts.regular)
  doc.registerFont('cjk-bold', fonts.bold)
  const chain = fontChain()
  for (const font of chain.slice(1)) doc.registerFont(font.name, font.file, font.family)
  doc.font('cjk')
  const missing = new Set<string>()
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const fontName = (font: PdfFont | null, bold: boolean) =>
    font === null || font === chain[0] ? (bold ? 'cjk-bold' : 'cjk') : font.name

  return {
    doc,
    missing,
    text(value, x, y, { bold = false, ...textOptions } = {}) {
      const runs = splitByFont(value, chain)
      runs.forEach((run, index) => {
        if (run.font === null) for (const char of run.text) missing.add(char)
        doc.font(fontName(run.font, bold))
        const continued = index < runs.length - 1
        if (index === 0) doc.text(run.text, x, y, { ...textOptions, continued })
        else doc.text(run.text, { ...textOptions, continued })
      })
      doc.font('cjk')
    },
    pageCount: () => doc.bufferedPageRange().count,
    pageNumbers(left, width) {
      const range = doc.bufferedPageRange()
      for (let i = 0; i < range.count; i++) {
        doc.switchToPage(range.start + i)
        // The footer lies below the bottom margin: lift it, or pdfkit starts a new page for it.
        doc.page.margins.bottom = 0
        doc.fontSize(8.5)
        this.text(`第 ${i + 1} 页 共 ${range.count} 页`, left, doc.page.height - 9 * MM, {
          width,
          align: 'center',
          lineBreak: false
        })
      }
      return range.count
    },
    finish() {
      doc.end()
      return done
    }
  }
}
