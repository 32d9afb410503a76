/**
 * Moving this PC's registers up to the station server and keeping them up (issue #15, stage 5).
 *
 * Linking (`linkStation`) queues every existing row of the shared tables once, in an order the
 * server's foreign keys accept; from then on triggers (drizzle/0023) queue each new row and each
 * allowed change in the same transaction as the change. `uploadOutbox` sends the queue in seq
 * order, one PostgreSQL transaction per batch: rows by `INSERT … ON CONFLICT (key) DO NOTHING`
 * (append-only rows keyed by UUID; only two PCs' amendments of one entry clash, see
 * insertEntries), allowed changes (superseded_by, sign-off, audit
 * mac) only where the server has none yet, and the device's cursor in station_devices advanced in
 * the same transaction. A PC killed at any point resumes after what committed: nothing is lost and
 * nothing arrives twice. Confirmed entries stay queued-but-acknowledged for 30 days, so a server
 * that lost commits or was restored from a backup is sent them again. A change the server
 * already holds differently is kept as a conflict (station_conflicts), never overwritten.
 *
 * Station-wide settings and photo specs go up over the version they were made on (versioned.ts):
 * a change another PC made first is refused for that record and kept as a conflict.
 *
 * Photo records go up with the PC that holds the file (device_id); the JPEGs stay on the PC.
 *
 * An operator whose user name another PC took first goes up as `name@device` (a conflict to
 * acknowledge): user names cannot change on a PC, and each PC set up its own administrator.
 * Later changes of an account go up over their base version (accounts.ts).
 *
 * Every row goes up recoded from this PC's key to the station key (transcode.ts): sealed numbers,
 * blind-index tokens and audit macs are the station's on the server.
 *
 * The service guide goes up as one station-wide setting, `guide.tree` (guide-document.ts).
 *
 * The station's own address rows go up over their versions, removals with the version they
 * removed (addresses.ts).
 */
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type pg from 'pg'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/client'
import {
  notePushed,
  pushVersioned,
  SHARED_SETTING_KEYS,
  versionedTable,
  type VersionedPush
} from './versioned'
import { conflictRecorder, FEED_TABLES, outboxCount, REGISTER_TABLES, whilePulling } from './outbox'
import { noteAccountPushes, pushAccount, type AccountPush } from './accounts'
import { noteCommitteePushes, pushCommittee, type CommitteePush } from './committees'
import {
  noteAddressPushes,
  pushAddress,
  pushAddressRemoval,
  pushNewAddresses,
  type AddressPush,
  type RemovalPush,
  type StationAddresses
} from './addresses'
import type { RowTranscoder } from './transcode'
import { quoteIdent as quote, serverTables } from './server-tables'

export { outboxCount }

interface SharedTable {
  name: string
  key: string[]
  /** Columns a later change may set (once) on the server. */
  settable?: string[]
  /** Backfill order within the table. */
  order: string
  /** Only these rows are shared (SQL condition). */
  where?: string
  /** Mutable rows uploaded over the server version they were made on (queued as 'update'). */
  versioned?: boolean
}

const ENTRY_SETTABLE = ['superseded_by', 'signed_by', 'signed_at']

/** The uploaded tables, in the order a backfill queues them (referenced tables first). */
export const SHARED_TABLES: SharedTable[] = [
  { name: 'operators', key: ['id'], order: 'created_at, rowid' },
  {
    name: 'settings',
    key: ['key'],
    order: 'rowid',
    where: `key IN (${SHARED_SETTING_KEYS.map((key) => `'${key}'`).join(', ')})`,
    versioned: true
  },
  { name: 'photo_specs', key: ['id'], order: 'sort_order, rowid', versioned: true },
  // The station's own address rows over their versions, and their removals (addresses.ts).
  {
    name: 'address_changes',
    key: ['id'],
    order: 'num',
    // The shipped rows are seeded on every PC: only those a clerk changed go up.
    where: "(origin = 'station' OR (origin = 'seed' AND updated_by IS NOT NULL))",
    versioned: true
  },
  { name: 'address_removals', key: ['id'], order: 'removed_at, rowid' },
  { name: 'logbook_committees', key: ['id'], order: 'rowid' },
  ...REGISTER_TABLES.map((name) => ({
    name,
    key: ['id'],
    settable: ENTRY_SETTABLE,
    order: 'created_at, rowid'
  })),
  { name: 'staff_attendance', key: ['id'], order: 'at, rowid' },
  { name: 'staff_followups', key: ['id'], order: 'created_at, rowid' },
  // The record only: the JPEG stays in the data folder of the PC named by device_id.
  { name: 'photos', key: ['id'], settable: ['removed_at', 'removed_by'], order: 'taken_at, rowid' },
  { name: 'audit_log', key: ['id'], settable: ['mac'], order: 'seq' }
]

