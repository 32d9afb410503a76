import { Form, Input, InputNumber, Radio } from 'antd'
import { useI18n } from '@renderer/i18n/context'

/**
 * Host, port, database, user, password, 本所密钥口令, TLS, this PC's name and CA. `kept`: what this PC holds already
 * (its fields may then stay empty); at first start nothing is, so both secrets are required.
 */
export function StationServerFields({
  kept
}: {
  kept: { password: boolean; stationKey: boolean } | null
}) {
  const { t } = useI18n()
  const required = (field: string) => ({
    required: true,
    message: t('field.required', { field })
  })
  return (
    <>
      <Form.Item name="host" label={t('station.host')} rules={[required(t('station.host'))]}>
        <Input autoComplete="off" maxLength={253} />
      </Form.Item>
      <Form.Item name="port" label={t('station.port')} rules={[required(t('station.port'))]}>
        <InputNumber min={1} max={65535} precision={0} maxLength={5} />
      </Form.Item>
      <Form.Item
        name="database"
        label={t('station.database')}
        rules={[required(t('station.database'))]}
      >
        <Input autoComplete="off" maxLength={63} />
      </Form.Item>
      <Form.Item name="user" label={t('station.user')} rules={[required(t('station.user'))]}>
        <Input autoComplete="off" maxLength={63} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('station.password')}
        rules={kept?.password ? [] : [required(t('station.password'))]}
      >
        <Input.Password
          autoComplete="new-password"
          maxLength={200}
          placeholder={kept?.password ? t('station.passwordKept') : undefined}
        />
      </Form.Item>
      <Form.Item
        name="passphrase"
        label={t('station.passphrase')}
        extra={t('station.passphraseHelp')}
        rules={kept ? [] : [required(t('station.passphrase'))]}
      >
        <Input.Password
          autoComplete="new-password"
          maxLength={200}
          placeholder={kept?.stationKey ? t('station.passphraseKept') : undefined}
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
      <Form.Item name="pcName" label={t('station.pcName')} extra={t('station.pcNameHelp')}>
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name="caPem" label={t('station.ca')}>
        <Input.TextArea rows={3} maxLength={20_000} placeholder="-----BEGIN CERTIFICATE-----" />
      </Form.Item>
    </>
  )
}
