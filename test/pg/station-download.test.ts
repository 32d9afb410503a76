import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationChange } from '../../src/main/station/station-service'
import type { EntryInput } from '../../src/shared/logbooks/contract'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { MAX_DOWNLOADED_TEXT } from '../../src/main/station/downloader'
import { fakeClock, openTestServices } from '../helpers/services'
import { downloadAlone } from '../helpers/station-rounds'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

const booking = (name: string, phone: string, day: number): EntryInput => ({
  book: 'phone',
  occurredAt: `2026-09-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  status: 'open',
  fields: {
    callerName: name,
    sex: 'female',
    address: '月坛北街 3 号楼',
    matter: '预约上门办理居住登记',
    callerPhone: phone
  }
})

/** One window's PC in station mode (rounds on demand): administrator, clerk and director. */
async function openPc(name: string, clerkName: string) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const changes: StationChange[] = []
  const services = await openTestServices({
    now: clock.now,
    onStationChange: (change) => changes.push(change)
  })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const add = async (username: string, displayName: string, role: 'clerk' | 'director') =>
    (
      await services.operators.create(
        {
          username,
          displayName,
          role,
          passwordHash: await services.auth.hashPassword('Window12345')
        },
        adminId
      )
    ).id
  const clerkId = await add(`clerk_${name}`, clerkName, 'clerk')
  await add(`director_${name}`, `所长${name}`, 'director')
  const signOff = async (id: string) => {
    await services.auth.signIn({ username: `director_${name}`, password: 'Window12345' })
    await services.logbooks.service.signOff('phone', id, 'Window12345')
    await services.auth.signIn({ username: `admin_${name}`, password: 'Station2026' })
  }
  const phones = (text?: string) =>
    services.logbooks.service.list({
      book: 'phone',
      sort: 'occurredAt',
      order: 'desc',
      page: 1,
      pageSize: 50,
      ...(text ? { text } : {})
    })
  return { services, adminId, clerkId, changes, signOff, phones }
}

describe('every window sees the station’s registers: other PCs’ rows are downloaded', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('download'))
    a = await openPc('a', '李娜')
    b = await openPc('b', '赵磊')
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('B lists, finds and counts A’s entries with their clerk’s name; nothing taken goes back up', async () => {
    const ids = await a.services.logbooks.service.createMany(
      [booking('王秀兰', '13812345678', 1), booking('张建国', '13900001111', 2)],
      a.clerkId
    )
    await a.signOff(ids[0]!)
    await a.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, a.adminId)
    await b.services.logbooks.service.createMany([booking('刘丽华', '13700002222', 3)], b.clerkId)
    const joined = await b.services.station.save(
      config,
      WINDOW.password,
      STATION_PASSPHRASE,
      b.adminId
    )
    expect(joined.status).toMatchObject({ linked: true, pending: 0 })
    expect(joined.status.lastAttempt?.message).toContain('已从服务器取得其他电脑的')

    const listed = await b.phones()
    expect(listed.total).toBe(3)
    const fromA = listed.rows.find((entry) => entry.id === ids[0])!
    expect(fromA).toMatchObject({
      createdByName: '李娜',
      signedByName: '所长a',
      fields: { callerName: '王秀兰', callerPhone: '13812345678' }
    })
    // Found by the whole phone number (the blind index under B's own key).
    const found = await b.phones('13812345678')
    expect(found.rows.map((entry) => entry.id)).toEqual([ids[0]])
    expect(b.changes.at(-1)?.registers).toMatchObject({ logbook_phone: 2, operators: 3 })

    // The officers' figures (the director's checks, the award table) count A's entries on B too.
    const figures = (officerId: string) =>
      b.services.sqlite
        .prepare('SELECT coalesce(sum(entries), 0) FROM staff_figures WHERE officer_id = ?')
        .pluck()
        .get(officerId)
    expect(figures(a.clerkId)).toBe(2)
    expect(figures(b.clerkId)).toBe(1)

    // B's own audit chain (with its download row) still verifies.
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })

    // Nothing taken is queued to go back up.
    const queuedFromA = b.services.sqlite
      .prepare(`SELECT count(*) FROM station_outbox WHERE pk IN (?, ?)`)
      .pluck()
      .get(ids[0], ids[1])
    expect(queuedFromA).toBe(0)
    expect(b.services.station.status().pending).toBe(0)
    expect(
      b.services.sqlite
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'station.download'")
        .pluck()
        .get()
    ).toBe(1)

    // A's clerk signs in at B's window too (accounts live across the station).
    await b.services.auth.signIn({ username: 'clerk_a', password: 'Window12345' })
    expect(b.services.auth.current()?.operator.displayName).toBe('李娜')
    await b.services.auth.signIn({ username: 'admin_b', password: 'Station2026' })

    // And A takes B's entry on its next round.
    await a.services.station.uploadNow()
    expect((await a.phones()).rows.map((entry) => entry.fields.callerName).sort()).toEqual(
      ['刘丽华', '张建国', '王秀兰'].sort()
    )
  })

  it('takes a later amendment and sign-off, once; a round with nothing new takes nothing', async () => {
    const [, second] = (await a.phones()).rows.filter((entry) => entry.createdByName === '李娜')
    const amended = await a.services.logbooks.service.amend(
      {
        ...booking('张建国', '13900001112', 2),
        id: second!.id,
        reason: '电话记错一位'
      } as never,
      a.clerkId
    )
    await a.signOff(amended.entry.id)
    // A's director also signs B's entry, taken on A in the first round.
    const fromB = (await a.phones()).rows.find((entry) => entry.createdByName === '赵磊')!
    expect(fromB.signedAt).toBeNull()
    await a.signOff(fromB.id)
    await a.services.station.uploadNow()
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt?.message).toContain('已从服务器取得其他电脑的')

    const current = (await b.phones()).rows.find((entry) => entry.rootId === second!.rootId)!
    expect(current).toMatchObject({
      id: amended.entry.id,
      version: 2,
      signedByName: '所长a',
      fields: { callerPhone: '13900001112' }
    })
    expect((await b.phones()).total).toBe(3)
    // B's own entry now carries A's director's sign-off.
    expect((await b.phones()).rows.find((entry) => entry.id === fromB.id)).toMatchObject({
      signedByName: '所长a'
    })

    const quiet = await b.services.station.uploadNow()
    expect(quiet.lastAttempt?.ok).toBe(true)
    expect(quiet.lastAttempt?.message).not.toContain('取得')
  })

  it('mends text the server holds that no window would accept, and lists it for the administrator', async () => {
    const [id] = await a.services.logbooks.service.createMany(
      [booking('孙丽', '13600003333', 4)],
      a.clerkId
    )
    await a.services.station.uploadNow()
    // Written on the server behind the app's back (a superuser with the guards' triggers off):
    // a bidi override and an oversized text.
    const admin = await superuserClient(database)
    try {
      await admin.query('SET session_replication_role = replica')
      await admin.query(`UPDATE logbook_phone SET caller_name = $1, matter = $2 WHERE id = $3`, [
        '孙\u202E丽',
        '咨询'.repeat(60_000),
        id
      ])
    } finally {
      await admin.end()
    }
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt?.message).toContain('其中 1 条含不合规的文字，已清理后保存')
    const taken = (await b.phones()).rows.find((entry) => entry.id === id)!
    expect(taken.fields).toMatchObject({ callerName: '孙丽' })
    expect(String(taken.fields.matter)).toHaveLength(MAX_DOWNLOADED_TEXT)
    const conflict = b.services.station.conflicts().find((c) => c.key === id)!
    expect(conflict.table).toBe('logbook_phone')
    expect(Object.fromEntries(conflict.fields.map((f) => [f.column, f.server]))).toMatchObject({
      caller_name: '含有不可见的控制字符（U+202E）',
      matter: '长 120000 个字符，超出上限',
      from_device: a.services.deviceId
    })

    // The administrator has seen it; then the director signs it on A: the row comes again in the
    // feed; the sign-off is taken, the mended text is not listed again.
    await b.services.station.resolveConflict(conflict.id, 'server', {
      id: b.adminId,
      role: 'admin'
    })
    await a.signOff(id)
    await a.services.station.uploadNow()
    const again = await b.services.station.uploadNow()
    expect(again.lastAttempt?.message).not.toContain('不合规')
    expect((await b.phones()).rows.find((entry) => entry.id === id)!.signedAt).not.toBeNull()
    expect(b.services.station.conflicts().filter((c) => c.key === id)).toEqual([])
    expect(
      b.services.sqlite
        .prepare('SELECT count(*) FROM station_conflicts WHERE pk = ?')
        .pluck()
        .get(id)
    ).toBe(1)
  })
})

describe('a server restored from a backup numbers its feed again: no other PC’s new row is passed over', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>
  let c: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('restored'))
    a = await openPc('a', '李娜')
    b = await openPc('b', '赵磊')
    c = await openPc('c', '孙丽')
  })
  afterAll(() => {
    for (const pc of [a, b, c]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('B takes C’s entry written after the restore, and A’s lost entries come back', async () => {
    for (const pc of [a, b, c]) {
      await pc.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, pc.adminId)
    }
    for (const pc of [a, b, c]) await pc.services.station.uploadNow()
    const admin = await superuserClient(database)
    let lost: string[] = []
    try {
      // The backup: the feed's end and each PC's upload cursor.
      const backupSeq = Number(
        (await admin.query('SELECT max(seq) AS m FROM station_feed')).rows[0].m
      )
      const cursors = (
        await admin.query<{ device_id: string; uploaded_seq: string }>(
          'SELECT device_id, uploaded_seq FROM station_devices'
        )
      ).rows
      lost = await a.services.logbooks.service.createMany(
        ['甲', '乙', '丙'].map((name, i) => booking(`${name}女士`, `1390000000${i}`, i + 1)),
        a.clerkId
      )
      await a.services.station.uploadNow()
      await b.services.station.uploadNow()
      expect((await b.phones()).total).toBe(3)

      // The server goes back to the backup (what A uploaded after it is gone).
      await admin.query('SET session_replication_role = replica')
      await admin.query('DELETE FROM station_feed WHERE seq > $1', [backupSeq])
      await admin.query('DELETE FROM logbook_blind_index WHERE entry_id = ANY($1)', [lost])
      await admin.query('DELETE FROM logbook_phone WHERE id = ANY($1)', [lost])
      await admin.query(`SELECT setval('station_feed_seq_seq', $1)`, [backupSeq])
      for (const cursor of cursors) {
        await admin.query('UPDATE station_devices SET uploaded_seq = $2 WHERE device_id = $1', [
          cursor.device_id,
          cursor.uploaded_seq
        ])
      }
      await admin.query('SET session_replication_role = DEFAULT')
    } finally {
      await admin.end()
    }

    const [fromC] = await c.services.logbooks.service.createMany(
      [booking('刘丽华', '13700002222', 9)],
      c.clerkId
    )
    expect((await c.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect((await a.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt?.ok).toBe(true)
    const onB = (await b.phones()).rows.map((entry) => entry.id)
    expect(onB).toContain(fromC)
    expect(onB).toEqual(expect.arrayContaining(lost))
    expect((await b.phones()).total).toBe(4)
    expect(
      b.services.sqlite
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'station.download.rewound'")
        .pluck()
        .get()
    ).toBe(1)
    // A quiet round after it does not start over again.
    await b.services.station.uploadNow()
    expect(
      b.services.sqlite
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'station.download.rewound'")
        .pluck()
        .get()
    ).toBe(1)
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('another PC’s committee of a name this PC has is taken as name@PC and listed; rounds go on', async () => {
    // B renames a committee; C adds one of that name and uploads; B downloads before its rename
    // goes up (a round's download, with the rename saved meanwhile).
    const [first] = await b.services.logbooks.repo.committees()
    await b.services.logbooks.repo.saveCommittee(
      { id: first!.id, name: '月坛北街社区居委会（新）', active: true },
      b.adminId
    )
    const added = await c.services.logbooks.repo.saveCommittee(
      { name: '月坛北街社区居委会（新）', active: true },
      c.adminId
    )
    expect((await c.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    await downloadAlone(b.services, database)
    const taken = (await b.services.logbooks.repo.committees()).find((k) => k.id === added.id)
    expect(taken?.name).toBe(`月坛北街社区居委会（新）@${c.services.deviceId.slice(0, 8)}`)
    expect(b.services.station.conflicts()).toMatchObject([
      {
        table: 'logbook_committees',
        key: added.id,
        fields: [{ column: 'name', local: taken!.name, server: '月坛北街社区居委会（新）' }]
      }
    ])
    // B's rename then goes up and is refused (C's committee has the name on the server): B's
    // committee is back to the server's name, and that is listed too.
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt?.ok, round.lastAttempt?.message).toBe(true)
    const mine = (await b.services.logbooks.repo.committees()).find((k) => k.id === first!.id)
    expect(mine?.name).toBe(first!.name)
    expect(b.services.station.conflicts()).toContainEqual(
      expect.objectContaining({
        table: 'logbook_committees',
        key: first!.id,
        fields: [{ column: 'name', local: '月坛北街社区居委会（新）', server: first!.name }]
      })
    )
    // B writes on; the next round is quiet.
    await b.services.logbooks.service.createMany([booking('周强', '13600001111', 10)], b.clerkId)
    const again = await b.services.station.uploadNow()
    expect(again.lastAttempt?.ok).toBe(true)
    expect(again.pending).toBe(0)

    // B closes C's committee (kept here as name@PC): it closes on C, under its own name.
    await b.services.logbooks.repo.saveCommittee(
      { id: added.id, name: taken!.name, active: false },
      b.adminId
    )
    expect((await b.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect((await c.services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    const onC = (await c.services.logbooks.repo.committees()).find((k) => k.id === added.id)
    expect(onC).toMatchObject({ name: '月坛北街社区居委会（新）', active: false })
    const onB = (await b.services.logbooks.repo.committees()).find((k) => k.id === added.id)
    expect(onB).toMatchObject({ name: taken!.name, active: false })
  })
})
