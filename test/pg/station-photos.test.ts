import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationChange } from '../../src/main/station/station-service'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { makeStill } from '../helpers/photo-faces'
import { fakeClock, openTestServices, repoRoot, tempDir } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

/** One window's PC in station mode (rounds on demand), with a still as its camera. */
async function openPc(name: string, still: string) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const changes: StationChange[] = []
  const services = await openTestServices({
    now: clock.now,
    camera: { device: `file:${still}` },
    onStationChange: (change) => changes.push(change)
  })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const admin = services.auth.current()!.operator
  const history = () => services.photo.list({ page: 1, pageSize: 20 })
  return { services, admin, changes, history }
}

describe('the station’s photo records: listed on every PC, the JPEG stays where it was taken', () => {
  let config: StationServerConfig
  let database: string
  let still: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('photos'))
    still = join(tempDir('bianmin-still-'), 'still.jpg')
    await makeStill(still)
    a = await openPc('a', still)
    b = await openPc('b', still)
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('B lists A’s photo as taken elsewhere, refuses to open, export or print it, and sends nothing back', async () => {
    const shot = await a.services.photo.capture('resident-id')
    const kept = await a.services.photo.accept(shot.captureId, a.admin.id, { note: '迁入' })
    // A is named in its station settings; B is not, so it goes by its computer name.
    await a.services.station.save(
      { ...config, pcName: '1号窗口' },
      WINDOW.password,
      STATION_PASSPHRASE,
      a.admin.id
    )
    await b.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, b.admin.id)

    const listed = await b.history()
    expect(listed.total).toBe(1)
    expect(listed.rows[0]).toMatchObject({
      id: kept.id,
      operatorName: '管理员a',
      passed: kept.passed,
      note: '迁入',
      elsewhere: true,
      heldBy: '1号窗口'
    })
    expect(b.changes.at(-1)?.registers).toMatchObject({ photos: 1 })
    const server = await superuserClient(database)
    try {
      const { rows } = await server.query('SELECT name FROM station_devices ORDER BY name')
      expect(rows.map((row) => row.name).sort()).toEqual(['1号窗口', hostname()].sort())
    } finally {
      await server.end()
    }
    // On A, its own photo opens as before.
    expect((await a.history()).rows[0]).toMatchObject({
      id: kept.id,
      elsewhere: false,
      heldBy: null
    })
    expect((await a.services.photo.image(kept.id)).image).toMatch(/^data:image\/jpeg;base64,/)

    const refused = { code: 'NOT_FOUND', message: expect.stringContaining('（1号窗口）上拍摄') }
    await expect(b.services.photo.image(kept.id)).rejects.toMatchObject(refused)
    await expect(b.services.photo.exportFile(kept.id, b.admin.id)).rejects.toMatchObject(refused)
    await expect(
      b.services.photo.sheet({ ids: [kept.id], size: '6inch', copies: 1, gapMm: 2 }, b.admin.id)
    ).rejects.toMatchObject(refused)

    // Taken, not queued to go back up.
    expect(
      b.services.sqlite
        .prepare('SELECT count(*) FROM station_outbox WHERE pk = ?')
        .pluck()
        .get(kept.id)
    ).toBe(0)
    expect(b.services.station.status().pending).toBe(0)
  })

  it('a removal made on either PC reaches the other', async () => {
    const [first] = (await a.history()).rows
    await a.services.photo.remove(first!.id, { id: a.admin.id, role: 'admin' })
    await a.services.station.uploadNow()
    const round = await b.services.station.uploadNow()
    expect(round.lastAttempt?.ok).toBe(true)
    expect((await b.history()).total).toBe(0)
    expect(b.changes.at(-1)?.registers).toMatchObject({ changes: 1 })

    // B's administrator removes a photo that A took (the record; A keeps the file for the audit).
    const shot = await a.services.photo.capture('resident-id')
    const second = await a.services.photo.accept(shot.captureId, a.admin.id, {})
    await a.services.station.uploadNow()
    await b.services.station.uploadNow()
    expect((await b.history()).rows.map((photo) => photo.id)).toEqual([second.id])
    // A renamed: B hears it at its next round.
    await a.services.station.save(
      { ...config, pcName: '2号窗口（原1号）' },
      undefined,
      undefined,
      a.admin.id
    )
    await b.services.station.uploadNow()
    expect((await b.history()).rows[0]?.heldBy).toBe('2号窗口（原1号）')
    await b.services.photo.remove(second.id, { id: b.admin.id, role: 'admin' })
    await b.services.station.uploadNow()
    await a.services.station.uploadNow()
    expect((await a.history()).total).toBe(0)
    const removedBy = a.services.sqlite
      .prepare('SELECT removed_by FROM photos WHERE id = ?')
      .pluck()
      .get(second.id)
    expect(removedBy).toBe(b.admin.id)
    // Both chains still verify.
    expect(await a.services.audit.verify()).toMatchObject({ ok: true })
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('photos uploaded before the feed listed them (drizzle-pg/0012) reach a PC that links later', async () => {
    const shot = await a.services.photo.capture('resident-id')
    const third = await a.services.photo.accept(shot.captureId, a.admin.id, {})
    await a.services.station.uploadNow()
    // The server as an older build left it: photo records, none of them in the feed.
    const admin = await superuserClient(database)
    try {
      await admin.query(`DELETE FROM station_feed WHERE tbl = 'photos'`)
      const migration = readFileSync(join(repoRoot, 'drizzle-pg/0012_photo_feed.sql'), 'utf8')
      await admin.query(migration)
    } finally {
      await admin.end()
    }
    const c = await openPc('c', still)
    try {
      await c.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, c.admin.id)
      const listed = await c.history()
      expect(listed.rows.map((photo) => [photo.id, photo.elsewhere, photo.heldBy])).toEqual([
        [third.id, true, '2号窗口（原1号）']
      ])
      // A, which holds the file, does not take its own records back as another PC's.
      await a.services.station.uploadNow()
      expect((await a.history()).rows).toEqual([
        expect.objectContaining({ id: third.id, elsewhere: false })
      ])
      expect(
        a.services.sqlite.prepare('SELECT count(*) FROM station_conflicts').pluck().get()
      ).toBe(0)
    } finally {
      c.services.station.stop()
      c.services.cleanup()
    }
  })
})
