import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { memoryBatches } from '../../src/main/address/import'
import { pushNewAddresses } from '../../src/main/station/addresses'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, roleClient, superuserClient, WINDOW } from '../helpers/pg-test'
import { fakeClock, openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'
import { downloadAlone, uploadKilledAfterCommit } from '../helpers/station-rounds'

/** One window's PC in station mode (rounds on demand). */
async function openPc(name: string) {
  const clock = fakeClock('2026-10-12T02:00:00.000Z')
  const services = await openTestServices({ now: clock.now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const admin = services.auth.current()!.operator
  const { address } = services
  /** The station's own rows, as the 地址对照表 lists them. */
  const stationRows = () =>
    address
      .list({ page: 1, pageSize: 50, origin: 'station' })
      .rows.map((row) => [row.id, row.oldText, row.newText])
  /** What a search for `query` finds first. */
  const found = (query: string) => address.search(query, 5).map((hit) => hit.newText)
  const round = async () => {
    const status = await services.station.uploadNow()
    expect(status.lastAttempt?.ok, status.lastAttempt?.message).toBe(true)
    return status
  }
  return { services, admin, address, stationRows, found, round }
}

describe('the station’s address table: the station’s own rows on every PC, changes over their versions', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  const serverRows = async () => {
    const admin = await superuserClient(database)
    try {
      const { rows } = await admin.query<{ id: string; new_text: string; version: number }>(
        'SELECT id, new_text, version FROM address_changes ORDER BY new_text'
      )
      return rows
    } finally {
      await admin.end()
    }
  }

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('addresses'))
    a = await openPc('a')
    b = await openPc('b')
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('a row added before linking goes up once and B finds it by search; the shipped rows stay on each PC', async () => {
    const row = a.address.create(
      { oldText: '宣武区广安门外大街甲 305 号', newText: '西城区广安门外大街 305 号' },
      a.admin.id
    )
    await a.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, a.admin.id)
    await b.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, b.admin.id)

    expect(await serverRows()).toEqual([
      { id: row.id, new_text: '西城区广安门外大街 305 号', version: 1 }
    ])
    expect(b.stationRows()).toEqual([[row.id, row.oldText, row.newText]])
    expect(b.found('广安门外大街甲 305')).toContain('西城区广安门外大街 305 号')
    // Taken, not queued to go back up; the version noted on both PCs.
    expect(b.services.station.status().pending).toBe(0)
    const version = (pc: typeof a) =>
      pc.services.sqlite
        .prepare('SELECT version FROM address_changes WHERE id = ?')
        .pluck()
        .get(row.id)
    expect([version(a), version(b)]).toEqual([1, 1])
  })

  it('B’s change reaches A; A’s change made over the older version is refused, listed, and A follows the server', async () => {
    const [[id]] = a.stationRows() as [[string]]
    b.address.update(
      id,
      { oldText: '宣武区广安门外大街甲 305 号', newText: '西城区广安门外大街 305 号院' },
      b.admin.id
    )
    await b.round()
    // A changes the same row before its next round (as if offline): based on version 1.
    a.address.update(
      id,
      { oldText: '宣武区广安门外大街甲 305 号', newText: '西城区广外大街 305 号', note: '本机' },
      a.admin.id
    )
    const status = await a.round()
    expect(status.conflicts).toBe(1)
    expect(a.stationRows()).toEqual([
      [id, '宣武区广安门外大街甲 305 号', '西城区广安门外大街 305 号院']
    ])
    expect(a.found('广安门外大街甲 305')).toEqual(['西城区广安门外大街 305 号院'])
    expect(await serverRows()).toEqual([
      { id, new_text: '西城区广安门外大街 305 号院', version: 2 }
    ])
    const [conflict] = a.services.station.conflicts()
    expect(conflict).toMatchObject({ table: 'address_changes', key: id, canSendLocal: false })
    expect(conflict!.fields).toEqual(
      expect.arrayContaining([
        {
          column: 'new_text',
          local: '西城区广外大街 305 号',
          server: '西城区广安门外大街 305 号院'
        }
      ])
    )
    // Sending this PC's value is refused with what to do instead; keeping the server's closes it.
    await expect(
      a.services.station.resolveConflict(conflict!.id, 'local', a.admin)
    ).rejects.toMatchObject({ message: expect.stringContaining('在地址对照中再改一次') })
    await a.services.station.resolveConflict(conflict!.id, 'server', a.admin)
    expect(a.services.station.conflicts()).toEqual([])

    // A's next change, over the version it now has, is stored.
    a.address.update(
      id,
      {
        oldText: '宣武区广安门外大街甲 305 号',
        newText: '西城区广安门外大街 305 号院',
        note: '复核'
      },
      a.admin.id
    )
    await a.round()
    await b.round()
    expect(b.address.list({ page: 1, pageSize: 5, origin: 'station' }).rows[0]).toMatchObject({
      id,
      note: '复核'
    })
    expect(await serverRows()).toEqual([
      { id, new_text: '西城区广安门外大街 305 号院', version: 3 }
    ])
  })

  it('a removal reaches the other PC; one made over a change made elsewhere is refused and the row comes back', async () => {
    const [[first]] = a.stationRows() as [[string]]
    a.address.remove(first, a.admin.id)
    await a.round()
    await b.round()
    expect(b.stationRows()).toEqual([])
    expect(b.found('广安门外大街甲 305')).not.toContain('西城区广安门外大街 305 号院')
    expect(await serverRows()).toEqual([])

    const second = b.address.create(
      { oldText: '崇文区幸福大街 9 号', newText: '东城区幸福大街 9 号' },
      b.admin.id
    )
    await b.round()
    await a.round()
    a.address.update(
      second.id,
      { oldText: '崇文区幸福大街 9 号', newText: '东城区幸福大街 9 号楼' },
      a.admin.id
    )
    await a.round()
    // B removes the row it still has at version 1.
    b.address.remove(second.id, b.admin.id)
    const status = await b.round()
    expect(status.conflicts).toBe(1)
    expect(b.stationRows()).toEqual([[second.id, '崇文区幸福大街 9 号', '东城区幸福大街 9 号楼']])
    expect(b.found('幸福大街 9')).toContain('东城区幸福大街 9 号楼')
    const [conflict] = b.services.station.conflicts()
    expect(conflict).toMatchObject({ table: 'address_changes', key: second.id })
    expect(conflict!.fields[0]).toMatchObject({
      column: 'old_text',
      local: expect.stringContaining('本机删除了'),
      server: '崇文区幸福大街 9 号'
    })

    // Both chains still verify, and nothing is waiting.
    expect(await a.services.audit.verify()).toMatchObject({ ok: true })
    expect(await b.services.audit.verify()).toMatchObject({ ok: true })
    expect([a.services.station.status().pending, b.services.station.status().pending]).toEqual([
      0, 0
    ])
  })

  it('an import of 1,200 rows at a linked PC goes up in a few statements, not one per row, and B finds them', async () => {
    const rows = [
      ['旧地址', '新地址'],
      ...Array.from({ length: 1200 }, (_, i) => [
        `宣武区导入胡同${i + 1}号`,
        `西城区导入路${i + 1}号`
      ])
    ]
    const { finished } = a.address.startImport(
      'district.csv',
      memoryBatches(rows, 300),
      { old: 0, new: 1, effective: null, source: null, note: null },
      rows.length - 1,
      a.admin.id
    )
    await finished
    expect(a.services.station.status().pending).toBeGreaterThanOrEqual(1200)

    const query = vi.spyOn(pg.Client.prototype, 'query')
    try {
      await a.round()
      // One round trip per row would be at least 2,400 statements (a removal check and an insert).
      expect(query.mock.calls.length).toBeLessThan(200)
    } finally {
      query.mockRestore()
    }
    expect(a.services.station.status().pending).toBe(0)
    const versions = a.services.sqlite
      .prepare(
        "SELECT version, count(*) AS n FROM address_changes WHERE old_text LIKE '%导入胡同%' GROUP BY version"
      )
      .all()
    expect(versions).toEqual([{ version: 1, n: 1200 }])

    await b.round()
    expect(b.found('导入胡同1199')).toContain('西城区导入路1199号')
    expect(b.address.list({ page: 1, pageSize: 5, origin: 'station' }).total).toBe(1201)
  })

  it('rows sent together again (a replay) are stored once; one the server removed is refused', async () => {
    const stored = a.services.sqlite
      .prepare(
        "SELECT * FROM address_changes WHERE origin = 'station' AND old_text LIKE '%导入胡同%' LIMIT 3"
      )
      .all() as Record<string, unknown>[]
    const window = await roleClient(WINDOW, database)
    try {
      await window.query('BEGIN')
      await window.query(
        `INSERT INTO address_removals (id, version, old_text, new_text, removed_at)
         VALUES ('00000000-0000-7000-8000-000000000001', 1, '旧', '新', '2026-10-12T02:00:00.000Z')`
      )
      const removedElsewhere = {
        ...stored[0]!,
        id: '00000000-0000-7000-8000-000000000001',
        version: 0
      }
      const fresh = { ...stored[1]!, id: '00000000-0000-7000-8000-000000000002', version: 0 }
      const pushes = await pushNewAddresses(window, [
        { ...stored[0]!, version: 0 },
        removedElsewhere,
        fresh,
        { ...stored[2]!, version: 0 }
      ])
      expect(pushes.map((push) => [push.id, push.kind])).toEqual([
        [stored[0]!.id, 'stored'],
        [removedElsewhere.id, 'refused'],
        [fresh.id, 'stored'],
        [stored[2]!.id, 'stored']
      ])
      expect(pushes.map((push) => (push.kind === 'stored' ? push.version : null))).toEqual([
        1,
        null,
        1,
        1
      ])
      const { rows } = await window.query<{ n: string }>(
        'SELECT count(*) AS n FROM address_changes WHERE id = ANY($1::text[])',
        [[stored[0]!.id, removedElsewhere.id, fresh.id]]
      )
      expect(Number(rows[0]!.n)).toBe(2)
    } finally {
      await window.query('ROLLBACK').catch(() => undefined)
      await window.end()
    }
  })

  it('a clerk’s correction or removal of a shipped row reaches the other PC (same ids everywhere); the sample stays on each PC', async () => {
    const shipped = (pc: typeof a, like: string) =>
      pc.services.sqlite
        .prepare(
          "SELECT id, old_text AS oldText, new_text AS newText, note, version FROM address_changes WHERE origin = 'seed' AND old_text LIKE ? ORDER BY num LIMIT 1"
        )
        .get(like) as {
        id: string
        oldText: string
        newText: string
        note: string
        version: number
      }
    const conflictsBefore = [a, b].map((pc) => pc.services.station.conflicts().length)
    const corrected = shipped(a, '%崇文区%')
    expect(shipped(b, '%崇文区%')).toEqual(corrected)
    a.address.update(
      corrected.id,
      { oldText: corrected.oldText, newText: corrected.newText, note: '本所更正：见区政府公告' },
      a.admin.id
    )
    await a.round()
    await b.round()
    expect(shipped(b, '%崇文区%')).toEqual({
      ...corrected,
      note: '本所更正：见区政府公告',
      version: 1
    })

    const removed = shipped(b, '%宣武区%')
    expect(shipped(a, '%宣武区%').id).toBe(removed.id)
    b.address.remove(removed.id, b.admin.id)
    await b.round()
    await a.round()
    expect(
      a.services.sqlite.prepare('SELECT 1 FROM address_changes WHERE id = ?').get(removed.id)
    ).toBeUndefined()

    // Only the corrected shipped row is on the server; removing A's sample rows stays on A.
    const samples = (pc: typeof a) =>
      pc.services.sqlite
        .prepare("SELECT count(*) FROM address_changes WHERE origin = 'sample'")
        .pluck()
        .get()
    const bSamples = samples(b)
    expect(a.address.removeSample(a.admin.id)).toBeGreaterThan(0)
    await a.round()
    await b.round()
    expect(samples(b)).toBe(bSamples)
    const admin = await superuserClient(database)
    try {
      const { rows } = await admin.query(
        "SELECT origin, count(*)::int AS n FROM address_changes WHERE origin <> 'station' GROUP BY origin"
      )
      expect(rows).toEqual([{ origin: 'seed', n: 1 }])
      const removals = await admin.query('SELECT id FROM address_removals WHERE id = $1', [
        removed.id
      ])
      expect(removals.rowCount).toBe(1)
    } finally {
      await admin.end()
    }
    // No new conflicts, nothing waiting.
    expect([a, b].map((pc) => pc.services.station.conflicts().length)).toEqual(conflictsBefore)
    expect([a.services.station.status().pending, b.services.station.status().pending]).toEqual([
      0, 0
    ])

    // A PC that corrected a shipped row before it was linked sends the correction at the link.
    const c = await openPc('c')
    try {
      const byId = (pc: typeof a, id: string) =>
        pc.services.sqlite
          .prepare(
            'SELECT id, old_text AS oldText, new_text AS newText, note FROM address_changes WHERE id = ?'
          )
          .get(id) as { id: string; oldText: string; newText: string; note: string }
      const earlyId = c.services.sqlite
        .prepare(
          "SELECT id FROM address_changes WHERE origin = 'seed' ORDER BY num LIMIT 1 OFFSET 100"
        )
        .pluck()
        .get() as string
      const early = byId(c, earlyId)
      expect(byId(a, earlyId)).toEqual(early)
      c.address.update(
        early.id,
        { oldText: early.oldText, newText: early.newText, note: '链接前更正' },
        c.admin.id
      )
      await c.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, c.admin.id)
      expect(c.services.station.status().pending).toBe(0)
      await a.round()
      expect(byId(a, earlyId)).toEqual({ ...early, note: '链接前更正' })
    } finally {
      c.services.station.stop()
      c.services.cleanup()
    }
  })

  it('a change saved while a round downloads, refused at the next, leaves this PC with the server’s row', async () => {
    const row = b.address.create(
      { oldText: '宣武区牛街 17 号', newText: '西城区牛街 17 号' },
      b.admin.id
    )
    await b.round()
    await a.round()
    b.address.update(
      row.id,
      { oldText: '宣武区牛街 17 号', newText: '西城区牛街 17 号院' },
      b.admin.id
    )
    await b.round()
    // A's round has uploaded; the clerk saves a change over version 1; then the round downloads,
    // passing over B's change while A's is queued.
    a.address.update(
      row.id,
      { oldText: '宣武区牛街 17 号', newText: '西城区牛街 17 号楼' },
      a.admin.id
    )
    await downloadAlone(a.services, database)
    const newText = () =>
      a.services.sqlite
        .prepare('SELECT new_text AS text, version FROM address_changes WHERE id = ?')
        .get(row.id)
    expect(newText()).toEqual({ text: '西城区牛街 17 号楼', version: 1 })

    // The next round refuses A's change, lists it, and A takes the server's row.
    const status = await a.round()
    expect(status.conflicts).toBe(1)
    expect(newText()).toEqual({ text: '西城区牛街 17 号院', version: 2 })
    expect(a.found('牛街 17')).toContain('西城区牛街 17 号院')
    expect(status.pending).toBe(0)
    const [conflict] = a.services.station.conflicts()
    expect(conflict!.fields).toEqual(
      expect.arrayContaining([
        { column: 'new_text', local: '西城区牛街 17 号楼', server: '西城区牛街 17 号院' }
      ])
    )
    await a.services.station.resolveConflict(conflict!.id, 'server', a.admin)

    // A's next change is made over the server's version and stored.
    a.address.update(
      row.id,
      { oldText: '宣武区牛街 17 号', newText: '西城区牛街 17 号甲' },
      a.admin.id
    )
    await a.round()
    expect(a.services.station.conflicts()).toEqual([])
    await b.round()
    expect(
      b.services.sqlite
        .prepare('SELECT new_text FROM address_changes WHERE id = ?')
        .pluck()
        .get(row.id)
    ).toBe('西城区牛街 17 号甲')
    expect(await a.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('a removal refused while the PC was killed before noting it is learnt at restart: listed, the row back', async () => {
    const row = a.address.create(
      { oldText: '宣武区牛街 19 号', newText: '西城区牛街 19 号' },
      a.admin.id
    )
    await a.round()
    await b.round()
    b.address.update(
      row.id,
      { oldText: '宣武区牛街 19 号', newText: '西城区牛街 19 号院' },
      b.admin.id
    )
    await b.round()
    // A removes the row over version 1 while a round downloads, so it passes over B's change.
    a.address.remove(row.id, a.admin.id)
    await downloadAlone(a.services, database)
    // The next upload is refused by the server and killed before A notes it.
    await expect(uploadKilledAfterCommit(a.services, database)).rejects.toThrow(
      'killed after the server committed'
    )
    const status = await a.round()
    expect(status.conflicts).toBe(1)
    expect(
      a.services.sqlite
        .prepare('SELECT new_text FROM address_changes WHERE id = ?')
        .pluck()
        .get(row.id)
    ).toBe('西城区牛街 19 号院')
    expect(a.services.station.conflicts()[0]).toMatchObject({
      table: 'address_changes',
      key: row.id
    })
  })
})
