import { App, Button, Card, Form, Input } from 'antd'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { NewPasswordFields } from '@renderer/components/NewPasswordFields'

interface Values {
  current: string
  next: string
  confirm: string
}

export function AccountSettings({
  username,
  onChanged
}: {
  /** The signed-in operator's user name (the new password must not contain it). */
  username?: string
  onChanged?: () => void
} = {}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()

  const submit = async ({ current, next }: Values) => {
    try {
      await unwrap(api.auth.changePassword({ current, next }))
      form.resetFields()
      message.success(t('account.changed'))
      onChanged?.()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) form.setFields([{ name: 'current', errors: [rest] }])
    }
  }

  return (
    <Card title={t('account.changePassword')} className="settings-card">
      <Form form={form} layout="vertical" className="settings-form" onFinish={submit}>
        <Form.Item
          name="current"
          label={t('field.currentPassword')}
          rules={[
            { required: true, message: t('field.required', { field: t('field.currentPassword') }) }
          ]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields
          name="next"
          label={t('field.newPassword')}
          {...(username ? { username: () => username } : {})}
        />
        <Button type="primary" htmlType="submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  )
}
