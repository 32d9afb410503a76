import { DatePicker, Radio, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { MAX_DATE, MIN_DATE, formatLunarDate, lunarToSolar, solarToLunar } from '@shared/calendar'
import { LunarPicker } from './LunarPicker'

const inRange = (date: string) => date >= MIN_DATE && date <= MAX_DATE

/**
 * A date field for forms that stores the Gregorian date ('YYYY-MM-DD') and lets the clerk enter it
 * as a lunar date (a resident who knows only the lunar birthday); the other calendar shows below.
 */
export function LunarDateField({
  value,
  onChange,
  id
}: {
  value?: string | null
  onChange?: (value: string | null) => void
  id?: string
}) {
  const [mode, setMode] = useState<'solar' | 'lunar'>('solar')
  const lunar = value && inRange(value) ? solarToLunar(value) : null
  return (
    <Space direction="vertical" size={4}>
      <Radio.Group
        size="small"
        value={mode}
        onChange={(event) => setMode(event.target.value as 'solar' | 'lunar')}
        options={[
          { value: 'solar', label: '公历' },
          { value: 'lunar', label: '农历' }
        ]}
        optionType="button"
      />
      {mode === 'solar' ? (
        <DatePicker
          id={id}
          value={value ? dayjs(value) : null}
          minDate={dayjs(MIN_DATE)}
          maxDate={dayjs(MAX_DATE)}
          onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
        />
      ) : (
        <LunarPicker
          idPrefix={id}
          value={lunar ?? { year: 1950, month: 1, day: 1, leap: false }}
          onChange={(next) => onChange?.(lunarToSolar(next))}
        />
      )}
      {value ? (
        <Typography.Text type="secondary">
          {mode === 'solar' ? (lunar ? `农历 ${formatLunarDate(lunar)}` : '') : `公历 ${value}`}
        </Typography.Text>
      ) : null}
    </Space>
  )
}
