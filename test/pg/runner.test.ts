import Database from 'better-sqlite3'
import { eq, sql } from 'drizzle-orm'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { integer as pgInteger, pgTable, text as pgText } from 'drizzle-orm/pg-core'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pgRunner, sqliteRunner, type TransactionRunner } from '../../src/main/db/runner'
import { clusterInfo, createTestDatabase } from '../helpers/pg-test'

const sqliteCounters = sqliteTable('counters', {
  id: text('id').primaryKey(),
  n: integer('n').notNull()
})
const pgCounters = pgTable('counters', {
  id: pgText('id').primaryKey(),
  n: pgInteger('n').notNull()
})

type AnyTx = ReturnType<typeof drizzleSqlite>

interface Subject {
  runner: TransactionRunner<AnyTx>
  close(): Promise<void>
}

async function openSqlite(): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-runner-'))
  const sqlite = new Database(join(dir, 'db.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  sqlite.exec(
    "CREATE TABLE counters (id TEXT PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counters VALUES ('a', 0)"
  )
  const db = drizzleSqlite({ client: sqlite })
  return {
    runner: sqliteRunner(sqlite, db),
    close: async () => {
      sqlite.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function openPg(): Promise<Subject> {
  const info = clusterInfo()
  const database = await createTestDatabase('runner')
  const pool = new pg.Pool({
    host: info.socketDir,
    port: info.port,
    user: info.superuser,
    database
  })
  await pool.query(
    "CREATE TABLE counters (id TEXT PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counters VALUES ('a', 0)"
  )
  const db = drizzlePg({ client: pool })
  return {
    runner: pgRunner(db) as unknown as TransactionRunner<AnyTx>,
    close: () => pool.end()
  }
}

// Same statements on both dialects: the PG table object is used where the dialect is PG.
const table = (runner: TransactionRunner<AnyTx>) =>
  (runner.dialect === 'pg' ? pgCounters : sqliteCounters) as typeof sqliteCounters

const read = async (runner: TransactionRunner<AnyTx>, id: string) =>
  runner.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(table(runner))
      .where(eq(table(runner).id, id))
    return rows[0]?.n
  })

describe.each([
  ['SQLite', openSqlite],
  ['PostgreSQL', openPg]
])('async transactions on %s', (_name, open) => {
  let subject: Subject
  beforeAll(async () => {
    subject = await open()
  })
  afterAll(async () => {
    await subject.close()
  })

  it('commits what the work wrote and returns its result', async () => {
    const { runner } = subject
    const result = await runner.transaction(async (tx) => {
      await tx.insert(table(runner)).values({ id: 'b', n: 5 })
      return 'done'
    })
    expect(result).toBe('done')
    expect(await read(runner, 'b')).toBe(5)
  })

  it('rolls back everything the work wrote when it throws, and the next transaction runs', async () => {
    const { runner } = subject
    await expect(
      runner.transaction(async (tx) => {
        await tx.insert(table(runner)).values({ id: 'lost', n: 1 })
        await tx
          .update(table(runner))
          .set({ n: 99 })
          .where(eq(table(runner).id, 'a'))
        throw new Error('refused')
      })
    ).rejects.toThrow('refused')
    expect(await read(runner, 'lost')).toBeUndefined()
    expect(await read(runner, 'a')).toBe(0)
  })

  it('keeps 20 concurrent transactions apart: every increment and every row counts once', async () => {
    const { runner } = subject
    const t = table(runner)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runner.transaction(async (tx) => {
          await tx.insert(t).values({ id: `c${i}`, n: i })
          await sleep(i % 3)
          await tx
            .update(t)
            .set({ n: sql`${t.n} + 1` })
            .where(eq(t.id, 'a'))
        })
      )
    )
    expect(await read(runner, 'a')).toBe(20)
    const rows = await runner.transaction(async (tx) => tx.select().from(t))
    expect(rows.filter((row) => row.id.startsWith('c'))).toHaveLength(20)
  })
})

describe('SQLite runner', () => {
  let subject: Subject
  beforeAll(async () => {
    subject = await openSqlite()
  })
  afterAll(async () => {
    await subject.close()
  })

  it('serialises read-modify-write across awaits (the second waits for the first to commit)', async () => {
    const { runner } = subject
    const t = table(runner)
    const order: string[] = []
    const bump = (name: string) =>
      runner.transaction(async (tx) => {
        order.push(`${name} begins`)
        const [row] = await tx.select().from(t).where(eq(t.id, 'a'))
        await sleep(20)
        await tx
          .update(t)
          .set({ n: row.n + 1 })
          .where(eq(t.id, 'a'))
        order.push(`${name} commits`)
      })
    await Promise.all([bump('first'), bump('second')])
    expect(await read(runner, 'a')).toBe(2)
    expect(order).toEqual(['first begins', 'first commits', 'second begins', 'second commits'])
  })
})
