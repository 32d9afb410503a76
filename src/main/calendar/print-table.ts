import {
  daysInMonth,
  lunarDayName,
  lunarMonthName,
  solarTermOn,
  solarToLunar,
  yearGanzhi,
  zodiacOf
} from '../../shared/calendar'
import { createPdf, MM } from '../pdf/document'

/** What a cell of the table says for a Gregorian day: the lunar day, or the month on its first day, and a term. */
export function tableCell(date: string): {
  text: string
  monthStart: boolean
  term: string | null
} {
  const lunar = solarToLunar(date)
  const monthStart = lunar.day === 1
  const text = monthStart ? lunarMonthName(lunar.month, lunar.leap, true) : lunarDayName(lunar.day)
  return { text, monthStart, term: solarTermOn(date) }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * 阴阳历对照表: one A4 landscape page per Gregorian year, days down, months across; each cell the
 * lunar day (the lunar month on its first day, in bold) and the solar term.
 */
export async function printLunarTable(fromYear: number, toYear: number, stationName: string) {
  const pdf = createPdf({
    size: 'A4',
    landscape: true,
    margin: 0,
    title: `公历农历对照表 ${fromYear}–${toYear}`
  })
  const { doc } = pdf
  const left = 12 * MM
  const top = 24 * MM
  const dayColumn = 10 * MM
  const columnWidth = (297 * MM - 2 * left - dayColumn) / 12
  const rowHeight = (210 * MM - top - 16 * MM) / 32
  for (let year = fromYear; year <= toYear; year++) {
    if (year > fromYear) doc.addPage()
    // The lunar year that begins in this Gregorian year names the page.
    doc.fontSize(16)
    pdf.text(
      `${year}年 公历农历对照表（农历${yearGanzhi(year)}年 · 属${zodiacOf(year)}）`,
      left,
      10 * MM,
      { bold: true }
    )
    doc.fontSize(9).fillColor('#555555')
    pdf.text(`${stationName} · 便民窗口工作站`, left, 17 * MM)
    doc.fillColor('#000000')
    doc.fontSize(9)
    for (let month = 1; month <= 12; month++) {
      pdf.text(`${month}月`, left + dayColumn + (month - 1) * columnWidth, top, {
        width: columnWidth,
        align: 'center',
        bold: true
      })
    }
    for (let day = 1; day <= 31; day++) {
      const y = top + day * rowHeight
      if (day % 2 === 0)
        doc
          .rect(left, y - 1.5, dayColumn + 12 * columnWidth, rowHeight)
          .fill('#f2f5f9')
          .fillColor('#000000')
      pdf.text(String(day), left, y, { width: dayColumn - 2, align: 'right', bold: true })
      for (let month = 1; month <= 12; month++) {
        if (day > daysInMonth(year, month)) continue
        const cell = tableCell(`${year}-${pad(month)}-${pad(day)}`)
        const label = cell.term ? `${cell.text} ${cell.term}` : cell.text
        doc.fillColor(cell.monthStart ? '#b3261e' : cell.term ? '#1d4f91' : '#000000')
        pdf.text(label, left + dayColumn + (month - 1) * columnWidth, y, {
          width: columnWidth,
          align: 'center',
          bold: cell.monthStart,
          lineBreak: false
        })
      }
      doc.fillColor('#000000')
    }
    doc.lineWidth(0.5).strokeColor('#9aa5b5')
    for (let month = 0; month <= 12; month++) {
      const x = left + dayColumn + month * columnWidth
      doc
        .moveTo(x, top - 2)
        .lineTo(x, top + 32 * rowHeight - 2)
        .stroke()
    }
    doc.fontSize(8).fillColor('#555555')
    pdf.text(
      '红色粗体为农历月首（闰月标“闰”），蓝色为节气。依据香港天文台《公历与农历日期对照表》，节气日期以东八区计。',
      left,
      210 * MM - 12 * MM
    )
    pdf.text(`第 ${year - fromYear + 1} 页`, 297 * MM - left - 30 * MM, 210 * MM - 12 * MM, {
      width: 30 * MM,
      align: 'right'
    })
    doc.fillColor('#000000')
  }
  const pages = pdf.pageCount()
  const bytes = await pdf.finish()
  return { bytes, pages, missingCharacters: [...pdf.missing] }
}
