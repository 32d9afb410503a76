import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../src/main/ipc/handlers'
import { maskSealed } from '../../src/main/station/station-audit'
import { hashPassword } from '../../src/main/auth/password'
import type { StationServerConfig } from '../../src/shared/station/config'
import { migratedStation, superuserClient, WINDOW } from '../helpers/pg-test'
import { openTestServices } from '../helpers/services'
import { STATION_PASSPHRASE } from '../helpers/station-keys'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const AUDITOR = { username: 'audit_zhou', displayName: '周督察', password: 'Audit-2026x' }

/** One PC with its own administrator and a phone booking made there. */
async function openPc(name: string) {
  const progress: { done: number; total: number }[] = []
  const services = await openTestServices({ onAuditProgress: (p) => progress.push(p) })
  await services.auth.setupAdmin({
    username: `admin_${name}`,
    displayName: `管理员${name}`,
    password: 'Station2026'
  })
  const admin = services.auth.current()!.operator
  await services.logbooks.service.create(
    {
      book: 'phone',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'open',
      fields: {
        callerName: `来电人${name}`,
        sex: 'female',
        address: '月坛北街 3 号楼',
        matter: '咨询迁户口',
        callerPhone: '13801234567'
      }
    },
    admin.id
  )
  const table = createIpcTable(services, trustOrigins([ORIGIN]))
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await table.invoke(channel, input, meta)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as T
  }
  return { services, admin, call, progress }
}

interface Listed {
  total: number
  rows: { deviceId: string; pcName: string | null; action: string; operatorName: string | null }[]
}
interface Chain {
  deviceId: string
  pcName: string | null
  rows: number
  ok: boolean
  brokenAt: number | null
  badMacAt?: number | null
}

describe('全所审计日志: the auditor reads and verifies every PC’s audit rows on the server', () => {
  let config: StationServerConfig
  let database: string
  let a: Awaited<ReturnType<typeof openPc>>
  let b: Awaited<ReturnType<typeof openPc>>

  beforeAll(async () => {
    ;({ config, database } = await migratedStation('audit'))
    a = await openPc('a')
    b = await openPc('b')
    await a.services.station.save(
      { ...config, pcName: '1号窗口' },
      WINDOW.password,
      STATION_PASSPHRASE,
      a.admin.id
    )
    await b.services.station.save(
      { ...config, pcName: '2号窗口' },
      WINDOW.password,
      STATION_PASSPHRASE,
      b.admin.id
    )
    // A's auditor, made here and sent up with the rest.
    await a.services.operators.create(
      { ...AUDITOR, role: 'auditor', passwordHash: await hashPassword(AUDITOR.password) },
      a.admin.id
    )
    await a.services.station.uploadNow()
    await b.services.station.uploadNow()
  })
  afterAll(() => {
    for (const pc of [a, b]) {
      pc?.services.station.stop()
      pc?.services.cleanup()
    }
  })

  it('lists both PCs’ rows with their names, newest first; the administrator is refused', async () => {
    await expect(a.call('station:auditList', { page: 1, pageSize: 10 })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    await a.services.auth.signIn(AUDITOR)
    const server = await superuserClient(database)
    let onServer: number
    try {
      onServer = Number((await server.query('SELECT count(*) AS n FROM audit_log')).rows[0].n)
    } finally {
      await server.end()
    }
    const all = await a.call<Listed>('station:auditList', { page: 1, pageSize: 500 })
    expect(all.total).toBe(onServer)
    expect(all.rows).toHaveLength(onServer)
    const devices = new Map(all.rows.map((row) => [row.deviceId, row.pcName]))
    expect([...devices.values()].sort()).toEqual(['1号窗口', '2号窗口'])
    expect(devices.get(b.services.deviceId)).toBe('2号窗口')
    // B's booking, made at B, is in A's view of the station's log, by B's administrator.
    const created = all.rows.filter((row) => row.action === 'logbook.create')
    expect(created.map((row) => row.operatorName).sort()).toEqual(['管理员a', '管理员b'])
    const times = all.rows.map((row) => (row as unknown as { at: string }).at)
    expect(times).toEqual([...times].sort().reverse())

    const filtered = await a.call<Listed>('station:auditList', {
      page: 1,
      pageSize: 500,
      action: 'logbook.create'
    })
    expect(filtered.total).toBe(2)
    const second = await a.call<Listed>('station:auditList', { page: 2, pageSize: 5 })
    expect(second.rows.map((row) => row)).toEqual(all.rows.slice(5, 10))
  })

  it('verifies every PC’s chain, and names the PC whose row was changed on the server', async () => {
    await a.services.auth.signIn(AUDITOR)
    a.progress.length = 0
    const chains = await a.call<Chain[]>('station:auditVerify')
    // How far, of every PC's rows on the server, reported to the window as it goes.
    const rows = chains.reduce((sum, chain) => sum + chain.rows, 0)
    expect(a.progress.length).toBeGreaterThanOrEqual(2)
    expect(a.progress.at(-1)).toEqual({ done: rows, total: rows })
    expect(a.progress.map((p) => p.done)).toEqual(
      [...a.progress.map((p) => p.done)].sort((x, y) => x - y)
    )
    expect(chains.map((chain) => [chain.pcName, chain.ok, chain.badMacAt])).toEqual(
      expect.arrayContaining([
        ['1号窗口', true, null],
        ['2号窗口', true, null]
      ])
    )
    expect(chains).toHaveLength(2)
    const server = await superuserClient(database)
    try {
      await server.query('ALTER TABLE audit_log DISABLE TRIGGER USER')
      await server.query(
        `UPDATE audit_log SET detail = '{"edited":true}' WHERE device_id = $1 AND seq = 2`,
        [b.services.deviceId]
      )
      await server.query('ALTER TABLE audit_log ENABLE TRIGGER USER')
    } finally {
      await server.end()
    }
    const after = await a.call<Chain[]>('station:auditVerify')
    expect(after.find((chain) => chain.pcName === '2号窗口')).toMatchObject({
      ok: false,
      brokenAt: 2
    })
    expect(after.find((chain) => chain.pcName === '1号窗口')).toMatchObject({ ok: true })
  })

  it('is refused with a message on a PC without a server', async () => {
    const c = await openPc('c')
    try {
      await expect(c.services.station.auditList({ page: 1, pageSize: 10 })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('本机没有连接本所服务器')
      })
    } finally {
      c.services.cleanup()
    }
  })

  it('shows a value sealed under a PC’s key as a mark', () => {
    expect(maskSealed('{"old":"enc1:AbC-_9","n":1}')).toBe('{"old":"（已加密）","n":1}')
    expect(maskSealed(null)).toBeNull()
  })
})
