import { Tabs } from 'antd'
import { useMessages } from '@renderer/i18n/context'
import { calendarMessages } from './messages'
import { Converter } from './Converter'
import { MonthView } from './MonthView'
import { YearView } from './YearView'
import { PrintTable } from './PrintTable'
import { Schedules } from './Schedules'
import { useWorkCalendar } from './useWorkCalendar'

export function CalendarModule() {
  const t = useMessages(calendarMessages)
  const work = useWorkCalendar()
  return (
    <Tabs
      className="wrapping-tabs"
      destroyOnHidden
      items={[
        { key: 'converter', label: t('converter'), children: <Converter /> },
        { key: 'month', label: t('month'), children: <MonthView calendar={work.calendar} /> },
        { key: 'year', label: t('year'), children: <YearView calendar={work.calendar} /> },
        { key: 'table', label: t('table'), children: <PrintTable /> },
        { key: 'schedules', label: t('schedules'), children: <Schedules work={work} /> }
      ]}
    />
  )
}
