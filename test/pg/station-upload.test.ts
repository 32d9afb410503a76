import { spawn } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyDeviceChain } from '../../src/main/station/chain'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import {
  deviceUsername,
  linkStation,
  outboxCount,
  SHARED_TABLES,
  uploadOutbox
} from '../../src/main/station/uploader'
import type { EntryInput } from '../../src/shared/logbooks/contract'
import { stationTranscoder, TEST_STATION_KEY } from '../helpers/station-keys'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import {
  createServerDatabase,
  OWNER,
  roleClient,
  superuserClient,
  WINDOW
} from '../helpers/pg-test'
import { fakeClock, openTestServices, repoRoot, tempDir } from '../helpers/services'
import { makeStill } from '../helpers/photo-faces'
import type { ServiceOptions } from '../../src/main/services'
import { readFileSync } from 'node:fs'

type Services = Awaited<ReturnType<typeof openTestServices>>

const phoneBooking = (occurredAt: string, i: number): EntryInput => ({
  book: 'phone',
  occurredAt,
  status: 'open',
  fields: {
    callerName: `王${[...'秀兰建国淑珍丽华志强'][i % 10]}${[...'英梅明海'][Math.floor(i / 10) % 4]}`,
    sex: 'female',
    address: `月坛北街 ${i} 号楼`,
    matter: '老人行动不便，预约上门办理居住登记',
    callerPhone: '138 1234 5678'
  }
})

/** One window's PC: its own SQLite data folder, administrator, clerk and director. */
async function openPc(name: string, options: Partial<ServiceOptions> = {}) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const services = await openTestServices({ now: clock.now, ...options })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: '王建国',
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const add = async (username: string, role: 'clerk' | 'director', password: string) =>
    (
      await services.operators.create(
        {
          username,
          displayName: `${role} ${name}`,
          role,
          passwordHash: await services.auth.hashPassword(password)
        },
        adminId
      )
    ).id
  const clerkId = await add(`clerk_${name}`, 'clerk', 'Clerk12345')
  await add(`director_${name}`, 'director', 'Director123')
  await services.auth.signIn({ username: `clerk_${name}`, password: 'Clerk12345' })
  const write = (count: number, from = 0) =>
    services.logbooks.service.createMany(
      Array.from({ length: count }, (_, i) =>
        phoneBooking(
          `2026-09-${String(1 + ((from + i) % 28)).padStart(2, '0')}T02:00:00.000Z`,
          from + i
        )
      ),
      clerkId
    )
  const signAsDirector = async (id: string) => {
    await services.auth.signIn({ username: `director_${name}`, password: 'Director123' })
    await services.logbooks.service.signOff('phone', id, 'Director123')
    await services.auth.signIn({ username: `clerk_${name}`, password: 'Clerk12345' })
  }
  const link = () =>
    services.sqlite.transaction(() =>
      linkStation(services.sqlite, services.deviceId, clock.now().toISOString())
    )()
  return { services, clock, clerkId, write, signAsDirector, link }
}

/** Uploads a PC's queue to the server as the window role. */
const uploadFrom = (
  pc: Awaited<ReturnType<typeof openPc>>,
  server: pg.Client,
  batchSize?: number
) =>
  uploadOutbox({
    sqlite: pc.services.sqlite,
    db: pc.services.db,
    server,
    deviceId: pc.services.deviceId,
    now: pc.clock.now,
    transcoder: stationTranscoder(pc.services),
    addresses: pc.services.address.station,
    ...(batchSize ? { batchSize } : {})
  })

