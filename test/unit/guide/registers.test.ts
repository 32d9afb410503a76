import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { HandlerTable } from '../../../src/main/ipc/table'
import type { BusinessInput, GuideBusiness } from '../../../src/shared/guide/contract'
import { sampleRegisterOf, sampleRegisters } from '../../../src/shared/guide/registers'
import { migrationsFolder, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

let services: Awaited<ReturnType<typeof openSignedIn>>
let table: HandlerTable
let adminId: string

beforeEach(async () => {
  services = await openSignedIn()
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  adminId = services.auth.current()!.operator.id
})
afterEach(() => services.cleanup())

const allBusinesses = async (): Promise<GuideBusiness[]> => {
  const tree = await services.guide.repo.tree()
  return Promise.all(
    tree.categories.flatMap((c) => c.businesses.map((b) => services.guide.repo.business(b.code)))
  )
}

const inputOf = ({
  categoryName: _n,
  categoryMenuNumber: _m,
  updatedAt: _u,
  conditions: _c,
  ...business
}: GuideBusiness): BusinessInput => business

describe('the register each business creates', () => {
  it('is seeded from the one shared mapping on a fresh database', async () => {
    const businesses = await allBusinesses()
    expect(businesses).toHaveLength(16)
    for (const b of businesses) expect(b.register, b.code).toBe(sampleRegisterOf(b.code))
    expect(
      Object.fromEntries(businesses.filter((b) => b.register).map((b) => [b.code, b.register]))
    ).toEqual({
      'HK-OUT': 'backOffice',
      'HK-IN': 'backOffice',
      'HK-BIRTH': 'backOffice',
      'HK-DEATH': 'backOffice',
      'HK-BOOK': 'backOffice',
      'EXIT-PASSPORT': 'exitReview',
      'EXIT-HKMO': 'exitReview',
      VISIT: 'visit',
      CASE: 'case'
    })
    // Every code in the mapping is a shipped business (no stale codes).
    const codes = businesses.map((b) => b.code)
    for (const code of Object.keys(sampleRegisters)) expect(codes).toContain(code)
    expect(sampleRegisterOf('toString')).toBeNull()
  })

  it('is written by migration 0022 with the same values, for guides seeded before it', async () => {
    const sql = readFileSync(join(migrationsFolder, '0022_guide_business_register.sql'), 'utf8')
    const [alter, ...updates] = sql.split('--> statement-breakpoint').map((s) => s.trim())
    expect(alter).toMatch(/^ALTER TABLE `guide_businesses` ADD `register` text;$/)
    expect(updates.length).toBeGreaterThan(0)
    // As the guide was before the column: no register anywhere; then the migration's updates.
    services.sqlite.prepare('UPDATE guide_businesses SET register = NULL').run()
    for (const statement of updates) services.sqlite.prepare(statement).run()
    for (const b of await allBusinesses()) expect(b.register, b.code).toBe(sampleRegisterOf(b.code))
  })

  it('is changed through the ordinary edit, with history and audit', async () => {
    const cert = await services.guide.repo.business('CERT-HK')
    expect(cert.register).toBeNull()
    const saved = await services.guide.saveBusiness(
      { ...inputOf(cert), register: 'backOffice' },
      adminId
    )
    expect(saved.register).toBe('backOffice')
    const cleared = await services.guide.saveBusiness(
      { ...inputOf(saved), register: null },
      adminId
    )
    expect(cleared.register).toBeNull()
    const history = await services.guide.repo.history('CERT-HK')
    // Both edits are kept, each with the register as it was and as it became.
    const changes = history.map((h) => [
      JSON.parse(h.before!).register,
      JSON.parse(h.after).register
    ])
    expect(changes).toHaveLength(2)
    expect(changes).toEqual(
      expect.arrayContaining([
        [null, 'backOffice'],
        ['backOffice', null]
      ])
    )
    const audit = await services.audit.list({
      page: 1,
      pageSize: 5,
      action: 'guide.business.update'
    })
    expect(audit.rows.map((r) => r.entityId)).toEqual([cert.id, cert.id])
  })

  it('refuses a register that is not one of the books, through the IPC table, writing nothing', async () => {
    const passport = await services.guide.repo.business('EXIT-PASSPORT')
    for (const register of ['nonsense', 'exit_review', 3, '']) {
      const result = await table.invoke(
        'guide:saveBusiness',
        { ...inputOf(passport), register },
        meta
      )
      expect(result.ok, String(register)).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.fields).toMatchObject({ register: '对应登记簿应为本所的登记簿之一' })
    }
    // Left out is refused too: leaving it out must not clear it.
    const { register: _r, ...without } = inputOf(passport)
    const missing = await table.invoke('guide:saveBusiness', without, meta)
    expect(missing.ok).toBe(false)
    expect((await services.guide.repo.business('EXIT-PASSPORT')).register).toBe('exitReview')
    expect(await services.guide.repo.history('EXIT-PASSPORT')).toEqual([])
    // A good value passes the same way.
    const ok = await table.invoke(
      'guide:saveBusiness',
      { ...inputOf(passport), register: 'visit' },
      meta
    )
    expect(ok.ok).toBe(true)
    expect((await services.guide.repo.business('EXIT-PASSPORT')).register).toBe('visit')
  })
})
