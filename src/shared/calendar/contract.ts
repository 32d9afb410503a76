import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { isoDate, nothing, requiredText, text } from '../ipc/fields'
import { printedDocument } from '../ipc/documents'

export const holidaySchedule = z.object({
  year: z.int(),
  notice: z.string(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  workdays: z.array(z.object({ date: z.string(), name: z.string().optional() }))
})

export const storedSchedule = holidaySchedule.extend({
  updatedAt: z.string(),
  updatedBy: z.string().nullable()
})

export const scheduleInput = z.strictObject({
  year: z.int({ error: '应为年份' }).min(2000, { error: '年份应在 2000–2100 之间' }).max(2100),
  notice: requiredText(200),
  holidays: z
    .array(z.strictObject({ date: isoDate, name: requiredText(20) }), { error: '应为列表' })
    .min(1, { error: '至少一个假日' })
    .max(60),
  workdays: z
    .array(z.strictObject({ date: isoDate, name: text(20).optional() }), { error: '应为列表' })
    .max(20)
})

export const calendarContract = {
  /** Schedules an administrator added or corrected (the bundled ones are in src/shared). */
  schedules: call({ input: nothing, output: z.array(storedSchedule), access: 'signedIn' }),
  saveSchedule: call({ input: scheduleInput, output: z.array(storedSchedule), access: ['admin'] }),
  deleteSchedule: call({
    input: z.strictObject({ year: z.int().min(2000).max(2100) }),
    output: z.array(storedSchedule),
    access: ['admin']
  }),
  /** The printable 阴阳历对照表, one A4 landscape page per Gregorian year. */
  printTable: call({
    input: z
      .strictObject({
        fromYear: z
          .int({ error: '应为年份' })
          .min(1901, { error: '年份应在 1901–2100 之间' })
          .max(2100),
        toYear: z
          .int({ error: '应为年份' })
          .min(1901, { error: '年份应在 1901–2100 之间' })
          .max(2100)
      })
      .refine((range) => range.toYear >= range.fromYear && range.toYear - range.fromYear < 50, {
        error: '结束年份应不早于起始年份，且一次最多 50 年',
        path: ['toYear']
      }),
    output: printedDocument,
    access: 'signedIn'
  })
} satisfies Namespace

export type StoredSchedule = z.output<typeof storedSchedule>
export type ScheduleInput = z.output<typeof scheduleInput>
