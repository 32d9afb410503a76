import { Alert, Button, Card, Form, InputNumber, Space } from 'antd'
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { useState } from 'react'
import type { PrintedDocument } from '@shared/ipc/documents'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import { calendarMessages } from './messages'
import { stationDate } from '@shared/dates'

/** The printable 阴阳历对照表 for a range of years, as a PDF to open and print. */
export function PrintTable() {
  const t = useMessages(calendarMessages)
  const thisYear = Number(stationDate().slice(0, 4))
  const [busy, setBusy] = useState(false)
  const [printed, setPrinted] = useState<PrintedDocument | null>(null)
  const [error, setError] = useState<string | null>(null)

  const make = async (range: { fromYear: number; toYear: number }) => {
    setBusy(true)
    setError(null)
    try {
      setPrinted(await unwrap(api.calendar.printTable(range)))
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const yearRules = [
    { required: true, message: t('yearRequired') },
    { type: 'integer' as const, min: 1901, max: 2100, message: t('yearRange') }
  ]
  return (
    <Card style={{ maxWidth: 720 }}>
      <Form
        layout="inline"
        onFinish={make}
        initialValues={{ fromYear: thisYear, toYear: thisYear }}
      >
        <Form.Item name="fromYear" label={t('fromYear')} rules={yearRules}>
          <InputNumber min={1901} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="toYear"
          label={t('toYear')}
          dependencies={['fromYear']}
          rules={[
            ...yearRules,
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                value == null ||
                (value >= getFieldValue('fromYear') && value - getFieldValue('fromYear') < 50)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('yearOrder')))
            })
          ]}
        >
          <InputNumber min={1901} max={2100} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<FilePdfOutlined />} loading={busy}>
          {t('print')}
        </Button>
      </Form>
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {printed ? (
          <Alert
            type="success"
            showIcon
            data-testid="printed-document"
            title={t('printed', { fileName: printed.fileName, pages: printed.pages })}
            action={
              <Button
                icon={<PrinterOutlined />}
                onClick={() =>
                  unwrap(api.app.openDocument({ path: printed.path })).catch((e: unknown) =>
                    setError(errorMessage(e))
                  )
                }
              >
                {t('open')}
              </Button>
            }
          />
        ) : null}
        {printed?.missingCharacters.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('missing', { chars: printed.missingCharacters.join(' ') })}
          />
        ) : null}
      </Space>
    </Card>
  )
}
