import { useEffect, useState } from 'react'
import { Alert, Card, Progress, Space, Table, Tag } from 'antd'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { stationDate } from '@shared/dates'
import type { StaffConfig } from '@shared/staff/contract'
import { staffMessages } from './messages'

type Rows = Awaited<ReturnType<typeof loadProgress>>
const loadProgress = (month: string) => unwrap(api.staff.quotaProgress({ month }))

/**
 * The month's follow-up quota per officer, for the today board (F5): households and persons
 * against the quota; an officer behind in the month's last week is shown in red.
 */
export function QuotaBoard() {
  const t = useMessages(staffMessages)
  const [rows, setRows] = useState<Rows>([])
  const [quota, setQuota] = useState<StaffConfig['quota'] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    const fail = (error: unknown) => setFailure(errorMessage(error))
    loadProgress(stationDate().slice(0, 7)).then(setRows, fail)
    unwrap(api.staff.config()).then((c) => setQuota(c.quota), fail)
  }, [])
  if (failure) return <Alert type="error" showIcon title={failure} data-testid="board-quota" />
  if (!quota) return null
  const red = '#cf1322'
  return (
    <Card
      size="small"
      title={t('quotaBoard', { h: quota.households, p: quota.persons })}
      data-testid="board-quota"
    >
      <Table
        size="small"
        rowKey="officerId"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.behind ? 'quota-behind' : '')}
        columns={[
          {
            title: t('officer'),
            dataIndex: 'officerName',
            render: (name: string, r) => (
              <Space>
                <span style={{ color: r.behind ? red : undefined }}>{name}</span>
                {r.behind ? <Tag color="red">{t('behind')}</Tag> : null}
                {r.met ? <Tag color="green">{t('met')}</Tag> : null}
              </Space>
            )
          },
          {
            title: t('households'),
            render: (_, r) => (
              <span
                style={{ color: r.behind && r.households < quota.households ? red : undefined }}
              >
                {`${r.households}/${quota.households}`}
              </span>
            )
          },
          {
            title: t('persons'),
            render: (_, r) => (
              <span style={{ color: r.behind && r.persons < quota.persons ? red : undefined }}>
                {`${r.persons}/${quota.persons}`}
              </span>
            )
          },
          {
            title: t('progressChart'),
            width: '40%',
            render: (_, r) => (
              <Progress
                percent={Math.round(r.ratio * 100)}
                size="small"
                status={r.behind ? 'exception' : r.met ? 'success' : 'normal'}
              />
            )
          }
        ]}
      />
    </Card>
  )
}
