import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import { books, statusLabel, type BookKey, type FieldSpec } from '../../shared/logbooks/books'
import type { EntryView } from '../../shared/logbooks/contract'
import { maskIdNumber, maskName, maskPhone } from '../../shared/logbooks/mask'
import { maskIdentifiersInText } from '../../shared/identifiers'
import { formatStationTime } from '../../shared/logbooks/time'
import { timeliness } from '../../shared/logbooks/deadline'
import { createPdf, MM } from '../pdf/document'
import type { LogbooksRepo } from './logbooks-repo'

/** Lookups that turn stored ids into the names a printout shows. */
export interface Names {
  operator: (id: string) => string
  committee: (id: string) => string
}

interface Column {
  label: string
  width: number
  value: (entry: EntryView) => string
}

function fieldText(field: FieldSpec, value: unknown, names: Names, full: boolean): string {
  if (value === undefined || value === null || value === '') return ''
  switch (field.kind) {
    case 'name':
      return full ? String(value) : maskName(String(value))
    case 'phone':
      return full ? String(value) : maskPhone(String(value))
    case 'datetime':
      return formatStationTime(String(value))
    case 'select':
      return field.options?.find((o) => o.value === value)?.label ?? String(value)
    case 'operator':
      return names.operator(String(value))
    case 'operators':
      return (value as string[]).map(names.operator).join('、')
    case 'committee':
      return names.committee(String(value))
    case 'parties':
      return (value as { name: string; idNumber?: string; phone?: string }[])
        .map((p) =>
          [
            full ? p.name : maskName(p.name),
            p.idNumber && (full ? p.idNumber : maskIdNumber(p.idNumber)),
            p.phone && (full ? p.phone : maskPhone(p.phone))
          ]
            .filter(Boolean)
            .join(' ')
        )
        .join('\n')
    default:
      // Free text may hold a full ID or phone number typed by the clerk: masked like the fields.
      return full ? String(value) : maskIdentifiersInText(String(value))
  }
}

/** The paper book's columns: time, its own fields, status, deadline, recorder, director. */
/** `now`: the time 是否按时 is judged at for steps not yet done (the services' clock). */
export function columnsOf(
  book: BookKey,
  names: Names,
  full: boolean,
  now = new Date().toISOString()
): Column[] {
  const spec = books[book]
  const columns: Column[] = [
    { label: spec.occurredLabel, width: 26, value: (e) => formatStationTime(e.occurredAt) },
    ...spec.fields
      .filter((f) => f.printWidth)
      .map((f) => ({
        label: f.label,
        width: f.printWidth!,
        value: (e: EntryView) => fieldText(f, e.fields[f.key], names, full)
      })),
    { label: '状态', width: 14, value: (e) => statusLabel(book, e.status) }
  ]
  if (spec.defaultRule || spec.deadline) {
    columns.push({
      label: '承诺期限',
      width: 26,
      value: (e) => (e.dueAt ? formatStationTime(e.dueAt) : '')
    })
  }
  if (spec.metBy) {
    const metBy = spec.metBy
    columns.push({
      label: '是否按时',
      width: 18,
      value: (e) => timeliness(e.dueAt, e.fields[metBy], now).label
    })
  }
  columns.push(
    { label: '记录人签字', width: 21, value: (e) => e.createdByName ?? '' },
    {
      label: '所长签字',
      width: 26,
      value: (e) => (e.signedAt ? `${e.signedByName ?? ''}\n${formatStationTime(e.signedAt)}` : '')
    }
  )
  return columns
}

export interface OutputRequest {
  book: BookKey
  from: string
  to: string
  full: boolean
  stationName: string
  names: Names
  /** The services' clock, for 是否按时 of steps not yet done. */
  now: string
}

