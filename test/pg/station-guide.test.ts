import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BusinessInput } from '../../src/shared/guide/contract'
import type { StationServerConfig } from '../../src/shared/station/config'
import { GUIDE_DOCUMENT_KEY, readGuideDocument } from '../../src/main/guide/guide-document'
import { migratedStation, roleClient, WINDOW } from '../helpers/pg-test'
import { STATION_PASSPHRASE } from '../helpers/station-keys'
import { fakeClock, openTestServices } from '../helpers/services'

/** A window's PC with its own administrator (not linked yet). */
async function openPc(name: string) {
  const services = await openTestServices({ now: fakeClock('2026-12-06T01:00:00.000Z').now })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const adminId = services.auth.current()!.operator.id
  const business = async (code: string): Promise<BusinessInput> => {
    const {
      categoryName: _n,
      categoryMenuNumber: _m,
      updatedAt: _u,
      conditions: _c,
      ...rest
    } = await services.guide.repo.business(code)
    return rest
  }
  const edit = async (code: string, change: Partial<BusinessInput>) =>
    services.guide.saveBusiness({ ...(await business(code)), ...change }, adminId)
  const link = (config: StationServerConfig) =>
    services.station.save(config, WINDOW.password, STATION_PASSPHRASE, adminId)
  const round = () => services.station.uploadNow()
  return { services, adminId, business, edit, link, round }
}

type Pc = Awaited<ReturnType<typeof openPc>>

