import { readSetting, writeSetting } from '../settings/settings-repo'
import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import type { DataCipher } from '../crypto/cipher'
import {
  operators,
  queueRatings,
  staffAttendance,
  staffAwards,
  staffCards,
  staffChecks,
  staffComplaintRulings,
  staffFollowups,
  staffLadder,
  staffSpotChecks
} from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { AppError } from '../../shared/errors'
import { isBookKey } from '../../shared/logbooks/books'
import { maskIdentifiersInText } from '../../shared/identifiers'
import { staffNotePlace } from './sealed-notes'
import { entryTitle } from '../../shared/logbooks/entry-title'
import type { LogbooksRepo } from '../logbooks/logbooks-repo'
import { fromWallClock, monthRange, wallClock } from '../../shared/logbooks/time'
import {
  absenceUntil,
  attendanceSheet,
  defaultOfficeHours,
  nextDirection
} from '../../shared/staff/attendance'
import type { WorkCalendar } from '../../shared/calendar'
import { defaultQuota, quotaProgress } from '../../shared/staff/quota'
import { defaultWeights, scoreOfficers, suggestAwards } from '../../shared/staff/score'
import { quarterRange, sampleIds } from '../../shared/staff/sampler'
import { cardTag, defaultWedgeOptions } from '../../shared/staff/wedge'
import {
  checkItems,
  staffConfig,
  type AwardTable,
  type FollowupInput,
  type StaffConfig
} from '../../shared/staff/contract'

export const defaultStaffConfig: StaffConfig = {
  quota: defaultQuota,
  weights: defaultWeights,
  officeHours: defaultOfficeHours,
  wedge: defaultWedgeOptions
}

const CONFIG_KEY = 'staff.config'
/** A second swipe of the same card within this many ms is refused. */
export const DOUBLE_SWIPE_MS = 60_000

/** 'YYYY-MM' → the first day of the next month. */
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
export { monthRange }

export interface StaffContext {
  db: Db
  deviceId: string
  now: () => Date
  logbooks: LogbooksRepo
  workCalendar: () => Promise<WorkCalendar>
  /** Seals ID and phone numbers typed into a follow-up's target and outcome. */
  cipher: DataCipher
}

/** Follow-up columns whose ID and phone numbers are stored sealed (the rest stays readable). */
const FOLLOWUP_TEXT = ['targetName', 'outcome'] as const
const followupPlace = (key: string) => `staff_followups.${key}`

