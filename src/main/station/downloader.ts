/**
 * Taking the other PCs' registers from the station server (issue #15): each round, after its own
 * upload, a PC reads the server's feed (drizzle-pg/0010: what every other PC uploaded, in commit
 * order) from where it stopped, and stores those rows in its own database, so a window lists,
 * finds and counts the whole station's entries, sign-offs, swipes and follow-ups, offline too.
 *
 * - Rows are recoded from the station key to this PC's key (transcode.ts), with blind-index rows
 *   computed under this PC's key, so search by ID or phone number finds them.
 * - Append-only: a row is inserted once (by its UUID); a later change (amendment pointer,
 *   sign-off) is taken only where this PC has none, as the guards allow.
 * - Inside the download's transaction a flag (drizzle/0027) keeps the outbox triggers quiet:
 *   nothing taken is sent back up. The position in the feed advances in the same transaction,
 *   and one audit row records what was taken.
 * - Photo records are taken with the PC that holds their JPEG (`device_id`): listed here, the file
 *   stays on that PC; a removal made there is taken as a removal here.
 * - Another PC's operators sign in here too, and their later account changes (name, role,
 *   password, active) are taken over the version this PC holds (accounts.ts). One whose user name
 *   a local operator has is stored as `name@device`, as the upload does.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import type { Progress } from '../../shared/ipc/contract'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import { findUnsafeCharacter, stripUnsafeCharacters } from '../../shared/text-safety'
import { conflictRecorder, FEED_TABLES, queuedCheck, REGISTER_TABLES, whilePulling } from './outbox'
import { takeAccount } from './accounts'
import { takeCommittee } from './committees'
import type { StationAddresses } from './addresses'
import type { RowTranscoder } from './transcode'
import { deviceUsername } from './uploader'

type Row = Record<string, unknown>

interface FeedEntry {
  seq: string
  device_id: string
  tbl: string
  pk: string
  op: 'insert' | 'update'
}

export interface DownloadResult {
  /** Rows newly stored here, per table. */
  taken: Record<string, number>
  /** Changes (amendment pointers, sign-offs) newly taken. */
  changed: number
  /** Rows whose text had to be mended before storing (listed in station_conflicts). */
  mended: number
  /** Other PCs' amendments not stored: this PC had amended the same version (see store()). */
  skipped: number
}

/** Longer than any field the app accepts, sealed values and search text included. */
export const MAX_DOWNLOADED_TEXT = 100_000

/**
 * A row from the server checked as the app checks what a clerk types: no control characters or
 * bidi overrides, no text beyond any field's size. Another PC's checks are not relied on (the
 * server may have been written to directly). The row is stored mended, so what refers to it still
 * fits; each mended column is returned with what the server held.
 */
export function mendDownloadedRow(values: Row): { row: Row; problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  const row = { ...values }
  for (const [column, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue
    let mended = value
    const unsafe = findUnsafeCharacter(mended)
    if (unsafe) mended = stripUnsafeCharacters(mended)
    if (mended.length > MAX_DOWNLOADED_TEXT) mended = mended.slice(0, MAX_DOWNLOADED_TEXT)
    if (mended === value) continue
    row[column] = mended
    problems[column] = [
      unsafe ? `含有不可见的控制字符（${unsafe}）` : null,
      value.length > MAX_DOWNLOADED_TEXT ? `长 ${value.length} 个字符，超出上限` : null
    ]
      .filter(Boolean)
      .join('，')
  }
  return { row, problems }
}

const registerTables = new Set<string>(REGISTER_TABLES)

/** The columns this PC's table has (the server's may be a superset after an upgrade). */
const localColumns = (sqlite: Database.Database, table: string): Set<string> =>
  new Set(
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
      (column) => column.name
    )
  )

/** A value from PostgreSQL as SQLite stores it. */
export const toSqlite = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value instanceof Date ? value.toISOString() : value

export interface DownloadOptions {
  sqlite: Database.Database
  db: Db
  server: pg.ClientBase
  deviceId: string
  /** The station key to this PC's key. */
  transcoder: RowTranscoder
  /** The address service, which takes the station's address rows into its index. */
  addresses: StationAddresses
  at: string
  batchSize?: number
  /** After each batch: feed entries taken this round, of those waiting when it started. */
  onProgress?: (progress: Progress) => void
}

