import { describe, expect, it } from 'vitest'
import { uuid } from '../../../src/shared/ipc/fields'
import { entryId } from '../../../src/main/logbooks/ids'

describe('entry ids', () => {
  it('are version 7 UUIDs the contract accepts, carrying their millisecond', () => {
    const at = Date.parse('2026-11-28T08:30:00.123Z')
    const id = entryId(at)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuid.safeParse(id).success).toBe(true)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  })

  it('sort by creation time and do not repeat', () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((ms) => entryId(1_700_000_000_000 + ms))
    expect([...ids].sort()).toEqual(ids)
    const many = new Set(Array.from({ length: 10_000 }, () => entryId(1_700_000_000_000)))
    expect(many.size).toBe(10_000)
  })
})