const localCount = (services: Services, table: string) =>
  (services.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

async function serverCount(client: pg.Client, table: string, where = '', params: unknown[] = []) {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} ${where}`,
    params
  )
  return Number(rows[0].n)
}

/** The device's chain on the server (src/main/station/chain.ts), as these checks compare it. */
async function serverChain(client: pg.Client, deviceId: string) {
  const chain = await verifyDeviceChain(client, deviceId)
  return { ok: chain.ok, rows: chain.rows, brokenAt: chain.brokenAt }
}

/** Every local row of the shared tables is on the server (by its key), and no other of this PC's. */
async function expectSameCounts(pc: Services, client: pg.Client) {
  for (const table of SHARED_TABLES) {
    const keyExpression = table.key.join(" || '|' || ")
    const keys = pc.sqlite
      .prepare(
        `SELECT ${keyExpression} AS k FROM ${table.name} ${table.where ? `WHERE ${table.where}` : ''}`
      )
      .pluck()
      .all() as string[]
    const onServer = await serverCount(client, table.name, `WHERE ${keyExpression} = ANY($1)`, [
      keys
    ])
    expect({ table: table.name, n: onServer }).toEqual({ table: table.name, n: keys.length })
  }
  expect(await serverCount(client, 'audit_log', 'WHERE device_id = $1', [pc.deviceId])).toBe(
    localCount(pc, 'audit_log')
  )
}

describe('station upload (one PC moves up, goes offline, is killed, three PCs at once)', () => {
  let cluster: PgCluster
  let database: string
  const pcs: Awaited<ReturnType<typeof openPc>>[] = []
  const window = () => roleClient(WINDOW, database, cluster)

  beforeAll(async () => {
    cluster = await startPgCluster()
    database = await createServerDatabase('upload', cluster)
    const owner = await roleClient(OWNER, database, cluster)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
  })
  afterAll(() => {
    for (const pc of pcs) pc.services.cleanup()
    cluster?.stop()
  })

  it('moves a PC’s registers up once: counts, officers’ figures and the audit chain agree; a second run adds nothing', async () => {
    const pc = await openPc('a')
    pcs.push(pc)
    const ids = await pc.write(10)
    const { services } = pc
    await services.logbooks.service.amend(
      {
        ...phoneBooking('2026-09-01T02:00:00.000Z', 0),
        id: ids[0],
        reason: '电话号码记错'
      } as never,
      pc.clerkId
    )
    await pc.signAsDirector(ids[1])
    expect(pc.link()).toMatchObject({ linked: true })
    expect(outboxCount(services.sqlite)).toBeGreaterThan(20)

    const client = await window()
    try {
      const result = await uploadFrom(pc, client)
      expect(result).toMatchObject({ remaining: 0, conflicts: [] })
      await expectSameCounts(services, client)
      expect(await serverChain(client, services.deviceId)).toEqual({
        ok: true,
        rows: localCount(services, 'audit_log'),
        brokenAt: null
      })
      // A row changed on the server (here by a superuser past the guards) breaks that chain there.
      const admin = await superuserClient(database, cluster)
      try {
        await admin.query('SET session_replication_role = replica')
        const [row] = (
          await admin.query(
            'SELECT seq, detail FROM audit_log WHERE device_id = $1 ORDER BY seq LIMIT 1 OFFSET 4',
            [services.deviceId]
          )
        ).rows
        const tamper = (detail: string | null) =>
          admin.query('UPDATE audit_log SET detail = $3 WHERE device_id = $1 AND seq = $2', [
            services.deviceId,
            row.seq,
            detail
          ])
        await tamper('{"changed":true}')
        expect(await serverChain(client, services.deviceId)).toEqual({
          ok: false,
          rows: row.seq - 1,
          brokenAt: row.seq
        })
        await tamper(row.detail)
        expect((await serverChain(client, services.deviceId)).ok).toBe(true)
      } finally {
        await admin.end()
      }

      // The server's triggers rebuilt the officers' figures from the uploaded rows.
      const figures = (rows: unknown[]) =>
        (rows as Record<string, unknown>[])
          .map((r) => `${r.officer_id} ${r.day} ${r.book} ${r.entries} ${r.due} ${r.on_time}`)
          .sort()
      expect(figures((await client.query('SELECT * FROM staff_figures')).rows)).toEqual(
        figures(services.sqlite.prepare('SELECT * FROM staff_figures').all())
      )

      // Linking again queues nothing; uploading again sends nothing; nothing is duplicated.
      expect(pc.link()).toEqual({ linked: false, queued: 0 })
      expect(await uploadFrom(pc, client)).toMatchObject({ uploaded: 0, remaining: 0 })
      await expectSameCounts(services, client)

      // From now on each new entry, amendment and sign-off is queued with its audit rows.
      const [fresh] = await pc.write(1, 100)
      await pc.signAsDirector(fresh)
      expect(outboxCount(services.sqlite)).toBeGreaterThanOrEqual(4)
      await uploadFrom(pc, client)
      const signed = await client.query('SELECT signed_at FROM logbook_phone WHERE id = $1', [
        fresh
      ])
      expect(signed.rows[0].signed_at).not.toBeNull()
      await expectSameCounts(services, client)
    } finally {
      await client.end()
    }
  })

  it('keeps working with the server stopped: 500 entries queue up and arrive after it is back', async () => {
    const pc = await openPc('b')
    pcs.push(pc)
    pc.link()
    const client = await window()
    await uploadFrom(pc, client)
    await client.end()

    cluster.pause()
    try {
      await pc.write(500)
      const cut = new pg.Client({ ...clientConfig(), connectionTimeoutMillis: 2000 })
      await expect(cut.connect()).rejects.toThrow()
      expect(outboxCount(pc.services.sqlite)).toBeGreaterThanOrEqual(1000)
    } finally {
      cluster.resume()
    }
    const back = await window()
    try {
      const result = await uploadFrom(pc, back)
      expect(result.remaining).toBe(0)
      await expectSameCounts(pc.services, back)
      expect((await serverChain(back, pc.services.deviceId)).ok).toBe(true)
    } finally {
      await back.end()
    }
  })

  it('a PC killed (kill -9) mid-upload resumes: nothing lost, nothing twice', async () => {
    const pc = await openPc('c')
    pcs.push(pc)
    await pc.write(150)
    pc.link()
    const queued = outboxCount(pc.services.sqlite)
    const worker = spawn(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [
        join(repoRoot, 'test/pg/fixtures/upload-worker.ts'),
        pc.services.paths.databasePath,
        pc.services.deviceId,
        pc.services.paths.dataDir
      ],
      {
        env: {
          ...process.env,
          UPLOAD_SERVER: JSON.stringify(clientConfig()),
          UPLOAD_STATION_KEY: TEST_STATION_KEY.toString('hex')
        },
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      worker.on('exit', (_code, signal) => resolve(signal))
    )
    await new Promise<void>((resolve, reject) => {
      let seen = 0
      worker.stdout.on('data', (chunk: Buffer) => {
        seen += (chunk.toString().match(/^batch /gm) ?? []).length
        if (seen >= 3) resolve()
      })
      worker.on('exit', () => reject(new Error('the worker finished before it could be killed')))
    })
    worker.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    const left = outboxCount(pc.services.sqlite)
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(queued)

    const client = await window()
    try {
      const result = await uploadFrom(pc, client)
      expect(result.remaining).toBe(0)
      await expectSameCounts(pc.services, client)
      const cursor = await client.query(
        'SELECT uploaded_seq FROM station_devices WHERE device_id = $1',
        [pc.services.deviceId]
      )
      const maxSeq = pc.services.sqlite
        .prepare('SELECT seq FROM sqlite_sequence WHERE name = ?')
        .pluck()
        .get('station_outbox')
      expect(Number(cursor.rows[0].uploaded_seq)).toBe(maxSeq)
      expect((await serverChain(client, pc.services.deviceId)).ok).toBe(true)
    } finally {
      await client.end()
    }
  })

  it('three PCs uploading at once: every PC’s rows and chain arrive whole', async () => {
    const three = await Promise.all(['d', 'e', 'f'].map((name) => openPc(name)))
    pcs.push(...three)
    for (const pc of three) {
      await pc.write(60)
      pc.link()
    }
    const clients = await Promise.all(three.map(() => window()))
    try {
      const results = await Promise.all(three.map((pc, i) => uploadFrom(pc, clients[i], 25)))
      expect(results.map((r) => r.remaining)).toEqual([0, 0, 0])
      for (const pc of three) {
        expect(
          await serverCount(clients[0], 'logbook_phone', 'WHERE created_by = $1', [pc.clerkId])
        ).toBe(localCount(pc.services, 'logbook_phone'))
        expect(await serverChain(clients[0], pc.services.deviceId)).toEqual({
          ok: true,
          rows: localCount(pc.services, 'audit_log'),
          brokenAt: null
        })
      }
    } finally {
      await Promise.all(clients.map((client) => client.end()))
    }
  })

  it('keeps a sign-off the server already holds from another PC as a conflict, not overwritten', async () => {
    const pc = pcs[0]
    const client = await window()
    try {
      const [id] = await pc.write(1, 200)
      await uploadFrom(pc, client)
      // Another window's director signed it on the server first.
      const other = pcs[3]
      const otherDirector = other.services.sqlite
        .prepare("SELECT id FROM operators WHERE role = 'director'")
        .pluck()
        .get() as string
      await client.query('UPDATE logbook_phone SET signed_by = $2, signed_at = $3 WHERE id = $1', [
        id,
        otherDirector,
        '2026-09-30T03:00:00.000Z'
      ])
      await pc.signAsDirector(id)
      const result = await uploadFrom(pc, client)
      expect(result.conflicts).toHaveLength(1)
      expect(result.conflicts[0]).toMatchObject({
        table: 'logbook_phone',
        key: id,
        server: { signed_by: otherDirector, signed_at: '2026-09-30T03:00:00.000Z' }
      })
      const kept = await client.query('SELECT signed_by FROM logbook_phone WHERE id = $1', [id])
      expect(kept.rows[0].signed_by).toBe(otherDirector)
      const stored = pc.services.sqlite.prepare('SELECT tbl, pk FROM station_conflicts').all()
      expect(stored).toEqual([{ tbl: 'logbook_phone', pk: id }])
    } finally {
      await client.end()
    }
  })

  it('moves photo records up with the PC that holds the file, and a removal after', async () => {
    const still = join(tempDir('bianmin-still-'), 'still.jpg')
    await makeStill(still)
    const pc = await openPc('photo', { camera: { device: `file:${still}` } })
    pcs.push(pc)
    const clerk = pc.services.auth.current()!.operator
    const shot = await pc.services.photo.capture('resident-id')
    const kept = await pc.services.photo.accept(shot.captureId, clerk.id, { note: '迁入' })
    pc.link()
    const client = await window()
    try {
      await uploadFrom(pc, client)
      const onServer = await client.query(
        'SELECT device_id, file, passed, removed_at FROM photos WHERE id = $1',
        [kept.id]
      )
      expect(onServer.rows).toEqual([
        {
          device_id: pc.services.deviceId,
          file: `${kept.id}.jpg`,
          passed: kept.passed,
          removed_at: null
        }
      ])
      // The JPEG itself never leaves the PC.
      expect(JSON.stringify(onServer.rows)).not.toMatch(/\/9j\//)

      await pc.services.photo.remove(kept.id, { id: clerk.id, role: clerk.role })
      await uploadFrom(pc, client)
      const removed = await client.query(
        'SELECT removed_at, removed_by FROM photos WHERE id = $1',
        [kept.id]
      )
      expect(removed.rows[0]).toEqual({
        removed_at: pc.clock.now().toISOString(),
        removed_by: clerk.id
      })
      // The window role may mark a removal, not rewrite a record.
      await expect(
        client.query(`UPDATE photos SET note = 'x' WHERE id = $1`, [kept.id])
      ).rejects.toMatchObject({ code: '42501' })
      await expectSameCounts(pc.services, client)
    } finally {
      await client.end()
    }
  })

  it('uploads an operator whose user name another PC took first as name@device, and lists it', async () => {
    const pc = await openPc('a')
    pcs.push(pc)
    await pc.write(3)
    pc.link()
    const adminId = pc.services.sqlite
      .prepare("SELECT id FROM operators WHERE username = 'admin_a'")
      .pluck()
      .get() as string
    const client = await window()
    try {
      const result = await uploadFrom(pc, client)
      // The first PC 'a' of this file already uploaded admin_a, clerk_a and director_a.
      const names = ['admin_a', 'clerk_a', 'director_a']
      const renamed = (name: string) => deviceUsername(name, pc.services.deviceId)
      expect(
        result.conflicts.map(({ table, local, server }) => ({ table, local, server }))
      ).toEqual(
        names.map((name) => ({
          table: 'operators',
          local: { username: name },
          server: { username: renamed(name) }
        }))
      )
      expect(result.conflicts[0]!.key).toBe(adminId)
      const onServer = await client.query<{ id: string }>(
        'SELECT id FROM operators WHERE username = $1',
        [renamed('admin_a')]
      )
      expect(onServer.rows).toEqual([{ id: adminId }])
      // Everything else of this PC arrived, its entries under their own clerk.
      expect(
        await serverCount(client, 'logbook_phone', 'WHERE created_by = $1', [pc.clerkId])
      ).toBe(3)
      expect(outboxCount(pc.services.sqlite)).toBe(0)
      await expectSameCounts(pc.services, client)
      // Shown to the administrator, only to acknowledge.
      const listed = pc.services.station.conflicts()
      expect(listed).toHaveLength(3)
      expect(listed).toContainEqual(
        expect.objectContaining({
          table: 'operators',
          key: adminId,
          canSendLocal: false,
          fields: [{ column: 'username', local: 'admin_a', server: renamed('admin_a') }]
        })
      )
      // Sent again (the server lost its cursor): the operator is there already, no new conflict.
      await client.query('UPDATE station_devices SET uploaded_seq = 0 WHERE device_id = $1', [
        pc.services.deviceId
      ])
      const again = await uploadFrom(pc, client)
      expect(again.uploaded).toBeGreaterThan(0)
      expect(again.conflicts).toEqual([])
      expect(pc.services.station.conflicts()).toHaveLength(3)
    } finally {
      await client.end()
    }
  })

  it('stops on a residents’ committee two PCs each added, until this PC renames its own', async () => {
    const [first, second] = await Promise.all([openPc('h'), openPc('i')])
    pcs.push(first, second)
    const client = await window()
    const upload = (pc: typeof first) => uploadFrom(pc, client)
    try {
      for (const pc of [first, second]) {
        await pc.services.logbooks.repo.saveCommittee(
          { name: '新建社区居委会', active: true },
          pc.clerkId
        )
        pc.link()
      }
      await upload(first)
      await expect(upload(second)).rejects.toThrow(
        '本所服务器上已有另一台电脑添加的同名居委会“新建社区居委会”'
      )
      const mine = second.services.sqlite
        .prepare("SELECT id FROM logbook_committees WHERE name = '新建社区居委会'")
        .pluck()
        .get() as string
      await second.services.logbooks.repo.saveCommittee(
        { id: mine, name: '新建社区居委会（二窗口）', active: true },
        second.clerkId
      )
      expect((await upload(second)).remaining).toBe(0)
      const names = await client.query(
        "SELECT name FROM logbook_committees WHERE name LIKE '新建社区%' ORDER BY name"
      )
      expect(names.rows.map((row) => row.name)).toEqual([
        '新建社区居委会',
        '新建社区居委会（二窗口）'
      ])
    } finally {
      await client.end()
    }
  })

  it('sends everything again to a server restored from an older backup', async () => {
    const pc = await openPc('g')
    pcs.push(pc)
    await pc.write(20)
    pc.link()
    const client = await window()
    const upload = () => uploadFrom(pc, client)
    try {
      await upload()
      // A month later the confirmed pointers are pruned here.
      pc.services.sqlite
        .prepare("UPDATE station_outbox SET queued_at = '2026-01-01T00:00:00.000Z'")
        .run()
      await pc.write(1, 300)
      await upload()
      expect(
        pc.services.sqlite.prepare('SELECT count(*) FROM station_outbox').pluck().get()
      ).toBeLessThan(10)

      // The server goes back to a backup from before this PC joined.
      const admin = await superuserClient(database, cluster)
      try {
        await admin.query('SET session_replication_role = replica')
        const clerks = [pc.clerkId]
        for (const table of SHARED_TABLES.filter(
          (t) => t.name.startsWith('logbook_') && t.settable
        )) {
          await admin.query(`DELETE FROM ${table.name} WHERE created_by = ANY($1)`, [clerks])
        }
        await admin.query('DELETE FROM logbook_blind_index')
        await admin.query('DELETE FROM audit_log WHERE device_id = $1', [pc.services.deviceId])
        await admin.query('DELETE FROM station_devices WHERE device_id = $1', [
          pc.services.deviceId
        ])
      } finally {
        await admin.end()
      }
      expect(
        await serverCount(client, 'logbook_phone', 'WHERE created_by = $1', [pc.clerkId])
      ).toBe(0)

      const result = await upload()
      expect(result.remaining).toBe(0)
      await expectSameCounts(pc.services, client)
      expect(await serverChain(client, pc.services.deviceId)).toMatchObject({ ok: true })
    } finally {
      await client.end()
    }
  })

  function clientConfig(): pg.ClientConfig {
    return {
      host: 'localhost',
      port: cluster.port,
      user: WINDOW.user,
      password: WINDOW.password,
      database,
      ssl: { ca: readFileSync(cluster.caFile, 'utf8'), rejectUnauthorized: true }
    }
  }
})
