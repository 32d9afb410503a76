import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import {
  clock,
  isoDateTime,
  month,
  nothing,
  password,
  requiredText,
  text,
  uuid
} from '../ipc/fields'
import { bookKeys, books, type BookKey, type FieldSpec } from './books'
import { idNumber, personName, phoneNumber } from './fields'
import { wholeNumber } from '../numbers'

export const dueUnits = ['minutes', 'hours', 'calendarDays', 'workingDays'] as const
export const book = z.enum(bookKeys, { error: '无效的登记簿' })
const localDay = z
  .string({ error: '应为日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    },
    {
      error: '不是有效日期'
    }
  )
  .meta({ examples: ['2026-11-01'] })

export const party = z.strictObject({
  name: personName,
  idNumber: idNumber.optional(),
  phone: phoneNumber().optional()
})

function fieldSchema(field: FieldSpec): z.ZodType {
  const optional = (schema: z.ZodType) => (field.required ? schema : schema.optional())
  switch (field.kind) {
    case 'text':
    case 'longText':
      return field.required ? requiredText(field.max ?? 200) : text(field.max ?? 200).optional()
    case 'name':
      return optional(personName)
    case 'phone':
      return optional(phoneNumber())
    case 'datetime':
      return optional(isoDateTime)
    case 'select':
      return optional(
        z.enum(field.options!.map((o) => o.value) as [string, ...string[]], {
          error: '请选择一项'
        })
      )
    case 'operator':
    case 'committee':
    case 'entryLink':
      return optional(uuid)
    case 'operators':
      return z
        .array(uuid, { error: '请选择民警' })
        .min(1, { error: '至少选择一名民警' })
        .max(10, { error: '最多 10 名民警' })
        .meta({ examples: [['00000000-0000-4000-8000-000000000000']] })
    case 'parties':
      return z
        .array(party, { error: '请填写当事人' })
        .min(1, { error: '至少填写一名当事人' })
        .max(20, { error: '最多 20 名当事人' })
        .meta({ examples: [[{ name: '张三' }]] })
  }
}

const fieldsOf = (key: BookKey) =>
  z.strictObject(
    Object.fromEntries(
      books[key].fields.filter((f) => !f.system).map((f) => [f.key, fieldSchema(f)])
    )
  )

const statusOf = (key: BookKey) =>
  z.enum(books[key].statuses.map((s) => s.value) as [string, ...string[]], {
    error: '无效的状态'
  })

/** One variant per book: the entry's time, status, promise rule (phone bookings) and fields. */
const entryVariant = <K extends BookKey>(key: K) =>
  z.strictObject({
    book: z.literal(key),
    occurredAt: isoDateTime,
    // A book whose status follows its steps takes none from the form (main sets it).
    status: books[key].deriveStatus ? statusOf(key).optional() : statusOf(key),
    ruleCode: requiredText(40).optional(),
    fields: fieldsOf(key)
  })

const variants = bookKeys.map(entryVariant) as unknown as [
  ReturnType<typeof entryVariant>,
  ...ReturnType<typeof entryVariant>[]
]

export const entryInput = z.discriminatedUnion('book', variants)
const amendVariant = <K extends BookKey>(key: K) =>
  entryVariant(key).extend({ id: uuid, reason: text(200).optional() })

export const amendInput = z.discriminatedUnion(
  'book',
  bookKeys.map(amendVariant) as unknown as [
    ReturnType<typeof amendVariant>,
    ...ReturnType<typeof amendVariant>[]
  ]
)

export const entryView = z.object({
  id: z.string(),
  book,
  rootId: z.string(),
  version: z.int(),
  current: z.boolean(),
  amendReason: z.string().nullable(),
  occurredAt: z.string(),
  status: z.string(),
  ruleCode: z.string().nullable(),
  dueAt: z.string().nullable(),
  officerId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  /** ID numbers or phones were masked for the caller's role (查看完整信息 shows them). */
  masked: z.boolean().optional()
})

export const savedEntry = z.object({ entry: entryView, warnings: z.array(z.string()) })

export const listQuery = z.strictObject({
  book,
  from: localDay.optional(),
  to: localDay.optional(),
  status: requiredText(40).optional(),
  officerId: uuid.optional(),
  committeeId: uuid.optional(),
  text: requiredText(100).optional(),
  unsigned: z.boolean({ error: '应为是或否' }).optional(),
  sort: z.enum(['occurredAt', 'dueAt'], { error: '无效的排序' }).default('occurredAt'),
  order: z.enum(['asc', 'desc'], { error: '无效的排序' }).default('desc'),
  page: z.int().min(1).max(100_000).default(1),
  pageSize: z.int().min(1).max(200).default(50)
})

export const boardItem = z.object({
  book,
  id: z.string(),
  occurredAt: z.string(),
  dueAt: z.string().nullable(),
  status: z.string(),
  title: z.string(),
  signed: z.boolean()
})

export const todayBoard = z.object({
  now: z.string(),
  overdue: z.array(boardItem),
  dueToday: z.array(boardItem),
  dueSoon: z.array(boardItem),
  awaitingSignOff: z.array(boardItem),
  counts: z.array(
    z.object({ book, open: z.int(), overdue: z.int(), unsigned: z.int(), today: z.int() })
  )
})

/** 报警求助 in one month, per officer sent: arrivals on time against SLA-EMERGENCY and late. */
export const calloutMonth = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      officerId: z.string(),
      officerName: z.string(),
      callouts: z.int(),
      onTime: z.int(),
      late: z.int(),
      /** Not yet arrived and not yet due. */
      pending: z.int(),
      /** On time among those decided (on time + late); null when none. */
      onTimeRate: z.number().nullable()
    })
  )
})

