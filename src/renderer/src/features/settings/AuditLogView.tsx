import { Alert, Button, Progress, Segmented, Space, Table, Typography } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useI18n } from '@renderer/i18n/context'
import { SearchSelect } from '@renderer/components/SearchSelect'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import type { AuditEntry, AuditVerification, Progress as Done } from '@shared/ipc/contract'
import type { z } from 'zod'
import type { stationChainView } from '@shared/station/contract'
import { shortId } from '@shared/ids'
import { stationDateTime } from '@shared/dates'
import {
  auditActionName,
  auditActionOptions,
  auditDetailText,
  auditEntityText
} from '@shared/audit-names'

const PAGE_SIZE = 20

type StationChain = z.output<typeof stationChainView>
type Scope = 'pc' | 'station'
type Row = AuditEntry & { deviceId?: string; pcName?: string | null }

/**
 * The audit log, for the auditor: this PC's own chain, and in station mode the whole station's
 * rows on the server (全所), each PC's chain verified there.
 */
export function AuditLogView() {
  const { t, locale } = useI18n()
  const [scope, setScope] = useState<Scope>('pc')
  const [action, setAction] = useState<string | undefined>(undefined)
  const [inStation, setInStation] = useState(false)
  const [page, setPage] = useState(1)
  const [data, setData] = useState<{ total: number; rows: Row[] }>({ total: 0, rows: [] })
  const [problem, setProblem] = useState<string | null>(null)
  const [verification, setVerification] = useState<AuditVerification | null>(null)
  const [chains, setChains] = useState<StationChain[] | null>(null)
  const [verifying, setVerifying] = useState(false)
  const [checked, setChecked] = useState<Done | null>(null)

  // A long chain takes a while: how far the verification is.
  useEffect(() => (verifying ? api.on('audit.progress', setChecked) : undefined), [verifying])

  useEffect(() => {
    void unwrap(api.station.status()).then((status) => setInStation(status.configured))
  }, [])

  useEffect(() => {
    const read: Promise<{ total: number; rows: Row[] }> =
      scope === 'station'
        ? unwrap(api.station.auditList({ page, pageSize: PAGE_SIZE, action }))
        : unwrap(api.audit.list({ page, pageSize: PAGE_SIZE, action }))
    read.then(
      (listed) => {
        setData(listed)
        setProblem(null)
      },
      (error: unknown) => {
        setData({ total: 0, rows: [] })
        setProblem(errorMessage(error))
      }
    )
  }, [page, scope, action])

  const verify = () => {
    setProblem(null)
    setChecked(null)
    setVerifying(true)
    const done =
      scope === 'station'
        ? unwrap(api.station.auditVerify()).then(setChains)
        : unwrap(api.audit.verify()).then(setVerification)
    done
      .catch((error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setVerifying(false))
  }

  /** A PC by its name, else by its short id (rows of the 全所 list and verified chains). */
  const pcOf = (row: { pcName?: string | null; deviceId?: string }) =>
    row.pcName ?? (row.deviceId ? shortId(row.deviceId) : '')

  return (
    <>
      <Space className="toolbar" direction="vertical" style={{ width: '100%' }}>
        {inStation ? (
          <Segmented<Scope>
            data-testid="audit-scope"
            value={scope}
            onChange={(next) => {
              setScope(next)
              setPage(1)
            }}
            options={[
              { value: 'pc', label: t('audit.scope.pc') },
              { value: 'station', label: t('audit.scope.station') }
            ]}
          />
        ) : null}
        {scope === 'station' ? <Alert type="info" title={t('audit.stationNote')} /> : null}
        <Space wrap>
          <SearchSelect<string>
            data-testid="audit-action-filter"
            aria-label={t('audit.filterAction')}
            placeholder={t('audit.allActions')}
            allowClear
            optionFilterProp="label"
            style={{ width: 280 }}
            value={action}
            options={auditActionOptions(locale)}
            onChange={(next: string | undefined) => {
              setAction(next)
              setPage(1)
            }}
          />
          <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={verifying}>
            {t('audit.verify')}
          </Button>
          {verifying && checked && checked.total > 0 ? (
            <Space data-testid="audit-verify-progress">
              <Progress
                percent={Math.floor((checked.done / checked.total) * 100)}
                size="small"
                style={{ width: 200 }}
              />
              <span>{t('audit.verifying', { done: checked.done, total: checked.total })}</span>
            </Space>
          ) : null}
        </Space>
        {problem ? (
          <Alert data-testid="audit-problem" type="error" showIcon title={problem} />
        ) : null}
        {scope === 'pc' && verification ? (
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
                        ? stationDateTime(new Date(verification.checkpoints.lastAt))
                        : ''
                    })
            }
          />
        ) : null}
        {scope === 'station' && chains ? (
          <Alert
            data-testid="audit-station-verification"
            type={chains.every((chain) => chain.ok && !chain.badMacAt) ? 'success' : 'error'}
            showIcon
            title={chains.map((chain) => (
              <div key={chain.deviceId}>
                {!chain.ok
                  ? t('audit.stationBroken', { pc: pcOf(chain), seq: chain.brokenAt ?? 0 })
                  : chain.badMacAt
                    ? t('audit.stationBadMac', { pc: pcOf(chain), seq: chain.badMacAt })
                    : t('audit.stationOk', { pc: pcOf(chain), n: chain.rows })}
              </div>
            ))}
          />
        ) : null}
      </Space>
      <Table<Row>
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
          ...(scope === 'station'
            ? [
                {
                  title: t('audit.pc'),
                  key: 'pc',
                  width: 120,
                  render: (_: unknown, row: Row) => pcOf(row)
                }
              ]
            : []),
          { title: '#', dataIndex: 'seq', width: 70 },
          {
            title: t('audit.time'),
            dataIndex: 'at',
            render: (at: string) => stationDateTime(new Date(at)),
            width: 190
          },
          {
            title: t('audit.operator'),
            dataIndex: 'operatorName',
            render: (name: string | null) => name ?? '—'
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            // The code stays one hover away: it is what the row's hash covers.
            render: (code: string) => (
              <span title={code}>
                {auditActionName(code, locale) ?? <Typography.Text code>{code}</Typography.Text>}
              </span>
            )
          },
          {
            title: t('audit.entity'),
            render: (_, row) => auditEntityText(row.entity, row.entityId, locale)
          },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            ellipsis: { showTitle: false },
            render: (detail: string | null) => {
              const text = auditDetailText(detail, locale)
              return <span title={text}>{text}</span>
            }
          }
        ]}
      />
    </>
  )
}
