// A register's list page on the station server (PostgreSQL): the first piece of the logbook
// repository's port (issue #15). Same filters, order, page and capped count as the SQLite
// repository's list(), with the route for a text filter chosen here rather than by the planner.
//
// Why: with a text filter PostgreSQL can either walk the date index and test each row (≈3 µs a
// row) or take every trigram hit and sort them (≈4 µs a hit). Its row estimate for a LIKE on the
// trigram index is often 100× off, so it picked the sort for 18,557 hits (80 ms) where the walk
// takes 8 ms. The capped count, which the page needs anyway, tells few hits from many. For many,
// a walk over the first PAGE_PROBE rows of the order comes next: dense hits fill the page there,
// and otherwise the hits it found tell whether a walk of at most PAGE_WINDOW rows would fill it.
// When it would not, every hit is sorted (and counted, as SQLite's full-text route counts).
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { PgTable } from 'drizzle-orm/pg-core'
import { books } from '../../shared/logbooks/books'
import type { ListQuery } from '../../shared/logbooks/contract'
import { fromWallClock, nextDayStart } from '../../shared/logbooks/time'
import type { BlindKind } from '../crypto/cipher'
import { logbookBlindIndex, type phoneLog } from '../db/schema/pg'
import { containsText } from '../db/text-filter'
import { identifierQuery, MAX_DEPTH, TEXT_COUNT_CAP } from './logbooks-repo'

/** Rows of the sort order a text filter is tested on before all its hits are sorted instead. */
export const PAGE_WINDOW = 5000
/** Rows walked first: they fill the page for dense hits and measure the density otherwise. */
export const PAGE_PROBE = 1000

/** The columns every register shares (the PostgreSQL tables are typed as the SQLite ones). */
type EntryTable = Pick<
  typeof phoneLog,
  | 'id'
  | 'occurredAt'
  | 'dueAt'
  | 'status'
  | 'officerId'
  | 'searchText'
  | 'supersededBy'
  | 'signedAt'
>

/** How the page was found: for the benchmark's table and the tests. */
export type PageRoute =
  'planner' | 'identifier' | 'probe' | 'window' | 'few hits' | 'all hits sorted'

export interface PgPage<Row> {
  rows: Row[]
  total: number
  capped: boolean
  route: PageRoute
}

