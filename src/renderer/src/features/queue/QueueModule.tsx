import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag
} from 'antd'
import dayjs from 'dayjs'
import { useApp } from '@renderer/AppContext'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { formatStationTime } from '@shared/logbooks/time'
import {
  priorityReasons,
  sources,
  type HallDisplayMode,
  type IssuedView,
  type PrinterConfig,
  type PrintOutcome,
  type QueueConfig,
  type ServiceView,
  type StatsView,
  type TicketView,
  type WindowView
} from '@shared/queue/contract'
import { QUEUE_CHANGED, queueMessages, type QueueKey } from './messages'
import { Slip } from './Slip'
import { SearchSelect } from '@renderer/components/SearchSelect'

type T = (key: QueueKey, vars?: Record<string, string | number>) => string

/** Reloads on the bar's changes and every few seconds. */
function useLive<V>(load: () => Promise<V>, everyMs = 5_000) {
  const [value, setValue] = useState<V | null>(null)
  const reload = useCallback(() => {
    load().then(setValue, () => undefined)
  }, [load])
  useEffect(() => {
    reload()
    const timer = window.setInterval(reload, everyMs)
    window.addEventListener(QUEUE_CHANGED, reload)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener(QUEUE_CHANGED, reload)
    }
  }, [reload, everyMs])
  return [value, reload] as const
}

const loadServices = () => unwrap(api.queue.services())

/** F8 取号叫号: the clerk issues tickets, sees today's queue and statistics; settings. */
export function QueueModule() {
  const t = useMessages(queueMessages)
  const role = useApp().session.operator.role
  const [services, reloadServices] = useLive(loadServices, 60_000)
  const manage = role === 'admin' || role === 'director'
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => window.open('#/kiosk', '_self')}>{t('openKiosk')}</Button>
        <Button onClick={() => window.open('#/display', '_self')}>{t('openDisplay')}</Button>
      </Space>
      <Tabs
        className="wrapping-tabs"
        items={[
          {
            key: 'issue',
            label: t('issue'),
            children: <IssueTab t={t} services={services ?? []} />
          },
          { key: 'tickets', label: t('tickets'), children: <TicketsTab t={t} /> },
          { key: 'stats', label: t('stats'), children: <StatsTab t={t} /> },
          ...(manage
            ? [
                {
                  key: 'settings',
                  label: t('settings'),
                  children: (
                    <SettingsTab t={t} services={services ?? []} onServices={reloadServices} />
                  )
                }
              ]
            : [])
        ]}
      />
    </Card>
  )
}

