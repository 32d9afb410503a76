import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography
} from 'antd'
import { FormOutlined, PrinterOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useI18n, useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useNavigate } from '@renderer/shell/navigation'
import type { GuideBusiness, GuideCategory, GuideChange, PaperSize } from '@shared/guide/contract'
import { stationDateTime } from '@shared/dates'
import { books } from '@shared/logbooks/books'
import { BusinessEditor } from './BusinessEditor'
import { guideMessages } from './messages'

interface Props {
  code: string
  categories: GuideCategory[]
  isAdmin: boolean
  onSaved: () => void
  /** Changes when the guide changed behind this view (another PC's edit): read again. */
  revision: number
}

export function BusinessDetail({ code, categories, isAdmin, onSaved, revision }: Props) {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const [business, setBusiness] = useState<GuideBusiness | null>(null)
  const [history, setHistory] = useState<GuideChange[]>([])
  const [editing, setEditing] = useState(false)

  const load = useCallback(() => {
    unwrap(api.guide.business({ code })).then(setBusiness, (error: unknown) =>
      message.error(errorMessage(error))
    )
    unwrap(api.guide.history({ code })).then(setHistory, () => setHistory([]))
  }, [code, message])
  useEffect(load, [load, revision])

  if (!business) return null
  const fields = [
    ['eligibility', business.eligibility],
    ['counter', business.counter],
    ['statutoryLimit', business.statutoryLimit],
    ['promisedTime', business.promisedTime],
    ['validity', business.validity],
    ['fee', business.fee],
    ['legalBasis', business.legalBasis],
    ['notes', business.notes]
  ] as const

  return (
    <Card
      className="guide-business"
      title={
        <Space>
          <span className="guide-key">
            {business.categoryMenuNumber}-{business.menuNumber}
          </span>
          <span data-testid="guide-business-name">{business.name}</span>
          {business.sample ? <Tag color="orange">{t('sampleTag')}</Tag> : null}
        </Space>
      }
      extra={isAdmin ? <Button onClick={() => setEditing(true)}>{t('edit')}</Button> : null}
    >
      <Tabs
        items={[
          {
            key: 'detail',
            label: business.categoryName,
            children: (
              <>
                <RegisterLink business={business} />
                <Descriptions column={1} bordered size="small" className="guide-fields">
                  {fields
                    .filter(([, value]) => value.trim())
                    .map(([key, value]) => (
                      <Descriptions.Item key={key} label={t(key)}>
                        <span className="guide-multiline">{value}</span>
                      </Descriptions.Item>
                    ))}
                </Descriptions>
                <Typography.Title level={5}>{t('materials')}</Typography.Title>
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(_, index) => String(index)}
                  dataSource={business.materials}
                  columns={[
                    { title: t('item'), dataIndex: 'item' },
                    {
                      title: '',
                      dataIndex: 'required',
                      width: 90,
                      render: (required: boolean) =>
                        required ? (
                          <Tag color="blue">{t('required')}</Tag>
                        ) : (
                          <Tag>{t('conditional')}</Tag>
                        )
                    },
                    { title: t('condition'), dataIndex: 'condition' }
                  ]}
                />
                <ChecklistPanel business={business} />
              </>
            )
          },
          {
            key: 'history',
            label: t('history'),
            children: history.length ? (
              <Timeline
                items={history.map((change) => ({
                  key: change.id,
                  content: t('changedBy', {
                    name: change.operatorName ?? '—',
                    at: stationDateTime(new Date(change.at)),
                    action: change.action === 'create' ? t('created') : t('updated')
                  })
                }))}
              />
            ) : (
              <Empty description={t('noHistory')} />
            )
          }
        ]}
      />
      {editing ? (
        <BusinessEditor
          business={business}
          categories={categories}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            load()
            onSaved()
          }}
        />
      ) : null}
    </Card>
  )
}

/** 对应登记簿, and a button that opens that book in 登记簿 (F5) with a new entry started. */
function RegisterLink({ business }: { business: GuideBusiness }) {
  const t = useMessages(guideMessages)
  const { locale } = useI18n()
  const navigate = useNavigate()
  const book = business.register
  if (!book) return null
  const title = locale === 'zh-CN' ? books[book].title : books[book].titleEn
  return (
    <Space className="guide-register" wrap>
      <span data-testid="guide-register">
        {t('register')}：{title}
      </span>
      <Button icon={<FormOutlined />} onClick={() => navigate('logbooks', { book, create: true })}>
        {t('newEntry', { book: title })}
      </Button>
    </Space>
  )
}

function ChecklistPanel({ business }: { business: GuideBusiness }) {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const [ticked, setTicked] = useState<string[]>([])
  const [size, setSize] = useState<PaperSize>('A4')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)

  const print = async () => {
    setBusy(true)
    try {
      const done = await unwrap(
        api.guide.checklist({ code: business.code, conditions: ticked, size, open: true })
      )
      setResult(
        [
          t('printed', { pages: done.pages, path: done.path }),
          done.opened ? t('opened') : '',
          done.missingCharacters.length
            ? t('missingChars', { chars: done.missingCharacters.join(' ') })
            : ''
        ]
          .filter(Boolean)
          .join(' ')
      )
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" className="guide-checklist" title={t('checklist')}>
      {business.conditions.length ? (
        <>
          <div>{t('tickConditions')}</div>
          <Checkbox.Group
            className="guide-conditions"
            value={ticked}
            onChange={(values) => setTicked(values.map(String))}
            options={business.conditions.map((condition) => ({
              value: condition,
              label: condition
            }))}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('noConditions')}</Typography.Text>
      )}
      <Space className="guide-print-row">
        {t('paper')}
        <Radio.Group
          optionType="button"
          value={size}
          onChange={(event) => setSize(event.target.value as PaperSize)}
          options={['A4', 'A5']}
        />
        <Button type="primary" icon={<PrinterOutlined />} loading={busy} onClick={print}>
          {t('print')}
        </Button>
      </Space>
      {result ? (
        <Typography.Paragraph data-testid="guide-print-result" className="guide-print-result">
          {result}
        </Typography.Paragraph>
      ) : null}
    </Card>
  )
}
