import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyDeviceChain } from '../../src/main/station/chain'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import { pullVersioned, SHARED_SETTING_KEYS } from '../../src/main/station/versioned'
import { linkStation, uploadOutbox } from '../../src/main/station/uploader'
import { createServerDatabase, OWNER, roleClient, WINDOW } from '../helpers/pg-test'
import { stationTranscoder } from '../helpers/station-keys'
import { killedAfterCommit } from '../helpers/station-rounds'
import { fakeClock, openTestServices, repoRoot } from '../helpers/services'

/** One window's PC with its own administrator, linked to the station. */
async function openPc(name: string) {
  const clock = fakeClock('2026-10-08T01:00:00.000Z')
  const services = await openTestServices({ now: clock.now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: '王建国',
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  services.sqlite.transaction(() =>
    linkStation(services.sqlite, services.deviceId, clock.now().toISOString())
  )()
  const actor = { operatorId: adminId, deviceId: services.deviceId }
  const change = (values: { stationName?: string; idleLockMinutes?: number; locale?: 'en-US' }) =>
    services.settings.update(values, actor)
  const upload = (server: pg.Client) =>
    uploadOutbox({
      sqlite: services.sqlite,
      db: services.db,
      server,
      deviceId: services.deviceId,
      now: clock.now,
      transcoder: stationTranscoder(services),
      addresses: services.address.station
    })
  /** The settings keys a pull took (photo specs: pullSpecs). */
  const pullAll = (server: pg.Client) =>
    pullVersioned({
      sqlite: services.sqlite,
      db: services.db,
      server,
      deviceId: services.deviceId,
      at: clock.now().toISOString()
    })
  const pull = async (server: pg.Client) => (await pullAll(server)).settings
  const version = (key: string) =>
    services.sqlite.prepare('SELECT version FROM settings WHERE key = ?').pluck().get(key)
  const audits = (action: string) =>
    services.sqlite
      .prepare('SELECT entity_id AS key, detail FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { key: string; detail: string }[]
  /** Settings changes waiting for the server (audit rows of each change are queued as well). */
  const queuedSettings = () =>
    services.sqlite
      .prepare(
        `SELECT pk FROM station_outbox WHERE tbl = 'settings'
           AND seq > (SELECT acked_seq FROM station_link) ORDER BY seq`
      )
      .pluck()
      .all() as string[]
  return { services, adminId, change, upload, pull, pullAll, version, audits, queuedSettings }
}

type Pc = Awaited<ReturnType<typeof openPc>>

async function serverSetting(server: pg.Client, key: string) {
  const { rows } = await server.query<{ value: string; version: number }>(
    'SELECT value, version FROM settings WHERE key = $1',
    [key]
  )
  return rows[0] ? { value: JSON.parse(rows[0].value) as unknown, version: rows[0].version } : null
}

describe('station-wide settings on the server: versions, refusals kept as conflicts, pulls', () => {
  let database: string
  let server: pg.Client
  const pcs: Pc[] = []
  let a: Pc
  let b: Pc

  beforeAll(async () => {
    database = await createServerDatabase('settings')
    const owner = await roleClient(OWNER, database)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
    server = await roleClient(WINDOW, database)
    a = await openPc('a')
    b = await openPc('b')
    pcs.push(a, b)
  })
  afterAll(async () => {
    await server?.end()
    for (const pc of pcs) pc.services.cleanup()
  })

  it('queues exactly the shared keys the triggers list, and only this PC’s own changes', async () => {
    const triggers = a.services.sqlite
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'station_outbox_settings_%'"
      )
      .pluck()
      .all() as string[]
    expect(triggers).toHaveLength(2)
    for (const sql of triggers) {
      const listed = [.../key IN \(([^)]*)\)/.exec(sql)![1].matchAll(/'([^']+)'/g)].map((m) => m[1])
      expect(listed).toEqual([...SHARED_SETTING_KEYS])
    }
    await a.change({ locale: 'en-US' })
    expect(a.queuedSettings()).toEqual([])
    await a.change({ stationName: '月坛派出所便民窗口' })
    expect(a.queuedSettings()).toEqual(['stationName'])
  })

  it('one PC’s change reaches the server at version 1 and the other PC takes it, without queueing it back', async () => {
    const uploaded = await a.upload(server)
    expect(uploaded.refused).toEqual([])
    expect(await serverSetting(server, 'stationName')).toEqual({
      value: '月坛派出所便民窗口',
      version: 1
    })
    expect(a.version('stationName')).toBe(1)
    // This PC's language never leaves it.
    expect(await serverSetting(server, 'locale')).toBeNull()
    expect(await serverSetting(server, 'stationServer')).toBeNull()

    await b.upload(server)
    expect(await b.pull(server)).toEqual(['stationName'])
    expect((await b.services.settings.get()).stationName).toBe('月坛派出所便民窗口')
    expect(b.version('stationName')).toBe(1)
    expect(b.queuedSettings()).toEqual([])
    expect(b.audits('station.settings.pull').map((row) => JSON.parse(row.detail))).toEqual([
      { versions: { stationName: 1 } }
    ])
    // A second pull finds nothing newer.
    expect(await b.pull(server)).toEqual([])
  })

  it('two PCs changing the same setting offline: the later upload is refused, kept as a conflict, and the PC follows the server', async () => {
    await a.change({ stationName: '月坛派出所（甲）' })
    await b.change({ stationName: '月坛派出所（乙）' })
    // Each PC's pull leaves its own queued change alone.
    expect(await b.pull(server)).toEqual([])
    expect((await b.services.settings.get()).stationName).toBe('月坛派出所（乙）')

    expect((await a.upload(server)).refused).toEqual([])
    const refused = await b.upload(server)
    expect(refused.refused).toEqual([{ table: 'settings', key: 'stationName' }])
    expect(await serverSetting(server, 'stationName')).toEqual({
      value: '月坛派出所（甲）',
      version: 2
    })
    expect((await b.services.settings.get()).stationName).toBe('月坛派出所（甲）')
    expect(b.version('stationName')).toBe(2)
    expect(b.queuedSettings()).toEqual([])

    const [conflict] = b.services.station.conflicts()
    expect(conflict).toMatchObject({
      table: 'settings',
      key: 'stationName',
      canSendLocal: true,
      fields: [{ column: 'value', local: '"月坛派出所（乙）"', server: '"月坛派出所（甲）"' }]
    })
    expect(b.services.station.status().conflicts).toBe(1)
    expect(b.audits('station.settings.refused')).toHaveLength(1)
    // The refusal's audit row went up with the rest of B's chain, which still verifies.
    await b.upload(server)
    expect(await verifyDeviceChain(server, b.services.deviceId)).toMatchObject({ ok: true })
  })

  it('only the administrator sends this PC’s value again; then it is the server’s and the other PC takes it', async () => {
    const [conflict] = b.services.station.conflicts()
    await expect(
      b.services.station.resolveConflict(conflict.id, 'local', { id: b.adminId, role: 'director' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(b.services.station.status().conflicts).toBe(1)

    await b.services.station.resolveConflict(conflict.id, 'local', {
      id: b.adminId,
      role: 'admin'
    })
    expect(b.services.station.conflicts()).toEqual([])
    expect((await b.services.settings.get()).stationName).toBe('月坛派出所（乙）')
    expect((await b.upload(server)).refused).toEqual([])
    expect(await serverSetting(server, 'stationName')).toEqual({
      value: '月坛派出所（乙）',
      version: 3
    })
    expect(await a.pull(server)).toEqual(['stationName'])
    expect((await a.services.settings.get()).stationName).toBe('月坛派出所（乙）')
    await expect(
      b.services.station.resolveConflict(conflict.id, 'server', { id: b.adminId, role: 'admin' })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeping the server’s value closes the conflict and changes nothing else; the same value from two PCs is no conflict', async () => {
    await a.change({ idleLockMinutes: 10 })
    await b.change({ idleLockMinutes: 15 })
    await a.upload(server)
    await b.upload(server)
    const [conflict] = b.services.station.conflicts()
    expect(conflict.key).toBe('idleLockMinutes')
    await b.services.station.resolveConflict(conflict.id, 'server', {
      id: b.adminId,
      role: 'director'
    })
    expect(b.services.station.conflicts()).toEqual([])
    expect(b.queuedSettings()).toEqual([])
    expect((await b.services.settings.get()).idleLockMinutes).toBe(10)

    await a.change({ stationName: '月坛派出所' })
    await b.change({ stationName: '月坛派出所' })
    await a.upload(server)
    expect((await b.upload(server)).refused).toEqual([])
    expect(b.services.station.conflicts()).toEqual([])
    expect(b.version('stationName')).toBe(4)
  })

  it('photo specs: two PCs’ seeds agree; an edit another PC made first is refused, listed and sent again by the administrator', async () => {
    // Both PCs moved their seeded specs up when linked: one version each, no conflict.
    const seeded = await server.query<{ version: number }>('SELECT version FROM photo_specs')
    expect(seeded.rows.length).toBeGreaterThan(3)
    expect(new Set(seeded.rows.map((row) => row.version))).toEqual(new Set([1]))

    const spec = await a.services.photoSpecs.get('resident-id')
    await a.services.photoSpecs.save({ ...spec, name: '居民身份证（本所）' }, a.adminId)
    await b.services.photoSpecs.save({ ...spec, name: '二代居民身份证' }, b.adminId)
    expect((await a.upload(server)).refused).toEqual([])
    const refused = await b.upload(server)
    expect(refused.refused).toEqual([{ table: 'photo_specs', key: 'resident-id' }])
    // B follows the server and keeps its own edit in the list.
    expect((await b.services.photoSpecs.get('resident-id')).name).toBe('居民身份证（本所）')
    const conflict = b.services.station.conflicts().find((c) => c.table === 'photo_specs')!
    expect(conflict).toMatchObject({ key: 'resident-id', canSendLocal: true })
    expect(conflict.fields.map((field) => field.column)).toEqual(['data'])

    await b.services.station.resolveConflict(conflict.id, 'local', {
      id: b.adminId,
      role: 'admin'
    })
    expect((await b.upload(server)).refused).toEqual([])
    const stored = await server.query<{ data: string; version: number }>(
      `SELECT data, version FROM photo_specs WHERE id = 'resident-id'`
    )
    expect(JSON.parse(stored.rows[0]!.data).name).toBe('二代居民身份证')
    expect(stored.rows[0]!.version).toBe(3)
    expect((await a.pullAll(server)).photoSpecs).toEqual(['resident-id'])
    expect((await a.services.photoSpecs.get('resident-id')).name).toBe('二代居民身份证')
  })
})

describe('a PC killed after the server committed a batch, before it noted the outcome', () => {
  let server: pg.Client
  let a: Pc
  let b: Pc

  beforeAll(async () => {
    const database = await createServerDatabase('settingscrash')
    const owner = await roleClient(OWNER, database)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
    server = await roleClient(WINDOW, database)
    a = await openPc('a')
    b = await openPc('b')
  })
  afterAll(async () => {
    await server?.end()
    for (const pc of [a, b]) pc?.services.cleanup()
  })

  /** A's upload dying where a kill -9 would: the server committed, SQLite's note never ran. */
  const uploadKilledAfterCommit = (pc: Pc) => {
    return uploadOutbox({
      sqlite: killedAfterCommit(pc.services.sqlite),
      db: pc.services.db,
      server,
      deviceId: pc.services.deviceId,
      now: () => new Date(),
      transcoder: stationTranscoder(pc.services),
      addresses: pc.services.address.station
    })
  }

  it('learns at restart what the server did: the refusal listed and followed, the stored version noted', async () => {
    await a.upload(server)
    await b.upload(server)
    await b.change({ stationName: '月坛派出所（乙）' })
    await b.upload(server)
    // A, offline: the same setting over version 0 (refused), and another one new to the server.
    await a.change({ stationName: '月坛派出所（甲）', idleLockMinutes: 20 })
    await expect(uploadKilledAfterCommit(a)).rejects.toThrow('killed after the server committed')
    expect(await serverSetting(server, 'idleLockMinutes')).toEqual({ value: 20, version: 1 })
    expect(a.version('idleLockMinutes')).toBe(0)

    // The restarted PC's upload.
    const restarted = await a.upload(server)
    expect(restarted.refused).toEqual([{ table: 'settings', key: 'stationName' }])
    expect(a.services.station.conflicts()).toMatchObject([
      {
        table: 'settings',
        key: 'stationName',
        fields: [{ column: 'value', local: '"月坛派出所（甲）"', server: '"月坛派出所（乙）"' }]
      }
    ])
    expect(a.audits('station.settings.refused')).toHaveLength(1)
    expect((await a.services.settings.get()).stationName).toBe('月坛派出所（乙）')
    expect(a.version('idleLockMinutes')).toBe(1)
    expect(a.queuedSettings()).toEqual([])

    // A's next change of the stored setting goes up over version 1, not refused.
    await a.change({ idleLockMinutes: 25 })
    expect((await a.upload(server)).refused).toEqual([])
    expect(await serverSetting(server, 'idleLockMinutes')).toEqual({ value: 25, version: 2 })
    await a.upload(server)
    expect(await verifyDeviceChain(server, a.services.deviceId)).toMatchObject({ ok: true })
  })
})
