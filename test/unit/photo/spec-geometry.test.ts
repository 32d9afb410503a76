import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { photoSpec, specProblems } from '../../../src/shared/photo/spec'
import {
  bandRule,
  geometryRules,
  place,
  planPlacement,
  type LevelFace
} from '../../../src/shared/photo/geometry'
import { searchQuality } from '../../../src/shared/photo/byte-band'
import { layoutSheet, perPage } from '../../../src/shared/photo/sheet'
import { repoRoot } from '../../helpers/services'

const seed = JSON.parse(readFileSync(join(repoRoot, 'resources/photo/specs.json'), 'utf8')) as {
  specs: unknown[]
}
const specs = seed.specs.map((s) => photoSpec.parse(s))
const spec = (id: string) => structuredClone(specs.find((s) => s.id === id)!)

describe('photo specs as data', () => {
  it('seeds every spec the counter needs, each consistent', () => {
    expect(specs.map((s) => s.id)).toEqual([
      'resident-id',
      'social-security',
      'exit-entry',
      'exit-entry-legacy',
      'one-inch',
      'small-one-inch',
      'two-inch',
      'small-two-inch',
      'large-two-inch'
    ])
    for (const s of specs) expect(specProblems(s), s.id).toEqual([])
  })

  it('refuses a pixel size that does not match print size × dpi', () => {
    const s = spec('resident-id')
    s.dpi = 300
    expect(specProblems(s)[0]).toMatch(/像素宽 358 px 与 26 mm × 300 dpi = 307.1 px 不符/)
  })

  it('refuses bands that contradict each other or the frame', () => {
    const s = spec('resident-id')
    s.geometry.faceWidth = { min: 230, max: 221 }
    s.geometry.eyeFromBottom = { min: 430 }
    s.geometry.hairTop = { min: 20, max: 30 }
    const problems = specProblems(s)
    expect(problems).toContain('脸宽：下限 230 px 大于上限 221 px')
    expect(
      problems.some((p) => p.startsWith('头顶距上边下限 20 px 已低于眼睛允许的最低位置 11'))
    ).toBe(true)
  })

  it('refuses head bands that do not fit the height and an eye band off the centre', () => {
    const s = spec('exit-entry')
    s.geometry.headHeight = { min: 500 }
    expect(specProblems(s)).toContain(
      '头顶距上边 + 头高 + 下巴距底边的下限之和 618 px 超过照片高 567 px'
    )
    const t = spec('social-security')
    t.geometry.eyeMidFromLeft = { min: 100, max: 150 }
    expect(specProblems(t)[0]).toMatch(/与"居中"/)
    const u = spec('resident-id')
    u.jpeg = { quality: 70, minBytes: 30_000, maxBytes: 20_000 }
    expect(specProblems(u)).toContain('文件大小下限 30000 字节大于上限 20000 字节')
  })
})

// A face 100 px wide with the crown 95 px above the eyes and the chin 85 px below.
const face: LevelFace = { faceWidth: 100, faceCentreX: 2, eyeDistance: 46, chinY: 85, crownY: -95 }

