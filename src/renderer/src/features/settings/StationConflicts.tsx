import { App, Button, Space, Table } from 'antd'
import { stationDateTime } from '@shared/dates'
import { books, type BookKey } from '@shared/logbooks/books'
import { roles, type Role } from '@shared/roles'
import { GUIDE_DOCUMENT_KEY } from '@shared/guide/contract'
import type { StationConflictView, StationStatus } from '@shared/station/config'
import { useI18n } from '@renderer/i18n/context'
import type { MessageKey } from '@renderer/i18n/messages'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useState } from 'react'

/** Station-wide settings by key, as the administrator knows them. */
const SETTING_LABELS: Record<string, MessageKey> = {
  stationName: 'settings.stationName',
  idleLockMinutes: 'settings.idleLock',
  'queue.config': 'station.setting.queue',
  'staff.config': 'station.setting.staff',
  'guide.office': 'station.setting.office',
  [GUIDE_DOCUMENT_KEY]: 'station.setting.guide'
}

const COLUMN_LABELS: Record<string, MessageKey> = {
  value: 'station.column.value',
  data: 'station.column.specData',
  username: 'station.column.username',
  name: 'station.column.name',
  signed_by: 'station.column.signedBy',
  signed_at: 'station.column.signedAt',
  superseded_by: 'station.column.supersededBy',
  display_name: 'station.column.displayName',
  role: 'station.column.role',
  active: 'station.column.active',
  password_change_required: 'station.column.passwordChange',
  password: 'station.column.password',
  from_device: 'station.column.fromDevice',
  old_text: 'station.column.oldAddress',
  new_text: 'station.column.newAddress',
  effective: 'station.column.effective',
  source: 'station.column.source',
  note: 'station.column.note'
}

type Translate = ReturnType<typeof useI18n>['t']

/** What a conflict is about: a register's entry, an operator or a station-wide setting. */
function describe(conflict: StationConflictView, t: Translate): { where: string; what: string } {
  if (conflict.table === 'settings') {
    const label = SETTING_LABELS[conflict.key]
    return { where: t('station.kindSettings'), what: label ? t(label) : conflict.key }
  }
  if (conflict.table === 'photo_specs') {
    return { where: t('station.kindPhotoSpec'), what: conflict.key }
  }
  if (conflict.table === 'address_changes') {
    const side = (column: string) => conflict.fields.find((field) => field.column === column)
    const old = side('old_text')
    return { where: t('station.kindAddress'), what: old?.server ?? old?.local ?? conflict.key }
  }
  if (conflict.table === 'operators') {
    // Another PC's operator had the user name (this one is on the server as name@device), or
    // another PC changed the account first.
    const name = conflict.fields.find((field) => field.column === 'display_name')?.server
    return {
      where: t('station.kindOperator'),
      what: name ?? conflict.fields[0]?.local ?? conflict.key
    }
  }
  if (conflict.table === 'logbook_committees') {
    // Another PC's committee of a name this PC has (kept here as name@PC), or a rename or
    // (de)activation another PC made first or to a name another committee has.
    const name = conflict.fields.find((field) => field.column === 'name')?.server
    return { where: t('station.kindCommittee'), what: name ?? conflict.key }
  }
  const book = conflict.table.replace(/^logbook_/, '') as BookKey
  return { where: books[book]?.title ?? conflict.table, what: conflict.key }
}

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } })
/** Room for a station name or an address before it wraps. */
const valueCell = () => ({ style: { minWidth: 150 } })

/** Operators' and committees' columns stored as 0/1. */
const FLAG_COLUMNS = new Set(['active', 'password_change_required'])

/** A setting's stored JSON, shown briefly. */
const shown = (value: string | null) => {
  if (value === null) return '—'
  const text = value.length > 160 ? `${value.slice(0, 160)}…` : value
  return text.replace(/^"(.*)"$/, '$1')
}

/**
 * 与服务器不同的记录: what another PC changed first. A station-wide setting may be sent again
 * (administrator) or the server's kept; a register's sign-off is only acknowledged.
 */
export function StationConflicts(props: {
  conflicts: StationConflictView[]
  isAdmin: boolean
  /** A heading above the table (not inside a dialog that has its own). */
  heading?: boolean
  onResolved: (status: StationStatus) => void | Promise<void>
}) {
  const { t, roleName } = useI18n()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<string | null>(null)
  /** A value as the clerk knows it: a role by its name, a flag as 是/否. */
  const valueOf = (column: string, value: string | null) => {
    if (value !== null && column === 'role' && (roles as readonly string[]).includes(value)) {
      return roleName(value as Role)
    }
    if (value !== null && FLAG_COLUMNS.has(column)) {
      return ['1', 'true'].includes(value) ? t('station.flagYes') : t('station.flagNo')
    }
    return shown(value)
  }

  const resolve = async (id: string, keep: 'local' | 'server') => {
    setBusy(`${id}-${keep}`)
    try {
      const status = await unwrap(api.station.resolveConflict({ id, keep }))
      message.success(keep === 'local' ? t('station.sentLocal') : t('station.keptServer'))
      await props.onResolved(status)
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="station-conflicts"
      className="station-conflicts"
      {...(props.heading ? { title: () => t('station.conflicts') } : {})}
      dataSource={props.conflicts.flatMap((conflict) =>
        conflict.fields.map((field, index) => ({
          id: `${conflict.id}-${field.column}`,
          conflict,
          first: index === 0,
          span: conflict.fields.length,
          ...describe(conflict, t),
          ...field
        }))
      )}
      columns={[
        { title: t('station.kind'), dataIndex: 'where', onCell: nowrap },
        {
          title: t('station.record'),
          dataIndex: 'what',
          onCell: () => ({ style: { minWidth: 96 } })
        },
        {
          title: t('station.field'),
          dataIndex: 'column',
          onCell: nowrap,
          render: (column: string) => {
            const label = COLUMN_LABELS[column]
            return label ? t(label) : column
          }
        },
        {
          title: t('station.localValue'),
          dataIndex: 'local',
          onCell: valueCell,
          render: (value: string | null, row) => valueOf(row.column, value)
        },
        {
          title: t('station.serverValue'),
          dataIndex: 'server',
          onCell: valueCell,
          render: (value: string | null, row) => valueOf(row.column, value)
        },
        {
          title: t('station.at'),
          dataIndex: 'conflict',
          onCell: nowrap,
          render: (c: StationConflictView) => stationDateTime(new Date(c.at))
        },
        {
          title: t('station.action'),
          key: 'actions',
          onCell: (row) => ({ rowSpan: row.first ? row.span : 0, style: { whiteSpace: 'nowrap' } }),
          render: (_, row) => (
            <Space>
              {row.conflict.canSendLocal && props.isAdmin ? (
                <Button
                  size="small"
                  loading={busy === `${row.conflict.id}-local`}
                  onClick={() => void resolve(row.conflict.id, 'local')}
                >
                  {t('station.sendLocal')}
                </Button>
              ) : null}
              <Button
                size="small"
                loading={busy === `${row.conflict.id}-server`}
                onClick={() => void resolve(row.conflict.id, 'server')}
              >
                {row.conflict.canSendLocal ? t('station.keepServer') : t('station.acknowledge')}
              </Button>
            </Space>
          )
        }
      ]}
    />
  )
}
