import { describe, expect, it } from 'vitest'
import { uuid } from '../../../src/shared/ipc/fields'
import { uuidV7, uuidV7Sequence } from '../../../src/main/db/uuid7'

describe('UUID v7 ids', () => {
  it('are version 7 UUIDs the contract accepts, carrying their millisecond', () => {
    const at = Date.parse('2026-11-28T08:30:00.123Z')
    const id = uuidV7(at)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuid.safeParse(id).success).toBe(true)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  })

  it('sort by creation time and do not repeat', () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((ms) => uuidV7(1_700_000_000_000 + ms))
    expect([...ids].sort()).toEqual(ids)
    const many = new Set(Array.from({ length: 10_000 }, () => uuidV7(1_700_000_000_000)))
    expect(many.size).toBe(10_000)
  })

  it('ascend within one import sequence, all valid and carrying the import time', () => {
    const at = Date.parse('2026-11-28T08:30:00.123Z')
    const next = uuidV7Sequence(at)
    const ids = Array.from({ length: 20_000 }, next)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of [ids[0]!, ids[16_384]!, ids.at(-1)!]) {
      expect(uuid.safeParse(id).success).toBe(true)
      expect(id[14]).toBe('7')
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
    }
  })
})