const byName = new Map(SHARED_TABLES.map((table) => [table.name, table]))

/**
 * Entries' blind-index tokens on the server, computed under the station key as each entry goes up
 * (transcode.ts); this PC's own token rows, queued by drizzle/0023's triggers, are skipped.
 */
const BLIND_INDEX: SharedTable = {
  name: 'logbook_blind_index',
  key: ['token', 'book', 'entry_id'],
  order: 'rowid'
}

/** The outbox's `pk` for a row: the id, or a JSON array of a composite key. */
const keyExpression = (table: SharedTable, prefix = '') =>
  table.key.length === 1
    ? `${prefix}${table.key[0]}`
    : `json_array(${table.key.map((column) => `${prefix}${column}`).join(', ')})`

/** Server columns per table, and which of them are boolean (SQLite stores 0/1). */
const serverColumns = new Map<string, { names: string[]; booleans: Set<string> }>()
for (const value of serverTables()) {
  const columns = Object.values(getTableColumns(value))
  serverColumns.set(getTableName(value), {
    names: columns.map((column) => column.name),
    booleans: new Set(
      columns.filter((column) => column.columnType === 'PgBoolean').map((column) => column.name)
    )
  })
}

export interface LinkResult {
  /** False when this PC was linked before (nothing queued again). */
  linked: boolean
  queued: number
}

/**
 * Links this PC to the station (once): queues every existing shared row for upload. Run it in
 * the caller's SQLite transaction together with its audit row.
 */
export function linkStation(sqlite: Database.Database, deviceId: string, at: string): LinkResult {
  if (sqlite.prepare('SELECT 1 FROM station_link').get()) return { linked: false, queued: 0 }
  const before = outboxCount(sqlite)
  sqlite
    .prepare('INSERT INTO station_link (id, device_id, linked_at) VALUES (1, ?, ?)')
    .run(deviceId, at)
  requeueAll(sqlite)
  return { linked: true, queued: outboxCount(sqlite) - before }
}

export const isLinked = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT 1 FROM station_link').get() !== undefined

/** Confirmed entries are kept this long, to send again to a server that lost them. */
const KEEP_CONFIRMED_MS = 30 * 86_400_000

const ackedSeq = (sqlite: Database.Database): number =>
  (sqlite.prepare('SELECT acked_seq FROM station_link').pluck().get() as number | undefined) ?? 0

/** Queues every shared row again (a server without this PC's older rows); duplicates are skipped there. */
function requeueAll(sqlite: Database.Database): void {
  for (const table of SHARED_TABLES) {
    sqlite
      .prepare(
        `INSERT INTO station_outbox (tbl, pk, op)
         SELECT '${table.name}', ${keyExpression(table)}, '${table.versioned ? 'update' : 'insert'}'
         FROM ${table.name} ${table.where ? `WHERE ${table.where}` : ''}
         ORDER BY ${table.order}`
      )
      .run()
  }
  // A committee renamed or closed here before linking goes up as a change too (a shipped one's
  // insert is skipped on the server, which has it; committees.ts). drizzle/0034 did the same for
  // PCs already linked.
  sqlite
    .prepare(
      `INSERT INTO station_outbox (tbl, pk, op)
       SELECT 'logbook_committees', id, 'update' FROM logbook_committees
        WHERE version = 0 AND id IN (
          SELECT entity_id FROM audit_log WHERE action = 'logbook.committee.update')
        ORDER BY rowid`
    )
    .run()
}

interface OutboxEntry {
  seq: number
  tbl: string
  pk: string
  op: 'insert' | 'update'
  /** SQLite's clock when queued (part of the entry's identity at the server's cursor). */
  queued_at: string
}

type Row = Record<string, unknown>

export interface UploadConflict {
  seq: number
  table: string
  key: string
  local: Row
  server: Row | null
}

