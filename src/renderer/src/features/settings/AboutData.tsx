import { Card, Descriptions } from 'antd'
import { useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import type { AppInfo } from '@shared/ipc/contract'

export function AboutData() {
  const { t } = useI18n()
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void unwrap(api.app.info()).then(setInfo)
  }, [])
  if (!info) return null
  return (
    <Card className="settings-card">
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('about.version')}>{info.version}</Descriptions.Item>
        <Descriptions.Item label={t('about.dataDir')}>{info.dataDir}</Descriptions.Item>
        <Descriptions.Item label={t('about.database')}>{info.databasePath}</Descriptions.Item>
        <Descriptions.Item label={t('about.schema')}>{info.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('about.backupDir')}>{info.backupDir}</Descriptions.Item>
        <Descriptions.Item label={t('about.lastBackup')}>
          {info.lastBackup ?? t('about.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('about.device')}>{info.deviceId}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}
