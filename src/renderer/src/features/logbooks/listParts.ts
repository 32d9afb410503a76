import type { TablePaginationConfig } from 'antd'
import type { BookSpec } from '@shared/logbooks/books'
import { formatStationTime } from '@shared/logbooks/time'
import type { LogbooksT } from './messages'

export const PAGE_SIZE = 20

/** Server-side paging of an entry list; a capped count says "more than n". */
export const entryPagination = (
  t: LogbooksT,
  page: number,
  setPage: (page: number) => void,
  data: { total: number; capped: boolean }
): TablePaginationConfig => ({
  current: page,
  pageSize: PAGE_SIZE,
  total: data.total,
  showSizeChanger: false,
  onChange: setPage,
  showTotal: (n) => (data.capped ? t('totalCapped', { n }) : t('total', { n }))
})

/** The entry's time column, in station time. */
export const occurredColumn = (spec: Pick<BookSpec, 'occurredLabel'>) => ({
  title: spec.occurredLabel,
  dataIndex: 'occurredAt',
  render: (value: string) => formatStationTime(value)
})
