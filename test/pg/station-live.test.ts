import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import type { StationChange } from '../../src/main/station/station-service'
import type { StationServerConfig } from '../../src/shared/station/config'
import { STATION_PASSPHRASE } from '../helpers/station-keys'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { createServerDatabase, OWNER, roleClient, WINDOW, windowConfig } from '../helpers/pg-test'
import { openTestServices, repoRoot } from '../helpers/services'

/** Far longer than the test waits: a change can only arrive through LISTEN/NOTIFY. */
const ROUND_MS = 10 * 60_000

/**
 * The PC listens and the round it starts on (re)connecting (after 200 ms) is over, so a later
 * change can only reach it through a notice.
 */
async function listeningAndSettled(pc: Awaited<ReturnType<typeof openPc>>, timeout: number) {
  await expect.poll(() => pc.services.station.listening(), { timeout }).toBe(true)
  await sleep(1000)
  await expect.poll(() => pc.services.station.status().uploading).toBe(false)
}

/** A PC in station mode with its background round (and so its listener) on. */
async function openPc(name: string, config: StationServerConfig) {
  const changes: StationChange[] = []
  const services = await openTestServices({
    stationUploadIntervalMs: ROUND_MS,
    onStationChange: (change) => changes.push(change)
  })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: '王建国',
    password: 'Station2026'
  })
  const admin = services.auth.current()!.operator.id
  const saved = await services.station.save(config, WINDOW.password, STATION_PASSPHRASE, admin)
  expect(saved.report.ok).toBe(true)
  const change = (values: { stationName?: string; idleLockMinutes?: number }) =>
    services.settings.update(values, { operatorId: admin, deviceId: services.deviceId })
  return { services, changes, change }
}

describe('live updates: another PC’s change arrives through LISTEN/NOTIFY, also after the server restarts', () => {
  let cluster: PgCluster
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    cluster = await startPgCluster()
    const database = await createServerDatabase('live', cluster)
    const owner = await roleClient(OWNER, database, cluster)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
    const config = windowConfig(database, cluster)
    a = await openPc('a', config)
    b = await openPc('b', config)
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
    cluster?.stop()
  })

  it('takes a station-wide setting within seconds of the other PC’s upload, and tells the windows', async () => {
    await listeningAndSettled(b, 10_000)
    await a.change({ stationName: '月坛派出所户籍窗口' })
    await a.services.station.uploadNow()
    await expect
      .poll(async () => (await b.services.settings.get()).stationName, { timeout: 10_000 })
      .toBe('月坛派出所户籍窗口')
    expect(b.changes).toContainEqual(
      expect.objectContaining({ settings: ['stationName'], photoSpecs: [] })
    )
    // A PC does not pull what it sent itself.
    expect(a.changes.flatMap((change) => change.settings)).toEqual([])
  })

  it('listens again after the server restarts and takes what changed', async () => {
    cluster.pause()
    await expect.poll(() => b.services.station.listening(), { timeout: 10_000 }).toBe(false)
    cluster.resume()
    await listeningAndSettled(b, 30_000)
    await a.change({ idleLockMinutes: 12 })
    await a.services.station.uploadNow()
    await expect
      .poll(async () => (await b.services.settings.get()).idleLockMinutes, { timeout: 10_000 })
      .toBe(12)
  })
})
