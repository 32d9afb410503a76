import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeImage, processPhoto, type PhotoResult } from '../../../src/main/photo/pipeline'
import { detectFaces } from '../../../src/main/photo/face'
import { levelFace, levelFrame } from '../../../src/main/photo/level'
import { stopMatting } from '../../../src/main/photo/matte'
import { deltaE, labAt, rgbToLab, type Lab, type Raster } from '../../../src/main/photo/raster'
import { photoSpec, type PhotoSpec } from '../../../src/shared/photo/spec'
import { repoRoot } from '../../helpers/services'
import { makeWallPortrait } from '../../helpers/photo-faces'

const specs = (
  JSON.parse(readFileSync(join(repoRoot, 'resources/photo/specs.json'), 'utf8')) as {
    specs: unknown[]
  }
).specs.map((s) => photoSpec.parse(s))
const spec = (id: string): PhotoSpec => specs.find((s) => s.id === id)!
const rule = (r: PhotoResult, key: string) => r.report.rules.find((x) => x.key === key)!

const WHITE: [number, number, number] = [255, 255, 255]
const LAVENDER = '#d8cfe8'
const hex = (h: string): Lab =>
  rgbToLab(parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16))

/** Mean Lab of a rectangle of a raster. */
function meanLab(img: Raster, x0: number, y0: number, w: number, h: number): Lab {
  const m: Lab = [0, 0, 0]
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const v = labAt(img, x, y)
      for (let k = 0; k < 3; k++) m[k]! += v[k]! / (w * h)
    }
  return m
}

/**
 * The hair top in a photo measured from its colours alone, where the backdrop's colours are
 * known: in the columns across the middle of the head, the first row that is none of them (ΔE
 * over 12 from each, three rows running); the upper third of the columns, as the pipeline takes.
 */
function hairTopByColour(img: Raster, centreX: number, faceWidth: number, walls: Lab[]): number {
  const tops: number[] = []
  for (let x = Math.round(centreX - 0.3 * faceWidth); x <= centreX + 0.3 * faceWidth; x++) {
    const isWall = (y: number) => walls.some((w) => deltaE(labAt(img, x, y), w) <= 12)
    for (let y = 0; y < img.height - 3; y++)
      if (!isWall(y) && !isWall(y + 1) && !isWall(y + 2)) {
        tops.push(y)
        break
      }
  }
  tops.sort((a, b) => a - b)
  return tops[Math.floor(tops.length / 3)]!
}

/** Eye line, eye midpoint, face width and chin found afresh in the written file. */
async function landmarksOfFile(jpeg: Buffer) {
  const file = await decodeImage(jpeg)
  const faces = await detectFaces(file)
  expect(faces).toHaveLength(1)
  const frame = levelFrame(faces[0]!.landmarks)
  const face = levelFace(faces[0]!.landmarks, frame, 0)
  return {
    file,
    eyeY: frame.origin.y,
    eyeMidX: frame.origin.x,
    faceWidth: face.faceWidth,
    faceCentreX: frame.toSource(face.faceCentreX, 0).x,
    chinY: frame.toSource(0, face.chinY).y
  }
}

let lavender: Buffer
let twoWalls: Buffer
beforeAll(async () => {
  lavender = await makeWallPortrait({
    width: 900,
    height: 700,
    left: 200,
    top: 188,
    wall: LAVENDER
  })
  // A near-white frame, off-centre face, and the boundary between two walls 17 px above her hair.
  twoWalls = await makeWallPortrait({
    width: 1920,
    height: 1080,
    left: 1150,
    top: 568,
    wall: '#dcd6ee',
    upper: { colour: '#f6f6f4', splitY: 575 }
  })
}, 60_000)
afterAll(() => stopMatting())

