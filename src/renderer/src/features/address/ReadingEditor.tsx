import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { addressMessages } from './messages'

interface Values {
  term: string
  reading: string
}

/** Adds a local reading of a name (大栅栏 read da shi lar, so `dsl` finds it); main audits it. */
export function ReadingEditor(props: { onClose: () => void }) {
  const t = useMessages(addressMessages)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)

  const save = async (values: Values) => {
    setSaving(true)
    try {
      const saved = await unwrap(
        api.address.addReading({ term: values.term.trim(), reading: values.reading.trim() })
      )
      message.success(t('readingSaved', { term: saved.term, readings: saved.readings.join('、') }))
      props.onClose()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('readings')}
      okText={t('ok')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="term"
          label={t('readingTerm')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input autoFocus placeholder="大栅栏" data-testid="address-reading-term" />
        </Form.Item>
        <Form.Item
          name="reading"
          label={t('readingValue')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input placeholder="da shi lar" data-testid="address-reading-value" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