export interface UploadResult {
  uploaded: number
  batches: number
  remaining: number
  conflicts: UploadConflict[]
  /** Station-wide settings and photo specs another PC had changed first (kept as conflicts). */
  refused: { table: string; key: string }[]
  /** Records both PCs changed in different parts: merged here and queued again (the guide). */
  merged: { table: string; key: string }[]
  /** This PC's amendments of entries another PC had amended first (insertEntries). */
  rebased: RebasedAmendment[]
}

export interface UploadOptions {
  sqlite: Database.Database
  /** The same connection through drizzle, for audit rows of what the server refused. */
  db: Db
  /** A connected client as the station's app role. */
  server: pg.Client
  /** This PC's key to the station key (transcode.ts). */
  transcoder: RowTranscoder
  deviceId: string
  /** This PC's name for the others (a photo's file is on it); unchanged on the server when absent. */
  pcName?: string
  now: () => Date
  batchSize?: number
  /** The address service's side: takes the server's row in place of a refused change. */
  addresses: StationAddresses
  /** Called after each batch committed on both sides (progress; tests pause here). */
  afterBatch?: (progress: { uploaded: number; remaining: number }) => void | Promise<void>
}

function readRow(sqlite: Database.Database, table: SharedTable, pk: string): Row | undefined {
  const values = table.key.length === 1 ? [pk] : (JSON.parse(pk) as unknown[])
  const where = table.key.map((column) => `${column} = ?`).join(' AND ')
  return sqlite.prepare(`SELECT * FROM ${table.name} WHERE ${where}`).get(...values) as
    Row | undefined
}

/** One multi-row INSERT … ON CONFLICT (key) DO NOTHING for rows of one table. */
async function insertRows(server: pg.Client, table: SharedTable, rows: Row[]): Promise<void> {
  const columns = serverColumns.get(table.name)
  if (!columns) throw new Error(`${table.name} is not a server table`)
  const names = columns.names.filter((name) => name in rows[0])
  const params: unknown[] = []
  const tuples = rows.map((row) => {
    const placeholders = names.map((name) => {
      const value = row[name]
      params.push(columns.booleans.has(name) && value !== null ? Boolean(value) : value)
      return `$${params.length}`
    })
    return `(${placeholders.join(', ')})`
  })
  try {
    await server.query(
      `INSERT INTO ${quote(table.name)} (${names.map(quote).join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${table.key.map(quote).join(', ')}) DO NOTHING`,
      params
    )
  } catch (error) {
    const { code, constraint, detail } = error as {
      code?: string
      constraint?: string
      detail?: string
    }
    const value = /=\((.*)\) already exists/.exec(detail ?? '')?.[1] ?? ''
    if (code === '23505' && constraint === 'logbook_committees_name_unique') {
      throw new AppError(
        'CONFLICT',
        `本所服务器上已有另一台电脑添加的同名居委会“${value}”：请在本机的居委会列表里给它改名，然后再上传（本机登记仍在待上传队列中）`
      )
    }
    throw error
  }
}

const feedTables = new Set(FEED_TABLES)
/** pg_advisory_xact_lock key of the feed: appends take turns until their commit. */
const FEED_LOCK = 0x6269_6664

/**
 * Lists a batch's rows in the server's feed for the other PCs (drizzle-pg/0010), last in the
 * batch's transaction: the lock is held until the commit, so feed order is commit order.
 */
async function appendFeed(
  server: pg.Client,
  deviceId: string,
  feed: { tbl: string; pk: string; op: string }[]
): Promise<void> {
  if (feed.length === 0) return
  await server.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK])
  for (let i = 0; i < feed.length; i += 1000) {
    const part = feed.slice(i, i + 1000)
    await server.query(
      `INSERT INTO station_feed (device_id, tbl, pk, op)
       SELECT $1, tbl, pk, op
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS f(tbl, pk, op, n)
        ORDER BY n`,
      [deviceId, part.map((f) => f.tbl), part.map((f) => f.pk), part.map((f) => f.op)]
    )
  }
}

/** A user name on the server for this PC's operator whose name another PC took first. */
export const deviceUsername = (username: string, deviceId: string) =>
  `${username}@${deviceId.slice(0, 8)}`

