import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationServerConfig } from '../../src/shared/station/config'
import type { Progress } from '../../src/shared/ipc/contract'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { fakeClock, openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

const ADMIN_A = { username: 'admin', displayName: '王建国', password: 'Station2026' }
const CLERK = { username: 'li.na', password: 'Clerk12345' }

const openPc = (onStationProgress?: (progress: Progress) => void) =>
  openTestServices({
    now: fakeClock('2026-09-30T02:00:00.000Z').now,
    ...(onStationProgress ? { onStationProgress } : {})
  })
type Pc = Awaited<ReturnType<typeof openPc>>

const errorOf = async (work: Promise<unknown>) => {
  try {
    await work
    return null
  } catch (error) {
    return error as { code: string; message: string; fields?: Record<string, string> }
  }
}

describe('a new PC joins the station at first start instead of setting up its own administrator', () => {
  let config: StationServerConfig
  let database: string
  const progress: Progress[] = []
  let a: Pc
  let b: Pc
  const opened: Pc[] = []

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('join'))
    a = await openPc()
    opened.push(a)
    await a.auth.setupAdmin(ADMIN_A)
    const adminId = a.auth.current()!.operator.id
    await a.operators.create(
      {
        username: CLERK.username,
        displayName: '李娜',
        role: 'clerk',
        passwordHash: await a.auth.hashPassword(CLERK.password)
      },
      adminId
    )
    await a.station.save(config, WINDOW.password, STATION_PASSPHRASE, adminId)
    b = await openPc((step) => progress.push(step))
    opened.push(b)
  })
  afterAll(() => {
    for (const pc of opened) {
      pc.station.stop()
      pc.cleanup()
    }
  })

  it('refuses a server without a station key, and a wrong passphrase, changing nothing', async () => {
    const { config: empty } = await migratedStation('join_empty')
    const unset = await errorOf(b.station.join(empty, WINDOW.password, STATION_PASSPHRASE))
    expect(unset?.message).toContain('还没有本所密钥')
    const wrong = await errorOf(b.station.join(config, WINDOW.password, 'not the passphrase!'))
    expect(wrong?.code).toBe('VALIDATION')
    expect(wrong?.fields).toHaveProperty('passphrase')
    expect(b.station.get().config).toBeNull()
    expect((await b.auth.status()).needsSetup).toBe(true)
  })

  it('takes the station’s accounts: its administrator and clerk sign in here', async () => {
    const joined = await b.station.join(config, WINDOW.password, STATION_PASSPHRASE)
    expect(joined.report.ok).toBe(true)
    expect(joined.accounts).toBe(2)
    expect((await b.auth.status()).needsSetup).toBe(false)
    await b.auth.signIn({ username: CLERK.username, password: CLERK.password })
    expect(b.auth.current()!.operator).toMatchObject({ displayName: '李娜', role: 'clerk' })
    await b.auth.signIn({ username: ADMIN_A.username, password: ADMIN_A.password })
    expect(b.auth.current()!.operator.role).toBe('admin')
    // Linked like any PC: what B writes reaches A.
    expect(b.station.get().config).toMatchObject({ host: config.host, database: config.database })
    expect(b.station.get().hasStationKey).toBe(true)
    // The join screen showed how far the first round was: to every row the other PC uploaded.
    const admin = await superuserClient(database)
    const { rows } = await admin
      .query<{ n: number }>('SELECT count(*)::int AS n FROM station_feed WHERE device_id <> $1', [
        b.deviceId
      ])
      .finally(() => admin.end())
    expect(rows[0]!.n).toBeGreaterThan(2)
    expect(progress.at(-1)).toEqual({ done: rows[0]!.n, total: rows[0]!.n })
    expect(progress.every((step, i) => i === 0 || step.done > progress[i - 1]!.done)).toBe(true)
  })

  it('is refused once the PC has an operator', async () => {
    const again = await errorOf(b.station.join(config, WINDOW.password, STATION_PASSPHRASE))
    expect(again?.code).toBe('FORBIDDEN')
    const c = await openPc()
    opened.push(c)
    await c.auth.setupAdmin({ username: 'admin_c', displayName: '赵', password: 'Station2026' })
    const set = await errorOf(c.station.join(config, WINDOW.password, STATION_PASSPHRASE))
    expect(set?.code).toBe('FORBIDDEN')
    expect(c.station.get().config).toBeNull()
  })
})
