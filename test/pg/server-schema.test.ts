import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/client'
import { appRoleGrants, migrateServerDatabase } from '../../src/main/station/migrate'
import { checkStationServer, knownServerMigrations } from '../../src/main/station/server'
import { migrationsFolder, repoRoot, tempDir } from '../helpers/services'
import { createServerDatabase, OWNER, roleClient, WINDOW, windowConfig } from '../helpers/pg-test'

const serverMigrations = join(repoRoot, 'drizzle-pg')
/** Server migrations in drizzle-pg's journal. */
const knownServer = knownServerMigrations(serverMigrations)

/** Tables and their columns (name → nullable) as SQLite has them after the real migrations. */
async function sqliteColumns(): Promise<Map<string, Map<string, boolean>>> {
  const { sqlite } = await openDatabase({
    file: join(tempDir(), 'parity.sqlite'),
    migrationsFolder
  })
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'
           AND name NOT LIKE 'station_%'
           AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`
      )
      .pluck()
      .all() as string[]
    // FTS5's shadow tables (…_fts_data, …_config …) are SQLite's own full-text machinery.
    const fts = new Set(
      sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'`)
        .pluck()
        .all() as string[]
    )
    const result = new Map<string, Map<string, boolean>>()
    for (const table of tables) {
      if ([...fts].some((name) => table.startsWith(`${name}_`))) continue
      const columns = sqlite
        .prepare(`SELECT name, "notnull" AS nn, pk FROM pragma_table_info(?)`)
        .all(table) as {
        name: string
        nn: number
        pk: number
      }[]
      result.set(table, new Map(columns.map((c) => [c.name, c.nn === 0 && c.pk === 0])))
    }
    return result
  } finally {
    sqlite.close()
  }
}

async function pgColumns(client: pg.Client): Promise<Map<string, Map<string, boolean>>> {
  const { rows } = await client.query<{ table: string; column: string; nullable: string }>(
    `SELECT table_name AS table, column_name AS column, is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = 'public'
         AND table_name NOT LIKE 'station_%'`
  )
  const result = new Map<string, Map<string, boolean>>()
  for (const row of rows) {
    if (!result.has(row.table)) result.set(row.table, new Map())
    result.get(row.table)!.set(row.column, row.nullable === 'YES')
  }
  return result
}

