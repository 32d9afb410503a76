import { App, Input, Modal, Select, Space, Table, type InputRef, type TableProps } from 'antd'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import type { ChangeView } from '@shared/address/contract'
import { addressMessages } from './messages'

type Origin = ChangeView['origin']
type Sort = 'recent' | 'effectiveDesc' | 'effectiveAsc'

const PAGE_SIZE = 20

/**
 * The whole table, a page at a time: filter by text and source, the station's own rows by default,
 * newest or by effective date. ↑/↓ move, PageUp/PageDown turn pages, Enter edits the row.
 */
export function TableBrowser(props: {
  onEdit: (change: ChangeView) => void
  onClose: () => void
  /** Bumped by the parent after an edit, to reload the page. */
  version: number
}) {
  const t = useMessages(addressMessages)
  const { message } = App.useApp()
  const [text, setText] = useState('')
  const [source, setSource] = useState('')
  const [origin, setOrigin] = useState<Origin | 'all'>('station')
  const [sort, setSort] = useState<Sort>('recent')
  const [page, setPage] = useState(1)
  const [data, setData] = useState<{ total: number; rows: ChangeView[] }>({ total: 0, rows: [] })
  const [selected, setSelected] = useState(0)
  const [loading, setLoading] = useState(false)
  const textInput = useRef<InputRef>(null)

  const load = useCallback(() => {
    setLoading(true)
    unwrap(
      api.address.list({
        page,
        pageSize: PAGE_SIZE,
        ...(origin === 'all' ? {} : { origin }),
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
        sort
      })
    )
      .then((found) => {
        setData(found)
        setSelected((s) => Math.min(s, Math.max(0, found.rows.length - 1)))
      })
      .catch((error: unknown) => message.error(errorMessage(error)))
      .finally(() => setLoading(false))
  }, [page, origin, text, source, sort, message])

  useEffect(() => {
    const timer = setTimeout(load, 150)
    return () => clearTimeout(timer)
  }, [load, props.version])
  useEffect(() => textInput.current?.focus(), [])

  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE))
  const turn = (to: number) => {
    setPage(Math.min(pages, Math.max(1, to)))
    setSelected(0)
  }
  const filterChanged =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(1)
      setSelected(0)
    }

  const onKeyDown = (event: KeyboardEvent) => {
    const row = data.rows[selected]
    if (event.key === 'ArrowDown') setSelected((s) => Math.min(data.rows.length - 1, s + 1))
    else if (event.key === 'ArrowUp') setSelected((s) => Math.max(0, s - 1))
    else if (event.key === 'PageDown') turn(page + 1)
    else if (event.key === 'PageUp') turn(page - 1)
    else if (event.key === 'Enter' && row) props.onEdit(row)
    else return
    event.preventDefault()
  }

  const columns: TableProps<ChangeView>['columns'] = [
    { title: t('oldAddress'), dataIndex: 'oldText' },
    { title: t('newAddress'), dataIndex: 'newText' },
    { title: t('effective'), dataIndex: 'effective', width: 130 },
    { title: t('source'), dataIndex: 'source', width: 200 },
    { title: t('note'), dataIndex: 'note', width: 160 },
    {
      title: t('origin'),
      dataIndex: 'origin',
      width: 110,
      render: (value: Origin) => t(`origin.${value}`)
    }
  ]

  return (
    <Modal
      open
      width="90vw"
      title={t('browseTitle', { total: data.total })}
      footer={null}
      onCancel={props.onClose}
    >
      <div onKeyDown={onKeyDown} data-testid="address-browse">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            ref={textInput}
            allowClear
            placeholder={t('browseText')}
            value={text}
            onChange={(e) => filterChanged(setText)(e.target.value)}
            style={{ width: 260 }}
            data-testid="address-browse-text"
          />
          <Input
            allowClear
            placeholder={t('browseSource')}
            value={source}
            onChange={(e) => filterChanged(setSource)(e.target.value)}
            style={{ width: 200 }}
            data-testid="address-browse-source"
          />
          <Select<Origin | 'all'>
            value={origin}
            onChange={filterChanged(setOrigin)}
            style={{ width: 140 }}
            options={[
              { value: 'station', label: t('origin.station') },
              { value: 'sample', label: t('origin.sample') },
              { value: 'seed', label: t('origin.seed') },
              { value: 'all', label: t('browseAll') }
            ]}
            data-testid="address-browse-origin"
          />
          <Select<Sort>
            value={sort}
            onChange={filterChanged(setSort)}
            style={{ width: 180 }}
            options={[
              { value: 'recent', label: t('sortRecent') },
              { value: 'effectiveDesc', label: t('sortEffectiveDesc') },
              { value: 'effectiveAsc', label: t('sortEffectiveAsc') }
            ]}
            data-testid="address-browse-sort"
          />
          <span>{t('browseKeys')}</span>
        </Space>
        <Table<ChangeView>
          size="small"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data.rows}
          rowClassName={(_, index) => (index === selected ? 'address-browse-selected' : '')}
          onRow={(row, index) => ({
            onClick: () => setSelected(index ?? 0),
            onDoubleClick: () => props.onEdit(row),
            'data-testid': `address-browse-row-${index ?? 0}`
          })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            onChange: (to) => turn(to)
          }}
        />
      </div>
    </Modal>
  )
}
