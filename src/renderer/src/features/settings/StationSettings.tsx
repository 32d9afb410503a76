import { App, Alert, Button, Card, Form, List, Space } from 'antd'
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import type { StationCheckReport, StationConflictView, StationStatus } from '@shared/station/config'
import { StationConflicts } from './StationConflicts'
import { StationServerFields } from './StationServerFields'
import { stationDateTime } from '@shared/dates'
import {
  showStationFieldErrors,
  stationFormDefaults,
  stationInput,
  type StationForm
} from './stationForm'

const levelIcon = {
  ok: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  warning: <WarningFilled style={{ color: '#d48806' }} />,
  error: <CloseCircleFilled style={{ color: '#cf1322' }} />
}

/** 设置 → 本所服务器 (administrator): enter, test and save the station's PostgreSQL server. */
export function StationSettings() {
  const { t } = useI18n()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<StationForm>()
  const [hasPassword, setHasPassword] = useState(false)
  const [hasStationKey, setHasStationKey] = useState(false)
  const [report, setReport] = useState<StationCheckReport | null>(null)
  const [status, setStatus] = useState<StationStatus | null>(null)
  const [conflicts, setConflicts] = useState<StationConflictView[]>([])
  const [busy, setBusy] = useState<'test' | 'save' | 'upload' | null>(null)

  const refresh = useCallback(async () => {
    setStatus(await unwrap(api.station.status()))
    setConflicts(await unwrap(api.station.conflicts()))
  }, [])

  useEffect(() => {
    void (async () => {
      try {
        const stored = await unwrap(api.station.get())
        setHasPassword(stored.hasPassword)
        setHasStationKey(stored.hasStationKey)
        if (stored.config) form.setFieldsValue(stored.config)
        await refresh()
      } catch (error) {
        message.error(errorMessage(error))
      }
    })()
  }, [form, message, refresh])

  /** Main's per-field messages at their fields; the rest as a message. */
  const showError = (error: unknown) => {
    if (!showStationFieldErrors(form, error)) message.error(errorMessage(error))
  }

  const run = async (kind: 'test' | 'save', values: StationForm) => {
    setBusy(kind)
    try {
      if (kind === 'test') {
        const { passphrase: _passphrase, ...checked } = stationInput(values)
        setReport(await unwrap(api.station.test(checked)))
      } else {
        const saved = await unwrap(api.station.save(stationInput(values)))
        setReport(saved.report)
        setStatus(saved.status)
        if (saved.report.ok) {
          setHasPassword(true)
          setHasStationKey(true)
          form.setFieldsValue({ password: undefined, passphrase: undefined })
          message.success(saved.status.lastAttempt?.message ?? t('settings.saved'))
          await refresh()
        }
      }
    } catch (error) {
      showError(error)
    } finally {
      setBusy(null)
    }
  }

  const save = async () => {
    const values = await form.validateFields()
    modal.confirm({
      title: t('station.save'),
      content: t('station.saveConfirm'),
      onOk: () => run('save', values)
    })
  }

  const uploadNow = async () => {
    setBusy('upload')
    try {
      setStatus(await unwrap(api.station.uploadNow()))
      setConflicts(await unwrap(api.station.conflicts()))
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card className="settings-card">
        <Alert type="info" showIcon message={t('station.help')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          className="settings-form"
          initialValues={stationFormDefaults}
          onFinish={(values) => void run('test', values)}
          data-testid="station-form"
        >
          <StationServerFields kept={{ password: hasPassword, stationKey: hasStationKey }} />
          <Space>
            <Button htmlType="submit" loading={busy === 'test'} disabled={busy !== null}>
              {t('station.test')}
            </Button>
            <Button
              type="primary"
              onClick={() => void save().catch(() => undefined)}
              loading={busy === 'save'}
              disabled={busy !== null}
            >
              {t('station.save')}
            </Button>
          </Space>
        </Form>
        {report ? (
          <List
            data-testid="station-report"
            size="small"
            style={{ marginTop: 16 }}
            dataSource={report.items}
            renderItem={(item) => (
              <List.Item>
                <Space>
                  {levelIcon[item.level]}
                  <span>{item.message}</span>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <Card className="settings-card" data-testid="station-status">
        {status?.configured ? (
          <Space direction="vertical">
            <span>
              {t('settings.station')}：{status.server}
            </span>
            <span>
              {t('station.pending')}：{status.pending}
            </span>
            {status.lastAttempt ? (
              <span>
                {t('station.lastAttempt')}：{stationDateTime(new Date(status.lastAttempt.at))}{' '}
                {status.lastAttempt.message}
              </span>
            ) : null}
            <Button onClick={() => void uploadNow()} loading={busy === 'upload'}>
              {t('station.uploadNow')}
            </Button>
          </Space>
        ) : (
          <span>{t('station.none')}</span>
        )}
        {conflicts.length > 0 ? (
          <div style={{ marginTop: 16 }}>
            <StationConflicts
              conflicts={conflicts}
              isAdmin
              heading
              onResolved={async (next) => {
                setStatus(next)
                setConflicts(await unwrap(api.station.conflicts()))
              }}
            />
          </div>
        ) : null}
      </Card>
    </Space>
  )
}
