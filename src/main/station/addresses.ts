/**
 * The station's address table on the server (issue #15). The station's own rows (origin
 * `station`: added, edited or imported at a window) are shared, and so are a clerk's changes and
 * removals of the shipped administrative changes (`seed`: the same ids on every PC,
 * address/shipped-ids.ts); the sample rows stay on each PC.
 *
 * - A new or changed row is queued by triggers (drizzle/0031) and stored on the server only over
 *   the version this PC's copy is based on. When another PC changed or removed it first with
 *   different values, the change is refused: the conflict is listed, and the download of the same
 *   round brings this PC the server's row (or its removal).
 * - A removal goes up with the version it removed (address_removals); the server removes the row
 *   only at that version. A row changed elsewhere meanwhile stays, and comes back here.
 * - Other PCs' rows and removals are taken by the download (downloader.ts) through the address
 *   service, which keeps its search index and vocabulary with them (`StationAddresses`).
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import { mendDownloadedRow, toSqlite } from './downloader'
import { conflictRecorder, queuedCheck, whilePulling } from './outbox'

/** A row's fields a clerk changes (and the derived index columns that go with them). */
export const ADDRESS_FIELDS = [
  'level',
  'old_text',
  'new_text',
  'old_key',
  'new_key',
  'old_road',
  'old_no',
  'new_road',
  'new_no',
  'effective',
  'source',
  'note'
] as const

/** What a conflict shows the clerk of each side. */
const SHOWN_FIELDS = ['old_text', 'new_text', 'effective', 'source', 'note'] as const

type Row = Record<string, unknown>

const fieldsOf = (row: Row): Row =>
  Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, row[field] ?? null]))

const shown = (row: Row | null): Row =>
  row
    ? Object.fromEntries(SHOWN_FIELDS.map((field) => [field, row[field] ?? null]))
    : { old_text: '（已在另一台电脑上删除）' }

const sameFields = (a: Row, b: Row) => ADDRESS_FIELDS.every((field) => a[field] === b[field])

export type AddressPush =
  | { id: string; kind: 'stored'; version: number }
  | {
      id: string
      kind: 'refused'
      base: number
      sent: Row
      server: Row | null
      serverVersion: number
      /** The server's whole row, which this PC takes in its place (null: removed there). */
      serverRow: Row | null
    }

const INSERT_COLUMNS = ['id', 'num', 'origin', ...ADDRESS_FIELDS, 'created_at', 'updated_at']

