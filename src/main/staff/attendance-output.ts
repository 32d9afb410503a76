import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import type { AttendanceRowView } from '../../shared/staff/contract'
import type { AttendanceDay, OfficeHours } from '../../shared/staff/attendance'
import { createPdf, MM } from '../pdf/document'
import { csvCell } from '../logbooks/output'
import { LEFT, WIDTH, pageNumbers, table } from './report-pdf'

export interface AttendanceOutput {
  stationName: string
  month: string
  hours: OfficeHours
  rows: AttendanceRowView[]
}

const weekday = (date: string) => '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()]!

/** The day's remark: 休息日, 缺勤, 迟到, 早退 (or several). */
export const dayRemark = (d: AttendanceDay) =>
  [
    !d.working && '休息日',
    d.absent && '缺勤',
    d.late && '迟到',
    d.early && '早退',
    d.working && d.firstIn && !d.lastOut && '未签退'
  ]
    .filter(Boolean)
    .join('、')

const summaryHeader = ['民警', '应出勤', '出勤天数', '迟到', '早退', '缺勤']
const summaryCells = (r: AttendanceRowView) => [
  r.officerName,
  r.workingDays,
  r.daysPresent,
  r.late,
  r.earlyLeave,
  r.absent
]
const asText = (cells: (string | number)[]) => cells.map(String)
const dayHeader = ['日期', '星期', '签到', '签退', '备注']
const dayCells = (d: AttendanceDay) => [
  d.date,
  weekday(d.date),
  d.firstIn ?? '',
  d.lastOut ?? '',
  dayRemark(d)
]

/** A4: the month's summary, then one page per officer with every day. */
export async function printAttendance(data: AttendanceOutput, file: string) {
  const title = `${data.month} 考勤表`
  const pdf = createPdf({ size: 'A4', margin: 15, title })
  const { doc } = pdf
  const heading = (subtitle: string) => {
    doc.fontSize(16)
    pdf.text(`${data.stationName} ${title}`, LEFT, 15 * MM, { bold: true })
    doc.fontSize(10)
    pdf.text(
      `${subtitle}  作息时间 ${data.hours.start}–${data.hours.end}（迟到、早退只计工作日）`,
      LEFT,
      24 * MM,
      { width: WIDTH }
    )
  }
  heading('汇总')
  table(
    pdf,
    32 * MM,
    summaryHeader,
    [50, 26, 26, 26, 26, 26].map((n) => n * MM),
    data.rows.map((r) => asText(summaryCells(r)))
  )
  for (const row of data.rows) {
    doc.addPage()
    heading(
      `民警：${row.officerName}  出勤 ${row.daysPresent} 天，迟到 ${row.late}，早退 ${row.earlyLeave}，缺勤 ${row.absent}`
    )
    table(
      pdf,
      32 * MM,
      dayHeader,
      [32, 16, 32, 32, 68].map((n) => n * MM),
      row.days.map(dayCells)
    )
  }
  const pages = pageNumbers(pdf)
  const bytes = await pdf.finish()
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, bytes)
  return { pages, rows: data.rows.length, missing: [...pdf.missing] }
}

/** xlsx: a summary sheet and a day-by-day sheet; CSV (BOM, for Excel): the summary. */
export async function exportAttendance(
  data: AttendanceOutput,
  format: 'xlsx' | 'csv',
  file: string
) {
  mkdirSync(dirname(file), { recursive: true })
  if (format === 'csv') {
    const lines = [summaryHeader, ...data.rows.map(summaryCells)].map((cells) =>
      asText(cells).map(csvCell).join(',')
    )
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`)
    return { rows: data.rows.length }
  }
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '便民窗口工作站'
  const sheet = (name: string, header: string[], rows: (string | number)[][], widths: number[]) => {
    const ws = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 2 }]
    })
    ws.addRow([`${data.stationName} ${data.month} 考勤表（${data.hours.start}–${data.hours.end}）`])
    ws.getRow(1).font = { bold: true, size: 14 }
    ws.addRow(header).font = { bold: true }
    for (const row of rows) ws.addRow(row)
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  }
  sheet('汇总', summaryHeader, data.rows.map(summaryCells), [16, 10, 10, 8, 8, 8])
  sheet(
    '明细',
    ['民警', ...dayHeader],
    data.rows.flatMap((r) => r.days.map((d) => [r.officerName, ...dayCells(d)])),
    [16, 12, 6, 10, 10, 20]
  )
  await workbook.xlsx.writeFile(file)
  return { rows: data.rows.length }
}