const feedIdentity = (device: string, tbl: string, pk: string) =>
  JSON.stringify({ device, tbl, pk })

/**
 * A server restored from a backup numbers its feed again from the backup's last seq, so the
 * entries after this PC's position could be new ones it would pass over. The entry at the
 * position is checked: absent or another one, the feed is taken again from the start (what is
 * here already is skipped by id; changes are taken only where this PC has none).
 */
async function rewindAfterRestore(
  sqlite: Database.Database,
  db: Db,
  server: pg.ClientBase,
  deviceId: string,
  at: string
): Promise<void> {
  const link = sqlite
    .prepare('SELECT pulled_seq AS seq, pulled_entry AS entry FROM station_link')
    .get() as { seq: number; entry: string | null } | undefined
  if (!link || link.seq === 0) return
  const { rows } = await server.query<{ device_id: string; tbl: string; pk: string }>(
    'SELECT device_id, tbl, pk FROM station_feed WHERE seq = $1',
    [link.seq]
  )
  const there = rows[0] ? feedIdentity(rows[0].device_id, rows[0].tbl, rows[0].pk) : null
  // A position from before pulled_entry was kept is checked only for being there.
  if (there !== null && (link.entry === null || link.entry === there)) return
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE station_link SET pulled_seq = 0, pulled_entry = NULL').run()
    appendAudit(db, deviceId, at, {
      operatorId: null,
      action: 'station.download.rewound',
      entity: 'station',
      detail: { fromSeq: link.seq }
    })
  })()
}

/** Takes what the other PCs uploaded since this PC's last download (see the module comment). */
export async function downloadFeed(options: DownloadOptions): Promise<DownloadResult> {
  const { sqlite, db, server, deviceId, transcoder, at } = options
  const batchSize = options.batchSize ?? 1000
  const result: DownloadResult = { taken: {}, changed: 0, mended: 0, skipped: 0 }
  const position = sqlite.prepare('SELECT pulled_seq FROM station_link').pluck()
  const columns = new Map(FEED_TABLES.map((table) => [table, localColumns(sqlite, table)]))
  const queued = queuedCheck(sqlite)
  const statements = new Map<string, Database.Statement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
    return statement
  }
  await rewindAfterRestore(sqlite, db, server, deviceId, at)
  let progress: Progress | null = null
  for (;;) {
    const from = position.get() as number | undefined
    if (from === undefined) return result
    if (options.onProgress && !progress) {
      const { rows } = await server.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM station_feed WHERE seq > $1 AND device_id <> $2',
        [from, deviceId]
      )
      progress = { done: 0, total: rows[0]!.n }
    }
    const { rows: feed } = await server.query<FeedEntry>(
      `SELECT seq, device_id, tbl, pk, op FROM station_feed
        WHERE seq > $1 AND device_id <> $2 ORDER BY seq LIMIT $3`,
      [from, deviceId, batchSize]
    )
    if (feed.length === 0) return result
    // The rows as the server holds them now, per table.
    // (An insert and later changes of one row are taken together: the row as it is now.)
    const byTable = new Map<string, Map<string, { row: Row; device: string }>>()
    for (const entry of feed) {
      if (!columns.has(entry.tbl)) continue
      let rows = byTable.get(entry.tbl)
      if (!rows) byTable.set(entry.tbl, (rows = new Map()))
      if (!rows.has(entry.pk)) rows.set(entry.pk, { row: {}, device: entry.device_id })
    }
    for (const [table, rows] of byTable) {
      const { rows: found } = await server.query<Row>(`SELECT * FROM ${table} WHERE id = ANY($1)`, [
        [...rows.keys()]
      ])
      for (const row of found) rows.get(String(row.id))!.row = row
    }
    const last = Number(feed[feed.length - 1]!.seq)
    const batch = { taken: {} as Record<string, number>, changed: 0, mended: 0, skipped: 0 }
    let committed = false
    try {
      sqlite.transaction(() => {
        whilePulling(sqlite, () => {
          for (const table of FEED_TABLES) {
            const rows = byTable.get(table)
            if (!rows) continue
            if (table === 'address_changes' || table === 'address_removals') {
              takeAddresses(sqlite, options.addresses, queued, table, rows, batch, at)
            } else {
              store(
                sqlite,
                queued,
                prepared,
                table,
                columns.get(table)!,
                rows,
                transcoder,
                batch,
                at
              )
            }
          }
        })
        const lastEntry = feed[feed.length - 1]!
        sqlite
          .prepare('UPDATE station_link SET pulled_seq = ?, pulled_entry = ?')
          .run(last, feedIdentity(lastEntry.device_id, lastEntry.tbl, lastEntry.pk))
        const takenRows = Object.values(batch.taken).reduce((sum, n) => sum + n, 0)
        if (takenRows + batch.changed + batch.skipped > 0) {
          appendAudit(db, deviceId, at, {
            operatorId: null,
            action: 'station.download',
            entity: 'station',
            detail: {
              fromSeq: from,
              toSeq: last,
              taken: batch.taken,
              changed: batch.changed,
              ...(batch.mended ? { mended: batch.mended } : {}),
              ...(batch.skipped ? { skipped: batch.skipped } : {})
            }
          })
        }
      })()
      committed = true
    } finally {
      options.addresses.commit(committed)
    }
    for (const [table, n] of Object.entries(batch.taken)) {
      result.taken[table] = (result.taken[table] ?? 0) + n
    }
    result.changed += batch.changed
    result.mended += batch.mended
    result.skipped += batch.skipped
    if (progress) {
      // Entries committed meanwhile by other PCs are taken too: the total grows with them.
      progress = {
        done: progress.done + feed.length,
        total: Math.max(progress.total, progress.done + feed.length)
      }
      options.onProgress!(progress)
    }
    if (feed.length < batchSize) return result
  }
}