function IssueTab({ t, services }: { t: T; services: ServiceView[] }) {
  const { message } = App.useApp()
  const [reason, setReason] = useState<(typeof priorityReasons)[number]>(priorityReasons[0])
  const [source, setSource] = useState<(typeof sources)[number]>('walkIn')
  const [issued, setIssued] = useState<IssuedView | null>(null)
  const [printer, setPrinter] = useState<PrinterConfig | null>(null)
  useEffect(() => {
    unwrap(api.queue.printer()).then(setPrinter, () => undefined)
  }, [])
  const announce = (print: PrintOutcome) => {
    if (print.status === 'printed') void message.success(t('slipPrinted'))
    if (print.status === 'failed') {
      void message.warning(t('printFailed', { message: print.message ?? '' }))
    }
  }
  const reprint = async (ticketId: string) => {
    try {
      announce(await unwrap(api.queue.printSlip({ ticketId })))
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }
  const issue = async (serviceId: string, lane: 'normal' | 'priority') => {
    try {
      const result = await unwrap(
        api.queue.issue({
          serviceId,
          lane,
          source,
          ...(lane === 'priority' ? { priorityReason: reason } : {})
        })
      )
      setIssued(result)
      setSource('walkIn')
      window.dispatchEvent(new Event(QUEUE_CHANGED))
      void message.success(t('issued', { number: result.ticket.number }))
      announce(result.print)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }
  const active = services.filter((s) => s.active)
  return (
    <Space align="start" size="large" wrap>
      <Space direction="vertical">
        <Space>
          <span>{t('priorityReason')}</span>
          <Select
            style={{ width: 160 }}
            value={reason}
            onChange={setReason}
            options={priorityReasons.map((r) => ({ value: r, label: r }))}
          />
          <span>{t('source')}</span>
          <Select
            data-testid="queue-issue-source"
            style={{ width: 120 }}
            value={source}
            onChange={setSource}
            options={sources.map((v) => ({ value: v, label: t(`source_${v}`) }))}
          />
        </Space>
        {active.map((s) => (
          <Space key={s.id}>
            <Button
              data-testid={`issue-${s.prefix}`}
              style={{ minWidth: 200 }}
              onClick={() => void issue(s.id, 'normal')}
            >
              {s.prefix} {s.name}
            </Button>
            <Button
              data-testid={`issue-${s.prefix}-priority`}
              onClick={() => void issue(s.id, 'priority')}
            >
              {t('priorityLane')}
            </Button>
          </Space>
        ))}
      </Space>
      {issued && (
        <Slip
          lines={issued.slip}
          onPrint={
            printer && printer.kind !== 'none' ? () => void reprint(issued.ticket.id) : undefined
          }
        />
      )}
    </Space>
  )
}

function TicketsTab({ t }: { t: T }) {
  const { message } = App.useApp()
  const load = useCallback(() => unwrap(api.queue.tickets({})), [])
  const [tickets, reload] = useLive<TicketView[]>(load)
  const requeue = async (number: string) => {
    try {
      await unwrap(api.queue.requeue({ number }))
      window.dispatchEvent(new Event(QUEUE_CHANGED))
      reload()
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }
  return (
    <Table<TicketView>
      data-testid="queue-tickets"
      size="small"
      rowKey="id"
      dataSource={tickets ?? []}
      pagination={{ pageSize: 50 }}
      columns={[
        { title: t('number'), dataIndex: 'number' },
        { title: t('service'), dataIndex: 'serviceName' },
        { title: t('source'), render: (_, r) => t(`source_${r.source}`) },
        {
          title: t('lane'),
          render: (_, r) =>
            r.lane === 'priority' ? <Tag color="gold">{r.priorityReason}</Tag> : t('normalLane')
        },
        {
          title: t('status'),
          render: (_, r) => t(`st_${r.status}` as QueueKey)
        },
        { title: t('window'), render: (_, r) => r.windowNumber ?? '' },
        { title: t('issuedAt'), render: (_, r) => formatStationTime(r.issuedAt).slice(11) },
        {
          title: t('calledAt'),
          render: (_, r) => (r.calledAt ? formatStationTime(r.calledAt).slice(11) : '')
        },
        {
          title: '',
          render: (_, r) =>
            r.status === 'missed' ? (
              <Button size="small" onClick={() => void requeue(r.number)}>
                {t('requeue')}
              </Button>
            ) : null
        }
      ]}
    />
  )
}

const fmt = (n: number | null) => (n === null ? '—' : String(n))
const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`)

type Range = { from: string; to: string } | null

function StatsTab({ t }: { t: T }) {
  const { message } = App.useApp()
  const [range, setRange] = useState<Range>(null)
  const [written, setWritten] = useState<string | null>(null)
  const load = useCallback(() => unwrap(api.queue.stats(range ?? {})), [range])
  const [stats] = useLive<StatsView>(load, 30_000)
  // A refused range (over a year) is said once, and the shown figures stay.
  const pick = (next: Range) =>
    void unwrap(api.queue.stats(next ?? {})).then(
      () => {
        setRange(next)
        setWritten(null)
      },
      (error: unknown) => void message.error(errorMessage(error))
    )
  const exportXlsx = () =>
    void unwrap(api.queue.exportStats(range ?? {})).then(
      (done) => setWritten(done.path),
      (error: unknown) => void message.error(errorMessage(error))
    )
  if (!stats) return null
  type Row = StatsView['byService'][number]
  const columns = [
    { title: '', dataIndex: 'label' },
    { title: t('issuedCount'), dataIndex: 'issued' },
    { title: t('served'), dataIndex: 'served' },
    { title: t('missed'), dataIndex: 'missed' },
    { title: t('waitMedian'), render: (_: unknown, r: Row) => fmt(r.waitMedianMinutes) },
    { title: t('waitP90'), render: (_: unknown, r: Row) => fmt(r.waitP90Minutes) },
    { title: t('serviceMedian'), render: (_: unknown, r: Row) => fmt(r.serviceMedianMinutes) },
    { title: t('noAnswer'), dataIndex: 'unrated' },
    { title: t('satisfaction'), render: (_: unknown, r: Row) => pct(r.satisfactionRate) }
  ]
  const rows = [{ key: 'total', label: t('total'), ...stats.total }]
  const max = Math.max(1, ...stats.arrivalsByHour)
  const hours = stats.arrivalsByHour
    .map((count, hour) => ({ hour, count }))
    .filter((h) => (h.hour >= 7 && h.hour <= 19) || h.count > 0)
  const groups = [
    ...(stats.from !== stats.to ? (['byDay'] as const) : []),
    ...(['byService', 'byWindow', 'byClerk'] as const)
  ]
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="queue-stats">
      <Space wrap>
        <span>{t('statsRange')}</span>
        <DatePicker.RangePicker
          data-testid="queue-stats-range"
          value={range ? [dayjs(range.from), dayjs(range.to)] : null}
          onChange={(value) =>
            pick(
              value?.[0] && value[1]
                ? { from: value[0].format('YYYY-MM-DD'), to: value[1].format('YYYY-MM-DD') }
                : null
            )
          }
        />
        <strong data-testid="queue-stats-span">
          {stats.from === stats.to ? stats.from : `${stats.from} – ${stats.to}`}
        </strong>
        <Button data-testid="queue-stats-export" onClick={exportXlsx}>
          {t('exportXlsx')}
        </Button>
      </Space>
      {written && (
        <Alert
          type="success"
          showIcon
          data-testid="queue-stats-written"
          title={t('written', { path: written })}
          action={
            <Button
              size="small"
              onClick={() =>
                unwrap(api.app.openDocument({ path: written })).catch((e: unknown) =>
                  message.error(errorMessage(e))
                )
              }
            >
              {t('open')}
            </Button>
          }
        />
      )}
      <Table size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} />
      {groups.map((group) => (
        <div key={group}>
          <h4>{t(group)}</h4>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={stats[group]}
            columns={columns}
          />
        </div>
      ))}
      <figure style={{ margin: 0 }} data-testid="queue-arrivals">
        <figcaption style={{ fontWeight: 600 }}>{t('arrivals')}</figcaption>
        <svg width={hours.length * 36} height={140} role="img" aria-label={t('arrivals')}>
          {hours.map((h, i) => {
            const height = (100 * h.count) / max
            return (
              <g key={h.hour} transform={`translate(${i * 36}, 0)`} data-hour={h.hour}>
                <rect x={6} y={110 - height} width={24} height={height} fill="#1677ff" />
                <text x={18} y={106 - height} fontSize={11} textAnchor="middle">
                  {h.count || ''}
                </text>
                <text x={18} y={128} fontSize={12} textAnchor="middle">
                  {h.hour}
                </text>
              </g>
            )
          })}
        </svg>
      </figure>
    </Space>
  )
}

function SettingsTab({
  t,
  services,
  onServices
}: {
  t: T
  services: ServiceView[]
  onServices: () => void
}) {
  const { message } = App.useApp()
  const [windows, setWindows] = useState<WindowView[]>([])
  const [config, setConfig] = useState<QueueConfig | null>(null)
  const [serviceForm] = Form.useForm<{ prefix: string; name: string }>()
  const [windowForm] = Form.useForm<{ number: number; serviceIds: string[]; priority: boolean }>()
  const [rulesForm] = Form.useForm<QueueConfig>()
  const loadWindows = useCallback(() => {
    unwrap(api.queue.windows()).then(setWindows, () => undefined)
  }, [])
  useEffect(() => {
    loadWindows()
    unwrap(api.queue.config()).then(setConfig, () => undefined)
  }, [loadWindows])

  const save = async <F,>(
    form: { getFieldsValue: () => F } & Parameters<typeof showFieldErrors>[0],
    send: () => Promise<unknown>
  ) => {
    try {
      await send()
      void message.success(t('saved'))
      form.resetFields()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) void message.error(rest)
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('services')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={services}
          columns={[
            { title: t('prefix'), dataIndex: 'prefix' },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('active'),
              render: (_, s: ServiceView) => (
                <Checkbox
                  checked={s.active}
                  onChange={(e) =>
                    void unwrap(
                      api.queue.saveService({
                        id: s.id,
                        prefix: s.prefix,
                        name: s.name,
                        active: e.target.checked
                      })
                    ).then(onServices, (error: unknown) => void message.error(errorMessage(error)))
                  }
                />
              )
            }
          ]}
        />
        <Form
          form={serviceForm}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(v) =>
            void save(serviceForm, async () => {
              await unwrap(api.queue.saveService({ prefix: v.prefix.toUpperCase(), name: v.name }))
              onServices()
            })
          }
        >
          <Form.Item name="prefix" label={t('prefix')} rules={[{ required: true }]}>
            <Input data-testid="queue-service-prefix" maxLength={1} style={{ width: 60 }} />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input data-testid="queue-service-name" maxLength={40} />
          </Form.Item>
          <Button htmlType="submit">{t('addService')}</Button>
        </Form>
      </Card>

      <Card size="small" title={t('windows')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={windows}
          columns={[
            {
              title: t('window'),
              render: (_, w: WindowView) => t('windowNumber', { n: w.number })
            },
            {
              title: t('services'),
              render: (_, w: WindowView) =>
                w.serviceIds.map((id) => services.find((s) => s.id === id)?.prefix ?? '?').join(' ')
            },
            { title: t('priorityWindow'), render: (_, w: WindowView) => (w.priority ? '✓' : '') },
            { title: t('status'), render: (_, w: WindowView) => `${w.state} ${w.clerkName ?? ''}` }
          ]}
        />
        <Form
          form={windowForm}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ priority: false }}
          onFinish={(v) =>
            void save(windowForm, async () => {
              await unwrap(api.queue.saveWindow({ ...v, priority: v.priority ?? false }))
              loadWindows()
            })
          }
        >
          <Form.Item name="number" label={t('window')} rules={[{ required: true }]}>
            <InputNumber data-testid="queue-window-number" min={1} max={99} />
          </Form.Item>
          <Form.Item name="serviceIds" label={t('services')} rules={[{ required: true }]}>
            <SearchSelect
              mode="multiple"
              style={{ minWidth: 200 }}
              options={services.map((s) => ({ value: s.id, label: `${s.prefix} ${s.name}` }))}
            />
          </Form.Item>
          <Form.Item name="priority" valuePropName="checked">
            <Checkbox>{t('priorityWindow')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit">{t('addWindow')}</Button>
        </Form>
      </Card>

      <PrinterCard t={t} />
      <HallDisplayCard t={t} />

      {config && (
        <Card size="small" title={t('rules')}>
          <Form
            form={rulesForm}
            layout="vertical"
            initialValues={config}
            onFinish={(v) =>
              void unwrap(api.queue.updateConfig(v)).then(
                (next) => {
                  setConfig(next)
                  void message.success(t('saved'))
                },
                (error: unknown) => {
                  const rest = showFieldErrors(rulesForm, error)
                  if (rest) void message.error(rest)
                }
              )
            }
          >
            {(
              [
                'interleave',
                'maxWaitMinutes',
                'maxRecalls',
                'recallGapSeconds',
                'missAfterCalls'
              ] as const
            ).map((key) => (
              <Form.Item key={key} name={key} label={t(key)} rules={[{ required: true }]}>
                <InputNumber min={0} />
              </Form.Item>
            ))}
            <Button htmlType="submit">{t('save')}</Button>
          </Form>
        </Card>
      )}
      {!services.length && <Alert type="info" message={t('addService')} />}
    </Space>
  )
}

/** Whether this PC's second monitor is the hall display (it opens there full screen) or not. */
function HallDisplayCard({ t }: { t: T }) {
  const { message } = App.useApp()
  const [mode, setMode] = useState<HallDisplayMode | null>(null)
  useEffect(() => {
    unwrap(api.queue.hallDisplay()).then(setMode, () => undefined)
  }, [])
  if (!mode) return null
  return (
    <Card size="small" title={t('hallDisplay')}>
      <Radio.Group
        data-testid="queue-hall-display"
        value={mode}
        onChange={(event) =>
          void unwrap(
            api.queue.setHallDisplay({ mode: event.target.value as HallDisplayMode })
          ).then(
            (saved) => {
              setMode(saved)
              void message.success(t('saved'))
            },
            (error: unknown) => message.error(errorMessage(error))
          )
        }
        options={(['auto', 'off'] as const).map((value) => ({
          value,
          label: t(`hallDisplay_${value}`)
        }))}
      />
    </Card>
  )
}

/** Where slips print: nowhere (the number is shown), a system printer, or an ESC/POS printer. */
function PrinterCard({ t }: { t: T }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<PrinterConfig>()
  const [printers, setPrinters] = useState<string[]>([])
  const [loaded, setLoaded] = useState<PrinterConfig | null>(null)
  const kind = Form.useWatch('kind', form)
  useEffect(() => {
    unwrap(api.queue.printer()).then(setLoaded, () => undefined)
    unwrap(api.queue.printers()).then(setPrinters, () => undefined)
  }, [])
  if (!loaded) return null
  return (
    <Card size="small" title={t('printer')}>
      <Form
        form={form}
        layout="inline"
        initialValues={loaded}
        onFinish={(v) =>
          // Emptied boxes are left out (an empty port means 9100).
          void unwrap(
            api.queue.savePrinter(
              Object.fromEntries(
                Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== '')
              ) as PrinterConfig
            )
          ).then(
            (next) => {
              form.setFieldsValue(next)
              void message.success(t('saved'))
            },
            (error: unknown) => {
              const rest = showFieldErrors(form, error)
              if (rest) void message.error(rest)
            }
          )
        }
      >
        <Form.Item name="kind" label={t('printKind')}>
          <Select
            data-testid="queue-printer-kind"
            style={{ width: 240 }}
            options={(['none', 'system', 'network'] as const).map((k) => ({
              value: k,
              label: t(`kind_${k}`)
            }))}
          />
        </Form.Item>
        <Form.Item name="paperWidth" label={t('paperWidth')}>
          <Select
            style={{ width: 80 }}
            options={['58', '80'].map((w) => ({ value: w, label: w }))}
          />
        </Form.Item>
        {kind === 'system' && (
          <Form.Item name="deviceName" label={t('deviceName')}>
            <Select
              data-testid="queue-printer-device"
              style={{ width: 220 }}
              options={printers.map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
        )}
        {kind === 'network' && (
          <>
            <Form.Item name="host" label={t('host')}>
              <Input data-testid="queue-printer-host" maxLength={253} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="port" label={t('port')}>
              <InputNumber min={1} max={65535} placeholder="9100" />
            </Form.Item>
          </>
        )}
        <Button htmlType="submit">{t('save')}</Button>
      </Form>
    </Card>
  )
}
