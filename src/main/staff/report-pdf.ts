import { createPdf, MM, type PdfDocument } from '../pdf/document'
import type { AwardTable } from '../../shared/staff/contract'
import { maskIdentifiersInText } from '../../shared/identifiers'
import { stationDate } from '../../shared/dates'

export interface ReportData {
  stationName: string
  awards: AwardTable
  progress: {
    officerName: string
    households: number
    persons: number
    ratio: number
    met: boolean
  }[]
  attendance: { officerName: string; daysPresent: number; late: number; earlyLeave: number }[]
  quota: { households: number; persons: number }
}

export const LEFT = 15 * MM
export const WIDTH = 180 * MM
const ROW = 6.5 * MM
const BOTTOM = 282 * MM

export const pageNumbers = (pdf: PdfDocument) => pdf.pageNumbers(LEFT, WIDTH)

/** A table with a header row; starts a new page (and repeats the header) when it runs out. */
export function table(
  pdf: PdfDocument,
  y: number,
  headers: string[],
  widths: number[],
  rows: string[][]
) {
  const { doc } = pdf
  const line = (cells: string[], bold: boolean) => {
    let x = LEFT
    cells.forEach((cell, i) => {
      pdf.text(cell, x + 1.5 * MM, y + 1.6 * MM, {
        width: widths[i]! - 3 * MM,
        lineBreak: false,
        bold
      })
      doc.rect(x, y, widths[i]!, ROW).stroke('#888888')
      x += widths[i]!
    })
    y += ROW
  }
  doc.fontSize(9)
  line(headers, true)
  for (const row of rows) {
    if (y + ROW > BOTTOM) {
      doc.addPage()
      y = 15 * MM
      line(headers, true)
    }
    line(row, false)
  }
  return y + 4 * MM
}

/** Horizontal bars, one per officer, value 0..100 (a vector chart). */
function bars(
  pdf: PdfDocument,
  y: number,
  title: string,
  items: { label: string; value: number; color: string }[]
) {
  const { doc } = pdf
  const labelWidth = 30 * MM
  const barWidth = WIDTH - labelWidth - 20 * MM
  const height = 5 * MM
  if (y + 10 * MM + items.length * (height + 1.5 * MM) > BOTTOM) {
    doc.addPage()
    y = 15 * MM
  }
  doc.fontSize(11)
  pdf.text(title, LEFT, y, { bold: true })
  y += 7 * MM
  doc.fontSize(9)
  for (const item of items) {
    pdf.text(item.label, LEFT, y + 0.8 * MM, { width: labelWidth - 2 * MM, lineBreak: false })
    doc.rect(LEFT + labelWidth, y, barWidth, height).fill('#eeeeee')
    doc
      .rect(LEFT + labelWidth, y, (barWidth * Math.max(0, Math.min(100, item.value))) / 100, height)
      .fill(item.color)
    doc.fillColor('#000000')
    pdf.text(`${item.value.toFixed(0)}%`, LEFT + labelWidth + barWidth + 2 * MM, y + 0.8 * MM)
    y += height + 1.5 * MM
  }
  return y + 4 * MM
}

/** 月度考核报告: award table, charts of on-time rate and follow-up progress, attendance. */
export async function printStaffReport(data: ReportData) {
  const { awards } = data
  const pdf = createPdf({ size: 'A4', margin: 15, title: `${awards.month} 月度考核报告` })
  const { doc } = pdf
  const name = new Map(awards.rows.map((r) => [r.officerId, r.officerName]))
  doc.fontSize(16)
  pdf.text(`${data.stationName} ${awards.month} 月度考核报告`, LEFT, 15 * MM, { bold: true })
  doc.fontSize(10)
  const c = awards.confirmation
  const chosen = c
    ? `所长确认：最佳服务标兵 ${name.get(c.bestId) ?? ''}；优质服务标兵 ${c.excellentIds.map((id) => name.get(id) ?? '').join('、')}（${c.confirmedByName}，${stationDate(new Date(c.confirmedAt))}）${c.reason ? `；理由：${maskIdentifiersInText(c.reason)}` : ''}`
    : '所长尚未确认本月评比'
  const suggested = `系统建议：最佳 ${name.get(awards.suggestion.best ?? '') ?? '—'}；优质 ${awards.suggestion.excellent.map((id) => name.get(id) ?? '').join('、') || '—'}`
  pdf.text(suggested, LEFT, 25 * MM, { width: WIDTH })
  pdf.text(chosen, LEFT, 31 * MM, { width: WIDTH })
  const w = awards.weights
  pdf.text(
    `评分权重：每件登记 ${w.entry}，按时率每 1% ${w.onTime}，完成追访定额 ${w.quotaMet}，满意度每级 ${w.satisfaction}，有责投诉每件 ${w.complaint}`,
    LEFT,
    37 * MM,
    { width: WIDTH }
  )
  let y = 46 * MM
  y = table(
    pdf,
    y,
    ['名次', '民警', '办理登记', '到期/按时', '按时率', '追访定额', '满意度', '有责投诉', '得分'],
    [12, 28, 20, 22, 18, 20, 18, 20, 22].map((n) => n * MM),
    awards.rows.map((r) => [
      String(r.rank),
      r.officerName,
      String(r.entries),
      `${r.dueEntries}/${r.onTime}`,
      `${r.onTimeRate.toFixed(1)}%`,
      r.quotaMet ? '已完成' : '未完成',
      r.satisfaction === null ? '—' : r.satisfaction.toFixed(2),
      String(r.complaintsUpheld),
      r.score.toFixed(2)
    ])
  )
  y = bars(
    pdf,
    y,
    '按时办结率（%）',
    awards.rows.map((r) => ({ label: r.officerName, value: r.onTimeRate, color: '#1677ff' }))
  )
  y = bars(
    pdf,
    y,
    `追访进度（定额 ${data.quota.households} 户 / ${data.quota.persons} 人）`,
    data.progress.map((p) => ({
      label: p.officerName,
      value: p.ratio * 100,
      color: p.met ? '#52c41a' : '#fa8c16'
    }))
  )
  if (y + 3 * ROW > BOTTOM) {
    doc.addPage()
    y = 15 * MM
  }
  doc.fontSize(11)
  pdf.text('考勤汇总', LEFT, y, { bold: true })
  table(
    pdf,
    y + 7 * MM,
    ['民警', '出勤天数', '迟到', '早退', '追访户数', '追访人数'],
    [40, 28, 28, 28, 28, 28].map((n) => n * MM),
    data.attendance.map((a) => {
      const p = data.progress.find((x) => x.officerName === a.officerName)
      return [
        a.officerName,
        String(a.daysPresent),
        String(a.late),
        String(a.earlyLeave),
        String(p?.households ?? 0),
        String(p?.persons ?? 0)
      ]
    })
  )
  const pages = pdf.pageCount()
  return { bytes: await pdf.finish(), pages, missingCharacters: [...pdf.missing] }
}
