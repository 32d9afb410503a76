import QRCode from 'qrcode'
import { AppError } from '../../shared/errors'
import type { PaperSize } from '../../shared/guide/contract'
import { checklistText, type Checklist } from '../../shared/guide/checklist'
import { createPdf, MM, pageSizes } from '../pdf/document'

/**
 * The resident's one-page checklist: large type for an elderly reader, shrunk step by step only
 * as far as a floor that is still easy to read; a list that cannot fit at the floor is refused
 * rather than cut off.
 */

const paper = {
  A4: { margin: 15, body: 18, floor: 13, qr: 42 },
  A5: { margin: 10, body: 15, floor: 12, qr: 34 }
} as const

interface Block {
  text: string
  /** Size relative to the body size. */
  scale: number
  bold?: boolean
  box?: boolean
  gapBefore?: number
  indent?: number
}

function blocksOf(list: Checklist): { top: Block[]; bottom: Block[] } {
  const top: Block[] = []
  if (list.sample)
    top.push({ text: `【示例】${list.sampleNotice}`, scale: 0.8, bold: true, box: true })
  top.push({ text: `${list.title}：${list.business}`, scale: 1.5, bold: true, gapBefore: 0.6 })
  if (list.conditions.length)
    top.push({ text: `适用情形：${list.conditions.join('、')}`, scale: 1, gapBefore: 0.3 })
  top.push({ text: '请携带以下材料（原件）：', scale: 1.1, bold: true, gapBefore: 0.6 })
  list.materials.forEach((item, index) =>
    top.push({ text: `□ ${index + 1}. ${item}`, scale: 1.1, gapBefore: 0.25, indent: 0.5 })
  )
  if (list.otherConditions)
    top.push({
      text: `其他情形另需材料 ${list.otherConditions} 类，如有请向窗口咨询。`,
      scale: 0.85,
      gapBefore: 0.3,
      indent: 0.5
    })
  list.limits.forEach((line, index) =>
    top.push({
      text: `${line.label}：${line.value}`,
      scale: 0.9,
      gapBefore: index === 0 ? 0.6 : 0.2
    })
  )
  const bottom: Block[] = [
    ...list.office.map((line) => ({
      text: `${line.label}：${line.value}`,
      scale: 0.9,
      gapBefore: 0.2
    })),
    { text: `打印日期：${list.date}`, scale: 0.9, gapBefore: 0.2 }
  ]
  return { top, bottom }
}

export interface ChecklistPdf {
  bytes: Buffer
  pages: number
  text: string
  bodySize: number
  missingCharacters: string[]
}

export async function renderChecklistPdf(list: Checklist, size: PaperSize): Promise<ChecklistPdf> {
  const spec = paper[size]
  const text = checklistText(list)
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const pdf = createPdf({ size, margin: spec.margin, title: `${list.title}：${list.business}` })
  const { doc } = pdf
  const [pageWidth, pageHeight] = pageSizes[size]
  const margin = spec.margin * MM
  const width = pageWidth - 2 * margin
  const qrSize = spec.qr * MM
  const { top, bottom } = blocksOf(list)
  const bottomWidth = width - qrSize - 4 * MM

  const heightOf = (block: Block, body: number, blockWidth: number) => {
    doc.font(block.bold ? 'cjk-bold' : 'cjk').fontSize(body * block.scale)
    const inner = blockWidth - (block.indent ?? 0) * body - (block.box ? body : 0)
    return (
      (block.gapBefore ?? 0) * body +
      doc.heightOfString(block.text, { width: inner, lineGap: body * 0.25 }) +
      (block.box ? body * 0.6 : 0)
    )
  }
  const sum = (blocks: Block[], body: number, blockWidth: number) =>
    blocks.reduce((total, block) => total + heightOf(block, body, blockWidth), 0)

  const available = pageHeight - 2 * margin
  let body: number = spec.body
  const fits = (candidate: number) =>
    sum(top, candidate, width) +
      Math.max(sum(bottom, candidate, bottomWidth), qrSize + candidate * 1.4) +
      candidate <=
    available
  while (body > spec.floor && !fits(body)) body -= 0.5
  if (!fits(body)) throw new AppError('CONFLICT', `材料过多，${size} 一页放不下，请改用 A4 纸`)

  const draw = (blocks: Block[], startY: number, blockWidth: number) => {
    let y = startY
    for (const block of blocks) {
      y += (block.gapBefore ?? 0) * body
      const fontSize = body * block.scale
      const pad = block.box ? body * 0.5 : 0
      const x = margin + (block.indent ?? 0) * body + pad
      const inner = blockWidth - (block.indent ?? 0) * body - 2 * pad
      doc.font(block.bold ? 'cjk-bold' : 'cjk').fontSize(fontSize)
      const height = doc.heightOfString(block.text, { width: inner, lineGap: body * 0.25 })
      if (block.box) {
        doc
          .lineWidth(1.5)
          .rect(margin, y, blockWidth, height + pad + body * 0.3)
          .stroke()
        y += pad * 0.6
      }
      doc.fontSize(fontSize)
      pdf.text(block.text, x, y, {
        width: inner,
        lineGap: body * 0.25,
        bold: block.bold ?? false
      })
      y += height + (block.box ? body * 0.6 : 0)
    }
    return y
  }

  draw(top, margin, width)
  const bottomHeight = Math.max(sum(bottom, body, bottomWidth), qrSize + body * 1.4)
  const bottomTop = pageHeight - margin - bottomHeight
  doc
    .lineWidth(0.8)
    .moveTo(margin, bottomTop - body * 0.4)
    .lineTo(margin + width, bottomTop - body * 0.4)
    .stroke()
  draw(bottom, bottomTop, bottomWidth)

  // The QR code as vector squares: sharp at any printer resolution.
  const modules = qr.modules
  const cell = qrSize / modules.size
  const qrX = margin + width - qrSize
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(qrX + col * cell, bottomTop + row * cell, cell, cell)
    }
  }
  doc.fill('black')
  doc.font('cjk').fontSize(body * 0.7)
  pdf.text('扫码保存本清单', qrX, bottomTop + qrSize + body * 0.2, {
    width: qrSize,
    align: 'center'
  })

  const pages = doc.bufferedPageRange().count
  const bytes = await pdf.finish()
  return { bytes, pages, text, bodySize: body, missingCharacters: [...pdf.missing] }
}
