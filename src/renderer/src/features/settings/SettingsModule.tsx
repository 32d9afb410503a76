import { Tabs } from 'antd'
import { useI18n } from '@renderer/i18n/context'
import { useApp } from '@renderer/AppContext'
import { GeneralSettings } from './GeneralSettings'
import { AccountSettings } from './AccountSettings'
import { OperatorsSettings } from './OperatorsSettings'
import { AuditLogView } from './AuditLogView'
import { AboutData } from './AboutData'
import { StationSettings } from './StationSettings'
import { AUDIT_READERS } from '@shared/roles'

export function SettingsModule() {
  const { t } = useI18n()
  const { session } = useApp()
  const role = session.operator.role
  const tabs = [
    { key: 'general', label: t('settings.general'), children: <GeneralSettings /> },
    { key: 'account', label: t('settings.account'), children: <AccountSettings /> },
    ...(role === 'admin'
      ? [
          { key: 'operators', label: t('settings.operators'), children: <OperatorsSettings /> },
          { key: 'station', label: t('settings.station'), children: <StationSettings /> }
        ]
      : []),
    // Only the auditor reads the audit log; the administrator cannot (separation of duties).
    ...(AUDIT_READERS.some((reader) => reader === role)
      ? [{ key: 'audit', label: t('settings.audit'), children: <AuditLogView /> }]
      : []),
    { key: 'about', label: t('settings.about'), children: <AboutData /> }
  ]
  return <Tabs className="wrapping-tabs" items={tabs} destroyOnHidden />
}
