import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EntryInput } from '../../src/shared/logbooks/contract'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { deviceUsername } from '../../src/main/station/uploader'
import { contract } from '../../src/shared/ipc/contract'
import { downloadAlone, uploadKilledAfterCommit } from '../helpers/station-rounds'
import { fakeClock, openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

const booking = (phone: string, day = 1): EntryInput => ({
  book: 'phone',
  occurredAt: `2026-09-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  status: 'open',
  fields: {
    callerName: '王秀兰',
    sex: 'female',
    address: '月坛北街 3 号楼',
    matter: '预约上门办理居住登记',
    callerPhone: phone
  }
})

async function openPc(name: string) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const services = await openTestServices({ now: clock.now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const clerkId = (
    await services.operators.create(
      {
        username: `clerk_${name}`,
        displayName: `窗口${name}`,
        role: 'clerk',
        passwordHash: await services.auth.hashPassword('Window12345')
      },
      adminId
    )
  ).id
  const amend = async (id: string, phone: string, reason: string) =>
    (await services.logbooks.service.amend({ ...booking(phone), id, reason } as never, clerkId))
      .entry
  /** The entry's versions here: version, id, superseded_by, oldest first. */
  const versions = (rootId: string) =>
    services.sqlite
      .prepare(
        'SELECT version, id, superseded_by AS next FROM logbook_phone WHERE root_id = ? ORDER BY version'
      )
      .all(rootId) as { version: number; id: string; next: string | null }[]
  const current = async (rootId: string) =>
    (
      await services.logbooks.service.list({
        book: 'phone',
        sort: 'occurredAt',
        order: 'desc',
        page: 1,
        pageSize: 50
      })
    ).rows.filter((entry) => entry.rootId === rootId)
  return { services, adminId, clerkId, amend, versions, current }
}

describe('two PCs amend one entry before either uploads', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('amendrace'))
    a = await openPc('a')
    b = await openPc('b')
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('keeps both corrections in order, the later upload current, and the second PC keeps uploading', async () => {
    const [rootId] = await a.services.logbooks.service.createMany(
      [booking('13812345678')],
      a.clerkId
    )
    await a.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, a.adminId)
    await b.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, b.adminId)
    expect(b.versions(rootId!)).toHaveLength(1)

    // Both correct version 1 while neither has uploaded.
    const fromA = await a.amend(rootId!, '13812345679', 'A 改电话')
    const fromB = await b.amend(rootId!, '13812345670', 'B 改电话')
    expect(fromA.version).toBe(2)
    expect(fromB.version).toBe(2)
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)

    // B also writes a new entry; its round must not stop at the clash.
    await b.services.logbooks.service.createMany([booking('13700002222', 3)], b.clerkId)
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt).toMatchObject({ ok: true })
    expect(round.lastAttempt?.message).toContain('1 条登记在本机更正时，另一台电脑已先更正了同一条')
    expect(round.pending).toBe(0)

    // The server: A's correction, then B's, one current version; B's new entry is there.
    const server = await superuserClient(database)
    try {
      const { rows } = await server.query<{ id: string; version: number; next: string | null }>(
        `SELECT id, version, superseded_by AS next FROM logbook_phone
          WHERE root_id = $1 ORDER BY version`,
        [rootId]
      )
      expect(rows).toEqual([
        { id: rootId, version: 1, next: fromA.id },
        { id: fromA.id, version: 2, next: fromB.id },
        { id: fromB.id, version: 3, next: null }
      ])
      const { rows: all } = await server.query('SELECT count(*)::int AS n FROM logbook_phone')
      expect(all[0].n).toBe(4)
    } finally {
      await server.end()
    }

    // A takes B's correction as current; B keeps its own and does not take A's (same number).
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect(a.versions(rootId!)).toEqual([
      { version: 1, id: rootId, next: fromA.id },
      { version: 2, id: fromA.id, next: fromB.id },
      { version: 3, id: fromB.id, next: null }
    ])
    const onA = await a.current(rootId!)
    expect(onA.map((entry) => [entry.id, entry.fields.callerPhone])).toEqual([
      [fromB.id, '13812345670']
    ])
    const onB = await b.current(rootId!)
    expect(onB.map((entry) => [entry.id, entry.fields.callerPhone])).toEqual([
      [fromB.id, '13812345670']
    ])
    expect(b.versions(rootId!).map((v) => v.id)).toEqual([rootId, fromB.id])
    // B's pointer from version 1 differs from the server's: listed for the administrator.
    expect(b.services.station.conflicts()).toMatchObject([
      {
        table: 'logbook_phone',
        key: rootId,
        fields: [{ column: 'superseded_by', local: fromB.id, server: fromA.id }]
      }
    ])

    // Later rounds and a further correction on B go on as usual.
    const further = await b.amend(fromB.id, '13812345671', 'B 再改')
    const again = await b.services.station.uploadNow()
    expect(again.lastAttempt?.ok).toBe(true)
    expect(again.pending).toBe(0)
    // (B's numbers lag the server's by one: following its own version is no news.)
    expect(again.lastAttempt?.message).not.toContain('另一台电脑已先更正')
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect((await a.current(rootId!)).map((entry) => entry.id)).toEqual([further.id])
    expect(a.versions(rootId!).map((v) => v.version)).toEqual([1, 2, 3, 4])

    // A corrects the current version and uploads; B corrects it too and, in the middle of a
    // round, takes A's before its own goes up: one version stays current on B.
    const secondFromA = await a.amend(further.id, '13812345672', 'A 再改')
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    const secondFromB = await b.amend(further.id, '13812345673', 'B 三改')
    await downloadAlone(b.services, database)
    const third = await b.services.station.uploadNow()
    expect(third.lastAttempt?.message).toContain('1 条登记在本机更正时，另一台电脑已先更正了同一条')
    expect((await b.current(rootId!)).map((entry) => entry.id)).toEqual([secondFromB.id])
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect((await a.current(rootId!)).map((entry) => entry.id)).toEqual([secondFromB.id])
    expect(b.versions(rootId!).find((v) => v.id === secondFromA.id)?.next).toBe(secondFromB.id)
    expect(await a.services.audit.verify()).toMatchObject({ ok: true })
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('a PC killed after the server stored its batch learns at restart what the server did with its inserts', async () => {
    const [rootId] = await a.services.logbooks.service.createMany(
      [booking('13811112222', 5)],
      a.clerkId
    )
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect((await b.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    const fromA = await a.amend(rootId!, '13811112223', 'A 改电话')
    const account = async (displayName: string) => ({
      username: 'desk_twin',
      displayName,
      role: 'clerk' as const,
      passwordHash: await a.services.auth.hashPassword('Window12345')
    })
    await a.services.operators.create(await account('窗口A新账户'), a.adminId)
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)

    // B corrects the same version and adds an account of the same user name before its next
    // round; killed right after the server committed that batch, before B noted anything.
    const fromB = await b.amend(rootId!, '13811112224', 'B 改电话')
    const twin = await b.services.operators.create(await account('窗口B新账户'), b.adminId)
    await expect(uploadKilledAfterCommit(b.services, database)).rejects.toThrow(
      'killed after the server committed'
    )
    const server = await superuserClient(database)
    try {
      const { rows } = await server.query(
        'SELECT version FROM logbook_phone WHERE id = $1 UNION ALL SELECT 0 FROM operators WHERE id = $2',
        [fromB.id, twin.id]
      )
      // The killed run stored both: the correction re-numbered, the account renamed.
      expect(rows).toHaveLength(2)
      expect(rows[0].version).toBe(3)
    } finally {
      await server.end()
    }

    // At restart the round tells the clerk and lists both, as an unbroken round would have.
    const restarted = await b.services.station.uploadNow()
    expect(restarted.lastAttempt).toMatchObject({ ok: true })
    expect(restarted.lastAttempt?.message).toContain(
      '1 条登记在本机更正时，另一台电脑已先更正了同一条'
    )
    const listed = b.services.station.conflicts()
    expect(listed).toContainEqual(
      expect.objectContaining({
        table: 'operators',
        key: twin.id,
        fields: [
          {
            column: 'username',
            local: 'desk_twin',
            server: deviceUsername('desk_twin', b.services.deviceId)
          }
        ]
      })
    )
    expect(listed).toContainEqual(
      expect.objectContaining({
        table: 'logbook_phone',
        key: rootId,
        fields: [{ column: 'superseded_by', local: fromB.id, server: fromA.id }]
      })
    )
    expect(restarted.pending).toBe(0)
    // A's account of the same name signs in on B as desk_twin@A (the round does not stop at it).
    expect(
      b.services.sqlite
        .prepare("SELECT username FROM operators WHERE display_name = '窗口A新账户'")
        .pluck()
        .get()
    ).toBe(deviceUsername('desk_twin', a.services.deviceId))
    // … and that officer signs in at B under that name (the sign-in call's own check included).
    await b.services.auth.signOut()
    const credentials = contract.auth.signIn.input.parse({
      username: deviceUsername('desk_twin', a.services.deviceId),
      password: 'Window12345'
    })
    const signedIn = await b.services.auth.signIn(credentials)
    expect(signedIn.session?.operator.displayName).toBe('窗口A新账户')
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
  })
})
