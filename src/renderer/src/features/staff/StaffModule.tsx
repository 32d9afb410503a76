import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Progress,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag
} from 'antd'
import { useApp } from '@renderer/AppContext'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import {
  satisfactionLevels,
  followupTopics,
  type StaffConfig,
  type AwardTable,
  type AttendanceRowView
} from '@shared/staff/contract'
import { stationDate } from '@shared/dates'
import { maskIdentifiersInText } from '@shared/identifiers'
import { STAFF_SWIPED, staffMessages, swipeText } from './messages'
import { Bars } from './Bars'
import { useWedge } from './useWedge'
import { Supervision } from './Supervision'
import { Discipline } from './Discipline'
import { StaffSettings } from './Settings'
import { SearchSelect } from '@renderer/components/SearchSelect'

type T = ReturnType<typeof useMessages<keyof (typeof staffMessages)['zh-CN']>>
type Progress = Awaited<ReturnType<typeof loadProgress>>
const loadProgress = (month: string) => unwrap(api.staff.quotaProgress({ month }))

export function StaffModule() {
  const t = useMessages(staffMessages)
  const { session } = useApp()
  const role = session.operator.role
  const [month, setMonth] = useState(() => stationDate().slice(0, 7))
  const [config, setConfig] = useState<StaffConfig | null>(null)
  useEffect(() => {
    void unwrap(api.staff.config()).then(setConfig)
  }, [])
  if (!config) return null
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('month')}</span>
        <Input
          data-testid="staff-month"
          style={{ width: 120 }}
          value={month}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)}
        />
      </Space>
      <Tabs
        className="wrapping-tabs"
        items={[
          {
            key: 'attendance',
            label: t('attendance'),
            children: <Attendance t={t} month={month} config={config} />
          },
          {
            key: 'followups',
            label: t('followups'),
            children: <Followups t={t} month={month} config={config} />
          },
          { key: 'awards', label: t('awards'), children: <Awards t={t} month={month} /> },
          { key: 'supervision', label: t('supervision'), children: <Supervision t={t} /> },
          {
            key: 'discipline',
            label: t('discipline'),
            children: <Discipline t={t} month={month} />
          },
          ...(role === 'admin' || role === 'director'
            ? [
                {
                  key: 'settings',
                  label: t('settings'),
                  children: <StaffSettings t={t} config={config} onSaved={setConfig} />
                }
              ]
            : [])
        ]}
      />
    </Card>
  )
}

function Attendance({ t, month, config }: { t: T; month: string; config: StaffConfig }) {
  const { message } = App.useApp()
  const { role } = useApp().session.operator
  // Printing and exporting the sheet is for the director and the administrator.
  const outputs = role === 'director' || role === 'admin'
  const [sheet, setSheet] = useState<Awaited<ReturnType<typeof api.staff.attendanceSheet>>>()
  const [last, setLast] = useState<string | null>(null)
  const reload = useCallback(
    () => void api.staff.attendanceSheet({ month }).then(setSheet),
    [month]
  )
  useEffect(() => {
    reload()
    // A swipe taken by the status bar's box (focus elsewhere on this screen) shows here too.
    window.addEventListener(STAFF_SWIPED, reload)
    return () => window.removeEventListener(STAFF_SWIPED, reload)
  }, [reload])
  const onKeyDown = useWedge(
    config.wedge,
    (cardNumber) => {
      unwrap(api.staff.swipe({ cardNumber }))
        .then((r) => {
          const text = swipeText(t, r)
          setLast(text)
          message.success(text)
          reload()
        })
        .catch((e: unknown) => message.error(errorMessage(e)))
    },
    () => message.warning(t('typedByHand'))
  )
  const rows = sheet?.ok ? sheet.value : []
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input
        data-testid="swipe-box"
        data-swipe-box
        autoFocus
        size="large"
        placeholder={t('swipe')}
        onKeyDown={onKeyDown}
        style={{ maxWidth: 360 }}
      />
      <span style={{ color: '#666' }}>{t('swipeHint')}</span>
      {last ? <Alert type="success" showIcon title={last} data-testid="swipe-result" /> : null}
      {outputs ? <OutputButtons t={t} month={month} /> : null}
      <Table
        data-testid="attendance-sheet"
        size="small"
        rowKey="officerId"
        pagination={false}
        dataSource={rows}
        expandable={{
          expandedRowRender: (r) => <AttendanceDays t={t} days={r.days} />
        }}
        columns={[
          { title: t('officer'), dataIndex: 'officerName' },
          { title: t('workingDays'), dataIndex: 'workingDays' },
          { title: t('daysPresent'), dataIndex: 'daysPresent' },
          {
            title: t('lateCount'),
            dataIndex: 'late',
            render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0)
          },
          {
            title: t('earlyLeave'),
            dataIndex: 'earlyLeave',
            render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0)
          },
          {
            title: t('absent'),
            dataIndex: 'absent',
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0)
          }
        ]}
      />
    </Space>
  )
}

