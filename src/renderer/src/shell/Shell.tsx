import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd'
import { LockOutlined, LogoutOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import type { AppInfo } from '@shared/ipc/contract'
import type { CameraView } from '@shared/photo/contract'
import { useApp } from '@renderer/AppContext'
import { ErrorBoundary } from '@renderer/components/ErrorBoundary'
import { modules as allModules } from './modules'
import { NavigationContext, type Navigation, type PendingIntent } from './navigation'
import { StatusBar } from './StatusBar'
import { useIdleLock } from './useIdleLock'
import { useShortcuts } from './useShortcuts'
import { QueueBar } from '@renderer/features/queue/QueueBar'

export function Shell() {
  const { t } = useI18n()
  const { session, settings, setStatus: onStatus } = useApp()
  // The auditor reads the audit log and changes nothing: Settings (account, audit log) only.
  const auditor = session.operator.role === 'auditor'
  const modules = auditor ? allModules.filter((module) => module.key === 'settings') : allModules
  const [active, setActive] = useState((modules.find((module) => module.home) ?? modules[0]!).key)
  const [info, setInfo] = useState<AppInfo | null>(null)

  const [camera, setCamera] = useState<CameraView | null>(null)

  useEffect(() => {
    unwrap(api.app.info()).then(setInfo, () => setInfo(null))
    if (auditor) return
    // The camera list is cheap (device nodes); refresh it so a plugged-in camera shows up.
    const refreshCamera = () => unwrap(api.photo.camera()).then(setCamera, () => setCamera(null))
    void refreshCamera()
    const timer = window.setInterval(refreshCamera, 60_000)
    return () => window.clearInterval(timer)
  }, [auditor])

  const lock = useCallback(() => {
    unwrap(api.auth.lock()).then(onStatus, () => undefined)
  }, [onStatus])
  // A refusal (the session already locked or expired) arrives as session.changed as well.
  const reportActivity = useCallback(() => {
    void api.auth.activity()
  }, [])
  useIdleLock(settings.idleLockMinutes, lock, reportActivity)
  useShortcuts(modules, setActive, lock)

  // One module opening another (the guide's 新建登记 → 登记簿), with what to show there.
  const [pending, setPending] = useState<PendingIntent | null>(null)
  const taken = useCallback(() => setPending(null), [])
  const navigation = useMemo<Navigation>(
    () => ({
      open: (module, intent) => {
        if (auditor) return
        setPending({ module, intent } as PendingIntent)
        setActive(module)
      },
      pending,
      taken
    }),
    [auditor, pending, taken]
  )

  const current = modules.find((module) => module.key === active) ?? modules[0]!
  const Module = current.component
  const home = (modules.find((module) => module.home) ?? modules[0]!).key

  return (
    <Layout className="shell">
      <Layout.Sider width={200} theme="light" className="shell-sider">
        <div className="shell-brand">{t('app.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={[current.key]}
          onClick={({ key }) => setActive(key)}
          items={modules.map((module, index) => ({
            key: module.key,
            icon: module.icon,
            label: (
              <span className="menu-label">
                {t(module.label)}
                <kbd title={`Alt+${index + 1}`}>{module.functionKey}</kbd>
              </span>
            )
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <Typography.Title level={3} className="shell-title">
            {t(current.label)}
          </Typography.Title>
          <Space>
            <Tooltip title="Ctrl+L">
              <Button icon={<LockOutlined />} onClick={lock}>
                {t('auth.lock.now')}
              </Button>
            </Tooltip>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => unwrap(api.auth.signOut()).then(onStatus)}
            >
              {t('auth.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        {/* The bar has its own boundary: a failure in it must not blank the module below. */}
        {auditor ? null : (
          <ErrorBoundary module="queue-bar" title={t('module.queue')}>
            <QueueBar />
          </ErrorBoundary>
        )}
        <Layout.Content className="shell-content">
          <ErrorBoundary
            key={current.key}
            module={current.key}
            title={t(current.label)}
            {...(current.key === home ? {} : { onBack: () => setActive(home) })}
          >
            <NavigationContext.Provider value={navigation}>
              <Module />
            </NavigationContext.Provider>
          </ErrorBoundary>
        </Layout.Content>
        <StatusBar session={session} info={info} camera={camera} />
      </Layout>
    </Layout>
  )
}
