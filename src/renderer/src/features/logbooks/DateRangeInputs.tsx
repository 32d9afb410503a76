import { Input } from 'antd'
import type { LogbooksT } from './messages'

/** From/to date inputs of a list's filter bar. */
export function DateRangeInputs<F extends { from: string; to: string }>({
  t,
  filter,
  setFilter
}: {
  t: LogbooksT
  filter: F
  setFilter: (filter: F) => void
}) {
  return (
    <>
      <Input
        type="date"
        aria-label={t('from')}
        value={filter.from}
        onChange={(e) => setFilter({ ...filter, from: e.target.value })}
      />
      <Input
        type="date"
        aria-label={t('to')}
        value={filter.to}
        onChange={(e) => setFilter({ ...filter, to: e.target.value })}
      />
    </>
  )
}
