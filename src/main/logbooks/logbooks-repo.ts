import { randomUUID } from 'node:crypto'
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  getTableName,
  gte,
  inArray,
  isNull,
  lt,
  notInArray,
  sql,
  type SQL
} from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type Database from 'better-sqlite3'
import { containsText } from '../db/text-filter'
import type { Db } from '../db/client'
import {
  auditLog,
  backOfficeLog,
  calloutLog,
  caseLog,
  committees,
  complaintLog,
  doorLog,
  exitReviewLog,
  liaisonLog,
  logbookBlindIndex,
  logbookDrafts,
  operators,
  patrolLog,
  phoneLog,
  promiseRules,
  proxyLog,
  proxyResidentLog,
  staffFigures,
  visitLog
} from '../db/schema'
import { appendAudit, auditChain } from '../audit/audit-repo'
import { insertRows } from '../db/insert-rows'
import { uuidV7 } from '../db/uuid7'
import { AppError } from '../../shared/errors'
import { bookKeys, books, type BookKey } from '../../shared/logbooks/books'
import { findIdentifiers, maskIdentifiersInText } from '../../shared/identifiers'
import { upgradeId15 } from '../../shared/logbooks/id-number'
import type { BlindKind, DataCipher } from '../crypto/cipher'
import type { EntryView, ListQuery, PromiseRule } from '../../shared/logbooks/contract'
import { fromWallClock, nextDayStart } from '../../shared/logbooks/time'

export const tables = {
  liaison: liaisonLog,
  patrol: patrolLog,
  phone: phoneLog,
  case: caseLog,
  complaint: complaintLog,
  exitReview: exitReviewLog,
  callout: calloutLog,
  visit: visitLog,
  proxyResident: proxyResidentLog,
  proxy: proxyLog,
  door: doorLog,
  backOffice: backOfficeLog
} as const

/** Columns every book shares (see entryColumns in the schema). */
interface EntryColumns {
  id: SQLiteColumn
  rootId: SQLiteColumn
  version: SQLiteColumn
  supersededBy: SQLiteColumn
  occurredAt: SQLiteColumn
  status: SQLiteColumn
  dueAt: SQLiteColumn
  officerId: SQLiteColumn
  searchText: SQLiteColumn
  signedAt: SQLiteColumn
  signedBy: SQLiteColumn
}
const table = (book: BookKey) => tables[book] as unknown as SQLiteTable & EntryColumns

type Row = Record<string, unknown> & {
  id: string
  rootId: string
  version: number
  supersededBy: string | null
  signedAt: string | null
  status: string
  occurredAt: string
}

const COMMON_KEYS = new Set([
  'id',
  'rootId',
  'version',
  'supersededBy',
  'amendReason',
  'occurredAt',
  'status',
  'ruleCode',
  'dueAt',
  'officerId',
  'searchText',
  'createdAt',
  'createdBy',
  'signedBy',
  'signedAt'
])
/** Books with an `officerId` form field, stored in the common officer_id column. */
const officerInForm = new Set(
  Object.values(books)
    .filter((spec) => spec.fields.some((field) => field.key === 'officerId'))
    .map((spec) => spec.key)
)
/** Fields stored as JSON text. */
const JSON_FIELDS = new Set(['officerIds', 'parties'])
/** Fields set by the director's approvals (case extension, exit-entry review), not by the form. */
const SYSTEM_FIELDS = new Set([
  'extensionApprovedBy',
  'extensionApprovedAt',
  'approvedBy',
  'approvedAt'
])

/** What one version of an entry holds besides its identity. */
export interface EntryContent {
  occurredAt: string
  status: string
  ruleCode: string | null
  dueAt: string | null
  officerId: string | null
  searchText: string
  fields: Record<string, unknown>
}

export interface RepoContext {
  db: Db
  deviceId: string
  now: () => Date
  /** Seals ID and phone numbers on the way in, opens them on the way out; blind-index tokens. */
  cipher: DataCipher
  /** Most full-text hits listed from the full-text index (tests lower it). */
  ftsDriveMax?: number
}

/**
 * How deep a list pages (OFFSET paging costs what it skips): past it the clerk narrows the filter.
 * Counts stop there too, so the total and the pages shown are the ones that can be opened.
 */
export const MAX_DEPTH = 2000
/** The count of a text filter read through the date-ordered index stops sooner. */
export const TEXT_COUNT_CAP = 250
/** A text with at most this many index hits is listed from the full-text index. */
export const FTS_DRIVE_MAX = 5000

