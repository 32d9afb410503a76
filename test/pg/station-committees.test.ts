import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { fakeClock, openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

async function openPc(name: string) {
  const clock = fakeClock('2026-09-30T02:00:00.000Z')
  const services = await openTestServices({ now: clock.now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const repo = services.logbooks.repo
  const committee = async (id: string) => (await repo.committees()).find((k) => k.id === id)!
  const save = (id: string, name: string, active = true) =>
    repo.saveCommittee({ id, name, active }, adminId)
  const round = async () => {
    const status = await services.station.uploadNow()
    expect(status.lastAttempt?.ok, status.lastAttempt?.message).toBe(true)
    expect(status.pending).toBe(0)
    return status
  }
  return { services, adminId, committee, save, round }
}

describe('a residents’ committee renamed or deactivated on one PC', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>
  /** The shipped committees (the same ids on every PC and the server). */
  let shipped: { id: string; name: string }[]

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('committees'))
    a = await openPc('a')
    b = await openPc('b')
    for (const pc of [a, b]) {
      await pc.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, pc.adminId)
    }
    shipped = await a.services.logbooks.repo.committees()
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  const onServer = async (id: string) => {
    const server = await superuserClient(database)
    try {
      const { rows } = await server.query<{ name: string; active: boolean; version: number }>(
        'SELECT name, active, version FROM logbook_committees WHERE id = $1',
        [id]
      )
      return rows[0]
    } finally {
      await server.end()
    }
  }

  it('travels to the other PCs', async () => {
    const [renamed, closed] = shipped
    await a.save(renamed!.id, '月坛社区居委会（合并后）')
    await a.save(closed!.id, closed!.name, false)
    await a.round()
    expect(await onServer(renamed!.id)).toEqual({
      name: '月坛社区居委会（合并后）',
      active: true,
      version: 1
    })
    expect(await onServer(closed!.id)).toEqual({ name: closed!.name, active: false, version: 1 })

    await b.round()
    expect(await b.committee(renamed!.id)).toMatchObject({
      name: '月坛社区居委会（合并后）',
      active: true,
      version: 1
    })
    expect(await b.committee(closed!.id)).toMatchObject({ active: false, version: 1 })
    // Taken, not queued back up; B's next round is quiet.
    expect((await b.round()).lastAttempt?.message).toMatch(/^已上传 0 条/)
    expect(b.services.station.conflicts()).toEqual([])
  })

  it('two PCs renaming one committee: the later upload is refused, kept as a conflict, and the PC follows the server', async () => {
    const twice = shipped[2]!
    await a.save(twice.id, '三里河社区居委会（甲）')
    await b.save(twice.id, '三里河社区居委会（乙）')
    await a.round()
    const status = await b.round()
    expect(status.lastAttempt?.message).toContain('1 条与服务器上另一台电脑的修改不同')
    expect(await b.committee(twice.id)).toMatchObject({
      name: '三里河社区居委会（甲）',
      version: 1
    })
    expect(await onServer(twice.id)).toMatchObject({ name: '三里河社区居委会（甲）', version: 1 })
    expect(b.services.station.conflicts()).toMatchObject([
      {
        table: 'logbook_committees',
        key: twice.id,
        canSendLocal: false,
        fields: [
          { column: 'name', local: '三里河社区居委会（乙）', server: '三里河社区居委会（甲）' }
        ]
      }
    ])
    const [conflict] = b.services.station.conflicts()
    await expect(
      b.services.station.resolveConflict(conflict!.id, 'local', { id: b.adminId, role: 'admin' })
    ).rejects.toThrow('居委会以服务器上先到的修改为准')
    await b.services.station.resolveConflict(conflict!.id, 'server', {
      id: b.adminId,
      role: 'admin'
    })
    expect(
      b.services.sqlite
        .prepare(
          "SELECT count(*) FROM audit_log WHERE action = 'station.logbook_committees.refused'"
        )
        .pluck()
        .get()
    ).toBe(1)

    // B renames it again over the server's version: stored, and A takes it.
    await b.save(twice.id, '三里河社区居委会（乙）')
    await b.round()
    await a.round()
    expect(await a.committee(twice.id)).toMatchObject({
      name: '三里河社区居委会（乙）',
      version: 2
    })
    expect(a.services.station.conflicts()).toEqual([])
  })

  it('a rename to a name another committee has on the server is refused; the round goes on', async () => {
    const [, , , first, second] = shipped
    await a.save(first!.id, '南沙沟社区居委会（新）')
    await a.round()
    // B has not taken A's rename yet, so its own rename to that name passes its own check.
    await b.save(second!.id, '南沙沟社区居委会（新）')
    await b.round()
    expect(await b.committee(second!.id)).toMatchObject({ name: second!.name })
    expect(await b.committee(first!.id)).toMatchObject({ name: '南沙沟社区居委会（新）' })
    expect(await onServer(second!.id)).toMatchObject({ name: second!.name, version: 0 })
    expect(b.services.station.conflicts()).toContainEqual(
      expect.objectContaining({
        table: 'logbook_committees',
        key: second!.id,
        fields: [{ column: 'name', local: '南沙沟社区居委会（新）', server: second!.name }]
      })
    )
    // Nothing was queued back up by taking the server's name.
    expect((await b.round()).lastAttempt?.message).toMatch(/^已上传 0 条/)
    expect(await a.services.audit.verify()).toMatchObject({ ok: true })
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('a PC linked before this release brings the renames that stayed on it (drizzle/0034)', async () => {
    const renamed = shipped[8]!
    const [, trigger, queueChanged] = readFileSync(
      join(__dirname, '../../drizzle/0034_committee_version.sql'),
      'utf8'
    ).split('--> statement-breakpoint')
    // The rename as the earlier release made it: audited, not queued.
    b.services.sqlite.exec('DROP TRIGGER station_outbox_logbook_committees_update')
    await b.save(renamed.id, '前一版本改的名字')
    b.services.sqlite.exec(trigger!)
    await b.round()
    expect(await onServer(renamed.id)).toMatchObject({ name: renamed.name, version: 0 })
    // The migration queues it; the next round takes it up, and A takes it.
    b.services.sqlite.exec(queueChanged!)
    await b.round()
    expect(await onServer(renamed.id)).toMatchObject({ name: '前一版本改的名字', version: 1 })
    await a.round()
    expect(await a.committee(renamed.id)).toMatchObject({ name: '前一版本改的名字' })
    // B's other committees, queued again too, change nothing and conflict with nothing.
    expect(b.services.station.conflicts()).toHaveLength(1)
    expect(b.services.station.conflicts()[0]!.key).not.toBe(renamed.id)
  })

  it('a PC that renamed a shipped committee before it linked brings the rename along', async () => {
    const before = shipped[6]!
    const untouched = shipped[7]!
    const c = await openPc('c')
    try {
      await c.save(before.id, '二七剧场路社区居委会（更名）')
      await c.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, c.adminId)
      await c.round()
      expect(await onServer(before.id)).toMatchObject({
        name: '二七剧场路社区居委会（更名）',
        version: 1
      })
      // The committees it left as shipped change nothing on the server.
      expect(await onServer(untouched.id)).toMatchObject({ name: untouched.name, version: 0 })
      await a.round()
      expect(await a.committee(before.id)).toMatchObject({ name: '二七剧场路社区居委会（更名）' })
      expect(c.services.station.conflicts()).toEqual([])
    } finally {
      c.services.station.stop()
      c.services.cleanup()
    }
  })
})
