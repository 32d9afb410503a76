import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, WINDOW } from '../helpers/pg-test'
import { fakeClock, openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

const CLERK = { username: 'li.na', password: 'Clerk12345' }

/** One window's PC in station mode (rounds on demand), its administrator signed in. */
async function openPc(name: string) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const services = await openTestServices({ now: clock.now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const asAdmin = () => services.auth.signIn({ username: `admin_${name}`, password: 'Station2026' })
  /** Whether the clerk signs in at this PC with `password` (the administrator signs in after). */
  const clerkSignsIn = async (password: string) => {
    try {
      await services.auth.signIn({ username: CLERK.username, password })
      return true
    } catch {
      return false
    } finally {
      await asAdmin()
    }
  }
  const clerk = () => services.operators.findByUsername(CLERK.username)
  const round = () => services.station.uploadNow()
  return { services, adminId, clock, asAdmin, clerkSignsIn, clerk, round }
}

describe('operators’ accounts live across the station: made on one PC, signed in at any', () => {
  let config: StationServerConfig
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>
  let clerkId: string

  beforeAll(async () => {
    ;({ config } = await migratedStation('accounts'))
    a = await openPc('a')
    b = await openPc('b')
    clerkId = (
      await a.services.operators.create(
        {
          username: CLERK.username,
          displayName: '李娜',
          role: 'clerk',
          passwordHash: await a.services.auth.hashPassword(CLERK.password)
        },
        a.adminId
      )
    ).id
    await a.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, a.adminId)
    await b.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, b.adminId)
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('a clerk made on A signs in at B; disabled on A, she no longer can there', async () => {
    expect(await b.clerk()).toMatchObject({ id: clerkId, displayName: '李娜', active: true })
    expect(await b.clerkSignsIn(CLERK.password)).toBe(true)

    await a.services.operators.update(clerkId, { active: false }, a.adminId)
    expect(a.services.station.status().pending).toBeGreaterThan(0)
    await a.round()
    await b.round()
    expect(await b.clerk()).toMatchObject({ active: false, version: 1 })
    expect(await b.clerkSignsIn(CLERK.password)).toBe(false)

    await a.services.operators.update(clerkId, { active: true }, a.adminId)
    await a.round()
    await b.round()
    expect(await b.clerkSignsIn(CLERK.password)).toBe(true)
    // What B took from the server is not queued back (its sign-ins' audit rows are).
    expect(
      b.services.sqlite
        .prepare(
          `SELECT count(*) FROM station_outbox WHERE tbl = 'operators'
             AND seq > (SELECT acked_seq FROM station_link)`
        )
        .pluck()
        .get()
    ).toBe(0)
  })

  it('a password changed at B is the one A accepts after its next round', async () => {
    await b.services.auth.signIn({ username: CLERK.username, password: CLERK.password })
    await b.services.auth.changePassword(CLERK.password, 'Window2026new')
    await b.asAdmin()
    await b.round()
    await a.round()
    expect(await a.clerkSignsIn(CLERK.password)).toBe(false)
    expect(await a.clerkSignsIn('Window2026new')).toBe(true)
    expect((await a.clerk())?.version).toBe((await b.clerk())?.version)
  })

  it('two PCs changing the account before either uploads: the later is refused and listed', async () => {
    await a.services.operators.update(clerkId, { displayName: '李娜娜' }, a.adminId)
    await b.services.operators.update(clerkId, { displayName: '李丽娜', role: 'field' }, b.adminId)
    await a.round()
    const refused = await b.round()
    expect(refused.conflicts).toBe(1)
    // B follows the server's account; its change is kept in the list, no password hash in it.
    expect(await b.clerk()).toMatchObject({ displayName: '李娜娜', role: 'clerk' })
    const [conflict] = b.services.station.conflicts()
    expect(conflict).toMatchObject({ table: 'operators', key: clerkId, canSendLocal: false })
    expect(conflict!.fields).toEqual([
      { column: 'display_name', local: '李丽娜', server: '李娜娜' },
      { column: 'role', local: 'field', server: 'clerk' }
    ])
    const stored = b.services.sqlite
      .prepare('SELECT local || server FROM station_conflicts WHERE tbl = ?')
      .pluck()
      .get('operators') as string
    expect(stored).not.toMatch(/scrypt|\$/)
    // A never took B's values.
    expect(await a.clerk()).toMatchObject({ displayName: '李娜娜', role: 'clerk' })
    await a.round()
    expect(await a.clerk()).toMatchObject({ displayName: '李娜娜', role: 'clerk' })
  })

  it('the clerk signed in at B follows her account from A: renamed at once, signed out when disabled', async () => {
    await b.services.auth.signIn({ username: CLERK.username, password: 'Window2026new' })
    await a.services.operators.update(clerkId, { displayName: '李娜（内勤）' }, a.adminId)
    await a.round()
    await b.round()
    await expect.poll(() => b.services.auth.current()?.operator.displayName).toBe('李娜（内勤）')

    await a.services.operators.update(clerkId, { active: false }, a.adminId)
    await a.round()
    await b.round()
    await expect.poll(() => b.services.auth.current()).toBeNull()
    const signedOut = b.services.sqlite
      .prepare(
        `SELECT detail FROM audit_log WHERE action = 'auth.signOut' AND operator_id = ?
           ORDER BY seq DESC LIMIT 1`
      )
      .pluck()
      .get(clerkId) as string
    expect(JSON.parse(signedOut)).toEqual({ reason: 'disabled' })
    await a.services.operators.update(clerkId, { active: true }, a.adminId)
    await a.round()
    await b.asAdmin()
  })
})
