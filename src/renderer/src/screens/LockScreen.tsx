import { Alert, Button, Form, Input, Space } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { api, unwrap } from '@renderer/lib/api'
import { useAuthSubmit } from './useAuthSubmit'
import { useI18n } from '@renderer/i18n/context'
import { AuthCard } from '@renderer/components/AuthCard'
import type { AuthStatus, SessionView } from '@shared/ipc/contract'

export function LockScreen({
  session,
  onDone
}: {
  session: SessionView
  onDone: (status: AuthStatus) => void
}) {
  const { t, roleName } = useI18n()
  const [form] = Form.useForm<{ password: string }>()
  const submit = useAuthSubmit(onDone)
  const { busy, error } = submit
  const run = async (pending: Promise<AuthStatus>) => {
    if (!(await submit.run(pending))) form.setFieldValue('password', '')
  }

  return (
    <AuthCard
      title={t('auth.lock.title')}
      hint={t('auth.lock.hint', {
        name: session.operator.displayName,
        role: roleName(session.operator.role)
      })}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={({ password }) => run(unwrap(api.auth.unlock({ password })))}
      >
        <Form.Item
          name="password"
          label={t('field.password')}
          rules={[{ required: true, message: t('field.required', { field: t('field.password') }) }]}
        >
          <Input.Password autoFocus prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" title={error} showIcon className="form-alert" /> : null}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.lock.submit')}
          </Button>
          <Button block onClick={() => run(unwrap(api.auth.signOut()))}>
            {t('auth.lock.switchUser')}
          </Button>
        </Space>
      </Form>
    </AuthCard>
  )
}