/**
 * This PC's operators, one at a time: an operator whose user name another PC's operator already
 * has on the server goes up as `name@device` (user names cannot be changed on a PC, and each PC set
 * up its own `admin`), recorded as a conflict for the administrator; nothing else differs.
 */
async function insertOperators(
  server: pg.Client,
  table: SharedTable,
  rows: Row[],
  deviceId: string
): Promise<UploadConflict[]> {
  const renamed: UploadConflict[] = []
  for (const row of rows) {
    await server.query('SAVEPOINT operator')
    try {
      await insertRows(server, table, [row])
      await server.query('RELEASE SAVEPOINT operator')
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string }
      if (code !== '23505' || constraint !== 'operators_username_unique') throw error
      await server.query('ROLLBACK TO SAVEPOINT operator')
      const username = deviceUsername(String(row.username), deviceId)
      await insertRows(server, table, [{ ...row, username }])
      await server.query('RELEASE SAVEPOINT operator')
      renamed.push({
        seq: 0,
        table: table.name,
        key: String(row.id),
        local: { username: row.username },
        server: { username }
      })
    }
  }
  return renamed
}

const registerTables = new Set<string>(REGISTER_TABLES)

/** An amendment of an entry another PC amended first: placed after the server's current version. */
export interface RebasedAmendment {
  table: string
  id: string
  /** Its version on the server (this PC keeps its own number). */
  version: number
  /** The server's current version it now follows (another PC's amendment). */
  follows: string
}

/**
 * A register's rows. Two PCs that amend one entry before either uploads both write version n+1;
 * the one uploaded second does not fit (`*_root_version_unique`). It is kept, not refused: it goes
 * up as the version after the server's current one and supersedes it, so the server and the other
 * PCs keep both corrections in the history and show the later upload as current. This PC's
 * pointer from the old version to its own amendment then differs from the server's and is listed
 * as a conflict (see `applyChange`).
 */
