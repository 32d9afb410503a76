import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyDeviceChain } from '../../src/main/station/chain'
import { stationKeySide } from '../../src/main/station/transcode'
import type { EntryInput } from '../../src/shared/logbooks/contract'
import type { StationServerConfig } from '../../src/shared/station/config'
import {
  clusterInfo,
  migratedStation,
  roleClient,
  superuserClient,
  WINDOW
} from '../helpers/pg-test'
import { fakeClock, openSignedIn, repoRoot, tempDir } from '../helpers/services'
import { serverStationKey, STATION_PASSPHRASE } from '../helpers/station-keys'

type Services = Awaited<ReturnType<typeof openSignedIn>>

/** A phone booking with a sealed phone number and an ID number inside its free text. */
const booking = (phone: string, idNumber: string): EntryInput => ({
  book: 'phone',
  occurredAt: '2026-09-29T02:00:00.000Z',
  status: 'open',
  fields: {
    callerName: '王秀兰',
    sex: 'female',
    address: '月坛北街 3 号楼',
    matter: `代办人身份证 ${idNumber}，预约上门办理居住登记`,
    callerPhone: phone
  }
})

describe('the station key: every PC of a station opens, finds and checks what the others uploaded', () => {
  const info = clusterInfo()
  let database: string
  let config: StationServerConfig
  let server: pg.Client
  const opened: Services[] = []

  const openPc = async () => {
    const services = await openSignedIn({ now: fakeClock('2026-09-30T02:00:00.000Z').now })
    opened.push(services)
    return { services, adminId: services.auth.current()!.operator.id }
  }

  /** The server's copy of one phone entry. */
  const serverEntry = async (id: string) =>
    (
      await server.query<{ caller_phone: string; matter: string }>(
        'SELECT caller_phone, matter FROM logbook_phone WHERE id = $1',
        [id]
      )
    ).rows[0]!

  beforeAll(async () => {
    ;({ database, config } = await migratedStation('stationkey'))
    server = await roleClient(WINDOW, database)
  })
  afterAll(async () => {
    await server?.end()
    for (const services of opened) {
      services.station.stop()
      services.cleanup()
    }
  })

  it('the first PC sets the passphrase; the next needs the same one; a wrong one changes nothing', async () => {
    const a = await openPc()
    // No passphrase, or a short one, on a server without a key: refused at the field.
    await expect(
      a.services.station.save(config, WINDOW.password, undefined, a.adminId)
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { passphrase: expect.any(String) } })
    await expect(
      a.services.station.save(config, WINDOW.password, '太短的口令', a.adminId)
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { passphrase: expect.any(String) } })
    expect(a.services.station.status()).toMatchObject({ configured: false, linked: false })
    expect((await server.query('SELECT 1 FROM station_key')).rowCount).toBe(0)

    // A clerk's entry from before the link goes up with the link.
    const [entryId] = await a.services.logbooks.service.createMany(
      [booking('13812345678', '11010519491231002X')],
      a.adminId
    )
    const saved = await a.services.station.save(
      config,
      WINDOW.password,
      STATION_PASSPHRASE,
      a.adminId
    )
    expect(saved.status).toMatchObject({ configured: true, linked: true, pending: 0 })
    expect(a.services.station.get().hasStationKey).toBe(true)

    // The server holds the key only wrapped: neither the passphrase nor the key is readable there.
    const stationKey = await serverStationKey(server)
    const stored = JSON.stringify((await server.query('SELECT * FROM station_key')).rows)
    expect(stored).not.toContain(STATION_PASSPHRASE)
    expect(stored).not.toContain(stationKey.toString('hex'))
    expect(stored).not.toContain(stationKey.toString('base64'))
    expect(stored).not.toContain(stationKey.toString('base64url'))

    // The uploaded entry is sealed under the station key, not under A's own.
    const station = stationKeySide(stationKey)
    const onServer = await serverEntry(entryId!)
    expect(onServer.caller_phone).toMatch(/^enc1:/)
    expect(station.cipher.openText(onServer.caller_phone, 'logbook.phone.callerPhone')).toBe(
      '13812345678'
    )
    expect(() =>
      a.services.cipher.openText(onServer.caller_phone, 'logbook.phone.callerPhone')
    ).toThrow(/无法解密/)
    expect(onServer.matter).not.toContain('11010519491231002X')
    expect(station.cipher.openEmbedded(onServer.matter, 'logbook.phone.matter')).toContain(
      '11010519491231002X'
    )

    // Its blind-index tokens are the station's: a search by number finds it from any PC.
    const tokens = (
      await server.query<{ token: string }>(
        'SELECT token FROM logbook_blind_index WHERE entry_id = $1 ORDER BY token',
        [entryId!]
      )
    ).rows.map((row) => row.token)
    expect(tokens).toEqual(
      [
        station.cipher.blindIndex('phone', '13812345678'),
        station.cipher.blindIndex('id', '11010519491231002X')
      ].sort()
    )
    expect(tokens).not.toContain(a.services.cipher.blindIndex('phone', '13812345678'))

    // Every audit row of A's chain is signed under the station key, the chain unbroken.
    const chain = await verifyDeviceChain(server, a.services.deviceId, station.chainKey)
    expect(chain).toMatchObject({ ok: true, brokenAt: null, badMacAt: null })
    expect(chain.rows).toBe(
      a.services.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()
    )
    // Checked with A's own mac key instead, the macs do not fit (they were recoded).
    expect(
      (await verifyDeviceChain(server, a.services.deviceId, a.services.keys.key('audit-chain')))
        .badMacAt
    ).toBe(1)

    // B: a wrong passphrase is refused at the field and nothing is saved or linked.
    const b = await openPc()
    await expect(
      b.services.station.save(config, WINDOW.password, undefined, b.adminId)
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { passphrase: expect.any(String) } })
    await expect(
      b.services.station.save(config, WINDOW.password, '另一个所的密钥口令', b.adminId)
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('口令不对') })
    expect(b.services.station.status()).toMatchObject({ configured: false, linked: false })
    expect(b.services.station.get()).toMatchObject({ config: null, hasStationKey: false })

    // With the right one, B's entries go up under the same key as A's.
    const [entryIdB] = await b.services.logbooks.service.createMany(
      [booking('13900001111', '110101199003071236')],
      b.adminId
    )
    await b.services.station.save(config, WINDOW.password, STATION_PASSPHRASE, b.adminId)
    const fromB = await serverEntry(entryIdB!)
    expect(station.cipher.openText(fromB.caller_phone, 'logbook.phone.callerPhone')).toBe(
      '13900001111'
    )
    expect(await verifyDeviceChain(server, b.services.deviceId, station.chainKey)).toMatchObject({
      ok: true,
      badMacAt: null
    })
    // The key is made once: still one row.
    expect((await server.query('SELECT count(*)::int AS n FROM station_key')).rows[0].n).toBe(1)

    // The IT person checks every PC's chain and macs with the passphrase (station:verify).
    const verify = (passphrase: string) =>
      spawnSync(
        join(repoRoot, 'node_modules/.bin/tsx'),
        [
          join(repoRoot, 'src/main/cli/index.ts'),
          'station:verify',
          ...['--host', 'localhost', '--port', String(info.port), '--database', database],
          ...['--user', WINDOW.user, '--ca', info.caFile, '--data-dir', tempDir()]
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: {
            ...process.env,
            BIANMIN_STATION_PASSWORD: WINDOW.password,
            BIANMIN_STATION_PASSPHRASE: passphrase
          }
        }
      )
    const verified = verify(STATION_PASSPHRASE)
    expect(verified.stdout.match(/^✓ .*签名与本所密钥相符$/gm)).toHaveLength(2)
    expect(verified.status).toBe(0)
    const refused = verify('另一个所的密钥口令')
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('口令不对')

    // Saving again (a new password, the same server) needs no passphrase: the PC holds the key.
    const again = await a.services.station.save(config, WINDOW.password, undefined, a.adminId)
    expect(again.report.ok).toBe(true)
    expect(
      a.services.sqlite
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'station.configure'")
        .pluck()
        .get()
    ).toBe(2)
  })

  it('a PC stops uploading when the server’s key is not the one it holds, and says why', async () => {
    const a = opened[0]!
    const admin = await superuserClient(database)
    try {
      // The server is rebuilt with another station's key.
      await admin.query(
        `UPDATE station_key SET fingerprint = repeat('0', 64), wrapped = 'AAAA' WHERE id = 1`
      )
    } finally {
      await admin.end()
    }
    const serverEntries = async () =>
      (await server.query('SELECT count(*)::int AS n FROM logbook_phone')).rows[0].n as number
    const before = await serverEntries()
    await a.logbooks.service.createMany(
      [booking('13700002222', '11010519491231002X')],
      a.auth.current()!.operator.id
    )
    const status = await a.station.uploadNow()
    expect(status.pending).toBeGreaterThan(0)
    expect(status.lastAttempt).toMatchObject({
      ok: false,
      message: expect.stringContaining('本所密钥与本机保存的不同')
    })
    expect(await serverEntries()).toBe(before)
  })
})
