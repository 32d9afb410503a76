import { randomUUID } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { expectStatusDateOnOneLine, launchBrowser, startApp, type RunningApp } from './harness'
import { tempDir } from '../helpers/services'
import { makeWallPortrait } from '../helpers/photo-faces'

/** A shot is matted and its written file measured again before the report changes. */
const MEASURE_TIMEOUT = 20_000

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Station2026' }

/**
 * The booth in Chromium with a fake camera playing a clip made from the fixture set on a
 * lavender wall; the shutter goes through main's node-webcam, whose fswebcam reads a 1920×1080
 * still of the same scene as its device.
 */
describe('the photo booth', () => {
  let browser: Browser
  let app: RunningApp

  beforeAll(async () => {
    const dir = tempDir('bianmin-e2e-photo-')
    const clip = join(dir, 'clip.y4m')
    const scene = join(dir, 'scene.png')
    writeFileSync(
      scene,
      await makeWallPortrait({
        width: 1920,
        height: 1080,
        left: 704,
        top: 400,
        wall: '#d8cfe8'
      })
    )
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-i',
      scene,
      '-vf',
      'scale=640:360',
      '-r',
      '10',
      '-frames:v',
      '20',
      '-pix_fmt',
      'yuv420p',
      clip
    ])
    const still = join(dir, 'still.jpg')
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', scene, '-q:v', '2', still])
    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`
    ])
    app = await startApp(browser)
    await app.services.auth.setupAdmin(ADMIN)
    await app.services.photo.setCamera({ device: `file:${still}`, width: 1920, height: 1080 }, null)
    // The session event signs the page in.
    await app.page.getByTestId('status-operator').waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('shows the live preview with the spec guide', async () => {
    const { page } = app
    await page.keyboard.press('F2')
    const preview = page.getByTestId('photo-preview')
    await page.locator('[data-testid="photo-preview"][data-state="live"]').waitFor()
    await expect
      .poll(() =>
        preview
          .locator('video')
          .evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth)
      )
      .toBeGreaterThan(0)
    for (const part of ['guide-frame', 'guide-hair', 'guide-eyes', 'guide-chin', 'guide-oval'])
      await preview.getByTestId(part).waitFor()
    expect(await preview.getByTestId('guide-hair').textContent()).toBe('头顶')
    // The frame keeps the spec's aspect ratio (358×441).
    const box = (await preview.getByTestId('guide-frame').boundingBox())!
    expect(box.width / box.height).toBeCloseTo(358 / 441, 2)
    await expectStatusDateOnOneLine(app.page)
    await app.screenshot('photo-01-preview')
  })

  it('Space shoots in front of a lavender wall: both previews, white behind her, all ✓', async () => {
    const { page } = app
    await page.keyboard.press('Space')
    const result = page.getByTestId('photo-result')
    await result.waitFor({ timeout: 30_000 })
    const rules = result.getByTestId('photo-rules')
    await expect
      .poll(() => rules.locator('li').count(), { timeout: MEASURE_TIMEOUT })
      .toBeGreaterThan(10)
    await page.getByTestId('photo-original-image').waitFor()
    await page.getByTestId('photo-result-image').waitFor()
    expect(await rules.locator('li.rule-fail').allTextContents()).toEqual([])
    await rules.getByText('全部合格').waitFor()
    const eyes = rules.locator('li[data-rule="eyeFromBottom"] span')
    expect(await eyes.textContent()).toMatch(/^眼睛距底边 \d+ px ≥ 207 px ✓$/)
    expect(await rules.locator('li[data-rule="background"] span').textContent()).toMatch(
      /^背景与白色的色差 \d(\.\d)? ΔE ≤ 12 ΔE ✓$/
    )
    await app.screenshot('photo-02-result')

    // Replacement off: the wall itself fails, with its reason; on again: it passes.
    const background = rules.locator('li[data-rule="background"]')
    await page.getByTestId('photo-replace').click()
    // Each toggle mattes and measures the file again: seconds on a loaded 2-core machine.
    await expect
      .poll(() => background.getAttribute('class'), { timeout: MEASURE_TIMEOUT })
      .toBe('rule-fail')
    expect(await background.locator('small').textContent()).toMatch(/离允许的白色太远/)
    expect(await page.getByTestId('photo-original-image').count()).toBe(0)
    await page.getByTestId('photo-replace').click()
    await expect
      .poll(() => background.getAttribute('class'), { timeout: MEASURE_TIMEOUT })
      .toBe('rule-pass')
    await page.getByTestId('photo-original-image').waitFor()

    // Arrow up moves the photo content up 2 px: the eye line, measured again in the new file,
    // is 2 px further from the bottom (±1 px for the landmarks found afresh).
    const before = Number((await eyes.textContent())!.match(/(\d+) px/)![1])
    await page.keyboard.press('ArrowUp')
    await expect
      .poll(async () => Number((await eyes.textContent())!.match(/(\d+) px/)![1]), {
        timeout: MEASURE_TIMEOUT
      })
      .not.toBe(before)
    const after = Number((await eyes.textContent())!.match(/(\d+) px/)![1])
    expect(Math.abs(after - (before + 2))).toBeLessThanOrEqual(1)
  })

  it('Enter keeps the photo; the history lists it and deletes it after asking', async () => {
    const { page } = app
    await page.keyboard.press('Enter')
    await page.getByText('照片已保存').waitFor()
    await page.locator('[data-testid="photo-preview"][data-state="live"]').waitFor()
    const kept = await app.services.photo.list({ page: 1, pageSize: 10 })
    expect(kept.total).toBe(1)
    expect([kept.rows[0]!.passed, kept.rows[0]!.failed]).toEqual([true, []])

    await page.getByRole('tab', { name: '照片记录' }).click()
    await page.getByRole('cell', { name: '居民身份证' }).waitFor()
    await app.screenshot('photo-03-history')
    // The paper's name is shown whole, and a sheet of the kept photo is made.
    const paper = page.locator('.photo-sheet-paper')
    const paperName = paper.getByText('6 寸（152×102 mm）', { exact: true })
    expect(
      await paperName.evaluate((element) => {
        const box = element as unknown as { scrollWidth: number; clientWidth: number }
        return box.scrollWidth <= box.clientWidth
      })
    ).toBe(true)
    await page
      .getByRole('row', { name: /居民身份证/ })
      .getByRole('checkbox')
      .check()
    await page.getByRole('button', { name: '排版打印' }).click()
    const made = page.locator('.ant-modal-confirm-title', {
      hasText: '已生成相纸 PDF（4 张，1 页）'
    })
    await made.waitFor()
    const sheetFile = /：(\S+\.pdf)/.exec((await made.textContent()) ?? '')?.[1]
    expect(sheetFile && existsSync(sheetFile)).toBe(true)
    await page.keyboard.press('Escape')
    await made.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: '删除' }).click()
    const confirm = page.getByRole('dialog')
    await confirm.locator('.ant-modal-confirm-title', { hasText: '删除这张照片？' }).waitFor()
    await app.screenshot('photo-04-delete-confirm')
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click()
    await page.getByText('已删除').waitFor()
    expect((await app.services.photo.list({ page: 1, pageSize: 10 })).total).toBe(0)
    // Soft: the row stays for the audit, marked removed.
    expect(
      app.services.sqlite
        .prepare('SELECT count(*) FROM photos WHERE removed_at IS NOT NULL')
        .pluck()
        .get()
    ).toBe(1)
    const audit = await app.services.audit.list({ page: 1, pageSize: 20, action: 'photo.delete' })
    expect(audit.rows).toHaveLength(1)
  })

  it('lists a photo another PC of the station took, without view, export or print here', async () => {
    const { page } = app
    // A record as a station round stores it: the JPEG is in the other PC's data folder.
    app.services.sqlite
      .prepare(
        `INSERT INTO photos (id, spec_id, taken_at, operator_id, file, bytes, quality, passed, report,
           subject_ref, note, device_id)
         SELECT ?, spec_id, taken_at, operator_id, file, bytes, quality, passed, report, subject_ref,
           '窗口2', 'other-pc' FROM photos LIMIT 1`
      )
      .run(randomUUID())
    // The PCs' names as a round keeps them (station_devices on the server).
    app.services.sqlite
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('station.pcNames', ?, ?)`)
      .run(JSON.stringify({ 'other-pc': '2号窗口' }), new Date().toISOString())
    await page.getByRole('tab', { name: '拍照' }).click()
    await page.getByRole('tab', { name: '照片记录' }).click()
    const row = page.locator('.ant-table-row', { hasText: '居民身份证' })
    await row.getByTestId('photo-elsewhere').waitFor()
    expect(await row.getByTestId('photo-elsewhere').textContent()).toBe('在 2号窗口 上')
    await expect.poll(() => row.getByRole('button', { name: '查看' }).count()).toBe(0)
    await expect.poll(() => row.getByRole('button', { name: '导出' }).count()).toBe(0)
    expect(await row.locator('input[type=checkbox]').isDisabled()).toBe(true)
    await app.screenshot('photo-05-elsewhere')
    await expect(
      app.services.photo.image(
        (await app.services.photo.list({ page: 1, pageSize: 10 })).rows[0]!.id
      )
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('（2号窗口）') })
  })

  it('edits a spec in a form: a number out of range at its box, a contradiction with its reason', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '规格与摄像头' }).click()
    // The camera is a choice among detected devices (the harness's still shows as the current one).
    const device = page.locator('.photo-camera .ant-select').first()
    await expect.poll(() => device.textContent()).toMatch(/file:\/.*still\.jpg/)
    // Saved five times in a row: at most three toasts on screen, the newest last.
    const saveCamera = page.getByRole('button', { name: '保存摄像头设置' })
    for (let i = 0; i < 5; i++) {
      await saveCamera.click()
      await page.getByText('摄像头设置已保存').first().waitFor()
    }
    // (Those pushed out leave with a short animation; a toast stays 3 s.)
    await expect
      .poll(() => page.locator('.ant-message-notice').count(), { timeout: 1000 })
      .toBeLessThanOrEqual(3)
    await page.getByRole('button', { name: '编辑' }).first().click()
    const editor = page.locator('.photo-spec-editor')
    await expect
      .poll(() => editor.locator('.ant-card-head-title').textContent())
      .toContain('resident-id')
    // The form shows the stored numbers (no JSON to edit).
    expect(await editor.locator('textarea.photo-spec-json').count()).toBe(0)
    expect(await page.getByLabel('脸宽 下限').inputValue()).toBe('193')
    expect(await page.getByLabel('脸宽 上限').inputValue()).toBe('221')
    // Each colour's R, G, B and its remove button say which colour they belong to.
    expect(await page.getByLabel('背景颜色 1 G', { exact: true }).inputValue()).toBe('255')
    expect(await page.getByRole('button', { name: '删除 背景颜色 1' }).count()).toBe(1)
    await editor.locator('.ant-card-head').scrollIntoViewIfNeeded()
    await app.screenshot('photo-05-spec-form')
    const stored = async () => app.services.photoSpecs.get('resident-id')
    const before = await stored()

    const dpi = page.getByLabel('dpi', { exact: true })
    await dpi.fill('2026')
    await page.getByRole('button', { name: '保存规格' }).click()
    const dpiItem = editor.locator('.ant-form-item', { has: dpi })
    await expect
      .poll(() => dpiItem.locator('.ant-form-item-explain').textContent())
      .toBe('不能大于 1200')
    expect(await stored()).toEqual(before)

    await dpi.fill('350')
    await page.getByLabel('脸宽 下限').fill('400')
    await page.getByRole('button', { name: '保存规格' }).click()
    await expect
      .poll(() => page.getByTestId('spec-problem').textContent())
      .toBe('规格自相矛盾：脸宽：下限 400 px 大于上限 221 px；脸宽下限 400 px 不小于照片宽 358 px')
    await app.screenshot('photo-05-spec-refused')
    expect(await stored()).toEqual(before)

    // Both limits emptied: the rule is not checked; saved as such.
    await page.getByLabel('脸宽 下限').fill('')
    await page.getByLabel('脸宽 上限').fill('')
    await page.getByRole('button', { name: '保存规格' }).click()
    await expect.poll(() => editor.count()).toBe(0)
    const saved = await stored()
    expect(saved.geometry.faceWidth).toBeUndefined()
    expect({
      ...saved,
      geometry: { ...saved.geometry, faceWidth: before.geometry.faceWidth }
    }).toEqual(before)
  })
})
