import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { logbooksContract } from '../../shared/logbooks/contract'
import { books, type BookKey } from '../../shared/logbooks/books'
import type { Role } from '../../shared/roles'
import type { HandlerMap, CallContext } from '../ipc/table'
import type { Services } from '../services'
import { exportRows, printPdf, type Names } from './output'
import { maskEntry, revealEntry } from './reveal'
import { fileStamp } from '../../shared/logbooks/time'

/** Roles that may print or export unmasked ID numbers and phones, when they ask for it. */
export const FULL_DATA_ROLES: readonly Role[] = ['director']

const sessionOf = (context: CallContext) => {
  if (!context.session) throw new AppError('UNAUTHENTICATED', '请先登录')
  return context.session.operator
}

/** Lookups from ids to names for printouts and exports. */
export async function nameLookups(services: Services): Promise<Names> {
  const operators = new Map((await services.operators.list()).map((o) => [o.id, o.displayName]))
  const committees = new Map((await services.logbooks.repo.committees()).map((c) => [c.id, c.name]))
  return {
    operator: (id) => operators.get(id) ?? '',
    committee: (id) => committees.get(id) ?? ''
  }
}

/** Prints or exports a range as the operator; full data only for the roles allowed it. */
export async function produce(
  services: Services,
  operator: { id: string; role: Role },
  request: { book: BookKey; from: string; to: string; full: boolean },
  output: { kind: 'pdf' } | { kind: 'xlsx' | 'csv'; file?: string }
) {
  if (request.full && !FULL_DATA_ROLES.includes(operator.role)) {
    throw new AppError('FORBIDDEN', '当前账户无权打印或导出未遮蔽的身份证号和电话')
  }
  if (request.from > request.to) {
    throw new AppError('VALIDATION', '输入有误（to）：结束日期不能早于开始日期', {
      to: '结束日期不能早于开始日期'
    })
  }
  const full = {
    ...request,
    stationName: (await services.settings.get()).stationName,
    names: await nameLookups(services),
    now: services.now().toISOString()
  }
  const stamp = fileStamp(services.now())
  const defaultFile = `${books[request.book].title}_${request.from}_${request.to}_${stamp}.${output.kind}`
  const file =
    'file' in output && output.file
      ? output.file
      : join(services.paths.dataDir, 'exports', defaultFile)
  const done =
    output.kind === 'pdf'
      ? await printPdf(services.logbooks.repo, full, file)
      : { ...(await exportRows(services.logbooks.repo, full, output.kind, file)), pages: 0 }
  await services.logbooks.repo.recordOutput(
    operator.id,
    output.kind === 'pdf' ? 'logbook.print' : 'logbook.export',
    { ...request, format: output.kind, rows: done.rows, file }
  )
  return { path: file, rows: done.rows, pages: done.pages }
}

export function createLogbooksHandlers(
  services: Services
): HandlerMap<{ logbooks: typeof logbooksContract }>['logbooks'] {
  const { repo, service } = services.logbooks
  const draftKey = (input: { entryId?: string | undefined }) => input.entryId ?? ''
  return {
    rules: () => repo.rules(),
    updateRule: (input, context) => repo.updateRule(input, sessionOf(context).id),
    committees: () => repo.committees(),
    saveCommittee: (input, context) => repo.saveCommittee(input, sessionOf(context).id),
    officers: async () =>
      (await services.operators.list())
        .filter((o) => o.active)
        .map((o) => ({ id: o.id, displayName: o.displayName })),
    // ID numbers and phones leave main masked for roles that do not need them (reveal.ts).
    create: async (input, context) => {
      const operator = sessionOf(context)
      const saved = await service.create(input, operator.id)
      return { ...saved, entry: maskEntry(saved.entry, operator.role) }
    },
    amend: async (input, context) => {
      const operator = sessionOf(context)
      const saved = await service.amend(input, operator.id)
      return { ...saved, entry: maskEntry(saved.entry, operator.role) }
    },
    get: async (input, context) => {
      const { role } = sessionOf(context)
      const { entry, history } = await service.get(input.book, input.id)
      return { entry: maskEntry(entry, role), history: history.map((e) => maskEntry(e, role)) }
    },
    list: async (input, context) => {
      const { role } = sessionOf(context)
      const page = await service.list(input)
      return { ...page, rows: page.rows.map((e) => maskEntry(e, role)) }
    },
    reveal: (input, context) => revealEntry(services, sessionOf(context), input),
    today: () => service.today(),
    calloutMonth: (input) => service.calloutMonth(input.month),
    // Director only: the contract's access list refuses everyone else before this runs.
    signOff: (input) => service.signOff(input.book, input.id, input.password),
    approveExtension: (input) => service.approveExtension(input.id, input.password),
    approveExitReview: (input) => service.approveExitReview(input.id, input.password),
    loadDraft: (input, context) =>
      repo.loadDraft(sessionOf(context).id, input.book, draftKey(input)),
    saveDraft: async (input, context) => {
      await repo.saveDraft(sessionOf(context).id, input.book, draftKey(input), input.data)
      return null
    },
    discardDraft: async (input, context) => {
      await repo.discardDraft(sessionOf(context).id, input.book, draftKey(input))
      return null
    },
    print: async (input, context) => {
      const { path, pages, rows } = await produce(services, sessionOf(context), input, {
        kind: 'pdf'
      })
      return { path, pages, rows }
    },
    export: async ({ format, ...input }, context) => {
      const { path, rows } = await produce(services, sessionOf(context), input, { kind: format })
      return { path, rows }
    }
  }
}