describe('background replacement', () => {
  it('a portrait on a lavender wall fails as shot and passes on white: ΔE ≤ 3, spread ≤ 2', async () => {
    const asShot = await processPhoto(lavender, spec('resident-id'))
    expect(rule(asShot, 'background').pass).toBe(false)
    expect(rule(asShot, 'background').value).toBeGreaterThan(12)
    expect(asShot.original).toBeUndefined()

    const white = await processPhoto(lavender, spec('resident-id'), { background: WHITE })
    expect(white.report.background.replacedWith).toEqual(WHITE)
    expect(rule(white, 'background').value).toBeLessThanOrEqual(3)
    expect(rule(white, 'backgroundUniform').value).toBeLessThanOrEqual(2)
    expect(white.report.rules.filter((r) => !r.pass)).toEqual([])
    expect(white.report.ok).toBe(true)

    // Measured independently in the written file: both top corners are white.
    const file = await decodeImage(white.jpeg)
    for (const x of [2, file.width - 42])
      expect(deltaE(meanLab(file, x, 2, 40, 40), rgbToLab(...WHITE))).toBeLessThanOrEqual(3)
    // The person is untouched: face and suit keep their colours (same crop, both JPEGs).
    const before = await decodeImage(white.original!)
    const m = white.report.measures
    for (const [x, y] of [
      [m.faceCentreX - 15, m.eyeY + 20],
      [m.faceCentreX - 15, file.height - 35]
    ] as const) {
      const a = meanLab(before, Math.round(x), Math.round(y), 30, 20)
      const b = meanLab(file, Math.round(x), Math.round(y), 30, 20)
      expect(deltaE(a, b)).toBeLessThan(3)
    }
  })

  it('puts a spec blue behind the person for a two-inch photo', async () => {
    const blue: [number, number, number] = [67, 142, 219]
    const result = await processPhoto(lavender, spec('two-inch'), { background: blue })
    expect(rule(result, 'background').text).toMatch(/^背景与蓝色的色差 \d(\.\d)? ΔE/)
    expect(rule(result, 'background').value).toBeLessThanOrEqual(3)
    expect(rule(result, 'backgroundUniform').value).toBeLessThanOrEqual(2)
  })
})

describe('the crown from the matte', () => {
  it('on two walls, the hair top is the hair, not the boundary between the walls', async () => {
    const result = await processPhoto(twoWalls, spec('resident-id'))
    expect(result.report.placement.crown).toBe('matte')
    const hair = rule(result, 'hairTop')
    expect(hair.pass).toBe(true)
    const { file } = await landmarksOfFile(result.jpeg)
    const m = result.report.measures
    const byColour = hairTopByColour(file, m.faceCentreX, m.faceWidth, [
      hex('#dcd6ee'),
      hex('#f6f6f4')
    ])
    expect(Math.abs(byColour - m.crownY)).toBeLessThanOrEqual(2)
    expect(byColour).toBeGreaterThanOrEqual(7)
    expect(byColour).toBeLessThanOrEqual(21)
  })
})

describe('every rule reported as passing holds on the written file', () => {
  const cases: [string, () => Buffer, string, [number, number, number] | null][] = [
    ['lavender wall → white', () => lavender, 'resident-id', WHITE],
    ['lavender wall → white', () => lavender, 'exit-entry', WHITE],
    ['two walls → white', () => twoWalls, 'resident-id', WHITE],
    ['two walls as shot', () => twoWalls, 'exit-entry', null]
  ]
  for (const [name, input, id, background] of cases)
    it(`${name}, ${id}: within 2 px`, async () => {
      const result = await processPhoto(input(), spec(id), { background })
      const f = await landmarksOfFile(result.jpeg)
      const walls = background ? [rgbToLab(...background)] : [hex('#dcd6ee'), hex('#f6f6f4')]
      const crownY = hairTopByColour(f.file, f.faceCentreX, f.faceWidth, walls)
      const H = result.report.height
      const W = result.report.width
      const onFile: Record<string, number> = {
        faceWidth: f.faceWidth,
        headHeight: f.chinY - crownY,
        eyeDistance: result.report.measures.eyeDistance,
        hairTop: crownY,
        eyeFromTop: f.eyeY,
        eyeFromBottom: H - f.eyeY,
        eyeMidFromLeft: f.eyeMidX,
        chinFromBottom: H - f.chinY,
        centre: Math.abs(f.faceCentreX - W / 2)
      }
      const passing = result.report.rules.filter((r) => r.pass && r.key in onFile)
      expect(passing.length).toBeGreaterThanOrEqual(3)
      for (const r of passing)
        expect(Math.abs(r.value! - onFile[r.key]!), r.key).toBeLessThanOrEqual(2)
    })
})
