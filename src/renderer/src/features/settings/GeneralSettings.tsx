import { App, Button, Card, Form, Input, InputNumber, Radio } from 'antd'
import { useEffect, useRef } from 'react'
import { useApp } from '@renderer/AppContext'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import type { Locale } from '@shared/ipc/contract'

export function GeneralSettings() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const { session, settings, setSettings } = useApp()
  const [form] = Form.useForm<{ idleLockMinutes: number; stationName: string }>()
  const isAdmin = session.operator.role === 'admin'

  // Values another PC saved (station server) show at once, unless the administrator has changed
  // the form from what it showed.
  const shown = useRef({
    idleLockMinutes: settings.idleLockMinutes,
    stationName: settings.stationName
  })
  useEffect(() => {
    const current = form.getFieldsValue()
    const editing =
      current.stationName !== shown.current.stationName ||
      current.idleLockMinutes !== shown.current.idleLockMinutes
    shown.current = { idleLockMinutes: settings.idleLockMinutes, stationName: settings.stationName }
    if (!editing) form.setFieldsValue(shown.current)
  }, [form, settings.idleLockMinutes, settings.stationName])

  const setLocale = async (locale: Locale) => {
    setSettings(await unwrap(api.settings.setLocale({ locale })))
  }

  const save = async (values: { idleLockMinutes: number; stationName: string }) => {
    try {
      const saved = await unwrap(api.settings.update(values))
      setSettings(saved)
      // Saved: the form is no longer being edited (later changes from the server show).
      form.resetFields()
      form.setFieldsValue({
        idleLockMinutes: saved.idleLockMinutes,
        stationName: saved.stationName
      })
      message.success(t('settings.saved'))
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  return (
    <Card className="settings-card">
      <Form layout="vertical" className="settings-form">
        <Form.Item label={t('settings.language')}>
          <Radio.Group
            value={settings.locale}
            onChange={(event) => void setLocale(event.target.value as Locale)}
            optionType="button"
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en-US', label: 'English' }
            ]}
          />
        </Form.Item>
      </Form>
      <Form
        form={form}
        layout="vertical"
        className="settings-form"
        initialValues={{
          idleLockMinutes: settings.idleLockMinutes,
          stationName: settings.stationName
        }}
        onFinish={save}
        disabled={!isAdmin}
      >
        <Form.Item
          name="stationName"
          label={t('settings.stationName')}
          rules={[{ required: true, max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="idleLockMinutes"
          label={t('settings.idleLock')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('settings.save')}
        </Button>
        {!isAdmin ? <span className="settings-note">{t('settings.adminOnly')}</span> : null}
      </Form>
    </Card>
  )
}
