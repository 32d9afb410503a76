import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography
} from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { HolidaySchedule } from '@shared/calendar'
import { useApp } from '@renderer/AppContext'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { showFieldErrors } from '@renderer/lib/forms'
import { useMessages } from '@renderer/i18n/context'
import { calendarMessages } from './messages'
import type { useWorkCalendar } from './useWorkCalendar'

interface FormValues {
  year: number
  notice: string
  holidays: { date: Dayjs; name: string }[]
  workdays: { date: Dayjs; name?: string }[]
}

const toForm = (schedule: HolidaySchedule): FormValues => ({
  year: schedule.year,
  notice: schedule.notice,
  holidays: schedule.holidays.map((h) => ({ date: dayjs(h.date), name: h.name })),
  workdays: schedule.workdays.map((w) => ({
    date: dayjs(w.date),
    ...(w.name ? { name: w.name } : {})
  }))
})

/** Years loaded for deadlines; an administrator enters next year's notice when it is published. */
export function Schedules({ work }: { work: ReturnType<typeof useWorkCalendar> }) {
  const t = useMessages(calendarMessages)
  const { message } = App.useApp()
  const { session } = useApp()
  const isAdmin = session.operator.role === 'admin'
  const [form] = Form.useForm<FormValues>()
  const [editing, setEditing] = useState(false)
  const customYears = new Set(work.custom.map((s) => s.year))
  const rows = work.calendar.schedules().slice().reverse()

  const open = (schedule?: HolidaySchedule) => {
    form.resetFields()
    form.setFieldsValue(
      schedule
        ? toForm(schedule)
        : { year: work.calendar.coverage().lastYear + 1, notice: '', holidays: [], workdays: [] }
    )
    setEditing(true)
  }

  const save = async (values: FormValues) => {
    // A list has no rules of its own to clear main's earlier message at the next save.
    form.setFields([
      { name: 'holidays', errors: [] },
      { name: 'workdays', errors: [] }
    ])
    try {
      const saved = await unwrap(
        api.calendar.saveSchedule({
          year: values.year,
          notice: values.notice,
          holidays: values.holidays.map((h) => ({
            date: h.date.format('YYYY-MM-DD'),
            name: h.name
          })),
          workdays: values.workdays.map((w) => ({
            date: w.date.format('YYYY-MM-DD'),
            ...(w.name ? { name: w.name } : {})
          }))
        })
      )
      work.setCustom(saved)
      setEditing(false)
      message.success(t('saved'))
    } catch (error) {
      const rest = showFieldErrors(form, error)
      if (rest) message.error(rest)
    }
  }

  const remove = async (year: number) => {
    try {
      work.setCustom(await unwrap(api.calendar.deleteSchedule({ year })))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const dateList = (name: 'holidays' | 'workdays', withRequiredName: boolean) => (
    <Form.List name={name}>
      {(fields, { add, remove: drop }, { errors }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline">
              <Form.Item
                name={[field.name, 'date']}
                rules={[{ required: true, message: t('date') }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                rules={withRequiredName ? [{ required: true, message: t('name') }] : []}
              >
                <Input placeholder={t('name')} maxLength={20} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => drop(field.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            {t('add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  )

  return (
    <>
      <Space className="toolbar">
        {isAdmin ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>
            {t('addYear')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('adminOnly')}</Typography.Text>
        )}
        <Typography.Text>
          {t('lastYearLoaded', { year: work.calendar.coverage().lastYear })}
        </Typography.Text>
      </Space>
      <Table<HolidaySchedule>
        rowKey="year"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('lunarYear'), dataIndex: 'year', width: 80 },
          { title: t('notice'), dataIndex: 'notice' },
          { title: t('holidayCount'), render: (_, s) => s.holidays.length, width: 80 },
          { title: t('workdayCount'), render: (_, s) => s.workdays.length, width: 110 },
          {
            title: t('source'),
            width: 150,
            render: (_, s) =>
              customYears.has(s.year) ? (
                <Tag color="blue">{t('custom')}</Tag>
              ) : (
                <Tag>{t('bundled')}</Tag>
              )
          },
          ...(isAdmin
            ? [
                {
                  title: '',
                  width: 170,
                  render: (_: unknown, s: HolidaySchedule) => (
                    <Space>
                      <Button size="small" onClick={() => open(s)}>
                        {t('edit')}
                      </Button>
                      {customYears.has(s.year) ? (
                        <Popconfirm
                          title={t('confirmRemove', { year: s.year })}
                          onConfirm={() => remove(s.year)}
                        >
                          <Button size="small" danger>
                            {t('remove')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  )
                }
              ]
            : [])
        ]}
      />
      <Modal
        open={editing}
        title={t('addYear')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="year" label={t('lunarYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="notice" label={t('notice')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('holidays')}>{dateList('holidays', true)}</Form.Item>
          <Form.Item label={t('workdays')}>{dateList('workdays', false)}</Form.Item>
        </Form>
      </Modal>
    </>
  )
}
