import { z } from 'zod'
import { wholeNumber } from '../numbers'
import { call, type Namespace } from '../ipc/define'
import { clock, isoDate, month, nothing, requiredText, text, uuid } from '../ipc/fields'
import { bookKeys } from '../logbooks/books'

export { month }

export const quarter = z
  .string({ error: '应为季度' })
  .max(7)
  .regex(/^\d{4}-Q[1-4]$/, { error: '季度格式应为 YYYY-Q1…Q4' })
  .meta({ examples: ['2026-Q4'] })

const cardNumber = z
  .string({ error: '应为卡号' })
  .trim()
  .max(20, { error: '卡号不能超过 20 位' })
  .regex(/^\d{6,20}$/, { error: '卡号应为 6–20 位数字' })
  .meta({ examples: ['0012345678'] })

const count = (max: number) => wholeNumber(0, max)
const weight = z
  .number({ error: '应为数字' })
  .min(-1000, { error: '不能小于 -1000' })
  .max(1000, { error: '不能大于 1000' })

export const satisfactionLevels = [
  { value: 5, label: '非常满意', labelEn: 'Very satisfied' },
  { value: 4, label: '满意', labelEn: 'Satisfied' },
  { value: 3, label: '基本满意', labelEn: 'Neutral' },
  { value: 2, label: '不满意', labelEn: 'Dissatisfied' },
  { value: 1, label: '非常不满意', labelEn: 'Very dissatisfied' }
] as const

export const followupTopics = ['window', 'case', 'dispute', 'emergency', 'other'] as const
export const checkItems = ['yesterday', 'deadlines', 'unsigned'] as const
export const ladderSteps = ['education', 'penalty', 'retraining'] as const

export const staffConfig = z.strictObject({
  quota: z.strictObject({ households: count(1000), persons: count(1000) }),
  weights: z.strictObject({
    entry: weight,
    onTime: weight,
    quotaMet: weight,
    satisfaction: weight,
    complaint: weight
  }),
  officeHours: z.strictObject({ start: clock, end: clock }),
  wedge: z.strictObject({
    maxGapMs: wholeNumber(5, 500),
    minDigits: wholeNumber(4, 20),
    maxDigits: wholeNumber(4, 20)
  })
})

/** Longest reader key gap a save may set: the catcher runs app-wide, so a slower limit would take a
 * clerk's quick digits + Enter for a card. Stored values are read with staffConfig. */
export const MAX_READER_GAP_MS = 60

const staffConfigInput = staffConfig.extend({
  wedge: staffConfig.shape.wedge.extend({
    maxGapMs: z
      .int({ error: '应为整数' })
      .min(5, { error: '读卡按键间隔不能少于 5 毫秒' })
      .max(MAX_READER_GAP_MS, {
        error: `读卡按键间隔不能超过 ${MAX_READER_GAP_MS} 毫秒，否则手动输入的数字会被当作刷卡`
      })
  })
})

const officerRef = { officerId: z.string(), officerName: z.string() }

export const followupInput = z.strictObject({
  visitDate: isoDate,
  targetKind: z.enum(['resident', 'committee'], { error: '请选择对象类型' }),
  targetName: requiredText(60),
  topic: z.enum(followupTopics, { error: '请选择事由' }),
  linkBook: z.enum(bookKeys, { error: '无效的登记簿' }).optional(),
  linkEntryId: uuid.optional(),
  outcome: requiredText(500),
  satisfaction: z.int({ error: '请选择满意度' }).min(1).max(5),
  households: count(100),
  persons: count(1000)
})

const followupView = followupInput.extend({
  id: z.string(),
  ...officerRef,
  linkBook: z.string().nullable(),
  linkEntryId: z.string().nullable(),
  createdAt: z.string()
})

const progressRow = z.object({
  ...officerRef,
  households: z.int(),
  persons: z.int(),
  visits: z.int(),
  ratio: z.number(),
  met: z.boolean(),
  behind: z.boolean()
})

const awardRow = z.object({
  ...officerRef,
  entries: z.int(),
  dueEntries: z.int(),
  onTime: z.int(),
  onTimeRate: z.number(),
  quotaMet: z.boolean(),
  satisfaction: z.number().nullable(),
  complaintsUpheld: z.int(),
  parts: z.record(z.string(), z.number()),
  score: z.number(),
  rank: z.int()
})

const awardConfirmation = z.object({
  bestId: z.string(),
  excellentIds: z.array(z.string()),
  reason: z.string().nullable(),
  confirmedBy: z.string(),
  confirmedByName: z.string(),
  confirmedAt: z.string()
})

export const awardTable = z.object({
  month: z.string(),
  rows: z.array(awardRow),
  weights: staffConfig.shape.weights,
  suggestion: z.object({ best: z.string().nullable(), excellent: z.array(z.string()) }),
  confirmation: awardConfirmation.nullable()
})

const attendanceDay = z.object({
  date: z.string(),
  working: z.boolean(),
  firstIn: z.string().nullable(),
  lastOut: z.string().nullable(),
  late: z.boolean(),
  early: z.boolean(),
  absent: z.boolean()
})

const attendanceRow = z.object({
  ...officerRef,
  workingDays: z.int(),
  daysPresent: z.int(),
  late: z.int(),
  earlyLeave: z.int(),
  absent: z.int(),
  lateDays: z.array(z.string()),
  days: z.array(attendanceDay)
})

const ruling = z.object({
  complaintId: z.string(),
  ...officerRef,
  upheld: z.boolean(),
  date: z.string(),
  note: z.string().nullable(),
  ruledByName: z.string(),
  ruledAt: z.string()
})

