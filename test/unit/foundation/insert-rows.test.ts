import { afterEach, describe, expect, it } from 'vitest'
import { insertRows } from '../../../src/main/db/insert-rows'
import { committees } from '../../../src/main/db/schema'
import { openTestServices } from '../../helpers/services'

let services: Awaited<ReturnType<typeof openTestServices>> | undefined
afterEach(() => services?.cleanup())

describe('insertRows', () => {
  const row = (i: number) => ({ id: `c-${i}`, name: `委员会${i}`, updatedAt: '2026-11-28' })
  const count = () =>
    (
      services!.sqlite.prepare('SELECT count(*) AS n FROM logbook_committees').get() as {
        n: number
      }
    ).n

  it('writes every row through full and partial chunks', async () => {
    services = await openTestServices()
    const before = count()
    const rows = Array.from({ length: 123 }, (_, i) => ({
      ...row(i),
      active: i % 2 === 0,
      version: 0
    }))
    services.db.transaction((tx) => insertRows(tx, committees, rows))
    expect(count()).toBe(before + 123)
    const stored = services.sqlite
      .prepare(
        "SELECT active FROM logbook_committees WHERE id IN ('c-0', 'c-121', 'c-122') ORDER BY id"
      )
      .all()
    expect(stored).toEqual([{ active: 1 }, { active: 0 }, { active: 1 }])
  })

  it('refuses a row that leaves out a column with a default, writing nothing', async () => {
    services = await openTestServices()
    const before = count()
    expect(() => services!.db.transaction((tx) => insertRows(tx, committees, [row(1)]))).toThrow(
      /active has a default/
    )
    expect(count()).toBe(before)
  })
})
