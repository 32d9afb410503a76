import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { useAuthSubmit } from './useAuthSubmit'
import { showFieldErrors } from '@renderer/lib/forms'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import type { AuthStatus } from '@shared/ipc/contract'
import { DISPLAY_NAME_MAX, USERNAME_MAX } from '@shared/ipc/fields'
import { NewPasswordFields } from '@renderer/components/NewPasswordFields'
import { JoinStationScreen } from './JoinStationScreen'

interface SetupValues {
  username: string
  displayName: string
  password: string
  confirm: string
}

export function SetupScreen({ onDone }: { onDone: (status: AuthStatus) => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<SetupValues>()
  const { busy, error, run } = useAuthSubmit(onDone, (caught) => showFieldErrors(form, caught))
  const [joining, setJoining] = useState(false)

  const submit = ({ username, displayName, password }: SetupValues) =>
    run(unwrap(api.auth.setupAdmin({ username, displayName, password })))

  if (joining) return <JoinStationScreen onDone={onDone} onBack={() => setJoining(false)} />
  return (
    <AuthCard title={t('auth.setup.title')} hint={t('auth.setup.hint')}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('field.username')}
          initialValue="admin"
          rules={[{ required: true, message: t('field.required', { field: t('field.username') }) }]}
        >
          <Input autoFocus autoComplete="off" maxLength={USERNAME_MAX} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('field.displayName')}
          rules={[
            { required: true, message: t('field.required', { field: t('field.displayName') }) }
          ]}
        >
          <Input autoComplete="off" maxLength={DISPLAY_NAME_MAX} />
        </Form.Item>
        <NewPasswordFields
          name="password"
          label={t('field.password')}
          username={() => form.getFieldValue('username') as string | undefined}
        />
        {error ? <Alert type="error" title={error} showIcon className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.setup.submit')}
        </Button>
        <Button type="link" block onClick={() => setJoining(true)} disabled={busy}>
          {t('auth.setup.join')}
        </Button>
      </Form>
    </AuthCard>
  )
}
