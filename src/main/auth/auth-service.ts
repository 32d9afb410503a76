import { AppError } from '../../shared/errors'
import type { AuthStatus, OperatorView } from '../../shared/ipc/contract'
import type { Role } from '../../shared/roles'
import type { AuditRepo } from '../audit/audit-repo'
import { stationTime } from '../../shared/dates'
import { randomBytes } from 'node:crypto'
import { PASSWORD_HISTORY, REUSE_RULE, passwordProblem } from '../../shared/password-policy'
import { hashPassword, verifyPassword } from './password'
import { toOperatorView, type OperatorRepo } from './operators-repo'

export const MAX_FAILED_ATTEMPTS = 5
/** The first lockout; each further one in a row lasts twice as long (15, 30, 60… minutes). */
export const LOCKOUT_MINUTES = 15
/** A session older than this is signed out, whatever its activity (one long shift). */
export const MAX_SESSION_HOURS = 12
/** The clock going back more than this is treated like a long idle: the screen locks. */
const CLOCK_BACK_TOLERANCE_MS = 60_000
export const MAX_LOCKOUT_MINUTES = 24 * 60
/** Unknown user names whose failures are counted like an account's (oldest forgotten first). */
const MAX_UNKNOWN_NAMES = 1000

export const lockoutMinutes = (lockouts: number) =>
  Math.min(LOCKOUT_MINUTES * 2 ** Math.min(lockouts, 16), MAX_LOCKOUT_MINUTES)

export interface Session {
  operator: OperatorView
  signedInAt: string
  /** The last call (or reported keyboard/pointer activity) main saw; main decides the idle lock. */
  lastActiveAt: string
  locked: boolean
}

interface AttemptState {
  failedAttempts: number
  lockedUntil: string | null
  lockouts: number
}

