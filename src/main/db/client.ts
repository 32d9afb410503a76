import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>
/** The handle passed to code running inside a transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export interface OpenOptions {
  file: string
  migrationsFolder: string
  /** Path to an Electron-ABI build of better-sqlite3 (see scripts/electron-native.mjs). */
  nativeBinding?: string
  /** Called after the version check and before migrating, e.g. to back up. */
  beforeMigrate?: (sqlite: Database.Database) => Promise<void>
}

export interface OpenDatabase {
  sqlite: Database.Database
  db: Db
  schemaVersion: number
}

/** Number of migrations this build knows: the schema version it writes into `user_version`. */
export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'))
  return (journal.entries as unknown[]).length
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!table) return 0
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
}

/**
 * Opens (or creates) the database: WAL, foreign keys, full sync; refuses a database written by a
 * newer schema before touching it; then applies pending migrations in one transaction.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  const known = knownSchemaVersion(options.migrationsFolder)
  const sqlite = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  )
  try {
    const found = Math.max(
      sqlite.pragma('user_version', { simple: true }) as number,
      appliedMigrations(sqlite)
    )
    if (found > known) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `数据库由更新版本的程序写入（架构版本 ${found}，本程序仅支持到 ${known}）。为保护数据，本程序不会打开或修改它，请升级程序。`
      )
    }
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    if (options.beforeMigrate && found < known) await options.beforeMigrate(sqlite)
    const db = drizzle({ client: sqlite, schema })
    migrate(db, { migrationsFolder: options.migrationsFolder })
    sqlite.pragma(`user_version = ${known}`)
    return { sqlite, db, schemaVersion: known }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

export interface IntegrityReport {
  ok: boolean
  integrity: string[]
  foreignKeyViolations: number
}

export function checkIntegrity(sqlite: Database.Database): IntegrityReport {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
    (row) => row.integrity_check
  )
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyViolations === 0,
    integrity,
    foreignKeyViolations
  }
}
