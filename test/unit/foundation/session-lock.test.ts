import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/ipc/contract'
import { channelOf } from '../../../src/shared/ipc/api'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { sample } from '../../helpers/contract-samples'
import { ADMIN, fakeClock, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

const calls = Object.entries(contract).flatMap(([namespace, defs]) =>
  Object.entries(defs).map(([method, def]) => ({ channel: channelOf(namespace, method), def }))
)

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

async function open() {
  const clock = fakeClock()
  const services = await openSignedIn({ now: clock.now })
  cleanups.push(services.cleanup)
  return { services, clock, table: createIpcTable(services, trustOrigins([ORIGIN])) }
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) =>
  result.ok ? 'OK' : result.error!.code

describe('idle lock and expiry decided by main', () => {
  it('locks a session idle past the configured time: every call refused but the locked-screen ones', async () => {
    const { services, clock, table } = await open()
    expect(codeOf(await table.invoke('settings:get', undefined, meta))).toBe('OK')
    clock.advanceMinutes(5) // the default idleLockMinutes
    expect(
      codeOf(await table.invoke('logbooks:list', sample(contract.logbooks.list.input), meta))
    ).toBe('SESSION_LOCKED')
    expect(services.auth.current()?.locked).toBe(true)
    const lockRow = (await services.audit.list({ page: 1, pageSize: 5, action: 'auth.lock' }))
      .rows[0]
    expect(lockRow?.detail).toContain('"reason":"idle"')

    const refused: string[] = []
    const served: string[] = []
    for (const { channel, def } of calls) {
      if (channel === 'auth:unlock' || channel === 'auth:signOut' || channel === 'auth:signIn')
        continue
      const result = await table.invoke(channel, sample(def.input), meta)
      if (codeOf(result) === 'SESSION_LOCKED') refused.push(channel)
      else served.push(channel)
    }
    // Only the calls a lock screen needs get past the lock (they may still fail on their own).
    expect(served.sort()).toEqual(
      calls
        .filter(({ def }) => def.access === 'public' || def.whileLocked)
        .map(({ channel }) => channel)
        .filter((c) => !['auth:unlock', 'auth:signOut', 'auth:signIn'].includes(c))
        .sort()
    )
    expect(served).not.toContain('logbooks:get')
    expect(refused).toContain('logbooks:get')
    expect(refused).toContain('auth:activity')
    expect(refused.length).toBeGreaterThan(50)

    const wrong = await table.invoke('auth:unlock', { password: 'Wrong12345' }, meta)
    expect(codeOf(wrong)).toBe('AUTH_FAILED')
    const unlocked = await table.invoke('auth:unlock', { password: ADMIN.password }, meta)
    expect(codeOf(unlocked)).toBe('OK')
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('OK')
  })

  it('counts calls as activity, and locks when the clock is moved forward 8 hours', async () => {
    const { services, clock, table } = await open()
    for (let i = 0; i < 6; i++) {
      clock.advanceMinutes(4)
      expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('OK')
      // Keyboard activity reported by the screen counts as well.
      clock.advanceMinutes(4)
      expect(codeOf(await table.invoke('auth:activity', undefined, meta))).toBe('OK')
    }
    // A status call alone (the lock screen polling) does not keep the session awake.
    clock.advanceMinutes(4)
    expect(codeOf(await table.invoke('auth:status', undefined, meta))).toBe('OK')
    clock.advanceMinutes(1)
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('SESSION_LOCKED')
    await services.auth.unlock(ADMIN.password)

    clock.advanceMinutes(8 * 60)
    const status = await table.invoke('auth:status', undefined, meta)
    expect(status.ok && status.value).toMatchObject({ session: { locked: true } })
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('SESSION_LOCKED')
  })

  it('follows the configured idle time', async () => {
    const { services, clock, table } = await open()
    const admin = services.auth.current()!.operator.id
    await services.settings.update({ idleLockMinutes: 30 }, { operatorId: admin, deviceId: 'x' })
    clock.advanceMinutes(29)
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('OK')
    clock.advanceMinutes(30)
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('SESSION_LOCKED')
  })

  it('locks when the clock is moved back', async () => {
    const { clock, table } = await open()
    clock.advanceMinutes(-10)
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).not.toBe('OK')
  })

  it('signs out a session past its maximum age even while active, audited', async () => {
    const { services, clock, table } = await open()
    for (let hour = 0; hour < 12 * 15; hour++) {
      clock.advanceMinutes(4)
      const result = await table.invoke('operators:list', undefined, meta)
      if (!result.ok) break
    }
    expect(services.auth.current()).toBeNull()
    expect(codeOf(await table.invoke('operators:list', undefined, meta))).toBe('UNAUTHENTICATED')
    expect(codeOf(await table.invoke('auth:unlock', { password: ADMIN.password }, meta))).toBe(
      'UNAUTHENTICATED'
    )
    const expired = await services.audit.list({ page: 1, pageSize: 5, action: 'auth.expire' })
    expect(expired.total).toBe(1)
    // Signed out at 12 hours, not before.
    expect(
      new Date(expired.rows[0]!.at).getTime() - new Date('2026-11-28T01:00:00Z').getTime()
    ).toBe(12 * 3_600_000)
  })
})
