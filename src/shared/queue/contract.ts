import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { isoDate, nothing, requiredText, text, uuid } from '../ipc/fields'
import { phoneNumber } from '../logbooks/fields'
import { wholeNumber } from '../numbers'

export const lanes = ['normal', 'priority'] as const
export const priorityReasons = ['老弱病残孕', '军人依法优先', '消防救援'] as const
export const sources = ['walkIn', 'appointment'] as const
export const ticketStatuses = [
  'waiting',
  'called',
  'serving',
  'done',
  'missed',
  'cancelled',
  'transferred'
] as const

/** GB/T 39734-2020 好差评 levels; a finished ticket without a rating is 未评价. */
export const ratingLevels = [
  { value: 5, label: '非常满意', labelEn: 'Very satisfied' },
  { value: 4, label: '满意', labelEn: 'Satisfied' },
  { value: 3, label: '基本满意', labelEn: 'Fairly satisfied' },
  { value: 2, label: '不满意', labelEn: 'Dissatisfied' },
  { value: 1, label: '非常不满意', labelEn: 'Very dissatisfied' }
] as const
/** Levels at or below this ask for reasons and open a follow-up. */
export const DISSATISFIED = 2
export const ratingReasons = [
  '等候时间长',
  '办理时间长',
  '服务态度差',
  '一次性告知不清',
  '材料要求多',
  '环境设施差',
  '其他'
] as const

const prefix = z
  .string({ error: '应为字母' })
  .max(1)
  .regex(/^[A-Z]$/, { error: '前缀应为一个大写字母' })
  .meta({ examples: ['A'] })

export const ticketNumber = z
  .string({ error: '应为号码' })
  .trim()
  .max(5)
  .regex(/^[A-Z]\d{3,4}$/, { error: '号码格式应为字母加三位数字，如 A001' })
  .meta({ examples: ['A001'] })

export const queueConfig = z.strictObject({
  interleave: wholeNumber(1, 20),
  maxWaitMinutes: wholeNumber(5, 480),
  /** Recalls after the first call. */
  maxRecalls: wholeNumber(0, 3),
  recallGapSeconds: wholeNumber(0, 300),
  /** A called ticket may be marked missed once it has been called this many times. */
  missAfterCalls: wholeNumber(1, 4)
})

export const serviceView = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string(),
  guideBusinessId: z.string().nullable(),
  active: z.boolean(),
  sort: z.int()
})

export const windowView = z.object({
  id: z.string(),
  number: z.int(),
  serviceIds: z.array(z.string()),
  priority: z.boolean(),
  state: z.enum(['open', 'paused', 'closed']),
  pauseReason: z.string().nullable(),
  clerkId: z.string().nullable(),
  clerkName: z.string().nullable()
})

export const ticketView = z.object({
  id: z.string(),
  day: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  lane: z.enum(lanes),
  priorityReason: z.string().nullable(),
  source: z.enum(sources),
  status: z.enum(ticketStatuses),
  callCount: z.int(),
  issuedAt: z.string(),
  queuedAt: z.string(),
  calledAt: z.string().nullable(),
  lastCalledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  windowNumber: z.int().nullable(),
  parentId: z.string().nullable()
})

/** What the window's bar shows: the window, its current ticket, the last finished one to rate. */
export const deskView = z.object({
  window: windowView.nullable(),
  current: ticketView.nullable(),
  toRate: ticketView.nullable(),
  waiting: z.int(),
  recallsLeft: z.int(),
  /** Seconds until the next recall is allowed. */
  recallWaitSeconds: z.int(),
  canMiss: z.boolean()
})

export const issuedView = z.object({
  ticket: ticketView,
  ahead: z.int(),
  slip: z.array(z.string())
})

