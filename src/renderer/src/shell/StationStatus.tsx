import { Button, Modal, Tooltip } from 'antd'
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { StationConflicts } from '@renderer/features/settings/StationConflicts'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import type { Role } from '@shared/roles'
import type { StationConflictView, StationStatus as Status } from '@shared/station/config'

const POLL_MS = 10_000

/**
 * The status bar's station item: nothing for a PC on its own; synced, uploading or 离线（n 条待上传）,
 * and the conflicts another PC caused (the administrator and the director open and deal with them).
 */
export function StationStatus({ role }: { role: Role }) {
  const { t } = useI18n()
  const [status, setStatus] = useState<Status | null>(null)
  const [conflicts, setConflicts] = useState<StationConflictView[] | null>(null)
  /** Other PCs' rows being taken this round (a joining PC takes the whole station's). */
  const [taking, setTaking] = useState<{ done: number; total: number } | null>(null)
  const canResolve = role === 'admin' || role === 'director'

  const openConflicts = useCallback(async () => {
    const result = await api.station.conflicts()
    if (result.ok) setConflicts(result.value)
  }, [])

  useEffect(() => {
    let alive = true
    const read = async () => {
      const result = await api.station.status()
      if (alive && result.ok) setStatus(result.value)
    }
    void read()
    const timer = window.setInterval(() => void read(), POLL_MS)
    const off = api.on('station.changed', () => void read())
    const offProgress = api.on('station.progress', (progress) =>
      setTaking(progress.done < progress.total ? progress : null)
    )
    return () => {
      alive = false
      window.clearInterval(timer)
      off()
      offProgress()
    }
  }, [])

  if (!status?.configured) return null
  // Offline: the last attempt could not reach the server; the queue waits for it.
  const offline = status.lastAttempt?.ok === false
  const label = taking
    ? t('station.statusTaking', { done: taking.done, total: taking.total })
    : offline
      ? t('station.statusOffline', { n: status.pending })
      : status.uploading && status.pending > 0
        ? t('station.statusUploading')
        : status.pending > 0
          ? t('station.statusPending', { n: status.pending })
          : t('station.statusSynced')
  return (
    <>
      <Tooltip title={[status.server, status.lastAttempt?.message].filter(Boolean).join(' · ')}>
        <span data-testid="status-station" className={offline ? 'status-warning' : undefined}>
          {status.uploading ? (
            <CloudSyncOutlined />
          ) : offline ? (
            <DisconnectOutlined />
          ) : (
            <CloudOutlined />
          )}{' '}
          {label}
        </span>
      </Tooltip>
      {status.conflicts > 0 ? (
        canResolve ? (
          <Button
            type="link"
            size="small"
            danger
            data-testid="status-station-conflicts"
            onClick={() => void openConflicts()}
          >
            {t('station.statusConflicts', { n: status.conflicts })}
          </Button>
        ) : (
          <span className="status-warning" data-testid="status-station-conflicts">
            {t('station.statusConflicts', { n: status.conflicts })}
          </span>
        )
      ) : null}
      <Modal
        open={conflicts !== null}
        title={t('station.conflicts')}
        width={1040}
        footer={null}
        onCancel={() => setConflicts(null)}
        destroyOnHidden
      >
        <StationConflicts
          conflicts={conflicts ?? []}
          isAdmin={role === 'admin'}
          onResolved={async (next) => {
            setStatus(next)
            setConflicts(await unwrap(api.station.conflicts()))
          }}
        />
      </Modal>
    </>
  )
}
