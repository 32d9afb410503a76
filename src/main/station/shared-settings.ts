/**
 * Station-wide settings on the server (issue #15): the station's name, the lock time, the queue's,
 * the officers' and the office hours' settings. Each PC keeps its copy in `settings` with the
 * server's `version` it is based on. A change made on this PC (online or offline) is queued by
 * drizzle/0024's triggers and uploaded only over the version it was made on; when another PC got
 * there first with a different value, the upload is refused for that key: the clerk's value is
 * kept in station_conflicts (改用本机的值 / 保留服务器的值) and this PC follows the server's. Newer
 * server versions are pulled on each background round, except for keys with a change of this PC's
 * still queued. Never a silent overwrite either way.
 *
 * The rest (language, printer, camera, the server link itself, this PC's identity and key
 * fingerprint) stay on each PC.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'

/** Keys shared by the whole station. drizzle/0024's triggers list the same keys. */
export const SHARED_SETTING_KEYS = [
  'stationName',
  'idleLockMinutes',
  'queue.config',
  'staff.config',
  'guide.office'
] as const

export interface LocalSetting {
  key: string
  value: string
  version: number
  updated_by: string | null
}

export interface ServerSetting {
  value: string
  version: number
  updated_at: string
  updated_by: string | null
}

/** What the server did with one queued setting. */
export type SettingPush =
  | { key: string; sent: string; kind: 'stored'; version: number }
  | { key: string; sent: string; kind: 'refused'; base: number; server: ServerSetting }

/**
 * Stores this PC's value over the version it was based on, inside the caller's server transaction:
 * a new key is inserted at version 1; the same value as the server's is taken as is; a different
 * value over an older version is refused.
 */
export async function pushSetting(
  server: pg.ClientBase,
  row: LocalSetting,
  at: string
): Promise<SettingPush> {
  const sent = row.value
  const inserted = await server.query(
    `INSERT INTO settings (key, value, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (key) DO NOTHING`,
    [row.key, sent, at, row.updated_by]
  )
  if (inserted.rowCount === 1) return { key: row.key, sent, kind: 'stored', version: 1 }
  const { rows } = await server.query<ServerSetting>(
    'SELECT value, version, updated_at, updated_by FROM settings WHERE key = $1 FOR UPDATE',
    [row.key]
  )
  const current = rows[0]
  if (current.value === sent) {
    return { key: row.key, sent, kind: 'stored', version: current.version }
  }
  if (current.version === row.version) {
    const updated = await server.query<{ version: number }>(
      `UPDATE settings SET value = $2, updated_at = $3, updated_by = $4, version = version + 1
       WHERE key = $1 RETURNING version`,
      [row.key, sent, at, row.updated_by]
    )
    return { key: row.key, sent, kind: 'stored', version: updated.rows[0].version }
  }
  return { key: row.key, sent, kind: 'refused', base: row.version, server: current }
}

/**
 * Notes on this PC what the server did (in the caller's SQLite transaction, after the server
 * committed): the new version of a stored value; for a refused one, the conflict and the server's
 * value, unless the clerk changed the setting again meanwhile (that change is queued and decides).
 */
export function notePushedSettings(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  pushes: { seq: number; push: SettingPush }[],
  at: string
): void {
  const setVersion = sqlite.prepare('UPDATE settings SET version = ? WHERE key = ?')
  const adopt = sqlite.prepare(
    `UPDATE settings SET value = ?, version = ?, updated_at = ?,
       updated_by = (SELECT id FROM operators WHERE id = ?)
     WHERE key = ? AND value = ?`
  )
  const recordConflict = sqlite.prepare(
    `INSERT INTO station_conflicts (id, seq, tbl, pk, local, server, at)
     VALUES (?, ?, 'settings', ?, ?, ?, ?)`
  )
  for (const { seq, push } of pushes) {
    if (push.kind === 'stored') {
      setVersion.run(push.version, push.key)
      continue
    }
    const conflictId = randomUUID()
    recordConflict.run(
      conflictId,
      seq,
      push.key,
      JSON.stringify({ value: push.sent, version: push.base }),
      JSON.stringify({ value: push.server.value, version: push.server.version }),
      at
    )
    adopt.run(
      push.server.value,
      push.server.version,
      push.server.updated_at,
      push.server.updated_by,
      push.key,
      push.sent
    )
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: 'station.settings.refused',
      entity: 'settings',
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
}

/**
 * Takes the server's newer station-wide settings, except keys with a change of this PC's still
 * queued (their upload decides). Returns the keys taken; one audit row records them.
 */
export async function pullSharedSettings(options: {
  sqlite: Database.Database
  db: Db
  server: pg.ClientBase
  deviceId: string
  at: string
}): Promise<string[]> {
  const { sqlite, db, server, deviceId, at } = options
  const { rows } = await server.query<ServerSetting & { key: string }>(
    'SELECT key, value, version, updated_at, updated_by FROM settings WHERE key = ANY($1)',
    [SHARED_SETTING_KEYS]
  )
  const localVersion = sqlite.prepare('SELECT version FROM settings WHERE key = ?').pluck()
  const queued = sqlite
    .prepare(
      `SELECT 1 FROM station_outbox WHERE tbl = 'settings' AND pk = ?
         AND seq > coalesce((SELECT acked_seq FROM station_link), 0)`
    )
    .pluck()
  const store = sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by, version)
     VALUES (?, ?, ?, (SELECT id FROM operators WHERE id = ?), ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by, version = excluded.version`
  )
  const taken: Record<string, number> = {}
  sqlite.transaction(() => {
    for (const row of rows) {
      const local = localVersion.get(row.key) as number | undefined
      if (local !== undefined && local >= row.version) continue
      if (queued.get(row.key)) continue
      store.run(row.key, row.value, row.updated_at, row.updated_by, row.version)
      taken[row.key] = row.version
    }
    if (Object.keys(taken).length > 0) {
      appendAudit(db, deviceId, at, {
        operatorId: null,
        action: 'station.settings.pull',
        entity: 'settings',
        detail: { versions: taken }
      })
    }
  })()
  return Object.keys(taken)
}
