import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeImage, processPhoto, type PhotoReport } from '../../../src/main/photo/pipeline'
import { detectFaces } from '../../../src/main/photo/face'
import { eyeCentres } from '../../../src/main/photo/level'
import { readJpegInfo } from '../../../src/main/photo/jpeg-meta'
import { photoSpec, type PhotoSpec } from '../../../src/shared/photo/spec'
import { AppError } from '../../../src/shared/errors'
import { repoRoot, tempDir } from '../../helpers/services'
import { astronautPath, makeDerivedFaces } from '../../helpers/photo-faces'

const specs = (
  JSON.parse(readFileSync(join(repoRoot, 'resources/photo/specs.json'), 'utf8')) as {
    specs: unknown[]
  }
).specs.map((s) => photoSpec.parse(s))
const spec = (id: string): PhotoSpec => specs.find((s) => s.id === id)!

const geometryKeys = [
  'faceWidth',
  'headHeight',
  'eyeDistance',
  'hairTop',
  'eyeFromTop',
  'eyeFromBottom',
  'eyeMidFromLeft',
  'chinFromBottom',
  'centre'
]
const geometry = (report: PhotoReport) => report.rules.filter((r) => geometryKeys.includes(r.key))
const rule = (report: PhotoReport, key: string) => report.rules.find((r) => r.key === key)!

let faces: Awaited<ReturnType<typeof makeDerivedFaces>>
beforeAll(async () => {
  faces = await makeDerivedFaces(join(tempDir('bianmin-faces-'), 'faces'))
}, 60_000)

