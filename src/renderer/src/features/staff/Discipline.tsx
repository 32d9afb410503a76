import { useCallback, useEffect, useState } from 'react'
import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag } from 'antd'
import { useApp } from '@renderer/AppContext'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { stationDate } from '@shared/dates'
import { ladderSteps } from '@shared/staff/contract'
import { daysInMonth } from '@shared/staff/quota'
import { formatStationTime } from '@shared/logbooks/time'
import type { useMessages } from '@renderer/i18n/context'
import type { staffMessages } from './messages'
import { SearchSelect } from '@renderer/components/SearchSelect'

type T = ReturnType<typeof useMessages<keyof (typeof staffMessages)['zh-CN']>>
type Complaint = Awaited<ReturnType<typeof loadComplaints>>['rows'][number]
type Ruling = Awaited<ReturnType<typeof loadRulings>>[number]
type LadderRow = Awaited<ReturnType<typeof loadLadder>>[number]
type Option = { value: string; label: string }
const loadComplaints = (month: string) =>
  unwrap(
    api.logbooks.list({
      book: 'complaint',
      from: `${month}-01`,
      to: `${month}-${daysInMonth(month)}`,
      pageSize: 200
    })
  )
const loadRulings = (month: string) => unwrap(api.staff.rulings({ month }))
const loadLadder = () => unwrap(api.staff.ladder({}))
const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** 投诉与整改: the director rules on the month's complaints per officer and keeps the ladder. */
export function Discipline({ t, month }: { t: T; month: string }) {
  const { session } = useApp()
  const isDirector = session.operator.role === 'director'
  // Rulings are for the director and the administrator (the contract refuses others).
  const seesRulings = isDirector || session.operator.role === 'admin'
  const [officers, setOfficers] = useState<Option[]>([])
  useEffect(() => {
    void unwrap(api.logbooks.officers()).then((list) =>
      setOfficers(list.map((o) => ({ value: o.id, label: o.displayName })))
    )
  }, [])
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Complaints
        t={t}
        month={month}
        officers={officers}
        isDirector={isDirector}
        seesRulings={seesRulings}
      />
      <Ladder t={t} officers={officers} isDirector={isDirector} />
    </Space>
  )
}

function Complaints(props: {
  t: T
  month: string
  officers: Option[]
  isDirector: boolean
  seesRulings: boolean
}) {
  const { t, month, officers, isDirector, seesRulings } = props
  const [complaints, setComplaints] = useState<Complaint[]>([])
  const [rulings, setRulings] = useState<Ruling[]>([])
  const reload = useCallback(() => {
    void loadComplaints(month).then((r) => setComplaints(r.rows))
    if (seesRulings) void loadRulings(month).then(setRulings)
  }, [month, seesRulings])
  useEffect(reload, [reload])
  return (
    <Card size="small" title={t('complaintsOfMonth')}>
      <Table
        data-testid="complaints"
        size="small"
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('noComplaints') }}
        dataSource={complaints}
        columns={[
          {
            title: t('occurred'),
            dataIndex: 'occurredAt',
            width: 170,
            render: (v: string) => formatStationTime(v)
          },
          {
            title: t('complaintSubject'),
            render: (_, c) => String(c.fields.subject ?? '')
          },
          {
            title: t('rule'),
            render: (_, c) => (
              <Space direction="vertical">
                {rulings
                  .filter((r) => r.complaintId === c.rootId || r.complaintId === c.id)
                  .map((r) => (
                    <Tag key={r.officerId} color={r.upheld ? 'red' : 'green'}>
                      {t('ruling', {
                        officer: r.officerName,
                        verdict: t(r.upheld ? 'upheld' : 'notUpheld'),
                        by: r.ruledByName,
                        date: r.date
                      })}
                    </Tag>
                  ))}
                {isDirector ? (
                  <RulingForm t={t} complaintId={c.rootId} officers={officers} onDone={reload} />
                ) : null}
              </Space>
            )
          }
        ]}
      />
    </Card>
  )
}

interface RulingValues {
  officerId: string
  upheld: boolean
  date: string
  note?: string
}

