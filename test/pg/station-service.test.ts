import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../src/main/ipc/handlers'
import type { StationServerConfig } from '../../src/shared/station/config'
import { STATION_PASSPHRASE } from '../helpers/station-keys'
import { migratedStation, roleClient, superuserClient, WINDOW } from '../helpers/pg-test'
import { ADMIN, fakeClock, openSignedIn } from '../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }

describe('设置 → 本所服务器 through the IPC table', () => {
  let services: Awaited<ReturnType<typeof openSignedIn>>
  let table: ReturnType<typeof createIpcTable>
  let database: string
  let clerkId: string
  let config: StationServerConfig

  async function call<T>(channel: string, input?: unknown): Promise<T> {
    const result = await table.invoke(channel, input, meta)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as T
  }

  beforeAll(async () => {
    ;({ database, config } = await migratedStation('service'))
    services = await openSignedIn({ now: fakeClock('2026-09-30T02:00:00.000Z').now })
    table = createIpcTable(services, trustOrigins([ORIGIN]))
    clerkId = (
      await services.operators.create(
        { ...CLERK, role: 'clerk', passwordHash: await services.auth.hashPassword(CLERK.password) },
        services.auth.current()!.operator.id
      )
    ).id
  })
  afterAll(() => services.cleanup())

  it('starts on its own: no server, nothing queued', async () => {
    expect(await call('station:status')).toMatchObject({
      configured: false,
      linked: false,
      pending: 0
    })
    expect(await call('station:get')).toEqual({
      config: null,
      hasPassword: false,
      hasStationKey: false
    })
  })

  it('refuses bad settings at their field and a wrong password in the report, saving nothing', async () => {
    await expect(
      call('station:test', { config: { ...config, host: 'bad host' }, password: 'x' })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { 'config.host': '服务器地址只能是主机名或 IP 地址' }
    })
    await expect(call('station:test', { config })).rejects.toMatchObject({
      fields: { password: '请填写密码' }
    })
    const wrong = await call<{ report: { ok: boolean; items: { message: string }[] } }>(
      'station:save',
      {
        config,
        password: 'wrong-password'
      }
    )
    expect(wrong.report.ok).toBe(false)
    expect(wrong.report.items[0].message).toBe(`用户 ${WINDOW.user} 的密码不对`)
    expect(await call('station:status')).toMatchObject({ configured: false, linked: false })
  })

  it('saves after a passing check, links once, uploads, and seals the password', async () => {
    const saved = await call<{ report: { ok: boolean }; status: Record<string, unknown> }>(
      'station:save',
      {
        config,
        password: WINDOW.password,
        passphrase: STATION_PASSPHRASE
      }
    )
    expect(saved.report.ok).toBe(true)
    expect(saved.status).toMatchObject({ configured: true, linked: true, pending: 0, conflicts: 0 })
    expect(await call('station:get')).toEqual({ config, hasPassword: true, hasStationKey: true })
    // The password is in the database only sealed, and not in the audit detail.
    const raw = services.sqlite
      .prepare("SELECT value FROM settings WHERE key = 'stationServer'")
      .pluck()
      .get() as string
    expect(raw).not.toContain(WINDOW.password)
    const audits = services.sqlite
      .prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'station.%' ORDER BY seq")
      .all() as { action: string; detail: string }[]
    expect(audits.map((a) => a.action)).toEqual(['station.configure', 'station.link'])
    expect(audits.map((a) => a.detail).join()).not.toContain(WINDOW.password)
    // Testing again needs no password: the stored one is used for the same server and user.
    expect(await call<{ ok: boolean }>('station:test', { config })).toMatchObject({ ok: true })

    const server = await roleClient(WINDOW, database)
    try {
      const operators = await server.query('SELECT username FROM operators ORDER BY username')
      expect(operators.rows.map((r) => r.username)).toEqual([ADMIN.username, CLERK.username])
    } finally {
      await server.end()
    }
  })

  it('queues what a clerk writes, shows it pending, and uploads it on demand', async () => {
    await services.auth.signIn(CLERK)
    await services.logbooks.service.create(
      {
        book: 'phone',
        occurredAt: '2026-09-30T01:30:00.000Z',
        status: 'open',
        fields: {
          callerName: '王秀英',
          sex: 'female',
          address: '月坛北街 3 号楼',
          matter: '预约上门办理居住登记',
          callerPhone: '138 1234 5678'
        }
      },
      clerkId
    )
    const waiting = await call<{ pending: number }>('station:status')
    expect(waiting.pending).toBeGreaterThanOrEqual(2)
    // A clerk sees the status and may upload, but not the server's settings.
    await expect(call('station:get')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(call('station:save', { config, password: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    const after = await call<{ pending: number; lastAttempt: { ok: boolean; message: string } }>(
      'station:uploadNow'
    )
    expect(after.pending).toBe(0)
    expect(after.lastAttempt).toMatchObject({ ok: true })
    const server = await roleClient(WINDOW, database)
    try {
      const entries = await server.query(
        'SELECT count(*)::int AS n FROM logbook_phone WHERE created_by = $1',
        [clerkId]
      )
      expect(entries.rows[0].n).toBe(1)
    } finally {
      await server.end()
    }
  })

  it('keeps entries on the PC, saying why, while the server is a migration behind', async () => {
    const admin = await superuserClient(database)
    try {
      const newest = await admin.query(
        'DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations) RETURNING *'
      )
      await services.auth.signIn(CLERK)
      await services.logbooks.service.create(
        {
          book: 'phone',
          occurredAt: '2026-09-30T01:40:00.000Z',
          status: 'open',
          fields: {
            callerName: '赵桂兰',
            sex: 'female',
            address: '三里河路 9 号',
            matter: '咨询户口迁入材料',
            callerPhone: '139 8765 4321'
          }
        },
        clerkId
      )
      const behind = await call<{ pending: number; lastAttempt: { ok: boolean; message: string } }>(
        'station:uploadNow'
      )
      expect(behind.lastAttempt.ok).toBe(false)
      expect(behind.lastAttempt.message).toMatch(
        /^服务器需要迁移（已应用 \d+ \/ \d+ 个）：请本所的 IT 人员运行 station:migrate/
      )
      expect(behind.pending).toBeGreaterThanOrEqual(2)

      // Migrated again (the journal row back): the entry goes up.
      const row = newest.rows[0] as Record<string, unknown>
      await admin.query(
        'INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES ($1, $2, $3)',
        [row.id, row.hash, row.created_at]
      )
      const after = await call<{ pending: number; lastAttempt: { ok: boolean } }>(
        'station:uploadNow'
      )
      expect(after).toMatchObject({ pending: 0, lastAttempt: { ok: true } })
    } finally {
      await admin.end()
    }
  })
})
