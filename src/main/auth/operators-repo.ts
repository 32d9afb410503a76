import { randomUUID } from 'node:crypto'
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { operators, passwordHistory } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { AppError } from '../../shared/errors'
import type { OperatorView } from '../../shared/ipc/contract'
import type { Role } from '../../shared/roles'

type OperatorRow = typeof operators.$inferSelect

export const toOperatorView = (row: OperatorRow): OperatorView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  active: row.active,
  lockedUntil: row.lockedUntil,
  passwordChangeRequired: row.passwordChangeRequired,
  createdAt: row.createdAt
})

export interface RepoContext {
  db: Db
  deviceId: string
  now: () => Date
}

export interface NewOperator {
  username: string
  displayName: string
  role: Role
  passwordHash: string
}

export interface OperatorChanges {
  displayName?: string | undefined
  role?: Role | undefined
  active?: boolean | undefined
}

/** Operator accounts. Every change writes its audit row in the same transaction. */
export function createOperatorRepo({ db, deviceId, now }: RepoContext) {
  const byId = (id: string) => db.select().from(operators).where(eq(operators.id, id)).get()

  const activeAdminsExcept = (id: string) =>
    db
      .select({ n: count() })
      .from(operators)
      .where(and(eq(operators.role, 'admin'), eq(operators.active, true), ne(operators.id, id)))
      .get()?.n ?? 0

  return {
    async count(): Promise<number> {
      return db.select({ n: count() }).from(operators).get()?.n ?? 0
    },

    async list(): Promise<OperatorRow[]> {
      return db.select().from(operators).orderBy(asc(operators.createdAt)).all()
    },

    async findById(id: string): Promise<OperatorRow | undefined> {
      return byId(id)
    },

    async findByUsername(username: string): Promise<OperatorRow | undefined> {
      return db
        .select()
        .from(operators)
        .where(sql`lower(${operators.username}) = lower(${username})`)
        .get()
    },

    /**
     * `onlyIfEmpty` makes first-start set-up atomic: it fails if anyone exists already.
     * `temporaryPassword`: someone else chose it (an administrator's 添加操作员), so the new
     * operator must change it at the first sign-in, as after a reset.
     */
    async create(
      input: NewOperator,
      actorId: string | null,
      options: { onlyIfEmpty?: boolean; temporaryPassword?: boolean } = {}
    ): Promise<OperatorRow> {
      const at = now().toISOString()
      const row: OperatorRow = {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: input.passwordHash,
        failedAttempts: 0,
        lockedUntil: null,
        lockouts: 0,
        passwordChangeRequired: options.temporaryPassword ?? false,
        active: true,
        createdAt: at,
        updatedAt: at,
        version: 0
      }
      db.transaction((tx) => {
        if (options.onlyIfEmpty && (tx.select({ n: count() }).from(operators).get()?.n ?? 0) > 0) {
          throw new AppError('CONFLICT', '系统已完成初始设置')
        }
        const taken = tx
          .select({ id: operators.id })
          .from(operators)
          .where(sql`lower(${operators.username}) = lower(${input.username})`)
          .get()
        if (taken)
          throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`, {
            username: '用户名已被使用'
          })
        tx.insert(operators).values(row).run()
        appendAudit(tx, deviceId, at, {
          operatorId: actorId ?? row.id,
          action: 'operator.create',
          entity: 'operator',
          entityId: row.id,
          detail: { username: row.username, role: row.role }
        })
      })
      return row
    },

    async update(id: string, changes: OperatorChanges, actorId: string): Promise<OperatorRow> {
      const at = now().toISOString()
      db.transaction((tx) => {
        const current = tx.select().from(operators).where(eq(operators.id, id)).get()
        if (!current) throw new AppError('NOT_FOUND', '找不到该操作员')
        const losesAdmin =
          current.role === 'admin' &&
          current.active &&
          ((changes.role !== undefined && changes.role !== 'admin') || changes.active === false)
        if (losesAdmin && activeAdminsExcept(id) === 0) {
          throw new AppError('CONFLICT', '至少需要保留一名启用的系统管理员')
        }
        const set = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined)
        ) as OperatorChanges
        tx.update(operators)
          .set({ ...set, updatedAt: at })
          .where(eq(operators.id, id))
          .run()
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'operator.update',
          entity: 'operator',
          entityId: id,
          detail: { ...set }
        })
      })
      return byId(id)!
    },

    /** The current password's hash and the previous ones, newest first, `n` in all. */
    async recentPasswordHashes(id: string, n: number): Promise<string[]> {
      const current = byId(id)
      if (!current) return []
      const previous = db
        .select({ hash: passwordHistory.passwordHash })
        .from(passwordHistory)
        .where(eq(passwordHistory.operatorId, id))
        .orderBy(desc(passwordHistory.replacedAt), desc(passwordHistory.id))
        .limit(Math.max(0, n - 1))
        .all()
      return [current.passwordHash, ...previous.map((row) => row.hash)]
    },

    /**
     * Sets a password, keeping the old hash in the history. Set by someone else (an
     * administrator's reset), it must be changed by the operator at the next sign-in.
     */
    async setPassword(id: string, passwordHash: string, actorId: string): Promise<OperatorRow> {
      const at = now().toISOString()
      db.transaction((tx) => {
        const current = tx.select().from(operators).where(eq(operators.id, id)).get()
        if (!current) throw new AppError('NOT_FOUND', '找不到该操作员')
        tx.insert(passwordHistory)
          .values({
            id: randomUUID(),
            operatorId: id,
            passwordHash: current.passwordHash,
            replacedAt: at
          })
          .run()
        tx.update(operators)
          .set({
            passwordHash,
            failedAttempts: 0,
            lockedUntil: null,
            lockouts: 0,
            passwordChangeRequired: actorId !== id,
            updatedAt: at
          })
          .where(eq(operators.id, id))
          .run()
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: actorId === id ? 'operator.password.change' : 'operator.password.reset',
          entity: 'operator',
          entityId: id
        })
      })
      return byId(id)!
    },

    /** The password in use breaks the rules (`reason`): it must be changed before anything else. */
    async requirePasswordChange(id: string, reason: string): Promise<OperatorRow> {
      const at = now().toISOString()
      db.transaction((tx) => {
        tx.update(operators)
          .set({ passwordChangeRequired: true, updatedAt: at })
          .where(eq(operators.id, id))
          .run()
        appendAudit(tx, deviceId, at, {
          operatorId: id,
          action: 'operator.password.changeRequired',
          entity: 'operator',
          entityId: id,
          detail: { reason }
        })
      })
      return byId(id)!
    },

    /** Records a sign-in attempt's outcome and its audit row together. */
    async recordAttempt(
      id: string,
      outcome: { failedAttempts: number; lockedUntil: string | null; lockouts: number },
      audit: { action: string; detail?: Record<string, unknown> }
    ): Promise<void> {
      const at = now().toISOString()
      db.transaction((tx) => {
        tx.update(operators).set(outcome).where(eq(operators.id, id)).run()
        appendAudit(tx, deviceId, at, {
          operatorId: id,
          action: audit.action,
          entity: 'operator',
          entityId: id,
          detail: audit.detail ?? null
        })
      })
    }
  }
}

export type OperatorRepo = ReturnType<typeof createOperatorRepo>
