import { App, Button, Form, Input, Modal, Space, Typography } from 'antd'
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
  /** The name's current station readings, shown once the name is entered (null: not looked up). */
  const [current, setCurrent] = useState<{ term: string; readings: string[] } | null>(null)

  const lookUp = async () => {
    const term = (form.getFieldValue('term') as string | undefined)?.trim()
    if (!term) return setCurrent(null)
    try {
      setCurrent(await unwrap(api.address.readings({ term })))
    } catch {
      // An unknown name: the save reports it on the field.
      setCurrent(null)
    }
  }

  const remove = async (reading: string) => {
    if (!current) return
    try {
      setCurrent(await unwrap(api.address.removeReading({ term: current.term, reading })))
      message.success(t('readingRemoved', { term: current.term, reading }))
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

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
          <Input
            autoFocus
            placeholder="大栅栏"
            data-testid="address-reading-term"
            onBlur={() => void lookUp()}
          />
        </Form.Item>
        {current && (
          <Form.Item label={t('readingCurrent')}>
            {current.readings.length === 0 ? (
              <Typography.Text type="secondary">{t('readingNone')}</Typography.Text>
            ) : (
              <Space wrap>
                {current.readings.map((reading) => (
                  <Button
                    key={reading}
                    danger
                    size="small"
                    data-testid="address-reading-remove"
                    onClick={() => void remove(reading)}
                  >
                    {t('readingRemove', { reading })}
                  </Button>
                ))}
              </Space>
            )}
          </Form.Item>
        )}
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