/** Inserts rows the server does not hold yet, at version 1, in one statement; returns their ids. */
async function insertNew(server: pg.ClientBase, rows: Row[]): Promise<Set<string>> {
  const width = INSERT_COLUMNS.length + 1
  const values = rows.map((_, r) => {
    const at = (i: number) => `$${r * width + i + 1}`
    return `(${INSERT_COLUMNS.map((_, i) => at(i)).join(', ')},
             (SELECT id FROM operators WHERE id = ${at(INSERT_COLUMNS.length)}), 1)`
  })
  const result = await server.query<{ id: string }>(
    `INSERT INTO address_changes (${INSERT_COLUMNS.join(', ')}, updated_by, version)
     VALUES ${values.join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    rows.flatMap((row) => [
      ...INSERT_COLUMNS.map((column) => row[column] ?? null),
      row.updated_by ?? null
    ])
  )
  return new Set(result.rows.map((row) => row.id))
}

/**
 * Stores this PC's row over its base version, inside the caller's server transaction: a row new to
 * the server at version 1, a change over the version it was made on; the same values as the
 * server's are taken as they are.
 */
export async function pushAddress(server: pg.ClientBase, row: Row): Promise<AddressPush> {
  const id = String(row.id)
  const base = Number(row.version)
  const sent = fieldsOf(row)
  const removed = await server.query('SELECT 1 FROM address_removals WHERE id = $1', [id])
  if (removed.rowCount) {
    return { id, kind: 'refused', base, sent, server: null, serverVersion: 0, serverRow: null }
  }
  if ((await insertNew(server, [row])).has(id)) return { id, kind: 'stored', version: 1 }
  const { rows } = await server.query<Row>(
    'SELECT * FROM address_changes WHERE id = $1 FOR UPDATE',
    [id]
  )
  const current = rows[0]!
  const version = Number(current.version)
  if (sameFields(fieldsOf(current), sent)) return { id, kind: 'stored', version }
  if (version !== base) {
    return {
      id,
      kind: 'refused',
      base,
      sent,
      server: fieldsOf(current),
      serverVersion: version,
      serverRow: current
    }
  }
  const updated = await server.query<{ version: number }>(
    `UPDATE address_changes
        SET ${ADDRESS_FIELDS.map((field, i) => `${field} = $${i + 2}`).join(', ')},
            updated_at = $${ADDRESS_FIELDS.length + 2},
            updated_by = (SELECT id FROM operators WHERE id = $${ADDRESS_FIELDS.length + 3}),
            version = version + 1
      WHERE id = $1 RETURNING version`,
    [id, ...ADDRESS_FIELDS.map((field) => sent[field]), row.updated_at, row.updated_by ?? null]
  )
  return { id, kind: 'stored', version: updated.rows[0]!.version }
}

/** Rows of one multi-row insert: 17 parameters each, well under PostgreSQL's 65,535. */
const NEW_ROWS_PER_INSERT = 500

/**
 * Rows new to the server (version 0 here), stored in a few statements instead of one round trip
 * each: an import of a district's table at a linked PC. A row the server already holds (a replay
 * after a restored server) or has removed goes through `pushAddress`, so the outcome is the same.
 * Returns one push per row, in order.
 */
export async function pushNewAddresses(server: pg.ClientBase, rows: Row[]): Promise<AddressPush[]> {
  const inserted = new Set<string>()
  for (let start = 0; start < rows.length; start += NEW_ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + NEW_ROWS_PER_INSERT)
    const ids = chunk.map((row) => String(row.id))
    const removed = await server.query<{ id: string }>(
      'SELECT id FROM address_removals WHERE id = ANY($1::text[])',
      [ids]
    )
    const gone = new Set(removed.rows.map((row) => row.id))
    const fresh = chunk.filter((row) => !gone.has(String(row.id)))
    if (fresh.length === 0) continue
    for (const id of await insertNew(server, fresh)) inserted.add(id)
  }
  const pushes: AddressPush[] = []
  for (const row of rows) {
    const id = String(row.id)
    pushes.push(
      inserted.has(id) ? { id, kind: 'stored', version: 1 } : await pushAddress(server, row)
    )
  }
  return pushes
}

export type RemovalPush =
  | { id: string; kind: 'removed' }
  | {
      id: string
      kind: 'refused'
      base: number
      removed: Row
      server: Row
      serverVersion: number
      serverRow: Row
    }

/**
 * Removes a row on the server at the version this PC removed, inside the caller's server
 * transaction, and keeps the removal for the other PCs. A row another PC changed since stays.
 */
export async function pushAddressRemoval(
  server: pg.ClientBase,
  removal: Row
): Promise<RemovalPush> {
  const id = String(removal.id)
  const base = Number(removal.version)
  const { rows } = await server.query<Row>(
    'SELECT * FROM address_changes WHERE id = $1 FOR UPDATE',
    [id]
  )
  const current = rows[0]
  if (current && Number(current.version) !== base) {
    return {
      id,
      kind: 'refused',
      base,
      removed: removal,
      server: fieldsOf(current),
      serverVersion: Number(current.version),
      serverRow: current
    }
  }
  if (current) await server.query('DELETE FROM address_changes WHERE id = $1', [id])
  await server.query(
    `INSERT INTO address_removals (id, version, old_text, new_text, removed_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
    [id, base, removal.old_text, removal.new_text, removal.removed_at]
  )
  return { id, kind: 'removed' }
}

/**
 * Notes on this PC what the server did (in the caller's SQLite transaction, after the server
 * committed): the version of each stored row; each refusal as a conflict with an audit row, and
 * the server's row (or its removal) taken here unless this PC changed the row again meanwhile,
 * whose own upload then decides. (The download cannot bring it: it passed over the server's row
 * while this PC's change was queued.)
 */
export function noteAddressPushes(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  pushes: { seq: number; push: AddressPush | RemovalPush }[],
  at: string,
  addresses: StationAddresses
): void {
  const queued = queuedCheck(sqlite)
  const setVersion = sqlite.prepare('UPDATE address_changes SET version = ? WHERE id = ?')
  const recordConflict = conflictRecorder(sqlite)
  for (const { seq, push } of pushes) {
    if (push.kind === 'stored') {
      setVersion.run(push.version, push.id)
      continue
    }
    if (push.kind === 'removed') continue
    const removal = 'removed' in push
    const conflictId = recordConflict({
      seq,
      table: 'address_changes',
      pk: push.id,
      local: removal
        ? { old_text: `（本机删除了：${String(push.removed.old_text)}）` }
        : shown(push.sent),
      server: shown(push.server),
      at
    })
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: removal
        ? 'station.address_changes.removal_refused'
        : 'station.address_changes.refused',
      entity: 'address_change',
      entityId: push.id,
      detail: { conflictId, localVersion: push.base, serverVersion: push.serverVersion }
    })
    // Taken as a download is: not queued to go back up.
    const serverRow = push.serverRow
    whilePulling(sqlite, () => {
      if (serverRow) {
        // Checked as a download is (no control characters, no oversized text).
        addresses.take([mendDownloadedRow(sqliteRow(serverRow)).row], queued)
      } else {
        addresses.remove([push.id], queued)
      }
    })
  }
}

/** A row from PostgreSQL as SQLite stores it. */
const sqliteRow = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([name, value]) => [name, toSqlite(value)]))

/** The address service's side of a download: rows and removals taken into its table and index. */
export interface StationAddresses {
  /**
   * Stores the server's rows (new here, or newer than this PC's copy) in the caller's transaction,
   * skipping those with a change of this PC's still queued. Returns how many were stored.
   */
  take(rows: Row[], queued: (table: string, pk: string) => boolean): number
  /** Removes rows another PC removed, unless this PC's change of one is still queued. */
  remove(ids: string[], queued: (table: string, pk: string) => boolean): number
  /** After the transaction: the vocabulary learns the new road names if it committed. */
  commit(committed: boolean): void
}
