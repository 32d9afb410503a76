import { spawnSync, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../../helpers/services'
import { writeFileSync } from 'node:fs'
import { astronautPath, makeDerivedFaces, makeWallPortrait } from '../../helpers/photo-faces'

function cli(args: string[]) {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args],
    { cwd: repoRoot, encoding: 'utf8' }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

let dir: string
let faces: Awaited<ReturnType<typeof makeDerivedFaces>>
beforeAll(async () => {
  dir = tempDir('bianmin-photo-cli-')
  faces = await makeDerivedFaces(join(dir, 'faces'))
}, 60_000)

describe('npm run cli -- photo', () => {
  it('writes the photo even when a rule fails, reports each rule, and exits 1', async () => {
    const out = join(dir, 'astronaut.jpg')
    const r = cli([
      'photo',
      '--spec',
      'resident-id',
      astronautPath,
      out,
      '--json',
      '--data-dir',
      join(dir, 'd1')
    ])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as {
      results: { report: { ok: boolean; rules: { key: string; pass: boolean; text: string }[] } }[]
    }
    const report = json.results[0]!.report
    expect(report.ok).toBe(false)
    expect(report.rules.find((x) => x.key === 'background')!.pass).toBe(false)
    expect(report.rules.find((x) => x.key === 'eyeFromBottom')!.text).toMatch(
      /^眼睛距底边 \d+ px ≥ 207 px ✓$/
    )
    const meta = await sharp(out).metadata()
    expect([meta.width, meta.height, meta.channels, meta.density]).toEqual([358, 441, 3, 350])
  })

  it('exits 0 when every rule passes and lays a 6-inch sheet at true size', () => {
    const out = join(dir, 'white.jpg')
    const r = cli([
      'photo',
      '--spec',
      'resident-id',
      faces.whiteWall,
      out,
      '--sheet',
      '6inch',
      '--data-dir',
      join(dir, 'd2')
    ])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/✓ 合格 .* 居民身份证 358×441 350 dpi/)
    expect(r.out).toContain('相纸 6 寸（152×102 mm）：10 张，1 页')
    const pdf = join(dir, 'white-6inch.pdf')
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /Page size:\s+430\.866 x 289\.134 pts/
    )
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
    expect(images).toHaveLength(10)
    // width, height and the resolution the printer will use: 358×441 px over 26×32 mm = 350 ppi.
    for (const cols of images)
      expect([cols[3], cols[4], cols[12], cols[13]]).toEqual(['358', '441', '350', '350'])
  })

  it('runs over a folder, names the photo it cannot use, and makes one A4 sheet', () => {
    const input = join(dir, 'batch')
    mkdirSync(input)
    copyFileSync(faces.small, join(input, 'a-small.png'))
    copyFileSync(faces.two, join(input, 'b-two.png'))
    copyFileSync(faces.whiteWall, join(input, 'c-white.png'))
    const output = join(dir, 'batch-out')
    const r = cli([
      'photo',
      '--spec',
      'exit-entry',
      input,
      output,
      '--sheet',
      'A4',
      '--data-dir',
      join(dir, 'd3')
    ])
    expect(r.code).toBe(1)
    expect(r.out).toContain('b-two.png: 照片中有 2 张人脸：画面里只能有办理人一人')
    expect(r.out).toMatch(/✓ 合格 .*c-white\.png/)
    expect(existsSync(join(output, 'a-small.jpg'))).toBe(true)
    expect(existsSync(join(output, 'b-two.jpg'))).toBe(false)
    expect(r.out).toContain('相纸 A4（210×297 mm）：2 张，1 页')
  })

  it('replaces a lavender wall with the colour asked for, and refuses one it cannot read', async () => {
    const lavender = join(dir, 'lavender.png')
    writeFileSync(
      lavender,
      await makeWallPortrait({ width: 900, height: 700, left: 200, top: 188, wall: '#d8cfe8' })
    )
    const args = (background: string, out: string) => [
      'photo',
      '--spec',
      'resident-id',
      lavender,
      out,
      '--background',
      background,
      '--json',
      '--data-dir',
      join(dir, 'd4')
    ]
    const asShot = cli(args('#d8cfe8', join(dir, 'lavender-kept.jpg')))
    expect(asShot.code).toBe(1)
    const white = cli(args('white', join(dir, 'lavender-white.jpg')))
    expect(white.code).toBe(0)
    const report = (
      JSON.parse(white.out) as {
        results: { report: { ok: boolean; rules: { key: string; value: number }[] } }[]
      }
    ).results[0]!.report
    expect(report.ok).toBe(true)
    expect(report.rules.find((x) => x.key === 'background')!.value).toBeLessThanOrEqual(3)
    const bad = cli(args('purple-ish', join(dir, 'never.jpg')))
    expect(bad.code).not.toBe(0)
    expect(bad.err + bad.out).toMatch(/背景颜色 purple-ish 无法识别/)
  })

  it('refuses an unknown spec', () => {
    const r = cli([
      'photo',
      '--spec',
      'visa',
      astronautPath,
      join(dir, 'x.jpg'),
      '--data-dir',
      join(dir, 'd4')
    ])
    expect(r.code).toBe(1)
    expect(r.err).toContain('没有编号为 visa 的照片规格')
  })
})
