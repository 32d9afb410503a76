import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { HandlerTable } from '../../../src/main/ipc/table'
import type { EntryView } from '../../../src/shared/logbooks/contract'
import type { Role } from '../../../src/shared/roles'
import { ADMIN, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const PASSWORD = 'Role12345'
const ID = '11010519491231002X'
const PHONE = '13812345678'

let services: Awaited<ReturnType<typeof openSignedIn>>
let table: HandlerTable
let caseId: string
let bookingId: string

const signInAs = (role: Role) =>
  services.auth.signIn(
    role === 'admin'
      ? { username: ADMIN.username, password: ADMIN.password }
      : { username: `r.${role}`, password: PASSWORD }
  )

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

const reveals = async () =>
  (await services.audit.list({ page: 1, pageSize: 100, action: 'logbook.reveal' })).rows

beforeAll(async () => {
  services = await openSignedIn()
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const role of ['clerk', 'field', 'director', 'auditor'] as const) {
    await services.operators.create(
      {
        username: `r.${role}`,
        displayName: role,
        role,
        passwordHash: await services.auth.hashPassword(PASSWORD)
      },
      adminId
    )
  }
  await signInAs('clerk')
  const clerkId = services.auth.current()!.operator.id
  const made = await call<{ entry: EntryView }>('logbooks:create', {
    book: 'case',
    occurredAt: '2026-09-30T02:00:00.000Z',
    status: 'accepted',
    fields: {
      kind: 'dispute',
      parties: [{ name: '赵强', idNumber: ID, phone: PHONE }],
      summary: '邻里漏水纠纷',
      officerId: clerkId
    }
  })
  caseId = made.entry.id
  // What main returns to the clerk who typed it is masked as well.
  expect(made.entry.masked).toBe(true)
  expect(JSON.stringify(made.entry.fields)).not.toContain(ID)
  bookingId = (
    await call<{ entry: EntryView }>('logbooks:create', {
      book: 'phone',
      occurredAt: '2026-09-30T02:00:00.000Z',
      status: 'open',
      fields: {
        callerName: '王秀英',
        sex: 'female',
        address: '月坛北街 3 号楼',
        matter: '预约上门办理居住登记',
        callerPhone: PHONE
      }
    })
  ).entry.id
})
afterAll(() => services.cleanup())

describe('masking ID numbers and phones on screen, per role', () => {
  it('auditor: refused, nothing shown', async () => {
    await signInAs('auditor')
    await expect(call('logbooks:list', { book: 'case' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    await expect(call('logbooks:get', { id: caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
  const expected: Record<Exclude<Role, 'auditor'>, { id: string; phone: string }> = {
    clerk: { id: '110105********002X', phone: '138****5678' },
    admin: { id: '110105********002X', phone: '138****5678' },
    field: { id: '110105********002X', phone: PHONE },
    director: { id: ID, phone: PHONE }
  }
  it.each(Object.keys(expected) as Exclude<Role, 'auditor'>[])('%s: list and get', async (role) => {
    await signInAs(role)
    const cases = await call<{ rows: EntryView[] }>('logbooks:list', { book: 'case' })
    const party = (cases.rows[0]!.fields.parties as { idNumber: string; phone: string }[])[0]!
    expect([party.idNumber, party.phone]).toEqual([expected[role].id, expected[role].phone])
    const got = await call<{ entry: EntryView; history: EntryView[] }>('logbooks:get', {
      book: 'case',
      id: caseId
    })
    expect(got.entry.fields).toEqual(cases.rows[0]!.fields)
    expect(got.history[0]!.fields).toEqual(cases.rows[0]!.fields)
    expect(got.entry.masked).toBe(role !== 'director')
    const booking = await call<{ entry: EntryView }>('logbooks:get', {
      book: 'phone',
      id: bookingId
    })
    expect(booking.entry.fields.callerPhone).toBe(expected[role].phone)
  })
})

describe('查看完整信息 (logbooks:reveal)', () => {
  it.each(['clerk', 'field', 'director'] as const)(
    '%s gets the full values, audited with the reason',
    async (role) => {
      await signInAs(role)
      const before = (await reveals()).length
      const reason = `${role} 回电告知办理结果`
      const entry = await call<EntryView>('logbooks:reveal', { book: 'case', id: caseId, reason })
      expect(entry.fields.parties).toEqual([{ name: '赵强', idNumber: ID, phone: PHONE }])
      expect(entry.masked).toBeUndefined()
      const rows = await reveals()
      expect(rows).toHaveLength(before + 1)
      const row = rows[0]!
      expect(row.operatorId).toBe(services.auth.current()!.operator.id)
      expect([row.entity, row.entityId]).toEqual(['logbook.case', caseId])
      expect(JSON.parse(row.detail!)).toEqual({
        reason,
        identifiers: ['parties.idNumber', 'parties.phone']
      })
      // The audit row names what was shown, never the values.
      expect(row.detail).not.toContain(ID)
      expect(row.detail).not.toContain(PHONE)
    }
  )

  it('refuses the administrator, a missing reason and a missing entry, changing nothing', async () => {
    const fingerprint = () =>
      JSON.stringify([
        services.sqlite.prepare('SELECT count(*), max(seq) FROM audit_log').get(),
        services.sqlite.prepare('SELECT total_changes()').get()
      ])
    const refusals: [Role, unknown, string][] = [
      ['admin', { book: 'case', id: caseId, reason: '查看' }, 'FORBIDDEN'],
      ['clerk', { book: 'case', id: caseId }, 'VALIDATION'],
      ['clerk', { book: 'case', id: caseId, reason: '   ' }, 'VALIDATION'],
      ['field', { book: 'case', id: bookingId, reason: '查看' }, 'NOT_FOUND'],
      ['director', { book: 'phone', id: caseId, reason: '查看' }, 'NOT_FOUND']
    ]
    for (const [role, input, code] of refusals) {
      await signInAs(role)
      const before = fingerprint()
      const result = await table.invoke('logbooks:reveal', input, meta)
      expect(result.ok ? 'OK' : result.error.code, `${role} ${JSON.stringify(input)}`).toBe(code)
      if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(fingerprint()).toBe(before)
    }
  })

  it('is refused while the screen is locked', async () => {
    await signInAs('clerk')
    await services.auth.lock()
    const result = await table.invoke(
      'logbooks:reveal',
      { book: 'phone', id: bookingId, reason: '回电' },
      meta
    )
    expect(result.ok || result.error.code).toBe('SESSION_LOCKED')
    await services.auth.unlock(PASSWORD)
  })
})