describe('placement geometry', () => {
  it('frames a resident-ID photo in the middle of every band', () => {
    const s = spec('resident-id')
    const p = planPlacement(face, s)
    expect(p.scale).toBeCloseTo(2.07, 5)
    const m = place(face, p)
    expect(m.faceWidth).toBeCloseTo(207, 5)
    expect(m.faceCentreX).toBeCloseTo(179, 5)
    // Hair top lands mid-band (14 px) since the eye rule (≤ 234 px from the top) also holds.
    expect(m.crownY).toBeCloseTo(14, 5)
    expect(s.heightPx - m.eyeY).toBeCloseTo(441 - 14 - 95 * 2.07, 5)
    expect(geometryRules(s, m).every((r) => r.pass)).toBe(true)
    expect(p.notes).toEqual([])
  })

  it('keeps the eye rule and cuts tall hair when both cannot hold', () => {
    const s = spec('resident-id')
    const tall = { ...face, crownY: -140 }
    const p = planPlacement(tall, s)
    const m = place(tall, p)
    expect(s.heightPx - m.eyeY).toBeCloseTo(207, 5)
    expect(p.notes[0]).toMatch(/以眼睛位置为准/)
    const rules = geometryRules(s, m)
    const hair = rules.find((r) => r.key === 'hairTop')!
    expect(hair.pass).toBe(false)
    expect(hair.text).toBe('头顶距上边 -56 px，要求 7–21 px ✗')
    expect(hair.reason).toBe('比下限少 63 px')
    expect(rules.find((r) => r.key === 'eyeFromBottom')!.text).toBe('眼睛距底边 207 px ≥ 207 px ✓')
  })

  it('scales exit-entry by head height and face width together', () => {
    const s = spec('exit-entry')
    const p = planPlacement(face, s)
    const m = place(face, p)
    const rules = geometryRules(s, m)
    expect(rules.map((r) => [r.key, r.pass])).toEqual([
      ['faceWidth', true],
      ['headHeight', true],
      ['eyeDistance', true],
      ['hairTop', true],
      ['chinFromBottom', true],
      ['centre', true]
    ])
    // Scales allowed: head 331–390 / 180, face 177–260 / 100, eyes 90–129 / 46 → 1.957–2.167.
    expect(p.scale).toBeCloseTo((90 / 46 + 390 / 180) / 2, 9)
  })

  it('reports a face whose proportions cannot meet both size bands', () => {
    const s = spec('exit-entry')
    const narrow = { ...face, faceWidth: 60 }
    const p = planPlacement(narrow, s)
    expect(p.notes[0]).toMatch(/头高（头顶至下巴）与其他尺寸要求不能同时满足/)
  })

  it('applies a manual nudge on top of the plan', () => {
    const s = spec('resident-id')
    const base = planPlacement(face, s)
    const nudged = planPlacement(face, s, { dx: 5, dy: -3, scale: 1.1 })
    expect(nudged.scale).toBeCloseTo(base.scale * 1.1, 9)
    expect(nudged.eyeX).toBeCloseTo(base.eyeX + 5 - 2 * (nudged.scale - base.scale), 9)
  })

  it('writes rule lines in Chinese with measured values', () => {
    expect(bandRule('x', '脸宽', 207.4, { min: 193, max: 221 }).text).toBe(
      '脸宽 207 px 在 193–221 px 内 ✓'
    )
    expect(bandRule('x', '眼睛距底边', 214, { min: 207 }).text).toBe('眼睛距底边 214 px ≥ 207 px ✓')
    const fail = bandRule('x', '脸宽', 240, { min: 193, max: 221 })
    expect([fail.pass, fail.reason]).toEqual([false, '比上限多 19 px'])
  })
})

describe('byte band search', () => {
  // A monotone size model: 200 bytes per quality step plus a fixed header.
  const model = (calls: number[]) => async (q: number) => {
    calls.push(q)
    return { bytes: 2_000 + q * 200, output: q }
  }

  it('keeps the nominal quality when it lands in the band', async () => {
    const calls: number[] = []
    const r = await searchQuality(model(calls), { minBytes: 14_000, maxBytes: 20_000 }, 70)
    expect([r.quality, r.bytes, r.inBand, calls]).toEqual([70, 16_000, true, [70]])
  })

  it('finds the highest quality under the cap', async () => {
    const calls: number[] = []
    const r = await searchQuality(model(calls), { minBytes: 5_000, maxBytes: 10_000 }, 70)
    expect([r.quality, r.bytes, r.inBand]).toEqual([40, 10_000, true])
    expect(calls.length).toBeLessThanOrEqual(8)
  })

  it('raises quality to reach the floor and reports when nothing fits', async () => {
    const up = await searchQuality(model([]), { minBytes: 19_000 }, 70)
    expect([up.quality, up.inBand]).toEqual([85, true])
    const never = await searchQuality(model([]), { minBytes: 40_000 }, 70)
    expect([never.quality, never.bytes, never.inBand]).toEqual([100, 22_000, false])
  })
})

describe('print sheets', () => {
  it('fits ten resident-ID photos on a 6-inch sheet at true size', () => {
    expect(perPage(26, 32, { size: '6inch', marginMm: 4, gapMm: 2 })).toBe(10)
    const layout = layoutSheet([{ key: 'a', widthMm: 26, heightMm: 32, copies: 12 }], {
      size: '6inch',
      marginMm: 4,
      gapMm: 2
    })
    expect(layout.pages).toBe(2)
    expect(layout.slots[1]).toEqual({ key: 'a', page: 0, x: 32, y: 4, widthMm: 26, heightMm: 32 })
    expect(layout.slots[5]!.y).toBe(38)
  })

  it('mixes sizes on one A4 page, tallest row first, and reports what cannot fit', () => {
    const layout = layoutSheet(
      [
        { key: 'id', widthMm: 26, heightMm: 32, copies: 2 },
        { key: 'passport', widthMm: 33, heightMm: 48, copies: 2 },
        { key: 'poster', widthMm: 400, heightMm: 48, copies: 1 }
      ],
      { size: 'A4' }
    )
    expect(layout.slots.map((s) => [s.key, s.x, s.y])).toEqual([
      ['passport', 4, 4],
      ['passport', 39, 4],
      ['id', 74, 4],
      ['id', 102, 4]
    ])
    expect(layout.unplaced).toEqual([{ key: 'poster', copies: 1 }])
  })
})
