import { Alert, Button, Space, Typography } from 'antd'
import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { stationDate } from '@shared/dates'
import type { WorkCalendar } from '@shared/calendar'
import { useMessages } from '@renderer/i18n/context'
import { calendarMessages } from './messages'
import { MonthGrid } from './MonthGrid'

/** One month, large; PageUp/PageDown (or the buttons) move by a month. */
export function MonthView({ calendar }: { calendar: WorkCalendar }) {
  const t = useMessages(calendarMessages)
  const today = stationDate(new Date())
  const [cursor, setCursor] = useState(() => ({
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7))
  }))
  const move = (delta: number) =>
    setCursor(({ year, month }) => {
      const index = year * 12 + month - 1 + delta
      const next = { year: Math.floor(index / 12), month: (index % 12) + 1 }
      return next.year < 1901 || next.year > 2100 ? { year, month } : next
    })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'PageUp') move(-1)
      if (event.key === 'PageDown') move(1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const covered = calendar.coverage().years.includes(cursor.year)
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button
          icon={<LeftOutlined />}
          onClick={() => move(-1)}
          aria-label={t('prevMonth')}
          title="PageUp"
        />
        <Typography.Title level={3} style={{ margin: 0, minWidth: 160, textAlign: 'center' }}>
          {`${cursor.year}年${cursor.month}月`}
        </Typography.Title>
        <Button
          icon={<RightOutlined />}
          onClick={() => move(1)}
          aria-label={t('nextMonth')}
          title="PageDown"
        />
        <Button
          onClick={() =>
            setCursor({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })
          }
        >
          {t('today')}
        </Button>
      </Space>
      {!covered ? (
        <Alert type="warning" showIcon title={t('noSchedule', { year: cursor.year })} />
      ) : null}
      <MonthGrid year={cursor.year} month={cursor.month} calendar={calendar} today={today} />
    </Space>
  )
}
