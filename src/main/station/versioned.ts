/**
 * The station's mutable records on the server (issue #15): station-wide settings (the station's
 * name, the lock time, the queue's, the officers' and the office hours' settings) and the photo
 * specs. Each PC keeps its copy with the server's `version` it is based on. A change made on this
 * PC (online or offline) is queued by triggers (drizzle/0024, drizzle/0026) and uploaded only over
 * the version it was made on; when another PC got there first with a different value, the upload
 * is refused for that record: the clerk's value is kept in station_conflicts (改用本机的值 /
 * 保留服务器的值) and this PC follows the server's. Newer server versions are pulled on each round,
 * except for records with a change of this PC's still queued. Never a silent overwrite either way.
 *
 * The rest of the settings (language, printer, camera, the server link itself, this PC's identity
 * and key fingerprint) stay on each PC.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import {
  applyGuideDocument,
  GUIDE_DOCUMENT_KEY,
  mergeGuideDocuments,
  noteGuideBase,
  storedGuideBase
} from '../guide/guide-document'
import { conflictRecorder, queuedCheck } from './outbox'

/** Setting keys shared by the whole station. drizzle/0024's triggers list the same keys. */
export const SHARED_SETTING_KEYS = [
  'stationName',
  'idleLockMinutes',
  'queue.config',
  'staff.config',
  'guide.office',
  GUIDE_DOCUMENT_KEY
] as const

export interface VersionedTable {
  name: 'settings' | 'photo_specs'
  key: string
  /** The column a clerk changes; two PCs' changes differ when it differs. */
  value: string
  /** Columns sent and taken along with the value (the first PC's order stands). */
  carried: string[]
  /** Only these keys are the station's; null: every row. */
  keys: readonly string[] | null
}

export const VERSIONED_TABLES: VersionedTable[] = [
  { name: 'settings', key: 'key', value: 'value', carried: [], keys: SHARED_SETTING_KEYS },
  { name: 'photo_specs', key: 'id', value: 'data', carried: ['sort_order'], keys: null }
]

export const versionedTable = (name: string): VersionedTable | undefined =>
  VERSIONED_TABLES.find((table) => table.name === name)

type Row = Record<string, unknown>

/**
 * What taking a station-wide record from the server changes beyond its own row, in the same
 * transaction: the guide's document is applied to this PC's guide tables (guide-document.ts).
 * Returns why it was not, for the status bar (a guide failing this PC's checks).
 */
export function afterTaken(
  db: Db,
  taken: { table: VersionedTable; key: string; value: string; by: string | null },
  context: { deviceId: string; at: string }
): string | null {
  if (!isGuide(taken.table, taken.key)) return null
  const applied = applyGuideDocument(db, taken.value, { ...context, by: taken.by })
  return applied.refused ? `服务器上的办事指南未通过本机的检查，未采用（${applied.refused}）` : null
}

const isGuide = (table: VersionedTable, key: string) =>
  table.name === 'settings' && key === GUIDE_DOCUMENT_KEY

/** The value the server held at the version this PC has (kept for merging: the guide only). */
const baseOf = (db: Db, table: VersionedTable, key: string): string | undefined =>
  isGuide(table, key) ? storedGuideBase(db) : undefined

const noteBase = (db: Db, table: VersionedTable, key: string, value: string, at: string) => {
  if (isGuide(table, key)) noteGuideBase(db, value, at)
}

const mergeOf = (
  table: VersionedTable,
  key: string,
  base: string,
  push: Extract<VersionedPush, { kind: 'refused' }>
): string | null =>
  isGuide(table, key) ? mergeGuideDocuments(base, push.sent, push.server.value) : null

/** A record as the server holds it. */
export interface ServerRecord {
  value: string
  version: number
  updated_at: string
  updated_by: string | null
  carried: Row
}

/** What the server did with one queued record. */
export type VersionedPush =
  | { table: VersionedTable; key: string; sent: string; kind: 'stored'; version: number }
  | {
      table: VersionedTable
      key: string
      sent: string
      kind: 'refused'
      base: number
      server: ServerRecord
    }

const columnsOf = (table: VersionedTable) => [
  table.value,
  ...table.carried,
  'updated_at',
  'updated_by',
  'version'
]

const serverRecord = (table: VersionedTable, row: Row): ServerRecord => ({
  value: row[table.value] as string,
  version: Number(row.version),
  updated_at: row.updated_at as string,
  updated_by: (row.updated_by as string | null) ?? null,
  carried: Object.fromEntries(table.carried.map((column) => [column, row[column]]))
})

