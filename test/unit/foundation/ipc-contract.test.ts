import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { contract } from '../../../src/shared/ipc/contract'
import { allChannels, buildApi, channelOf } from '../../../src/shared/ipc/api'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { HandlerTable } from '../../../src/main/ipc/table'
import { badInputs, sample } from '../../helpers/contract-samples'
import { ADMIN, openSignedIn } from '../../helpers/services'
import type { Access } from '../../../src/shared/ipc/define'
import { roles, type Role } from '../../../src/shared/roles'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

const calls = Object.entries(contract).flatMap(([namespace, defs]) =>
  Object.entries(defs).map(([method, def]) => ({ channel: channelOf(namespace, method), def }))
)

let services: Awaited<ReturnType<typeof openSignedIn>>
let table: HandlerTable

/** Every table's rows, hashed: equal before and after means nothing changed. */
function fingerprint(): string {
  const hash = createHash('sha256')
  const tables = services.sqlite
    // FTS5 shadow tables (<virtual table>_*) are written with their content table, which is hashed.
    .prepare(
      `SELECT name FROM sqlite_master m WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
         AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL%'
           AND m.name LIKE v.name || '\\_%' ESCAPE '\\')
       ORDER BY name`
    )
    .pluck()
    .all() as string[]
  for (const name of tables) {
    hash.update(name)
    const rows = (
      services.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }
    ).n
    // Large seed tables are covered by their count and the connection's change counter below.
    hash.update(
      rows > 2000
        ? String(rows)
        : JSON.stringify(services.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())
    )
  }
  hash.update(String(services.sqlite.prepare('SELECT total_changes() AS n').get()!['n' as never]))
  hash.update(JSON.stringify(services.auth.current()))
  return hash.digest('hex')
}

/** One operator per role; the administrator is the one openSignedIn set up. */
const PASSWORD = 'Role12345'
const usernameOf = (role: Role) => (role === 'admin' ? ADMIN.username : `role.${role}`)

/** Signs in an operator whose role passes the call's access, so validation is what refuses. */
async function signInFor(access: Access) {
  const role: Role = Array.isArray(access) && !access.includes('admin') ? access[0]! : 'admin'
  if (services.auth.current()?.operator.role === role) return
  await services.auth.signIn({
    username: usernameOf(role),
    password: role === 'admin' ? ADMIN.password : PASSWORD
  })
}

beforeAll(async () => {
  services = await openSignedIn()
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const role of roles.filter((r) => r !== 'admin')) {
    await services.operators.create(
      {
        username: usernameOf(role),
        displayName: '测试',
        role,
        passwordHash: await services.auth.hashPassword(PASSWORD)
      },
      adminId
    )
  }
})
afterAll(() => services.cleanup())

describe('the contract', () => {
  it('has a handler for every call and nothing more', () => {
    expect(table.channels.sort()).toEqual(allChannels().sort())
  })

  it('builds one api method per call', () => {
    const api = buildApi(
      async () => undefined,
      () => () => undefined
    ) as unknown as Record<string, Record<string, unknown>>
    for (const { channel } of calls) {
      const [namespace, method] = channel.split(':') as [string, string]
      expect(typeof api[namespace]?.[method]).toBe('function')
    }
  })

  it('generates a valid sample for every call (so the bad variants test the right thing)', () => {
    for (const { channel, def } of calls) {
      expect(def.input.safeParse(sample(def.input)).success, channel).toBe(true)
    }
  })
})

describe.each(calls)('$channel refuses bad input and changes nothing', ({ channel, def }) => {
  const cases = badInputs(def.input)
  it.each(cases)('$label', async ({ input }) => {
    await signInFor(def.access)
    const before = fingerprint()
    const result = await table.invoke(channel, input, meta)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.message).toMatch(/^输入有误/)
      expect(result.error.message.length).toBeLessThan(300)
    }
    expect(fingerprint()).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })
})

describe('the sender check', () => {
  it.each([
    ['another site', 'https://evil.example/index.html'],
    ['a file URL', 'file:///tmp/index.html'],
    ['a look-alike host', 'app://bianmin.evil/index.html'],
    ['no URL', undefined]
  ])('refuses calls from %s before anything runs', async (_label, senderUrl) => {
    const before = fingerprint()
    const result = await table.invoke('auth:signOut', undefined, { senderUrl })
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: '拒绝来自未知页面的请求' }
    })
    expect(fingerprint()).toBe(before)
  })

  it('refuses an unknown channel', async () => {
    const result = await table.invoke('db:dropEverything', undefined, meta)
    expect(result.ok || result.error.code).toBe('UNKNOWN_CALL')
  })
})

describe('access', () => {
  it('refuses role-restricted calls to a clerk and every signed-in call while locked', async () => {
    const other = await openSignedIn()
    try {
      const otherTable = createIpcTable(other, trustOrigins([ORIGIN]))
      const created = await otherTable.invoke(
        'operators:create',
        { username: 'li', displayName: '李娜', role: 'clerk', password: 'Clerk12345' },
        meta
      )
      expect(created.ok).toBe(true)
      await other.auth.signIn({ username: 'li', password: 'Clerk12345' })
      // The administrator chose it: the clerk first replaces it with an own password.
      await other.auth.changePassword('Clerk12345', 'Clerk-2026x')
      const denied = await otherTable.invoke('operators:list', undefined, meta)
      expect(denied.ok || denied.error.code).toBe('FORBIDDEN')
      expect((await otherTable.invoke('audit:verify', undefined, meta)).ok).toBe(false)

      await other.auth.lock()
      const locked = await otherTable.invoke(
        'auth:changePassword',
        { current: 'Clerk-2026x', next: 'Clerk99999' },
        meta
      )
      expect(locked.ok || locked.error.code).toBe('SESSION_LOCKED')
      expect((await otherTable.invoke('auth:status', undefined, meta)).ok).toBe(true)

      await other.auth.signOut()
      const anonymous = await otherTable.invoke('settings:update', { stationName: 'x' }, meta)
      expect(anonymous.ok || anonymous.error.code).toBe('UNAUTHENTICATED')
    } finally {
      other.cleanup()
    }
  })

  it('returns field messages in Chinese for a form', async () => {
    const result = await table.invoke(
      'operators:create',
      { username: 'a', displayName: '', role: 'chief', password: 'short' },
      meta
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.fields).toMatchObject({
        username: '用户名至少 2 个字符',
        displayName: '不能为空',
        role: '无效的角色',
        password: '密码至少 8 位'
      })
    }
  })

  it('turns an unexpected failure into INTERNAL without leaking its details', async () => {
    const failing = createIpcTable(services, trustOrigins([ORIGIN]), () => undefined)
    const original = services.settings.get
    services.settings.get = async () => {
      throw new Error('disk on fire at /secret/path')
    }
    try {
      const result = await failing.invoke('settings:get', undefined, meta)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('INTERNAL')
        expect(result.error.message).not.toContain('/secret/path')
      }
    } finally {
      services.settings.get = original
    }
  })
})
