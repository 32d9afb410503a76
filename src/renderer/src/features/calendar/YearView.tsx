import { Button, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { yearGanzhi, zodiacOf, type WorkCalendar } from '@shared/calendar'
import { stationDate } from '@shared/dates'
import { MonthGrid } from './MonthGrid'

/** Twelve months at a glance, like the year page of a wall calendar. */
export function YearView({ calendar }: { calendar: WorkCalendar }) {
  const today = stationDate(new Date())
  const [year, setYear] = useState(Number(today.slice(0, 4)))
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => setYear((y) => Math.max(1901, y - 1))}>‹</Button>
        <InputNumber
          aria-label="年份"
          min={1901}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        <Button onClick={() => setYear((y) => Math.min(2100, y + 1))}>›</Button>
        <Typography.Text
          strong
        >{`农历${yearGanzhi(year)}年 · 属${zodiacOf(year)}`}</Typography.Text>
      </Space>
      <div className="year-grid">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="year-month">
            <div className="year-month-title">{`${i + 1}月`}</div>
            <MonthGrid year={year} month={i + 1} calendar={calendar} compact today={today} />
          </div>
        ))}
      </div>
    </Space>
  )
}
