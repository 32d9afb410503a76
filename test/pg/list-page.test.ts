import { randomUUID } from 'node:crypto'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPgPhoneBook, loadSqlitePhoneBook, phoneOf, RARE_NAME } from '../../bench/phone-book'
import { phoneLog } from '../../src/main/db/schema/pg'
import { TEXT_COUNT_CAP } from '../../src/main/logbooks/logbooks-repo'
import { listPagePg, type PageRoute } from '../../src/main/logbooks/pg-page'
import type { ListQuery } from '../../src/shared/logbooks/contract'
import { openSignedIn } from '../helpers/services'
import { migratedStation, roleClient, superuserClient, WINDOW } from '../helpers/pg-test'

/** 20 days of bookings, 1,000 a day; a probe of 200 and a window of 1,000 rows so every route is taken. */
const ROWS = 20_000
const PROBE_ROWS = 200
const WINDOW_ROWS = 1000

const base = { book: 'phone' as const, page: 1, pageSize: 50 }
const newest = { sort: 'occurredAt' as const, order: 'desc' as const }
const month = { from: '2024-01-01', to: '2024-01-20' }

/** The list's shapes and the route each must take at this size. */
const shapes: [string, ListQuery, PageRoute][] = [
  ['status + month', { ...base, ...month, status: 'open', ...newest }, 'planner'],
  ['unsigned', { ...base, unsigned: true, ...newest }, 'planner'],
  ['open by due time', { ...base, status: 'open', sort: 'dueAt', order: 'asc' }, 'planner'],
  ['防盗门, 20 a page', { ...base, pageSize: 20, text: '防盗门', ...newest }, 'probe'],
  ['防盗门 (1 in 6)', { ...base, text: '防盗门', ...newest }, 'window'],
  ['防盗门, page 3', { ...base, page: 3, text: '防盗门', ...newest }, 'window'],
  ['防盗门 + month', { ...base, ...month, text: '防盗门', ...newest }, 'window'],
  [
    '防盗门 + open, by due time',
    { ...base, text: '防盗门', status: 'open', sort: 'dueAt', order: 'asc' },
    'window'
  ],
  ['南礼士路9 (≈1.9%)', { ...base, text: '南礼士路9', ...newest }, 'all hits sorted'],
  ['南礼士路9, page 2', { ...base, page: 2, text: '南礼士路9', ...newest }, 'all hits sorted'],
  [
    '南礼士路9, oldest first',
    { ...base, text: '南礼士路9', ...newest, order: 'asc' },
    'all hits sorted'
  ],
  ['木樨地北里77号 (≈0.2%)', { ...base, text: '木樨地北里77号', ...newest }, 'few hits'],
  [
    '南礼士路9, past the last hit',
    { ...base, page: 9, text: '南礼士路9', ...newest },
    'all hits sorted'
  ],
  [RARE_NAME, { ...base, text: RARE_NAME, ...newest }, 'few hits'],
  ['娜娜 (two characters: no trigram)', { ...base, text: '娜娜', ...newest }, 'few hits'],
  ['no hit', { ...base, text: '不存在的地址', ...newest }, 'few hits'],
  ['a whole phone number', { ...base, text: phoneOf(12_345), ...newest }, 'identifier'],
  [
    'a whole phone number + done',
    { ...base, text: phoneOf(12_345), status: 'done', ...newest },
    'identifier'
  ],
  ['a phone number no one called from', { ...base, text: '13000000000', ...newest }, 'identifier']
]

describe('a register page on PostgreSQL: the SQLite repository’s page, by the route it needs', () => {
  let services: Awaited<ReturnType<typeof openSignedIn>>
  let client: pg.Client
  let db: NodePgDatabase
  let ids: string[]

  beforeAll(async () => {
    services = await openSignedIn()
    const director = services.auth.current()!.operator
    const officers = [director.id]
    for (const [i, name] of ['李娜', '赵刚'].entries()) {
      const row = await services.operators.create(
        { username: `clerk${i}`, displayName: name, role: 'clerk', passwordHash: 'x' },
        director.id
      )
      officers.push(row.id)
    }
    ids = Array.from({ length: ROWS }, () => randomUUID())
    loadSqlitePhoneBook(services, ROWS, officers, director.id, (i) => ids[i]!)

    const { database } = await migratedStation('listpage')
    const admin = await superuserClient(database)
    try {
      const operators = services.sqlite
        .prepare('SELECT id, username, display_name, role, password_hash FROM operators')
        .all() as Record<string, string>[]
      for (const o of operators) {
        await admin.query(
          `INSERT INTO operators (id, username, display_name, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, now()::text, now()::text)`,
          [o.id, o.username, o.display_name, o.role, o.password_hash]
        )
      }
      await loadPgPhoneBook(
        admin,
        ids,
        officers,
        director.id,
        (phone) => services.cipher.sealText(phone, 'logbook.phone.callerPhone'),
        (phone) => services.cipher.blindIndex('phone', phone)
      )
      await admin.query('VACUUM (ANALYZE) logbook_phone')
    } finally {
      await admin.end()
    }
    // The window's own role reads, as the app will.
    client = await roleClient(WINDOW, database)
    db = drizzle({ client })
  }, 120_000)
  afterAll(async () => {
    await client?.end()
    services?.cleanup()
  })

  it.each(shapes)('%s', async (_name, query, route) => {
    const local = await services.logbooks.repo.list(query)
    const server = await listPagePg<{ id: string }>(db, phoneLog, query, {
      probe: PROBE_ROWS,
      window: WINDOW_ROWS,
      // The rows were loaded with this PC's tokens (the station key's, on a real server).
      blindIndex: (kind, value) => services.cipher.blindIndex(kind, value)
    })
    expect(server.route).toBe(route)
    expect(server.rows.map((row) => row.id)).toEqual(local.rows.map((row) => row.id))
    // A count that walks the date order stops at the text cap on both; SQLite counts a rarer
    // text's hits in full (its full-text route), as PostgreSQL does when it sorts every hit.
    const walked = route === 'probe' || route === 'window'
    expect(server.total).toBe(walked ? Math.min(local.total, TEXT_COUNT_CAP) : local.total)
    expect(server.capped).toBe(walked ? local.total > TEXT_COUNT_CAP : local.capped)
    expect(server.rows.length).toBe(
      Math.min(query.pageSize, Math.max(0, local.total - (query.page - 1) * query.pageSize))
    )
  })

  it('finds the one booking made from a whole phone number, on both', async () => {
    const query = { ...base, text: phoneOf(12_345), ...newest }
    const server = await listPagePg<{ id: string }>(db, phoneLog, query, {
      blindIndex: (kind, value) => services.cipher.blindIndex(kind, value)
    })
    expect(server.rows.map((row) => row.id)).toEqual([ids[12_345]])
    expect((await services.logbooks.repo.list(query)).rows.map((row) => row.id)).toEqual([
      ids[12_345]
    ])
  })
})