export const promiseRule = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  amount: z.int(),
  unit: z.enum(dueUnits),
  maxAmount: z.int().nullable(),
  nightAmount: z.int().nullable(),
  nightStart: z.string().nullable(),
  nightEnd: z.string().nullable()
})

export const committee = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  active: z.boolean()
})

export const draftView = z.object({ data: z.string(), updatedAt: z.string() }).nullable()

const rangeInput = z.strictObject({
  book,
  from: localDay,
  to: localDay,
  /** Unmasked ID numbers and phones: only for roles allowed full data. */
  full: z.boolean({ error: '应为是或否' }).default(false)
})

/**
 * Who may use 查看完整信息 (one entry's full ID numbers and phones, with a reason, audited): the
 * officers who act on entries. Not the administrator: it runs the system, not the cases.
 */
export const revealRoles = ['clerk', 'field', 'director'] as const

export const logbooksContract = {
  rules: call({ input: nothing, output: z.array(promiseRule), access: 'signedIn' }),
  updateRule: call({
    input: z.strictObject({
      id: uuid,
      name: requiredText(60),
      amount: wholeNumber(0, 100_000),
      unit: z.enum(dueUnits, { error: '无效的期限单位' }),
      maxAmount: wholeNumber(0, 100_000).nullable(),
      // Minutes rules at night (SLA-EMERGENCY); left out: unchanged.
      nightAmount: wholeNumber(0, 100_000).nullable().optional(),
      nightStart: clock.nullable().optional(),
      nightEnd: clock.nullable().optional()
    }),
    output: promiseRule,
    access: ['admin']
  }),
  committees: call({ input: nothing, output: z.array(committee), access: 'signedIn' }),
  saveCommittee: call({
    input: z.strictObject({
      id: uuid.optional(),
      name: requiredText(60),
      active: z.boolean({ error: '应为是或否' })
    }),
    output: committee,
    access: ['admin', 'director']
  }),
  officers: call({
    input: nothing,
    output: z.array(z.object({ id: z.string(), displayName: z.string() })),
    access: 'signedIn'
  }),
  create: call({ input: entryInput, output: savedEntry, access: 'signedIn' }),
  amend: call({ input: amendInput, output: savedEntry, access: 'signedIn' }),
  get: call({
    input: z.strictObject({ book, id: uuid }),
    output: z.object({ entry: entryView, history: z.array(entryView) }),
    access: 'signedIn'
  }),
  list: call({
    input: listQuery,
    output: z.object({ total: z.int(), capped: z.boolean(), rows: z.array(entryView) }),
    access: 'signedIn'
  }),
  today: call({ input: nothing, output: todayBoard, access: 'signedIn' }),
  calloutMonth: call({
    input: z.strictObject({ month }),
    output: calloutMonth,
    access: 'signedIn'
  }),
  /** 查看完整信息: one entry's full ID numbers and phones, with a reason; audited. */
  reveal: call({
    input: z.strictObject({
      book,
      id: uuid,
      reason: requiredText(200).meta({ examples: ['回电告知办理结果'] })
    }),
    output: entryView,
    access: revealRoles
  }),
  signOff: call({
    input: z.strictObject({ book, id: uuid, password }),
    output: entryView,
    access: ['director']
  }),
  approveExtension: call({
    input: z.strictObject({ id: uuid, password }),
    output: entryView,
    access: ['director']
  }),
  /** 出入境审核: the supervising director approves a returned review opinion. */
  approveExitReview: call({
    input: z.strictObject({ id: uuid, password }),
    output: entryView,
    access: ['director']
  }),
  loadDraft: call({
    input: z.strictObject({ book, entryId: uuid.optional() }),
    output: draftView,
    access: 'signedIn'
  }),
  saveDraft: call({
    input: z.strictObject({ book, entryId: uuid.optional(), data: text(20_000) }),
    output: z.null(),
    access: 'signedIn'
  }),
  discardDraft: call({
    input: z.strictObject({ book, entryId: uuid.optional() }),
    output: z.null(),
    access: 'signedIn'
  }),
  print: call({
    input: rangeInput,
    output: z.object({ path: z.string(), pages: z.int(), rows: z.int() }),
    access: 'signedIn'
  }),
  export: call({
    input: rangeInput.extend({ format: z.enum(['xlsx', 'csv'], { error: '无效的格式' }) }),
    output: z.object({ path: z.string(), rows: z.int() }),
    access: 'signedIn'
  })
} satisfies Namespace

export type EntryView = z.output<typeof entryView>
export type EntryInput = z.output<typeof entryInput>
export type AmendInput = z.output<typeof amendInput>
export type ListQuery = z.output<typeof listQuery>
export type TodayBoard = z.output<typeof todayBoard>
export type CalloutMonth = z.output<typeof calloutMonth>
export type BoardItem = z.output<typeof boardItem>
export type PromiseRule = z.output<typeof promiseRule>
export type Committee = z.output<typeof committee>
