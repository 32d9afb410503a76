import {
  App,
  Button,
  Card,
  Col,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag
} from 'antd'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApp } from '@renderer/AppContext'
import { useIntent } from '@renderer/shell/navigation'
import { useI18n, useMessages } from '@renderer/i18n/context'
import { api, ApiError, errorMessage, unwrap } from '@renderer/lib/api'
import { bookKeys, books, statusLabel, type BookKey, type FieldSpec } from '@shared/logbooks/books'
import {
  revealRoles,
  type BoardItem,
  type CalloutMonth,
  type EntryView,
  type TodayBoard
} from '@shared/logbooks/contract'
import { timeliness } from '@shared/logbooks/deadline'
import type { Role } from '@shared/roles'
import { CLOCK_SKEW_MS, formatStationTime, fromWallClock, wallClock } from '@shared/logbooks/time'
import { LogbookSettings } from './LogbookSettings'
import { messages, type LogbooksT } from './messages'
import { DateRangeInputs } from './DateRangeInputs'
import { entryPagination, occurredColumn, PAGE_SIZE } from './listParts'
import { QuotaBoard } from '@renderer/features/staff/QuotaBoard'
import { SignOffList } from './SignOffList'
import { FollowupSection } from './FollowupSection'
import { SearchSelect } from '@renderer/components/SearchSelect'
import { parsePartyLines, partyLines, type PartyLine } from '@shared/logbooks/parties'

type T = LogbooksT
type Lookup = {
  operators: { value: string; label: string }[]
  committees: { value: string; label: string }[]
}

const toLocalInput = (iso: string) => {
  const { date, time } = wallClock(iso)
  return `${date}T${time}`
}
const fromLocalInput = (value: string) => fromWallClock(value.slice(0, 10), value.slice(11, 16))
/**
 * The latest time the picker offers for when something happened (main refuses later ones, with
 * the same few minutes for a clock ahead); the picker only greys out the rest, main decides.
 */
const latestEventInput = () => toLocalInput(new Date(Date.now() + CLOCK_SKEW_MS).toISOString())
/** The month of a filter date, or this month when the date is not a valid one. */
const monthOf = (date: string) =>
  /^\d{4}-(0[1-9]|1[0-2])/.test(date)
    ? date.slice(0, 7)
    : wallClock(new Date().toISOString()).date.slice(0, 7)

/** The module's first view: deadlines and signatures across every logbook. */
function Board({ t, onOpen }: { t: T; onOpen: (item: BoardItem) => void }) {
  const { locale } = useI18n()
  const [board, setBoard] = useState<TodayBoard | null>(null)
  useEffect(() => {
    void unwrap(api.logbooks.today()).then(setBoard)
  }, [])
  if (!board) return null
  const title = (book: BookKey) => (locale === 'zh-CN' ? books[book].title : books[book].titleEn)
  const section = (
    key: 'overdue' | 'dueToday' | 'dueSoon' | 'awaitingSignOff',
    label: string,
    red = false
  ) => (
    <Col span={12} key={key}>
      <Card title={`${label}（${board[key].length}）`} size="small" data-testid={`board-${key}`}>
        <List
          size="small"
          dataSource={board[key]}
          locale={{ emptyText: t('none') }}
          renderItem={(item) => (
            <List.Item>
              {/* A long title wraps inside the card; the time keeps its line beside it. */}
              <Button type="link" danger={red} onClick={() => onOpen(item)} className="link-wraps">
                [{title(item.book)}] {item.title}
              </Button>
              <span
                style={{ color: red ? '#cf1322' : undefined, whiteSpace: 'nowrap', marginLeft: 12 }}
              >
                {item.dueAt
                  ? `${t('due')} ${formatStationTime(item.dueAt)}`
                  : formatStationTime(item.occurredAt)}
              </span>
            </List.Item>
          )}
        />
      </Card>
    </Col>
  )
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {section('overdue', t('overdue'), true)}
        {section('dueToday', t('dueToday'))}
        {section('dueSoon', t('dueSoon'))}
        {section('awaitingSignOff', t('awaiting'))}
      </Row>
      <Table
        size="small"
        rowKey="book"
        pagination={false}
        dataSource={board.counts}
        columns={[
          { title: t('book'), dataIndex: 'book', render: (b: BookKey) => title(b) },
          { title: t('open'), dataIndex: 'open' },
          {
            title: t('overdue'),
            dataIndex: 'overdue',
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0)
          },
          { title: t('unsigned'), dataIndex: 'unsigned' },
          { title: t('todayCount'), dataIndex: 'today' }
        ]}
      />
      <QuotaBoard />
    </Space>
  )
}

