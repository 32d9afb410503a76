import { createHash, randomUUID } from 'node:crypto'
import { and, asc, count, desc, eq, gte, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import { auditLog, operators } from '../db/schema'
import type { AuditEntry, AuditVerification } from '../../shared/ipc/contract'

export const GENESIS_HASH = '0'.repeat(64)

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
  return (at: string, input: AuditInput): ChainedFields & { hash: string } => {
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
    return { ...fields, hash }
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
  now
}: {
  db: Db
  deviceId: string
  now: () => Date
}) {
  return {
    /** Audits an event that changes no row (sign-in, sign-out, lock, print, export). */
    async record(input: AuditInput): Promise<void> {
      db.transaction((tx) => appendAudit(tx, deviceId, now().toISOString(), input))
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

    /** Walks the chain in order and reports the first row whose link or hash does not hold. */
    async verify(): Promise<AuditVerification> {
      let prevHash = GENESIS_HASH
      let expectedSeq = 1
      let checked = 0
      for (;;) {
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
          const broken = (reason: string): AuditVerification => ({
            ok: false,
            checked,
            firstBroken: { seq: row.seq, reason }
          })
          if (row.seq !== expectedSeq)
            return broken(`序号不连续：应为 ${expectedSeq}，实为 ${row.seq}`)
          if (row.prevHash !== prevHash) return broken('与上一条记录的链接不符（记录被删除或替换）')
          if (hashAuditRow(row) !== row.hash) return broken('记录内容与哈希不符（记录被篡改）')
          prevHash = row.hash
          expectedSeq += 1
          checked += 1
        }
      }
      return { ok: true, checked, firstBroken: null }
    },

    async count(): Promise<number> {
      return db.select({ n: count() }).from(auditLog).get()?.n ?? 0
    }
  }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
