import { AppError } from '../../shared/errors'
import { computeDue, type WorkCalendar } from '../../shared/calendar'
import { books, type BookKey } from '../../shared/logbooks/books'
import {
  entryInput,
  type AmendInput,
  type EntryInput,
  type EntryView,
  type ListQuery
} from '../../shared/logbooks/contract'
import { validationError } from '../ipc/table'
import { checkIdNumber } from '../../shared/logbooks/id-number'
import { checkPersonName } from '../../shared/logbooks/person-name'
import { checkPhone } from '../../shared/logbooks/phone'
import { CLOCK_SKEW_MS, fromWallClock, monthRange, wallClock } from '../../shared/logbooks/time'
import { officeCloseDue, ruleAmount } from '../../shared/logbooks/deadline'
import { entryTitle } from '../../shared/logbooks/entry-title'
import type { AuthService } from '../auth/auth-service'
import type { EntryContent, LogbooksRepo } from './logbooks-repo'

export interface LogbooksDeps {
  repo: LogbooksRepo
  auth: AuthService
  now: () => Date
  /** The working-day calendar, including the years administrators entered. */
  workCalendar: () => Promise<WorkCalendar>
  /** The station's office hours (HH:mm), for day deadlines and 先外后内. */
  officeHours: () => { start: string; end: string }
}

/** An ISO instant as toISOString writes it (milliseconds, Z). */
const canonicalTime = (iso: string) => new Date(iso).toISOString()

/**
 * What a correction form cannot show is kept from the entry: its rule in a book whose form offers
 * none (see BookSpec.ruleChoice), and its time's seconds (the form's time box has minutes only).
 */
function keptByTheForm(input: EntryInput, current: EntryView): EntryInput {
  const kept = { ...input }
  if (kept.ruleCode === undefined && !books[input.book].ruleChoice && current.ruleCode) {
    kept.ruleCode = current.ruleCode
  }
  const typed = canonicalTime(input.occurredAt)
  if (typed.endsWith(':00.000Z') && typed.slice(0, 16) === current.occurredAt.slice(0, 16)) {
    kept.occurredAt = current.occurredAt
  }
  return kept
}

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION', `输入有误（${field}）：${message}`, { [field]: message })

/** The text a list's search finds an entry by: its words and parties' names, no ids. */
const searchTextOf = (fields: Record<string, unknown>) =>
  Object.values(fields)
    .flatMap((value) =>
      Array.isArray(value)
        ? value.map((v) => (typeof v === 'object' ? (v as { name: string }).name : ''))
        : typeof value === 'string' && !/^[0-9a-f-]{36}$/.test(value)
          ? [value]
          : []
    )
    .join(' ')

/** Case status only moves forward: accepted → investigating → decided → closed. */
function checkStatusFlow(book: BookKey, from: string, to: string) {
  if (book !== 'case') return
  const order = books.case.statuses.map((s) => s.value)
  if (order.indexOf(to) < order.indexOf(from)) {
    throw fieldError('status', `案件状态不能从“${from}”退回到“${to}”`)
  }
}

type RuleLookup = LogbooksRepo['ruleByCode']

