import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN, fakeClock, openSignedIn } from '../../helpers/services'
import { hashPassword, verifyPassword } from '../../../src/main/auth/password'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { newPassword } from '../../../src/shared/ipc/fields'
import { contract, type OperatorView } from '../../../src/shared/ipc/contract'
import { passwordProblem } from '../../../src/shared/password-policy'
import type { Role } from '../../../src/shared/roles'

// The real functions, watched: which hash each sign-in checks a password against.
vi.mock('../../../src/main/auth/password', async (original) => {
  const real = await original<typeof import('../../../src/main/auth/password')>()
  return {
    ...real,
    hashPassword: vi.fn(real.hashPassword),
    verifyPassword: vi.fn(real.verifyPassword)
  }
})

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

async function withOperator(role: Role, password = 'Clerk12345', now?: () => Date) {
  const services = await openSignedIn(now ? { now } : {})
  cleanups.push(services.cleanup)
  const admin = services.auth.current()!.operator.id
  const row = await services.operators.create(
    { username: 'li', displayName: '李娜', role, passwordHash: await hashPassword(password) },
    admin
  )
  const table = createIpcTable(services, trustOrigins([ORIGIN]))
  return { services, table, admin, id: row.id }
}

/** The operator's own change ends a forced change: every call is open again. */
async function expectChangedThenFree(
  services: Awaited<ReturnType<typeof openSignedIn>>,
  table: ReturnType<typeof createIpcTable>,
  id: string,
  current: string,
  next: string
) {
  const changed = await table.invoke('auth:changePassword', { current, next }, meta)
  expect(changed.ok).toBe(true)
  expect(services.auth.current()?.operator.passwordChangeRequired).toBe(false)
  expect((await table.invoke('logbooks:rules', undefined, meta)).ok).toBe(true)
  expect((await services.operators.findById(id))?.passwordChangeRequired).toBe(false)
}

describe('password rules (等保 2.0 level 3)', () => {
  it('wants 8 characters from 3 of 4 classes, without the user name', () => {
    expect(passwordProblem('Ab1!', 'li')).toBe('密码至少 8 位')
    expect(passwordProblem('password1', 'li')).toBe(
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'
    )
    expect(passwordProblem('abcdefgh', 'li')).not.toBeNull()
    expect(passwordProblem('ABCD1234', 'li')).not.toBeNull()
    expect(passwordProblem('Station2026', 'admin')).toBeNull()
    expect(passwordProblem('abcd1234!', 'wang')).toBeNull()
    expect(passwordProblem('ABCD-1234', 'wang')).toBeNull()
    expect(passwordProblem('Admin12345', 'admin')).toBe('密码不能包含用户名')
    expect(passwordProblem('xxWANG.li2026', 'wang.li')).toBe('密码不能包含用户名')
  })

  it('refuses a weak or name-containing password at the contract and in main', async () => {
    expect(newPassword.safeParse('password1').success).toBe(false)
    expect(newPassword.safeParse('Admin12345').success).toBe(true)
    expect(
      contract.auth.setupAdmin.input.safeParse({
        username: 'admin',
        displayName: '王',
        password: 'Admin12345'
      }).error?.issues[0]
    ).toMatchObject({ path: ['password'], message: '密码不能包含用户名' })
    const { table, id } = await withOperator('clerk')
    const weak = await table.invoke('operators:resetPassword', { id, password: 'password1' }, meta)
    expect(weak.ok || weak.error.message).toContain('至少 3 类')
    const named = await table.invoke('operators:resetPassword', { id, password: 'Li-2026xx' }, meta)
    expect(named.ok || named.error.message).toContain('密码不能包含用户名')
  })

  it('refuses any of the last 5 passwords, and takes the 6th back', async () => {
    const { services } = await withOperator('clerk', 'Pass-0000')
    await services.auth.signIn({ username: 'li', password: 'Pass-0000' })
    const passwords = ['Pass-0000', 'Pass-1111', 'Pass-2222', 'Pass-3333', 'Pass-4444', 'Pass-5555']
    for (let i = 1; i < passwords.length; i++)
      await services.auth.changePassword(passwords[i - 1]!, passwords[i]!)
    // The current one and the four before it are refused; nothing changes.
    for (const old of passwords.slice(1)) {
      await expect(services.auth.changePassword('Pass-5555', old)).rejects.toMatchObject({
        code: 'VALIDATION',
        fields: { next: '新密码不能与最近 5 次使用过的密码相同' }
      })
    }
    await services.auth.changePassword('Pass-5555', 'Pass-0000')
    await services.auth.signOut()
    expect(
      (await services.auth.signIn({ username: 'li', password: 'Pass-0000' })).session
    ).not.toBeNull()
  })
})