const clock = (iso: string) => stationTime(new Date(iso))

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
  /**
   * An unknown user name gets the same answers and costs the same time as an account: its
   * password is hashed against a dummy hash and its failures count and lock like an account's,
   * so neither the message nor the timing tells whether the name exists.
   */
  const dummyHash = hashPassword(randomBytes(16).toString('hex'))
  const unknownNames = new Map<string, AttemptState>()

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
   * One password attempt against an account's (or an unknown name's) counters: the fifth wrong
   * password in a row locks for 15 minutes, the next lockout 30, then 60… until a success.
   * Always runs scrypt once. Returns the new counters and the refusal, if any.
   */
  async function attempt(
    state: AttemptState,
    passwordHash: string | null,
    password: string
  ): Promise<{ next: AttemptState; refusal: AppError | null; failed: boolean }> {
    const matches = await verifyPassword(password, passwordHash ?? (await dummyHash))
    const at = now()
    if (state.lockedUntil && new Date(state.lockedUntil) > at) {
      return {
        next: state,
        failed: false,
        refusal: new AppError(
          'ACCOUNT_LOCKED',
          `密码错误次数过多，账户已锁定，请于 ${clock(state.lockedUntil)} 后再试`
        )
      }
    }
    if (matches && passwordHash !== null) {
      return {
        next: { failedAttempts: 0, lockedUntil: null, lockouts: 0 },
        refusal: null,
        failed: false
      }
    }
    const failedAttempts = (state.lockedUntil ? 0 : state.failedAttempts) + 1
    if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
      const minutes = lockoutMinutes(state.lockouts)
      return {
        next: {
          failedAttempts: 0,
          lockedUntil: new Date(at.getTime() + minutes * 60_000).toISOString(),
          lockouts: state.lockouts + 1
        },
        failed: true,
        refusal: new AppError(
          'ACCOUNT_LOCKED',
          `密码连续错误 ${MAX_FAILED_ATTEMPTS} 次，账户已锁定 ${minutes} 分钟`
        )
      }
    }
    return {
      next: { failedAttempts, lockedUntil: null, lockouts: state.lockouts },
      failed: true,
      refusal: new AppError(
        'AUTH_FAILED',
        `用户名或密码错误，还可尝试 ${MAX_FAILED_ATTEMPTS - failedAttempts} 次`
      )
    }
  }

  /** Checks a password against an account, counting failures; throws the refusal. */
  async function checkPassword(operatorId: string, password: string, purpose: string) {
    const row = await operators.findById(operatorId)
    if (!row) throw new AppError('AUTH_FAILED', '用户名或密码错误')
    // A disabled account answers like a wrong password.
    const { next, refusal, failed } = await attempt(
      row,
      row.active ? row.passwordHash : null,
      password
    )
    if (!refusal) {
      if (row.failedAttempts > 0 || row.lockedUntil || row.lockouts > 0) {
        await operators.recordAttempt(row.id, next, { action: `${purpose}.success` })
      } else {
        await audit.record({ operatorId: row.id, action: `${purpose}.success` })
      }
      return row
    }
    if (failed) {
      await operators.recordAttempt(row.id, next, {
        action: `${purpose}.failure`,
        detail: {
          failedAttempts: next.lockedUntil ? MAX_FAILED_ATTEMPTS : next.failedAttempts,
          locked: next.lockedUntil !== null,
          ...(next.lockedUntil ? { lockout: next.lockouts } : {})
        }
      })
    }
    throw refusal
  }

  /** A sign-in with a user name no account has: the same work and answers as a wrong password. */
  async function unknownName(username: string, password: string): Promise<never> {
    const key = username.toLowerCase()
    const state = unknownNames.get(key) ?? { failedAttempts: 0, lockedUntil: null, lockouts: 0 }
    const { next, refusal, failed } = await attempt(state, null, password)
    unknownNames.delete(key)
    unknownNames.set(key, next)
    if (unknownNames.size > MAX_UNKNOWN_NAMES)
      unknownNames.delete(unknownNames.keys().next().value!)
    if (failed) {
      await audit.record({
        operatorId: null,
        action: 'auth.signIn.failure',
        detail: { username, locked: next.lockedUntil !== null }
      })
    }
    throw refusal!
  }

  async function refresh(operatorId: string) {
    if (!session || session.operator.id !== operatorId) return
    const row = await operators.findById(operatorId)
    if (!row || !row.active) {
      await audit.record({ operatorId, action: 'auth.signOut', detail: { reason: 'disabled' } })
      session = null
    } else session.operator = toOperatorView(row)
    await changed()
  }

  /** Refuses a new password that breaks a rule or repeats one of the last five. */
  async function checkNewPassword(operatorId: string | null, username: string, next: string) {
    const problem = passwordProblem(next, username)
    const refuse = (message: string) =>
      new AppError('VALIDATION', `输入有误（新密码）：${message}`, {
        next: message,
        password: message
      })
    if (problem) throw refuse(problem)
    if (!operatorId) return
    for (const old of await operators.recentPasswordHashes(operatorId, PASSWORD_HISTORY)) {
      if (await verifyPassword(next, old)) throw refuse(REUSE_RULE)
    }
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
      await checkNewPassword(null, input.username, input.password)
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
      if (!row) return unknownName(input.username, input.password)
      const verified = await checkPassword(row.id, input.password, 'auth.signIn')
      if (session && session.operator.id !== verified.id) {
        await audit.record({
          operatorId: session.operator.id,
          action: 'auth.signOut',
          detail: { replacedBy: verified.id }
        })
      }
      // A password set before the current rules (e.g. `Admin12345` for user admin) signs in once
      // more, then must be changed like after a reset.
      const weak =
        !verified.passwordChangeRequired && passwordProblem(input.password, verified.username)
      startSession(
        toOperatorView(weak ? await operators.requirePasswordChange(verified.id, weak) : verified)
      )
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

    /** The operator's own change: rules, no reuse of the last 5; ends a forced change. */
    async changePassword(current: string, next: string) {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
      const row = await checkPassword(session.operator.id, current, 'auth.passwordCheck')
      await checkNewPassword(row.id, row.username, next)
      const updated = await operators.setPassword(row.id, await hashPassword(next), row.id)
      if (session?.operator.id === row.id) {
        session.operator = toOperatorView(updated)
        await changed()
      }
    },

    /** An administrator's reset: the rules (not the history, which the administrator must not probe). */
    async resetPassword(operatorId: string, password: string, actorId: string) {
      const row = await operators.findById(operatorId)
      if (!row) throw new AppError('NOT_FOUND', '找不到该操作员')
      await checkNewPassword(null, row.username, password)
      const updated = await operators.setPassword(operatorId, await hashPassword(password), actorId)
      await refresh(operatorId)
      return updated
    },

    /** Re-entered password of the signed-in operator, for a signature (counts failures). */
    async confirmPassword(password: string, purpose: string) {
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
      await checkPassword(session.operator.id, password, purpose)
      return session.operator
    },

    /** Re-reads the signed-in operator after an administrator changed the account. */
    refresh,

    hashPassword,

    hasRole(roles: readonly Role[]): boolean {
      return session !== null && roles.includes(session.operator.role)
    }
  }
}

export type AuthService = ReturnType<typeof createAuthService>
