import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { appendAudit } from '../audit/audit-repo'
import type { Db } from '../db/client'
import type { PreparedRow } from './rows'
import { changeFields } from './store'

/**
 * The shipped administrative changes (origin `seed`) get the same ids on every PC: a name-based
 * UUID (version 5, SHA-1) of the row's shipped values and its occurrence among equal rows. So a
 * clerk's correction or removal of one at a linked PC names the same row on the other PCs
 * (station/addresses.ts).
 */

/** The namespace of these ids (a random UUID, fixed here). */
const NAMESPACE = Buffer.from('6f1d3c52a8e44b0f9a7e2d41c0b8e913', 'hex')

/** A row's stored values, level … note (the search columns are derived from them). */
type ShippedFields = Omit<PreparedRow, 'oldNorm' | 'newNorm'>

const contentKey = (row: ShippedFields) => JSON.stringify(changeFields(row))

/** RFC 4122 §4.3: SHA-1 over namespace and name, version 5, variant 10. */
function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** One id per shipped row, in order; equal rows are told apart by their occurrence. */
export function shippedRowIds(rows: ShippedFields[]): string[] {
  const seen = new Map<string, number>()
  return rows.map((row) => {
    const key = contentKey(row)
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return uuidV5(`address/seed\u0000${key}\u0000${occurrence}`)
  })
}

/** Set once this PC's shipped rows have these ids (at the seed, or by `rekeyShippedRows`). */
export const SHIPPED_IDS_SETTING = 'address.shipped_ids'

/**
 * A PC seeded before these ids gets them once, in one transaction with its audit row: each shipped
 * row still as shipped is matched by its values; one a clerk has changed since, by its place in
 * the seed (seeded in order, so `num` minus the offset the unchanged rows show). Rows that match
 * neither way keep their ids and stay on this PC. Returns how many ids changed.
 */
export function rekeyShippedRows(
  sqlite: Database.Database,
  db: Db,
  deviceId: string,
  /** The shipped rows as seeded (read only when this PC has not been rekeyed). */
  readShipped: () => PreparedRow[],
  at: string
): number {
  if (sqlite.prepare('SELECT 1 FROM settings WHERE key = ?').get(SHIPPED_IDS_SETTING)) return 0
  const shipped = readShipped()
  const ids = shippedRowIds(shipped)
  const byContent = new Map<string, number[]>()
  shipped.forEach((row, index) => {
    const key = contentKey(row)
    const indexes = byContent.get(key)
    if (indexes) indexes.push(index)
    else byContent.set(key, [index])
  })
  const local = sqlite
    .prepare(
      `SELECT id, num, level, old_text AS oldText, new_text AS newText, old_key AS oldKey,
         new_key AS newKey, old_road AS oldRoad, old_no AS oldNo, new_road AS newRoad,
         new_no AS newNo, effective, source, note
       FROM address_changes WHERE origin = 'seed' ORDER BY num`
    )
    .all() as (ShippedFields & { id: string; num: number })[]
  const assigned = new Map<number, number>()
  const taken = new Set<number>()
  const offsets = new Set<number>()
  for (const row of local) {
    const index = byContent.get(contentKey(row))?.shift()
    if (index === undefined) continue
    assigned.set(row.num, index)
    taken.add(index)
    offsets.add(row.num - index)
  }
  if (offsets.size === 1) {
    const [offset] = offsets
    for (const row of local) {
      const index = row.num - offset!
      if (assigned.has(row.num) || taken.has(index) || index < 0 || index >= ids.length) continue
      assigned.set(row.num, index)
      taken.add(index)
    }
  }
  return sqlite.transaction(() => {
    const setId = sqlite.prepare('UPDATE address_changes SET id = ? WHERE num = ?')
    const setRecent = sqlite.prepare('UPDATE address_recent SET change_id = ? WHERE change_id = ?')
    let changed = 0
    for (const row of local) {
      const index = assigned.get(row.num)
      if (index === undefined || ids[index] === row.id) continue
      setId.run(ids[index], row.num)
      setRecent.run(ids[index], row.id)
      changed += 1
    }
    sqlite
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run(SHIPPED_IDS_SETTING, at, at)
    if (changed > 0) {
      appendAudit(db, deviceId, at, {
        operatorId: null,
        action: 'address.seed.rekey',
        entity: 'address_change',
        detail: { rows: changed, kept: local.length - assigned.size }
      })
    }
    return changed
  })()
}