describe('the astronaut as a resident-ID photo', () => {
  let jpeg: Buffer
  let report: PhotoReport
  beforeAll(async () => {
    ;({ jpeg, report } = await processPhoto(readFileSync(astronautPath), spec('resident-id')))
  }, 60_000)

  it('is exactly 358×441, 24-bit RGB, 350 dpi in JFIF and EXIF, inside 14–20 KB', async () => {
    const info = readJpegInfo(jpeg)
    expect([info.width, info.height, info.components]).toEqual([358, 441, 3])
    expect(info.jfif).toEqual({ unit: 'inch', x: 350, y: 350 })
    expect(info.exif).toEqual({ unit: 'inch', x: 350, y: 350 })
    const meta = await sharp(jpeg).metadata()
    expect([meta.format, meta.space, meta.channels, meta.density]).toEqual(['jpeg', 'srgb', 3, 350])
    expect(jpeg.length).toBe(report.bytes)
    expect(report.bytes).toBeGreaterThanOrEqual(14 * 1024)
    expect(report.bytes).toBeLessThanOrEqual(20 * 1024)
    expect(rule(report, 'bytes').pass).toBe(true)
  })

  it('passes every geometry rule, reported with measured values in Chinese', () => {
    expect(geometry(report).map((r) => [r.key, r.pass])).toEqual([
      ['faceWidth', true],
      ['hairTop', true],
      ['eyeFromBottom', true],
      ['centre', true]
    ])
    expect(rule(report, 'eyeFromBottom').text).toMatch(/^眼睛距底边 \d{3} px ≥ 207 px ✓$/)
    expect(rule(report, 'faceWidth').text).toMatch(/^脸宽 \d{3} px 在 193–221 px 内 ✓$/)
    expect(report.placement.crown).toBe('matte')
  })

  it('fails the background check for the busy backdrop, with its reason', () => {
    const bg = rule(report, 'background')
    expect(bg.pass).toBe(false)
    expect(bg.value).toBeGreaterThan(12)
    expect(bg.reason).toMatch(/离允许的白色太远/)
    expect(report.ok).toBe(false)
    // The face itself is fine.
    for (const key of ['roll', 'yaw', 'eyes', 'exposure', 'clipping', 'sharpness', 'colour'])
      expect(rule(report, key).pass, key).toBe(true)
  })

  it('agrees with landmarks found afresh in the written photo', async () => {
    const again = await detectFaces(await decodeImage(jpeg))
    expect(again).toHaveLength(1)
    const { left, right } = eyeCentres(again[0]!.landmarks)
    const eyeY = (left.y + right.y) / 2
    expect(Math.abs(eyeY - report.measures.eyeY)).toBeLessThan(5)
    expect(Math.abs((left.x + right.x) / 2 - report.measures.eyeMidX)).toBeLessThan(5)
    // Levelled: the eye line is horizontal within a degree.
    expect(Math.abs((Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI)).toBeLessThan(
      1.5
    )
  })
})

describe('exit-entry and derived faces', () => {
  it('frames the astronaut for exit-entry: geometry passes, the short top margin is named', async () => {
    const { report } = await processPhoto(astronautPath, spec('exit-entry'))
    expect([report.width, report.height, report.dpi.jfif]).toEqual([390, 567, 300])
    expect(geometry(report).every((r) => r.pass)).toBe(true)
    const frame = rule(report, 'frame')
    expect(frame.pass).toBe(false)
    expect(frame.reason).toMatch(/离原图上边太近.*头顶上方要留空/)
  })

  it('a smaller, off-centre face passes the geometry of both specs', async () => {
    for (const id of ['resident-id', 'exit-entry']) {
      const { report } = await processPhoto(faces.small, spec(id))
      expect(
        geometry(report).filter((r) => !r.pass),
        id
      ).toEqual([])
      expect(rule(report, 'frame').pass).toBe(true)
      expect(report.notes.join()).toMatch(/被放大 3\.\d 倍/)
    }
  })

  it('a face tilted by 8° is levelled and passes the geometry of both specs', async () => {
    const base = await processPhoto(astronautPath, spec('resident-id'))
    for (const id of ['resident-id', 'exit-entry']) {
      const { report, jpeg } = await processPhoto(faces.tilted, spec(id))
      expect(report.placement.rollDeg - base.report.placement.rollDeg).toBeCloseTo(8, 0)
      expect(
        geometry(report).filter((r) => !r.pass),
        id
      ).toEqual([])
      const [face] = await detectFaces(await decodeImage(jpeg))
      const { left, right } = eyeCentres(face!.landmarks)
      expect(
        Math.abs((Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI)
      ).toBeLessThan(1.5)
    }
  })

  it('flags greyscale and blur with their reasons', async () => {
    const grey = (await processPhoto(faces.grey, spec('resident-id'))).report
    expect(rule(grey, 'colour').pass).toBe(false)
    expect(rule(grey, 'colour').reason).toBe('灰度（黑白）照片：证件照须为 24 位彩色')
    const blurred = (await processPhoto(faces.blurred, spec('resident-id'))).report
    expect(rule(blurred, 'sharpness').pass).toBe(false)
    expect(rule(blurred, 'sharpness').reason).toMatch(/照片模糊/)
    expect(rule(blurred, 'colour').pass).toBe(true)
  })

  it('the astronaut on a white wall passes every rule of the specs with face geometry', async () => {
    for (const id of ['resident-id', 'social-security', 'exit-entry', 'exit-entry-legacy']) {
      const { report } = await processPhoto(faces.whiteWall, spec(id))
      expect(
        report.rules.filter((r) => !r.pass),
        id
      ).toEqual([])
      expect(report.ok).toBe(true)
      expect(rule(report, 'background').text).toMatch(/^背景与白色的色差 \d(\.\d)? ΔE ≤ 12 ΔE ✓$/)
    }
  })

  it('refuses two faces or none with a clear message', async () => {
    const two = await processPhoto(faces.two, spec('resident-id')).catch((e: unknown) => e)
    expect(two).toBeInstanceOf(AppError)
    expect((two as AppError).message).toBe('照片中有 2 张人脸：画面里只能有办理人一人')
    const wall = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#f0f0f0' }
    })
      .png()
      .toBuffer()
    await expect(processPhoto(wall, spec('resident-id'))).rejects.toThrow('照片中没有找到人脸')
  })
})