/** The control for one field; `Form.Item` passes id, value and onChange through `control`. */
function FieldInput({
  field,
  lookup,
  ...control
}: {
  field: FieldSpec
  lookup: Lookup
  id?: string
  value?: unknown
  onChange?: (value: unknown) => void
  disabled?: boolean
}) {
  const { locale } = useI18n()
  const props = control as Record<string, never>
  switch (field.kind) {
    case 'longText':
      return <Input.TextArea rows={2} maxLength={field.max} {...props} />
    case 'datetime':
      return (
        <Input
          type="datetime-local"
          {...(field.notAfterNow ? { max: latestEventInput() } : {})}
          {...props}
        />
      )
    case 'select':
      return (
        <Select
          {...props}
          options={field.options?.map((o) => ({
            value: o.value,
            label: locale === 'zh-CN' ? o.label : o.labelEn
          }))}
        />
      )
    case 'operator':
      return <SearchSelect {...props} optionFilterProp="label" options={lookup.operators} />
    case 'operators':
      return (
        <SearchSelect
          {...props}
          mode="multiple"
          optionFilterProp="label"
          options={lookup.operators}
        />
      )
    case 'committee':
      return (
        <SearchSelect {...props} allowClear optionFilterProp="label" options={lookup.committees} />
      )
    case 'entryLink':
      return <LinkSelect book={field.linkBook!} {...props} />
    case 'parties':
      return (
        <Input.TextArea
          {...props}
          rows={2}
          maxLength={PARTIES_MAX_CHARACTERS}
          placeholder="姓名 身份证号 电话（每行一人）"
        />
      )
    default:
      return <Input maxLength={field.max ?? 50} {...props} />
  }
}

/** A short line naming an entry of another register (time and first name or text). */
function entryTitle(entry: EntryView) {
  const spec = books[entry.book]
  const first = spec.fields.find((f) => f.kind === 'name' || f.kind === 'text')
  const matter = spec.fields.find((f) => f.kind === 'longText')
  return [
    formatStationTime(entry.occurredAt),
    first ? String(entry.fields[first.key] ?? '') : '',
    matter ? String(entry.fields[matter.key] ?? '').slice(0, 20) : ''
  ]
    .filter(Boolean)
    .join(' ')
}

/** Picks an entry of another register (its root id): the latest ones, or those a search finds. */
function LinkSelect({
  book,
  value,
  ...control
}: {
  book: BookKey
  id?: string
  value?: unknown
  onChange?: (value: unknown) => void
}) {
  const t = useMessages(messages)
  const [options, setOptions] = useState<{ value: string; label: string }[]>([])
  const search = useCallback(
    (text: string) =>
      void unwrap(
        api.logbooks.list({
          book,
          pageSize: 50,
          ...(text.trim() ? { text: text.trim().slice(0, 100) } : {})
        })
      )
        .then((page) =>
          setOptions(page.rows.map((entry) => ({ value: entry.rootId, label: entryTitle(entry) })))
        )
        .catch(() => setOptions([])),
    [book]
  )
  useEffect(() => search(''), [search])
  // A linked entry older than the latest page still shows its title.
  useEffect(() => {
    if (typeof value !== 'string' || options.some((o) => o.value === value)) return
    void unwrap(api.logbooks.get({ book, id: value }))
      .then(({ history }) => {
        const latest = history[history.length - 1]
        if (latest) setOptions((list) => [{ value, label: entryTitle(latest) }, ...list])
      })
      .catch(() => undefined)
  }, [book, value, options])
  return (
    <SearchSelect
      {...control}
      value={value as string | undefined}
      allowClear
      filterOption={false}
      onSearch={search}
      placeholder={t('linkSearch')}
      options={options}
    />
  )
}