describe('station server schema (PostgreSQL)', () => {
  let database: string
  let owner: pg.Client
  let window: pg.Client
  const now = '2026-12-06T02:00:00.000Z'
  const officerId = randomUUID()

  beforeAll(async () => {
    database = await createServerDatabase('schema')
    owner = await roleClient(OWNER, database)
  })
  afterAll(async () => {
    await window?.end()
    await owner.end()
  })

  it('migrates as the owner; two PCs migrating at once take turns; a third run has nothing to do', async () => {
    const second = await roleClient(OWNER, database)
    try {
      const results = await Promise.all([
        migrateServerDatabase(owner, serverMigrations),
        migrateServerDatabase(second, serverMigrations)
      ])
      expect(results.map((r) => r.after)).toEqual([knownServer, knownServer])
      expect(results.map((r) => r.before).sort()).toEqual([0, knownServer])
    } finally {
      await second.end()
    }
    expect(await migrateServerDatabase(owner, serverMigrations)).toEqual({
      before: knownServer,
      after: knownServer
    })
    window = await roleClient(WINDOW, database)
  })

  it('has every table and column of the SQLite schema, with the same nullability', async () => {
    const [local, server] = [await sqliteColumns(), await pgColumns(owner)]
    expect([...server.keys()].sort()).toEqual([...local.keys()].sort())
    for (const [table, columns] of local) {
      expect({ table, columns: Object.fromEntries(server.get(table)!) }).toEqual({
        table,
        columns: Object.fromEntries(columns)
      })
    }
    expect(local.size).toBeGreaterThan(40)
  })

  it('passes the window role’s check, schema included', async () => {
    const report = await checkStationServer(windowConfig(database), WINDOW.password, {
      migrationsFolder: serverMigrations
    })
    expect(report.items.find((item) => item.key === 'schema')).toEqual({
      key: 'schema',
      level: 'ok',
      message: `服务器架构为最新（${knownServer} 个迁移）`
    })
    expect(report.ok).toBe(true)
  })

  it('lets a window write entries and sign-offs, and nothing the register rules forbid', async () => {
    await window.query(
      `INSERT INTO operators (id, username, display_name, role, password_hash, created_at, updated_at)
       VALUES ($1, 'zhao', '赵警官', 'field', 'x', $2, $2)`,
      [officerId, now]
    )
    const entryId = randomUUID()
    await window.query(
      `INSERT INTO logbook_liaison (id, root_id, version, occurred_at, status, officer_id, search_text,
         created_at, created_by, contact_name, matter)
       VALUES ($1, $1, 1, $2, 'done', $3, '张三 户口迁移', $2, $3, '张三', '户口迁移')`,
      [entryId, now, officerId]
    )
    // staff_figures is kept by its trigger with the owner's rights; the window only reads it.
    const figures = await window.query(
      `SELECT entries FROM staff_figures WHERE officer_id = $1 AND book = 'liaison'`,
      [officerId]
    )
    expect(figures.rows).toEqual([{ entries: 1 }])
    await window.query(`UPDATE logbook_liaison SET signed_by = $2, signed_at = $3 WHERE id = $1`, [
      entryId,
      officerId,
      now
    ])
    // The auditor's totals are kept by a trigger with the owner's rights; the window only reads.
    const audited = async () =>
      Number(
        (
          await window.query(
            `SELECT coalesce(sum(n), 0) AS n FROM station_audit_counts WHERE action = 'logbook.create'`
          )
        ).rows[0].n
      )
    const before = await audited()
    await window.query(
      `INSERT INTO audit_log (id, seq, device_id, at, operator_id, action, entity, entity_id,
         prev_hash, hash)
       SELECT gen_random_uuid()::text, s, 'pc-schema', $1, $2, 'logbook.create', 'logbook_liaison',
              $3, 'p' || s, 'h' || s
         FROM generate_series(1, 3) AS s`,
      [now, officerId, entryId]
    )
    // A row sent again (ON CONFLICT DO NOTHING, as the uploader does) is not counted twice.
    await window.query(
      `INSERT INTO audit_log (id, seq, device_id, at, action, prev_hash, hash)
       SELECT id, seq, device_id, at, action, prev_hash, hash FROM audit_log
        WHERE device_id = 'pc-schema' ON CONFLICT DO NOTHING`
    )
    expect(await audited()).toBe(before + 3)
    const refused = async (statement: string, params: unknown[] = []) => {
      await expect(window.query(statement, params)).rejects.toThrow(
        /permission denied|must be owner/
      )
    }
    await refused(`UPDATE logbook_liaison SET matter = '改了' WHERE id = $1`, [entryId])
    await refused(`DELETE FROM logbook_liaison WHERE id = $1`, [entryId])
    await refused(`DELETE FROM audit_log`)
    await refused(`UPDATE audit_log SET action = 'x'`)
    await refused(`UPDATE staff_figures SET entries = 99`)
    await refused(`UPDATE station_audit_counts SET n = 0`)
    await refused(`INSERT INTO staff_figures (officer_id, day, book) VALUES ('a', 'b', 'c')`)
    await refused(`UPDATE queue_calls SET id = id`)
    await refused(`CREATE TABLE smuggled (x int)`)
    await refused(`ALTER TABLE logbook_liaison DISABLE TRIGGER ALL`)
    await refused(`DELETE FROM drizzle.__drizzle_migrations`)
    // The guard still stands behind the grant: a second sign-off is refused by the trigger.
    await expect(
      window.query(`UPDATE logbook_liaison SET signed_at = $2 WHERE id = $1`, [entryId, now + 'x'])
    ).rejects.toThrow('logbook_liaison: entries are append-only; amend instead')
  })

  it('grants every server table to the app role, restricted exactly where the guards are', () => {
    const grants = new Map(appRoleGrants().map((grant) => [grant.table, grant]))
    expect(grants.size).toBeGreaterThan(40)
    expect(grants.get('audit_log')).toEqual({
      table: 'audit_log',
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      updatable: ['mac']
    })
    expect(grants.get('staff_figures')?.privileges).toEqual(['SELECT'])
    expect(grants.get('photos')).toEqual({
      table: 'photos',
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      updatable: ['removed_at', 'removed_by']
    })
    const entryTables = [...grants.values()].filter((grant) =>
      grant.updatable?.includes('superseded_by')
    )
    expect(entryTables).toHaveLength(12)
    expect(grants.get('settings')?.privileges).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE'])
  })
})