/**
 * Mends a downloaded row (mendDownloadedRow) and lists what it mended for the administrator,
 * once: a mended row comes again with each later change of it in the feed (a sign-off).
 */
function mendAndList(
  sqlite: Database.Database,
  table: string,
  batch: DownloadResult,
  at: string
): (values: Row, device: string) => Row {
  const recordConflict = conflictRecorder(sqlite)
  const listed = sqlite.prepare(
    'SELECT 1 FROM station_conflicts WHERE tbl = ? AND pk = ? AND seq = 0'
  )
  return (values, device) => {
    const { row, problems } = mendDownloadedRow(values)
    if (Object.keys(problems).length === 0 || listed.get(table, String(row.id))) return row
    // This PC's stored value beside what the server held.
    recordConflict({
      seq: 0,
      table,
      pk: String(row.id),
      local: Object.fromEntries(Object.keys(problems).map((column) => [column, row[column]])),
      server: { ...problems, from_device: device },
      at
    })
    batch.mended += 1
    return row
  }
}

/**
 * The station's address rows and removals of a feed batch, inside the download's transaction,
 * through the address service (addresses.ts); rows checked as the other tables' are.
 */
function takeAddresses(
  sqlite: Database.Database,
  addresses: StationAddresses,
  queued: (table: string, pk: string) => boolean,
  table: 'address_changes' | 'address_removals',
  rows: Map<string, { row: Row; device: string }>,
  batch: DownloadResult,
  at: string
): void {
  const found = [...rows.values()].filter(({ row }) => row.id !== undefined)
  if (table === 'address_removals') {
    batch.changed += addresses.remove(
      found.map(({ row }) => String(row.id)),
      queued
    )
    return
  }
  const mend = mendAndList(sqlite, table, batch, at)
  const mended = found.map(({ row, device }) =>
    mend(
      Object.fromEntries(Object.entries(row).map(([name, value]) => [name, toSqlite(value)])),
      device
    )
  )
  const stored = addresses.take(mended, queued)
  if (stored > 0) batch.taken[table] = (batch.taken[table] ?? 0) + stored
}

const isVersionClash = (error: unknown, table: string) =>
  String(error).includes(`UNIQUE constraint failed: ${table}.root_id, ${table}.version`)

