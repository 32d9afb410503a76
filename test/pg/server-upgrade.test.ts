/**
 * A server that already holds rows when a migration arrives: drizzle-pg/0016 counts the audit
 * rows uploaded before it (its backfill), so the 全所审计日志's totals are right from the first
 * page after the upgrade, and later uploads add to them.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import { listStationAudit } from '../../src/main/station/station-audit'
import { repoRoot, tempDir } from '../helpers/services'
import { createServerDatabase, OWNER, roleClient, WINDOW } from '../helpers/pg-test'

const serverMigrations = join(repoRoot, 'drizzle-pg')

interface Journal {
  entries: { idx: number; tag: string }[]
}

/** drizzle-pg as it was before the migration tagged `tag` (that one and later ones left out). */
function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), `drizzle-pg-before-${tag}`)
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const journal = JSON.parse(
    readFileSync(join(serverMigrations, 'meta', '_journal.json'), 'utf8')
  ) as Journal
  const cut = journal.entries.findIndex((entry) => entry.tag === tag)
  if (cut < 0) throw new Error(`no migration ${tag}`)
  const kept = journal.entries.slice(0, cut)
  for (const entry of kept) {
    cpSync(join(serverMigrations, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`))
  }
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: kept })
  )
  return folder
}

/** Audit rows of one PC as an upload stores them: `actions[i]` at seq i + 1. */
async function insertAuditRows(client: pg.Client, deviceId: string, actions: string[]) {
  await client.query(
    `INSERT INTO audit_log (id, seq, device_id, at, action, prev_hash, hash)
     SELECT gen_random_uuid()::text, n, $1, '2026-12-01T02:00:00.000Z', action, 'p' || n, 'h' || n
       FROM unnest($2::text[]) WITH ORDINALITY AS a(action, n)`,
    [deviceId, actions]
  )
}

const counts = async (client: pg.Client) =>
  (
    await client.query<{ device_id: string; action: string; n: string }>(
      'SELECT device_id, action, n FROM station_audit_counts ORDER BY device_id, action'
    )
  ).rows.map((row) => ({ ...row, n: Number(row.n) }))

describe('drizzle-pg/0016 on a server that already holds audit rows', () => {
  let database: string
  let owner: pg.Client
  let window: pg.Client

  beforeAll(async () => {
    database = await createServerDatabase('upgrade')
    owner = await roleClient(OWNER, database)
    // The server as the build before 0016 left it, with two PCs' uploads.
    await migrate(drizzle({ client: owner }), {
      migrationsFolder: migrationsBefore('0016_audit_counts')
    })
    const table = await owner.query(`SELECT to_regclass('station_audit_counts') AS name`)
    expect(table.rows[0].name).toBeNull()
    await insertAuditRows(owner, 'pc-a', ['auth.signIn', 'logbook.create', 'logbook.create'])
    await insertAuditRows(owner, 'pc-b', ['auth.signIn', 'auth.signIn', 'photo.capture'])
    await migrateServerDatabase(owner, serverMigrations)
    window = await roleClient(WINDOW, database)
  }, 120_000)

  afterAll(async () => {
    await window?.end()
    await owner?.end()
  })

  it('counts the rows uploaded before it, per PC and action', async () => {
    expect(await counts(window)).toEqual([
      { device_id: 'pc-a', action: 'auth.signIn', n: 1 },
      { device_id: 'pc-a', action: 'logbook.create', n: 2 },
      { device_id: 'pc-b', action: 'auth.signIn', n: 2 },
      { device_id: 'pc-b', action: 'photo.capture', n: 1 }
    ])
    const page = await listStationAudit(window, { page: 1, pageSize: 2 })
    expect(page.total).toBe(6)
    const signIns = await listStationAudit(window, { page: 1, pageSize: 2, action: 'auth.signIn' })
    expect(signIns.total).toBe(3)
  })

  it('adds later uploads to the counts it started from', async () => {
    await window.query(
      `INSERT INTO audit_log (id, seq, device_id, at, action, prev_hash, hash)
       VALUES (gen_random_uuid()::text, 4, 'pc-a', '2026-12-02T02:00:00.000Z', 'logbook.create',
               'p4', 'h4')`
    )
    const created = (await counts(window)).find(
      (row) => row.device_id === 'pc-a' && row.action === 'logbook.create'
    )
    expect(created?.n).toBe(3)
    expect((await listStationAudit(window, { page: 1, pageSize: 2 })).total).toBe(7)
  })
})
