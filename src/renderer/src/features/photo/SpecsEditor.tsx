import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, List, Row, Space } from 'antd'
import { useState } from 'react'
import { useApp } from '@renderer/AppContext'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { useMessages } from '@renderer/i18n/context'
import { geometryKeys, type PhotoSpec } from '@shared/photo/spec'
import { specFromForm, type SpecForm } from '@shared/photo/spec-form'
import { photoMessages } from './messages'
import { CameraSettings } from './CameraSettings'

/** Every number box is the same width: the table reads down its columns. */
const NUMBER_STYLE = { width: '100%' }

/** The specs as data: each shown with its size; an administrator edits one in a form. */
export function SpecsEditor({ specs, onSaved }: { specs: PhotoSpec[]; onSaved: () => void }) {
  const t = useMessages(photoMessages)
  const { message } = App.useApp()
  const { session } = useApp()
  const isAdmin = session.operator.role === 'admin'
  const [editing, setEditing] = useState<PhotoSpec | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<SpecForm>()

  const save = async (values: SpecForm) => {
    if (!editing) return
    setSaving(true)
    setProblem(null)
    try {
      await unwrap(api.photo.saveSpec(specFromForm(editing.id, values)))
      message.success(t('specs.saved'))
      setEditing(null)
      onSaved()
    } catch (error) {
      // Field messages at their boxes; contradictions between numbers under the form.
      setProblem(showFieldErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  const required = [{ required: true, message: t('specs.required') }]
  const number = (name: (string | number)[], label: string, rules = required) => (
    <Form.Item name={name} label={label} rules={rules}>
      <InputNumber style={NUMBER_STYLE} aria-label={label} />
    </Form.Item>
  )

  return (
    <div className="photo-specs">
      <CameraSettings />
      {!isAdmin ? <p className="settings-note">{t('specs.adminOnly')}</p> : null}
      <List
        dataSource={specs}
        renderItem={(spec) => (
          <List.Item
            actions={
              isAdmin
                ? [
                    <Button
                      key="edit"
                      size="small"
                      onClick={() => {
                        setEditing(spec)
                        setProblem(null)
                        form.resetFields()
                        form.setFieldsValue(spec as SpecForm)
                      }}
                    >
                      {t('specs.edit')}
                    </Button>
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${spec.name}（${spec.id}）`}
              description={t('specs.size', {
                wmm: spec.widthMm,
                hmm: spec.heightMm,
                w: spec.widthPx,
                h: spec.heightPx,
                dpi: spec.dpi
              })}
            />
          </List.Item>
        )}
      />
      {editing ? (
        <Card title={`${editing.name}（${editing.id}）`} className="photo-spec-editor">
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => void save(values)}
            requiredMark={false}
          >
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="name" label={t('specs.name')} rules={required}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="source" label={t('specs.source')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <h4>{t('specs.sizeSection')}</h4>
            <Row gutter={16}>
              <Col span={4}>{number(['widthMm'], t('specs.widthMm'))}</Col>
              <Col span={4}>{number(['heightMm'], t('specs.heightMm'))}</Col>
              <Col span={4}>{number(['widthPx'], t('specs.widthPx'))}</Col>
              <Col span={4}>{number(['heightPx'], t('specs.heightPx'))}</Col>
              <Col span={4}>{number(['dpi'], 'dpi')}</Col>
            </Row>
            <h4>{t('specs.geometrySection')}</h4>
            <table className="photo-spec-bands">
              <thead>
                <tr>
                  <th>{t('specs.rule')}</th>
                  <th>{t('specs.min')}</th>
                  <th>{t('specs.max')}</th>
                </tr>
              </thead>
              <tbody>
                {geometryKeys.map((key) => (
                  <tr key={key}>
                    <th scope="row">{t(`specs.geo.${key}`)}</th>
                    {(['min', 'max'] as const).map((end) => (
                      <td key={end}>
                        <Form.Item name={['geometry', key, end]}>
                          <InputNumber
                            style={NUMBER_STYLE}
                            aria-label={`${t(`specs.geo.${key}`)} ${t(`specs.${end}`)}`}
                          />
                        </Form.Item>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="settings-note">{t('specs.bandsNote')}</p>
            <Row gutter={16} align="bottom">
              <Col span={6}>
                {number(['geometry', 'centreTolerance'], t('specs.centreTolerance'), [])}
              </Col>
              <Col span={18}>
                <Form.Item name={['geometry', 'eyeRuleWins']} valuePropName="checked">
                  <Checkbox>{t('specs.eyeRuleWins')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <h4>{t('specs.backgroundSection')}</h4>
            <Form.List name={['background', 'colours']}>
              {(colours, { add, remove }, { errors }) => (
                <>
                  {colours.map((colour) => (
                    <Row gutter={8} key={colour.key} align="top">
                      <Col span={5}>
                        <Form.Item name={[colour.name, 'name']} label={t('specs.colourName')}>
                          <Input maxLength={20} />
                        </Form.Item>
                      </Col>
                      {(['R', 'G', 'B'] as const).map((channel, index) => (
                        <Col span={3} key={channel}>
                          <Form.Item name={[colour.name, 'rgb', index]} label={channel}>
                            <InputNumber
                              style={NUMBER_STYLE}
                              aria-label={`${t('specs.backgroundSection')} ${colour.name + 1} ${channel}`}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                      <Col span={4}>
                        <Form.Item label=" ">
                          <Button
                            onClick={() => remove(colour.name)}
                            aria-label={`${t('specs.removeColour')} ${t('specs.backgroundSection')} ${colour.name + 1}`}
                          >
                            {t('specs.removeColour')}
                          </Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Form.Item>
                    <Button onClick={() => add({ name: '', rgb: [255, 255, 255] })}>
                      {t('specs.addColour')}
                    </Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Row gutter={16}>
              <Col span={6}>{number(['background', 'maxDeltaE'], t('specs.maxDeltaE'))}</Col>
            </Row>
            <h4>{t('specs.jpegSection')}</h4>
            <Row gutter={16}>
              <Col span={6}>{number(['jpeg', 'quality'], t('specs.quality'))}</Col>
              <Col span={6}>{number(['jpeg', 'minBytes'], t('specs.minBytes'), [])}</Col>
              <Col span={6}>{number(['jpeg', 'maxBytes'], t('specs.maxBytes'), [])}</Col>
            </Row>
            <Form.Item name="note" label={t('specs.note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
            </Form.Item>
            {problem ? (
              <p className="photo-spec-problem" data-testid="spec-problem">
                {problem}
              </p>
            ) : null}
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('specs.save')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('specs.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}
