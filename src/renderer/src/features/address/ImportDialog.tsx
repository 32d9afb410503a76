import { Alert, App, Button, Form, Modal, Progress, Select, Space, Table, Typography } from 'antd'
import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import type { ImportJob, ImportMapping, ImportPreview } from '@shared/address/contract'
import { addressMessages } from './messages'

/** The IPC cap on a file's content; larger files go through the CLI. */
const MAX_CONTENT = 400_000
const FIELDS = ['old', 'new', 'effective', 'source', 'note'] as const
const LABELS = {
  old: 'oldAddress',
  new: 'newAddress',
  effective: 'effective',
  source: 'source',
  note: 'note'
} as const

/** CSV as text, XLSX as base64, as the contract expects. */
async function readContent(file: File): Promise<string> {
  if (!/\.xlsx$/i.test(file.name)) return file.text()
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Import: choose a file, map its columns, preview, run with progress and cancel, see each bad row. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(addressMessages)
  const { message } = App.useApp()
  const [file, setFile] = useState<{ name: string; content: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<ImportMapping | null>(null)
  const [job, setJob] = useState<ImportJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const chooser = useRef<HTMLInputElement>(null)

  const running = job?.state === 'running'
  useEffect(() => {
    if (!running || !job) return
    const timer = setInterval(() => {
      unwrap(api.address.importStatus({ id: job.id })).then(setJob, (e: unknown) =>
        setError(errorMessage(e))
      )
    }, 250)
    return () => clearInterval(timer)
  }, [running, job?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    event.target.value = ''
    if (!chosen) return
    setError(null)
    setJob(null)
    setPreview(null)
    const content = await readContent(chosen)
    if (content.length > MAX_CONTENT) {
      setError(t('fileTooLarge', { size: MAX_CONTENT }))
      return
    }
    try {
      const found = await unwrap(api.address.previewImport({ name: chosen.name, content }))
      setFile({ name: chosen.name, content })
      setPreview(found)
      setMapping(
        found.mapping ?? {
          old: 0,
          new: Math.min(1, found.headers.length - 1),
          effective: null,
          source: null,
          note: null
        }
      )
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  const start = async () => {
    if (!file || !mapping) return
    try {
      setJob(await unwrap(api.address.startImport({ ...file, mapping })))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  const cancel = async () => {
    if (!job) return
    try {
      setJob(await unwrap(api.address.cancelImport({ id: job.id })))
    } catch (e) {
      message.error(errorMessage(e))
    }
  }

  const columns = (preview?.headers ?? []).map((header, i) => ({
    title: header || `#${i + 1}`,
    dataIndex: i,
    key: i
  }))
  const options = (preview?.headers ?? []).map((header, i) => ({
    value: i,
    label: `${i + 1}. ${header}`
  }))
  const finished = job && job.state !== 'running'

  return (
    <Modal
      open
      width={960}
      title={t('importTitle')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      footer={
        <Space>
          {running ? (
            <Button danger onClick={() => void cancel()}>
              {t('cancelImport')}
            </Button>
          ) : finished ? (
            <Button onClick={() => chooser.current?.click()}>{t('again')}</Button>
          ) : (
            <Button
              type="primary"
              disabled={!preview || !mapping}
              onClick={() => void start()}
              data-testid="address-import-start"
            >
              {t('startImport')}
            </Button>
          )}
          <Button disabled={running} onClick={onClose}>
            {t('close')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button onClick={() => chooser.current?.click()} disabled={running}>
            {t('chooseFile')}
          </Button>
          {file && <Typography.Text strong>{file.name}</Typography.Text>}
          <input
            ref={chooser}
            type="file"
            accept=".csv,.xlsx,text/csv"
            hidden
            data-testid="address-import-file"
            onChange={(event) => void choose(event)}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {preview && mapping && !job && (
          <>
            <Typography.Title level={5}>{t('mapping')}</Typography.Title>
            <Form layout="inline">
              {FIELDS.map((field) => (
                <Form.Item key={field} label={t(LABELS[field])}>
                  <Select
                    style={{ minWidth: 160 }}
                    value={mapping[field] ?? -1}
                    aria-label={t(LABELS[field])}
                    options={
                      field === 'old' || field === 'new'
                        ? options
                        : [{ value: -1, label: t('notMapped') }, ...options]
                    }
                    onChange={(value: number) =>
                      setMapping({ ...mapping, [field]: value === -1 ? null : value })
                    }
                  />
                </Form.Item>
              ))}
            </Form>
            <Typography.Text type="secondary">
              {t('preview', { count: preview.rows.length, total: preview.totalRows })}
            </Typography.Text>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              columns={columns}
              dataSource={preview.rows.map((cells, i) => ({ key: i, ...cells }))}
              data-testid="address-import-preview"
            />
          </>
        )}
        {job && (
          <div data-testid="address-import-job">
            <Progress
              percent={
                job.state === 'done' || !job.total
                  ? 100
                  : Math.round((job.processed / job.total) * 100)
              }
              status={
                job.state === 'running' ? 'active' : job.state === 'done' ? 'success' : 'exception'
              }
            />
            {running && <Typography.Text>{t('importing')}</Typography.Text>}
            {job.state === 'done' && (
              <Alert
                type={job.errors.length ? 'warning' : 'success'}
                showIcon
                data-testid="address-import-result"
                title={t('resultDone', {
                  imported: job.imported,
                  duplicates: job.duplicates,
                  errors: job.errors.length
                })}
              />
            )}
            {job.state === 'cancelled' && (
              <Alert type="info" showIcon title={t('resultCancelled')} />
            )}
            {job.state === 'failed' && (
              <Alert
                type="error"
                showIcon
                title={t('resultFailed', { message: job.message ?? '' })}
              />
            )}
            {job.errors.length > 0 && (
              <Table
                size="small"
                title={() => t('errorsTitle')}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                rowKey={(row) => `${row.line}:${row.reason}`}
                columns={[
                  { title: t('line'), dataIndex: 'line', width: 90 },
                  { title: t('reason'), dataIndex: 'reason' }
                ]}
                dataSource={job.errors}
                data-testid="address-import-errors"
              />
            )}
          </div>
        )}
      </Space>
    </Modal>
  )
}
