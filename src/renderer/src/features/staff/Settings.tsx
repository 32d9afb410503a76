import { useCallback, useEffect, useState } from 'react'
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd'
import { useApp } from '@renderer/AppContext'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { MAX_READER_GAP_MS, type StaffConfig } from '@shared/staff/contract'
import type { useMessages } from '@renderer/i18n/context'
import { STAFF_CONFIG_SAVED, type staffMessages } from './messages'
import { SearchSelect } from '@renderer/components/SearchSelect'

type T = ReturnType<typeof useMessages<keyof (typeof staffMessages)['zh-CN']>>
type Cards = Awaited<ReturnType<typeof loadCards>>
const loadCards = () => unwrap(api.staff.cards())

const weightKeys = ['entry', 'onTime', 'quotaMet', 'satisfaction', 'complaint'] as const
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * 考核设置 (staff.config): office hours, quota, award weights and the reader's thresholds for the
 * administrator and the director; card numbers per officer for the administrator (as the
 * contract allows). Every save is audited in main.
 */
export function StaffSettings({
  t,
  config,
  onSaved
}: {
  t: T
  config: StaffConfig
  onSaved: (config: StaffConfig) => void
}) {
  const { session } = useApp()
  const { message } = App.useApp()
  const [form] = Form.useForm<StaffConfig>()
  const save = async (values: StaffConfig) => {
    try {
      onSaved(await unwrap(api.staff.updateConfig(values)))
      window.dispatchEvent(new Event(STAFF_CONFIG_SAVED))
      message.success(t('saved'))
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }
  const number = (name: (string | number)[], label: string, min: number, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} style={{ width: 110 }} />
    </Form.Item>
  )
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        initialValues={config}
        onFinish={(v) => void save(v)}
        data-testid="staff-settings"
        style={{ rowGap: 8 }}
      >
        <Card size="small" title={t('officeHours')} style={{ width: '100%' }}>
          <Space wrap>
            <Form.Item
              name={['officeHours', 'start']}
              label={t('workStart')}
              rules={[{ pattern: CLOCK, message: t('badClock') }]}
            >
              <Input data-testid="hours-start" maxLength={5} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item
              name={['officeHours', 'end']}
              label={t('workEnd')}
              rules={[{ pattern: CLOCK, message: t('badClock') }]}
            >
              <Input data-testid="hours-end" maxLength={5} style={{ width: 90 }} />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('quota')} style={{ width: '100%' }}>
          <Space wrap>
            {number(['quota', 'households'], t('households'), 0, 1000)}
            {number(['quota', 'persons'], t('persons'), 0, 1000)}
          </Space>
        </Card>
        <Card size="small" title={t('weights')} style={{ width: '100%' }}>
          <Space wrap>
            {weightKeys.map((k) => (
              <span key={k}>{number(['weights', k], t(`w_${k}`), -1000, 1000)}</span>
            ))}
          </Space>
        </Card>
        <Card size="small" title={t('reader')} style={{ width: '100%' }}>
          <Space wrap>
            {number(['wedge', 'maxGapMs'], t('maxGapMs'), 5, MAX_READER_GAP_MS)}
            {number(['wedge', 'minDigits'], t('minDigits'), 4, 20)}
            {number(['wedge', 'maxDigits'], t('maxDigits'), 4, 20)}
          </Space>
        </Card>
        <Button type="primary" htmlType="submit" data-testid="staff-settings-save">
          {t('save')}
        </Button>
      </Form>
      {session.operator.role === 'admin' ? <CardList t={t} /> : null}
    </Space>
  )
}

/** Card numbers per officer: register (replaces the officer's card) and remove. */
function CardList({ t }: { t: T }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ operatorId: string; cardNumber: string }>()
  const [cards, setCards] = useState<Cards>([])
  const [officers, setOfficers] = useState<{ value: string; label: string }[]>([])
  const reload = useCallback(() => void loadCards().then(setCards), [])
  useEffect(() => {
    reload()
    void unwrap(api.operators.list()).then((list) =>
      setOfficers(list.filter((o) => o.active).map((o) => ({ value: o.id, label: o.displayName })))
    )
  }, [reload])
  const register = async (values: { operatorId: string; cardNumber: string }) => {
    try {
      await unwrap(api.staff.registerCard(values))
      window.dispatchEvent(new Event(STAFF_CONFIG_SAVED))
      message.success(t('saved'))
      form.resetFields()
      reload()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }
  const remove = (id: string) =>
    unwrap(api.staff.removeCard({ id })).then(
      () => {
        window.dispatchEvent(new Event(STAFF_CONFIG_SAVED))
        message.success(t('cardRemoved'))
        reload()
      },
      (e: unknown) => message.error(errorMessage(e))
    )
  return (
    <Card size="small" title={t('cards')}>
      <Table
        data-testid="card-list"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={cards}
        columns={[
          { title: t('officer'), dataIndex: 'officerName' },
          { title: t('cardNumber'), dataIndex: 'cardNumber' },
          {
            title: '',
            render: (_, c) => (
              <Popconfirm
                title={t('removeConfirm', { name: c.officerName, card: c.cardNumber })}
                onConfirm={() => void remove(c.id)}
              >
                <Button danger size="small">
                  {t('removeCard')}
                </Button>
              </Popconfirm>
            )
          }
        ]}
      />
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void register(v)}
        style={{ marginTop: 12 }}
      >
        <Form.Item name="operatorId" label={t('officer')} rules={[{ required: true }]}>
          <SearchSelect
            data-testid="card-officer"
            optionFilterProp="label"
            options={officers}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item name="cardNumber" label={t('cardNumber')} rules={[{ required: true }]}>
          <Input data-testid="card-number" data-swipe-box maxLength={20} style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="card-register">
          {t('registerCard')}
        </Button>
      </Form>
    </Card>
  )
}
