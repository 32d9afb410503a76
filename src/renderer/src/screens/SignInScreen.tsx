import { Alert, Button, Form, Input } from 'antd'
import { api, unwrap } from '@renderer/lib/api'
import { useAuthSubmit } from './useAuthSubmit'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import type { AuthStatus } from '@shared/ipc/contract'
import { SIGN_IN_USERNAME_MAX } from '@shared/ipc/fields'

interface Credentials {
  username: string
  password: string
}

export function SignInScreen({ onDone }: { onDone: (status: AuthStatus) => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<Credentials>()
  const { busy, error, run } = useAuthSubmit(onDone)

  const submit = async (values: Credentials) => {
    if (!(await run(unwrap(api.auth.signIn(values))))) form.setFieldValue('password', '')
  }

  return (
    <AuthCard title={t('auth.signIn.title')}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('field.username')}
          rules={[{ required: true, message: t('field.required', { field: t('field.username') }) }]}
        >
          <Input autoFocus autoComplete="username" maxLength={SIGN_IN_USERNAME_MAX} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('field.password')}
          rules={[{ required: true, message: t('field.required', { field: t('field.password') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" title={error} showIcon className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
    </AuthCard>
  )
}
