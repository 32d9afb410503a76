import { daysInMonth, type WorkCalendar } from '@shared/calendar'
import { lunarLabel } from './lunarLabel'

const pad = (n: number) => String(n).padStart(2, '0')
const HEAD = ['一', '二', '三', '四', '五', '六', '日']

/** One month in the style of a Chinese wall calendar: Monday first, 休/班 markers. */
export function MonthGrid({
  year,
  month,
  calendar,
  compact = false,
  today,
  selected,
  onSelect
}: {
  year: number
  month: number
  calendar: WorkCalendar
  compact?: boolean
  today?: string
  selected?: string
  onSelect?: (date: string) => void
}) {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const offset = (first + 6) % 7
  const count = daysInMonth(year, month)
  const cells = Array.from(
    { length: Math.ceil((offset + count) / 7) * 7 },
    (_, i) => i - offset + 1
  )
  return (
    <div
      className={compact ? 'month-grid compact' : 'month-grid'}
      role="grid"
      aria-label={`${year}年${month}月`}
    >
      {HEAD.map((name, i) => (
        <div
          key={name}
          className={i >= 5 ? 'month-head weekend' : 'month-head'}
          role="columnheader"
        >
          {name}
        </div>
      ))}
      {cells.map((day, index) => {
        if (day < 1 || day > count)
          return <div key={`blank-${index}`} className="month-cell blank" />
        const date = `${year}-${pad(month)}-${pad(day)}`
        const info = calendar.dayInfo(date)
        const label = lunarLabel(date)
        const classes = [
          'month-cell',
          info.kind,
          date === today ? 'today' : '',
          date === selected ? 'selected' : ''
        ].join(' ')
        return (
          <button
            key={date}
            type="button"
            role="gridcell"
            className={classes}
            data-date={date}
            title={info.name ? `${date} ${info.name}` : date}
            onClick={() => onSelect?.(date)}
          >
            {info.kind === 'holiday' ? <span className="mark rest">休</span> : null}
            {info.kind === 'swapped-workday' ? <span className="mark work">班</span> : null}
            <span className="solar-day">{day}</span>
            <span className={`lunar-day ${label.tone}`}>{label.text}</span>
          </button>
        )
      })}
    </div>
  )
}
