import { App, Button, InputNumber, Modal, Select, Space, Table, Tag, Tooltip } from 'antd'
import { DeleteOutlined, PrinterOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import { useApp } from '@renderer/AppContext'
import { stationDateTime } from '@shared/dates'
import type { PhotoView, ReportView } from '@shared/photo/contract'
import { sheetSizes, type SheetSize } from '@shared/photo/sheet'
import { RuleList } from './ResultPanel'
import { photoMessages } from './messages'

const PAGE_SIZE = 20

/** Kept photos: view with their rules, delete after confirming, print sheets of a selection. */
export function History({ version }: { version: number }) {
  const t = useMessages(photoMessages)
  const { message, modal } = App.useApp()
  const { session } = useApp()
  // Main allows removal only to the photo's taker or an administrator; the button follows it.
  const mayRemove = (row: PhotoView) =>
    session.operator.role === 'admin' || row.operatorId === session.operator.id
  const [page, setPage] = useState(1)
  const [data, setData] = useState<{ total: number; rows: PhotoView[] }>({ total: 0, rows: [] })
  const [selected, setSelected] = useState<string[]>([])
  const [viewing, setViewing] = useState<{ image: string; report: ReportView } | null>(null)
  const [sheet, setSheet] = useState<{ size: SheetSize; copies: number; gapMm: number }>({
    size: '6inch',
    copies: 4,
    gapMm: 2
  })

  const load = useCallback(() => {
    unwrap(api.photo.list({ page, pageSize: PAGE_SIZE })).then(setData, (error: unknown) =>
      message.error(errorMessage(error))
    )
  }, [page, message])
  useEffect(load, [load, version])

  const remove = (row: PhotoView) =>
    modal.confirm({
      title: t('history.deleteConfirm'),
      content: t('history.deleteDetail', {
        time: stationDateTime(new Date(row.takenAt)),
        spec: row.specName
      }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await unwrap(api.photo.remove({ id: row.id }))
        } catch (error) {
          message.error(errorMessage(error))
          return
        }
        message.success(t('history.deleted'))
        setSelected((ids) => ids.filter((id) => id !== row.id))
        load()
      }
    })

  const view = async (row: PhotoView) => {
    try {
      setViewing(await unwrap(api.photo.image({ id: row.id })))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const exportFile = async (row: PhotoView) => {
    try {
      const { file } = await unwrap(api.photo.export({ id: row.id }))
      message.success(t('history.exported', { file }))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const print = async () => {
    try {
      const made = await unwrap(api.photo.sheet({ ids: selected, ...sheet }))
      modal.success({
        title: t('history.sheetDone', { n: made.photos, pages: made.pages, file: made.file }),
        okText: t('history.openSheet'),
        // Opens the PDF in the system viewer, which prints it at its true size.
        onOk: () =>
          unwrap(api.app.openDocument({ path: made.file })).catch((error: unknown) =>
            message.error(errorMessage(error))
          )
      })
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  return (
    <>
      <Space className="toolbar" wrap>
        <span>{t('sheet.size')}</span>
        <Select
          value={sheet.size}
          onChange={(size) => setSheet({ ...sheet, size })}
          options={(Object.keys(sheetSizes) as SheetSize[]).map((value) => ({
            value,
            label: t(`sheet.paper.${value}`)
          }))}
          aria-label={t('sheet.size')}
          className="photo-sheet-paper"
          popupMatchSelectWidth={false}
          style={{ width: 250 }}
        />
        <span>{t('sheet.copies')}</span>
        <InputNumber
          min={1}
          max={60}
          value={sheet.copies}
          onChange={(copies) => setSheet({ ...sheet, copies: copies ?? 1 })}
        />
        <span>{t('sheet.gap')}</span>
        <InputNumber
          min={0}
          max={10}
          step={0.5}
          value={sheet.gapMm}
          onChange={(gapMm) => setSheet({ ...sheet, gapMm: gapMm ?? 2 })}
        />
        <Button icon={<PrinterOutlined />} disabled={!selected.length} onClick={() => void print()}>
          {t('history.sheet')}
        </Button>
      </Space>
      <Table<PhotoView>
        rowKey="id"
        size="middle"
        dataSource={data.rows}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          // A sheet needs the JPEG, which another PC's photo does not have here.
          getCheckboxProps: (row) => ({ disabled: row.elsewhere })
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage }}
        columns={[
          {
            title: t('history.time'),
            dataIndex: 'takenAt',
            render: (v: string) => stationDateTime(new Date(v))
          },
          { title: t('spec'), dataIndex: 'specName' },
          { title: t('history.operator'), dataIndex: 'operatorName' },
          {
            title: t('history.size'),
            dataIndex: 'bytes',
            render: (b: number) => `${(b / 1024).toFixed(1)} KB`
          },
          {
            title: t('history.result'),
            render: (_, row) =>
              row.passed ? (
                <Tag color="success">{t('history.passed')}</Tag>
              ) : (
                row.failed.map((f) => (
                  <Tag key={f} color="error">
                    {f}
                  </Tag>
                ))
              )
          },
          { title: t('history.subject'), dataIndex: 'subjectRef' },
          {
            title: '',
            render: (_, row) => (
              <Space>
                {row.elsewhere ? (
                  <Tooltip title={t('history.elsewhereHint')}>
                    <Tag data-testid="photo-elsewhere">
                      {row.heldBy
                        ? t('history.elsewhereNamed', { name: row.heldBy })
                        : t('history.elsewhere')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <>
                    <Button size="small" onClick={() => void view(row)}>
                      {t('history.view')}
                    </Button>
                    <Button size="small" onClick={() => void exportFile(row)}>
                      {t('history.export')}
                    </Button>
                  </>
                )}
                {mayRemove(row) ? (
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(row)}>
                    {t('history.delete')}
                  </Button>
                ) : null}
              </Space>
            )
          }
        ]}
      />
      <Modal open={Boolean(viewing)} onCancel={() => setViewing(null)} footer={null} width={880}>
        {viewing ? (
          <div className="photo-view">
            <img src={viewing.image} alt="" />
            <RuleList report={viewing.report} />
          </div>
        ) : null}
      </Modal>
    </>
  )
}
