/**
 * Async transactions on both dialects (issue #15, stage 1). better-sqlite3 runs a transaction
 * function synchronously and refuses one that returns a promise, so repositories that must also
 * run on PostgreSQL (where every query is awaited) cannot use `db.transaction` there. On SQLite
 * this runner opens `BEGIN IMMEDIATE` itself and lets only one async transaction hold the single
 * connection at a time: a second caller waits for the first to commit or roll back instead of
 * reading or writing into it. On PostgreSQL each transaction takes its own pooled connection.
 *
 * Rule while both styles coexist: code inside an async transaction awaits only database calls of
 * the same runner, and synchronous `db.transaction` callers must not run while one is open (they
 * would join it). The runner refuses to begin while any transaction is open on the connection.
 */
import type Database from 'better-sqlite3'

export type Dialect = 'sqlite' | 'pg'

export interface TransactionRunner<TTx> {
  readonly dialect: Dialect
  transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>
}

/** A FIFO lock: `run` waits for every earlier holder to finish, then runs `work`. */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve()
  let waiting = 0
  return {
    get waiting() {
      return waiting
    },
    run<T>(work: () => Promise<T>): Promise<T> {
      waiting += 1
      const result = tail.then(async () => {
        try {
          return await work()
        } finally {
          waiting -= 1
        }
      })
      tail = result.catch(() => undefined)
      return result
    }
  }
}

/** SQLite: one connection, so one async transaction at a time (`BEGIN IMMEDIATE` takes the write lock). */
export function sqliteRunner<TTx>(sqlite: Database.Database, tx: TTx): TransactionRunner<TTx> {
  const mutex = createMutex()
  return {
    dialect: 'sqlite',
    transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T> {
      return mutex.run(async () => {
        if (sqlite.inTransaction) {
          throw new Error('an async transaction cannot start inside an open SQLite transaction')
        }
        sqlite.exec('BEGIN IMMEDIATE')
        try {
          const result = await work(tx)
          sqlite.exec('COMMIT')
          return result
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
          throw error
        }
      })
    }
  }
}

/** PostgreSQL: drizzle's transaction on a pooled connection (anything with an async `transaction`). */
export function pgRunner<TTx>(db: {
  transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>
}): TransactionRunner<TTx> {
  return {
    dialect: 'pg',
    transaction: (work) => db.transaction(work)
  }
}
