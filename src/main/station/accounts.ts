/**
 * Operators' accounts across the station (issue #15): an account made on one PC is uploaded and
 * taken by the others (downloader.ts), so its operator signs in at any window. Later changes of
 * its shared fields (name, role, password, must-change flag, active) are queued by a trigger
 * (drizzle/0028) with the server version they were made on, and stored there only over that
 * version. When another PC changed the account first with different values, the change is refused:
 * this PC takes the server's account and lists the conflict (the administrator makes the change
 * again if it still stands). Password hashes never appear in a conflict. Sign-in counters and
 * lockouts stay on each PC.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import { conflictRecorder } from './outbox'

/** The account's fields shared by the station, as the tables name them. */
export const ACCOUNT_FIELDS = [
  'display_name',
  'role',
  'password_hash',
  'password_change_required',
  'active'
] as const

const BOOLEAN_FIELDS = new Set(['password_change_required', 'active'])

type Row = Record<string, unknown>

/** One account's shared fields, booleans as booleans (PostgreSQL's form). */
const accountOf = (row: Row): Row =>
  Object.fromEntries(
    ACCOUNT_FIELDS.map((field) => [
      field,
      BOOLEAN_FIELDS.has(field) ? Boolean(row[field]) : (row[field] ?? null)
    ])
  )

const sameAccount = (a: Row, b: Row) => ACCOUNT_FIELDS.every((field) => a[field] === b[field])

/** SQLite's form of an account's fields. */
const sqliteValues = (account: Row) =>
  ACCOUNT_FIELDS.map((field) =>
    BOOLEAN_FIELDS.has(field) ? (account[field] ? 1 : 0) : account[field]
  )

export type AccountPush =
  | { id: string; kind: 'stored'; version: number }
  | { id: string; kind: 'refused'; base: number; sent: Row; server: Row; serverVersion: number }

/** Stores this PC's account change over its base version, inside the caller's server transaction. */
export async function pushAccount(
  server: pg.ClientBase,
  row: Row,
  at: string
): Promise<AccountPush> {
  const id = String(row.id)
  const base = Number(row.version)
  const sent = accountOf(row)
  const updated = await server.query<{ version: number }>(
    `UPDATE operators SET ${ACCOUNT_FIELDS.map((field, i) => `${field} = $${i + 2}`).join(', ')},
            updated_at = $${ACCOUNT_FIELDS.length + 2}, version = version + 1
      WHERE id = $1 AND version = $${ACCOUNT_FIELDS.length + 3} RETURNING version`,
    [id, ...ACCOUNT_FIELDS.map((field) => sent[field]), at, base]
  )
  if (updated.rows[0]) return { id, kind: 'stored', version: updated.rows[0].version }
  const { rows } = await server.query<Row>(
    `SELECT ${ACCOUNT_FIELDS.join(', ')}, version FROM operators WHERE id = $1 FOR UPDATE`,
    [id]
  )
  const current = rows[0]
  if (!current) throw new Error(`operator ${id} is not on the station server`)
  const version = Number(current.version)
  if (sameAccount(accountOf(current), sent)) return { id, kind: 'stored', version }
  return { id, kind: 'refused', base, sent, server: accountOf(current), serverVersion: version }
}

/** A conflict's side as the administrator sees it: no password hash, only whether it differs. */
const shown = (account: Row, other: Row, side: 'local' | 'server'): Row => {
  const { password_hash: hash, ...rest } = account
  return hash === other.password_hash
    ? rest
    : { ...rest, password: side === 'local' ? '本机设定的新密码' : '服务器上的密码' }
}

/**
 * Notes on this PC what the server did (in the caller's SQLite transaction, after the server
 * committed): the new version of a stored account; for a refused one, the conflict, and the
 * server's account unless the administrator changed it here again meanwhile.
 */
export function noteAccountPushes(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  pushes: { seq: number; push: AccountPush }[],
  at: string
): void {
  const setVersion = sqlite.prepare('UPDATE operators SET version = ? WHERE id = ?')
  const takeServer = sqlite.prepare(
    `UPDATE operators SET ${ACCOUNT_FIELDS.map((field) => `${field} = ?`).join(', ')},
            version = ?, updated_at = ?
      WHERE id = ? AND ${ACCOUNT_FIELDS.map((field) => `${field} IS ?`).join(' AND ')}`
  )
  const recordConflict = conflictRecorder(sqlite)
  for (const { seq, push } of pushes) {
    if (push.kind === 'stored') {
      setVersion.run(push.version, push.id)
      continue
    }
    const conflictId = recordConflict({
      seq,
      table: 'operators',
      pk: push.id,
      local: shown(push.sent, push.server, 'local'),
      server: shown(push.server, push.sent, 'server'),
      at
    })
    takeServer.run(
      ...sqliteValues(push.server),
      push.serverVersion,
      at,
      push.id,
      ...sqliteValues(push.sent)
    )
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: 'station.operators.refused',
      entity: 'operators',
      entityId: push.id,
      detail: { conflictId, localVersion: push.base, serverVersion: push.serverVersion }
    })
  }
}

/**
 * Takes another PC's newer account (inside the download's transaction), unless a change of this
 * PC's to it is still queued (its upload decides). Returns whether it was taken.
 */
export function takeAccount(
  sqlite: Database.Database,
  serverRow: Row,
  queued: (table: string, pk: string) => boolean
): boolean {
  const id = String(serverRow.id)
  const local = sqlite.prepare('SELECT version FROM operators WHERE id = ?').pluck().get(id) as
    number | undefined
  const version = Number(serverRow.version)
  if (local === undefined || local >= version || queued('operators', id)) return false
  sqlite
    .prepare(
      `UPDATE operators SET ${ACCOUNT_FIELDS.map((field) => `${field} = ?`).join(', ')},
              version = ?, updated_at = ? WHERE id = ?`
    )
    .run(...sqliteValues(accountOf(serverRow)), version, serverRow.updated_at, id)
  return true
}