/** A drawn entry, with its date and title (null and empty when it can no longer be read). */
const drawnEntry = z.object({
  book: z.string(),
  id: z.string(),
  occurredAt: z.string().nullable(),
  title: z.string()
})
const spotCheck = z.object({
  quarter: z.string(),
  seed: z.int(),
  size: z.int(),
  poolSize: z.int(),
  entries: z.array(drawnEntry),
  drawnByName: z.string(),
  drawnAt: z.string()
})

const ladderRow = z.object({
  id: z.string(),
  ...officerRef,
  step: z.enum(ladderSteps),
  date: z.string(),
  note: z.string()
})

const checkRow = z.object({
  item: z.enum(checkItems),
  count: z.int(),
  checked: z.boolean(),
  note: z.string().nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable()
})

/** Director-only calls are 'signedIn' here and checked in the handler (as the logbooks do). */
export const staffContract = {
  config: call({ input: nothing, output: staffConfig, access: 'signedIn' }),
  updateConfig: call({
    input: staffConfigInput,
    output: staffConfig,
    access: ['admin', 'director']
  }),
  cards: call({
    input: nothing,
    output: z.array(z.object({ id: z.string(), ...officerRef, cardNumber: z.string() })),
    access: ['admin']
  }),
  /** Short salted tags of the registered cards, so the swipe catcher leaves other bursts alone. */
  cardTags: call({
    input: nothing,
    output: z.object({ salt: z.string(), tags: z.array(z.string()) }),
    access: 'signedIn'
  }),
  registerCard: call({
    input: z.strictObject({ operatorId: uuid, cardNumber }),
    output: z.object({ id: z.string() }),
    access: ['admin']
  }),
  removeCard: call({
    input: z.strictObject({ id: uuid }),
    output: z.null(),
    access: ['admin']
  }),
  swipe: call({
    input: z.strictObject({ cardNumber }),
    output: z.object({
      ...officerRef,
      direction: z.enum(['in', 'out']),
      at: z.string(),
      late: z.boolean()
    }),
    access: 'signedIn'
  }),
  attendanceSheet: call({
    input: z.strictObject({ month }),
    output: z.array(attendanceRow),
    access: 'signedIn'
  }),
  exportAttendance: call({
    input: z.strictObject({
      month,
      format: z.enum(['pdf', 'xlsx', 'csv'], { error: '无效的格式' })
    }),
    output: z.object({ path: z.string(), rows: z.int(), pages: z.int() }),
    access: ['director', 'admin']
  }),
  addFollowup: call({ input: followupInput, output: followupView, access: 'signedIn' }),
  followups: call({
    input: z.strictObject({ month, officerId: uuid.optional() }),
    output: z.array(followupView),
    access: 'signedIn'
  }),
  followupsOf: call({
    input: z.strictObject({
      linkBook: z.enum(bookKeys, { error: '无效的登记簿' }),
      linkEntryId: uuid
    }),
    output: z.array(followupView),
    access: 'signedIn'
  }),
  quotaProgress: call({
    input: z.strictObject({ month }),
    output: z.array(progressRow),
    access: 'signedIn'
  }),
  dailyChecks: call({
    input: z.strictObject({ date: isoDate }),
    output: z.array(checkRow),
    access: 'signedIn'
  }),
  tickCheck: call({
    input: z.strictObject({ date: isoDate, item: z.enum(checkItems), note: text(300).optional() }),
    output: z.array(checkRow),
    access: 'signedIn'
  }),
  spotCheck: call({
    input: z.strictObject({ quarter }),
    output: spotCheck.nullable(),
    access: ['director', 'admin']
  }),
  drawSpotCheck: call({
    input: z.strictObject({ quarter, size: wholeNumber(1, 100) }),
    output: spotCheck,
    access: 'signedIn'
  }),
  awards: call({ input: z.strictObject({ month }), output: awardTable, access: 'signedIn' }),
  confirmAwards: call({
    input: z.strictObject({
      month,
      bestId: uuid,
      excellentIds: z
        .array(uuid)
        .length(2, { error: '应选两名优质服务标兵' })
        .meta({
          examples: [
            ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']
          ]
        }),
      reason: text(500).optional()
    }),
    output: awardTable,
    access: 'signedIn'
  }),
  ruleComplaint: call({
    input: z.strictObject({
      complaintId: uuid,
      officerId: uuid,
      upheld: z.boolean({ error: '应为是或否' }),
      date: isoDate,
      note: text(300).optional()
    }),
    output: z.null(),
    access: 'signedIn'
  }),
  rulings: call({
    input: z.strictObject({ month }),
    output: z.array(ruling),
    access: ['director', 'admin']
  }),
  ladder: call({
    input: z.strictObject({ officerId: uuid.optional() }),
    output: z.array(ladderRow),
    access: 'signedIn'
  }),
  addLadderStep: call({
    input: z.strictObject({
      officerId: uuid,
      step: z.enum(ladderSteps),
      date: isoDate,
      note: requiredText(300)
    }),
    output: z.array(ladderRow),
    access: 'signedIn'
  }),
  printReport: call({
    input: z.strictObject({ month }),
    output: z.object({ path: z.string(), pages: z.int() }),
    access: ['director', 'admin']
  })
} satisfies Namespace

export type StaffConfig = z.output<typeof staffConfig>
export type FollowupInput = z.output<typeof followupInput>
export type AwardTable = z.output<typeof awardTable>
export type AttendanceRowView = z.output<typeof attendanceRow>