/** Characters in a trigram: shorter texts cannot use the full-text index. */
const TRIGRAM = 3

type Party = { name: string; idNumber?: string; phone?: string }

/** Where a book's ID and phone numbers are: whole values, parties, or inside free text. */
type Sealing = 'value' | 'parties' | 'embedded'
const sealing = Object.fromEntries(
  bookKeys.map((book) => [
    book,
    new Map(
      books[book].fields.flatMap((field): [string, Sealing][] =>
        field.kind === 'phone'
          ? [[field.key, 'value']]
          : field.kind === 'parties'
            ? [[field.key, 'parties']]
            : field.kind === 'text' || field.kind === 'longText'
              ? [[field.key, 'embedded']]
              : []
      )
    )
  ])
) as Record<BookKey, Map<string, Sealing>>

const DRAFT_PLACE = 'logbook_drafts.data'

const sealedPlace = (book: BookKey, key: string) => `logbook.${book}.${key}`

/**
 * Applies `text` to a sealed field of a book (and to each party's ID and phone), `embedded` to
 * free text; other fields are returned as they are.
 */
export function mapSealedField(
  book: BookKey,
  key: string,
  value: unknown,
  text: (value: string, place: string) => string,
  embedded: (value: string, place: string) => string
): unknown {
  switch (sealing[book].get(key)) {
    case 'value':
      return text(value as string, sealedPlace(book, key))
    case 'parties':
      return (value as Party[]).map((party) => ({
        ...party,
        ...(party.idNumber
          ? { idNumber: text(party.idNumber, sealedPlace(book, 'parties.idNumber')) }
          : {}),
        ...(party.phone ? { phone: text(party.phone, sealedPlace(book, 'parties.phone')) } : {})
      }))
    case 'embedded':
      return embedded(value as string, sealedPlace(book, key))
    default:
      return value
  }
}

/** Whether a book's field may hold a sealed value. */
export const isSealedField = (book: BookKey, key: string) => sealing[book].has(key)

/** Fields stored as JSON text. */
export const isJsonField = (key: string) => JSON_FIELDS.has(key)

/** Blind-index tokens of every ID and phone number in an entry's (plain) fields. */
export function identifierTokens(
  cipher: Pick<DataCipher, 'blindIndex'>,
  book: BookKey,
  fields: Record<string, unknown>
): string[] {
  const tokens = new Set<string>()
  for (const [key, how] of sealing[book]) {
    const value = fields[key]
    if (value === undefined || value === null || value === '') continue
    if (how === 'value') tokens.add(cipher.blindIndex('phone', value as string))
    else if (how === 'parties') {
      for (const party of value as Party[]) {
        if (party.idNumber) tokens.add(cipher.blindIndex('id', party.idNumber.toUpperCase()))
        if (party.phone) tokens.add(cipher.blindIndex('phone', party.phone))
      }
    } else {
      for (const found of findIdentifiers(value as string)) {
        tokens.add(cipher.blindIndex(found.kind === 'id' ? 'id' : 'phone', found.normalized))
      }
    }
  }
  return [...tokens]
}

/**
 * The blind-index tokens a search by `text` looks for, when `text` is one whole ID or phone
 * number (an old 15-digit ID number also finds its 18-digit form, and the other way round).
 */
export function identifierQuery(text: string): { kind: BlindKind; value: string }[] | null {
  const trimmed = text.trim()
  const found = findIdentifiers(trimmed)
  if (found.length !== 1 || found[0]!.start !== 0 || found[0]!.end !== trimmed.length) return null
  const { kind, normalized } = found[0]!
  if (kind !== 'id') return [{ kind: 'phone', value: normalized }]
  const forms = [normalized]
  if (normalized.length === 15) forms.push(upgradeId15(normalized))
  else if (normalized.slice(6, 8) === '19')
    forms.push(normalized.slice(0, 6) + normalized.slice(8, 17))
  return forms.map((value) => ({ kind: 'id', value }))
}