export async function listPagePg<Row extends { id: string }>(
  db: NodePgDatabase,
  table: EntryTable,
  query: ListQuery,
  options: {
    /** Rows of the order walked at most before every hit is sorted (PAGE_WINDOW). */
    window?: number
    /** Rows walked first (PAGE_PROBE); the tests make both small to take every route. */
    probe?: number
    /** The blind-index token under the key the server's rows are indexed with (the station key). */
    blindIndex?: (kind: BlindKind, value: string) => string
  } = {}
): Promise<PgPage<Row>> {
  const window = options.window ?? PAGE_WINDOW
  const t = table
  const from = t as unknown as PgTable
  const offset = (query.page - 1) * query.pageSize
  if (offset >= MAX_DEPTH) throw new RangeError(`page beyond the first ${MAX_DEPTH} entries`)
  const limit = Math.min(query.pageSize, MAX_DEPTH - offset)
  const direction = query.order === 'asc' ? asc : desc
  const sortColumn = query.sort === 'dueAt' ? t.dueAt : t.occurredAt
  const order = [direction(sortColumn), direction(t.id)]

  const others: SQL[] = [isNull(t.supersededBy)]
  if (query.from) others.push(gte(t.occurredAt, fromWallClock(query.from, '00:00')))
  if (query.to) others.push(lt(t.occurredAt, nextDayStart(query.to)))
  if (query.status) others.push(eq(t.status, query.status))
  if (query.officerId) {
    others.push(
      // Books that send several officers match any of them (a JSON array of ids).
      books[query.book].fields.some((field) => field.key === 'officerIds')
        ? sql`${sql.identifier('officer_ids')} LIKE ${`%${query.officerId}%`}`
        : eq(t.officerId, query.officerId)
    )
  }
  if (query.committeeId && query.book === 'patrol') {
    others.push(eq(sql.identifier('committee_id'), query.committeeId))
  }
  if (query.unsigned) others.push(isNull(t.signedAt))
  // A whole ID or phone number: found through the blind index only (the numbers are sealed and
  // masked in search_text), then checked against the other filters, as on SQLite.
  const identifier = query.text ? identifierQuery(query.text) : null
  if (identifier && !options.blindIndex) {
    throw new Error('a whole ID or phone number is found through the blind index: pass blindIndex')
  }
  const byIdentifier = identifier
    ? inArray(
        t.id,
        db
          .select({ id: sql<string>`${logbookBlindIndex.entryId}`.as('entry_id') })
          .from(logbookBlindIndex as unknown as PgTable)
          .where(
            and(
              eq(logbookBlindIndex.book, query.book),
              inArray(
                logbookBlindIndex.token,
                identifier.map(({ kind, value }) => options.blindIndex!(kind, value))
              )
            )
          )
      )
    : undefined
  const textMatch =
    query.text && !identifier ? containsText('pg', t.searchText, query.text) : undefined
  const where = and(...others, byIdentifier ?? textMatch)!

  // A count that walks the date order stops at the text cap; a count of every hit sorted is exact
  // and shown to the list's depth, as on SQLite (its full-text route).
  const walkCap = textMatch ? TEXT_COUNT_CAP : MAX_DEPTH
  /** Hits counted to `cap` + 1: the list shows "cap+" beyond it, as SQLite's does. */
  const cappedCount = async (cap = walkCap) => {
    const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(from)
        .where(where)
        .limit(cap + 1)
        .as('hits')
    )
    return counted!.n
  }
  const page = (rows: Row[], n: number, route: PageRoute, cap = walkCap): PgPage<Row> => ({
    rows,
    total: Math.min(n, cap),
    capped: n > cap,
    route
  })
  const plannerPage = () =>
    db
      .select()
      .from(from)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset) as unknown as Promise<Row[]>

  if (!textMatch) {
    const rows = await plannerPage()
    return page(rows, await cappedCount(), byIdentifier ? 'identifier' : 'planner')
  }

  // A text. The capped count comes first: cheap with few hits (a trigram bitmap and at most
  // `cap` + 1 rows), and then the planner sorts them, as it estimates.
  const counted = await cappedCount()
  if (counted <= walkCap) return page(await plannerPage(), counted, 'few hits')

  // Many hits: walk the first `probe` rows of the order (the other filters' index walk, stopping
  // once the page is full), testing each. Dense hits fill the page there; otherwise the hits it
  // found tell whether a walk of at most `window` rows would.
  const needed = offset + limit
  const probe = Math.min(options.probe ?? PAGE_PROBE, window)
  // One snapshot for both walks, so rows amended or added between them shift nothing.
  const walk = await db.transaction(
    async (tx) => {
      const probeHits = await walkedHits(tx, 0, probe, needed)
      if (probeHits.length >= needed) return { hits: probeHits, route: 'probe' as const }
      const rowsToFill = probeHits.length === 0 ? Infinity : (needed * probe) / probeHits.length
      if (rowsToFill > window) return null
      // The walk goes on after the probe's rows (stepping over them costs no text test).
      const rest = await walkedHits(tx, probe, window - probe, needed - probeHits.length)
      return { hits: [...probeHits, ...rest], route: 'window' as const }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' }
  )
  if (walk && walk.hits.length >= needed) return page(await entries(walk.hits), counted, walk.route)

  // Sparse hits: every hit from the trigram index, sorted and counted in full in one statement
  // (the list's depth is the cap then, as on SQLite's full-text route). Index scans are off for
  // this statement only, so the planner cannot turn back to the long walk; a text too short for
  // a trigram (under 3 characters) is left to the planner.
  const sorted = await db.transaction(async (tx) => {
    if ([...query.text!].length >= 3) {
      await tx.execute(sql`SET LOCAL enable_indexscan = off`)
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
    }
    return tx
      .select({ entry: from, hits: sql<number>`(count(*) OVER ())::int`.as('hits') })
      .from(from)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
  })
  // Past the last hit no row carries the count.
  const n = sorted.length > 0 ? sorted[0]!.hits : await cappedCount(MAX_DEPTH)
  return page(
    sorted.map(({ entry }) => entry as unknown as Row),
    n,
    'all hits sorted',
    MAX_DEPTH
  )

  /** The ids of the first `want` hits among `rows` rows of the order after the first `skip`. */
  async function walkedHits(
    on: Pick<NodePgDatabase, 'select'>,
    skip: number,
    rows: number,
    want: number
  ): Promise<string[]> {
    const walked = on
      .select({
        id: sql<string>`${t.id}`.as('id'),
        sortValue: sql`${sortColumn}`.as('sort_value'),
        text: sql<string>`${t.searchText}`.as('search_text')
      })
      .from(from)
      .where(and(...others))
      .orderBy(...order)
      .limit(rows)
      .offset(skip)
      .as('walked')
    const hits = await on
      .select({ id: walked.id })
      .from(walked)
      .where(containsText('pg', walked.text, query.text!))
      .orderBy(direction(walked.sortValue), direction(walked.id))
      .limit(want)
    return hits.map((hit) => hit.id)
  }

  /** The page's entries among `hits` (in the order), whole. */
  async function entries(hits: string[]): Promise<Row[]> {
    const ids = hits.slice(offset, offset + limit)
    return (await db
      .select()
      .from(from)
      .where(inArray(t.id, ids))
      .orderBy(...order)) as unknown as Row[]
  }
}