export function createLogbooksService({
  repo,
  auth,
  now,
  workCalendar,
  officeHours
}: LogbooksDeps) {
  const today = () => wallClock(now().toISOString()).date

  /** Normalises names, phones and ID numbers with the shared validators; collects warnings. */
  async function normalise(input: EntryInput) {
    const warnings: string[] = []
    const fields: Record<string, unknown> = { ...input.fields }
    for (const spec of books[input.book].fields) {
      const value = fields[spec.key]
      if (value === undefined || value === '') {
        delete fields[spec.key]
        continue
      }
      if (spec.kind === 'datetime') {
        // One written form per instant ("…:00Z" and "…:00.000Z" alike): steps, deadlines and the
        // staff-figure triggers compare these times as text.
        fields[spec.key] = canonicalTime(value as string)
      } else if (spec.kind === 'name') {
        const name = checkPersonName(value as string)
        fields[spec.key] = name.normalized
        warnings.push(...name.warnings.map((w) => `${spec.label}：${w}`))
      } else if (spec.kind === 'phone') {
        fields[spec.key] = checkPhone(value as string).normalized
      } else if (spec.kind === 'parties') {
        fields[spec.key] = (value as { name: string; idNumber?: string; phone?: string }[]).map(
          (party, index) => {
            const name = checkPersonName(party.name)
            warnings.push(...name.warnings.map((w) => `当事人 ${index + 1}：${w}`))
            const out: Record<string, string> = { name: name.normalized }
            if (party.idNumber) {
              const id = checkIdNumber(party.idNumber, { today: today() })
              out.idNumber = id.normalized!
              if (id.upgradedFrom) {
                warnings.push(`当事人 ${index + 1}：15 位身份证号已升级为 ${id.normalized}`)
              }
              warnings.push(...id.warnings.map((w) => `当事人 ${index + 1}：${w}`))
            }
            if (party.phone) out.phone = checkPhone(party.phone).normalized!
            return out
          }
        )
      }
    }
    const operatorFields = books[input.book].fields.filter(
      (f) => (f.kind === 'operator' || f.kind === 'operators') && fields[f.key] !== undefined
    )
    const operatorIds = operatorFields.flatMap((f) => fields[f.key] as string | string[])
    const known = await repo.existingIds('operator', operatorIds)
    const unknown = operatorFields.find((f) =>
      ([fields[f.key]].flat() as string[]).some((id) => !known.has(id))
    )
    if (unknown) throw fieldError(unknown.key, '找不到所选民警')
    for (const spec of books[input.book].fields) {
      const id = fields[spec.key]
      if (spec.kind !== 'entryLink' || typeof id !== 'string') continue
      if (!(await repo.rootExists(spec.linkBook!, id))) {
        throw fieldError(spec.key, `找不到所选的${books[spec.linkBook!].title}记录`)
      }
    }
    if (typeof fields.committeeId === 'string') {
      const committees = await repo.existingIds('committee', [fields.committeeId])
      if (!committees.has(fields.committeeId)) throw fieldError('committeeId', '找不到所选居委会')
    }
    return { fields, warnings }
  }

  /**
   * Times of what happened (the entry's own, arrivals, steps done) may not lie ahead of main's
   * clock: a mistyped year would count as met or late. Promised and agreed times may.
   */
  const checkNotAfterNow = (input: EntryInput) => {
    const latest = now().getTime() + CLOCK_SKEW_MS
    if (Date.parse(input.occurredAt) > latest) throw fieldError('occurredAt', '不能晚于当前时间')
    for (const spec of books[input.book].fields) {
      const value = (input.fields as Record<string, unknown>)[spec.key]
      if (spec.notAfterNow && typeof value === 'string' && value && Date.parse(value) > latest) {
        throw fieldError(spec.key, '不能晚于当前时间')
      }
    }
  }

  const checkNew = (input: EntryInput) => {
    if (input.book === 'case' && input.fields.extensionReason) {
      throw fieldError('extensionReason', '受理时不能申请延期')
    }
  }

  /**
   * The entry's deadline, in station wall-clock time: the rule from the entry's time (or from a
   * later step's time, once filled), a time the clerk promised, or the day's office close.
   */
  async function deadline(
    book: BookKey,
    ruleCode: string | null,
    occurredAt: string,
    fields: Record<string, unknown>,
    extended: boolean,
    ruleOf: RuleLookup
  ) {
    const none = { dueAt: null as string | null, warnings: [] as string[] }
    const how = books[book].deadline ?? { kind: 'rule' }
    if (how.kind === 'field') {
      const at = fields[how.field]
      return typeof at === 'string' ? { dueAt: at, warnings: [] } : none
    }
    if (how.kind === 'officeClose') {
      const start = wallClock(occurredAt)
      return {
        dueAt: fromWallClock(start.date, officeCloseDue(start.time, officeHours().end)),
        warnings: []
      }
    }
    if (!ruleCode) return none
    const from = how.from ? fields[how.from] : occurredAt
    if (typeof from !== 'string') return none
    const rule = await ruleOf(ruleCode)
    if (!rule) throw fieldError('ruleCode', `找不到承诺规则 ${ruleCode}`)
    const start = wallClock(from)
    const due = computeDue(start, ruleAmount(rule, start.time, extended), rule.unit, {
      calendar: await workCalendar(),
      rollToWorkingDay: rule.unit === 'calendarDays',
      officeEnd: officeHours().end
    })
    // Clock rules keep the start's seconds: a call at 10:00:45 is due at 10:05:45, not 10:05.
    const clock = rule.unit === 'minutes' || rule.unit === 'hours'
    const subMinute = clock ? ((Date.parse(from) % 60_000) + 60_000) % 60_000 : 0
    return {
      dueAt: new Date(Date.parse(fromWallClock(due.date, due.time)) + subMinute).toISOString(),
      warnings: due.warnings.map((w) => w.message)
    }
  }

  /**
   * One version's content from the form's fields. `system` holds what main's own actions set (the
   * director's approval): the steps and the status see it, the stored fields do not take it from
   * here (the repository keeps it across versions).
   */
  async function content(
    input: EntryInput,
    actorId: string,
    extended: boolean,
    ruleOf: RuleLookup = repo.ruleByCode,
    system: Record<string, unknown> = {}
  ): Promise<{ content: EntryContent; warnings: string[] }> {
    const spec = books[input.book]
    const { fields, warnings } = await normalise(input)
    const occurredAt = canonicalTime(input.occurredAt)
    const steps = { ...fields, ...system }
    const problem = spec.checkSteps?.(steps, occurredAt)
    if (problem) throw fieldError(problem.field, problem.message)
    // Registers whose steps meet their deadline have it fixed (or none): no other rule applies.
    if (input.ruleCode && spec.metBy && input.ruleCode !== spec.defaultRule) {
      throw fieldError(
        'ruleCode',
        spec.defaultRule ? `该登记簿的承诺规则固定为 ${spec.defaultRule}` : '该登记簿不使用承诺规则'
      )
    }
    const ruleCode = input.ruleCode ?? spec.defaultRule
    const due = await deadline(input.book, ruleCode, occurredAt, fields, extended, ruleOf)
    const officerId =
      (spec.officerField ? (fields[spec.officerField] as string | undefined) : undefined) ??
      (fields.officerId as string | undefined) ??
      (fields.officerIds as string[] | undefined)?.[0] ??
      actorId
    const status = spec.deriveStatus?.(steps) ?? input.status
    if (!status) throw fieldError('status', '请选择状态')
    // Closed without the step that meets the deadline (a proxy job the resident cancelled): there
    // is no deadline left to meet, and none to count against the officer.
    const unmet =
      spec.metBy !== undefined &&
      spec.closedStatuses.includes(status) &&
      fields[spec.metBy] === undefined
    const searchText = searchTextOf(fields)
    return {
      content: {
        occurredAt,
        status,
        ruleCode,
        dueAt: unmet ? null : due.dueAt,
        officerId,
        searchText,
        fields
      },
      warnings: [...warnings, ...due.warnings]
    }
  }

  /** Whether a new version's deadline comes from the same time, rule and step as the current one's. */
  const sameDeadlineInputs = (book: BookKey, current: EntryView, next: EntryContent) => {
    const how = books[book].deadline ?? { kind: 'rule' }
    const source = (fields: Record<string, unknown>) =>
      how.kind === 'field'
        ? fields[how.field]
        : how.kind === 'rule' && how.from
          ? fields[how.from]
          : null
    return (
      next.occurredAt === current.occurredAt &&
      next.ruleCode === current.ruleCode &&
      JSON.stringify(source(next.fields) ?? null) === JSON.stringify(source(current.fields) ?? null)
    )
  }

  /**
   * A promise made stands: while what its deadline was computed from is unchanged, a rule or
   * office hours edited since do not move the deadline of an entry made before.
   */
  const keepPromise = (book: BookKey, current: EntryView, next: EntryContent) => {
    if (next.dueAt !== null && current.dueAt !== null && sameDeadlineInputs(book, current, next)) {
      next.dueAt = current.dueAt
    }
  }

  const extensionApproved = (entry: EntryView) =>
    typeof entry.fields.extensionApprovedAt === 'string'

  /**
   * The approval fields an amendment voids: the book's approval, when the entry has one and the
   * amendment changes what it approved (the time or a form field before the approval's own steps).
   * The steps after an approval cannot stay filled without it.
   */
  async function voidedApproval(
    input: EntryInput,
    current: EntryView,
    form: Record<string, unknown>
  ): Promise<readonly string[]> {
    const approval = books[input.book].approval
    if (!approval || !approval.system.some((key) => current.fields[key] !== undefined)) return []
    const { fields } = await normalise(input)
    const after = new Set(approval.after)
    const keys = new Set([...Object.keys(form), ...Object.keys(fields)])
    const changed =
      canonicalTime(input.occurredAt) !== current.occurredAt ||
      [...keys].some(
        (key) =>
          !after.has(key) &&
          JSON.stringify(form[key] ?? null) !== JSON.stringify(fields[key] ?? null)
      )
    if (!changed) return []
    const step = books[input.book].fields.find(
      (f) => after.has(f.key) && fields[f.key] !== undefined
    )
    if (step) {
      throw fieldError(step.key, `更改了所长已审批的内容，须所长重新审批后才能填写“${step.label}”`)
    }
    return approval.system
  }

  /**
   * What the director approved stands: a field locked by a set approval cannot change. `fields`:
   * the new version's, as content() normalised them.
   */
  function checkLockedFields(book: BookKey, current: EntryView, fields: Record<string, unknown>) {
    for (const field of books[book].fields) {
      if (!field.lockedBy || current.fields[field.lockedBy] === undefined) continue
      if (
        JSON.stringify(fields[field.key] ?? null) !==
        JSON.stringify(current.fields[field.key] ?? null)
      ) {
        throw fieldError(field.key, `所长已批准，“${field.label}”不能再更改`)
      }
    }
  }

  /** The fields of an entry that main's own actions set, and the rest (the form's). */
  const splitSystem = (entry: EntryView) => {
    const systemKeys = new Set(books[entry.book].fields.filter((f) => f.system).map((f) => f.key))
    const system: Record<string, unknown> = {}
    const form: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(entry.fields)) {
      ;(systemKeys.has(key) ? system : form)[key] = value
    }
    return { system, form }
  }

  return {
    async create(input: EntryInput, actorId: string) {
      checkNew(input)
      checkNotAfterNow(input)
      const built = await content(input, actorId, false)
      return {
        entry: await repo.create(input.book, built.content, actorId),
        warnings: built.warnings
      }
    },

    /** Many entries (an import, a bulk load) checked as the create call does, saved in one transaction. */
    async createMany(inputs: unknown[], actorId: string) {
      const built: { book: BookKey; content: EntryContent }[] = []
      const rules = new Map<string, ReturnType<RuleLookup>>()
      const ruleOf: RuleLookup = (code) => {
        if (!rules.has(code)) rules.set(code, repo.ruleByCode(code))
        return rules.get(code)!
      }
      for (const [index, input] of inputs.entries()) {
        try {
          const parsed = entryInput.safeParse(input)
          if (!parsed.success) throw validationError(parsed.error)
          checkNew(parsed.data)
          checkNotAfterNow(parsed.data)
          const checked = await content(parsed.data, actorId, false, ruleOf)
          built.push({ book: parsed.data.book, content: checked.content })
        } catch (error) {
          if (error instanceof AppError) {
            throw new AppError(error.code, `第 ${index + 1} 条：${error.message}`, error.fields)
          }
          throw error
        }
      }
      return repo.createMany(built, actorId)
    },

    async amend(input: AmendInput, actorId: string) {
      const { id, reason, ...given } = input
      checkNotAfterNow(given as EntryInput)
      const current = await repo.current(input.book, id)
      const rest = keptByTheForm(given as EntryInput, current)
      const { system, form } = splitSystem(current)
      const voided = await voidedApproval(rest as EntryInput, current, form)
      for (const key of voided) delete system[key]
      const built = await content(
        rest as EntryInput,
        actorId,
        extensionApproved(current),
        repo.ruleByCode,
        system
      )
      checkLockedFields(input.book, current, built.content.fields)
      checkStatusFlow(input.book, current.status, built.content.status)
      keepPromise(input.book, current, built.content)
      const entry = await repo.amend(input.book, id, built.content, actorId, {
        reason,
        ...(voided.length > 0 ? { system: Object.fromEntries(voided.map((k) => [k, null])) } : {})
      })
      return { entry, warnings: built.warnings }
    },

    /** The director re-enters the password; the signature locks this version. */
    async signOff(book: BookKey, id: string, password: string) {
      const director = await auth.confirmPassword(password, 'logbook.signOff.auth')
      return repo.signOff(book, id, director.id)
    },

    /** Extends a case to the rule's maximum (7 → 14 working days) once a reason is recorded. */
    async approveExtension(id: string, password: string) {
      const director = await auth.confirmPassword(password, 'logbook.extension.auth')
      const current = await repo.current('case', id)
      if (!current.current) throw new AppError('CONFLICT', '该记录已有更新的版本')
      if (!current.fields.extensionReason) {
        throw new AppError('VALIDATION', '尚未填写延期理由，不能批准延期')
      }
      if (extensionApproved(current)) throw new AppError('CONFLICT', '延期已批准')
      const due = await deadline(
        'case',
        current.ruleCode,
        current.occurredAt,
        current.fields,
        true,
        repo.ruleByCode
      )
      const { extensionApprovedAt: _a, extensionApprovedBy: _b, ...fields } = current.fields
      return repo.amend(
        'case',
        id,
        {
          occurredAt: current.occurredAt,
          status: current.status,
          ruleCode: current.ruleCode,
          dueAt: due.dueAt,
          officerId: current.officerId,
          searchText: searchTextOf(fields),
          fields
        },
        director.id,
        {
          reason: '所长批准延期',
          system: { extensionApprovedBy: director.id, extensionApprovedAt: now().toISOString() }
        }
      )
    },

    async calloutMonth(month: string) {
      const { from, to } = monthRange(month)
      const rows = await repo.calloutsByOfficer(from, to, now().toISOString())
      return {
        month,
        rows: rows.map((r) => ({
          ...r,
          officerName: r.officerName ?? r.officerId,
          onTimeRate: r.onTime + r.late ? r.onTime / (r.onTime + r.late) : null
        }))
      }
    },

    /** 出入境审核: the supervising director approves the returned review opinion (password again). */
    async approveExitReview(id: string, password: string) {
      const director = await auth.confirmPassword(password, 'logbook.exitReview.approve.auth')
      const current = await repo.current('exitReview', id)
      if (!current.current) throw new AppError('CONFLICT', '该记录已有更新的版本，请审批最新版本')
      if (current.fields.approvedAt) throw new AppError('CONFLICT', '该申请已审批')
      if (!current.fields.reviewReturnedAt) {
        throw new AppError('VALIDATION', '外勤审核意见尚未返回，不能审批')
      }
      const approval = { approvedBy: director.id, approvedAt: now().toISOString() }
      const built = await content(
        {
          book: 'exitReview',
          occurredAt: current.occurredAt,
          fields: splitSystem(current).form
        } as EntryInput,
        director.id,
        false,
        repo.ruleByCode,
        approval
      )
      keepPromise('exitReview', current, built.content)
      return repo.amend('exitReview', id, built.content, director.id, {
        reason: '所长审批',
        system: approval
      })
    },

    list: (query: ListQuery) => repo.list(query),
    get: (book: BookKey, id: string) => repo.get(book, id),

    async today() {
      const at = now()
      const nowIso = at.toISOString()
      const day = wallClock(nowIso).date
      const todayStart = fromWallClock(day, '00:00')
      const todayEnd = new Date(Date.parse(todayStart) + 86_400_000).toISOString()
      const soon = new Date(at.getTime() + 86_400_000).toISOString()
      const until = soon > todayEnd ? soon : todayEnd
      const board = await repo.board(nowIso, until, todayStart)
      const item = ({ book, view }: { book: BookKey; view: EntryView }) => {
        return {
          book,
          id: view.id,
          occurredAt: view.occurredAt,
          dueAt: view.dueAt,
          status: view.status,
          title: entryTitle(book, view.fields),
          signed: view.signedAt !== null
        }
      }
      const due = board.due.map(item).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : 1))
      return {
        now: nowIso,
        overdue: due.filter((d) => d.dueAt! < nowIso),
        dueToday: due.filter((d) => d.dueAt! >= nowIso && d.dueAt! < todayEnd),
        dueSoon: due.filter((d) => d.dueAt! >= todayEnd && d.dueAt! < soon),
        awaitingSignOff: board.unsigned.map(item),
        counts: board.counts
      }
    }
  }
}

export type LogbooksService = ReturnType<typeof createLogbooksService>
