import { App as AntApp, ConfigProvider, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import enUS from 'antd/locale/en_US'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect, useMemo, useState } from 'react'
import type { AuthStatus, SettingsView } from '@shared/ipc/contract'
import { api, unwrap } from './lib/api'
import { I18nProvider } from './i18n/I18nProvider'
import { AppContext, type AppState } from './AppContext'
import { SetupScreen } from './screens/SetupScreen'
import { SignInScreen } from './screens/SignInScreen'
import { LockScreen } from './screens/LockScreen'
import { ChangePasswordScreen } from './screens/ChangePasswordScreen'
import { Shell } from './shell/Shell'
import { theme } from './theme'
import { ErrorBoundary } from './components/ErrorBoundary'
import { RefusalNotice } from './components/RefusalNotice'
import { messages } from './i18n/messages'
import { AuthSwipeGuard } from './features/staff/SwipeStatus'
import { DisplayPage, HallIdle } from './features/queue/DisplayPage'
import { KioskPage } from './features/queue/KioskPage'

/** '#/display' (the hall display) and '#/kiosk' (the ticket kiosk) are pages of their own. */
const routeOf = () => {
  const hash = window.location.hash
  return hash === '#/display' ? 'display' : hash === '#/kiosk' ? 'kiosk' : 'app'
}

function useRoute() {
  const [route, setRoute] = useState(routeOf)
  useEffect(() => {
    const onChange = () => setRoute(routeOf())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export function App() {
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const route = useRoute()

  useEffect(() => {
    // A session event that arrives while the first reads are in flight is newer than their answer.
    let sessionEventSeen = false
    void Promise.all([unwrap(api.auth.status()), unwrap(api.settings.get())]).then(([s, c]) => {
      if (!sessionEventSeen) setStatus(s)
      setSettings(c)
    })
    const offSession = api.on('session.changed', (next) => {
      sessionEventSeen = true
      setStatus(next)
    })
    // Another PC changed a station-wide setting (station server): take it without a reload.
    const offStation = api.on('station.changed', () => {
      void unwrap(api.settings.get())
        .then(setSettings)
        .catch(() => undefined)
    })
    return () => {
      offSession()
      offStation()
    }
  }, [])

  const locale = settings?.locale ?? 'zh-CN'
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
    document.documentElement.lang = locale
  }, [locale])

  const session = status?.session ?? null
  const appState = useMemo<AppState | null>(
    () => (session && settings ? { session, settings, setSettings, setStatus } : null),
    [session, settings]
  )

  let screen
  if (!status || !settings) screen = <Spin size="large" className="boot-spinner" />
  // The hall monitor faces the public: it never shows the setup or sign-in form.
  else if (route === 'display' && (status.needsSetup || !session)) screen = <HallIdle />
  else if (status.needsSetup) screen = <SetupScreen onDone={setStatus} />
  else if (!session) screen = <SignInScreen onDone={setStatus} />
  // The hall display and the kiosk keep running while the clerk's screen is locked.
  else if (route === 'display') screen = <DisplayPage />
  else if (route === 'kiosk') screen = <KioskPage />
  else if (session.locked) screen = <LockScreen session={session} onDone={setStatus} />
  else if (session.operator.passwordChangeRequired)
    screen = <ChangePasswordScreen session={session} onDone={setStatus} />
  else
    screen = (
      <AppContext.Provider value={appState}>
        {/* Keyed by operator: another sign-in starts every screen afresh, showing none of the last one's data. */}
        <Shell key={session.operator.id} />
      </AppContext.Provider>
    )

  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      {/* A counter's quick saves never pile up a column of toasts over the page. */}
      <AntApp message={{ maxCount: 3 }}>
        <RefusalNotice />
        <I18nProvider locale={locale}>
          {/* Reader bursts at sign-in and lock are taken back, never submitted as a password. */}
          {status && (!session || session.locked) && route === 'app' ? <AuthSwipeGuard /> : null}
          <ErrorBoundary module="shell" title={messages[locale]['crash.shell']}>
            {screen}
          </ErrorBoundary>
        </I18nProvider>
      </AntApp>
    </ConfigProvider>
  )
}