describe('forced change after an administrator’s reset', () => {
  it('lets the operator do nothing but change the password, then everything again', async () => {
    const { services, table, id } = await withOperator('clerk')
    const reset = await table.invoke('operators:resetPassword', { id, password: 'Temp-2026' }, meta)
    expect(reset.ok && (reset.value as OperatorView).passwordChangeRequired).toBe(true)

    const status = await services.auth.signIn({ username: 'li', password: 'Temp-2026' })
    expect(status.session?.operator.passwordChangeRequired).toBe(true)
    for (const [channel, input] of [
      ['logbooks:rules', undefined],
      ['calendar:schedules', undefined],
      ['app:openDocument', { path: '/tmp/x.pdf' }]
    ] as const) {
      const refused = await table.invoke(channel, input, meta)
      expect(refused.ok || refused.error.code, channel).toBe('PASSWORD_CHANGE_REQUIRED')
    }
    expect((await table.invoke('auth:status', undefined, meta)).ok).toBe(true)

    // The temporary password cannot be kept.
    const same = await table.invoke(
      'auth:changePassword',
      { current: 'Temp-2026', next: 'Temp-2026' },
      meta
    )
    expect(same.ok || same.error.code).toBe('VALIDATION')
    await expectChangedThenFree(services, table, id, 'Temp-2026', 'Mine-2026')
  })
})

describe('a new account made by the administrator', () => {
  it('has a temporary password: the operator must change it at the first sign-in', async () => {
    const services = await openSignedIn()
    cleanups.push(services.cleanup)
    const table = createIpcTable(services, trustOrigins([ORIGIN]))
    const created = await table.invoke(
      'operators:create',
      { username: 'zhao', displayName: '赵刚', role: 'clerk', password: 'Temp-2026' },
      meta
    )
    expect(created.ok && (created.value as OperatorView).passwordChangeRequired).toBe(true)
    const id = (created.ok && (created.value as OperatorView).id) as string
    expect((await services.operators.findById(id))?.passwordChangeRequired).toBe(true)

    await services.auth.signIn({ username: 'zhao', password: 'Temp-2026' })
    const refused = await table.invoke('logbooks:rules', undefined, meta)
    expect(refused.ok || refused.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    await expectChangedThenFree(services, table, id, 'Temp-2026', 'Mine-2026x')

    // The administrator's own account, made at first start, is not temporary.
    const admin = await services.operators.findByUsername(ADMIN.username)
    expect(admin?.passwordChangeRequired).toBe(false)
  })
})

describe('a password from before the rules', () => {
  it('still signs in once, then must be changed before anything else', async () => {
    const { services, table, id } = await withOperator('clerk', 'password1')
    const status = await services.auth.signIn({ username: 'li', password: 'password1' })
    expect(status.session?.operator.passwordChangeRequired).toBe(true)
    const refused = await table.invoke('logbooks:rules', undefined, meta)
    expect(refused.ok || refused.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    const { rows } = await services.audit.list({ page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ action: 'operator.password.changeRequired', entityId: id })
    await services.auth.changePassword('password1', 'Better-2026')
    expect(services.auth.current()?.operator.passwordChangeRequired).toBe(false)
  })
})

describe('lockout', () => {
  const fail5 = async (services: Awaited<ReturnType<typeof withOperator>>['services']) => {
    for (let i = 0; i < 4; i++)
      await expect(
        services.auth.signIn({ username: 'li', password: 'wrong' })
      ).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    return services.auth.signIn({ username: 'li', password: 'wrong' }).catch((e: Error) => e)
  }

  it('doubles: 15 minutes, then 30, then 60, and starts over after a success', async () => {
    const clock = fakeClock()
    const { services } = await withOperator('clerk', 'Clerk12345', clock.now)
    const signIn = () => services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    for (const minutes of [15, 30, 60]) {
      expect(await fail5(services)).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        message: `密码连续错误 5 次，账户已锁定 ${minutes} 分钟`
      })
      clock.advanceMinutes(minutes - 1)
      await expect(signIn()).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
      clock.advanceMinutes(2)
    }
    expect((await signIn()).session?.operator.username).toBe('li')
    expect(await services.operators.findByUsername('li')).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
      lockouts: 0
    })
    expect(await fail5(services)).toMatchObject({
      message: '密码连续错误 5 次，账户已锁定 15 分钟'
    })
  })

  it('answers an unknown user name exactly like a known one, lockout included', async () => {
    const clock = fakeClock()
    const { services } = await withOperator('clerk', 'Clerk12345', clock.now)
    const answers = async (username: string) => {
      const out: string[] = []
      for (let i = 0; i < 7; i++) {
        const error = await services.auth
          .signIn({ username, password: 'wrong' })
          .catch((e: { code: string; message: string }) => e)
        out.push(`${(error as { code: string }).code} ${(error as { message: string }).message}`)
      }
      return out
    }
    const known = await answers('li')
    const unknown = await answers('nobody')
    expect(unknown).toEqual(known)
    expect(known[4]).toBe('ACCOUNT_LOCKED 密码连续错误 5 次，账户已锁定 15 分钟')
  })

  it('does the same password work for an unknown user name: one scrypt check at the same cost', async () => {
    const { services } = await withOperator('clerk')
    const checks = vi.mocked(verifyPassword)
    const derivations = vi.mocked(hashPassword)
    /**
     * The hashes one wrong sign-in checked its password against, as their cost parameters; and
     * no other derivation (the unknown name's dummy hash is made once, when the service starts).
     */
    const costs = async (username: string) => {
      checks.mockClear()
      derivations.mockClear()
      await services.auth.signIn({ username, password: 'wrong' }).catch(() => undefined)
      expect(derivations).not.toHaveBeenCalled()
      return checks.mock.calls.map(([, stored]) => {
        const [scheme, n, r, p, salt, key] = stored.split('$')
        const bytes = (text: string | undefined) => Buffer.from(text ?? '', 'base64').length
        return { scheme, n, r, p, salt: bytes(salt), key: bytes(key) }
      })
    }
    const known = await costs('li')
    expect(known).toEqual([{ scheme: 'scrypt', n: '32768', r: '8', p: '1', salt: 16, key: 32 }])
    expect(await costs('nobody')).toEqual(known)
    expect(await costs('nobody')).toEqual(known)
  })
})

