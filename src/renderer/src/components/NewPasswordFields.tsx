import { Form, Input } from 'antd'
import { useI18n } from '@renderer/i18n/context'
import { confirmRules, passwordRules } from '@renderer/screens/passwordRules'

/** A new password and its confirmation, with the contract's password rule shown before submit. */
export function NewPasswordFields({
  name,
  label,
  username
}: {
  name: string
  label: string
  /** The account's user name, when known: the password must not contain it. */
  username?: () => string | undefined
}) {
  const { t } = useI18n()
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('field.passwordRule')}
        rules={passwordRules(t, username)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('field.passwordConfirm')}
        dependencies={[name]}
        rules={confirmRules(t, name)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  )
}
