import type Database from 'better-sqlite3'
import {
  GENESIS_HASH,
  hashStoredAuditRow,
  type StoredAuditRow
} from '../../src/main/audit/audit-repo'

/**
 * What a reviewer with file access did: drop the append-only triggers, change the log, and
 * recreate the triggers exactly as they were.
 */
export function withoutTriggers(raw: Database.Database, change: () => void): void {
  const triggers = raw
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
    )
    .all() as { name: string; sql: string }[]
  for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`)
  change()
  for (const t of triggers) raw.exec(t.sql)
}

/** Recomputes the plain SHA-256 chain from the all-zero start over every row. */
export function recomputePlainChain(raw: Database.Database): void {
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as StoredAuditRow[]
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?')
  let prevHash = GENESIS_HASH
  for (const row of rows) {
    const hash = hashStoredAuditRow(row, prevHash)
    update.run(prevHash, hash, row.id)
    prevHash = hash
  }
}

/** Edits one row and re-chains the whole log, triggers dropped and recreated around it. */
export function rewriteRow(raw: Database.Database, seq: number, detail: string): void {
  withoutTriggers(raw, () => {
    raw.prepare('UPDATE audit_log SET detail = ? WHERE seq = ?').run(detail, seq)
    recomputePlainChain(raw)
  })
}

/** Deletes the newest `n` rows, triggers dropped and recreated around it. */
export function truncateLog(raw: Database.Database, n: number): void {
  withoutTriggers(raw, () => {
    raw.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(n)
  })
}