type Day = AttendanceRowView['days'][number]
/** The weekday of a date from the dictionary's space-separated names (Sunday first). */
const weekday = (names: string, date: string) =>
  names.split(' ')[new Date(`${date}T00:00:00Z`).getUTCDay()]

/** One officer's month, day by day. */
function AttendanceDays({ t, days }: { t: T; days: Day[] }) {
  const remark = (d: Day) =>
    [
      !d.working && t('restDay'),
      d.absent && t('absent'),
      d.late && t('lateCount'),
      d.early && t('earlyLeave'),
      d.working && d.firstIn && !d.lastOut && t('notOut')
    ]
      .filter(Boolean)
      .join('、')
  return (
    <Table
      size="small"
      rowKey="date"
      pagination={false}
      dataSource={days}
      rowClassName={(d) => (d.working ? '' : 'staff-rest-day')}
      columns={[
        { title: t('date'), dataIndex: 'date' },
        {
          title: t('weekday'),
          dataIndex: 'date',
          render: (d: string) => weekday(t('weekdayNames'), d)
        },
        { title: t('firstIn'), dataIndex: 'firstIn' },
        { title: t('lastOut'), dataIndex: 'lastOut' },
        {
          title: t('remark'),
          render: (_, d) => (
            <span style={{ color: d.absent || d.late || d.early ? '#cf1322' : '#666' }}>
              {remark(d)}
            </span>
          )
        }
      ]}
    />
  )
}

/** Print (PDF) and export (xlsx, CSV) the month's sheet; files go to the exports folder. */
function OutputButtons({ t, month }: { t: T; month: string }) {
  const { message } = App.useApp()
  const [written, setWritten] = useState<{ path: string; pages: number } | null>(null)
  const run = (format: 'pdf' | 'xlsx' | 'csv') =>
    unwrap(api.staff.exportAttendance({ month, format })).then(setWritten, (e: unknown) =>
      message.error(errorMessage(e))
    )
  return (
    <Space wrap>
      <Button data-testid="attendance-pdf" onClick={() => void run('pdf')}>
        {t('printSheet')}
      </Button>
      <Button data-testid="attendance-xlsx" onClick={() => void run('xlsx')}>
        {t('exportXlsx')}
      </Button>
      <Button data-testid="attendance-csv" onClick={() => void run('csv')}>
        {t('exportCsv')}
      </Button>
      {written ? (
        <Alert
          type="success"
          showIcon
          data-testid="attendance-written"
          title={t('written', { path: written.path })}
          action={
            <Button
              size="small"
              onClick={() =>
                unwrap(api.app.openDocument({ path: written.path })).catch((e: unknown) =>
                  message.error(errorMessage(e))
                )
              }
            >
              {t('open')}
            </Button>
          }
        />
      ) : null}
    </Space>
  )
}

