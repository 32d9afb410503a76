import { useEffect, useState } from 'react'
import { Descriptions, Modal } from 'antd'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { books, statusLabel, type BookKey, type FieldSpec } from '@shared/logbooks/books'
import type { EntryView } from '@shared/logbooks/contract'
import { formatStationTime } from '@shared/logbooks/time'
import type { useMessages } from '@renderer/i18n/context'
import type { staffMessages } from './messages'

type T = ReturnType<typeof useMessages<keyof (typeof staffMessages)['zh-CN']>>

function shown(field: FieldSpec, value: unknown, names: Map<string, string>): string {
  if (value === undefined || value === null || value === '') return ''
  switch (field.kind) {
    case 'datetime':
      return formatStationTime(String(value))
    case 'select':
      return field.options?.find((o) => o.value === value)?.label ?? String(value)
    case 'operator':
    case 'committee':
      return names.get(String(value)) ?? String(value)
    case 'operators':
      return (value as string[]).map((id) => names.get(id) ?? id).join('、')
    case 'entryLink':
      // Another register's entry: the spot check reads this one only.
      return `${books[field.linkBook!].title} · ${String(value).slice(-8)}`
    case 'parties':
      return (value as Record<string, string>[])
        .map((p) => [p.name, p.idNumber, p.phone].filter(Boolean).join(' '))
        .join('；')
    default:
      return String(value)
  }
}

/** A drawn spot-check entry opened read-only, the current version as the logbook shows it. */
export function EntryPreview(props: {
  t: T
  entry: { book: string; id: string }
  onClose: () => void
}) {
  const { t, entry, onClose } = props
  const book = entry.book as BookKey
  const [view, setView] = useState<EntryView | null>(null)
  const [names, setNames] = useState(new Map<string, string>())
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    unwrap(api.logbooks.get({ book, id: entry.id })).then(
      (r) => setView(r.entry),
      (e: unknown) => setError(errorMessage(e))
    )
    void Promise.all([unwrap(api.logbooks.officers()), unwrap(api.logbooks.committees())]).then(
      ([officers, committees]) =>
        setNames(
          new Map([
            ...officers.map((o) => [o.id, o.displayName] as const),
            ...committees.map((c) => [c.id, c.name] as const)
          ])
        )
    )
  }, [book, entry.id])
  const spec = books[book]
  return (
    <Modal
      open
      title={`${spec?.title ?? entry.book} · ${t('entry')}`}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      {error ? <p>{error}</p> : null}
      {view && spec ? (
        <Descriptions column={1} size="small" bordered data-testid="spot-entry">
          <Descriptions.Item label={spec.occurredLabel}>
            {formatStationTime(view.occurredAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            {statusLabel(book, view.status)}
          </Descriptions.Item>
          {spec.fields
            .filter((f) => view.fields[f.key] !== undefined)
            .map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {shown(f, view.fields[f.key], names)}
              </Descriptions.Item>
            ))}
          <Descriptions.Item label={t('recorder')}>{view.createdByName}</Descriptions.Item>
          <Descriptions.Item label={t('directorSign')}>
            {view.signedAt ? `${view.signedByName ?? ''} ${formatStationTime(view.signedAt)}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Modal>
  )
}
