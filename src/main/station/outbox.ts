/**
 * The outbox's queue (drizzle/0023): rows queued by triggers, sent in seq order; those after the
 * server's acknowledged seq are still waiting. One place for that condition.
 */
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
