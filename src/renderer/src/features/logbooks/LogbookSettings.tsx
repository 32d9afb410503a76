import { App, Button, Card, Input, InputNumber, Select, Space, Switch, Table } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { dueUnits, type Committee, type PromiseRule } from '@shared/logbooks/contract'
import type { LogbooksT } from './messages'

const unitKey = {
  minutes: 'unitMinutes',
  hours: 'unitHours',
  calendarDays: 'unitCalendarDays',
  workingDays: 'unitWorkingDays'
} as const

/** Promise rules (administrator) and residents' committees (administrator, director). */
export function LogbookSettings({ t, canEditRules }: { t: LogbooksT; canEditRules: boolean }) {
  const { message } = App.useApp()
  const [rules, setRules] = useState<PromiseRule[]>([])
  const [committees, setCommittees] = useState<Committee[]>([])
  const [newName, setNewName] = useState('')
  /** Per rule, how often its emptied box was put back to the stored deadline (remounts it). */
  const [restored, setRestored] = useState<Record<string, number>>({})
  const load = useCallback(
    () =>
      Promise.all([unwrap(api.logbooks.rules()), unwrap(api.logbooks.committees())]).then(
        ([r, c]) => {
          setRules(r)
          setCommittees(c)
        }
      ),
    []
  )
  useEffect(() => {
    void load()
  }, [load])

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action()
      message.success(t('saved'))
    } catch (error) {
      message.error(errorMessage(error))
    }
    await load()
  }
  const saveRule = (rule: PromiseRule, change: Partial<PromiseRule>) => {
    const next = { ...rule, ...change }
    return run(() =>
      unwrap(
        api.logbooks.updateRule({
          id: next.id,
          name: next.name,
          amount: next.amount,
          unit: next.unit,
          maxAmount: next.maxAmount,
          nightAmount: next.nightAmount,
          nightStart: next.nightStart,
          nightEnd: next.nightEnd
        })
      )
    )
  }
  const saveCommittee = (input: { id?: string; name: string; active: boolean }) =>
    run(() => unwrap(api.logbooks.saveCommittee(input)))

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEditRules && (
        <Card size="small" title={t('rules')} data-testid="logbook-rules">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rules}
            columns={[
              { title: t('ruleCode'), dataIndex: 'code' },
              { title: t('ruleName'), dataIndex: 'name' },
              {
                title: t('amount'),
                render: (_: unknown, rule: PromiseRule) => (
                  <InputNumber
                    key={`${rule.id}-${restored[rule.id] ?? 0}`}
                    aria-label={`${rule.code} ${t('amount')}`}
                    min={0}
                    max={100_000}
                    precision={0}
                    defaultValue={rule.amount}
                    onBlur={(e) => {
                      const raw = e.target.value.trim()
                      // Emptied: not a deadline of 0 (Number('') is 0); the stored one comes back.
                      if (raw === '') {
                        message.warning(t('amountRequired'))
                        setRestored((n) => ({ ...n, [rule.id]: (n[rule.id] ?? 0) + 1 }))
                        return
                      }
                      const amount = Number(raw)
                      if (Number.isInteger(amount) && amount !== rule.amount) {
                        void saveRule(rule, { amount })
                      }
                    }}
                  />
                )
              },
              {
                title: t('unit'),
                render: (_: unknown, rule: PromiseRule) => (
                  <Select
                    aria-label={`${rule.code} ${t('unit')}`}
                    style={{ width: 130 }}
                    value={rule.unit}
                    onChange={(unit) => void saveRule(rule, { unit })}
                    options={dueUnits.map((u) => ({ value: u, label: t(unitKey[u]) }))}
                  />
                )
              },
              {
                title: t('maxAmount'),
                dataIndex: 'maxAmount',
                render: (v: number | null) => v ?? '—'
              },
              {
                title: t('night'),
                render: (_: unknown, rule: PromiseRule) =>
                  rule.unit === 'minutes' ? (
                    <Space size={4}>
                      <InputNumber
                        aria-label={`${rule.code} ${t('nightAmount')}`}
                        min={0}
                        max={100_000}
                        precision={0}
                        style={{ width: 70 }}
                        defaultValue={rule.nightAmount ?? undefined}
                        onBlur={(e) => {
                          const raw = e.target.value.trim()
                          const nightAmount = raw === '' ? null : Number(raw)
                          if (nightAmount === null || Number.isInteger(nightAmount)) {
                            if (nightAmount !== rule.nightAmount)
                              void saveRule(rule, { nightAmount })
                          }
                        }}
                      />
                      {(['nightStart', 'nightEnd'] as const).map((key) => (
                        <Input
                          key={key}
                          type="time"
                          aria-label={`${rule.code} ${t(key)}`}
                          style={{ width: 110 }}
                          defaultValue={rule[key] ?? ''}
                          onBlur={(e) => {
                            const value = e.target.value || null
                            if (value !== rule[key]) void saveRule(rule, { [key]: value })
                          }}
                        />
                      ))}
                    </Space>
                  ) : (
                    '—'
                  )
              }
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('committees')} data-testid="logbook-committees">
        <Space style={{ marginBottom: 12 }}>
          <Input
            aria-label={t('committeeName')}
            placeholder={t('committeeName')}
            value={newName}
            maxLength={60}
            onChange={(e) => setNewName(e.target.value)}
          />
          <Button
            onClick={async () => {
              await saveCommittee({ name: newName, active: true })
              setNewName('')
            }}
          >
            {t('addCommittee')}
          </Button>
        </Space>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={committees}
          columns={[
            { title: t('committeeName'), dataIndex: 'name' },
            {
              title: t('active'),
              render: (_: unknown, c: Committee) => (
                <Switch
                  aria-label={`${c.name} ${t('active')}`}
                  checked={c.active}
                  onChange={(active) => void saveCommittee({ id: c.id, name: c.name, active })}
                />
              )
            }
          ]}
        />
      </Card>
    </Space>
  )
}