async function insertEntries(
  server: pg.Client,
  table: SharedTable,
  rows: Row[]
): Promise<RebasedAmendment[]> {
  await server.query('SAVEPOINT entries')
  try {
    await insertRows(server, table, rows)
    await server.query('RELEASE SAVEPOINT entries')
    return []
  } catch (error) {
    if (!isVersionClash(error, table)) throw error
    await server.query('ROLLBACK TO SAVEPOINT entries')
  }
  const rebased: RebasedAmendment[] = []
  for (const row of rows) {
    await server.query('SAVEPOINT entries')
    try {
      await insertRows(server, table, [row])
      await server.query('RELEASE SAVEPOINT entries')
      continue
    } catch (error) {
      if (!isVersionClash(error, table)) throw error
      await server.query('ROLLBACK TO SAVEPOINT entries')
    }
    const name = quote(table.name)
    const { rows: current } = await server.query<{ id: string; version: number }>(
      `SELECT id, version FROM ${name} WHERE root_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      [row.root_id]
    )
    const top = current[0]!
    const version = Number(top.version) + 1
    await insertRows(server, table, [{ ...row, version }])
    await server.query(
      `UPDATE ${name} SET superseded_by = $2 WHERE id = $1 AND superseded_by IS NULL`,
      [top.id, row.id]
    )
    await server.query('RELEASE SAVEPOINT entries')
    rebased.push({ table: table.name, id: String(row.id), version, follows: top.id })
  }
  return rebased
}

/**
 * What the server did with an insert of a killed run, which a replay does not send again: an
 * operator stored as `name@device` (insertOperators), an amendment re-numbered after another PC's
 * (insertEntries). Read from the server's row; nothing for any other row.
 */
async function learnInserted(
  server: pg.Client,
  table: SharedTable,
  row: Row
): Promise<{ renamed?: Omit<UploadConflict, 'seq'>; rebased?: RebasedAmendment } | null> {
  if (table.name === 'operators') {
    const { rows } = await server.query<{ username: string }>(
      'SELECT username FROM operators WHERE id = $1',
      [row.id]
    )
    const username = rows[0]?.username
    if (username === undefined || username === row.username) return null
    const key = String(row.id)
    return {
      renamed: { table: table.name, key, local: { username: row.username }, server: { username } }
    }
  }
  if (!registerTables.has(table.name)) return null
  const name = quote(table.name)
  const { rows } = await server.query<{ version: number }>(
    `SELECT version FROM ${name} WHERE id = $1`,
    [row.id]
  )
  const version = rows[0] === undefined ? undefined : Number(rows[0].version)
  if (version === undefined || version === Number(row.version)) return null
  const { rows: followed } = await server.query<{ id: string }>(
    `SELECT id FROM ${name} WHERE root_id = $1 AND version = $2`,
    [row.root_id, version - 1]
  )
  if (!followed[0]) return null
  return { rebased: { table: table.name, id: String(row.id), version, follows: followed[0].id } }
}

/**
 * Notes re-numbered amendments here (in the caller's SQLite transaction): the version each now
 * follows on the server points to it here too, when this PC has that version without a newer
 * one (another PC's amendment taken before this one went up), so one version stays current.
 * Returns those that followed another PC's amendment; one that followed this PC's own previous
 * version (its numbers here lag the server's after an earlier re-numbering) is no news.
 */
function noteRebased(sqlite: Database.Database, rebased: RebasedAmendment[]): RebasedAmendment[] {
  if (rebased.length === 0) return []
  const reported: RebasedAmendment[] = []
  whilePulling(sqlite, () => {
    for (const amendment of rebased) {
      const table = quote(amendment.table)
      const follows = sqlite
        .prepare(`SELECT superseded_by FROM ${table} WHERE id = ?`)
        .pluck()
        .get(amendment.follows) as string | null | undefined
      if (follows === amendment.id) continue
      if (follows === null) {
        sqlite
          .prepare(`UPDATE ${table} SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL`)
          .run(amendment.id, amendment.follows)
      }
      reported.push(amendment)
    }
  })
  return reported
}

const isVersionClash = (error: unknown, table: SharedTable) => {
  const { code, constraint } = error as { code?: string; constraint?: string }
  return code === '23505' && constraint === `${table.name}_root_version_unique`
}

/** A "who" column set together with its "when" column: only while the "when" is unset. */
const SET_WITH: Record<string, string> = { signed_by: 'signed_at', removed_by: 'removed_at' }

/** Sets what the server does not have yet; returns the server's values after. */
async function applyChange(server: pg.Client, table: SharedTable, row: Row): Promise<Row | null> {
  const settable = table.settable ?? []
  const sets = settable.map((column, i) => {
    const when = SET_WITH[column]
    return when
      ? `${quote(column)} = CASE WHEN ${quote(when)} IS NULL THEN $${i + 2} ELSE ${quote(column)} END`
      : `${quote(column)} = COALESCE(${quote(column)}, $${i + 2})`
  })
  const values = [row.id, ...settable.map((column) => row[column] ?? null)]
  // The guards refuse any UPDATE of an audit row whose mac is set, even a no-op.
  const onlyUnset = table.name === 'audit_log' ? ' AND mac IS NULL' : ''
  const updated = await server.query(
    `UPDATE ${quote(table.name)} SET ${sets.join(', ')} WHERE id = $1${onlyUnset}
     RETURNING ${settable.map(quote).join(', ')}`,
    values
  )
  if (updated.rows[0]) return updated.rows[0] as Row
  const current = await server.query(
    `SELECT ${settable.map(quote).join(', ')} FROM ${quote(table.name)} WHERE id = $1`,
    [row.id]
  )
  return (current.rows[0] as Row | undefined) ?? null
}

/** An outbox entry as the server keeps the one at a PC's cursor (drizzle-pg/0018). */
const outboxIdentity = (entry: { tbl: string; pk: string; op: string; queued_at: string }) =>
  JSON.stringify([entry.tbl, entry.pk, entry.op, entry.queued_at])

/**
 * The server counts more of this PC's outbox than this PC has noted. After a kill between the
 * server's commit and this PC's note, the entry at the server's cursor is in this PC's outbox.
 * When it is not, this database is an older copy (a restored backup, or another PC's disk): its
 * new entries reuse numbers the server has counted and would be passed over, so uploading stops
 * here, with everything still queued. (A server older than drizzle-pg/0018 keeps no entry.)
 */
function refuseOlderCopy(sqlite: Database.Database, confirmed: number, entry: string | null) {
  if (entry === null) return
  const local = sqlite
    .prepare('SELECT tbl, pk, op, queued_at FROM station_outbox WHERE seq = ?')
    .get(confirmed) as { tbl: string; pk: string; op: string; queued_at: string } | undefined
  if (local && outboxIdentity(local) === entry) return
  throw new AppError(
    'CONFLICT',
    `本机数据库与本所服务器的记录不符：服务器已收到本机的第 ${confirmed} 项修改，本机却没有这一项（本机数据库可能是从备份恢复的旧副本，或复制自另一台电脑）。为免登记被跳过或重复，已暂停上传，本机的登记都保留在待上传队列中；请联系本所 IT 处理`
  )
}

/**
 * Sends the queue to the server (see the module comment). Throws on a connection or server
 * error; what committed before stays committed on both sides and the rest stays queued.
 */
export async function uploadOutbox(options: UploadOptions): Promise<UploadResult> {
  const { sqlite, db, server, deviceId, now, transcoder } = options
  const batchSize = options.batchSize ?? 500
  await server.query(
    `INSERT INTO station_devices (device_id, name) VALUES ($1, $2) ON CONFLICT (device_id)
     DO UPDATE SET name = EXCLUDED.name
     WHERE EXCLUDED.name IS NOT NULL AND station_devices.name IS DISTINCT FROM EXCLUDED.name`,
    [deviceId, options.pcName ?? null]
  )
  const cursorOf = async () => {
    const { rows } = await server.query<{ seq: string }>(
      'SELECT uploaded_seq AS seq FROM station_devices WHERE device_id = $1 FOR UPDATE',
      [deviceId]
    )
    return Number(rows[0].seq)
  }
  if (!isLinked(sqlite)) throw new Error('this PC is not linked to the station (linkStation)')
  await server.query('BEGIN')
  const confirmed = await cursorOf()
  const { rows: atCursor } = await server.query<{ entry: string | null }>(
    'SELECT uploaded_entry AS entry FROM station_devices WHERE device_id = $1',
    [deviceId]
  )
  await server.query('COMMIT')
  const acked = ackedSeq(sqlite)
  if (confirmed > acked) refuseOlderCopy(sqlite, confirmed, atCursor[0]?.entry ?? null)
  const setAcked = sqlite.prepare('UPDATE station_link SET acked_seq = ?')
  /**
   * A run killed after the server committed, before this PC noted it: the entries up to the
   * server's cursor are run again in a transaction that is rolled back, only to learn what the
   * server did (a refusal, a version, a conflict; for inserts, which are not sent again, an
   * operator's `name@device` and a re-numbered amendment: learnInserted), and noted as the killed
   * run would have.
   */
  const replayTo = confirmed > acked ? confirmed : 0
  if (confirmed < acked) {
    // The server lost recent commits (a crash with asynchronous commit, a restored backup):
    // send again from where it stands; everything again if those entries were pruned here.
    sqlite.transaction(() => {
      const oldest = sqlite.prepare('SELECT min(seq) FROM station_outbox').pluck().get() as
        number | null
      if (oldest === null || oldest > confirmed + 1) requeueAll(sqlite)
      setAcked.run(confirmed)
    })()
  }

  const result: UploadResult = {
    uploaded: 0,
    batches: 0,
    remaining: 0,
    conflicts: [],
    refused: [],
    merged: [],
    rebased: []
  }
  const nextBatch = sqlite.prepare(
    'SELECT seq, tbl, pk, op, queued_at FROM station_outbox WHERE seq > ? ORDER BY seq LIMIT ?'
  )
  const prune = sqlite.prepare('DELETE FROM station_outbox WHERE seq <= ? AND queued_at < ?')
  const recordConflict = conflictRecorder(sqlite)
  for (;;) {
    const from = ackedSeq(sqlite)
    const replaying = from < replayTo
    const batch = (nextBatch.all(from, batchSize) as OutboxEntry[]).filter(
      (entry) => !replaying || entry.seq <= replayTo
    )
    if (batch.length === 0) break
    const conflicts: UploadConflict[] = []
    const versionedPushes: { seq: number; push: VersionedPush }[] = []
    /**
     * Mutable records already sent in this batch: a record goes up as it is now, so a later entry
     * of the same record would send the same again (and be refused twice, or refused after a merge).
     */
    const sentRecords = new Set<string>()
    const accountPushes: { seq: number; push: AccountPush }[] = []
    const committeePushes: { seq: number; push: CommitteePush }[] = []
    const addressPushes: { seq: number; push: AddressPush | RemovalPush }[] = []
    const rebased: RebasedAmendment[] = []
    let last = 0
    await server.query('BEGIN')
    try {
      // The live-update notices (drizzle-pg/0007) name this PC, so it does not pull its own.
      await server.query(`SELECT set_config('bianmin.device', $1, true)`, [deviceId])
      // Another run for this device (a second window of the app) waits here, then skips.
      const cursor = await cursorOf()
      let pending: { table: SharedTable; rows: Row[]; seqs: number[] } | null = null
      let blindRows: Row[] = []
      /** The station's address rows new to the server, stored together (an import). */
      let newAddresses: { row: Row; seq: number }[] = []
      const feed: { tbl: string; pk: string; op: string }[] = []
      const flush = async () => {
        if (newAddresses.length) {
          const pushes = await pushNewAddresses(
            server,
            newAddresses.map(({ row }) => row)
          )
          pushes.forEach((push, i) => {
            addressPushes.push({ seq: newAddresses[i]!.seq, push })
            if (push.kind === 'stored')
              feed.push({ tbl: 'address_changes', pk: push.id, op: 'update' })
          })
          newAddresses = []
        }
        if (pending?.table.name === 'operators') {
          const seqs = new Map(pending.rows.map((row, i) => [String(row.id), pending!.seqs[i]!]))
          for (const clash of await insertOperators(
            server,
            pending.table,
            pending.rows,
            deviceId
          )) {
            conflicts.push({ ...clash, seq: seqs.get(clash.key)! })
          }
        } else if (pending && registerTables.has(pending.table.name)) {
          for (const amendment of await insertEntries(server, pending.table, pending.rows)) {
            rebased.push(amendment)
            // The other PCs take the new pointer of the version it follows.
            feed.push({ tbl: amendment.table, pk: amendment.follows, op: 'update' })
          }
        } else if (pending) {
          await insertRows(server, pending.table, pending.rows)
        }
        pending = null
        for (let i = 0; i < blindRows.length; i += 500) {
          await insertRows(server, BLIND_INDEX, blindRows.slice(i, i + 500))
        }
        blindRows = []
      }
      for (const entry of batch) {
        last = entry.seq
        if (entry.tbl === BLIND_INDEX.name) continue
        // Rows the server holds already; only a change's outcome is learned again.
        // (A removal of an address row is queued as an insert but has an outcome.)
        const sentAlready = entry.op === 'insert' && entry.tbl !== 'address_removals'
        if (entry.seq <= cursor && !replaying) continue
        const table = byName.get(entry.tbl)
        if (!table) throw new Error(`outbox names an unknown table: ${entry.tbl}`)
        const stored = readRow(sqlite, table, entry.pk)
        if (!stored) continue
        if (entry.seq <= cursor && sentAlready) {
          const learnt = await learnInserted(server, table, stored)
          if (learnt?.renamed) conflicts.push({ ...learnt.renamed, seq: entry.seq })
          if (learnt?.rebased) rebased.push(learnt.rebased)
          continue
        }
        const { row, blindRows: tokens } = transcoder.recode(table.name, stored)
        if (table.name === 'address_removals') {
          await flush()
          const push = await pushAddressRemoval(server, row)
          addressPushes.push({ seq: entry.seq, push })
          if (push.kind === 'removed') feed.push({ tbl: table.name, pk: entry.pk, op: 'insert' })
          continue
        }
        if (entry.op === 'insert') {
          if (pending && (pending.table !== table || pending.rows.length >= 200)) await flush()
          pending ??= { table, rows: [], seqs: [] }
          pending.rows.push(row)
          pending.seqs.push(entry.seq)
          blindRows.push(...tokens)
          if (feedTables.has(table.name)) feed.push({ tbl: table.name, pk: entry.pk, op: 'insert' })
          continue
        }
        const mutable =
          table.name === 'operators' ||
          table.name === 'logbook_committees' ||
          table.name === 'address_changes' ||
          versionedTable(table.name) !== undefined
        if (mutable) {
          if (sentRecords.has(`${table.name}:${entry.pk}`)) continue
          sentRecords.add(`${table.name}:${entry.pk}`)
        }
        if (table.name === 'address_changes' && Number(row.version) === 0) {
          if (pending) await flush()
          newAddresses.push({ row, seq: entry.seq })
          continue
        }
        await flush()
        if (table.name === 'operators') {
          const push = await pushAccount(server, row, now().toISOString())
          accountPushes.push({ seq: entry.seq, push })
          if (push.kind === 'stored') feed.push({ tbl: table.name, pk: entry.pk, op: 'update' })
          continue
        }
        if (table.name === 'logbook_committees') {
          const push = await pushCommittee(server, row, now().toISOString())
          committeePushes.push({ seq: entry.seq, push })
          if (push.kind === 'stored') feed.push({ tbl: table.name, pk: entry.pk, op: 'update' })
          continue
        }
        if (table.name === 'address_changes') {
          const push = await pushAddress(server, row)
          addressPushes.push({ seq: entry.seq, push })
          if (push.kind === 'stored') feed.push({ tbl: table.name, pk: entry.pk, op: 'update' })
          continue
        }
        const versioned = versionedTable(table.name)
        if (versioned) {
          const push = await pushVersioned(server, versioned, row, now().toISOString())
          versionedPushes.push({ seq: entry.seq, push })
          continue
        }
        const after = await applyChange(server, table, row)
        if (feedTables.has(table.name)) feed.push({ tbl: table.name, pk: entry.pk, op: 'update' })
        const differs = (table.settable ?? []).some(
          (column) => row[column] !== null && row[column] !== (after?.[column] ?? null)
        )
        if (differs) {
          conflicts.push({
            seq: entry.seq,
            table: table.name,
            key: entry.pk,
            local: row,
            server: after
          })
        }
      }
      await flush()
      if (replaying) {
        await server.query('ROLLBACK')
      } else {
        await appendFeed(server, deviceId, feed)
        const lastEntry = batch[batch.length - 1]!
        await server.query(
          `UPDATE station_devices SET uploaded_seq = $2, uploaded_at = $3,
                  uploaded_entry = CASE WHEN $2::bigint = $5::bigint THEN $4 ELSE uploaded_entry END
            WHERE device_id = $1`,
          [deviceId, Math.max(last, cursor), now().toISOString(), outboxIdentity(lastEntry), last]
        )
        await server.query('COMMIT')
      }
    } catch (error) {
      await server.query('ROLLBACK').catch(() => undefined)
      throw error
    }
    const at = now().toISOString()
    let merged: { table: string; key: string }[] = []
    let reported: RebasedAmendment[] = []
    let noted = false
    try {
      sqlite.transaction(() => {
        setAcked.run(last)
        ;({ merged } = notePushed(sqlite, db, deviceId, versionedPushes, at))
        noteAccountPushes(sqlite, db, deviceId, accountPushes, at)
        noteCommitteePushes(sqlite, db, deviceId, committeePushes, at)
        noteAddressPushes(sqlite, db, deviceId, addressPushes, at, options.addresses)
        // queued_at is SQLite's own clock (the triggers' default), so is the cutoff.
        prune.run(last, new Date(Date.now() - KEEP_CONFIRMED_MS).toISOString())
        for (const conflict of conflicts) {
          recordConflict({ ...conflict, pk: conflict.key, at })
        }
        reported = noteRebased(sqlite, rebased)
      })()
      noted = true
    } finally {
      options.addresses.commit(noted)
    }
    if (!replaying) {
      result.uploaded += batch.length
      result.batches += 1
    }
    result.rebased.push(...reported)
    result.conflicts.push(...conflicts)
    result.merged.push(...merged)
    const isMerged = (table: string, key: string) =>
      merged.some((m) => m.table === table && m.key === key)
    result.refused.push(
      ...versionedPushes.flatMap(({ push }) =>
        push.kind === 'refused' && !isMerged(push.table.name, push.key)
          ? [{ table: push.table.name, key: push.key }]
          : []
      ),
      ...accountPushes.flatMap(({ push }) =>
        push.kind === 'refused' ? [{ table: 'operators', key: push.id }] : []
      ),
      ...committeePushes.flatMap(({ push }) =>
        push.kind === 'refused' ? [{ table: 'logbook_committees', key: push.id }] : []
      ),
      ...addressPushes.flatMap(({ push }) =>
        push.kind === 'refused' ? [{ table: 'address_changes', key: push.id }] : []
      )
    )
    await options.afterBatch?.({ uploaded: result.uploaded, remaining: outboxCount(sqlite) })
  }
  result.remaining = outboxCount(sqlite)
  return result
}
