import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'
import { and, asc, count, desc, eq, gte, isNotNull, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import { auditLog, operators } from '../db/schema'
import type { AuditEntry, AuditVerification, Progress } from '../../shared/ipc/contract'
import { readCheckpoints, type Checkpoint } from './checkpoints'

export const GENESIS_HASH = '0'.repeat(64)

/**
 * Anchoring outside the database. Each row keeps its plain SHA-256 link (`hash`, over every field
 * and the previous row's hash) and adds `mac` = HMAC-SHA256(audit-chain key, hash), the key being
 * derived from the data key that never enters the database. Someone with file access can still
 * recompute the plain chain but not the macs, so the first row they edited (or re-chained) is the
 * first whose mac fails. Truncating the tail leaves a valid prefix: signed checkpoints outside the
 * database (checkpoints.ts) catch that.
 *
 * Rows written before macs existed (mac NULL) are sealed once, when a database that has no mac at
 * all and no checkpoint file is first opened with a key: every such row gets its mac (the update
 * trigger allows only NULL → mac) and an `audit.chain.anchor` row records how many were sealed
 * and the head they end at. After that, every row must carry a valid mac.
 */
export const ANCHOR_ACTION = 'audit.chain.anchor'

/** A key per connection, looked up through a SQL function so that any transaction can reach it. */
const chainKeys = new Map<number, Buffer>()
let nextKeyId = 1
const KEY_FN = 'bianmin_audit_key'

/** Lets this connection write and check audit macs; without it appending an audit row fails. */
export function bindAuditKey(sqlite: Database.Database, key: Buffer): void {
  const id = nextKeyId++
  chainKeys.set(id, key)
  sqlite.function(KEY_FN, { deterministic: true }, () => id)
}

/** Binds the key of `from` to another connection to the same database (a bulk import's own). */
export function shareAuditKey(from: Database.Database, to: Database.Database): void {
  const { id } = from.prepare(`SELECT ${KEY_FN}() AS id`).get() as { id: number }
  to.function(KEY_FN, { deterministic: true }, () => id)
}

/** The chain key bound to the connection behind `tx`. */
function chainKeyOf(tx: Tx | Db): Buffer {
  let id: number | undefined
  try {
    id = tx.get<{ id: number }>(sql.raw(`SELECT ${KEY_FN}() AS id`)).id
  } catch {
    id = undefined
  }
  const key = id === undefined ? undefined : chainKeys.get(id)
  if (!key) throw new Error('audit chain key not bound to this connection (bindAuditKey)')
  return key
}

export const macAuditHash = (key: Buffer, hash: string) =>
  createHmac('sha256', key).update(`bianmin-audit-v1:${hash}`).digest('hex')

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export interface AuditInput {
  operatorId: string | null
  action: string
  entity?: string | null
  entityId?: string | null
  detail?: Record<string, unknown> | null
}

interface ChainedFields {
  id: string
  seq: number
  deviceId: string
  at: string
  operatorId: string | null
  action: string
  entity: string | null
  entityId: string | null
  detail: string | null
  prevHash: string
}

/** The hash covers every field of the row and the previous row's hash, in a fixed order. */
export function hashAuditRow(row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.id,
    row.seq,
    row.deviceId,
    row.at,
    row.operatorId,
    row.action,
    row.entity,
    row.entityId,
    row.detail,
    row.prevHash
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/** An audit row as stored (column names), on either database. */
export interface StoredAuditRow {
  id: string
  seq: number
  device_id: string
  at: string
  operator_id: string | null
  action: string
  entity: string | null
  entity_id: string | null
  detail: string | null
  prev_hash: string
  hash: string
}

/** The hash a stored row should carry, linked to `prevHash`. */
export const hashStoredAuditRow = (row: StoredAuditRow, prevHash: string): string =>
  hashAuditRow({
    id: row.id,
    seq: row.seq,
    deviceId: row.device_id,
    at: row.at,
    operatorId: row.operator_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail,
    prevHash
  })

/**
 * The audit chain of one transaction: reads the chain head once, then links each row to the
 * previous one in memory and returns it for insertRows. Only valid inside the transaction it was
 * made in, with its rows inserted in the order they were linked, and while nothing else appends
 * audit rows to that transaction meanwhile.
 */
export function auditChain(tx: Tx | Db, deviceId: string) {
  const last = tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get()
  let seq = last?.seq ?? 0
  let prevHash = last?.hash ?? GENESIS_HASH
  const key = chainKeyOf(tx)
  return (at: string, input: AuditInput): ChainedFields & { hash: string; mac: string } => {
    const fields: ChainedFields = {
      id: randomUUID(),
      seq: seq + 1,
      deviceId,
      at,
      operatorId: input.operatorId,
      action: input.action,
      entity: input.entity ?? null,
      entityId: input.entityId ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
      prevHash
    }
    const hash = hashAuditRow(fields)
    seq = fields.seq
    prevHash = hash
    return { ...fields, hash, mac: macAuditHash(key, hash) }
  }
}

/**
 * Appends one audit row. Call it with the transaction that makes the change it records, so the
 * change and its audit row commit or roll back together.
 */
export function appendAudit(tx: Tx | Db, deviceId: string, at: string, input: AuditInput): void {
  tx.insert(auditLog).values(auditChain(tx, deviceId)(at, input)).run()
}

export interface AuditQuery {
  page: number
  pageSize: number
  action?: string | undefined
  since?: string | undefined
}

export function createAuditRepo({
  db,
  deviceId,
  now,
  chainKey,
  checkpointKey,
  checkpointFile
}: {
  db: Db
  deviceId: string
  now: () => Date
  /** keys.key('audit-chain'): the macs of the rows. */
  chainKey: Buffer
  /** keys.key('audit-checkpoint'): the macs of the checkpoint lines. */
  checkpointKey: Buffer
  /** `<data>/audit-checkpoints.log` */
  checkpointFile: string
}) {
  return {
    /** Audits an event that changes no row (sign-in, sign-out, lock, print, export). */
    async record(input: AuditInput): Promise<void> {
      db.transaction((tx) => appendAudit(tx, deviceId, now().toISOString(), input))
    },

    /**
     * The one-time sealing of rows written before macs existed (see ANCHOR_ACTION). Returns how
     * many rows were sealed, or null when there was nothing to seal or the chain was already
     * anchored (some row has a mac, or checkpoints were written): then a NULL mac is an error
     * that verify reports, never something to fill in.
     */
    anchorLegacyRows(hasCheckpoints: boolean): number | null {
      return db.transaction((tx) => {
        const total = tx.select({ n: count() }).from(auditLog).get()?.n ?? 0
        const signed =
          tx.select({ n: count() }).from(auditLog).where(isNotNull(auditLog.mac)).get()?.n ?? 0
        if (total === 0 || signed > 0 || hasCheckpoints) return null
        const rows = tx
          .select({ id: auditLog.id, seq: auditLog.seq, hash: auditLog.hash })
          .from(auditLog)
          .orderBy(asc(auditLog.seq))
          .all()
        for (const row of rows) {
          tx.update(auditLog)
            .set({ mac: macAuditHash(chainKey, row.hash) })
            .where(eq(auditLog.id, row.id))
            .run()
        }
        const head = rows[rows.length - 1]!
        appendAudit(tx, deviceId, now().toISOString(), {
          operatorId: null,
          action: ANCHOR_ACTION,
          detail: { sealedRows: rows.length, headSeq: head.seq, headHash: head.hash }
        })
        return rows.length
      })
    },

    /** The newest row: what a checkpoint signs (cheap: called after every IPC call). */
    head(): { seq: number; hash: string } | null {
      return (
        db
          .select({ seq: auditLog.seq, hash: auditLog.hash })
          .from(auditLog)
          .orderBy(desc(auditLog.seq))
          .limit(1)
          .get() ?? null
      )
    },

    rowCount(): number {
      return db.select({ n: count() }).from(auditLog).get()?.n ?? 0
    },

    /** The stored hash of row `seq`, or null when there is none. */
    hashAt(seq: number): string | null {
      return (
        db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq)).get()
          ?.hash ?? null
      )
    },

    async list(query: AuditQuery): Promise<{ total: number; rows: AuditEntry[] }> {
      const filters: SQL[] = []
      if (query.action) filters.push(eq(auditLog.action, query.action))
      if (query.since) filters.push(gte(auditLog.at, query.since))
      const where = filters.length ? and(...filters) : undefined
      const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0
      const rows = db
        .select({
          id: auditLog.id,
          seq: auditLog.seq,
          at: auditLog.at,
          operatorId: auditLog.operatorId,
          operatorName: operators.displayName,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          detail: auditLog.detail
        })
        .from(auditLog)
        .leftJoin(operators, eq(operators.id, auditLog.operatorId))
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .all()
      return { total, rows }
    },

    /**
     * Walks the chain in order (link, hash and mac of every row), then holds the result against
     * every signed checkpoint: a checkpoint past the last row means the log was truncated, one
     * whose head hash differs means it was re-chained. Reports the first bad row. Yields to the
     * event loop between batches (a long chain never holds up other calls) and reports how far.
     */
    async verify(onProgress?: (progress: Progress) => void): Promise<AuditVerification> {
      const read = readCheckpoints(checkpointFile, checkpointKey)
      const wanted = new Set(read.checkpoints.map((cp) => cp.seq))
      const seen = new Map<number, string>()
      let prevHash = GENESIS_HASH
      let expectedSeq = 1
      let checked = 0
      let firstBroken: AuditVerification['firstBroken'] = null
      // Rows written meanwhile are checked too: the total grows with them.
      const total = db.select({ n: count() }).from(auditLog).get()?.n ?? 0
      walk: for (;;) {
        // Batches keep memory flat on a long chain.
        const rows = db
          .select()
          .from(auditLog)
          .where(gte(auditLog.seq, expectedSeq))
          .orderBy(asc(auditLog.seq))
          .limit(5000)
          .all()
        if (rows.length === 0) break
        for (const row of rows) {
          const reason =
            row.seq !== expectedSeq
              ? `序号不连续：应为 ${expectedSeq}，实为 ${row.seq}`
              : row.prevHash !== prevHash
                ? '与上一条记录的链接不符（记录被删除或替换）'
                : hashAuditRow(row) !== row.hash
                  ? '记录内容与哈希不符（记录被篡改）'
                  : !row.mac
                    ? '缺少密钥签名（记录在本程序之外写入或被改写）'
                    : !sameHex(row.mac, macAuditHash(chainKey, row.hash))
                      ? '密钥签名不符（记录被改写后重算了哈希链）'
                      : null
          if (reason) {
            firstBroken = { seq: row.seq, reason }
            break walk
          }
          if (wanted.has(row.seq)) seen.set(row.seq, row.hash)
          prevHash = row.hash
          expectedSeq += 1
          checked += 1
        }
        onProgress?.({ done: checked, total: Math.max(total, checked) })
        if (rows.length < 5000) break
        await new Promise((resolve) => setImmediate(resolve))
      }
      // Held against the checkpoints only up to the first bad row: beyond it nothing is trusted.
      for (const cp of read.checkpoints) {
        const problem = checkpointMismatch(cp, checked, seen.get(cp.seq))
        if (problem && (!firstBroken || problem.seq < firstBroken.seq)) firstBroken = problem
        if (problem) break
      }
      const last = read.checkpoints[read.checkpoints.length - 1]
      return {
        ok: firstBroken === null && read.problem === null,
        checked,
        firstBroken,
        checkpoints: {
          count: read.checkpoints.length,
          lastSeq: last?.seq ?? null,
          lastAt: last?.at ?? null,
          problem: read.problem
        }
      }
    },

    async count(): Promise<number> {
      return db.select({ n: count() }).from(auditLog).get()?.n ?? 0
    }
  }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>

/** What a checkpoint says against the chain verified up to `checked` rows. */
function checkpointMismatch(
  cp: Checkpoint,
  checked: number,
  hashThere: string | undefined
): { seq: number; reason: string } | null {
  if (cp.seq > checked) {
    return {
      seq: checked + 1,
      reason: `记录被截断或删除：${cp.at} 的签名检查点记录共 ${cp.count} 条（至第 ${cp.seq} 条），现只校验到第 ${checked} 条`
    }
  }
  if (hashThere !== cp.head) {
    return { seq: cp.seq, reason: `与 ${cp.at} 的签名检查点不符（日志被重算或替换）` }
  }
  return null
}