interface FollowupForm {
  visitDate: { format: (f: string) => string }
  targetKind: 'resident' | 'committee'
  targetName: string
  topic: (typeof followupTopics)[number]
  outcome: string
  satisfaction: number
  households: number
  persons: number
}

function Followups({ t, month, config }: { t: T; month: string; config: StaffConfig }) {
  const { message } = App.useApp()
  const { session } = useApp()
  const [form] = Form.useForm<FollowupForm>()
  const [progress, setProgress] = useState<Progress>([])
  const reload = useCallback(() => void loadProgress(month).then(setProgress), [month])
  useEffect(reload, [reload])
  const save = async (values: FollowupForm) => {
    try {
      await unwrap(
        api.staff.addFollowup({ ...values, visitDate: values.visitDate.format('YYYY-MM-DD') })
      )
      message.success(t('saved'))
      form.resetFields(['targetName', 'outcome'])
      reload()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }
  const mine = progress.find((p) => p.officerId === session.operator.id)
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void save(v)}
        initialValues={{
          targetKind: 'resident',
          topic: 'window',
          satisfaction: 5,
          households: 1,
          persons: 1
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="visitDate" label={t('visitDate')} rules={[{ required: true }]}>
          <DatePicker data-testid="followup-date" />
        </Form.Item>
        <Form.Item name="targetKind" label={t('targetKind')}>
          <Radio.Group
            options={[
              { value: 'resident', label: t('resident') },
              { value: 'committee', label: t('committee') }
            ]}
          />
        </Form.Item>
        <Form.Item name="targetName" label={t('targetName')} rules={[{ required: true }]}>
          <Input data-testid="followup-name" maxLength={60} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="topic" label={t('topic')}>
          <Select
            style={{ width: 130 }}
            options={followupTopics.map((value) => ({ value, label: t(value) }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
          <Input data-testid="followup-outcome" maxLength={500} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('satisfaction')}>
          <Select
            style={{ width: 130 }}
            options={satisfactionLevels.map((l) => ({ value: l.value, label: l.label }))}
          />
        </Form.Item>
        <Form.Item name="households" label={t('households')}>
          <InputNumber data-testid="followup-households" min={0} max={100} />
        </Form.Item>
        <Form.Item name="persons" label={t('persons')}>
          <InputNumber data-testid="followup-persons" min={0} max={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="followup-save">
          {t('addFollowup')}
        </Button>
      </Form>
      <h3>{t('progress', { h: config.quota.households, p: config.quota.persons })}</h3>
      {mine ? (
        <div data-testid="my-quota">
          {`${mine.officerName}: ${mine.households}/${config.quota.households} · ${mine.persons}/${config.quota.persons}`}
          <Progress
            percent={Math.round(mine.ratio * 100)}
            status={mine.behind ? 'exception' : mine.met ? 'success' : 'active'}
          />
        </div>
      ) : null}
      <Bars
        testId="chart-progress"
        title={t('progressChart')}
        items={progress.map((p) => ({
          label: p.officerName,
          value: p.ratio * 100,
          warn: p.behind
        }))}
      />
    </Space>
  )
}

function Awards({ t, month }: { t: T; month: string }) {
  const { message } = App.useApp()
  const { session } = useApp()
  const [table, setTable] = useState<AwardTable | null>(null)
  const [choice, setChoice] = useState<{ best?: string; excellent: string[]; reason: string }>({
    excellent: [],
    reason: ''
  })
  const [printed, setPrinted] = useState<{ path: string; pages: number } | null>(null)
  const reload = useCallback(
    () =>
      void unwrap(api.staff.awards({ month })).then((value) => {
        setTable(value)
        setChoice({
          best: value.suggestion.best ?? undefined,
          excellent: value.suggestion.excellent,
          reason: ''
        })
      }),
    [month]
  )
  useEffect(reload, [reload])
  if (!table) return null
  const name = (id: string | null | undefined) =>
    table.rows.find((r) => r.officerId === id)?.officerName ?? '—'
  const options = table.rows.map((r) => ({ value: r.officerId, label: r.officerName }))
  const isDirector = session.operator.role === 'director'
  const confirm = async () => {
    try {
      setTable(
        await unwrap(
          api.staff.confirmAwards({
            month,
            bestId: choice.best ?? '',
            excellentIds: choice.excellent,
            ...(choice.reason.trim() ? { reason: choice.reason } : {})
          })
        )
      )
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const print = async () => {
    try {
      setPrinted(await unwrap(api.staff.printReport({ month })))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const c = table.confirmation
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        data-testid="award-table"
        size="small"
        rowKey="officerId"
        pagination={false}
        dataSource={table.rows}
        columns={[
          { title: t('rank'), dataIndex: 'rank' },
          { title: t('officer'), dataIndex: 'officerName' },
          { title: t('entries'), dataIndex: 'entries' },
          { title: t('dueOnTime'), render: (_, r) => `${r.dueEntries}/${r.onTime}` },
          { title: t('onTimeRate'), render: (_, r) => `${r.onTimeRate.toFixed(1)}%` },
          {
            title: t('quotaMet'),
            render: (_, r) => (r.quotaMet ? <Tag color="green">{t('met')}</Tag> : t('notMet'))
          },
          {
            title: t('satisfaction'),
            render: (_, r) => (r.satisfaction === null ? '—' : r.satisfaction.toFixed(2))
          },
          { title: t('complaints'), dataIndex: 'complaintsUpheld' },
          { title: t('score'), render: (_, r) => r.score.toFixed(2) }
        ]}
      />
      <div>
        {t('suggestion', {
          best: name(table.suggestion.best),
          excellent: table.suggestion.excellent.map(name).join('、')
        })}
      </div>
      {c ? (
        <Alert
          type="success"
          showIcon
          data-testid="award-confirmed"
          title={t('confirmed', {
            best: name(c.bestId),
            excellent: c.excellentIds.map(name).join('、'),
            by: c.confirmedByName,
            date: stationDate(new Date(c.confirmedAt))
          })}
          description={
            // Masked as on the printed report: the table is open to every officer.
            c.reason ? t('confirmedReason', { reason: maskIdentifiersInText(c.reason) }) : undefined
          }
        />
      ) : isDirector ? (
        <Space wrap>
          <span>{t('best')}</span>
          <Select
            style={{ width: 140 }}
            options={options}
            value={choice.best}
            onChange={(best) => setChoice((s) => ({ ...s, best }))}
          />
          <span>{t('excellent')}</span>
          <SearchSelect
            mode="multiple"
            style={{ width: 260 }}
            options={options}
            value={choice.excellent}
            onChange={(excellent) => setChoice((s) => ({ ...s, excellent }))}
          />
          <Input
            style={{ width: 300 }}
            placeholder={t('reason')}
            value={choice.reason}
            onChange={(e) => setChoice((s) => ({ ...s, reason: e.target.value }))}
          />
          <Button type="primary" data-testid="award-confirm" onClick={() => void confirm()}>
            {t('confirm')}
          </Button>
        </Space>
      ) : null}
      <Space align="start" size={48} wrap>
        <Bars
          testId="chart-ontime"
          title={t('onTimeChart')}
          items={table.rows.map((r) => ({ label: r.officerName, value: r.onTimeRate }))}
        />
      </Space>
      {session.operator.role === 'director' || session.operator.role === 'admin' ? (
        <Button data-testid="staff-print" onClick={() => void print()}>
          {t('print')}
        </Button>
      ) : null}
      {printed ? (
        <Alert
          type="success"
          showIcon
          data-testid="staff-printed"
          title={t('printed', { pages: printed.pages })}
          action={
            <Button
              onClick={() =>
                unwrap(api.app.openDocument({ path: printed.path })).catch((e: unknown) =>
                  message.error(errorMessage(e))
                )
              }
            >
              {t('open')}
            </Button>
          }
        />
      ) : null}
    </Space>
  )
}
