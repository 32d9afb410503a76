import { afterEach, describe, expect, it } from 'vitest'
import { addClerk, ADMIN, fakeClock, openSignedIn, openTestServices } from '../../helpers/services'
import { hashPassword, verifyPassword } from '../../../src/main/auth/password'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies', async () => {
    const a = await hashPassword('Station2026')
    const b = await hashPassword('Station2026')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('Station2026', a)).toBe(true)
    expect(await verifyPassword('Admin12346', a)).toBe(false)
    expect(await verifyPassword('Station2026', 'plain')).toBe(false)
  })
})

describe('first start', () => {
  it('needs set-up until an administrator exists, and allows it only once', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    expect((await services.auth.status()).needsSetup).toBe(true)
    const status = await services.auth.setupAdmin(ADMIN)
    expect(status.needsSetup).toBe(false)
    expect(status.session?.operator).toMatchObject({ username: 'admin', role: 'admin' })
    await expect(services.auth.setupAdmin({ ...ADMIN, username: 'second' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
  })
})

describe('sign-in lockout', () => {
  async function withClerk() {
    const clock = fakeClock()
    const services = await openSignedIn({ now: clock.now })
    cleanups.push(services.cleanup)
    await addClerk(services)
    return { services, clock }
  }

  it('counts down the attempts left, then locks the account for 15 minutes', async () => {
    const { services, clock } = await withClerk()
    for (let left = 4; left >= 1; left--) {
      await expect(
        services.auth.signIn({ username: 'li', password: 'wrong' })
      ).rejects.toMatchObject({
        code: 'AUTH_FAILED',
        message: `用户名或密码错误，还可尝试 ${left} 次`
      })
    }
    await expect(services.auth.signIn({ username: 'li', password: 'wrong' })).rejects.toMatchObject(
      {
        code: 'ACCOUNT_LOCKED'
      }
    )
    // Even the right password is refused while locked.
    await expect(
      services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED'
    })
    clock.advanceMinutes(14)
    await expect(
      services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    ).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED'
    })
    clock.advanceMinutes(2)
    const status = await services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    expect(status.session?.operator.username).toBe('li')
    const row = await services.operators.findByUsername('li')
    expect(row).toMatchObject({ failedAttempts: 0, lockedUntil: null })
  })

  it('resets the count after a successful sign-in', async () => {
    const { services } = await withClerk()
    for (let i = 0; i < 4; i++)
      await services.auth.signIn({ username: 'li', password: 'wrong' }).catch(() => undefined)
    await services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    await expect(services.auth.signIn({ username: 'li', password: 'wrong' })).rejects.toMatchObject(
      {
        message: '用户名或密码错误，还可尝试 4 次'
      }
    )
  })

  it('gives the same answer for an unknown user name and audits the attempt', async () => {
    const { services } = await withClerk()
    await expect(services.auth.signIn({ username: 'nobody', password: 'x' })).rejects.toMatchObject(
      {
        code: 'AUTH_FAILED',
        message: '用户名或密码错误，还可尝试 4 次'
      }
    )
    const { rows } = await services.audit.list({ page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ action: 'auth.signIn.failure', operatorId: null })
  })

  it('refuses a disabled account', async () => {
    const { services } = await withClerk()
    const admin = services.auth.current()!.operator.id
    const li = (await services.operators.findByUsername('li'))!
    await services.operators.update(li.id, { active: false }, admin)
    await expect(
      services.auth.signIn({ username: 'li', password: 'Clerk12345' })
    ).rejects.toMatchObject({
      code: 'AUTH_FAILED'
    })
  })
})

describe('screen lock', () => {
  it('locks, refuses a wrong password, and signs out an account locked out while locked', async () => {
    const services = await openSignedIn()
    cleanups.push(services.cleanup)
    await services.auth.lock()
    expect(services.auth.current()?.locked).toBe(true)
    for (let i = 0; i < 4; i++) {
      await expect(services.auth.unlock('wrong')).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    }
    expect(services.auth.current()?.locked).toBe(true)
    await expect(services.auth.unlock('wrong')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
    expect(services.auth.current()).toBeNull()
  })

  it('unlocks with the right password', async () => {
    const services = await openSignedIn()
    cleanups.push(services.cleanup)
    await services.auth.lock()
    const status = await services.auth.unlock(ADMIN.password)
    expect(status.session?.locked).toBe(false)
  })
})

describe('operators', () => {
  it('keeps at least one active administrator', async () => {
    const services = await openSignedIn()
    cleanups.push(services.cleanup)
    const admin = services.auth.current()!.operator.id
    await expect(services.operators.update(admin, { role: 'clerk' }, admin)).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    await expect(services.operators.update(admin, { active: false }, admin)).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    expect((await services.operators.findById(admin))?.role).toBe('admin')
  })

  it('changes the own password only with the current one', async () => {
    const services = await openSignedIn()
    cleanups.push(services.cleanup)
    await expect(services.auth.changePassword('wrong', 'Newpass123')).rejects.toMatchObject({
      code: 'AUTH_FAILED'
    })
    await services.auth.changePassword(ADMIN.password, 'Newpass123')
    await services.auth.signOut()
    await expect(
      services.auth.signIn({ username: 'admin', password: ADMIN.password })
    ).rejects.toMatchObject({
      code: 'AUTH_FAILED'
    })
    expect(
      (await services.auth.signIn({ username: 'Admin', password: 'Newpass123' })).session
    ).not.toBeNull()
  })
})