/**
 * Stores this PC's record over the version it was based on, inside the caller's server
 * transaction: a new key is inserted at version 1; the same value as the server's is taken as is;
 * a different value over an older version is refused.
 */
export async function pushVersioned(
  server: pg.ClientBase,
  table: VersionedTable,
  row: Row,
  at: string
): Promise<VersionedPush> {
  const key = String(row[table.key])
  const sent = row[table.value] as string
  const base = Number(row.version)
  const carried = table.carried.map((column) => row[column])
  const names = [table.key, table.value, ...table.carried, 'updated_at', 'updated_by', 'version']
  const values = [key, sent, ...carried, at, row.updated_by ?? null, 1]
  const inserted = await server.query(
    `INSERT INTO ${table.name} (${names.join(', ')})
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (${table.key}) DO NOTHING`,
    values
  )
  if (inserted.rowCount === 1) return { table, key, sent, kind: 'stored', version: 1 }
  const { rows } = await server.query<Row>(
    `SELECT ${columnsOf(table).join(', ')} FROM ${table.name} WHERE ${table.key} = $1 FOR UPDATE`,
    [key]
  )
  const current = serverRecord(table, rows[0]!)
  if (current.value === sent) return { table, key, sent, kind: 'stored', version: current.version }
  if (current.version !== base) return { table, key, sent, kind: 'refused', base, server: current }
  const sets = [table.value, ...table.carried, 'updated_at', 'updated_by'].map(
    (column, i) => `${column} = $${i + 2}`
  )
  const updated = await server.query<{ version: number }>(
    `UPDATE ${table.name} SET ${sets.join(', ')}, version = version + 1
     WHERE ${table.key} = $1 RETURNING version`,
    [key, sent, ...carried, at, row.updated_by ?? null]
  )
  return { table, key, sent, kind: 'stored', version: updated.rows[0]!.version }
}

/**
 * Notes on this PC what the server did (in the caller's SQLite transaction, after the server
 * committed): the new version of a stored record; for a refused one, the server's record, unless
 * the clerk changed it again meanwhile (that change is queued and decides), and the conflict, or,
 * for the guide, both PCs' changes merged and queued when they touch different parts. Returns the
 * records merged.
 */
export function notePushed(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  pushes: { seq: number; push: VersionedPush }[],
  at: string
): { merged: { table: string; key: string }[] } {
  const recordConflict = conflictRecorder(sqlite)
  const statements = new Map<
    VersionedTable,
    { setVersion: Database.Statement; takeServer: Database.Statement }
  >()
  const statementsOf = (table: VersionedTable) => {
    let found = statements.get(table)
    if (!found) {
      const sets = [table.value, ...table.carried, 'version', 'updated_at'].map(
        (column) => `${column} = ?`
      )
      found = {
        setVersion: sqlite.prepare(`UPDATE ${table.name} SET version = ? WHERE ${table.key} = ?`),
        takeServer: sqlite.prepare(
          `UPDATE ${table.name} SET ${sets.join(', ')},
             updated_by = (SELECT id FROM operators WHERE id = ?)
           WHERE ${table.key} = ? AND ${table.value} = ?`
        )
      }
      statements.set(table, found)
    }
    return found
  }
  const merged: { table: string; key: string }[] = []
  for (const { seq, push } of pushes) {
    const { table } = push
    const { setVersion, takeServer } = statementsOf(table)
    if (push.kind === 'stored') {
      setVersion.run(push.version, push.key)
      noteBase(db, table, push.key, push.sent, at)
      continue
    }
    const base = baseOf(db, table, push.key)
    const localAuthor = sqlite
      .prepare(`SELECT updated_by FROM ${table.name} WHERE ${table.key} = ?`)
      .pluck()
      .get(push.key) as string | null | undefined
    const took = takeServer.run(
      push.server.value,
      ...table.carried.map((column) => push.server.carried[column]),
      push.server.version,
      push.server.updated_at,
      push.server.updated_by,
      push.key,
      push.sent
    ).changes
    if (took > 0) noteBase(db, table, push.key, push.server.value, at)
    // Both PCs changed different parts of one record over the same base: one value holding both,
    // queued over the server's version (same version, new value: the trigger queues it).
    const both = took > 0 && base !== undefined ? mergeOf(table, push.key, base, push) : null
    if (both !== null) {
      // The merged value goes up as this PC's change (its author, not the other PC's).
      sqlite
        .prepare(
          `UPDATE ${table.name} SET ${table.value} = ?, updated_by = ? WHERE ${table.key} = ?`
        )
        .run(both, localAuthor ?? null, push.key)
      afterTaken(
        db,
        { table, key: push.key, value: both, by: push.server.updated_by },
        { deviceId, at }
      )
      appendAudit(db, deviceId, at, {
        operatorId: null,
        action: `station.${table.name}.merged`,
        entity: table.name,
        entityId: push.key,
        detail: { localVersion: push.base, serverVersion: push.server.version }
      })
      merged.push({ table: table.name, key: push.key })
      continue
    }
    const conflictId = recordConflict({
      seq,
      table: table.name,
      pk: push.key,
      local: { [table.value]: push.sent, version: push.base },
      server: { [table.value]: push.server.value, version: push.server.version },
      at
    })
    if (took > 0) {
      afterTaken(
        db,
        { table, key: push.key, value: push.server.value, by: push.server.updated_by },
        { deviceId, at }
      )
    }
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: `station.${table.name}.refused`,
      entity: table.name,
      entityId: push.key,
      detail: {
        conflictId,
        local: push.sent,
        localVersion: push.base,
        server: push.server.value,
        serverVersion: push.server.version
      }
    })
  }
  return { merged }
}

