/**
 * Residents' committees across the station (issue #15): a committee added on one PC is uploaded
 * and taken by the others (downloader.ts). A later rename or (de)activation is queued by a trigger
 * (drizzle/0034) with the server version it was made on, and stored there only over that version,
 * as accounts are (accounts.ts). When another PC changed the committee first with different
 * values, or another committee on the server already has the new name, the change is refused:
 * this PC takes the server's committee and lists the conflict (the clerk renames it again if the
 * change still stands). The other PCs take a stored change from the feed.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import { conflictRecorder, whilePulling } from './outbox'

type Row = Record<string, unknown>

/** A committee's fields a clerk changes, PostgreSQL's form (active a boolean). */
interface Committee {
  name: string
  active: boolean
}

const committeeOf = (row: Row): Committee => ({
  name: String(row.name),
  active: Boolean(row.active)
})

const sameCommittee = (a: Committee, b: Committee) => a.name === b.name && a.active === b.active

export type CommitteePush =
  | { id: string; kind: 'stored'; version: number }
  | {
      id: string
      kind: 'refused'
      base: number
      sent: Committee
      server: Committee
      serverVersion: number
      /** Another committee on the server has the name sent. */
      nameTaken: boolean
    }

/**
 * Stores this PC's committee change over its base version, inside the caller's server transaction:
 * the same values as the server's are taken as they are (nothing new for the other PCs).
 */
export async function pushCommittee(
  server: pg.ClientBase,
  row: Row,
  at: string
): Promise<CommitteePush> {
  const id = String(row.id)
  const base = Number(row.version)
  const sent = committeeOf(row)
  const { rows } = await server.query<Row>(
    'SELECT name, active, version FROM logbook_committees WHERE id = $1 FOR UPDATE',
    [id]
  )
  if (!rows[0]) throw new Error(`committee ${id} is not on the station server`)
  const current = committeeOf(rows[0])
  const version = Number(rows[0].version)
  // Another PC's committee kept here as `name@PC` (its name was this PC's): that stand-in stays
  // here; a change of it here (closing it) goes up under the server's name.
  if (sent.name.startsWith(`${current.name}@`) && sent.name.length === current.name.length + 9) {
    sent.name = current.name
  }
  const refused = (nameTaken: boolean): CommitteePush => ({
    id,
    kind: 'refused',
    base,
    sent,
    server: current,
    serverVersion: version,
    nameTaken
  })
  if (sameCommittee(current, sent)) return { id, kind: 'stored', version }
  if (version !== base) return refused(false)
  await server.query('SAVEPOINT committee')
  try {
    const updated = await server.query<{ version: number }>(
      `UPDATE logbook_committees SET name = $2, active = $3, updated_at = $4, version = version + 1
        WHERE id = $1 RETURNING version`,
      [id, sent.name, sent.active, at]
    )
    await server.query('RELEASE SAVEPOINT committee')
    return { id, kind: 'stored', version: updated.rows[0]!.version }
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string }
    if (code !== '23505' || constraint !== 'logbook_committees_name_unique') throw error
    await server.query('ROLLBACK TO SAVEPOINT committee')
    return refused(true)
  }
}

/** A conflict's side as the station's conflict list shows it (居委会: 名称, 启用). */
const shown = (committee: Committee): Row => ({ name: committee.name, active: committee.active })

/**
 * Notes on this PC what the server did (in the caller's SQLite transaction, after the server
 * committed): the new version of a stored committee; for a refused one, the conflict, and the
 * server's committee unless the clerk changed it here again meanwhile (that change is queued and
 * decides) or its name is another committee's here.
 */
export function noteCommitteePushes(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  pushes: { seq: number; push: CommitteePush }[],
  at: string
): void {
  if (pushes.length === 0) return
  const setVersion = sqlite.prepare('UPDATE logbook_committees SET version = ? WHERE id = ?')
  const takeServer = sqlite.prepare(
    `UPDATE logbook_committees SET name = ?, active = ?, version = ?, updated_at = ?
      WHERE id = ? AND name = ? AND active = ?
        AND NOT EXISTS (SELECT 1 FROM logbook_committees other WHERE other.name = ? AND other.id <> ?)`
  )
  const recordConflict = conflictRecorder(sqlite)
  for (const { seq, push } of pushes) {
    if (push.kind === 'stored') {
      setVersion.run(push.version, push.id)
      continue
    }
    const conflictId = recordConflict({
      seq,
      table: 'logbook_committees',
      pk: push.id,
      local: shown(push.sent),
      server: shown(push.server),
      at
    })
    // Taken from the server (its version may equal the base when the name was taken): not queued.
    whilePulling(sqlite, () =>
      takeServer.run(
        push.server.name,
        push.server.active ? 1 : 0,
        push.serverVersion,
        at,
        push.id,
        push.sent.name,
        push.sent.active ? 1 : 0,
        push.server.name,
        push.id
      )
    )
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: 'station.logbook_committees.refused',
      entity: 'logbook.committee',
      entityId: push.id,
      detail: {
        conflictId,
        localVersion: push.base,
        serverVersion: push.serverVersion,
        ...(push.nameTaken ? { name: push.sent.name } : {})
      }
    })
  }
}

/**
 * Takes another PC's newer committee (inside the download's transaction; `values` in SQLite's
 * form), unless a change of this PC's to it is still queued (its upload decides). A name another
 * committee has here is taken as `name@PC` and listed. Returns whether it was taken.
 */
export function takeCommittee(
  sqlite: Database.Database,
  values: Row,
  queued: (table: string, pk: string) => boolean,
  renamed: (name: string) => string,
  listRename: (name: string) => void
): boolean {
  const id = String(values.id)
  const local = sqlite
    .prepare('SELECT version FROM logbook_committees WHERE id = ?')
    .pluck()
    .get(id) as number | undefined
  const version = Number(values.version)
  if (local === undefined || local >= version || queued('logbook_committees', id)) return false
  const update = sqlite.prepare(
    `UPDATE logbook_committees SET name = ?, active = ?, version = ?, updated_at = ? WHERE id = ?`
  )
  const name = String(values.name)
  const taken = sqlite
    .prepare('SELECT 1 FROM logbook_committees WHERE name = ? AND id <> ?')
    .pluck()
    .get(name, id)
  const stored = taken === undefined ? name : renamed(name)
  update.run(stored, values.active ? 1 : 0, version, values.updated_at, id)
  if (stored !== name) listRename(stored)
  return true
}