/** How ticket slips are printed; with 'none' the number is only shown. */
export const printerConfig = z.strictObject({
  kind: z.enum(['none', 'system', 'network'], { error: '无效的打印方式' }),
  paperWidth: z.enum(['58', '80'], { error: '纸宽应为 58 或 80 毫米' }),
  /** A system printer's name (kind 'system'). */
  deviceName: text(200).optional(),
  /** An ESC/POS network printer (kind 'network'); port 9100 unless given. */
  host: z
    .string({ error: '应为文本' })
    .trim()
    .max(253, { error: '不能超过 253 个字符' })
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, {
      error: '打印机地址应为 IP 地址或主机名'
    })
    .meta({ examples: ['192.168.1.50'] })
    .optional(),
  port: wholeNumber(1, 65535).optional()
})

/** The hall display on this PC: full screen on a second monitor when one is connected, or never. */
export const hallDisplayMode = z.enum(['auto', 'off'], { error: '无效的显示屏设置' })

export const printOutcome = z.object({
  status: z.enum(['none', 'printed', 'failed']),
  message: z.string().nullable()
})

export const boardView = z.object({
  day: z.string(),
  /** The latest calls, newest first. */
  calls: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      windowNumber: z.int(),
      kind: z.enum(['call', 'direct', 'recall']),
      at: z.string()
    })
  ),
  windows: z.array(
    z.object({
      number: z.int(),
      state: z.enum(['open', 'paused', 'closed']),
      priority: z.boolean(),
      lastNumber: z.string().nullable()
    })
  ),
  waiting: z.array(
    z.object({ serviceId: z.string(), prefix: z.string(), name: z.string(), count: z.int() })
  )
})

const figures = z.object({
  issued: z.int(),
  served: z.int(),
  missed: z.int(),
  waitMedianMinutes: z.number().nullable(),
  waitP90Minutes: z.number().nullable(),
  serviceMedianMinutes: z.number().nullable(),
  rated: z.int(),
  /** Served and not rated (未评价); never counted as satisfied. */
  unrated: z.int(),
  satisfied: z.int(),
  /** Rated 基本满意 or better over rated, 0–1; null with no rating. */
  satisfactionRate: z.number().nullable()
})

export const statsView = z.object({
  from: z.string(),
  to: z.string(),
  total: figures,
  byDay: z.array(figures.extend({ key: z.string(), label: z.string() })),
  byService: z.array(figures.extend({ key: z.string(), label: z.string() })),
  byWindow: z.array(figures.extend({ key: z.string(), label: z.string() })),
  byClerk: z.array(figures.extend({ key: z.string(), label: z.string() })),
  /** Tickets issued per station hour 0–23. */
  arrivalsByHour: z.array(z.int())
})

const statsRange = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() })