/** The linked entry's title in the detail drawer. */
function LinkedEntry({ book, rootId }: { book: BookKey; rootId: string }) {
  const [title, setTitle] = useState(rootId.slice(0, 8))
  useEffect(() => {
    void unwrap(api.logbooks.get({ book, id: rootId }))
      .then(({ history }) => {
        const latest = history[history.length - 1]
        if (latest) setTitle(`[${books[book].title}] ${entryTitle(latest)}`)
      })
      .catch(() => undefined)
  }, [book, rootId])
  return <span data-testid="linked-entry">{title}</span>
}

/** Up to 20 parties of a name, an ID number and a phone each, with room to spare. */
const PARTIES_MAX_CHARACTERS = 2000

type FormValues = Record<string, unknown> & {
  occurredAt: string
  status: string
  reason?: string
  ruleCode?: string
}

/** Form values ⇄ the contract's entry: datetimes in station time, parties one per line. */
function toInput(book: BookKey, values: FormValues) {
  const fields: Record<string, unknown> = {}
  for (const field of books[book].fields) {
    const value = values[field.key]
    if (field.system || value === undefined || value === null || value === '') continue
    if (field.kind === 'datetime') fields[field.key] = fromLocalInput(value as string)
    else if (field.kind === 'parties') {
      fields[field.key] = parsePartyLines(value as string)
    } else fields[field.key] = value
  }
  return {
    book,
    occurredAt: fromLocalInput(values.occurredAt),
    // A book whose status follows its steps sends none: main derives it.
    ...(books[book].deriveStatus ? {} : { status: values.status }),
    ...(values.ruleCode ? { ruleCode: values.ruleCode } : {}),
    fields
  } as Parameters<typeof api.logbooks.create>[0]
}

function fromEntry(entry: EntryView): FormValues {
  const values: FormValues = { occurredAt: toLocalInput(entry.occurredAt), status: entry.status }
  if (entry.ruleCode) values.ruleCode = entry.ruleCode
  for (const field of books[entry.book].fields) {
    const value = entry.fields[field.key]
    if (value === undefined) continue
    if (field.kind === 'datetime') values[field.key] = toLocalInput(value as string)
    else if (field.kind === 'parties') values[field.key] = partyLines(value as PartyLine[])
    else values[field.key] = value
  }
  return values
}

