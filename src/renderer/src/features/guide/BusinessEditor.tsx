import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useI18n, useMessages } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import type { BusinessInput, GuideBusiness, GuideCategory } from '@shared/guide/contract'
import { bookKeys, books, type BookKey } from '@shared/logbooks/books'
import { guideMessages } from './messages'

/** The register select holds '' for "none" (a Select shows its placeholder for null). */
type Values = Omit<BusinessInput, 'id' | 'register'> & { register: BookKey | '' }

const textFields = [
  ['eligibility', 300],
  ['counter', 60],
  ['statutoryLimit', 300],
  ['promisedTime', 300],
  ['validity', 300],
  ['fee', 200],
  ['legalBasis', 1000],
  ['notes', 1000]
] as const

/** The administrator's editor for one business; main validates and keeps the history. */
export function BusinessEditor(props: {
  business: GuideBusiness
  categories: GuideCategory[]
  onClose: () => void
  onSaved: () => void
}) {
  const t = useMessages(guideMessages)
  const { locale } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const { business } = props
  /** The business as it was when the editor opened: a save over a later change is refused. */
  const [readAt] = useState(business.updatedAt)

  const save = async (values: Values) => {
    setBusy(true)
    try {
      const materials = (values.materials ?? []).map((m) => ({
        item: m.item ?? '',
        required: Boolean(m.required),
        condition: m.required ? null : (m.condition ?? '')
      }))
      const register = values.register || null
      await unwrap(
        api.guide.saveBusiness({
          ...values,
          id: business.id,
          register,
          materials,
          updatedAt: readAt
        })
      )
      message.success(t('saved'))
      props.onSaved()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer
      open
      size={720}
      title={`${t('edit')}：${business.name}`}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          code: business.code,
          categoryId: business.categoryId,
          menuNumber: business.menuNumber,
          name: business.name,
          nameEn: business.nameEn,
          register: business.register ?? '',
          sample: business.sample,
          materials: business.materials,
          ...Object.fromEntries(textFields.map(([key]) => [key, business[key]]))
        }}
      >
        <Space align="start" wrap>
          <Form.Item name="code" label={t('code')} rules={[{ required: true }]}>
            <Input maxLength={24} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('category')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={props.categories.map((c) => ({
                value: c.id,
                label: `${c.menuNumber} ${c.name}`
              }))}
            />
          </Form.Item>
          <Form.Item name="menuNumber" label={t('menuNumber')} rules={[{ required: true }]}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="register" label={t('register')}>
          <Select
            style={{ width: 240 }}
            options={[
              { value: '', label: t('noRegister') },
              ...bookKeys.map((key) => ({
                value: key,
                label: locale === 'zh-CN' ? books[key].title : books[key].titleEn
              }))
            ]}
          />
        </Form.Item>
        {textFields.map(([key, max]) => (
          <Form.Item key={key} name={key} label={t(key)}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={max} />
          </Form.Item>
        ))}
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              <div className="guide-editor-label">{t('materials')}</div>
              {fields.map((field) => (
                <Space key={field.key} align="start" className="guide-material-row">
                  <Form.Item
                    name={[field.name, 'item']}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input placeholder={t('item')} style={{ width: 300 }} maxLength={120} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked">
                    <Checkbox>{t('required')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'condition']}>
                    <Input placeholder={t('condition')} style={{ width: 200 }} maxLength={80} />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label={t('remove')}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ item: '', required: true, condition: null })}
              >
                {t('addMaterial')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="sample" valuePropName="checked" className="guide-sample-check">
          <Checkbox>{t('isSample')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  )
}
