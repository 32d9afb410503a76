import { App, Button, Form, Input, InputNumber, List, Modal, Radio, Select } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { books } from '@shared/logbooks/books'
import type { EntryView } from '@shared/logbooks/contract'
import { satisfactionLevels } from '@shared/staff/contract'
import { wallClock } from '@shared/logbooks/time'
import type { LogbooksT } from './messages'

type Followup = Awaited<ReturnType<typeof loadFollowups>>[number]
const loadFollowups = (entry: EntryView) =>
  unwrap(api.staff.followupsOf({ linkBook: entry.book, linkEntryId: entry.rootId }))

interface FollowupValues {
  visitDate: string
  targetKind: 'resident' | 'committee'
  targetName: string
  outcome: string
  satisfaction: number
  households: number
  persons: number
}

/**
 * 追访 (四项制度): the visits recorded for a call-out or case, and a form for the next one, linked
 * to the entry and counted in the officer's monthly follow-up quota.
 */
export function FollowupSection({ t, entry }: { t: LogbooksT; entry: EntryView }) {
  const { message } = App.useApp()
  const [list, setList] = useState<Followup[]>([])
  const [adding, setAdding] = useState(false)
  const [form] = Form.useForm<FollowupValues>()
  const topic = books[entry.book].followUp?.(entry.fields)
  // Only the books with 追访 (call-outs, cases) have follow-ups to ask main for.
  const hasFollowups = books[entry.book].followUp !== undefined
  const reload = useCallback(() => {
    if (!hasFollowups) return
    void loadFollowups(entry)
      .then(setList)
      .catch(() => setList([]))
  }, [entry, hasFollowups])
  useEffect(reload, [reload])
  if (!topic) return null

  const save = async (values: FollowupValues) => {
    try {
      await unwrap(
        api.staff.addFollowup({
          ...values,
          topic,
          linkBook: entry.book,
          linkEntryId: entry.rootId
        })
      )
      message.success(t('saved'))
      setAdding(false)
      reload()
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  return (
    <>
      <List
        size="small"
        data-testid="entry-followups"
        header={<b>{t('followups')}</b>}
        dataSource={list}
        locale={{ emptyText: t('noFollowups') }}
        renderItem={(f) => (
          <List.Item>
            {f.visitDate} {f.officerName} · {f.targetName}：{f.outcome}
          </List.Item>
        )}
      />
      <Button style={{ marginTop: 8 }} onClick={() => setAdding(true)} data-testid="add-followup">
        {t('addFollowup')}
      </Button>
      {adding && (
        <Modal
          open
          title={t('addFollowup')}
          onCancel={() => setAdding(false)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => void save(values)}
            initialValues={{
              visitDate: wallClock(new Date().toISOString()).date,
              targetKind: 'resident',
              satisfaction: 5,
              households: 1,
              persons: 1
            }}
          >
            <Form.Item name="visitDate" label={t('visitDate')} rules={[{ required: true }]}>
              <Input type="date" />
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
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="outcome" label={t('followupOutcome')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="satisfaction" label={t('satisfaction')}>
              <Select
                options={satisfactionLevels.map((l) => ({ value: l.value, label: l.label }))}
              />
            </Form.Item>
            <Form.Item name="households" label={t('households')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="persons" label={t('persons')}>
              <InputNumber min={0} max={1000} precision={0} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  )
}
