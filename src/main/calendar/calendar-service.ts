import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { createWorkCalendar, defaultSchedules, type WorkCalendar } from '../../shared/calendar'
import type { ScheduleInput } from '../../shared/calendar/contract'
import type { PrintedDocument } from '../../shared/ipc/documents'
import type { AuditRepo } from '../audit/audit-repo'
import type { createSchedulesRepo } from './schedules-repo'
import { printLunarTable } from './print-table'
import { fileStamp } from '../../shared/logbooks/time'

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

/** Checks what the schema cannot: dates in the year, weekends only as swapped workdays, no clashes. */
export function checkSchedule(input: ScheduleInput): void {
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  input.holidays.forEach((holiday, index) => {
    if (!holiday.date.startsWith(`${input.year}-`))
      fields[`holidays.${index}.date`] = `应为 ${input.year} 年的日期`
    else if (seen.has(holiday.date)) fields[`holidays.${index}.date`] = '日期重复'
    seen.add(holiday.date)
  })
  input.workdays.forEach((workday, index) => {
    const day = weekday(workday.date)
    if (!workday.date.startsWith(`${input.year}-`))
      fields[`workdays.${index}.date`] = `应为 ${input.year} 年的日期`
    else if (day !== 0 && day !== 6) fields[`workdays.${index}.date`] = '调休上班日应为周六或周日'
    else if (seen.has(workday.date)) fields[`workdays.${index}.date`] = '该日已列为假日'
    seen.add(workday.date)
  })
  const first = Object.entries(fields)[0]
  if (first) throw new AppError('VALIDATION', `节假日安排有误（${first[0]}）：${first[1]}`, fields)
}

/** The working-day calendar (bundled schedules + administrators' years) and the printed table. */
export function createCalendarService(deps: {
  schedules: ReturnType<typeof createSchedulesRepo>
  audit: AuditRepo
  exportDir: string
  stationName: () => Promise<string>
  now: () => Date
}) {
  let cached: WorkCalendar | null = null

  return {
    list: () => deps.schedules.list(),

    /** Bundled data with the administrators' years on top; rebuilt after each change. */
    async workCalendar(): Promise<WorkCalendar> {
      cached ??= createWorkCalendar([...defaultSchedules(), ...(await deps.schedules.list())])
      return cached
    },

    async save(input: ScheduleInput, actorId: string) {
      checkSchedule(input)
      await deps.schedules.save(input, actorId)
      cached = null
      return deps.schedules.list()
    },

    async remove(year: number, actorId: string) {
      if (!(await deps.schedules.remove(year, actorId))) {
        throw new AppError('NOT_FOUND', `没有管理员录入的 ${year} 年节假日安排`)
      }
      cached = null
      return deps.schedules.list()
    },

    async printTable(
      fromYear: number,
      toYear: number,
      operatorId: string
    ): Promise<PrintedDocument> {
      const { bytes, pages, missingCharacters } = await printLunarTable(
        fromYear,
        toYear,
        await deps.stationName()
      )
      mkdirSync(deps.exportDir, { recursive: true })
      const stamp = fileStamp(deps.now())
      const fileName = `公历农历对照表-${fromYear}-${toYear}-${stamp}.pdf`
      const path = join(deps.exportDir, fileName)
      writeFileSync(path, bytes)
      await deps.audit.record({
        operatorId,
        action: 'calendar.print',
        entity: 'document',
        entityId: fileName,
        detail: { fromYear, toYear, pages }
      })
      return { path, fileName, pages, missingCharacters }
    }
  }
}

export type CalendarService = ReturnType<typeof createCalendarService>
