import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import type { StatsView } from '../../shared/queue/contract'

type Row = StatsView['byDay'][number]

const header = [
  '',
  '取号',
  '办结',
  '过号',
  '等候中位数（分）',
  '等候P90（分）',
  '办理中位数（分）',
  '已评价',
  '未评价',
  '满意（基本满意及以上）',
  '满意率'
]
const cells = (r: Omit<Row, 'key'>) => [
  r.label,
  r.issued,
  r.served,
  r.missed,
  r.waitMedianMinutes ?? '',
  r.waitP90Minutes ?? '',
  r.serviceMedianMinutes ?? '',
  r.rated,
  r.unrated,
  r.satisfied,
  r.satisfactionRate ?? ''
]

/** The statistics as a workbook: one sheet per grouping and the arrivals per hour. */
export async function exportQueueStats(stats: StatsView, stationName: string, file: string) {
  mkdirSync(dirname(file), { recursive: true })
  const span = stats.from === stats.to ? stats.from : `${stats.from} 至 ${stats.to}`
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '便民窗口工作站'
  let rows = 0
  const sheet = (name: string, head: string[], body: (string | number)[][], rate = true) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] })
    ws.addRow([`${stationName} 取号叫号统计 ${span}（${name}）`]).font = { bold: true, size: 14 }
    ws.addRow(head).font = { bold: true }
    for (const row of body) ws.addRow(row)
    rows += body.length
    ws.getColumn(1).width = 18
    for (let c = 2; c <= head.length; c++) ws.getColumn(c).width = 12
    if (rate) ws.getColumn(head.length).numFmt = '0.0%'
  }
  sheet('按日', header, [...stats.byDay.map(cells), cells({ ...stats.total, label: '合计' })])
  sheet('按业务', header, stats.byService.map(cells))
  sheet('按窗口', header, stats.byWindow.map(cells))
  sheet('按民警', header, stats.byClerk.map(cells))
  sheet(
    '每小时取号',
    ['时段', '取号'],
    stats.arrivalsByHour.map((n, h) => [`${h}:00–${h + 1}:00`, n]),
    false
  )
  await workbook.xlsx.writeFile(file)
  return { rows }
}