export function createStaffService({
  db,
  deviceId,
  now,
  logbooks,
  workCalendar,
  cipher
}: StaffContext) {
  /** Salt of the card tags, new each start. */
  const tagSalt = randomBytes(8).toString('hex')
  const audited = <T>(
    actorId: string,
    action: string,
    entity: string,
    entityId: string | null,
    detail: Record<string, unknown> | null,
    write: (tx: Tx, at: string) => T
  ): T => {
    const at = now().toISOString()
    return db.transaction((tx) => {
      const result = write(tx, at)
      appendAudit(tx, deviceId, at, { operatorId: actorId, action, entity, entityId, detail })
      return result
    })
  }

  const sealNote = (table: string, column: string, text: string | null) =>
    text === null ? null : cipher.sealEmbedded(text, staffNotePlace(table, column))
  /** Opens a sealed note; null stays null (the ladder's note is never null). */
  function openNote(table: string, column: string, text: string): string
  function openNote(table: string, column: string, text: string | null): string | null
  function openNote(table: string, column: string, text: string | null) {
    return text === null ? null : cipher.openEmbedded(text, staffNotePlace(table, column))
  }

  const names = () =>
    new Map(
      db
        .select({ id: operators.id, name: operators.displayName })
        .from(operators)
        .all()
        .map((o) => [o.id, o.name])
    )
  /** Officers assessed: active operators other than administrators and auditors. */
  const officers = () =>
    db
      .select({ id: operators.id, name: operators.displayName, role: operators.role })
      .from(operators)
      .where(and(eq(operators.active, true), sql`${operators.role} NOT IN ('admin', 'auditor')`))
      .orderBy(asc(operators.displayName))
      .all()

  const config = (): StaffConfig => readSetting(db, CONFIG_KEY, staffConfig, defaultStaffConfig)

  const today = () => wallClock(now().toISOString()).date

  const followupRows = (where: SQL | undefined) => {
    const who = names()
    return db
      .select()
      .from(staffFollowups)
      .where(where)
      .orderBy(desc(staffFollowups.visitDate), desc(staffFollowups.createdAt))
      .all()
      .map(({ createdBy: _by, ...f }) => ({
        ...f,
        ...Object.fromEntries(
          FOLLOWUP_TEXT.map((key) => [key, cipher.openEmbedded(f[key], followupPlace(key))])
        ),
        officerName: who.get(f.officerId) ?? ''
      }))
  }

  const followupTotals = (month: string) => {
    const rows = db
      .select({
        officerId: staffFollowups.officerId,
        households: sql<number>`sum(${staffFollowups.households})`,
        persons: sql<number>`sum(${staffFollowups.persons})`,
        visits: sql<number>`count(*)`,
        satisfactionSum: sql<number>`sum(${staffFollowups.satisfaction})`
      })
      .from(staffFollowups)
      .where(
        and(
          gte(staffFollowups.visitDate, `${month}-01`),
          lt(staffFollowups.visitDate, `${nextMonth(month)}-01`)
        )
      )
      .groupBy(staffFollowups.officerId)
      .all()
    return new Map(rows.map((r) => [r.officerId, r]))
  }

  /**
   * The residents' ratings at the window (取号叫号 好差评) per clerk in the station month; an
   * unrated ticket (未评价) has no row and counts for nothing.
   */
  const windowRatings = (month: string) => {
    const start = new Date(`${month}-01T00:00:00+08:00`).toISOString()
    const end = new Date(`${nextMonth(month)}-01T00:00:00+08:00`).toISOString()
    const rows = db
      .select({
        clerkId: queueRatings.clerkId,
        sum: sql<number>`sum(${queueRatings.level})`,
        n: sql<number>`count(*)`
      })
      .from(queueRatings)
      .where(and(gte(queueRatings.at, start), lt(queueRatings.at, end)))
      .groupBy(queueRatings.clerkId)
      .all()
    return new Map(rows.flatMap((r) => (r.clerkId ? [[r.clerkId, r] as const] : [])))
  }

  const progress = (month: string) => {
    const totals = followupTotals(month)
    const { quota } = config()
    return officers().map((o) => {
      const t = totals.get(o.id)
      const p = quotaProgress(
        { households: t?.households ?? 0, persons: t?.persons ?? 0 },
        quota,
        today(),
        month
      )
      return {
        officerId: o.id,
        officerName: o.name,
        households: p.households,
        persons: p.persons,
        visits: t?.visits ?? 0,
        ratio: p.ratio,
        met: p.met,
        behind: p.behind
      }
    })
  }

  const scored = async (month: string) => {
    const figures = await logbooks.officerFigures(`${month}-01`, `${nextMonth(month)}-01`)
    const totals = followupTotals(month)
    const upheld = new Map(
      db
        .select({ officerId: staffComplaintRulings.officerId, n: sql<number>`count(*)` })
        .from(staffComplaintRulings)
        .where(
          and(
            eq(staffComplaintRulings.upheld, true),
            gte(staffComplaintRulings.date, `${month}-01`),
            lt(staffComplaintRulings.date, `${nextMonth(month)}-01`)
          )
        )
        .groupBy(staffComplaintRulings.officerId)
        .all()
        .map((r) => [r.officerId, r.n])
    )
    const ratings = windowRatings(month)
    const { quota, weights } = config()
    const rows = scoreOfficers(
      officers().map((o) => {
        const f = figures.get(o.id)
        const t = totals.get(o.id)
        const r = ratings.get(o.id)
        // Follow-up visits' and window ratings' levels averaged together, -2 .. +2.
        const rated = (t?.visits ?? 0) + (r?.n ?? 0)
        const satisfaction = rated ? ((t?.satisfactionSum ?? 0) + (r?.sum ?? 0)) / rated - 3 : null
        return {
          officerId: o.id,
          name: o.name,
          entries: f?.entries ?? 0,
          dueEntries: f?.due ?? 0,
          onTime: f?.onTime ?? 0,
          quotaMet: (t?.households ?? 0) >= quota.households && (t?.persons ?? 0) >= quota.persons,
          satisfaction: satisfaction === null ? null : Math.round(satisfaction * 100) / 100,
          complaintsUpheld: upheld.get(o.id) ?? 0
        }
      }),
      weights
    )
    return { rows, weights, suggestion: suggestAwards(rows) }
  }

  const awards = async (month: string): Promise<AwardTable> => {
    const { rows, weights, suggestion } = await scored(month)
    const confirmed = db.select().from(staffAwards).where(eq(staffAwards.month, month)).get()
    const who = names()
    return {
      month,
      rows: rows.map(({ name, ...r }) => ({ ...r, officerName: name })),
      weights,
      suggestion,
      confirmation: confirmed
        ? {
            bestId: confirmed.bestId,
            excellentIds: JSON.parse(confirmed.excellentIds) as string[],
            reason: openNote('staff_awards', 'reason', confirmed.reason),
            confirmedBy: confirmed.confirmedBy,
            confirmedByName: who.get(confirmed.confirmedBy) ?? '',
            confirmedAt: confirmed.confirmedAt
          }
        : null
    }
  }

  const checks = async (date: string) => {
    const dayStart = fromWallClock(date, '00:00')
    const yesterdayStart = new Date(Date.parse(dayStart) - 86_400_000).toISOString()
    const board = await logbooks.board(now().toISOString(), now().toISOString(), dayStart, 1)
    const counts = {
      yesterday: await logbooks.countInRange(yesterdayStart, dayStart),
      deadlines: board.counts.reduce((s, c) => s + c.open, 0),
      unsigned: board.counts.reduce((s, c) => s + c.unsigned, 0)
    }
    const ticks = new Map(
      db
        .select()
        .from(staffChecks)
        .where(eq(staffChecks.date, date))
        .all()
        .map((r) => [r.item, r])
    )
    const who = names()
    return checkItems.map((item) => {
      const tick = ticks.get(item)
      return {
        item,
        count: counts[item],
        checked: Boolean(tick),
        note: openNote('staff_checks', 'note', tick?.note ?? null),
        checkedByName: tick ? (who.get(tick.checkedBy) ?? '') : null,
        checkedAt: tick?.checkedAt ?? null
      }
    })
  }

  const spotCheck = (quarter: string) => {
    const row = db.select().from(staffSpotChecks).where(eq(staffSpotChecks.quarter, quarter)).get()
    if (!row) return null
    return {
      quarter: row.quarter,
      seed: row.seed,
      size: row.size,
      poolSize: row.poolSize,
      entries: JSON.parse(row.entries) as { book: string; id: string }[],
      drawnByName: names().get(row.drawnBy) ?? '',
      drawnAt: row.drawnAt
    }
  }

  /**
   * The spot check as the director reads it: each drawn entry with its date and its title, so
   * the list says which entries to pull out. An entry that cannot be read keeps its place.
   */
  const spotCheckView = async (quarter: string) => {
    const drawn = spotCheck(quarter)
    if (!drawn) return null
    const entries = await Promise.all(
      drawn.entries.map(async (entry) => {
        const unread = { ...entry, occurredAt: null, title: '' }
        if (!isBookKey(entry.book)) return unread
        try {
          const view = await logbooks.current(entry.book, entry.id)
          return {
            ...entry,
            occurredAt: view.occurredAt,
            title: entryTitle(entry.book, view.fields)
          }
        } catch (error) {
          if (error instanceof AppError && error.code === 'NOT_FOUND') return unread
          throw error
        }
      })
    )
    return { ...drawn, entries }
  }

  /** The pool of a quarter's entries as 'book:id' keys, for drawing and redrawing. */
  const quarterPool = async (quarter: string) => {
    const { from, to } = quarterRange(quarter)
    const pool = await logbooks.idsInRange(
      fromWallClock(from, '00:00'),
      new Date(Date.parse(fromWallClock(to, '00:00')) + 86_400_000).toISOString()
    )
    return pool.map((e) => `${e.book}:${e.id}`)
  }

  const ladder = (officerId?: string) => {
    const who = names()
    return db
      .select()
      .from(staffLadder)
      .where(officerId ? eq(staffLadder.officerId, officerId) : undefined)
      .orderBy(desc(staffLadder.date), desc(staffLadder.createdAt))
      .all()
      .map((r) => ({
        id: r.id,
        officerId: r.officerId,
        officerName: who.get(r.officerId) ?? '',
        step: r.step,
        date: r.date,
        note: openNote('staff_ladder', 'note', r.note)
      }))
  }

  return {
    config,
    today,
    awards,
    progress,
    checks,
    spotCheck: spotCheckView,
    ladder,

    async updateConfig(next: StaffConfig, actorId: string) {
      if (next.wedge.minDigits > next.wedge.maxDigits) {
        throw new AppError('VALIDATION', '卡号最少位数不能大于最多位数', {
          'wedge.minDigits': '不能大于最多位数'
        })
      }
      if (next.officeHours.start >= next.officeHours.end) {
        throw new AppError('VALIDATION', '上班时间应早于下班时间', {
          'officeHours.start': '应早于下班时间'
        })
      }
      audited(actorId, 'staff.config.update', 'settings', CONFIG_KEY, next, (tx, at) =>
        writeSetting(tx, CONFIG_KEY, next, at, actorId)
      )
      return config()
    },

    cards() {
      const who = names()
      return db
        .select()
        .from(staffCards)
        .orderBy(asc(staffCards.createdAt))
        .all()
        .map((c) => ({
          id: c.id,
          officerId: c.operatorId,
          officerName: who.get(c.operatorId) ?? '',
          cardNumber: c.cardNumber
        }))
    },

    /** The registered cards as short salted tags (see cardTag), for any signed-in catcher. */
    cardTags() {
      const numbers = db.select({ n: staffCards.cardNumber }).from(staffCards).all()
      return {
        salt: tagSalt,
        tags: [...new Set(numbers.map((c) => cardTag(tagSalt, c.n)))].sort()
      }
    },

    /** Registers (or replaces) an operator's card. */
    registerCard(operatorId: string, cardNumber: string, actorId: string) {
      if (!names().has(operatorId)) throw new AppError('NOT_FOUND', '找不到该民警')
      const clash = db.select().from(staffCards).where(eq(staffCards.cardNumber, cardNumber)).get()
      if (clash && clash.operatorId !== operatorId) {
        throw new AppError('CONFLICT', '该卡号已登记给其他民警', { cardNumber: '卡号已被使用' })
      }
      const id = randomUUID()
      return audited(actorId, 'staff.card.register', 'staff.card', id, { operatorId }, (tx, at) => {
        tx.delete(staffCards).where(eq(staffCards.operatorId, operatorId)).run()
        tx.insert(staffCards)
          .values({ id, operatorId, cardNumber, createdAt: at, createdBy: actorId })
          .run()
        return { id }
      })
    },

    /** One swipe: unknown cards and a second swipe within a minute leave no row. */
    async swipe(cardNumber: string, actorId: string) {
      // Read before anything is written: a calendar error leaves no row.
      const calendar = await workCalendar()
      const card = db.select().from(staffCards).where(eq(staffCards.cardNumber, cardNumber)).get()
      if (!card) {
        throw new AppError('NOT_FOUND', `卡号 ${cardNumber} 未登记，本次刷卡未记录`, {
          cardNumber: '未登记的卡号'
        })
      }
      const nowIso = now().toISOString()
      const last =
        db
          .select()
          .from(staffAttendance)
          .where(eq(staffAttendance.operatorId, card.operatorId))
          .orderBy(desc(staffAttendance.at))
          .get() ?? null
      if (last && Date.parse(nowIso) - Date.parse(last.at) < DOUBLE_SWIPE_MS) {
        throw new AppError('CONFLICT', '一分钟内已刷过卡，本次未重复记录')
      }
      const { date, time } = wallClock(nowIso)
      const seconds = nowIso.slice(16, 19)
      const direction = nextDirection(last, nowIso)
      const firstToday = last?.localDate !== date
      const late =
        direction === 'in' &&
        firstToday &&
        time > config().officeHours.start &&
        calendar.isWorkingDay(date)
      const id = randomUUID()
      audited(actorId, 'staff.attendance.swipe', 'staff.attendance', id, { direction }, (tx) => {
        tx.insert(staffAttendance)
          .values({
            id,
            operatorId: card.operatorId,
            cardNumber,
            at: nowIso,
            localDate: date,
            localTime: `${time}${seconds}`,
            direction
          })
          .run()
      })
      return {
        officerId: card.operatorId,
        officerName: names().get(card.operatorId) ?? '',
        direction,
        at: nowIso,
        late
      }
    },

    async attendanceSheet(month: string) {
      const swipes = db
        .select()
        .from(staffAttendance)
        .where(
          and(
            gte(staffAttendance.localDate, `${month}-01`),
            lt(staffAttendance.localDate, `${nextMonth(month)}-01`)
          )
        )
        .all()
      // Today's officers and anyone who swiped that month (an officer since deactivated included).
      const included = new Set([...swipes.map((s) => s.operatorId), ...officers().map((o) => o.id)])
      const list = db
        .select({
          id: operators.id,
          name: operators.displayName,
          createdAt: operators.createdAt
        })
        .from(operators)
        .orderBy(asc(operators.displayName))
        .all()
        .filter((o) => included.has(o.id))
      const calendar = await workCalendar()
      const startDates = new Map(list.map((o) => [o.id, wallClock(o.createdAt).date]))
      const rows = attendanceSheet(
        list.map((o) => o.id),
        swipes.map((s) => ({
          officerId: s.operatorId,
          date: s.localDate,
          time: s.localTime,
          direction: s.direction
        })),
        config().officeHours,
        month,
        {
          isWorkingDay: (d) => calendar.isWorkingDay(d),
          until: absenceUntil(month, today()),
          startOf: (id) => startDates.get(id)
        }
      )
      return rows.map((r, i) => ({ ...r, officerName: list[i]!.name }))
    },

    removeCard(id: string, actorId: string) {
      const card = db.select().from(staffCards).where(eq(staffCards.id, id)).get()
      if (!card) throw new AppError('NOT_FOUND', '找不到该卡号')
      audited(
        actorId,
        'staff.card.remove',
        'staff.card',
        id,
        { operatorId: card.operatorId, cardNumber: card.cardNumber },
        (tx) => tx.delete(staffCards).where(eq(staffCards.id, id)).run()
      )
    },

    rulings(month: string) {
      const who = names()
      return db
        .select()
        .from(staffComplaintRulings)
        .where(
          and(
            gte(staffComplaintRulings.date, `${month}-01`),
            lt(staffComplaintRulings.date, `${nextMonth(month)}-01`)
          )
        )
        .orderBy(desc(staffComplaintRulings.date), desc(staffComplaintRulings.ruledAt))
        .all()
        .map((r) => ({
          complaintId: r.complaintId,
          officerId: r.officerId,
          officerName: who.get(r.officerId) ?? '',
          upheld: r.upheld,
          date: r.date,
          note: openNote('staff_complaint_rulings', 'note', r.note),
          ruledByName: who.get(r.ruledBy) ?? '',
          ruledAt: r.ruledAt
        }))
    },

    async addFollowup(input: FollowupInput, officerId: string) {
      if (input.linkEntryId && !input.linkBook) {
        throw new AppError('VALIDATION', '关联登记须选择登记簿', { linkBook: '请选择登记簿' })
      }
      if (input.visitDate > today()) {
        throw new AppError('VALIDATION', '走访日期不能晚于今天', {
          visitDate: '走访日期不能晚于今天'
        })
      }
      if (input.linkBook && input.linkEntryId) {
        await logbooks.current(input.linkBook, input.linkEntryId)
      }
      const id = randomUUID()
      audited(officerId, 'staff.followup.create', 'staff.followup', id, null, (tx, at) => {
        tx.insert(staffFollowups)
          .values({
            ...input,
            ...Object.fromEntries(
              FOLLOWUP_TEXT.map((key) => [key, cipher.sealEmbedded(input[key], followupPlace(key))])
            ),
            id,
            officerId,
            linkBook: input.linkBook ?? null,
            linkEntryId: input.linkEntryId ?? null,
            createdAt: at,
            createdBy: officerId
          })
          .run()
      })
      const saved = this.followups(input.visitDate.slice(0, 7)).find((f) => f.id === id)
      if (!saved) throw new Error(`follow-up ${id} not found after insert`)
      return saved
    },

    followups(month: string, officerId?: string) {
      return followupRows(
        and(
          gte(staffFollowups.visitDate, `${month}-01`),
          lt(staffFollowups.visitDate, `${nextMonth(month)}-01`),
          officerId ? eq(staffFollowups.officerId, officerId) : undefined
        )
      )
    },

    /** The follow-up visits recorded for one register entry (a call-out, a case). */
    followupsOf(linkBook: string, linkEntryId: string) {
      return followupRows(
        and(eq(staffFollowups.linkBook, linkBook), eq(staffFollowups.linkEntryId, linkEntryId))
      )
    },

    async tickCheck(date: string, item: string, note: string | undefined, directorId: string) {
      const text = note?.trim() || null
      const detail = { item, note: maskIdentifiersInText(text ?? '') || undefined }
      audited(directorId, 'staff.check.tick', 'staff.check', date, detail, (tx, at) => {
        const row = {
          note: sealNote('staff_checks', 'note', text),
          checkedBy: directorId,
          checkedAt: at
        }
        tx.insert(staffChecks)
          .values({ id: randomUUID(), date, item, ...row })
          .onConflictDoUpdate({ target: [staffChecks.date, staffChecks.item], set: row })
          .run()
      })
      return checks(date)
    },

    /** Draws once per quarter with a fresh seed; the seed and the choice are kept for review. */
    async drawSpotCheck(quarter: string, size: number, directorId: string) {
      if (spotCheck(quarter)) {
        throw new AppError('CONFLICT', `${quarter} 的抽查已经抽取，不能重抽`)
      }
      const pool = await quarterPool(quarter)
      if (pool.length === 0) {
        throw new AppError('VALIDATION', `${quarter} 季度没有任何登记，无从抽查；本次未抽取`, {
          quarter: '该季度没有登记'
        })
      }
      const seed = randomInt(0, 2 ** 31)
      const entries = sampleIds(pool, size, seed).map((key) => {
        const [book, id] = key.split(':') as [string, string]
        return { book, id }
      })
      const id = randomUUID()
      audited(
        directorId,
        'staff.spotCheck.draw',
        'staff.spotCheck',
        id,
        { quarter, seed, size, poolSize: pool.length, entries },
        (tx, at) => {
          tx.insert(staffSpotChecks)
            .values({
              id,
              quarter,
              seed,
              size,
              poolSize: pool.length,
              entries: JSON.stringify(entries),
              drawnBy: directorId,
              drawnAt: at
            })
            .run()
        }
      )
      return (await spotCheckView(quarter))!
    },

    /** Redraws from the recorded seed: the same entries unless the quarter's pool has changed. */
    async verifySpotCheck(quarter: string) {
      const recorded = spotCheck(quarter)
      if (!recorded) return null
      const redrawn = sampleIds(await quarterPool(quarter), recorded.size, recorded.seed)
      return redrawn.join() === recorded.entries.map((e) => `${e.book}:${e.id}`).join()
    },

    async confirmAwards(
      input: { month: string; bestId: string; excellentIds: string[]; reason?: string | undefined },
      directorId: string
    ) {
      const table = await awards(input.month)
      if (table.confirmation) throw new AppError('CONFLICT', '本月评比已经确认')
      const chosen = [input.bestId, ...input.excellentIds]
      if (new Set(chosen).size !== 3) {
        throw new AppError('VALIDATION', '最佳与优质服务标兵应为三名不同的民警', {
          excellentIds: '不能重复'
        })
      }
      const known = new Set(table.rows.map((r) => r.officerId))
      if (!chosen.every((id) => known.has(id))) throw new AppError('NOT_FOUND', '找不到所选民警')
      const same =
        input.bestId === table.suggestion.best &&
        [...input.excellentIds].sort().join() === [...table.suggestion.excellent].sort().join()
      const reason = input.reason?.trim() || null
      if (!same && !reason) {
        throw new AppError('VALIDATION', '与建议人选不同，须填写理由', { reason: '请填写理由' })
      }
      const id = randomUUID()
      audited(
        directorId,
        'staff.awards.confirm',
        'staff.awards',
        id,
        {
          month: input.month,
          bestId: input.bestId,
          excellentIds: input.excellentIds,
          reason: reason && maskIdentifiersInText(reason),
          suggestion: table.suggestion
        },
        (tx, at) => {
          tx.insert(staffAwards)
            .values({
              id,
              month: input.month,
              snapshot: JSON.stringify({
                rows: table.rows,
                weights: table.weights,
                suggestion: table.suggestion
              }),
              bestId: input.bestId,
              excellentIds: JSON.stringify(input.excellentIds),
              reason: sealNote('staff_awards', 'reason', reason),
              confirmedBy: directorId,
              confirmedAt: at
            })
            .run()
        }
      )
      return awards(input.month)
    },

    ruleComplaint(
      input: {
        complaintId: string
        officerId: string
        upheld: boolean
        date: string
        note?: string | undefined
      },
      directorId: string
    ) {
      const note = input.note?.trim() || null
      audited(
        directorId,
        'staff.complaint.rule',
        'logbook.complaint',
        input.complaintId,
        { ...input, note: maskIdentifiersInText(note ?? '') || undefined },
        (tx, at) => {
          const complaint = tx.get(
            sql`SELECT 1 AS found FROM logbook_complaint
                WHERE id = ${input.complaintId} OR root_id = ${input.complaintId} LIMIT 1`
          )
          if (!complaint) throw new AppError('NOT_FOUND', '找不到这条投诉登记，未作裁定')
          const row = {
            upheld: input.upheld,
            date: input.date,
            note: sealNote('staff_complaint_rulings', 'note', note),
            ruledBy: directorId,
            ruledAt: at
          }
          tx.insert(staffComplaintRulings)
            .values({
              id: randomUUID(),
              complaintId: input.complaintId,
              officerId: input.officerId,
              ...row
            })
            .onConflictDoUpdate({
              target: [staffComplaintRulings.complaintId, staffComplaintRulings.officerId],
              set: row
            })
            .run()
        }
      )
    },

    addLadderStep(
      input: {
        officerId: string
        step: 'education' | 'penalty' | 'retraining'
        date: string
        note: string
      },
      directorId: string
    ) {
      if (!names().has(input.officerId)) throw new AppError('NOT_FOUND', '找不到该民警')
      const id = randomUUID()
      const detail = { ...input, note: maskIdentifiersInText(input.note) }
      audited(directorId, 'staff.ladder.add', 'staff.ladder', id, detail, (tx, at) => {
        tx.insert(staffLadder)
          .values({
            id,
            ...input,
            note: cipher.sealEmbedded(input.note, staffNotePlace('staff_ladder', 'note')),
            createdBy: directorId,
            createdAt: at
          })
          .run()
      })
      return ladder(input.officerId)
    },

    /** Audits a printout or export (no row changes). */
    recordOutput(
      actorId: string,
      detail: Record<string, unknown>,
      action = 'staff.report.print',
      entity = 'staff.report'
    ) {
      audited(actorId, action, entity, null, detail, () => undefined)
    }
  }
}

export type StaffService = ReturnType<typeof createStaffService>
