import ExcelJS from 'exceljs'
import { createReadStream } from 'node:fs'
import type { ImportMapping } from '../../shared/address/contract'
import { createCsvReader, parseCsv } from './csv'
import { unsafeTextMessage } from '../../shared/text-safety'

/** Reading CSV/XLSX tables for import: rows as strings, the header's column mapping, row checks. */

export type Batches = AsyncIterable<string[][]>

const SYNONYMS: Record<keyof ImportMapping, string[]> = {
  old: ['旧地址', '原地址', '老地址', '变更前地址', '变更前', '旧门牌', 'old', 'oldaddress'],
  new: ['新地址', '现地址', '变更后地址', '变更后', '新门牌', 'new', 'newaddress'],
  effective: ['生效日期', '变更日期', '日期', '时间', '年份', 'effective', 'date', 'year'],
  source: ['依据', '文号', '批准文号', '来源', '文件', 'source', 'document'],
  note: ['备注', '说明', 'note', 'notes', 'remark']
}

const clean = (s: string) => s.replace(/[\s_（）()]/g, '').toLowerCase()

/** Guesses the mapping from the header; null when old or new cannot be found. */
export function guessMapping(headers: string[]): ImportMapping | null {
  const find = (field: keyof ImportMapping) => {
    const index = headers.findIndex((h) => SYNONYMS[field].includes(clean(h)))
    return index === -1 ? null : index
  }
  const old = find('old')
  const next = find('new')
  if (old === null || next === null) return null
  return {
    old,
    new: next,
    effective: find('effective'),
    source: find('source'),
    note: find('note')
  }
}

/** `old=旧地址,new=新地址,effective=3`: a header name or a 1-based column number per field. */
export function parseMappingArg(arg: string, headers: string[]): ImportMapping {
  const mapping: ImportMapping = { old: -1, new: -1, effective: null, source: null, note: null }
  for (const pair of arg.split(',')) {
    const [field, value] = pair.split('=').map((s) => s.trim())
    if (!field || !value || !(field in mapping)) throw new Error(`无法识别的映射：${pair}`)
    const index = /^\d+$/.test(value) ? Number(value) - 1 : headers.indexOf(value)
    if (index < 0 || index >= headers.length) throw new Error(`找不到列：${value}`)
    mapping[field as keyof ImportMapping] = index
  }
  if (mapping.old < 0 || mapping.new < 0) throw new Error('映射必须包含 old 和 new')
  return mapping
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 2003-05-20, 2003/5/20, 2003.5.20, 20030520, 2003-05, 2003 → ISO (or null when invalid). */
export function normalizeDate(value: string): string | null {
  const v = value.trim()
  let m = /^(\d{4})$/.exec(v)
  if (m) return m[1]!
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(v)
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : null
  m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:T.*)?$/.exec(v)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  return `${y}-${pad(mo)}-${pad(d)}`
}

export interface CheckedRow {
  oldText: string
  newText: string
  effective: string | null
  source: string | null
  note: string | null
}

/** Checks one data row; returns the row or the reason it cannot be imported. */
export function checkRow(cells: string[], mapping: ImportMapping): CheckedRow | string {
  const at = (index: number | null) => (index === null ? '' : (cells[index] ?? '').trim())
  const oldText = at(mapping.old)
  const newText = at(mapping.new)
  if (!oldText) return '旧地址为空'
  if (!newText) return '新地址为空'
  if (oldText.length > 300 || newText.length > 300) return '地址超过 300 个字符'
  if (oldText === newText) return '新旧地址相同'
  const rawDate = at(mapping.effective)
  const effective = rawDate ? normalizeDate(rawDate) : null
  if (rawDate && !effective) return `日期无效：${rawDate}`
  const source = at(mapping.source)
  const note = at(mapping.note)
  if (source.length > 200) return '依据超过 200 个字符'
  if (note.length > 500) return '备注超过 500 个字符'
  // As typed text is checked: a NUL, for one, is refused by the station server for good.
  for (const [label, value] of [
    ['旧地址', oldText],
    ['新地址', newText],
    ['依据', source],
    ['备注', note]
  ] as const) {
    const unsafe = unsafeTextMessage(value)
    if (unsafe) return `${label}${unsafe}`
  }
  return { oldText, newText, effective, source: source || null, note: note || null }
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
  }
  return String(value)
}

export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[]
    rows.push(values.slice(1).map(cellText))
  })
  return rows
}

const isXlsx = (name: string) => /\.xlsx$/i.test(name)

/** All rows of an in-memory file (CSV text or XLSX base64), header first. */
export async function readTable(name: string, content: string): Promise<string[][]> {
  if (isXlsx(name)) return readXlsx(Buffer.from(content, 'base64'))
  return parseCsv(content)
}

/**
 * A file on disk as batches of rows (CSV streamed in 128 KiB chunks, ~1,000 rows: a batch's
 * objects die young instead of being promoted, which keeps the import's heap small; XLSX read whole).
 */
export async function* fileBatches(path: string, batchSize = 5000): Batches {
  if (isXlsx(path)) {
    const { readFile } = await import('node:fs/promises')
    const rows = await readXlsx(await readFile(path))
    for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize)
    return
  }
  const reader = createCsvReader()
  let first = true
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 17 })) {
    let text = chunk as string
    if (first) text = text.replace(/^\uFEFF/, '')
    first = false
    const rows = reader.feed(text)
    if (rows.length) yield rows
  }
  const rest = reader.end()
  if (rest.length) yield rest
}

/**
 * The number of data rows of a file on disk, for the progress bar: for CSV the line breaks counted
 * over the raw bytes (a quoted line break counts too, so an upper bound), less the header; for
 * XLSX the sheet's rows.
 */
export async function countDataRows(path: string): Promise<number> {
  if (isXlsx(path)) {
    const { readFile } = await import('node:fs/promises')
    return Math.max(0, (await readXlsx(await readFile(path))).length - 1)
  }
  let lines = 0
  let last = 0x0a
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines += 1
    if (bytes.length) last = bytes[bytes.length - 1]!
  }
  if (last !== 0x0a) lines += 1
  return Math.max(0, lines - 1)
}

export async function* memoryBatches(rows: string[][], batchSize = 2000): Batches {
  for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize)
}
