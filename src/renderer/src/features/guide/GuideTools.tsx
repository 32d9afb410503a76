import { Alert, App, Button, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import type { OfficeInfo } from '@shared/guide/contract'
import { guideMessages } from './messages'

/** Shows the phone system's script and exports it to a text file. */
export function VoiceScriptButton() {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const [text, setText] = useState<string | null>(null)

  const run = async (save: boolean) => {
    try {
      const result = await unwrap(api.guide.voiceScript({ save }))
      setText(result.text)
      if (result.path) message.success(t('exported', { path: result.path }))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  return (
    <>
      <Button onClick={() => run(false)}>{t('voiceScript')}</Button>
      <Modal
        open={text !== null}
        width={760}
        title={t('voiceScript')}
        onCancel={() => setText(null)}
        footer={[
          <Button key="export" type="primary" onClick={() => run(true)}>
            {t('exportScript')}
          </Button>
        ]}
      >
        <pre className="guide-script" data-testid="guide-voice-script">
          {text}
        </pre>
      </Modal>
    </>
  )
}

/** The station's phone numbers, address and hours printed on each checklist. */
export function OfficeButton({ isAdmin }: { isAdmin: boolean }) {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const [form] = Form.useForm<OfficeInfo>()
  const [office, setOffice] = useState<OfficeInfo | null>(null)

  const open = () =>
    unwrap(api.guide.office()).then(setOffice, (error: unknown) =>
      message.error(errorMessage(error))
    )

  const save = async (values: OfficeInfo) => {
    try {
      await unwrap(api.guide.updateOffice(values))
      message.success(t('saved'))
      setOffice(null)
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  return (
    <>
      <Button onClick={open}>{t('office')}</Button>
      <Modal
        open={office !== null}
        title={t('office')}
        okText={t('save')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !isAdmin }}
        onOk={() => form.submit()}
        onCancel={() => setOffice(null)}
        destroyOnHidden
      >
        {office && !office.phones && !office.address ? (
          <Alert type="info" title={t('officeMissing')} className="form-alert" />
        ) : null}
        {office ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            initialValues={office}
            disabled={!isAdmin}
          >
            <Form.Item name="phones" label={t('phones')}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="address" label={t('address')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  )
}
