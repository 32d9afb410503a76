import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { staffContract } from '../../shared/staff/contract'
import { AppError } from '../../shared/errors'
import { auditedFile } from '../audit/audited-file'
import { actorOf, type CallContext, type HandlerMap } from '../ipc/table'
import type { Services } from '../services'
import { printStaffReport } from './report-pdf'
import { exportAttendance, printAttendance } from './attendance-output'
import { fileStamp } from '../../shared/logbooks/time'

/** Prints the month's report into the exports folder and audits it. */
export async function printMonthReport(services: Services, month: string, actorId: string) {
  const { staff } = services
  const { bytes, pages } = await printStaffReport({
    stationName: (await services.settings.get()).stationName,
    awards: await staff.awards(month),
    progress: staff.progress(month),
    attendance: await staff.attendanceSheet(month),
    quota: staff.config().quota
  })
  mkdirSync(services.paths.exportDir, { recursive: true })
  const stamp = fileStamp(services.now())
  const path = join(services.paths.exportDir, `月度考核报告-${month}-${stamp}.pdf`)
  await auditedFile(
    path,
    async (partial) => writeFileSync(partial, bytes),
    () => staff.recordOutput(actorId, { month, pages, path })
  )
  return { path, pages }
}

/** Prints (PDF) or exports (xlsx, CSV) the month's attendance sheet into the exports folder, audited. */
export async function produceAttendance(
  services: Services,
  month: string,
  format: 'pdf' | 'xlsx' | 'csv',
  actorId: string,
  file?: string
) {
  const { staff } = services
  const data = {
    stationName: (await services.settings.get()).stationName,
    month,
    hours: staff.config().officeHours,
    rows: await staff.attendanceSheet(month)
  }
  const stamp = fileStamp(services.now())
  const path = file ?? join(services.paths.exportDir, `考勤表-${month}-${stamp}.${format}`)
  const done = await auditedFile(
    path,
    async (partial) =>
      format === 'pdf'
        ? await printAttendance(data, partial)
        : { ...(await exportAttendance(data, format, partial)), pages: 0 },
    (done) =>
      staff.recordOutput(
        actorId,
        { month, format, rows: done.rows, pages: done.pages, path },
        format === 'pdf' ? 'staff.attendance.print' : 'staff.attendance.export',
        'staff.attendance'
      )
  )
  return { path, rows: done.rows, pages: done.pages }
}

/** The director signs supervision, awards and penalties. */
const director = (context: CallContext) => {
  if (context.session?.operator.role !== 'director') {
    throw new AppError('FORBIDDEN', '只有所长可以进行此项督察或评比操作')
  }
  return context.session.operator.id
}

export function createStaffHandlers(
  services: Services
): HandlerMap<{ staff: typeof staffContract }>['staff'] {
  const { staff } = services
  return {
    config: async () => staff.config(),
    updateConfig: (input, context) => staff.updateConfig(input, actorOf(context)),
    cards: async () => staff.cards(),
    cardTags: async () => staff.cardTags(),
    registerCard: async (input, context) =>
      staff.registerCard(input.operatorId, input.cardNumber, actorOf(context)),
    swipe: async (input, context) => staff.swipe(input.cardNumber, actorOf(context)),
    removeCard: async ({ id }, context) => {
      staff.removeCard(id, actorOf(context))
      return null
    },
    attendanceSheet: ({ month }) => staff.attendanceSheet(month),
    exportAttendance: ({ month, format }, context) =>
      produceAttendance(services, month, format, actorOf(context)),
    rulings: async ({ month }) => staff.rulings(month),
    addFollowup: (input, context) => staff.addFollowup(input, actorOf(context)),
    followups: async ({ month, officerId }) => staff.followups(month, officerId),
    followupsOf: async ({ linkBook, linkEntryId }) => staff.followupsOf(linkBook, linkEntryId),
    quotaProgress: async ({ month }) => staff.progress(month),
    dailyChecks: ({ date }) => staff.checks(date),
    tickCheck: ({ date, item, note }, context) =>
      staff.tickCheck(date, item, note, director(context)),
    spotCheck: async ({ quarter }) => staff.spotCheck(quarter),
    drawSpotCheck: ({ quarter, size }, context) =>
      staff.drawSpotCheck(quarter, size, director(context)),
    awards: ({ month }) => staff.awards(month),
    confirmAwards: (input, context) => staff.confirmAwards(input, director(context)),
    ruleComplaint: async (input, context) => {
      staff.ruleComplaint(input, director(context))
      return null
    },
    ladder: async ({ officerId }) => staff.ladder(officerId),
    addLadderStep: async (input, context) => staff.addLadderStep(input, director(context)),
    printReport: ({ month }, context) => printMonthReport(services, month, actorOf(context))
  }
}
