import { App, Button, Card, Form, InputNumber, Select } from 'antd'
import { useEffect, useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { useMessages } from '@renderer/i18n/context'
import type { CameraView } from '@shared/photo/contract'
import { photoMessages } from './messages'

interface Values {
  device: string
  width: number
  height: number
}

/** Which camera main captures with and at what resolution (kept in the settings table). */
export function CameraSettings() {
  const t = useMessages(photoMessages)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [camera, setCamera] = useState<CameraView | null>(null)

  useEffect(() => {
    void unwrap(api.photo.camera()).then((view) => {
      setCamera(view)
      form.setFieldsValue({ device: view.device ?? '', width: view.width, height: view.height })
    })
  }, [form])

  const save = async (values: Values) => {
    try {
      setCamera(
        await unwrap(
          api.photo.setCamera({
            device: values.device.trim() || null,
            width: values.width,
            height: values.height
          })
        )
      )
      message.success(t('camera.saved'))
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  return (
    <Card title={t('camera.device')} className="photo-camera">
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item name="device">
          {/* Only a camera the system lists can be chosen (main refuses anything else). */}
          <Select
            style={{ width: 320 }}
            aria-label={t('camera.device')}
            options={[
              { value: '', label: t('camera.default') },
              ...[
                ...new Set([...(camera?.cameras ?? []), ...(camera?.device ? [camera.device] : [])])
              ].map((value) => ({ value, label: value }))
            ]}
          />
        </Form.Item>
        {/* Own items (not noStyle), so a refused width or height shows its message there. */}
        <Form.Item name="width">
          <InputNumber min={160} max={7680} precision={0} />
        </Form.Item>
        <span className="photo-camera-times">×</span>
        <Form.Item name="height">
          <InputNumber min={120} max={4320} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" style={{ marginLeft: 16 }}>
          {t('camera.save')}
        </Button>
      </Form>
    </Card>
  )
}