/** A4 landscape, the paper book's table: heading with station and range, page x of y. */
export async function printPdf(repo: LogbooksRepo, request: OutputRequest, file: string) {
  const spec = books[request.book]
  const pdf = createPdf({ size: 'A4', landscape: true, margin: 10, title: spec.paperTitle })
  const { doc } = pdf
  const left = 10 * MM
  const usable = doc.page.width - 20 * MM
  const bottom = doc.page.height - 14 * MM
  const columns = [
    { label: '序号', width: 10, value: () => '' },
    ...columnsOf(request.book, request.names, request.full, request.now)
  ]
  const scale = usable / columns.reduce((sum, c) => sum + c.width, 0)
  const widths = columns.map((c) => c.width * scale)
  const pad = 1.2 * MM
  const fontSize = 8.5

  const heading = () => {
    pdf.text(spec.paperTitle, left, 9 * MM, { width: usable, align: 'center', bold: true })
    doc.fontSize(9)
    pdf.text(request.stationName, left, 17 * MM, { width: usable / 2 })
    pdf.text(`${request.from} 至 ${request.to}`, left + usable / 2, 17 * MM, {
      width: usable / 2,
      align: 'right'
    })
    doc.fontSize(16)
  }
  const drawRow = (cells: string[], y: number, bold: boolean) => {
    doc.fontSize(fontSize)
    const height =
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad }))
      ) +
      2 * pad
    return {
      height,
      draw: () => {
        let x = left
        cells.forEach((cell, i) => {
          doc.rect(x, y, widths[i]!, height).lineWidth(0.6).stroke()
          pdf.text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, bold })
          x += widths[i]!
        })
      }
    }
  }
  const header = columns.map((c) => c.label)
  let y = 0
  const newPage = (first: boolean) => {
    if (!first) doc.addPage()
    doc.fontSize(16)
    heading()
    y = 23 * MM
    const row = drawRow(header, y, true)
    row.draw()
    y += row.height
  }
  newPage(true)
  let count = 0
  for (const batch of repo.range(request.book, request.from, request.to)) {
    for (const entry of batch) {
      count += 1
      const cells = columns.map((c, i) => (i === 0 ? String(count) : c.value(entry)))
      let row = drawRow(cells, y, false)
      if (y + row.height > bottom) {
        newPage(false)
        row = drawRow(cells, y, false)
      }
      row.draw()
      y += row.height
    }
  }
  if (count === 0)
    pdf.text('（本期间无记录）', left, y + 4 * MM, { width: usable, align: 'center' })
  const pages = pdf.pageNumbers(left, usable)
  const buffer = await pdf.finish()
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, buffer, { mode: 0o600 })
  return { pages, rows: count, missing: [...pdf.missing] }
}

/** A spreadsheet takes a cell starting with these as a formula (a tab or CR may precede one). */
const FORMULA_START = /^[=+\-@\t\r]/

export const csvCell = (value: string) =>
  /[",\n\r]/.test(value) || FORMULA_START.test(value)
    ? `"${(FORMULA_START.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`
    : value

/** xlsx (streamed, so 100,000 rows stay in little memory) or CSV with a BOM for Excel. */
export async function exportRows(
  repo: LogbooksRepo,
  request: OutputRequest,
  format: 'xlsx' | 'csv',
  file: string
) {
  const columns = columnsOf(request.book, request.names, request.full, request.now)
  mkdirSync(dirname(file), { recursive: true })
  let rows = 0
  if (format === 'csv') {
    const out = createWriteStream(file, { mode: 0o600 })
    out.write(`\uFEFF${columns.map((c) => csvCell(c.label)).join(',')}\r\n`)
    for (const batch of repo.range(request.book, request.from, request.to)) {
      const lines = batch.map((e) => columns.map((c) => csvCell(c.value(e))).join(',')).join('\r\n')
      rows += batch.length
      if (!out.write(`${lines}\r\n`)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    return { rows }
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true })
  const sheet = workbook.addWorksheet(books[request.book].title, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0
    },
    views: [{ state: 'frozen', ySplit: 1 }]
  })
  sheet.columns = columns.map((c) => ({ header: c.label, width: Math.round(c.width / 2) + 4 }))
  sheet.getRow(1).font = { bold: true }
  // One shared style object for every body cell: exceljs caches a style's id per object, while
  // the fresh object each new cell gets would be hashed again, cell by cell.
  const plain = {}
  for (const batch of repo.range(request.book, request.from, request.to)) {
    for (const entry of batch) {
      const row = sheet.addRow(columns.map((c) => c.value(entry)))
      row.eachCell((cell) => {
        cell.style = plain
      })
      row.commit()
    }
    rows += batch.length
  }
  sheet.commit()
  await workbook.commit()
  chmodSync(file, 0o600)
  return { rows }
}
