import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import type { ChangeView } from '@shared/address/contract'
import { addressMessages } from './messages'

interface Values {
  oldText: string
  newText: string
  effective?: string
  source?: string
  note?: string
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** Adds a pair by hand, or edits one; main audits either. */
export function ChangeEditor(props: {
  change: ChangeView | null
  onClose: () => void
  onSaved: () => void
}) {
  const t = useMessages(addressMessages)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const { change } = props

  const save = async (values: Values) => {
    const input = {
      oldText: values.oldText.trim(),
      newText: values.newText.trim(),
      effective: orNull(values.effective),
      source: orNull(values.source),
      note: orNull(values.note)
    }
    setSaving(true)
    try {
      await unwrap(
        change ? api.address.update({ id: change.id, ...input }) : api.address.create(input)
      )
      props.onSaved()
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
      title={change ? t('edit') : t('add')}
      okText={t('ok')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          oldText: change?.oldText ?? '',
          newText: change?.newText ?? '',
          effective: change?.effective ?? '',
          source: change?.source ?? '',
          note: change?.note ?? ''
        }}
      >
        <Form.Item
          name="oldText"
          label={t('oldAddress')}
          rules={[{ required: true, whitespace: true, max: 300 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="newText"
          label={t('newAddress')}
          rules={[{ required: true, whitespace: true, max: 300 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="effective" label={t('effective')} rules={[{ max: 40 }]}>
          <Input placeholder="2010-07-01" />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
