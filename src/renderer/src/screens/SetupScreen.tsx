import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import type { AuthStatus } from '@shared/ipc/contract'
import { confirmRules, passwordRules } from './passwordRules'

interface SetupValues {
  username: string
  displayName: string
  password: string
  confirm: string
}

export function SetupScreen({ onDone }: { onDone: (status: AuthStatus) => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<SetupValues>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async ({ username, displayName, password }: SetupValues) => {
    setBusy(true)
    setError(null)
    try {
      onDone(await unwrap(api.auth.setupAdmin({ username, displayName, password })))
    } catch (caught) {
      setError(showFieldErrors(form, caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthCard title={t('auth.setup.title')} hint={t('auth.setup.hint')}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('field.username')}
          initialValue="admin"
          rules={[{ required: true, message: t('field.required', { field: t('field.username') }) }]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('field.displayName')}
          rules={[
            { required: true, message: t('field.required', { field: t('field.displayName') }) }
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('field.password')}
          extra={t('field.passwordRule')}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('field.passwordConfirm')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? <Alert type="error" title={error} showIcon className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}
