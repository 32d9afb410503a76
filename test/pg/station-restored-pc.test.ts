import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { openTestServices, tempDir } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

describe('a PC whose database goes back to its daily backup', () => {
  let config: StationServerConfig
  let database: string
  const dataDir = tempDir()
  let services: Awaited<ReturnType<typeof openTestServices>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('restoredpc'))
    services = await openTestServices({ dataDir })
  })
  afterAll(() => {
    services?.station.stop()
    services?.cleanup()
  })

  const onServer = async () => {
    const admin = await superuserClient(database)
    try {
      const { rows } = await admin.query<{ new_text: string }>(
        "SELECT new_text FROM address_changes WHERE origin = 'station' ORDER BY new_text"
      )
      return rows.map((row) => row.new_text)
    } finally {
      await admin.end()
    }
  }

  it('stops uploading with a message instead of passing over the rows written since', async () => {
    await services.auth.setupAdmin({
      username: 'admin_r',
      displayName: '管理员',
      password: 'Station2026'
    })
    const adminId = services.auth.current()!.operator.id
    await services.station.save(config, WINDOW.password, STATION_PASSPHRASE, adminId)
    const add = (n: number) =>
      services.address.create({ oldText: `宣武区${n}号`, newText: `西城区${n}号` }, adminId)
    add(1)
    const first = await services.station.uploadNow()
    expect(first.lastAttempt?.ok, first.lastAttempt?.message).toBe(true)
    const backup = join(tempDir(), 'backup.sqlite')
    await services.sqlite.backup(backup)
    for (const n of [2, 3, 4]) add(n)
    expect((await services.station.uploadNow()).lastAttempt?.ok).toBe(true)
    expect(await onServer()).toEqual(['西城区1号', '西城区2号', '西城区3号', '西城区4号'])

    // The disk fails; IT puts yesterday's copy back and the clerks write on.
    services.station.stop()
    services.close()
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(join(dataDir, `bianmin.sqlite${suffix}`), { force: true })
    }
    copyFileSync(backup, join(dataDir, 'bianmin.sqlite'))
    services = await openTestServices({ dataDir })
    add(5)
    add(6)
    for (let round = 0; round < 2; round++) {
      const status = await services.station.uploadNow()
      expect(status.lastAttempt?.ok).toBe(false)
      expect(status.lastAttempt?.message).toContain('本机数据库与本所服务器的记录不符')
      // Kept, not passed over as sent.
      expect(status.pending).toBeGreaterThanOrEqual(2)
    }
    expect(await onServer()).toEqual(['西城区1号', '西城区2号', '西城区3号', '西城区4号'])
    expect(
      services.sqlite
        .prepare(
          "SELECT count(*) FROM address_changes WHERE new_text IN ('西城区5号', '西城区6号')"
        )
        .pluck()
        .get()
    ).toBe(2)
  })
})