describe('the service guide across the station (one versioned document)', () => {
  let config: StationServerConfig
  let server: pg.Client
  let a: Pc
  let b: Pc

  const serverGuide = async () => {
    const { rows } = await server.query<{ value: string; version: number }>(
      'SELECT value, version FROM settings WHERE key = $1',
      [GUIDE_DOCUMENT_KEY]
    )
    return rows[0] ?? null
  }

  beforeAll(async () => {
    let database: string
    ;({ database, config } = await migratedStation('guide'))
    server = await roleClient(WINDOW, database)
    a = await openPc('a')
    b = await openPc('b')
  })
  afterAll(async () => {
    await server?.end()
    a?.services.cleanup()
    b?.services.cleanup()
  })

  it('a PC that edited its guide before linking offers it; one that never did takes it, with no conflict', async () => {
    await a.edit('HK-OUT', { promisedTime: '即时办结' })
    const linkedA = await a.link(config)
    expect(linkedA.status).toMatchObject({ linked: true, pending: 0, conflicts: 0 })
    const stored = await serverGuide()
    expect(stored?.version).toBe(1)
    expect(JSON.parse(stored!.value)).toEqual(readGuideDocument(a.services.db))

    const idOnB = (await b.business('HK-OUT')).id
    const linkedB = await b.link(config)
    expect(linkedB.status).toMatchObject({ linked: true, pending: 0, conflicts: 0 })
    expect(linkedB.status.lastAttempt?.message).toContain('本所设置')
    // B's own ids stay (a queue line linked to the business keeps its link).
    expect(await b.business('HK-OUT')).toMatchObject({ id: idOnB, promisedTime: '即时办结' })
    expect(readGuideDocument(b.services.db)).toEqual(readGuideDocument(a.services.db))
    expect((await serverGuide())?.version).toBe(1)
  })

  it('an edit reaches the other PC in its next round: the guide, its history and its search', async () => {
    expect(await b.services.guide.search('流动人口登记测试')).toEqual([])
    const out = await a.business('HK-OUT')
    await a.services.guide.saveBusiness(
      {
        ...out,
        id: undefined,
        code: 'HK-FLOW',
        menuNumber: 8,
        name: '流动人口登记测试',
        materials: [{ item: '居民身份证', required: true, condition: null }]
      },
      a.adminId
    )
    await a.round()
    expect((await serverGuide())?.version).toBe(2)
    const round = await b.round()
    expect(round).toMatchObject({ pending: 0, conflicts: 0 })
    expect((await b.services.guide.search('流动人口登记测试')).map((hit) => hit.code)).toEqual([
      'HK-FLOW'
    ])
    // A's administrator is known on B (accounts travel): the history names her.
    expect((await b.services.guide.repo.history('HK-FLOW'))[0]).toMatchObject({
      action: 'create',
      operatorName: '管理员a'
    })
  })

  it('two PCs editing the guide before a round: the later is refused, listed by business, and the PC follows the server until 改用本机的值', async () => {
    const original = await a.business('HK-OUT')
    await a.edit('HK-OUT', { notes: '甲：周六上午也可办理' })
    await b.edit('HK-OUT', { fee: '免费' })
    expect(await b.services.guide.search('周六上午也可办理')).toEqual([])
    await a.round()
    const refused = await b.round()
    expect(refused.conflicts).toBe(1)
    // B follows the server's guide, its search too.
    expect((await b.services.guide.search('周六上午也可办理')).map((hit) => hit.code)).toEqual([
      'HK-OUT'
    ])
    expect(await b.business('HK-OUT')).toMatchObject({
      notes: '甲：周六上午也可办理',
      fee: original.fee
    })
    const [conflict] = b.services.station.conflicts()
    expect(conflict).toMatchObject({
      table: 'settings',
      key: GUIDE_DOCUMENT_KEY,
      canSendLocal: true
    })
    expect(conflict!.fields).toHaveLength(1)
    expect(conflict!.fields[0]!.column).toBe(`HK-OUT ${original.name}`)
    expect(conflict!.fields[0]!.local).toContain('收费：免费')
    expect(conflict!.fields[0]!.server).toContain('备注：甲：周六上午也可办理')

    await b.services.station.resolveConflict(conflict!.id, 'local', {
      id: b.adminId,
      role: 'admin'
    })
    expect(b.services.station.status()).toMatchObject({ conflicts: 0, pending: 0 })
    expect(await b.business('HK-OUT')).toMatchObject({ fee: '免费', notes: original.notes })
    await a.round()
    expect(await a.business('HK-OUT')).toMatchObject({ fee: '免费', notes: original.notes })
    expect(readGuideDocument(a.services.db)).toEqual(readGuideDocument(b.services.db))
    expect(JSON.parse((await serverGuide())!.value)).toEqual(readGuideDocument(a.services.db))
  })

  it('two PCs editing different businesses before a round: merged, with no conflict, and both PCs end with both edits', async () => {
    const versionBefore = (await serverGuide())!.version
    await a.edit('HK-OUT', { counter: '一号窗口' })
    await b.edit('HK-FLOW', { fee: '不收费' })
    await a.round()
    const merged = await b.round()
    expect(merged).toMatchObject({ conflicts: 0, pending: 0 })
    expect(merged.lastAttempt?.message).toContain('已合并后上传')
    expect(await b.business('HK-OUT')).toMatchObject({ counter: '一号窗口' })
    expect(await b.business('HK-FLOW')).toMatchObject({ fee: '不收费' })
    // A's edit, then B's merge over it.
    expect((await serverGuide())!.version).toBe(versionBefore + 2)
    await a.round()
    expect(await a.business('HK-FLOW')).toMatchObject({ fee: '不收费' })
    expect(readGuideDocument(a.services.db)).toEqual(readGuideDocument(b.services.db))
    expect(JSON.parse((await serverGuide())!.value)).toEqual(readGuideDocument(a.services.db))
    const mergedAudits = b.services.sqlite
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'station.settings.merged'`)
      .pluck()
      .get()
    expect(mergedAudits).toBe(1)
  })

  /** Two of the shipped businesses besides HK-OUT, for edits that do not touch each other. */
  const others = async () => {
    const tree = await a.services.guide.repo.tree()
    const codes = tree.categories.flatMap((c) => c.businesses.map((b) => b.code))
    return codes.filter((code) => !['HK-OUT', 'HK-FLOW'].includes(code)).slice(0, 2) as [
      string,
      string
    ]
  }

  it('several edits queued before a round are merged once, as this PC’s administrator’s', async () => {
    const [first, second] = await others()
    await b.edit(first, { notes: '乙：第一处修改' })
    await b.edit(second, { notes: '乙：第二处修改' })
    await a.edit('HK-OUT', { notes: '甲：第三处修改' })
    await a.round()
    const merged = await b.round()
    expect(merged).toMatchObject({ conflicts: 0, pending: 0 })
    expect(merged.lastAttempt?.message).toContain('已合并后上传')
    await a.round()
    expect(await a.business(first)).toMatchObject({ notes: '乙：第一处修改' })
    expect(await a.business(second)).toMatchObject({ notes: '乙：第二处修改' })
    expect(await b.business('HK-OUT')).toMatchObject({ notes: '甲：第三处修改' })
    // A's history names B's administrator for B's edits.
    expect((await a.services.guide.repo.history(first))[0]).toMatchObject({
      operatorName: '管理员b'
    })
  })

  it('改用本机的值 on an older guide conflict keeps the edits made since, and the search follows', async () => {
    const [first, second] = await others()
    await a.edit('HK-OUT', { notes: '甲：窗口备注' })
    await b.edit('HK-OUT', { notes: '乙：窗口备注' })
    await a.round()
    expect((await b.round()).conflicts).toBe(1)
    // Later, each PC edits another business; B takes A's.
    await a.edit(first, { eligibility: '甲：后来的修改' })
    await a.round()
    await b.edit(second, { validity: '乙：后来的修改' })
    await b.round()
    expect(await b.business(first)).toMatchObject({ eligibility: '甲：后来的修改' })
    expect(await b.services.guide.search('乙：窗口备注')).toEqual([])

    const [conflict] = b.services.station.conflicts()
    await b.services.station.resolveConflict(conflict!.id, 'local', {
      id: b.adminId,
      role: 'admin'
    })
    expect(b.services.station.status()).toMatchObject({ conflicts: 0, pending: 0 })
    expect((await b.services.guide.search('乙：窗口备注')).map((hit) => hit.code)).toEqual([
      'HK-OUT'
    ])
    await a.round()
    for (const pc of [a, b]) {
      expect(await pc.business('HK-OUT')).toMatchObject({ notes: '乙：窗口备注' })
      expect(await pc.business(first)).toMatchObject({ eligibility: '甲：后来的修改' })
      expect(await pc.business(second)).toMatchObject({ validity: '乙：后来的修改' })
    }
  })

  it('a guide on the server that fails this PC’s checks is not applied, and the status says so', async () => {
    const before = readGuideDocument(b.services.db)
    const broken = structuredClone(before)
    broken.categories[0]!.businesses[1]!.menuNumber =
      broken.categories[0]!.businesses[0]!.menuNumber
    // Written past the app (a PC of another version, or by hand): same role, a newer version.
    await server.query('UPDATE settings SET value = $1, version = version + 1 WHERE key = $2', [
      JSON.stringify(broken),
      GUIDE_DOCUMENT_KEY
    ])
    const round = await b.round()
    expect(round.lastAttempt?.message).toContain('服务器上的办事指南未通过本机的检查，未采用')
    expect(round.lastAttempt?.message).toContain('重复')
    expect(readGuideDocument(b.services.db)).toEqual(before)
    // Not offered back over it either: the guide on the server stays as it was written.
    expect((await serverGuide())!.value).toBe(JSON.stringify(broken))
  })
})
