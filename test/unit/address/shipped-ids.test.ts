import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../../src/main/services'
import { ADMIN, migrationsFolder, tempDir } from '../../helpers/services'

type Services = Awaited<ReturnType<typeof createServices>>

const opened: Services[] = []
const folders: string[] = []
afterEach(() => {
  for (const services of opened.splice(0)) services.close()
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

async function open(dataDir = tempDir()) {
  if (!folders.includes(dataDir)) folders.push(dataDir)
  const services = await createServices({ dataDir, migrationsFolder, appVersion: 'test' })
  opened.push(services)
  return { services, dataDir }
}

const shippedIds = (services: Services) =>
  services.sqlite
    .prepare("SELECT num, id FROM address_changes WHERE origin = 'seed' ORDER BY num")
    .all() as { num: number; id: string }[]

describe('shipped address rows: the same ids on every PC', () => {
  it('two PCs seeded apart give each shipped row the same name-based UUID', async () => {
    const [a, b] = [await open(), await open()]
    const ids = shippedIds(a.services)
    expect(ids.length).toBeGreaterThan(8_000)
    expect(shippedIds(b.services)).toEqual(ids)
    for (const { id } of ids.slice(0, 50))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids.map(({ id }) => id)).size).toBe(ids.length)
    // The sample rows are not shared: random ids.
    const sample = a.services.sqlite
      .prepare("SELECT id FROM address_changes WHERE origin = 'sample'")
      .pluck()
      .all() as string[]
    expect(sample.length).toBeGreaterThan(0)
    expect(sample.every((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-5/.test(id))).toBe(true)
  })

  it('a PC seeded before them gets them once at start: unchanged rows by their values, a changed one by its place', async () => {
    const reference = shippedIds((await open()).services)
    const { services, dataDir } = await open()
    const { sqlite } = services
    // As an older version left it: random ids, one row corrected, one removed, one remembered.
    sqlite.prepare("UPDATE address_changes SET id = 'old-' || num WHERE origin = 'seed'").run()
    const [, corrected, removed, remembered] = reference
    sqlite
      .prepare("UPDATE address_changes SET new_text = new_text || '（更正）' WHERE num = ?")
      .run(corrected!.num)
    sqlite.prepare('DELETE FROM address_changes WHERE num = ?').run(removed!.num)
    await services.auth.setupAdmin(ADMIN)
    const admin = services.auth.current()!.operator.id
    services.address.remember(admin, '崇文', `old-${remembered!.num}`)
    sqlite.prepare("DELETE FROM settings WHERE key = 'address.shipped_ids'").run()
    services.close()
    opened.splice(opened.indexOf(services), 1)

    const again = (await open(dataDir)).services
    const expected = reference.filter(({ num }) => num !== removed!.num)
    expect(shippedIds(again)).toEqual(expected)
    expect(again.sqlite.prepare('SELECT change_id FROM address_recent').pluck().all()).toEqual([
      remembered!.id
    ])
    const audit = again.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'address.seed.rekey'")
      .pluck()
      .all() as string[]
    expect(audit).toHaveLength(1)
    expect(await again.audit.verify()).toMatchObject({ ok: true })

    // Once: a later start changes nothing.
    again.sqlite.prepare("UPDATE address_changes SET id = 'kept' WHERE num = ?").run(corrected!.num)
    again.close()
    opened.splice(opened.indexOf(again), 1)
    const third = (await open(dataDir)).services
    expect(
      third.sqlite
        .prepare('SELECT id FROM address_changes WHERE num = ?')
        .pluck()
        .get(corrected!.num)
    ).toBe('kept')
  })
})