export const queueContract = {
  config: call({ input: nothing, output: queueConfig, access: 'signedIn', whileLocked: true }),
  updateConfig: call({ input: queueConfig, output: queueConfig, access: ['admin', 'director'] }),
  services: call({
    input: nothing,
    output: z.array(serviceView),
    access: 'signedIn',
    whileLocked: true
  }),
  saveService: call({
    input: z.strictObject({
      id: uuid.optional(),
      prefix,
      name: requiredText(40),
      guideBusinessId: uuid.nullable().optional(),
      active: z.boolean({ error: '应为是或否' }).optional(),
      sort: wholeNumber(0, 999).optional()
    }),
    output: serviceView,
    access: ['admin', 'director']
  }),
  windows: call({ input: nothing, output: z.array(windowView), access: 'signedIn' }),
  saveWindow: call({
    input: z.strictObject({
      id: uuid.optional(),
      number: wholeNumber(1, 99),
      serviceIds: z.array(uuid).min(1, { error: '至少选择一项业务' }).max(26),
      priority: z.boolean({ error: '应为是或否' })
    }),
    output: windowView,
    access: ['admin', 'director']
  }),
  /** The signed-in clerk takes (opens) a window; leaving closes it. */
  takeWindow: call({
    input: z.strictObject({ windowId: uuid }),
    output: deskView,
    access: 'signedIn'
  }),
  leaveWindow: call({ input: nothing, output: deskView, access: 'signedIn' }),
  desk: call({ input: nothing, output: deskView, access: 'signedIn' }),
  /** Takes a ticket and prints its slip where a printer is set (a failed print keeps the ticket). */
  issue: call({
    input: z.strictObject({
      serviceId: uuid,
      lane: z.enum(lanes, { error: '无效的队列' }),
      priorityReason: z.enum(priorityReasons, { error: '无效的优先理由' }).optional(),
      source: z.enum(sources, { error: '无效的来源' }).optional()
    }),
    output: issuedView.extend({ print: printOutcome }),
    access: 'signedIn',
    whileLocked: true
  }),
  /** Prints a waiting ticket's slip again (its 前面还有 counted now). */
  printSlip: call({
    input: z.strictObject({ ticketId: uuid }),
    output: printOutcome,
    access: 'signedIn'
  }),
  printer: call({ input: nothing, output: printerConfig, access: 'signedIn', whileLocked: true }),
  savePrinter: call({ input: printerConfig, output: printerConfig, access: ['admin', 'director'] }),
  hallDisplay: call({ input: nothing, output: hallDisplayMode, access: 'signedIn' }),
  setHallDisplay: call({
    input: z.strictObject({ mode: hallDisplayMode }),
    output: hallDisplayMode,
    access: ['admin', 'director']
  }),
  /** The system's printers by name (none where the app cannot print, as in the CLI). */
  printers: call({ input: nothing, output: z.array(z.string()), access: ['admin', 'director'] }),
  callNext: call({ input: nothing, output: deskView, access: 'signedIn' }),
  callNumber: call({
    input: z.strictObject({ number: ticketNumber }),
    output: deskView,
    access: 'signedIn'
  }),
  recall: call({ input: nothing, output: deskView, access: 'signedIn' }),
  start: call({ input: nothing, output: deskView, access: 'signedIn' }),
  miss: call({ input: nothing, output: deskView, access: 'signedIn' }),
  transfer: call({
    input: z.strictObject({ serviceId: uuid, windowId: uuid.optional() }),
    output: deskView,
    access: 'signedIn'
  }),
  pause: call({
    input: z.strictObject({ reason: requiredText(40) }),
    output: deskView,
    access: 'signedIn'
  }),
  resume: call({ input: nothing, output: deskView, access: 'signedIn' }),
  finish: call({ input: nothing, output: deskView, access: 'signedIn' }),
  /** A missed resident came back: the ticket joins the line again. */
  requeue: call({
    input: z.strictObject({ number: ticketNumber }),
    output: ticketView,
    access: 'signedIn'
  }),
  rate: call({
    input: z.strictObject({
      ticketId: uuid,
      level: wholeNumber(1, 5),
      reasons: z
        .array(z.enum(ratingReasons, { error: '无效的理由' }))
        .max(7)
        .optional(),
      phone: phoneNumber().optional(),
      note: text(200).optional()
    }),
    output: z.object({
      level: z.int(),
      followupId: z.string().nullable(),
      dueAt: z.string().nullable()
    }),
    access: 'signedIn',
    whileLocked: true
  }),
  board: call({ input: nothing, output: boardView, access: 'signedIn', whileLocked: true }),
  tickets: call({
    input: z.strictObject({ day: isoDate.optional() }),
    output: z.array(ticketView),
    access: 'signedIn'
  }),
  /** Figures of one station day (today by default) or of a range of days, at most a year. */
  stats: call({
    input: statsRange,
    output: statsView,
    access: 'signedIn'
  }),
  /** The same figures as an xlsx workbook in the exports folder; audited. */
  exportStats: call({
    input: statsRange,
    output: z.object({ path: z.string(), rows: z.int() }),
    access: 'signedIn'
  })
} satisfies Namespace

export type QueueConfig = z.output<typeof queueConfig>
export type ServiceView = z.output<typeof serviceView>
export type WindowView = z.output<typeof windowView>
export type TicketView = z.output<typeof ticketView>
export type DeskView = z.output<typeof deskView>
export type IssuedView = z.output<typeof issuedView>
export type BoardView = z.output<typeof boardView>
export type PrinterConfig = z.output<typeof printerConfig>
export type PrintOutcome = z.output<typeof printOutcome>
export type HallDisplayMode = z.output<typeof hallDisplayMode>
export type StatsView = z.output<typeof statsView>
export type RatingReason = (typeof ratingReasons)[number]