/** Stores one table's rows of a feed batch, inside the download's transaction. */
function store(
  sqlite: Database.Database,
  queued: (table: string, pk: string) => boolean,
  prepared: (sql: string) => Database.Statement,
  table: string,
  columns: Set<string>,
  rows: Map<string, { row: Row; device: string }>,
  transcoder: RowTranscoder,
  batch: DownloadResult,
  at: string
): void {
  const insertBlind = prepared(
    'INSERT OR IGNORE INTO logbook_blind_index (token, book, entry_id) VALUES (?, ?, ?)'
  )
  const mend = mendAndList(sqlite, table, batch, at)
  const recordConflict = conflictRecorder(sqlite)
  for (const [, { row: serverRow, device }] of rows) {
    if (serverRow.id === undefined) continue
    const { row, blindRows } = transcoder.recode(table, serverRow)
    const names = Object.keys(row).filter((name) => columns.has(name))
    const values = mend(
      Object.fromEntries(names.map((name) => [name, toSqlite(row[name])])),
      device
    )
    const insert = (record: Row) =>
      prepared(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})
           ON CONFLICT (id) DO NOTHING`
      ).run(record).changes
    /**
     * A committee whose name another committee has here is kept as `name@PC` and listed. (Feed
     * rows from before drizzle-pg/0010 name no PC: the row's id tells them apart.)
     */
    const standInName = (name: string) => deviceUsername(name, device || String(values.id))
    const listStandIn = (name: string) =>
      recordConflict({
        seq: 0,
        table,
        pk: String(values.id),
        local: { name },
        server: { name: values.name },
        at
      })
    let inserted: number
    try {
      inserted = insert(values)
    } catch (error) {
      if (registerTables.has(table) && isVersionClash(error, table)) {
        // Another PC's amendment of an entry this PC amended too, before its own went up: the
        // server places this PC's after it (uploader.ts, insertEntries); this PC keeps its own.
        batch.skipped += 1
        continue
      }
      const message = String(error)
      // The index is on lower(username): SQLite names the index, not the column.
      if (table === 'operators' && /operators_username_unique|operators\.username/.test(message)) {
        inserted = insert({ ...values, username: deviceUsername(String(values.username), device) })
      } else if (
        table === 'logbook_committees' &&
        /UNIQUE constraint failed: logbook_committees\.name/.test(message)
      ) {
        // This PC has a committee of that name (its own, not yet uploaded, or one renamed here).
        const name = standInName(String(values.name))
        inserted = insert({ ...values, name })
        listStandIn(name)
      } else {
        throw error
      }
    }
    if (inserted > 0) {
      batch.taken[table] = (batch.taken[table] ?? 0) + 1
      for (const blind of blindRows) insertBlind.run(blind.token, blind.book, blind.entry_id)
      continue
    }
    if (table === 'operators') {
      if (takeAccount(sqlite, row, queued)) batch.changed += 1
      continue
    }
    if (table === 'logbook_committees') {
      // Renamed or (de)activated on another PC (committees.ts).
      if (takeCommittee(sqlite, values, queued, standInName, listStandIn)) batch.changed += 1
      continue
    }
    if (table === 'photos') {
      // Already here: take the removal where this PC has none (a mark set once).
      batch.changed += prepared(
        `UPDATE photos SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL AND ? IS NOT NULL`
      ).run(
        values.removed_at ?? null,
        values.removed_by ?? null,
        values.id,
        values.removed_at ?? null
      ).changes
      continue
    }
    if (!registerTables.has(table)) continue
    // Already here: take the amendment pointer and the sign-off where this PC has none.
    const superseded = prepared(
      `UPDATE ${table} SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL AND ? IS NOT NULL`
    ).run(values.superseded_by ?? null, values.id, values.superseded_by ?? null).changes
    const signed = prepared(
      `UPDATE ${table} SET signed_by = ?, signed_at = ?
          WHERE id = ? AND signed_at IS NULL AND ? IS NOT NULL`
    ).run(
      values.signed_by ?? null,
      values.signed_at ?? null,
      values.id,
      values.signed_at ?? null
    ).changes
    batch.changed += superseded + signed
  }
}
