/**
 * The whole station's audit log, read on the station server (issue #15): registers are shared, so
 * who looked at or changed a resident's entry may have done it at any PC. The auditor lists the
 * rows every PC uploaded, newest first, with the PC's name, and verifies every PC's chain there
 * (chain.ts), macs included under the station key. Nothing is written: reading needs no round.
 */
import type pg from 'pg'
import type { DeviceChain } from './chain'
import { verifyServerChains } from './chain'
import { serverPcNames } from './pc-names'
import type { Progress } from '../../shared/ipc/contract'

export interface StationAuditQuery {
  page: number
  pageSize: number
  action?: string | undefined
}

export interface StationAuditRow {
  id: string
  seq: number
  deviceId: string
  pcName: string | null
  at: string
  operatorId: string | null
  operatorName: string | null
  action: string
  entity: string | null
  entityId: string | null
  detail: string | null
}

export interface StationChainView extends DeviceChain {
  pcName: string | null
}

/**
 * A value sealed under its PC's key (crypto/cipher.ts `enc1:`) inside an audit detail: kept
 * as-is in the row (its hash covers it), shown as a mark; only that PC could open it.
 */
const SEALED_IN_TEXT = /enc1:[A-Za-z0-9_-]+/g
export const maskSealed = (detail: string | null) =>
  detail?.replace(SEALED_IN_TEXT, '（已加密）') ?? null

/** One page of the server's audit rows, newest first (ties by PC and seq), with names. */
export async function listStationAudit(
  client: pg.ClientBase,
  query: StationAuditQuery
): Promise<{ total: number; rows: StationAuditRow[] }> {
  const action = query.action ?? null
  const where = '($1::text IS NULL OR a.action = $1)'
  // Kept per PC and action by drizzle-pg/0016's trigger: a count(*) took 60–90 ms at 1 M rows.
  const count = await client.query<{ n: string | null }>(
    `SELECT sum(n) AS n FROM station_audit_counts WHERE ($1::text IS NULL OR action = $1)`,
    [action]
  )
  const { rows } = await client.query<{
    id: string
    seq: string | number
    device_id: string
    at: string
    operator_id: string | null
    operator_name: string | null
    action: string
    entity: string | null
    entity_id: string | null
    detail: string | null
  }>(
    `SELECT a.id, a.seq, a.device_id, a.at, a.operator_id, o.display_name AS operator_name,
            a.action, a.entity, a.entity_id, a.detail
       FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
      WHERE ${where}
      ORDER BY a.at DESC, a.device_id, a.seq DESC
      LIMIT $2 OFFSET $3`,
    [action, query.pageSize, (query.page - 1) * query.pageSize]
  )
  const names = await serverPcNames(client)
  return {
    total: Number(count.rows[0]!.n ?? 0),
    rows: rows.map((row) => ({
      id: row.id,
      seq: Number(row.seq),
      deviceId: row.device_id,
      pcName: names.get(row.device_id) ?? null,
      at: row.at,
      operatorId: row.operator_id,
      operatorName: row.operator_name,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      detail: maskSealed(row.detail)
    }))
  }
}

/** Every PC's chain on the server, links, hashes and (with the station's mac key) macs. */
export async function verifyStationAudit(
  client: pg.ClientBase,
  macKey: Buffer,
  onProgress?: (progress: Progress) => void
): Promise<StationChainView[]> {
  const chains = await verifyServerChains(client, macKey, onProgress)
  const names = await serverPcNames(client)
  return chains.map((chain) => ({ ...chain, pcName: names.get(chain.deviceId) ?? null }))
}
