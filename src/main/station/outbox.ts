/**
 * The outbox's queue (drizzle/0023): rows queued by triggers, sent in seq order; those after the
 * server's acknowledged seq are still waiting. One place for that condition.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'

/** SQL condition on station_outbox: not yet acknowledged by the server. */
const PENDING = 'seq > coalesce((SELECT acked_seq FROM station_link), 0)'

/** Entries waiting for the server: the status bar's 离线（n 条待上传）. */
export const outboxCount = (sqlite: Database.Database): number =>
  sqlite.prepare(`SELECT count(*) FROM station_outbox WHERE ${PENDING}`).pluck().get() as number

/** A check whether a change of one record (table, outbox key) is still waiting for the server. */
export const queuedCheck = (sqlite: Database.Database) => {
  const statement = sqlite
    .prepare(`SELECT 1 FROM station_outbox WHERE tbl = ? AND pk = ? AND ${PENDING} LIMIT 1`)
    .pluck()
  return (table: string, pk: string): boolean => statement.get(table, pk) !== undefined
}

/**
 * Runs work with the "taken from the server" flag set (drizzle/0023's station_pulling), so the
 * outbox triggers do not queue what it writes to go back up. In the caller's transaction.
 */
export function whilePulling<T>(sqlite: Database.Database, work: () => T): T {
  sqlite.prepare('INSERT INTO station_pulling (id) VALUES (1)').run()
  try {
    return work()
  } finally {
    sqlite.prepare('DELETE FROM station_pulling').run()
  }
}

/** The register books' tables, as the server and the outbox name them. */
export const REGISTER_TABLES = [
  'logbook_liaison',
  'logbook_patrol',
  'logbook_phone',
  'logbook_case',
  'logbook_complaint',
  'logbook_exit_review',
  'logbook_callout',
  'logbook_visit',
  'logbook_proxy_resident',
  'logbook_proxy',
  'logbook_door',
  'logbook_back_office'
] as const

/**
 * Tables whose uploads go into the server's feed (drizzle-pg/0010) for the other PCs to download
 * (downloader.ts), in the order a download applies them (referenced tables first). drizzle/0027's
 * triggers keep downloaded rows of these tables out of the outbox.
 */
export const FEED_TABLES: readonly string[] = [
  'operators',
  'address_changes',
  'address_removals',
  'photos',
  'logbook_committees',
  ...REGISTER_TABLES,
  'staff_attendance',
  'staff_followups'
]

/** A change the server held differently, as kept for the administrator. */
export interface KeptConflict {
  seq: number
  table: string
  pk: string
  local: unknown
  server: unknown
  at: string
}

/** Keeps conflicts in station_conflicts (in the caller's transaction); each call returns its id. */
export const conflictRecorder = (sqlite: Database.Database) => {
  const insert = sqlite.prepare(
    `INSERT INTO station_conflicts (id, seq, tbl, pk, local, server, at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  return (conflict: KeptConflict): string => {
    const id = randomUUID()
    insert.run(
      id,
      conflict.seq,
      conflict.table,
      conflict.pk,
      JSON.stringify(conflict.local),
      JSON.stringify(conflict.server),
      conflict.at
    )
    return id
  }
}