function RulingForm(props: { t: T; complaintId: string; officers: Option[]; onDone: () => void }) {
  const { t, complaintId, officers, onDone } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<RulingValues>()
  const save = async ({ note, ...values }: RulingValues) => {
    try {
      await unwrap(
        api.staff.ruleComplaint({ complaintId, ...values, ...(note?.trim() ? { note } : {}) })
      )
      message.success(t('saved'))
      form.resetFields(['officerId', 'note'])
      onDone()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ upheld: true, date: stationDate() }}
      onFinish={(v) => void save(v)}
      style={{ rowGap: 4 }}
    >
      <Form.Item name="officerId" rules={[{ required: true, message: t('pickOfficer') }]}>
        <SearchSelect
          aria-label={t('officer')}
          placeholder={t('officer')}
          optionFilterProp="label"
          options={officers}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item name="upheld">
        <Radio.Group
          options={[
            { value: true, label: t('upheld') },
            { value: false, label: t('notUpheld') }
          ]}
        />
      </Form.Item>
      <Form.Item name="date" rules={[{ pattern: isoDay, message: t('badDay') }]}>
        <Input aria-label={t('date')} maxLength={10} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="note">
        <Input placeholder={t('note')} maxLength={300} style={{ width: 180 }} />
      </Form.Item>
      <Button htmlType="submit">{t('rule')}</Button>
    </Form>
  )
}

interface StepValues {
  officerId: string
  step: (typeof ladderSteps)[number]
  date: string
  note: string
}

const stepColor = { education: 'blue', penalty: 'red', retraining: 'purple' } as const

function Ladder(props: { t: T; officers: Option[]; isDirector: boolean }) {
  const { t, officers, isDirector } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<StepValues>()
  const [rows, setRows] = useState<LadderRow[]>([])
  const [officerId, setOfficerId] = useState<string | undefined>()
  const reload = useCallback(() => void loadLadder().then(setRows), [])
  useEffect(reload, [reload])
  const save = async (values: StepValues) => {
    try {
      await unwrap(api.staff.addLadderStep(values))
      message.success(t('saved'))
      form.resetFields(['note'])
      reload()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }
  return (
    <Card size="small" title={t('ladder')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {isDirector ? (
          <Form
            form={form}
            layout="inline"
            initialValues={{ step: 'education', date: stationDate() }}
            onFinish={(v) => void save(v)}
            style={{ rowGap: 8 }}
            data-testid="ladder-form"
          >
            <Form.Item name="officerId" label={t('officer')} rules={[{ required: true }]}>
              <SearchSelect
                data-testid="ladder-officer"
                optionFilterProp="label"
                options={officers}
                style={{ width: 130 }}
              />
            </Form.Item>
            <Form.Item name="step" label={t('step')}>
              <Radio.Group options={ladderSteps.map((value) => ({ value, label: t(value) }))} />
            </Form.Item>
            <Form.Item
              name="date"
              label={t('date')}
              rules={[{ required: true, pattern: isoDay, message: t('badDay') }]}
            >
              <Input maxLength={10} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="note" label={t('note')} rules={[{ required: true }]}>
              <Input data-testid="ladder-note" maxLength={300} style={{ width: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="ladder-save">
              {t('addStep')}
            </Button>
          </Form>
        ) : null}
        <Select
          allowClear
          placeholder={t('officer')}
          options={officers}
          value={officerId}
          onChange={setOfficerId}
          style={{ width: 160 }}
        />
        <Table
          data-testid="ladder"
          size="small"
          rowKey="id"
          pagination={false}
          locale={{ emptyText: t('noLadder') }}
          dataSource={rows.filter((r) => !officerId || r.officerId === officerId)}
          columns={[
            { title: t('officer'), dataIndex: 'officerName' },
            {
              title: t('step'),
              dataIndex: 'step',
              render: (s: LadderRow['step']) => <Tag color={stepColor[s]}>{t(s)}</Tag>
            },
            { title: t('date'), dataIndex: 'date' },
            { title: t('note'), dataIndex: 'note' }
          ]}
        />
      </Space>
    </Card>
  )
}