export function createLogbooksRepo({
  db,
  deviceId,
  now,
  cipher,
  ftsDriveMax = FTS_DRIVE_MAX
}: RepoContext) {
  const mapSealed = mapSealedField

  /** A stored field value as the clerk entered it. */
  const openField = (book: BookKey, key: string, value: unknown): unknown =>
    mapSealed(
      book,
      key,
      value,
      (v, at) => cipher.openText(v, at),
      (v, at) => cipher.openEmbedded(v, at)
    )

  const sealField = (book: BookKey, key: string, value: unknown): unknown =>
    typeof value !== 'string' && !Array.isArray(value)
      ? value
      : mapSealed(
          book,
          key,
          value,
          (v, at) => cipher.sealText(v, at),
          (v, at) => cipher.sealEmbedded(v, at)
        )

  const tokensOf = (book: BookKey, fields: Record<string, unknown>): string[] =>
    identifierTokens(cipher, book, fields)

  const names = new Map<string, string>()
  const nameOf = (id: unknown) => {
    if (typeof id !== 'string') return null
    if (!names.has(id)) {
      const row = db
        .select({ name: operators.displayName })
        .from(operators)
        .where(eq(operators.id, id))
        .get()
      if (!row) return null
      names.set(id, row.name)
    }
    return names.get(id)!
  }

  const toView = (book: BookKey, row: Row): EntryView => {
    const fields: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(row)) {
      if (COMMON_KEYS.has(key) || value === null) continue
      fields[key] = openField(book, key, JSON_FIELDS.has(key) ? JSON.parse(value as string) : value)
    }
    // A book whose form names the officer (案件的承办民警) keeps it in the common column: the form,
    // the detail and the printout read it among the fields.
    if (row.officerId && officerInForm.has(book)) fields.officerId = row.officerId
    return {
      id: row.id,
      book,
      rootId: row.rootId,
      version: row.version,
      current: row.supersededBy === null,
      amendReason: (row.amendReason as string | null) ?? null,
      occurredAt: row.occurredAt,
      status: row.status,
      ruleCode: (row.ruleCode as string | null) ?? null,
      dueAt: (row.dueAt as string | null) ?? null,
      officerId: (row.officerId as string | null) ?? null,
      createdAt: row.createdAt as string,
      createdBy: row.createdBy as string,
      createdByName: nameOf(row.createdBy),
      signedBy: (row.signedBy as string | null) ?? null,
      signedByName: nameOf(row.signedBy),
      signedAt: row.signedAt,
      fields
    }
  }

  /**
   * The row as stored: ID and phone numbers sealed, and none of them in search_text (it feeds the
   * trigram index): there they are masked, so a search for a number's last four digits still works.
   */
  const columnsOf = (book: BookKey, content: EntryContent) => {
    const stored: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(content.fields)) {
      if (value === undefined) continue
      const sealed = sealField(book, key, value)
      stored[key] = JSON_FIELDS.has(key) ? JSON.stringify(sealed) : sealed
    }
    const { fields: _fields, ...common } = content
    return { ...stored, ...common, searchText: maskIdentifiersInText(content.searchText) }
  }

  const blindRows = (book: BookKey, entryId: string, fields: Record<string, unknown>) =>
    tokensOf(book, fields).map((token) => ({ token, book, entryId }))

  const byId = (book: BookKey, id: string) => {
    const t = table(book)
    return db.select().from(t).where(eq(t.id, id)).get() as Row | undefined
  }

  const mustFind = (book: BookKey, id: string) => {
    const row = byId(book, id)
    if (!row) throw new AppError('NOT_FOUND', '找不到该记录')
    return row
  }

  /**
   * Inserts many first versions, each with its audit row, in one transaction: all or none. Rows go
   * in through prepared multi-row statements, the audit rows linked by one chain.
   */
  const insertMany = (
    entries: { book: BookKey; content: EntryContent }[],
    actorId: string
  ): string[] => {
    const at = now().toISOString()
    const ids = entries.map(() => uuidV7())
    db.transaction((tx) => {
      for (const book of bookKeys) {
        const rows = entries.flatMap(({ book: of, content }, i) =>
          of === book
            ? [
                {
                  ...columnsOf(book, content),
                  id: ids[i],
                  rootId: ids[i],
                  version: 1,
                  createdAt: at,
                  createdBy: actorId
                }
              ]
            : []
        )
        if (rows.length) insertRows(tx, table(book), rows)
      }
      const tokens = entries.flatMap(({ book, content }, i) =>
        blindRows(book, ids[i]!, content.fields)
      )
      if (tokens.length) insertRows(tx, logbookBlindIndex, tokens)
      const link = auditChain(tx, deviceId)
      insertRows(
        tx,
        auditLog,
        entries.map(({ book }, i) =>
          link(at, {
            operatorId: actorId,
            action: 'logbook.create',
            entity: `logbook.${book}`,
            entityId: ids[i]
          })
        )
      )
    })
    return ids
  }

  /**
   * The full-text hits (rowids) of a text filter, read once; none for texts under three
   * characters or for texts so common that the date-ordered index meets a page of them sooner than
   * the hits could be sorted.
   */
  const ftsHits = (book: BookKey, text: string): number[] | null => {
    if ([...text].length < TRIGRAM) return null
    const fts = sql.identifier(`${getTableName(tables[book])}_fts`)
    const phrase = `"${text.replace(/"/g, '""')}"`
    const rowids = db
      .all<{ r: number }>(
        sql`SELECT rowid AS r FROM ${fts} WHERE ${fts} MATCH ${phrase}
          LIMIT ${ftsDriveMax + 1}`
      )
      .map((row) => row.r)
    return rowids.length > ftsDriveMax ? null : rowids
  }

  const filters = (query: Partial<ListQuery> & { book: BookKey }): SQL => {
    const t = table(query.book)
    const where: SQL[] = [isNull(t.supersededBy)]
    if (query.from) where.push(gte(t.occurredAt, fromWallClock(query.from, '00:00')))
    if (query.to) where.push(lt(t.occurredAt, nextDayStart(query.to)))
    if (query.status) where.push(eq(t.status, query.status))
    if (query.officerId) {
      // Books that send several officers match any of them (a JSON array of ids).
      const several = books[query.book].fields.some((f) => f.key === 'officerIds')
      where.push(
        several
          ? sql`${sql.identifier('officer_ids')} LIKE ${`%${query.officerId}%`}`
          : eq(t.officerId, query.officerId)
      )
    }
    if (query.committeeId && query.book === 'patrol') {
      where.push(eq(patrolLog.committeeId, query.committeeId))
    }
    if (query.text) {
      where.push(containsText('sqlite', t.searchText, query.text))
    }
    if (query.unsigned) where.push(isNull(t.signedAt))
    return and(...where)!
  }

  return {
    toView,

    async get(book: BookKey, id: string) {
      const row = mustFind(book, id)
      const t = table(book)
      const history = db
        .select()
        .from(t)
        .where(eq(t.rootId, row.rootId))
        .orderBy(asc(t.version))
        .all() as Row[]
      return { entry: toView(book, row), history: history.map((r) => toView(book, r)) }
    },

    /** Inserts the first version of an entry and its audit row. */
    async create(book: BookKey, content: EntryContent, actorId: string): Promise<EntryView> {
      const [id] = insertMany([{ book, content }], actorId)
      return toView(book, byId(book, id!)!)
    },

    createMany: insertMany,

    /**
     * A correction: a new version with the same root, the old one kept and marked superseded.
     * `system` carries fields only the service sets (the director's approvals; null voids one).
     */
    async amend(
      book: BookKey,
      id: string,
      content: EntryContent,
      actorId: string,
      options: { reason?: string | undefined; system?: Record<string, unknown> } = {}
    ): Promise<EntryView> {
      const at = now().toISOString()
      const newId = uuidV7()
      db.transaction((tx) => {
        const t = table(book)
        const old = tx.select().from(t).where(eq(t.id, id)).get() as Row | undefined
        if (!old) throw new AppError('NOT_FOUND', '找不到该记录')
        if (old.supersededBy !== null) {
          throw new AppError('CONFLICT', '该记录已有更新的版本，请在最新版本上更正')
        }
        if (old.signedAt !== null && !options.reason?.trim()) {
          throw new AppError('VALIDATION', '已签字的记录须填写更正理由', {
            reason: '已签字的记录须填写更正理由'
          })
        }
        const kept = Object.fromEntries(
          Object.entries(old).filter(([key]) => SYSTEM_FIELDS.has(key))
        )
        tx.insert(t)
          .values({
            ...columnsOf(book, content),
            ...kept,
            ...options.system,
            id: newId,
            rootId: old.rootId,
            version: old.version + 1,
            amendReason: options.reason?.trim() || null,
            createdAt: at,
            createdBy: actorId
          } as never)
          .run()
        tx.update(t)
          .set({ supersededBy: newId } as never)
          .where(eq(t.id, id))
          .run()
        const blind = blindRows(book, newId, content.fields)
        if (blind.length) insertRows(tx, logbookBlindIndex, blind)
        const before = toView(book, old).fields
        const after = toView(book, tx.select().from(t).where(eq(t.id, newId)).get() as Row).fields
        // Fields set, changed or cleared, including an approval the amendment voided.
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)
        )
        if (old.status !== content.status) changed.push('status')
        // The entry's time, its rule and the deadline they give.
        if (old.occurredAt !== content.occurredAt) changed.push('occurredAt')
        if (old.ruleCode !== content.ruleCode) changed.push('ruleCode')
        if (old.dueAt !== content.dueAt) changed.push('dueAt')
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'logbook.amend',
          entity: `logbook.${book}`,
          entityId: newId,
          detail: { amends: id, version: old.version + 1, reason: options.reason ?? null, changed }
        })
      })
      return toView(book, byId(book, newId)!)
    },

    async current(book: BookKey, id: string) {
      return toView(book, mustFind(book, id))
    },

    /** The director's signature: who and when, once; the version is locked from then on. */
    async signOff(book: BookKey, id: string, directorId: string): Promise<EntryView> {
      const at = now().toISOString()
      db.transaction((tx) => {
        const t = table(book)
        const result = tx
          .update(t)
          .set({ signedBy: directorId, signedAt: at } as never)
          .where(and(eq(t.id, id), isNull(t.supersededBy), isNull(t.signedAt)))
          .run()
        if (result.changes === 0) {
          const row = tx.select().from(t).where(eq(t.id, id)).get() as Row | undefined
          if (!row) throw new AppError('NOT_FOUND', '找不到该记录')
          throw new AppError(
            'CONFLICT',
            row.signedAt ? '该记录已签字' : '该记录已有更新的版本，请签最新版本'
          )
        }
        appendAudit(tx, deviceId, at, {
          operatorId: directorId,
          action: 'logbook.signOff',
          entity: `logbook.${book}`,
          entityId: id
        })
      })
      return toView(book, byId(book, id)!)
    },

    async list(query: ListQuery) {
      const t = table(query.book)
      const where = filters(query)
      const sortColumn = query.sort === 'dueAt' ? t.dueAt : t.occurredAt
      const offset = (query.page - 1) * query.pageSize
      if (offset >= MAX_DEPTH) {
        throw new AppError('VALIDATION', `列表只能翻到前 ${MAX_DEPTH} 条，请缩小筛选范围`, {
          page: '页码超出范围'
        })
      }
      const limit = Math.min(query.pageSize, MAX_DEPTH - offset)
      const dir = sql.raw(query.order === 'asc' ? 'ASC' : 'DESC')
      const identifier = query.text ? identifierQuery(query.text) : null
      const hits = query.text && !identifier ? ftsHits(query.book, query.text) : null
      let ids: string[] | null = null
      if (identifier) {
        // A whole ID or phone number: found through the blind index only (the numbers are sealed
        // and masked in search_text), then checked against the other filters.
        const tokens = identifier.map(({ kind, value }) => cipher.blindIndex(kind, value))
        ids = db
          .all<{ id: string }>(
            sql`SELECT ${t.id} AS id FROM ${t}
                WHERE ${t.id} IN (SELECT ${logbookBlindIndex.entryId} FROM ${logbookBlindIndex}
                  WHERE ${logbookBlindIndex.book} = ${query.book}
                  AND ${inArray(logbookBlindIndex.token, tokens)})
                AND ${filters({ ...query, text: undefined })}
                ORDER BY ${sortColumn} ${dir}, ${t.id} ${dir}`
          )
          .map((row) => row.id)
      } else if (hits) {
        // A rarer text: every hit checked against the other filters (the LIKE among them) and
        // sorted in one pass; the hits that pass are the count.
        ids = db
          .all<{ id: string }>(
            sql`SELECT ${t.id} AS id FROM json_each(${JSON.stringify(hits)}) AS hit
                CROSS JOIN ${t} ON ${t}.rowid = hit.value
                WHERE ${where} ORDER BY ${sortColumn} ${dir}, ${t.id} ${dir}`
          )
          .map((row) => row.id)
      }
      if (ids) {
        const pageIds = ids.slice(offset, offset + limit)
        const byId = new Map(
          (pageIds.length
            ? (db.select().from(t).where(inArray(t.id, pageIds)).all() as Row[])
            : []
          ).map((row) => [row.id, row])
        )
        return {
          total: Math.min(ids.length, MAX_DEPTH),
          capped: ids.length > MAX_DEPTH,
          rows: pageIds.map((id) => toView(query.book, byId.get(id)!))
        }
      }
      const direction = query.order === 'asc' ? asc : desc
      const rows = db
        .select()
        .from(t)
        .where(where)
        .orderBy(direction(sortColumn), direction(t.id))
        .limit(limit)
        .offset(offset)
        .all() as Row[]
      // A text filter on this path scans the date-ordered index, so its count stops sooner.
      const cap = query.text ? TEXT_COUNT_CAP : MAX_DEPTH
      const counted = db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${t} WHERE ${where} LIMIT ${cap + 1})`
      )
      return {
        total: Math.min(counted.n, cap),
        capped: counted.n > cap,
        rows: rows.map((row) => toView(query.book, row))
      }
    },

    /** Current versions in a date range, oldest first, in batches (print and export). */
    *range(book: BookKey, from: string, to: string, batch = 2000): Generator<EntryView[]> {
      const t = table(book)
      const where = filters({ book, from, to })
      let after: { at: string; id: string } | null = null
      for (;;) {
        const cursor: SQL | undefined = after
          ? sql`(${t.occurredAt}, ${t.id}) > (${after.at}, ${after.id})`
          : undefined
        const rows = db
          .select()
          .from(t)
          .where(cursor ? and(where, cursor) : where)
          .orderBy(asc(t.occurredAt), asc(t.id))
          .limit(batch)
          .all() as Row[]
        if (rows.length === 0) return
        yield rows.map((row) => toView(book, row))
        const last = rows[rows.length - 1]!
        after = { at: last.occurredAt, id: last.id }
      }
    },

    /** Open entries with deadlines before `until`, and unsigned entries, across all books. */
    async board(nowIso: string, until: string, todayStart: string, limit = 50) {
      const due: { book: BookKey; view: EntryView }[] = []
      const unsigned: { book: BookKey; view: EntryView }[] = []
      const counts = bookKeys.map((book) => {
        const t = table(book)
        const current = isNull(t.supersededBy)
        const open = and(current, notInArray(t.status, [...books[book].closedStatuses]))
        const dueRows = db
          .select()
          .from(t)
          .where(and(open, lt(t.dueAt, until)))
          .orderBy(asc(t.dueAt))
          .limit(limit)
          .all() as Row[]
        due.push(...dueRows.map((row) => ({ book, view: toView(book, row) })))
        const unsignedRows = db
          .select()
          .from(t)
          .where(and(current, isNull(t.signedAt)))
          .orderBy(desc(t.occurredAt))
          .limit(limit)
          .all() as Row[]
        unsigned.push(...unsignedRows.map((row) => ({ book, view: toView(book, row) })))
        const n = (where: SQL | undefined) =>
          db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${t} WHERE ${where}`).n
        return {
          book,
          open: n(open),
          overdue: n(and(open, lt(t.dueAt, nowIso))),
          unsigned: n(and(current, isNull(t.signedAt))),
          today: n(and(current, gte(t.occurredAt, todayStart)))
        }
      })
      return { due, unsigned, counts }
    },

    /**
     * Per officer sent, the call-outs that came in during [from, to): arrived by the deadline,
     * arrived late or not arrived when overdue at `nowIso`, and not yet due.
     */
    async calloutsByOfficer(from: string, to: string, nowIso: string) {
      return db.all<{
        officerId: string
        officerName: string | null
        callouts: number
        onTime: number
        late: number
        pending: number
      }>(
        sql`SELECT o.value AS officerId, op.display_name AS officerName, count(*) AS callouts,
              sum(c.arrived_at IS NOT NULL AND c.arrived_at <= c.due_at) AS onTime,
              sum(CASE WHEN c.arrived_at IS NOT NULL THEN c.arrived_at > c.due_at
                       ELSE c.due_at < ${nowIso} END) AS late,
              sum(c.arrived_at IS NULL AND c.due_at >= ${nowIso}) AS pending
            FROM ${calloutLog} c, json_each(c.officer_ids) o
            LEFT JOIN ${operators} op ON op.id = o.value
            WHERE c.superseded_by IS NULL AND c.occurred_at >= ${from} AND c.occurred_at < ${to}
            GROUP BY o.value ORDER BY op.display_name, o.value`
      )
    },

    async rules(): Promise<PromiseRule[]> {
      return db.select().from(promiseRules).orderBy(asc(promiseRules.code)).all() as PromiseRule[]
    },

    async ruleByCode(code: string): Promise<PromiseRule | undefined> {
      return db.select().from(promiseRules).where(eq(promiseRules.code, code)).get() as
        PromiseRule | undefined
    },

    async updateRule(
      input: Omit<PromiseRule, 'code' | 'nightAmount' | 'nightStart' | 'nightEnd'> &
        Partial<Pick<PromiseRule, 'nightAmount' | 'nightStart' | 'nightEnd'>>,
      actorId: string
    ): Promise<PromiseRule> {
      const at = now().toISOString()
      db.transaction((tx) => {
        const { id, ...given } = input
        // Night values left out stay as they are.
        const changes = Object.fromEntries(
          Object.entries(given).filter(([, value]) => value !== undefined)
        ) as Partial<PromiseRule>
        const result = tx
          .update(promiseRules)
          .set({ ...changes, updatedAt: at, updatedBy: actorId })
          .where(eq(promiseRules.id, id))
          .run()
        if (result.changes === 0) throw new AppError('NOT_FOUND', '找不到该承诺规则')
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'logbook.rule.update',
          entity: 'logbook.rule',
          entityId: id,
          detail: changes
        })
      })
      return db
        .select()
        .from(promiseRules)
        .where(eq(promiseRules.id, input.id))
        .get() as PromiseRule
    },

    async committees() {
      return db.select().from(committees).orderBy(asc(committees.code), asc(committees.name)).all()
    },

    async saveCommittee(
      input: { id?: string | undefined; name: string; active: boolean },
      actorId: string
    ) {
      const at = now().toISOString()
      const id = input.id ?? randomUUID()
      db.transaction((tx) => {
        const clash = tx
          .select({ id: committees.id })
          .from(committees)
          .where(eq(committees.name, input.name))
          .get()
        if (clash && clash.id !== id) {
          throw new AppError('CONFLICT', `“${input.name}”已在列表中`, { name: '名称已存在' })
        }
        if (input.id) {
          const result = tx
            .update(committees)
            .set({ name: input.name, active: input.active, updatedAt: at })
            .where(eq(committees.id, id))
            .run()
          if (result.changes === 0) throw new AppError('NOT_FOUND', '找不到该居委会或单位')
        } else {
          tx.insert(committees)
            .values({ id, code: null, name: input.name, active: input.active, updatedAt: at })
            .run()
        }
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: input.id ? 'logbook.committee.update' : 'logbook.committee.create',
          entity: 'logbook.committee',
          entityId: id,
          detail: { name: input.name, active: input.active }
        })
      })
      return db.select().from(committees).where(eq(committees.id, id)).get()!
    },

    /** Whether `rootId` is an entry of `book` (a link from another register). */
    async rootExists(book: BookKey, rootId: string): Promise<boolean> {
      const t = table(book)
      return (
        db.select({ id: t.id }).from(t).where(eq(t.rootId, rootId)).limit(1).get() !== undefined
      )
    },

    async existingIds(kind: 'operator' | 'committee', ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set()
      const rows =
        kind === 'operator'
          ? db.select({ id: operators.id }).from(operators).where(inArray(operators.id, ids)).all()
          : db
              .select({ id: committees.id })
              .from(committees)
              .where(inArray(committees.id, ids))
              .all()
      return new Set(rows.map((r) => r.id))
    },

    async loadDraft(operatorId: string, book: BookKey, entryId: string) {
      const draft =
        db
          .select({ data: logbookDrafts.data, updatedAt: logbookDrafts.updatedAt })
          .from(logbookDrafts)
          .where(
            and(
              eq(logbookDrafts.operatorId, operatorId),
              eq(logbookDrafts.book, book),
              eq(logbookDrafts.entryId, entryId)
            )
          )
          .get() ?? null
      return draft && { ...draft, data: cipher.openText(draft.data, DRAFT_PLACE) }
    },

    /** A half-filled form may hold any ID or phone number: stored sealed as a whole. */
    async saveDraft(operatorId: string, book: BookKey, entryId: string, plain: string) {
      const data = cipher.sealText(plain, DRAFT_PLACE)
      const updatedAt = now().toISOString()
      db.insert(logbookDrafts)
        .values({ id: randomUUID(), operatorId, book, entryId, data, updatedAt })
        .onConflictDoUpdate({
          target: [logbookDrafts.operatorId, logbookDrafts.book, logbookDrafts.entryId],
          set: { data, updatedAt }
        })
        .run()
    },

    async discardDraft(operatorId: string, book: BookKey, entryId: string) {
      db.delete(logbookDrafts)
        .where(
          and(
            eq(logbookDrafts.operatorId, operatorId),
            eq(logbookDrafts.book, book),
            eq(logbookDrafts.entryId, entryId)
          )
        )
        .run()
    },

    /**
     * Per officer, across all books, for station days [fromDay, toDay): entries handled (current
     * versions that occurred then), entries whose deadline fell due then, and how many of those
     * were closed by their deadline. Read from staff_figures, which triggers on the books keep.
     */
    async officerFigures(fromDay: string, toDay: string) {
      const rows = db
        .select({
          officerId: staffFigures.officerId,
          entries: sql<number>`sum(${staffFigures.entries})`,
          due: sql<number>`sum(${staffFigures.due})`,
          onTime: sql<number>`sum(${staffFigures.onTime})`
        })
        .from(staffFigures)
        .where(and(gte(staffFigures.day, fromDay), lt(staffFigures.day, toDay)))
        .groupBy(staffFigures.officerId)
        .all()
      return new Map(rows.map(({ officerId, ...figures }) => [officerId, figures]))
    },

    /** Ids of the current versions that occurred in [from, to), all books (spot checks). */
    async idsInRange(from: string, to: string) {
      return bookKeys.flatMap((book) => {
        const t = table(book)
        return db
          .all<{ id: string }>(
            sql`SELECT id FROM ${t} WHERE superseded_by IS NULL
                AND occurred_at >= ${from} AND occurred_at < ${to}`
          )
          .map((row) => ({ book, id: row.id }))
      })
    },

    /** Current entries that occurred in [from, to), all books. */
    async countInRange(from: string, to: string) {
      return bookKeys.reduce((sum, book) => {
        const t = table(book)
        return (
          sum +
          db.get<{ n: number }>(
            sql`SELECT count(*) AS n FROM ${t} WHERE superseded_by IS NULL
                AND occurred_at >= ${from} AND occurred_at < ${to}`
          ).n
        )
      }, 0)
    },

    /**
     * The one-time step for entries written before encryption at rest (services start-up, inside
     * the caller's transaction): every stored version gets its ID and phone numbers sealed, its
     * search_text masked and its blind-index rows; each book's full-text index is rebuilt from the
     * masked text. The append-only guard is lifted for this only and restored as it was, in the
     * same transaction. Returns the number of versions sealed.
     */
    sealLegacyRows(sqlite: Database.Database): number {
      let sealed = 0
      for (const book of bookKeys) {
        const t = tables[book]
        const name = getTableName(t)
        const columns = getTableColumns(t) as Record<string, { name: string }>
        const keys = [...sealing[book].keys()]
        const guard = `${name}_fixed`
        const guardSql = sqlite
          .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
          .pluck()
          .get(guard) as string | undefined
        if (guardSql) sqlite.exec(`DROP TRIGGER ${guard}`)
        const update = sqlite.prepare(
          `UPDATE ${name} SET ${keys.map((key) => `${columns[key]!.name} = ?`).join(', ')},
           search_text = ? WHERE rowid = ?`
        )
        const batch = sqlite.prepare(
          `SELECT rowid AS _rowid, * FROM ${name} WHERE rowid > ? ORDER BY rowid LIMIT 2000`
        )
        const blind: { token: string; book: string; entryId: string }[] = []
        for (let after = 0; ;) {
          const rows = batch.all(after) as Record<string, unknown>[]
          if (rows.length === 0) break
          for (const row of rows) {
            const plain: Record<string, unknown> = {}
            const values = keys.map((key) => {
              const raw = row[columns[key]!.name]
              if (raw === null || raw === undefined) return null
              const value = JSON_FIELDS.has(key) ? JSON.parse(raw as string) : raw
              plain[key] = value
              const out = sealField(book, key, value)
              return JSON_FIELDS.has(key) ? JSON.stringify(out) : out
            })
            update.run(
              ...values,
              maskIdentifiersInText(row.search_text as string),
              row._rowid as number
            )
            blind.push(...blindRows(book, row.id as string, plain))
            sealed += 1
          }
          after = rows[rows.length - 1]!._rowid as number
        }
        if (blind.length) insertRows(db, logbookBlindIndex, blind)
        // Contentless trigram index: emptied and filled again from the masked text.
        sqlite.exec(`INSERT INTO ${name}_fts (${name}_fts) VALUES ('delete-all');
          INSERT INTO ${name}_fts (rowid, search_text) SELECT rowid, search_text FROM ${name};`)
        if (guardSql) sqlite.exec(guardSql)
      }
      const drafts = sqlite.prepare('SELECT id, data FROM logbook_drafts').all() as {
        id: string
        data: string
      }[]
      const sealDraft = sqlite.prepare('UPDATE logbook_drafts SET data = ? WHERE id = ?')
      for (const draft of drafts) sealDraft.run(cipher.sealText(draft.data, DRAFT_PLACE), draft.id)
      return sealed
    },

    /** Audits a print or export (no row changes). */
    async recordOutput(actorId: string, action: string, detail: Record<string, unknown>) {
      db.transaction((tx) =>
        appendAudit(tx, deviceId, now().toISOString(), {
          operatorId: actorId,
          action,
          entity: `logbook.${String(detail.book)}`,
          detail
        })
      )
    }
  }
}

export type LogbooksRepo = ReturnType<typeof createLogbooksRepo>
