import { App, Button, Input, Select, Space, Table } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { bookKeys, books, statusLabel, type BookKey } from '@shared/logbooks/books'
import type { EntryView } from '@shared/logbooks/contract'
import type { LogbooksT } from './messages'
import { DateRangeInputs } from './DateRangeInputs'
import { entryPagination, occurredColumn, PAGE_SIZE } from './listParts'

/** The director's queue: current entries of one logbook not yet signed, signed from the list. */
export function SignOffList({ t, onOpen }: { t: LogbooksT; onOpen: (entry: EntryView) => void }) {
  const { locale } = useI18n()
  const { message } = App.useApp()
  const [book, setBook] = useState<BookKey>('phone')
  const [filter, setFilter] = useState({ from: '', to: '', text: '' })
  const [page, setPage] = useState(1)
  const [password, setPassword] = useState('')
  const [data, setData] = useState<{ total: number; capped: boolean; rows: EntryView[] }>({
    total: 0,
    capped: false,
    rows: []
  })
  const load = useCallback(
    () =>
      unwrap(
        api.logbooks.list({
          book,
          unsigned: true,
          sort: 'occurredAt',
          order: 'asc',
          page,
          pageSize: PAGE_SIZE,
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
          ...(filter.text.trim() ? { text: filter.text.trim() } : {})
        })
      ).then(setData),
    [book, page, filter.from, filter.to, filter.text]
  )
  useEffect(() => {
    void load()
  }, [load])

  const sign = async (entry: EntryView) => {
    if (!password) {
      message.warning(t('password'))
      return
    }
    try {
      await unwrap(api.logbooks.signOff({ book: entry.book, id: entry.id, password }))
      message.success(t('signedOne'))
      await load()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const spec = books[book]
  const first = spec.fields.find((f) => f.kind === 'name' || f.kind === 'text')!
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="signoff-list">
      <Space wrap>
        <Select
          aria-label={t('book')}
          style={{ width: 180 }}
          value={book}
          onChange={(value) => {
            setBook(value)
            setPage(1)
          }}
          options={bookKeys.map((key) => ({
            value: key,
            label: locale === 'zh-CN' ? books[key].title : books[key].titleEn
          }))}
        />
        <DateRangeInputs t={t} filter={filter} setFilter={setFilter} />
        <Input.Search
          placeholder={t('search')}
          allowClear
          maxLength={100}
          onSearch={(text) => setFilter({ ...filter, text })}
          style={{ width: 200 }}
        />
        <Input.Password
          aria-label={t('password')}
          placeholder={t('password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          style={{ width: 220 }}
        />
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={data.rows}
        pagination={entryPagination(t, page, setPage, data)}
        columns={[
          occurredColumn(spec),
          {
            title: first.label,
            render: (_: unknown, r: EntryView) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(r)}>
                {String(r.fields[first.key] ?? '')}
              </Button>
            )
          },
          { title: t('status'), dataIndex: 'status', render: (s: string) => statusLabel(book, s) },
          { title: t('recorder'), dataIndex: 'createdByName' },
          {
            title: t('signOff'),
            render: (_: unknown, r: EntryView) => (
              <Button type="primary" size="small" onClick={() => sign(r)}>
                {t('signOff')}
              </Button>
            )
          }
        ]}
      />
    </Space>
  )
}
