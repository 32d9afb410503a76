/**
 * The audit chains on the station server: one per PC (device), each row's hash recomputed and each
 * link followed, as `audit.verify` does on the PC: no row of a chain was changed, removed or
 * re-linked without re-chaining everything after it. With the station key's mac key, each row's
 * mac is checked too (uploaded rows are signed under it, transcode.ts): a chain re-built by
 * someone without the key does not pass.
 */
import type pg from 'pg'
import type { Progress } from '../../shared/ipc/contract'
import {
  GENESIS_HASH,
  hashStoredAuditRow,
  macAuditHash,
  type StoredAuditRow
} from '../audit/audit-repo'

export interface DeviceChain {
  deviceId: string
  rows: number
  ok: boolean
  /** The first row that does not fit: a gap in seq, a broken link or a changed field. */
  brokenAt: number | null
  /** With a mac key: rows whose mac is missing or not the key's (the first seq), else null. */
  badMacAt?: number | null
}

/** One device's chain, read in pages so a long chain never sits in memory whole. */
export async function verifyDeviceChain(
  client: pg.ClientBase,
  deviceId: string,
  macKey?: Buffer,
  /** After each page: rows of this chain checked so far. */
  onPage?: (checked: number) => void
): Promise<DeviceChain> {
  let prev = GENESIS_HASH
  let expected = 1
  let badMacAt: number | null = null
  const withMacs = (chain: DeviceChain): DeviceChain => (macKey ? { ...chain, badMacAt } : chain)
  for (;;) {
    const { rows } = await client.query<StoredAuditRow & { mac: string | null }>(
      `SELECT id, seq, device_id, at, operator_id, action, entity, entity_id, detail, prev_hash, hash,
              mac
         FROM audit_log WHERE device_id = $1 AND seq >= $2 ORDER BY seq LIMIT 5000`,
      [deviceId, expected]
    )
    for (const row of rows) {
      if (
        row.seq !== expected ||
        row.prev_hash !== prev ||
        hashStoredAuditRow(row, row.prev_hash) !== row.hash
      ) {
        return withMacs({ deviceId, rows: expected - 1, ok: false, brokenAt: row.seq })
      }
      if (macKey && badMacAt === null && row.mac !== macAuditHash(macKey, row.hash)) {
        badMacAt = row.seq
      }
      prev = row.hash
      expected += 1
    }
    onPage?.(expected - 1)
    if (rows.length < 5000) {
      return withMacs({ deviceId, rows: expected - 1, ok: true, brokenAt: null })
    }
  }
}

/**
 * Every device's chain on the server; `onProgress` after each page, of all PCs' rows (the totals
 * drizzle-pg/0016 keeps; rows uploaded meanwhile make it grow).
 */
export async function verifyServerChains(
  client: pg.ClientBase,
  macKey?: Buffer,
  onProgress?: (progress: Progress) => void
): Promise<DeviceChain[]> {
  // The PCs from the rows themselves (never from derived counts): a loose index scan.
  const { rows } = await client.query<{ device_id: string }>(
    `WITH RECURSIVE devices AS (
       SELECT min(device_id) AS device_id FROM audit_log
       UNION ALL
       SELECT (SELECT min(device_id) FROM audit_log WHERE device_id > devices.device_id)
         FROM devices WHERE devices.device_id IS NOT NULL
     )
     SELECT device_id FROM devices WHERE device_id IS NOT NULL`
  )
  const counted = await client.query<{ n: string | null }>(
    'SELECT sum(n) AS n FROM station_audit_counts'
  )
  const total = Number(counted.rows[0]?.n ?? 0)
  const chains: DeviceChain[] = []
  let before = 0
  for (const { device_id } of rows) {
    const chain = await verifyDeviceChain(client, device_id, macKey, (checked) => {
      const done = before + checked
      onProgress?.({ done, total: Math.max(total, done) })
    })
    chains.push(chain)
    before += chain.rows
  }
  return chains
}
