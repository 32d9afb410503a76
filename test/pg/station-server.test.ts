import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkStationServer } from '../../src/main/station/server'
import { stationServerConfig, type StationServerConfig } from '../../src/shared/station/config'
import { clusterInfo, createTestDatabase, superuserClient } from '../helpers/pg-test'

const APP_PASSWORD = 'Station2026-app'
const SUPER_PASSWORD = 'Station2026-super'

describe('station server check (测试连接)', () => {
  const info = clusterInfo()
  const caPem = readFileSync(info.caFile, 'utf8')
  let database: string
  let cDatabase: string
  let config: StationServerConfig

  beforeAll(async () => {
    database = await createTestDatabase('station')
    cDatabase = `${database}_c`
    const admin = await superuserClient()
    try {
      await admin.query(`CREATE ROLE station_app LOGIN PASSWORD '${APP_PASSWORD}'`)
      await admin.query(`ALTER ROLE postgres PASSWORD '${SUPER_PASSWORD}'`)
      // A database made the wrong way: byte-wise character type, so pg_trgm ignores Chinese.
      await admin.query(
        `CREATE DATABASE ${cDatabase} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`
      )
    } finally {
      await admin.end()
    }
    for (const name of [database, cDatabase]) {
      const owner = await superuserClient(name)
      await owner.query('CREATE EXTENSION pg_trgm')
      await owner.end()
    }
    config = {
      host: 'localhost',
      port: info.port,
      database,
      user: 'station_app',
      tls: 'verify',
      caPem
    }
  })

  afterAll(async () => {
    const admin = await superuserClient()
    await admin.query(`DROP DATABASE IF EXISTS ${cDatabase}`)
    await admin.end()
  })

  const levels = (report: Awaited<ReturnType<typeof checkStationServer>>) =>
    Object.fromEntries(report.items.map((item) => [item.key, item.level]))

  it('passes a least-privilege role over verified TLS on a UTF-8 database with pg_trgm', async () => {
    const report = await checkStationServer(config, APP_PASSWORD)
    expect(report.ok).toBe(true)
    expect(report.serverVersion).toMatch(/^\d+/)
    expect(levels(report)).toEqual({
      connect: 'ok',
      superuser: 'ok',
      tls: 'ok',
      encoding: 'ok',
      trigram: 'ok'
    })
  })

  it('verifies the certificate against the IP address too (it is in the certificate)', async () => {
    const report = await checkStationServer({ ...config, host: '127.0.0.1' }, APP_PASSWORD)
    expect(levels(report).tls).toBe('ok')
  })

  it('warns, without failing, when the connection is not encrypted', async () => {
    const report = await checkStationServer(
      { ...config, tls: 'off', caPem: undefined },
      APP_PASSWORD
    )
    expect(report.ok).toBe(true)
    expect(report.items.find((item) => item.key === 'tls')).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('连接未加密')
    })
  })

  it('refuses a certificate it cannot verify (no CA given for a private CA)', async () => {
    const report = await checkStationServer({ ...config, caPem: undefined }, APP_PASSWORD)
    expect(report.ok).toBe(false)
    expect(report.items).toEqual([
      { key: 'connect', level: 'error', message: '服务器证书无法验证：请填写签发它的证书（CA）' }
    ])
  })

  it('refuses the superuser', async () => {
    const report = await checkStationServer({ ...config, user: 'postgres' }, SUPER_PASSWORD)
    expect(report.ok).toBe(false)
    expect(report.items.find((item) => item.key === 'superuser')).toMatchObject({
      level: 'error',
      message: expect.stringContaining('不得用超级用户 postgres 连接')
    })
  })

  it('refuses a database whose character type is not UTF-8 (Chinese search would find nothing)', async () => {
    const report = await checkStationServer({ ...config, database: cDatabase }, APP_PASSWORD)
    expect(report.ok).toBe(false)
    expect(levels(report)).toMatchObject({ encoding: 'error', trigram: 'error' })
  })

  it('says what is wrong when the password, the database or the port is wrong', async () => {
    const wrongPassword = await checkStationServer(config, 'not-the-password')
    expect(wrongPassword.items[0].message).toBe('用户 station_app 的密码不对')
    const noDatabase = await checkStationServer({ ...config, database: 'no_such_db' }, APP_PASSWORD)
    expect(noDatabase.items[0].message).toBe('服务器上没有数据库 no_such_db')
    const idle = createServer()
    await new Promise<void>((resolve) => idle.listen(0, '127.0.0.1', resolve))
    const address = idle.address()
    const closedPort = typeof address === 'object' && address ? address.port : 0
    await new Promise<void>((resolve) => idle.close(() => resolve()))
    const refused = await checkStationServer(
      { ...config, host: '127.0.0.1', port: closedPort },
      APP_PASSWORD
    )
    expect(refused.items[0].message).toBe(
      `无法连接到本所服务器 127.0.0.1:${closedPort}：服务器未运行，或端口不对`
    )
  })
})

describe('station server settings (contract)', () => {
  const valid = {
    host: 'pcs-server.local',
    port: 5432,
    database: 'bianmin',
    user: 'window_1',
    tls: 'verify'
  }

  it('accepts a host name or address, a port and lower-case identifiers', () => {
    expect(stationServerConfig.safeParse(valid).success).toBe(true)
    expect(stationServerConfig.safeParse({ ...valid, host: '10.12.0.5' }).success).toBe(true)
  })

  it.each([
    [{ host: 'pcs server' }, '服务器地址只能是主机名或 IP 地址'],
    [{ host: '' }, '请填写服务器地址'],
    [{ port: 0 }, '端口应为 1–65535 的整数'],
    [{ port: 70000 }, '端口应为 1–65535 的整数'],
    [{ database: 'Bianmin-DB' }, '数据库名只能用小写字母、数字和下划线，且不以数字开头'],
    [{ user: "x'; DROP ROLE y; --" }, '用户名只能用小写字母、数字和下划线，且不以数字开头'],
    [{ tls: 'require' }, '加密方式只能是 off 或 verify'],
    [{ caPem: 'not a certificate' }, '证书应为 PEM 格式（-----BEGIN CERTIFICATE-----）']
  ])('refuses %o with a message', (change, message) => {
    const result = stationServerConfig.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toBe(message)
  })
})
