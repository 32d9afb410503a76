import { Tooltip } from 'antd'
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api } from '@renderer/lib/api'
import type { StationStatus as Status } from '@shared/station/config'

const POLL_MS = 10_000

/** The status bar's station item: nothing for a PC on its own; synced, uploading or 离线（n 条待上传）. */
export function StationStatus() {
  const { t } = useI18n()
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    let alive = true
    const read = async () => {
      const result = await api.station.status()
      if (alive && result.ok) setStatus(result.value)
    }
    void read()
    const timer = window.setInterval(() => void read(), POLL_MS)
    return () => {
      alive = false
      window.clearInterval(timer)
    }
  }, [])

  if (!status?.configured) return null
  // Offline: the last attempt could not reach the server; the queue waits for it.
  const offline = status.lastAttempt?.ok === false
  const label = offline
    ? t('station.statusOffline', { n: status.pending })
    : status.uploading && status.pending > 0
      ? t('station.statusUploading')
      : status.pending > 0
        ? t('station.statusPending', { n: status.pending })
        : t('station.statusSynced')
  return (
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
  )
}
