import { App, Alert, Button, Card, Form, Input, InputNumber, List, Radio, Space } from 'antd'
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, ApiError, errorMessage, unwrap } from '@renderer/lib/api'
import type { StationCheckReport, StationConflictView, StationStatus } from '@shared/station/config'
import { StationConflicts } from './StationConflicts'

interface StationForm {
  host: string
  port: number
  database: string
  user: string
  password?: string
  passphrase?: string
  tls: 'off' | 'verify'
  caPem?: string
}

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

  const input = (values: StationForm) => {
    const { password, passphrase: _passphrase, caPem, ...config } = values
    return {
      config: { ...config, ...(caPem?.trim() ? { caPem: caPem.trim() } : {}) },
      ...(password ? { password } : {})
    }
  }

  /** Main's per-field messages (config.host …) at their fields; the rest as a message. */
  const showError = (error: unknown) => {
    if (error instanceof ApiError && Object.keys(error.fields).length) {
      const fields = Object.entries(error.fields).map(([path, text]) => ({
        name: path.replace(/^config\./, '') as keyof StationForm,
        errors: [text]
      }))
      form.setFields(fields)
      return
    }
    message.error(errorMessage(error))
  }

  const run = async (kind: 'test' | 'save', values: StationForm) => {
    setBusy(kind)
    try {
      if (kind === 'test') {
        setReport(await unwrap(api.station.test(input(values))))
      } else {
        const saved = await unwrap(
          api.station.save({
            ...input(values),
            ...(values.passphrase ? { passphrase: values.passphrase } : {})
          })
        )
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
          initialValues={{ port: 5432, tls: 'verify' }}
          onFinish={(values) => void run('test', values)}
          data-testid="station-form"
        >
          <Form.Item name="host" label={t('station.host')} rules={[{ required: true, max: 253 }]}>
            <Input autoComplete="off" maxLength={253} />
          </Form.Item>
          <Form.Item name="port" label={t('station.port')} rules={[{ required: true }]}>
            <InputNumber min={1} max={65535} precision={0} />
          </Form.Item>
          <Form.Item
            name="database"
            label={t('station.database')}
            rules={[{ required: true, max: 63 }]}
          >
            <Input autoComplete="off" maxLength={63} />
          </Form.Item>
          <Form.Item name="user" label={t('station.user')} rules={[{ required: true, max: 63 }]}>
            <Input autoComplete="off" maxLength={63} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('station.password')}
            rules={[{ required: !hasPassword, max: 200 }]}
          >
            <Input.Password
              autoComplete="new-password"
              maxLength={200}
              placeholder={hasPassword ? t('station.passwordKept') : undefined}
            />
          </Form.Item>
          <Form.Item
            name="passphrase"
            label={t('station.passphrase')}
            extra={t('station.passphraseHelp')}
            rules={[{ max: 200 }]}
          >
            <Input.Password
              autoComplete="new-password"
              maxLength={200}
              placeholder={hasStationKey ? t('station.passphraseKept') : undefined}
            />
          </Form.Item>
          <Form.Item name="tls" label={t('station.tls')}>
            <Radio.Group
              options={[
                { value: 'verify', label: t('station.tlsVerify') },
                { value: 'off', label: t('station.tlsOff') }
              ]}
            />
          </Form.Item>
          <Form.Item name="caPem" label={t('station.ca')} rules={[{ max: 20_000 }]}>
            <Input.TextArea rows={3} maxLength={20_000} placeholder="-----BEGIN CERTIFICATE-----" />
          </Form.Item>
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
                {t('station.lastAttempt')}：{status.lastAttempt.at.slice(0, 19).replace('T', ' ')}{' '}
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
