// A register's list page on the station server (PostgreSQL): the first piece of the logbook
// repository's port (issue #15). Same filters, order, page and capped count as the SQLite
// repository's list(), with the route for a text filter chosen here rather than by the planner.
//
// Why: with a text filter PostgreSQL can either walk the date index and test each row (≈3 µs a
// row) or take every trigram hit and sort them (≈4 µs a hit). Its row estimate for a LIKE on the
// trigram index is often 100× off, so it picked the sort for 18,557 hits (80 ms) where the walk
// takes 8 ms. The capped count, which the page needs anyway, tells few hits from many; for many,
// a walk over the first PAGE_WINDOW rows of the order either fills the page (dense hits) or
// proves the hits sparse, and then sorting all of them is the cheaper route.
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
export type PageRoute = 'planner' | 'identifier' | 'few hits' | 'window' | 'all hits sorted'

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
    window?: number
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

  const cap = textMatch ? TEXT_COUNT_CAP : MAX_DEPTH
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(from)
      .where(where)
      .limit(cap + 1)
      .as('hits')
  )
  const n = counted!.n
  const page = (rows: Row[], route: PageRoute): PgPage<Row> => ({
    rows,
    total: Math.min(n, cap),
    capped: n > cap,
    route
  })
  /** The page with every filter, on `on` (the pool, or a transaction with its own settings). */
  const plannerPage = (on: Pick<NodePgDatabase, 'select'> = db) =>
    on
      .select()
      .from(from)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset) as unknown as Promise<Row[]>

  if (byIdentifier) return page(await plannerPage(), 'identifier')
  if (!textMatch) return page(await plannerPage(), 'planner')
  // Few hits: the planner sorts them from the trigram index, as it estimates.
  if (n <= cap) return page(await plannerPage(), 'few hits')

  // Many hits: test the first `window` rows of the order (the other filters' index walk);
  // a full page among them is the page.
  const newest = db
    .select({
      id: sql<string>`${t.id}`.as('id'),
      sortValue: sql`${sortColumn}`.as('sort_value'),
      text: sql<string>`${t.searchText}`.as('search_text')
    })
    .from(from)
    .where(and(...others))
    .orderBy(...order)
    .limit(window)
    .as('newest')
  const windowHits = db
    .select({ id: newest.id })
    .from(newest)
    .where(containsText('pg', newest.text, query.text!))
    .orderBy(direction(newest.sortValue), direction(newest.id))
    .limit(limit)
    .offset(offset)
  const fromWindow = (await db
    .select()
    .from(from)
    .where(inArray(t.id, windowHits))
    .orderBy(...order)) as unknown as Row[]
  if (fromWindow.length === limit) return page(fromWindow, 'window')

  // Sparse hits: every hit from the trigram index, sorted. Index scans off for this statement
  // only, so the planner cannot turn back to the long walk.
  const sorted = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_indexscan = off`)
    await tx.execute(sql`SET LOCAL enable_seqscan = off`)
    return plannerPage(tx)
  })
  return page(sorted, 'all hits sorted')
}