describe('separation of duties', () => {
  it('the auditor reads and verifies the audit log and changes nothing', async () => {
    const { services, table } = await withOperator('auditor')
    await services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    const list = await table.invoke('audit:list', { page: 1, pageSize: 10 }, meta)
    expect(list.ok && (list.value as { total: number }).total).toBeGreaterThan(0)
    expect((await table.invoke('audit:verify', undefined, meta)).ok).toBe(true)
    for (const [channel, input] of [
      ['settings:update', { stationName: '改' }],
      [
        'operators:create',
        { username: 'x1', displayName: '某', role: 'clerk', password: 'Abcd-1234' }
      ],
      ['logbooks:rules', undefined],
      ['app:openDocument', { path: '/tmp/x.pdf' }]
    ] as const) {
      const refused = await table.invoke(channel, input, meta)
      expect(refused.ok || refused.error.code, channel).toBe('FORBIDDEN')
    }
    // The own password and the screen lock stay the auditor's.
    const changed = await table.invoke(
      'auth:changePassword',
      { current: 'Clerk12345', next: 'Audit-2026' },
      meta
    )
    expect(changed.ok).toBe(true)
    expect((await table.invoke('auth:lock', undefined, meta)).ok).toBe(true)
  })

  it('the administrator (and the director) cannot read the audit log', async () => {
    const { services, table } = await withOperator('director')
    expect(services.auth.current()?.operator.username).toBe(ADMIN.username)
    for (const channel of ['audit:list', 'audit:verify']) {
      const input = channel === 'audit:list' ? { page: 1, pageSize: 10 } : undefined
      const refused = await table.invoke(channel, input, meta)
      expect(refused.ok || refused.error.code, channel).toBe('FORBIDDEN')
    }
    await services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    const director = await table.invoke('audit:verify', undefined, meta)
    expect(director.ok || director.error.code).toBe('FORBIDDEN')
  })
})
