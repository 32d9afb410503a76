/**
 * Migrating the station server and granting the app's rights (issue #15). Run as the database's
 * owner (whose password is typed for it and never stored); the windows log in as members of
 * `bianmin_app`, which gets exactly the rights the register rules allow: no DDL, no deletes or
 * edits of register entries, the audit log or the append-only tables, nothing on staff_figures
 * but reading (its trigger runs with the owner's rights).
 */
import { getTableColumns, getTableName } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { AppError } from '../../shared/errors'
import type { StationServerConfig } from '../../shared/station/config'
import {
  appliedServerMigrations,
  describeConnectionError,
  knownServerMigrations,
  stationClientConfig
} from './server'
import { quoteIdent as quote, serverTables } from './server-tables'

export const APP_ROLE = 'bianmin_app'
/** pg_advisory_lock key: two PCs migrating at once take turns. */
const MIGRATION_LOCK = 0x6269_616e

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'

export interface TableGrant {
  table: string
  privileges: Privilege[]
  /** Columns UPDATE is limited to (the append-only guards allow only these to be set). */
  updatable?: string[]
}

const APPEND_ONLY = new Set([
  'guide_changes',
  'queue_calls',
  'logbook_blind_index',
  'address_removals'
])
const DERIVED = new Set(['staff_figures'])
const ENTRY_SETTABLE = ['superseded_by', 'signed_by', 'signed_at']

/** Every server table with the rights `bianmin_app` gets on it. */
export function appRoleGrants(): TableGrant[] {
  return serverTables()
    .map((table): TableGrant => {
      const name = getTableName(table)
      const columns = Object.values(getTableColumns(table)).map((column) => column.name)
      if (DERIVED.has(name)) return { table: name, privileges: ['SELECT'] }
      if (APPEND_ONLY.has(name)) return { table: name, privileges: ['SELECT', 'INSERT'] }
      if (name === 'photos') {
        // A record is kept; removal is a mark set once (the file stays on its PC).
        return {
          table: name,
          privileges: ['SELECT', 'INSERT', 'UPDATE'],
          updatable: ['removed_at', 'removed_by']
        }
      }
      if (name === 'audit_log') {
        return { table: name, privileges: ['SELECT', 'INSERT', 'UPDATE'], updatable: ['mac'] }
      }
      if (name.startsWith('logbook_') && columns.includes('superseded_by')) {
        return {
          table: name,
          privileges: ['SELECT', 'INSERT', 'UPDATE'],
          updatable: ENTRY_SETTABLE
        }
      }
      return { table: name, privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }
    })
    .sort((a, b) => a.table.localeCompare(b.table))
}

/** Replaces whatever `bianmin_app` had with exactly `appRoleGrants()` (idempotent). */
export async function grantAppRole(client: pg.Client | pg.PoolClient): Promise<void> {
  const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE])
  if (role.rowCount === 0) {
    throw new AppError(
      'VALIDATION',
      `服务器上没有角色 ${APP_ROLE}：请先按 docs/station-server-setup.md 创建它，再迁移`
    )
  }
  const app = quote(APP_ROLE)
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`)
  await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`)
  for (const grant of appRoleGrants()) {
    const table = quote(grant.table)
    const whole = grant.privileges.filter((p) => !(p === 'UPDATE' && grant.updatable))
    await client.query(`GRANT ${whole.join(', ')} ON ${table} TO ${app}`)
    if (grant.updatable) {
      await client.query(
        `GRANT UPDATE (${grant.updatable.map(quote).join(', ')}) ON ${table} TO ${app}`
      )
    }
  }
  // Upload cursors (drizzle-pg/0004, server-only): each PC reads and advances its own.
  await client.query(`GRANT SELECT, INSERT, UPDATE ON station_devices TO ${app}`)
  // The station key (drizzle-pg/0009, server-only): read by every PC, stored once by the first.
  await client.query(`GRANT SELECT, INSERT ON station_key TO ${app}`)
  // The download feed (drizzle-pg/0010, server-only): appended by uploads, read by every PC.
  await client.query(`GRANT SELECT, INSERT ON station_feed TO ${app}`)
  await client.query(`GRANT USAGE ON SEQUENCE station_feed_seq_seq TO ${app}`)
  // The 全所审计日志's totals (drizzle-pg/0016, server-only): kept by a trigger, read by the auditor.
  await client.query(`GRANT SELECT ON station_audit_counts TO ${app}`)
  // The windows read the schema version (station check) but cannot change it.
  await client.query(`GRANT USAGE ON SCHEMA drizzle TO ${app}`)
  await client.query(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${app}`)
}

export interface ServerMigrationResult {
  before: number
  after: number
}

const appliedMigrations = async (client: pg.Client | pg.PoolClient) =>
  (await appliedServerMigrations(client)) ?? 0

/**
 * Brings the server's schema to this build's and re-grants the app role, under an advisory lock
 * (one PC at a time). Refuses a server written by a newer build, like the local database does.
 */
export async function migrateServerDatabase(
  client: pg.Client | pg.PoolClient,
  migrationsFolder: string
): Promise<ServerMigrationResult> {
  const known = knownServerMigrations(migrationsFolder)
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
  try {
    const before = await appliedMigrations(client)
    if (before > known) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `服务器数据库由更新版本的程序写入（架构版本 ${before}，本程序仅支持到 ${known}）：请先升级本程序`
      )
    }
    await migrate(drizzle({ client }), { migrationsFolder })
    await grantAppRole(client)
    return { before, after: await appliedMigrations(client) }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
  }
}

/** Connects as the owner given in `config` and migrates (the `station:migrate` command). */
export async function migrateStationServer(
  config: StationServerConfig,
  ownerPassword: string,
  migrationsFolder: string
): Promise<ServerMigrationResult> {
  const client = new pg.Client(stationClientConfig(config, ownerPassword))
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    throw new AppError('VALIDATION', describeConnectionError(error, config))
  }
  try {
    return await migrateServerDatabase(client, migrationsFolder)
  } finally {
    await client.end().catch(() => undefined)
  }
}
