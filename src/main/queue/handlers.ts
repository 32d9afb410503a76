import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { PrintOutcome, queueContract } from '../../shared/queue/contract'
import { describeError } from '../app-log'
import { auditedFile } from '../audit/audited-file'
import { actorOf, type HandlerMap } from '../ipc/table'
import type { Services } from '../services'
import { exportQueueStats } from './stats-output'
import { fileStamp } from '../../shared/logbooks/time'

/** Prints a slip on the chosen printer; a failure is reported, never thrown (the ticket stands). */
async function printSlip(services: Services, slip: string[]): Promise<PrintOutcome> {
  try {
    const printed = await services.printing.print(slip, services.queue.printer())
    return { status: printed ? 'printed' : 'none', message: null }
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : `号票打印失败：${error instanceof Error ? error.message : String(error)}`
    services.log.error('queue', 'slip print failed', describeError(error))
    return { status: 'failed', message }
  }
}

/** Writes the statistics workbook into the exports folder; the export is audited. */
export async function exportStats(
  services: Services,
  from: string | undefined,
  to: string | undefined,
  actorId: string
) {
  const stats = services.queue.stats(from, to)
  const stamp = fileStamp(services.now())
  const path = join(services.paths.exportDir, `叫号统计-${stats.from}-${stats.to}-${stamp}.xlsx`)
  const { stationName } = await services.settings.get()
  const done = await auditedFile(
    path,
    (partial) => exportQueueStats(stats, stationName, partial),
    (done) =>
      services.queue.recordExport(actorId, {
        from: stats.from,
        to: stats.to,
        rows: done.rows,
        path
      })
  )
  return { path, rows: done.rows }
}

export function createQueueHandlers(
  services: Services
): HandlerMap<{ queue: typeof queueContract }>['queue'] {
  const { queue } = services
  return {
    config: async () => queue.config(),
    updateConfig: async (input, context) => queue.updateConfig(input, actorOf(context)),
    services: async () => queue.services(),
    saveService: async (input, context) => queue.saveService(input, actorOf(context)),
    windows: async () => queue.windows(),
    saveWindow: async (input, context) => queue.saveWindow(input, actorOf(context)),
    takeWindow: async ({ windowId }, context) => queue.takeWindow(windowId, actorOf(context)),
    leaveWindow: async (_input, context) => queue.leaveWindow(actorOf(context)),
    desk: async (_input, context) => queue.desk(actorOf(context)),
    issue: async (input, context) => {
      const issued = await queue.issue(input, actorOf(context))
      return { ...issued, print: await printSlip(services, issued.slip) }
    },
    printSlip: async ({ ticketId }) => printSlip(services, (await queue.reissued(ticketId)).slip),
    printer: async () => queue.printer(),
    savePrinter: async (input, context) => queue.savePrinter(input, actorOf(context)),
    printers: () => services.printing.list(),
    hallDisplay: async () => queue.hallDisplay(),
    setHallDisplay: async ({ mode }, context) => {
      const saved = queue.setHallDisplay(mode, actorOf(context))
      services.onHallDisplayChange?.()
      return saved
    },
    callNext: async (_input, context) => queue.callNext(actorOf(context)),
    callNumber: async ({ number }, context) => queue.callNumber(number, actorOf(context)),
    recall: async (_input, context) => queue.recall(actorOf(context)),
    start: async (_input, context) => queue.start(actorOf(context)),
    miss: async (_input, context) => queue.miss(actorOf(context)),
    transfer: async (input, context) => queue.transfer(input, actorOf(context)),
    pause: async ({ reason }, context) => queue.pause(reason, actorOf(context)),
    resume: async (_input, context) => queue.resume(actorOf(context)),
    finish: async (_input, context) => queue.finish(actorOf(context)),
    requeue: async ({ number }, context) => queue.requeue(number, actorOf(context)),
    rate: (input, context) => queue.rate(input, actorOf(context)),
    board: async () => queue.board(),
    tickets: async ({ day }) => queue.tickets(day),
    stats: async ({ from, to }) => queue.stats(from, to),
    exportStats: ({ from, to }, context) => exportStats(services, from, to, actorOf(context))
  }
}