/**
 * Takes the server's newer records of one table, except those with a change of this PC's still
 * queued (their upload decides). Returns the keys taken; one audit row records them.
 */
async function pullTable(
  options: {
    sqlite: Database.Database
    db: Db
    server: pg.ClientBase
    deviceId: string
    at: string
  },
  table: VersionedTable,
  problems: string[]
): Promise<string[]> {
  const { sqlite, db, server, deviceId, at } = options
  const { rows } = await server.query<Row>(
    `SELECT ${table.key} AS key, ${columnsOf(table).join(', ')} FROM ${table.name}
     ${table.keys ? `WHERE ${table.key} = ANY($1)` : ''}`,
    table.keys ? [table.keys] : []
  )
  const localVersion = sqlite
    .prepare(`SELECT version FROM ${table.name} WHERE ${table.key} = ?`)
    .pluck()
  const queued = queuedCheck(sqlite)
  const columns = [table.key, table.value, ...table.carried, 'updated_at', 'version']
  const store = sqlite.prepare(
    `INSERT INTO ${table.name} (${columns.join(', ')}, updated_by)
     VALUES (${columns.map(() => '?').join(', ')}, (SELECT id FROM operators WHERE id = ?))
     ON CONFLICT (${table.key}) DO UPDATE SET
       ${[...columns.slice(1), 'updated_by'].map((column) => `${column} = excluded.${column}`).join(', ')}`
  )
  const taken: Record<string, number> = {}
  sqlite.transaction(() => {
    for (const row of rows) {
      const key = String(row.key)
      const record = serverRecord(table, row)
      const local = localVersion.get(key) as number | undefined
      if (local !== undefined && local >= record.version) continue
      if (queued(table.name, key)) continue
      store.run(
        key,
        record.value,
        ...table.carried.map((column) => record.carried[column]),
        record.updated_at,
        record.version,
        record.updated_by
      )
      noteBase(db, table, key, record.value, at)
      const problem = afterTaken(
        db,
        { table, key, value: record.value, by: record.updated_by },
        { deviceId, at }
      )
      if (problem) problems.push(problem)
      taken[key] = record.version
    }
    if (Object.keys(taken).length > 0) {
      appendAudit(db, deviceId, at, {
        operatorId: null,
        action: `station.${table.name}.pull`,
        entity: table.name,
        detail: { versions: taken }
      })
    }
  })()
  return Object.keys(taken)
}

export interface PulledRecords {
  settings: string[]
  photoSpecs: string[]
  /** Records taken but not applied, and why (a guide failing this PC's checks). */
  problems: string[]
}

/** Takes the server's newer station-wide settings and photo specs (see pullTable). */
export async function pullVersioned(options: {
  sqlite: Database.Database
  db: Db
  server: pg.ClientBase
  deviceId: string
  at: string
}): Promise<PulledRecords> {
  const [settings, photoSpecs] = VERSIONED_TABLES
  const problems: string[] = []
  return {
    settings: await pullTable(options, settings!, problems),
    photoSpecs: await pullTable(options, photoSpecs!, problems),
    problems
  }
}
