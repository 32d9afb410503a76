import { Select, Space } from 'antd'
import {
  LUNAR_YEAR_MAX,
  LUNAR_YEAR_MIN,
  lunarDayName,
  lunarMonthName,
  lunarMonthsOf,
  type LunarDate
} from '@shared/calendar'
import { SearchSelect } from './SearchSelect'

const years = Array.from(
  { length: LUNAR_YEAR_MAX - LUNAR_YEAR_MIN + 1 },
  (_, i) => LUNAR_YEAR_MIN + i
)

const monthKey = (month: number, leap: boolean) => (leap ? -month : month)

/** Year / month (闰 included) / day selects that only offer lunar dates that exist. */
export function LunarPicker({
  value,
  onChange,
  idPrefix = 'lunar'
}: {
  value: LunarDate
  onChange: (value: LunarDate) => void
  idPrefix?: string
}) {
  const months = lunarMonthsOf(value.year)
  const current = months.find((m) => m.month === value.month && m.leap === value.leap) ?? months[0]!
  const change = (year: number, month: number, leap: boolean, day: number) => {
    const list = lunarMonthsOf(year)
    const target =
      list.find((m) => m.month === month && m.leap === leap) ??
      list.find((m) => m.month === month) ??
      list[0]!
    onChange({ year, month: target.month, leap: target.leap, day: Math.min(day, target.days) })
  }
  return (
    <Space wrap>
      <SearchSelect
        id={`${idPrefix}-year`}
        aria-label="农历年"
        optionFilterProp="label"
        value={value.year}
        style={{ width: 120 }}
        options={years.map((year) => ({ value: year, label: `${year}年` }))}
        onChange={(year: number) => change(year, value.month, value.leap, value.day)}
      />
      <Select
        id={`${idPrefix}-month`}
        aria-label="农历月"
        value={monthKey(current.month, current.leap)}
        style={{ width: 110 }}
        options={months.map((m) => ({
          value: monthKey(m.month, m.leap),
          label: lunarMonthName(m.month, m.leap)
        }))}
        onChange={(key: number) => change(value.year, Math.abs(key), key < 0, value.day)}
      />
      <Select
        id={`${idPrefix}-day`}
        aria-label="农历日"
        value={Math.min(value.day, current.days)}
        style={{ width: 100 }}
        options={Array.from({ length: current.days }, (_, i) => ({
          value: i + 1,
          label: lunarDayName(i + 1)
        }))}
        onChange={(day: number) => change(value.year, current.month, current.leap, day)}
      />
    </Space>
  )
}
