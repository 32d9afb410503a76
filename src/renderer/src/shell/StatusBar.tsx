import { Space, Tooltip, Typography } from 'antd'
import { CalendarOutlined, CameraOutlined, DatabaseOutlined, UserOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import type { AppInfo, SessionView } from '@shared/ipc/contract'
import type { CameraView } from '@shared/photo/contract'
import { stationDate, weekdayName } from '@shared/dates'
import { lunarDayName, lunarMonthName, solarToLunar } from '@shared/calendar'
import { SwipeStatus } from '@renderer/features/staff/SwipeStatus'
import { StationStatus } from './StationStatus'

function useToday() {
  const [today, setToday] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setToday(new Date()), 60_000)
    return () => window.clearInterval(timer)
  }, [])
  return today
}

/** The configured camera, else the first one found; none found is said plainly. */
const cameraLabel = (camera: CameraView | null) =>
  camera ? (camera.device ?? camera.cameras[0] ?? null) : null

export function StatusBar({
  session,
  info,
  camera
}: {
  session: SessionView
  info: AppInfo | null
  camera: CameraView | null
}) {
  const { t, locale, roleName } = useI18n()
  const today = useToday()
  const date = stationDate(today)
  const lunar = solarToLunar(date)
  const weekday = weekdayName(date, locale)
  return (
    <footer className="status-bar" role="contentinfo">
      <Space size="large" wrap>
        <span data-testid="status-operator">
          <UserOutlined /> {t('status.operator')}：{session.operator.displayName}（
          {roleName(session.operator.role)}）
        </span>
        <Tooltip title={info?.databasePath}>
          <span data-testid="status-database">
            <DatabaseOutlined /> {t('status.database')}：
            <Typography.Text className="status-path" ellipsis>
              {info?.databasePath ?? '…'}
            </Typography.Text>
          </span>
        </Tooltip>
        <span data-testid="status-camera">
          <CameraOutlined /> {t('status.camera')}：{cameraLabel(camera) ?? t('status.noCamera')}
        </span>
        {session.operator.role === 'auditor' ? null : <SwipeStatus />}
        {session.operator.role === 'auditor' ? null : (
          <StationStatus role={session.operator.role} />
        )}
      </Space>
      <span className="status-today" data-testid="status-today">
        <CalendarOutlined /> {t('status.today')}：{date} {weekday} · 农历
        {lunarMonthName(lunar.month, lunar.leap)}
        {lunarDayName(lunar.day)}
      </span>
    </footer>
  )
}
