import { Alert, Button, Space, Table } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { api, unwrap } from '@renderer/lib/api'
import type { AuditEntry, AuditVerification } from '@shared/ipc/contract'
import { shortId } from '@shared/ids'
import { localDateTime } from '@shared/dates'

const PAGE_SIZE = 20

export function AuditLogView() {
  const { t } = useI18n()
  const [page, setPage] = useState(1)
  const [data, setData] = useState<{ total: number; rows: AuditEntry[] }>({ total: 0, rows: [] })
  const [verification, setVerification] = useState<AuditVerification | null>(null)

  useEffect(() => {
    void unwrap(api.audit.list({ page, pageSize: PAGE_SIZE })).then(setData)
  }, [page])

  return (
    <>
      <Space className="toolbar" direction="vertical" style={{ width: '100%' }}>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => unwrap(api.audit.verify()).then(setVerification)}
        >
          {t('audit.verify')}
        </Button>
        {verification ? (
          <Alert
            data-testid="audit-verification"
            type={verification.ok ? 'success' : 'error'}
            showIcon
            title={
              verification.firstBroken
                ? t('audit.broken', {
                    seq: verification.firstBroken.seq,
                    reason: verification.firstBroken.reason
                  })
                : t('audit.ok', { n: verification.checked })
            }
            description={
              verification.checkpoints.problem
                ? t('audit.checkpointProblem', { problem: verification.checkpoints.problem })
                : verification.checkpoints.count === 0
                  ? t('audit.noCheckpoints')
                  : t('audit.checkpoints', {
                      n: verification.checkpoints.count,
                      seq: verification.checkpoints.lastSeq ?? 0,
                      time: verification.checkpoints.lastAt
                        ? localDateTime(new Date(verification.checkpoints.lastAt))
                        : ''
                    })
            }
          />
        ) : null}
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        dataSource={data.rows}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          {
            title: t('audit.time'),
            dataIndex: 'at',
            render: (at: string) => localDateTime(new Date(at)),
            width: 190
          },
          {
            title: t('audit.operator'),
            dataIndex: 'operatorName',
            render: (name: string | null) => name ?? '—'
          },
          { title: t('audit.action'), dataIndex: 'action' },
          {
            title: t('audit.entity'),
            render: (_, row) =>
              row.entity ? `${row.entity} ${row.entityId ? shortId(row.entityId) : ''}` : '—'
          },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            ellipsis: true,
            render: (detail: string | null) => detail ?? ''
          }
        ]}
      />
    </>
  )
}
