import { App, Button, Card, Form, Input, InputNumber, List, Modal, Tag } from 'antd'
import { useState } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import type { GuideCategory } from '@shared/guide/contract'
import { guideMessages } from './messages'

/** A category's level of the menu, and (for the administrator) its name and number. */
export function CategoryPanel(props: {
  category: GuideCategory
  isAdmin: boolean
  onOpen: (menuNumber: number) => void
  onSaved: (category: GuideCategory) => void
}) {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const [form] = Form.useForm<{ name: string; menuNumber: number }>()
  const [editing, setEditing] = useState(false)
  const { category } = props
  /** The category as it was when the editor opened: a save over a later change is refused. */
  const [readAt, setReadAt] = useState(category.updatedAt)

  const save = async (values: { name: string; menuNumber: number }) => {
    try {
      const saved = await unwrap(
        api.guide.saveCategory({ id: category.id, ...values, updatedAt: readAt })
      )
      message.success(t('saved'))
      setEditing(false)
      props.onSaved(saved)
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  return (
    <Card
      title={
        <span>
          <span className="guide-key">{category.menuNumber}</span> {category.name}
        </span>
      }
      extra={
        props.isAdmin ? (
          <Button
            onClick={() => {
              setReadAt(category.updatedAt)
              setEditing(true)
            }}
          >
            {t('editCategory')}
          </Button>
        ) : null
      }
    >
      <List
        header={t('categoryBusinesses')}
        dataSource={category.businesses}
        renderItem={(b) => (
          <List.Item className="guide-hit" onClick={() => props.onOpen(b.menuNumber)}>
            <span className="guide-node">
              <b className="guide-key">{b.menuNumber}</b>
              {b.name}
            </span>
            {b.sample ? <Tag color="orange">{t('sampleTag')}</Tag> : null}
          </List.Item>
        )}
      />
      <Modal
        open={editing}
        title={t('editCategory')}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ name: category.name, menuNumber: category.menuNumber }}
        >
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="menuNumber" label={t('menuNumber')} rules={[{ required: true }]}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
