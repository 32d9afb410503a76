import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag
} from 'antd'
import type { InputRef } from 'antd'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useApp } from '@renderer/AppContext'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import type { ChangeView, SearchHit } from '@shared/address/contract'
import { ChangeEditor } from './ChangeEditor'
import { TableBrowser } from './TableBrowser'
import { Highlighted } from './Highlighted'
import { ImportDialog } from './ImportDialog'
import { ReadingEditor } from './ReadingEditor'
import { stationDateTime } from '@shared/dates'
import { addressMessages, type AddressMessage } from './messages'
import './address.css'

type Stats = { seed: number; station: number; sample: number }
type Recent = { query: string; change: ChangeView | null; at: string }

/** Saves exported content (CSV text or XLSX base64) through a download link. */
function download(name: string, content: string) {
  const xlsx = name.endsWith('.xlsx')
  const data = xlsx ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : '\uFEFF' + content
  const url = URL.createObjectURL(new Blob([data]))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** 地址对照: old ↔ new address as you type, with the change's date, document and path. */
export function AddressModule() {
  const t = useMessages(addressMessages)
  const { message } = App.useApp()
  const { session } = useApp()
  const isAdmin = session.operator.role === 'admin'
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [searched, setSearched] = useState('')
  const [selected, setSelected] = useState(0)
  const [detail, setDetail] = useState<SearchHit | null>(null)
  const [editing, setEditing] = useState<ChangeView | 'new' | null>(null)
  const [importing, setImporting] = useState(false)
  const [addingReading, setAddingReading] = useState(false)
  const [browsing, setBrowsing] = useState(false)
  /** Bumped after a save so the open table reloads its page. */
  const [saves, setSaves] = useState(0)
  const [stats, setStats] = useState<Stats | null>(null)
  const [recent, setRecent] = useState<Recent[]>([])
  const input = useRef<InputRef>(null)
  const generation = useRef(0)

  const fail = useCallback((error: unknown) => message.error(errorMessage(error)), [message])
  const reloadStats = useCallback(() => {
    unwrap(api.address.stats()).then(setStats, fail)
    unwrap(api.address.recent()).then(setRecent, fail)
  }, [fail])
  useEffect(reloadStats, [reloadStats])
  useEffect(() => input.current?.focus(), [])
  // Another PC's address rows or removals (station server): the counts and the open table re-read.
  useEffect(
    () =>
      api.on('station.changed', (change) => {
        if (change.registers.address_changes || change.registers.changes) {
          setSaves((n) => n + 1)
          reloadStats()
        }
      }),
    [reloadStats]
  )

  const runSearch = useCallback(
    (q: string) => {
      const mine = ++generation.current
      unwrap(api.address.search({ query: q, limit: 20 })).then((found) => {
        if (mine !== generation.current) return
        setHits(found)
        setSearched(q)
        setSelected(0)
      }, fail)
    },
    [fail]
  )

  useEffect(() => {
    const q = query.trim()
    if (!q) return
    const timer = setTimeout(() => runSearch(q), 120)
    return () => clearTimeout(timer)
  }, [query, runSearch])

  const changeQuery = (value: string) => {
    setQuery(value)
    if (!value.trim()) {
      generation.current++
      setHits([])
      setSearched('')
      unwrap(api.address.recent()).then(setRecent, fail)
    }
  }

  const remember = (hit: SearchHit | null) => {
    const q = query.trim()
    // The list is read again once the lookup is stored, so it never misses the latest one.
    if (q)
      unwrap(api.address.remember({ query: q, changeId: hit?.id ?? null }))
        .then(() => unwrap(api.address.recent()))
        .then(setRecent, fail)
  }

  const current = hits[selected] ?? null

  const copy = async (hit: SearchHit) => {
    try {
      await navigator.clipboard.writeText(hit.newText)
      message.success(t('copied', { text: hit.newText }))
      remember(hit)
    } catch {
      message.error(t('copyFailed'))
    }
  }

  const open = (hit: SearchHit) => {
    setDetail(hit)
    remember(hit)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (detail || editing || importing) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setSelected((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)))
    } else if (event.key === 'Enter' && current) {
      event.preventDefault()
      open(current)
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && current) {
      // Copying selected text in the search box keeps its usual meaning.
      const field = input.current?.input
      if (field && field.selectionStart !== field.selectionEnd) return
      event.preventDefault()
      void copy(current)
    }
  }

  useEffect(() => {
    document.querySelector(`[data-testid="address-hit-${selected}"]`)?.scrollIntoView({
      block: 'nearest'
    })
  }, [selected])

  const exportTable = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await unwrap(api.address.exportTable({ format }))
      download(file.name, file.content)
      message.success(t('exported', { rows: file.rows, name: file.name }))
    } catch (error) {
      fail(error)
    }
  }

  const removeSample = async () => {
    try {
      const count = await unwrap(api.address.removeSample())
      message.success(t('removedSample', { count }))
      reloadStats()
      if (query.trim()) runSearch(query.trim())
    } catch (error) {
      fail(error)
    }
  }

  const removeChange = async (id: string) => {
    try {
      await unwrap(api.address.remove({ id }))
      message.success(t('removed'))
      setDetail(null)
      reloadStats()
      if (query.trim()) runSearch(query.trim())
    } catch (error) {
      fail(error)
    }
  }

  const afterSave = () => {
    setEditing(null)
    setDetail(null)
    message.success(t('saved'))
    setSaves((n) => n + 1)
    reloadStats()
    if (query.trim()) runSearch(query.trim())
  }

  return (
    <div className="address" onKeyDown={onKeyDown} data-testid="address-module">
      <div className="address-toolbar">
        <Button onClick={() => setEditing('new')}>{t('add')}</Button>
        <Button onClick={() => setBrowsing(true)} data-testid="address-browse-open">
          {t('browse')}
        </Button>
        <Button onClick={() => setAddingReading(true)} data-testid="address-readings">
          {t('readings')}
        </Button>
        {isAdmin && (
          <Button onClick={() => setImporting(true)} data-testid="address-import">
            {t('importButton')}
          </Button>
        )}
        <Button onClick={() => void exportTable('csv')}>{t('exportCsv')}</Button>
        <Button onClick={() => void exportTable('xlsx')}>{t('exportXlsx')}</Button>
        {stats && (
          <span className="address-stats" data-testid="address-stats">
            {t('stats', stats)}
          </span>
        )}
      </div>
      {stats && stats.sample > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="address-sample-notice"
          title={t('sampleNotice')}
          action={
            isAdmin && (
              <Popconfirm title={t('removeSampleConfirm')} onConfirm={() => void removeSample()}>
                <Button size="small" danger>
                  {t('removeSample')}
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
      <Input
        ref={input}
        className="address-search"
        size="large"
        allowClear
        value={query}
        onChange={(event) => changeQuery(event.target.value)}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        data-testid="address-search"
      />
      <div className="address-stats">{t('keysHint')}</div>
      {query.trim() ? (
        <Card size="small">
          {hits.length === 0 && searched ? (
            <Empty description={t('noResults')} />
          ) : (
            <div role="listbox" data-testid="address-results">
              {hits.map((hit, i) => (
                <HitRow
                  key={hit.id}
                  hit={hit}
                  index={i}
                  selected={i === selected}
                  t={t}
                  onClick={() => setSelected(i)}
                  onOpen={() => open(hit)}
                />
              ))}
            </div>
          )}
        </Card>
      ) : (
        <Card size="small" title={t('recent')}>
          <List
            dataSource={recent}
            locale={{ emptyText: t('noRecent') }}
            renderItem={(item) => (
              <List.Item
                className="address-hit"
                onClick={() => setQuery(item.query)}
                extra={stationDateTime(new Date(item.at))}
              >
                <Space>
                  <Tag>{item.query}</Tag>
                  {item.change && (
                    <span>
                      {item.change.oldText} <span className="address-arrow">→</span>{' '}
                      {item.change.newText}
                    </span>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal
        open={detail !== null}
        title={t('detail')}
        width={760}
        onCancel={() => setDetail(null)}
        afterClose={() => input.current?.focus()}
        footer={
          detail && (
            <Space>
              {isAdmin && (
                <Popconfirm
                  title={t('removeConfirm')}
                  onConfirm={() => void removeChange(detail.id)}
                >
                  <Button danger>{t('remove')}</Button>
                </Popconfirm>
              )}
              <Button onClick={() => setEditing(detail)}>{t('edit')}</Button>
              <Button onClick={() => void copy(detail)}>{t('copy')}</Button>
              <Button type="primary" onClick={() => setDetail(null)}>
                {t('close')}
              </Button>
            </Space>
          )
        }
      >
        {detail && <HitDetail hit={detail} t={t} />}
      </Modal>
      {browsing && (
        <TableBrowser
          version={saves}
          onEdit={(change) => setEditing(change)}
          onClose={() => {
            setBrowsing(false)
            input.current?.focus()
          }}
        />
      )}
      {editing && (
        <ChangeEditor
          change={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null)
            input.current?.focus()
          }}
          onSaved={afterSave}
        />
      )}
      {addingReading && (
        <ReadingEditor
          onClose={() => {
            setAddingReading(false)
            input.current?.focus()
            if (query.trim()) runSearch(query.trim())
          }}
        />
      )}
      {importing && (
        <ImportDialog
          onClose={() => {
            setImporting(false)
            input.current?.focus()
            reloadStats()
            if (query.trim()) runSearch(query.trim())
          }}
        />
      )}
    </div>
  )
}

type T = (key: AddressMessage, vars?: Record<string, string | number>) => string

const year = (effective: string | null) => effective?.slice(0, 10)

function HitRow(props: {
  hit: SearchHit
  index: number
  selected: boolean
  t: T
  onClick: () => void
  onOpen: () => void
}) {
  const { hit, index, selected, t } = props
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`address-hit${selected ? ' selected' : ''}`}
      data-testid={`address-hit-${index}`}
      onClick={props.onClick}
      onDoubleClick={props.onOpen}
    >
      <div className="address-pair">
        <span className="address-old">
          <Highlighted text={hit.oldText} matches={hit.highlights.old} changed={hit.changed.old} />
        </span>
        <span className="address-arrow">→</span>
        <span className="address-new">
          <Highlighted text={hit.newText} matches={hit.highlights.new} changed={hit.changed.new} />
        </span>
      </div>
      <div className="address-meta">
        {hit.origin === 'sample' && <Tag color="orange">{t('sampleTag')}</Tag>}
        <Tag>{hit.matched === 'old' ? t('matchedOld') : t('matchedNew')}</Tag>
        {hit.how !== 'substring' && <Tag color="blue">{t(`how.${hit.how}`)}</Tag>}
        {hit.effective && <span>{year(hit.effective)}</span>}
        {hit.source && <span>{hit.source}</span>}
        {hit.chain.length > 1 && <ChainPath hit={hit} />}
      </div>
    </div>
  )
}

function ChainPath({ hit }: { hit: SearchHit }) {
  const [first] = hit.chain
  if (!first) return null
  return (
    <span className="address-chain" data-testid="address-chain">
      <span>{first.oldText}</span>
      {hit.chain.map((step) => (
        <span key={step.id}>
          <span className="address-arrow">→</span> {step.newText}
          {step.effective && <small> ({year(step.effective)})</small>}
        </span>
      ))}
    </span>
  )
}

function HitDetail({ hit, t }: { hit: SearchHit; t: T }) {
  return (
    <Descriptions column={1} bordered size="small" data-testid="address-detail">
      <Descriptions.Item label={t('oldAddress')}>
        <span className="address-old">
          <Highlighted text={hit.oldText} matches={hit.highlights.old} changed={hit.changed.old} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('newAddress')}>
        <Highlighted text={hit.newText} matches={hit.highlights.new} changed={hit.changed.new} />
      </Descriptions.Item>
      <Descriptions.Item label={t('changedParts')}>
        {hit.changedParts.map((part) => (
          <Tag key={part} color="red">
            {t(`part.${part}`)}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('effective')}>{hit.effective ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('source')}>{hit.source ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('note')}>{hit.note ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('origin')}>
        <Tag color={hit.origin === 'sample' ? 'orange' : undefined}>
          {t(`origin.${hit.origin}`)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('chain')}>
        <ChainPath hit={hit} />
      </Descriptions.Item>
    </Descriptions>
  )
}
