import { AppError } from '../../shared/errors'
import type { AuthStatus, OperatorView } from '../../shared/ipc/contract'
import type { Role } from '../../shared/roles'
import type { AuditRepo } from '../audit/audit-repo'
import { localTime } from '../../shared/dates'
import { hashPassword, verifyPassword } from './password'
import { toOperatorView, type OperatorRepo } from './operators-repo'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15
/** A session older than this is signed out, whatever its activity (one long shift). */
export const MAX_SESSION_HOURS = 12
/** The clock going back more than this is treated like a long idle: the screen locks. */
const CLOCK_BACK_TOLERANCE_MS = 60_000

export interface Session {
  operator: OperatorView
  signedInAt: string
  /** The last call (or reported keyboard/pointer activity) main saw; main decides the idle lock. */
  lastActiveAt: string
  locked: boolean
}

const clock = (iso: string) => localTime(new Date(iso))

/**
 * The one signed-in session of this workstation (a single window serves one clerk at a time).
 * `onChange` is told of every change so main can push it to the renderer.
 */
export function createAuthService(deps: {
  operators: OperatorRepo
  audit: AuditRepo
  now: () => Date
  /** The configured idle time before the screen locks (settings). */
  idleLockMinutes?: () => Promise<number>
  maxSessionHours?: number
  onChange?: (status: AuthStatus) => void
}) {
  const { operators, audit, now } = deps
  const maxSessionMs = (deps.maxSessionHours ?? MAX_SESSION_HOURS) * 3_600_000
  let session: Session | null = null

  const status = async (): Promise<AuthStatus> => ({
    needsSetup: (await operators.count()) === 0,
    session: session ? { ...session } : null
  })

  const changed = async () => {
    const next = await status()
    deps.onChange?.(next)
    return next
  }

  /**
   * Checks a password against an account, counting failures: the fifth wrong password in a row
   * locks the account for 15 minutes. Throws AUTH_FAILED / ACCOUNT_LOCKED with a clerk's message.
   */
  async function checkPassword(operatorId: string, password: string, purpose: string) {
    const row = await operators.findById(operatorId)
    if (!row || !row.active) throw new AppError('AUTH_FAILED', '用户名或密码错误')
    const at = now()
    if (row.lockedUntil && new Date(row.lockedUntil) > at) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `密码错误次数过多，账户已锁定，请于 ${clock(row.lockedUntil)} 后再试`
      )
    }
    if (await verifyPassword(password, row.passwordHash)) {
      if (row.failedAttempts > 0 || row.lockedUntil) {
        await operators.recordAttempt(
          row.id,
          { failedAttempts: 0, lockedUntil: null },
          { action: `${purpose}.success` }
        )
      } else {
        await audit.record({ operatorId: row.id, action: `${purpose}.success` })
      }
      return row
    }
    const failedAttempts = (row.lockedUntil ? 0 : row.failedAttempts) + 1
    const lockedUntil =
      failedAttempts >= MAX_FAILED_ATTEMPTS
        ? new Date(at.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
        : null
    await operators.recordAttempt(
      row.id,
      { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil },
      { action: `${purpose}.failure`, detail: { failedAttempts, locked: lockedUntil !== null } }
    )
    if (lockedUntil) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `密码连续错误 ${MAX_FAILED_ATTEMPTS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟`
      )
    }
    throw new AppError(
      'AUTH_FAILED',
      `用户名或密码错误，还可尝试 ${MAX_FAILED_ATTEMPTS - failedAttempts} 次`
    )
  }

  const startSession = (operator: OperatorView) => {
    const at = now().toISOString()
    session = { operator, signedInAt: at, lastActiveAt: at, locked: false }
  }

  const lockSession = async (reason: string, detail: Record<string, unknown> = {}) => {
    if (!session || session.locked) return
    session.locked = true
    await audit.record({
      operatorId: session.operator.id,
      action: 'auth.lock',
      ...(reason === 'manual' ? {} : { detail: { reason, ...detail } })
    })
  }

  return {
    status,

    /** The session a call runs under, or null. */
    current(): Session | null {
      return session
    },

    /**
     * Applies the time rules before a call is served, by main's clock: a session past its
     * maximum age is signed out; one idle past the configured time (or whose clock went back)
     * is locked. Tells the renderer when it changed anything.
     */
    async enforce(): Promise<Session | null> {
      if (!session) return null
      const at = now().getTime()
      const signedIn = new Date(session.signedInAt).getTime()
      if (at - signedIn >= maxSessionMs || signedIn - at > CLOCK_BACK_TOLERANCE_MS) {
        await audit.record({
          operatorId: session.operator.id,
          action: 'auth.expire',
          detail: { signedInAt: session.signedInAt, maxHours: maxSessionMs / 3_600_000 }
        })
        session = null
        await changed()
        return null
      }
      if (!session.locked) {
        const idle = at - new Date(session.lastActiveAt).getTime()
        const minutes = deps.idleLockMinutes ? await deps.idleLockMinutes() : 5
        if (idle >= minutes * 60_000 || idle < -CLOCK_BACK_TOLERANCE_MS) {
          await lockSession('idle', {
            lastActiveAt: session.lastActiveAt,
            idleLockMinutes: minutes
          })
          await changed()
        }
      }
      return session
    },

    /** Records activity of an unlocked session (a served call, or input the renderer reports). */
    touch() {
      if (session && !session.locked) session.lastActiveAt = now().toISOString()
    },

    async setupAdmin(input: { username: string; displayName: string; password: string }) {
      const row = await operators.create(
        { ...input, role: 'admin', passwordHash: await hashPassword(input.password) },
        null,
        { onlyIfEmpty: true }
      )
      await audit.record({ operatorId: row.id, action: 'auth.signIn.success' })
      startSession(toOperatorView(row))
      return changed()
    },

    async signIn(input: { username: string; password: string }) {
      const row = await operators.findByUsername(input.username)
      if (!row) {
        await audit.record({
          operatorId: null,
          action: 'auth.signIn.failure',
          detail: { username: input.username }
        })
        throw new AppError('AUTH_FAILED', '用户名或密码错误')
      }
      const verified = await checkPassword(row.id, input.password, 'auth.signIn')
      if (session && session.operator.id !== verified.id) {
        await audit.record({
          operatorId: session.operator.id,
          action: 'auth.signOut',
          detail: { replacedBy: verified.id }
        })
      }
      startSession(toOperatorView(verified))
      return changed()
    },

    async signOut() {
      if (session) await audit.record({ operatorId: session.operator.id, action: 'auth.signOut' })
      session = null
      return changed()
    },

    async lock() {
      await lockSession('manual')
      return changed()
    },

    async unlock(password: string) {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
      const operatorId = session.operator.id
      try {
        await checkPassword(operatorId, password, 'auth.unlock')
      } catch (error) {
        // A locked-out account cannot keep the screen: sign it out.
        if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') {
          session = null
          await changed()
        }
        throw error
      }
      session.locked = false
      session.lastActiveAt = now().toISOString()
      return changed()
    },

    async changePassword(current: string, next: string) {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
      await checkPassword(session.operator.id, current, 'auth.passwordCheck')
      await operators.setPassword(
        session.operator.id,
        await hashPassword(next),
        session.operator.id
      )
    },

    /** Re-entered password of the signed-in operator, for a signature (counts failures). */
    async confirmPassword(password: string, purpose: string) {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
      await checkPassword(session.operator.id, password, purpose)
      return session.operator
    },

    /** Re-reads the signed-in operator after an administrator changed the account. */
    async refresh(operatorId: string) {
      if (!session || session.operator.id !== operatorId) return
      const row = await operators.findById(operatorId)
      if (!row || !row.active) session = null
      else session.operator = toOperatorView(row)
      await changed()
    },

    hashPassword,

    hasRole(roles: readonly Role[]): boolean {
      return session !== null && roles.includes(session.operator.role)
    }
  }
}

export type AuthService = ReturnType<typeof createAuthService>