function EntryForm(props: {
  t: T
  book: BookKey
  entry: EntryView | null
  lookup: Lookup
  onClose: (saved: boolean) => void
}) {
  const { t, book, entry, lookup, onClose } = props
  const { locale } = useI18n()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [rules, setRules] = useState<{ value: string; label: string }[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** What the clerk typed last, saved when the form closes before the draft timer fires. */
  const typed = useRef<string | null>(null)
  // A correction's draft belongs to the entry, not the version: it survives a newer version
  // (a sign-off's, an approval's, another PC's) and is offered on it.
  const draftKey = useMemo(
    () => ({ book, ...(entry ? { entryId: entry.rootId } : {}) }),
    [book, entry]
  )
  const spec = books[book]

  // Runs once per opening (its inputs are stable): it fills the form and offers the kept draft.
  useEffect(() => {
    form.setFieldsValue(
      entry
        ? fromEntry(entry)
        : { occurredAt: toLocalInput(new Date().toISOString()), status: spec.statuses[0]!.value }
    )
    if (book === 'phone') {
      void unwrap(api.logbooks.rules()).then((list) =>
        setRules(
          list
            .filter((r) => r.code.startsWith('SLA-'))
            .map((r) => ({ value: r.code, label: r.name }))
        )
      )
    }
    let offer: { destroy: () => void } | null = null
    let closed = false
    // (A draft kept before drafts were keyed by the entry is under the version's id.)
    const earlierKey = entry && entry.id !== entry.rootId ? { book, entryId: entry.id } : null
    void (async () => {
      let key = draftKey
      let draft = await unwrap(api.logbooks.loadDraft(key))
      if (!draft && earlierKey) {
        key = earlierKey
        draft = await unwrap(api.logbooks.loadDraft(key))
      }
      if (!draft || closed) return
      const kept = draft
      offer = modal.confirm({
        title: t('draftFound', { at: formatStationTime(kept.updatedAt) }),
        okText: t('restore'),
        cancelText: t('discard'),
        // Only the 丢弃 button discards: Esc or a click beside it must not lose the draft.
        keyboard: false,
        maskClosable: false,
        closable: false,
        onOk: () => form.setFieldsValue(JSON.parse(kept.data) as FormValues),
        onCancel: () => void unwrap(api.logbooks.discardDraft(key))
      })
    })()
    return () => {
      closed = true
      offer?.destroy()
      // Closed within the draft timer: what was typed last is kept now.
      if (timer.current) {
        clearTimeout(timer.current)
        timer.current = null
        if (typed.current !== null) {
          void api.logbooks.saveDraft({ ...draftKey, data: typed.current })
        }
      }
    }
  }, [book, entry, draftKey, form, modal, spec, t])

  /** A field the director's approval fixed (main refuses a change to it too). */
  const lockedField = (field: FieldSpec) =>
    Boolean(field.lockedBy && entry && entry.fields[field.lockedBy] !== undefined)

  /** Every change is kept as a draft in the database, so a lock or a crash loses nothing. */
  const keepDraft = () => {
    if (timer.current) clearTimeout(timer.current)
    typed.current = JSON.stringify(form.getFieldsValue(true))
    timer.current = setTimeout(() => {
      timer.current = null
      void api.logbooks.saveDraft({ ...draftKey, data: JSON.stringify(form.getFieldsValue(true)) })
    }, 600)
  }

  const submit = async (values: FormValues) => {
    try {
      const input = toInput(book, values)
      const saved = entry
        ? await unwrap(
            api.logbooks.amend({
              ...input,
              id: entry.id,
              ...(values.reason ? { reason: values.reason } : {})
            })
          )
        : await unwrap(api.logbooks.create(input))
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      await unwrap(api.logbooks.discardDraft(draftKey))
      if (entry && entry.id !== entry.rootId) {
        await unwrap(api.logbooks.discardDraft({ book, entryId: entry.id }))
      }
      message.success(t('saved'))
      for (const warning of saved.warnings) message.warning(warning)
      onClose(true)
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) {
        form.setFields(
          Object.entries(error.fields).map(([path, text]) => {
            const name = path.replace(/^fields\./, '').split('.')[0]!
            const empty = [undefined, null, ''].includes(values[name] as string | undefined)
            // A missing value comes back from the contract (fields.…) as a type error: say what
            // the clerk must do instead. Main's step rules name the field and say it themselves.
            const typeError = empty && path !== name
            return { name, errors: [typeError ? t('required') : text] }
          })
        )
      } else message.error(errorMessage(error))
    }
  }

  return (
    <Modal
      open
      width={760}
      title={`${locale === 'zh-CN' ? spec.title : spec.titleEn}${entry ? ` · ${t('amend')}` : ''}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={keepDraft}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="occurredAt" label={spec.occurredLabel} rules={[{ required: true }]}>
              <Input type="datetime-local" max={latestEventInput()} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {spec.deriveStatus ? (
              <Form.Item label={t('status')}>
                <span data-testid="status-follows-steps">{t('statusFollowsSteps')}</span>
              </Form.Item>
            ) : (
              <Form.Item name="status" label={t('status')}>
                <Select
                  options={spec.statuses.map((s) => ({
                    value: s.value,
                    label: locale === 'zh-CN' ? s.label : s.labelEn
                  }))}
                />
              </Form.Item>
            )}
          </Col>
          {spec.ruleChoice && (
            <Col span={12}>
              <Form.Item name="ruleCode" label={t('rule')}>
                <Select allowClear options={rules} />
              </Form.Item>
            </Col>
          )}
          {spec.fields
            .filter((field) => !field.system)
            .map((field) => (
              <Col
                span={field.kind === 'longText' || field.kind === 'parties' ? 24 : 12}
                key={field.key}
              >
                <Form.Item
                  name={field.key}
                  label={locale === 'zh-CN' ? field.label : field.labelEn}
                  required={field.required}
                  extra={lockedField(field) ? t('lockedByApproval') : undefined}
                >
                  <FieldInput field={field} lookup={lookup} disabled={lockedField(field)} />
                </Form.Item>
              </Col>
            ))}
          {entry && (
            <Col span={24}>
              <Form.Item
                name="reason"
                label={t('reason')}
                extra={
                  spec.approval?.system.some((key) => entry.fields[key] !== undefined)
                    ? t('approvalVoidHint')
                    : undefined
                }
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  )
}

/**
 * 查看完整信息: asks for the reason, then main returns the entry in full (and audits it). Enter
 * in the reason box confirms; Esc cancels.
 */
function RevealDialog(props: {
  t: T
  entry: EntryView
  forAmend: boolean
  onDone: (full: EntryView | null) => void
}) {
  const { t, entry, forAmend, onDone } = props
  const { message } = App.useApp()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    try {
      onDone(await unwrap(api.logbooks.reveal({ book: entry.book, id: entry.id, reason })))
      message.info(t('revealAudited'))
    } catch (error) {
      if (error instanceof ApiError && error.fields.reason) setProblem(t('revealReasonRequired'))
      else message.error(errorMessage(error))
    }
  }
  return (
    <Modal
      open
      title={t('reveal')}
      okText={t('revealConfirm')}
      onOk={() => void submit()}
      onCancel={() => onDone(null)}
      destroyOnHidden
    >
      <p>{forAmend ? t('revealForAmend') : t('revealHint')}</p>
      <Form layout="vertical">
        <Form.Item
          label={t('revealReason')}
          required
          validateStatus={problem ? 'error' : undefined}
          help={problem}
        >
          <Input
            autoFocus
            data-testid="reveal-reason"
            maxLength={200}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setProblem(null)
            }}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function EntryDrawer(props: {
  t: T
  entry: EntryView
  lookup: Lookup
  onAmend: (entry: EntryView) => void
  onClose: (changed: boolean) => void
}) {
  const { t, onAmend, onClose } = props
  const { session } = useApp()
  const { locale } = useI18n()
  const { message } = App.useApp()
  const [password, setPassword] = useState('')
  // The entry as main returned it (masked for some roles), or in full after 查看完整信息.
  const [full, setFull] = useState<EntryView | null>(null)
  const [revealing, setRevealing] = useState<{ forAmend: boolean } | null>(null)
  const entry = full ?? props.entry
  const mayReveal = (revealRoles as readonly Role[]).includes(session.operator.role)
  // A correction starts from the full values: a masked form could not be saved.
  const amend = () => (entry.masked ? setRevealing({ forAmend: true }) : onAmend(entry))
  const spec = books[entry.book]
  const names = new Map(
    [...props.lookup.operators, ...props.lookup.committees].map((o) => [o.value, o.label])
  )
  const show = (field: FieldSpec, value: unknown) =>
    field.kind === 'datetime' ? (
      formatStationTime(value as string)
    ) : field.kind === 'operators' ? (
      (value as string[]).map((id) => names.get(id)).join('、')
    ) : field.kind === 'operator' || field.kind === 'committee' ? (
      names.get(value as string)
    ) : field.kind === 'parties' ? (
      (value as Record<string, string>[])
        .map((p) => [p.name, p.idNumber, p.phone].filter(Boolean).join(' '))
        .join('；')
    ) : field.kind === 'select' ? (
      field.options?.find((o) => o.value === value)?.label
    ) : field.kind === 'entryLink' ? (
      <LinkedEntry book={field.linkBook!} rootId={value as string} />
    ) : (
      String(value)
    )
  /** A director's action with the password typed above: done, the drawer closes. */
  const directorAction = (action: () => Promise<unknown>, done: string) => async () => {
    try {
      await action()
      message.success(done)
      onClose(true)
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const sign = directorAction(
    () => unwrap(api.logbooks.signOff({ book: entry.book, id: entry.id, password })),
    t('saved')
  )
  const isDirector = session.operator.role === 'director'
  // 出入境审核: the supervising director approves a returned review opinion.
  const mayApprove =
    isDirector && entry.current && entry.book === 'exitReview' && entry.status === 'reviewed'
  // A case's extension (7 → 14 working days), once the clerk has recorded its reason.
  const extensionApprovedAt = entry.fields.extensionApprovedAt as string | undefined
  const mayExtend =
    isDirector &&
    entry.current &&
    entry.book === 'case' &&
    entry.fields.extensionReason !== undefined &&
    extensionApprovedAt === undefined
  const approveExtension = directorAction(
    () => unwrap(api.logbooks.approveExtension({ id: entry.id, password })),
    t('extensionApproved')
  )
  const approve = directorAction(
    () => unwrap(api.logbooks.approveExitReview({ id: entry.id, password })),
    t('approved')
  )
  return (
    <Drawer
      open
      width={560}
      title={`${locale === 'zh-CN' ? spec.title : spec.titleEn} · ${t('version', { n: entry.version })}`}
      onClose={() => onClose(false)}
    >
      <List size="small" data-testid="entry-detail">
        <List.Item>
          {spec.occurredLabel}：{formatStationTime(entry.occurredAt)}
        </List.Item>
        <List.Item>
          {t('status')}：{statusLabel(entry.book, entry.status)}
        </List.Item>
        {entry.dueAt && (
          <List.Item>
            {t('due')}：{formatStationTime(entry.dueAt)}
          </List.Item>
        )}
        {spec.fields
          .filter((f) => entry.fields[f.key] !== undefined)
          .map((f) => (
            <List.Item key={f.key}>
              {f.label}：{show(f, entry.fields[f.key])}
            </List.Item>
          ))}
        {extensionApprovedAt && (
          <List.Item data-testid="extension-approved">
            {t('extensionApprovedBy', {
              name: names.get(entry.fields.extensionApprovedBy as string) ?? '',
              at: formatStationTime(extensionApprovedAt)
            })}
          </List.Item>
        )}
        <List.Item>
          {t('recorder')}：{entry.createdByName}
        </List.Item>
        {entry.signedAt && (
          <List.Item>
            {t('signed', { name: entry.signedByName ?? '', at: formatStationTime(entry.signedAt) })}
          </List.Item>
        )}
      </List>
      {entry.current && <FollowupSection t={t} entry={entry} />}
      <Space style={{ marginTop: 16 }}>
        {entry.masked && mayReveal && (
          <Button data-testid="reveal" onClick={() => setRevealing({ forAmend: false })}>
            {t('reveal')}
          </Button>
        )}
        {entry.current && (!entry.masked || mayReveal) && (
          <Button onClick={amend}>{t('amend')}</Button>
        )}
        {entry.current && isDirector && (!entry.signedAt || mayApprove || mayExtend) && (
          <>
            <Input.Password
              aria-label={t('password')}
              placeholder={t('password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              onPressEnter={mayApprove ? approve : mayExtend ? approveExtension : sign}
            />
            {mayExtend && (
              <Button type="primary" onClick={approveExtension} data-testid="approve-extension">
                {t('approveExtension')}
              </Button>
            )}
            {mayApprove && (
              <Button type="primary" onClick={approve} data-testid="approve-exit-review">
                {t('approveExitReview')}
              </Button>
            )}
            {!entry.signedAt && (
              <Button type={mayApprove || mayExtend ? 'default' : 'primary'} onClick={sign}>
                {t('signOff')}
              </Button>
            )}
          </>
        )}
      </Space>
      {revealing && (
        <RevealDialog
          t={t}
          entry={entry}
          forAmend={revealing.forAmend}
          onDone={(revealed) => {
            setRevealing(null)
            if (!revealed) return
            setFull(revealed)
            if (revealing.forAmend) onAmend(revealed)
          }}
        />
      )}
    </Drawer>
  )
}

/** Whether the step that meets the deadline came in time (arrival, answer, fitting, clearing). */
function TimelinessTag({ t, entry, metBy }: { t: T; entry: EntryView; metBy: string }) {
  const { locale } = useI18n()
  const result = timeliness(entry.dueAt, entry.fields[metBy], new Date().toISOString())
  // In Chinese the words of the printout (minutes, then hours, then days); in English minutes.
  switch (result.state) {
    case 'onTime':
      return <Tag color="green">{t('t_onTime')}</Tag>
    case 'late':
      return (
        <Tag color="red">
          {locale === 'zh-CN' ? result.label : t('t_late', { n: result.minutesLate })}
        </Tag>
      )
    case 'overdue':
      return (
        <Tag color="red">
          {locale === 'zh-CN' ? result.label : t('t_overdue', { n: result.minutesLate })}
        </Tag>
      )
    case 'pending':
      return <Tag>{t('t_pending')}</Tag>
    default:
      return null
  }
}

/** 报警求助: the month's arrivals per officer sent, on time against the 5/10-minute promise. */
function CalloutMonthTable({ t, month, reload }: { t: T; month: string; reload: number }) {
  const [data, setData] = useState<CalloutMonth | null>(null)
  useEffect(() => {
    void unwrap(api.logbooks.calloutMonth({ month }))
      .then(setData)
      .catch(() => setData(null))
  }, [month, reload])
  return (
    <Card size="small" title={t('calloutMonth', { month })} data-testid="callout-month">
      <Table
        size="small"
        rowKey="officerId"
        pagination={false}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('officer'), dataIndex: 'officerName' },
          { title: t('callouts'), dataIndex: 'callouts' },
          { title: t('onTime'), dataIndex: 'onTime' },
          {
            title: t('late'),
            dataIndex: 'late',
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0)
          },
          { title: t('pending'), dataIndex: 'pending' },
          {
            title: t('onTimeRate'),
            dataIndex: 'onTimeRate',
            render: (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)
          }
        ]}
      />
    </Card>
  )
}

function BookView(props: {
  t: T
  book: BookKey
  lookup: Lookup
  focus: string | null
  onFocusDone: () => void
  /** Opens the new-entry form as the book opens (another module asked for a new entry). */
  createOnOpen?: boolean
}) {
  const { t, book, lookup, focus, onFocusDone } = props
  const { message } = App.useApp()
  const { locale } = useI18n()
  const spec = books[book]
  const [filter, setFilter] = useState(() => {
    const [y, m] = wallClock(new Date().toISOString()).date.split('-').map(Number) as [
      number,
      number
    ]
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
    return { from: `${last.slice(0, 7)}-01`, to: last, status: '', text: '' }
  })
  const [page, setPage] = useState(1)
  const [data, setData] = useState<{ total: number; capped: boolean; rows: EntryView[] }>({
    total: 0,
    capped: false,
    rows: []
  })
  const [editing, setEditing] = useState<{ entry: EntryView | null } | null>(
    props.createOnOpen ? { entry: null } : null
  )
  const [viewing, setViewing] = useState<EntryView | null>(null)

  // Bumped after each load, so the month's call-out table follows saves and corrections.
  const [loads, setLoads] = useState(0)
  const load = useCallback(
    () =>
      unwrap(
        api.logbooks.list({
          book,
          page,
          pageSize: PAGE_SIZE,
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.text.trim() ? { text: filter.text.trim() } : {})
        })
      ).then((page) => {
        setData(page)
        setLoads((n) => n + 1)
      }),
    [book, page, filter.from, filter.to, filter.status, filter.text]
  )
  useEffect(() => {
    void load()
  }, [load])
  // Other windows' entries and sign-offs taken from the station server: the page shown follows.
  useEffect(
    () =>
      api.on('station.changed', (change) => {
        if (Object.keys(change.registers).length > 0) void load().catch(() => undefined)
      }),
    [load]
  )
  useEffect(() => {
    if (!focus) return
    void unwrap(api.logbooks.get({ book, id: focus })).then((r) => setViewing(r.entry))
    onFocusDone()
  }, [focus, book, onFocusDone])

  const output = async (kind: 'pdf' | 'xlsx' | 'csv') => {
    try {
      const range = { book, from: filter.from, to: filter.to }
      const result =
        kind === 'pdf'
          ? await unwrap(api.logbooks.print(range))
          : await unwrap(api.logbooks.export({ ...range, format: kind }))
      message.success(t('written', { path: result.path }))
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const firstName = spec.fields.find((f) => f.kind === 'name' || f.kind === 'text')!
  const matter = spec.fields.find((f) => f.kind === 'longText')
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing({ entry: null })}>
          {t('create')}
        </Button>
        <DateRangeInputs t={t} filter={filter} setFilter={setFilter} />
        <Select
          style={{ width: 120 }}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={[
            { value: '', label: t('all') },
            ...spec.statuses.map((s) => ({
              value: s.value,
              label: locale === 'zh-CN' ? s.label : s.labelEn
            }))
          ]}
        />
        <Input.Search
          placeholder={t('search')}
          allowClear
          maxLength={100}
          onSearch={(text) => setFilter({ ...filter, text })}
          style={{ width: 200 }}
        />
        <Button onClick={() => output('pdf')}>{t('print')}</Button>
        <Button onClick={() => output('xlsx')}>{t('exportXlsx')}</Button>
        <Button onClick={() => output('csv')}>{t('exportCsv')}</Button>
      </Space>
      {book === 'callout' && (
        <CalloutMonthTable t={t} month={monthOf(filter.to || filter.from)} reload={loads} />
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={data.rows}
        onRow={(row) => ({ onClick: () => setViewing(row) })}
        pagination={entryPagination(t, page, setPage, data)}
        columns={[
          occurredColumn(spec),
          {
            title: firstName.label,
            render: (_: unknown, r: EntryView) => String(r.fields[firstName.key] ?? '')
          },
          ...(matter
            ? [
                {
                  title: matter.label,
                  render: (_: unknown, r: EntryView) => String(r.fields[matter.key] ?? '')
                }
              ]
            : []),
          { title: t('status'), dataIndex: 'status', render: (s: string) => statusLabel(book, s) },
          ...(spec.metBy
            ? [
                {
                  title: t('timeliness'),
                  render: (_: unknown, r: EntryView) => (
                    <TimelinessTag t={t} entry={r} metBy={spec.metBy!} />
                  )
                }
              ]
            : []),
          {
            title: t('due'),
            dataIndex: 'dueAt',
            render: (v: string | null, r: EntryView) =>
              v ? (
                <span
                  style={{
                    color:
                      v < new Date().toISOString() && !spec.closedStatuses.includes(r.status)
                        ? '#cf1322'
                        : undefined
                  }}
                >
                  {formatStationTime(v)}
                </span>
              ) : (
                ''
              )
          },
          {
            title: t('signOff'),
            dataIndex: 'signedByName',
            render: (v: string | null) => v ?? <Tag>{t('unsigned')}</Tag>
          }
        ]}
      />
      {editing && (
        <EntryForm
          t={t}
          book={book}
          entry={editing.entry}
          lookup={lookup}
          onClose={(saved) => {
            setEditing(null)
            if (saved) void load()
          }}
        />
      )}
      {viewing && (
        <EntryDrawer
          t={t}
          entry={viewing}
          lookup={lookup}
          onAmend={(entry) => {
            setEditing({ entry })
            setViewing(null)
          }}
          onClose={(changed) => {
            setViewing(null)
            if (changed) void load()
          }}
        />
      )}
    </Space>
  )
}

export function LogbooksModule() {
  const t = useMessages(messages)
  const { locale } = useI18n()
  const intent = useIntent('logbooks')
  const [tab, setTab] = useState<string>(intent?.book ?? 'today')
  // The book whose new-entry form opens with it, once: leaving the tab forgets it.
  const [createIn, setCreateIn] = useState(intent?.create ? intent.book : null)
  const [focus, setFocus] = useState<string | null>(null)
  const [lookup, setLookup] = useState<Lookup>({ operators: [], committees: [] })
  useEffect(() => {
    void Promise.all([unwrap(api.logbooks.officers()), unwrap(api.logbooks.committees())]).then(
      ([officers, committees]) =>
        setLookup({
          operators: officers.map((o) => ({ value: o.id, label: o.displayName })),
          committees: committees
            .filter((c) => c.active)
            .map((c) => ({ value: c.id, label: c.name }))
        })
    )
  }, [])
  const clearFocus = useCallback(() => setFocus(null), [])
  const role = useApp().session.operator.role
  const open = (item: { id: string; book: BookKey }) => {
    setFocus(item.id)
    setTab(item.book)
  }
  return (
    <Tabs
      className="wrapping-tabs"
      activeKey={tab}
      onChange={(key) => {
        setTab(key)
        setCreateIn(null)
      }}
      destroyOnHidden
      items={[
        {
          key: 'today',
          label: t('today'),
          children: <Board t={t} onOpen={open} />
        },
        ...(role === 'director'
          ? [
              {
                key: 'signoff',
                label: t('signOffList'),
                children: <SignOffList t={t} onOpen={open} />
              }
            ]
          : []),
        ...bookKeys.map((book) => ({
          key: book,
          label: locale === 'zh-CN' ? books[book].title : books[book].titleEn,
          children: (
            <BookView
              t={t}
              book={book}
              lookup={lookup}
              focus={tab === book ? focus : null}
              onFocusDone={clearFocus}
              createOnOpen={createIn === book}
            />
          )
        })),
        ...(role === 'admin' || role === 'director'
          ? [
              {
                key: 'settings',
                label: t('settings'),
                children: <LogbookSettings t={t} canEditRules={role === 'admin'} />
              }
            ]
          : [])
      ]}
    />
  )
}
