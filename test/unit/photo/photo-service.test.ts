import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { decodeImage } from '../../../src/main/photo/pipeline'
import { ADMIN, openSignedIn, tempDir } from '../../helpers/services'
import { astronautPath, makeStill } from '../../helpers/photo-faces'
import type { CaptureView } from '../../../src/shared/photo/contract'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

let services: Awaited<ReturnType<typeof openSignedIn>>
let still: string
beforeAll(async () => {
  still = join(tempDir('bianmin-still-'), 'still.jpg')
  await makeStill(still)
  services = await openSignedIn({ camera: { device: `file:${still}` } })
})
afterAll(() => services.cleanup())

const ok = <T>(result: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as T
}

describe('the photo booth service', () => {
  it('captures through the camera over IPC, lets the clerk nudge, keeps and deletes the photo', async () => {
    const table = createIpcTable(services, trustOrigins([ORIGIN]))
    const shot = ok<CaptureView>(
      await table.invoke('photo:capture', { specId: 'resident-id' }, meta)
    )
    expect(shot.image.startsWith('data:image/jpeg;base64,')).toBe(true)
    expect([shot.report.width, shot.report.height]).toEqual([358, 441])
    const eyeY = shot.report.measures.eyeY

    const nudged = ok<CaptureView>(
      await table.invoke(
        'photo:adjust',
        { captureId: shot.captureId, dx: 0, dy: -30, scale: 1 },
        meta
      )
    )
    // Both are measured in the written files: the nudge moves the eyes by 30 px, give or take
    // what the landmarks found again in each file differ by.
    expect(Math.abs(nudged.report.measures.eyeY - (eyeY - 30))).toBeLessThanOrEqual(2)
    const eyeRule = nudged.report.rules.find((r) => r.key === 'eyeFromBottom')!
    expect(eyeRule.value).toBe(Math.round(441 - nudged.report.measures.eyeY))

    const kept = ok<{ id: string; passed: boolean; operatorName: string; failed: string[] }>(
      await table.invoke(
        'photo:accept',
        { captureId: shot.captureId, subjectRef: 'R-2026-001' },
        meta
      )
    )
    expect(kept.operatorName).toBe('王建国')
    expect(kept.passed).toBe(false)
    expect(kept.failed).toContain('背景与白色的色差')
    const file = join(services.paths.dataDir, 'photos', `${kept.id}.jpg`)
    expect(existsSync(file)).toBe(true)
    // The shot is used up once kept.
    const again = await table.invoke('photo:accept', { captureId: shot.captureId }, meta)
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const list = ok<{ total: number; rows: { id: string }[] }>(
      await table.invoke('photo:list', { subjectRef: 'R-2026-001' }, meta)
    )
    expect(list.rows.map((r) => r.id)).toEqual([kept.id])
    const image = ok<{ image: string }>(await table.invoke('photo:image', { id: kept.id }, meta))
    expect(image.image.length).toBeGreaterThan(1000)

    const sheet = ok<{ file: string; photos: number; pages: number }>(
      await table.invoke('photo:sheet', { ids: [kept.id], size: 'A4', copies: 4, gapMm: 3 }, meta)
    )
    expect([sheet.photos, sheet.pages, existsSync(sheet.file)]).toEqual([4, 1, true])

    const exported = ok<{ file: string }>(await table.invoke('photo:export', { id: kept.id }, meta))
    // Sealed on disk; the export is the kept JPEG itself, byte for byte.
    const stored = readFileSync(file)
    const jpeg = services.cipher.openFile(stored, `photos/${kept.id}.jpg`)
    expect(stored.subarray(0, 2).toString('hex')).not.toBe('ffd8')
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8')
    expect(readFileSync(exported.file).equals(jpeg)).toBe(true)

    ok(await table.invoke('photo:remove', { id: kept.id }, meta))
    // Soft: the file and row stay for the audit; the photo is gone from every read.
    expect(existsSync(file)).toBe(true)
    expect(
      services.sqlite.prepare('SELECT removed_at FROM photos WHERE id = ?').pluck().get(kept.id)
    ).not.toBeNull()
    expect(await table.invoke('photo:image', { id: kept.id }, meta)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await table.invoke('photo:remove', { id: kept.id }, meta)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    const actions = (await services.audit.list({ page: 1, pageSize: 50 })).rows.map((r) => r.action)
    expect(actions).toEqual(
      expect.arrayContaining(['photo.create', 'photo.sheet', 'photo.export', 'photo.delete'])
    )
    expect((await services.photo.list({ page: 1, pageSize: 10 })).total).toBe(0)
  })

  it('keeps the camera choice in settings, audited, and refuses unsafe device names', async () => {
    const plain = await openSignedIn({ detectCameras: async () => ['/dev/video0', '/dev/video2'] })
    try {
      const operatorId = plain.auth.current()!.operator.id
      const view = await plain.photo.setCamera(
        { device: '/dev/video2', width: 1280, height: 720 },
        operatorId
      )
      expect([view.device, view.width, view.height]).toEqual(['/dev/video2', 1280, 720])
      expect((await plain.photo.camera()).device).toBe('/dev/video2')
      await expect(
        plain.photo.setCamera(
          { device: '/dev/video0 && reboot', width: 1280, height: 720 },
          operatorId
        )
      ).rejects.toThrow('摄像头设备名只能是')
      const audit = await plain.audit.list({ page: 1, pageSize: 10, action: 'photo.camera.set' })
      expect(audit.rows).toHaveLength(1)
    } finally {
      plain.cleanup()
    }
  })

  it('processes a still already in memory and says when the camera is missing', async () => {
    const view = await services.photo.process(await decodeImage(astronautPath), 'exit-entry')
    expect([view.report.width, view.report.height]).toEqual([390, 567])
    expect([view.background, view.original]).toEqual([null, undefined])
    // The clerk turns replacement on for the same shot, then off again: both previews, then one.
    const table = createIpcTable(services, trustOrigins([ORIGIN]))
    const on = ok<CaptureView>(
      await table.invoke(
        'photo:adjust',
        { captureId: view.captureId, dx: 0, dy: 0, scale: 1, background: '#ffffff' },
        meta
      )
    )
    expect(on.background).toBe('#ffffff')
    expect(on.original?.startsWith('data:image/jpeg;base64,')).toBe(true)
    expect(on.report.background?.replacedWith).toEqual([255, 255, 255])
    expect(on.report.rules.find((r) => r.key === 'background')!.value).toBeLessThanOrEqual(3)
    const off = ok<CaptureView>(
      await table.invoke(
        'photo:adjust',
        { captureId: view.captureId, dx: 0, dy: 0, scale: 1, background: null },
        meta
      )
    )
    expect([off.background, off.original]).toEqual([null, undefined])
    const bad = await table.invoke(
      'photo:adjust',
      { captureId: view.captureId, dx: 0, dy: 0, scale: 1, background: 'white' },
      meta
    )
    expect(bad.ok).toBe(false)
    const missing = await openSignedIn({ camera: { device: '/dev/video97' } })
    try {
      await expect(missing.photo.capture('resident-id')).rejects.toThrow(
        '找不到摄像头 /dev/video97'
      )
    } finally {
      missing.cleanup()
    }
  })

  it('prints mixed specs on one sheet, each at its own true dpi, with an audit row', async () => {
    const still = await decodeImage(astronautPath)
    const operatorId = services.auth.current()!.operator.id
    const ids: string[] = []
    for (const spec of ['resident-id', 'exit-entry']) {
      const shot = await services.photo.process(still, spec)
      ids.push((await services.photo.accept(shot.captureId, operatorId)).id)
    }
    const sheet = await services.photo.sheet(
      { ids, size: '6inch', copies: 2, gapMm: 2 },
      operatorId
    )
    expect([sheet.photos, sheet.pages]).toEqual([4, 1])
    const images = execFileSync('pdfimages', ['-list', sheet.file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .map((cols) => `${cols[3]}×${cols[4]}@${cols[12]}`)
    // Tallest first: the two 33×48 mm exit-entry photos at 300 ppi, then 26×32 mm at 350 ppi.
    expect(images).toEqual(['390×567@300', '390×567@300', '358×441@350', '358×441@350'])
    const audit = await services.audit.list({ page: 1, pageSize: 5, action: 'photo.sheet' })
    expect(audit.rows[0]!.detail).toContain('"size":"6inch"')
  })
})

describe('who may remove a photo, and which camera may be chosen', () => {
  it('lets only the taker or an administrator remove a photo, softly and audited', async () => {
    const admin = services.auth.current()!.operator
    const PASSWORD = 'Role12345'
    for (const [username, role] of [
      ['taker', 'field'],
      ['other', 'clerk'],
      ['boss', 'director']
    ] as const) {
      await services.operators.create(
        {
          username,
          displayName: username,
          role,
          passwordHash: await services.auth.hashPassword(PASSWORD)
        },
        admin.id
      )
    }
    const table = createIpcTable(services, trustOrigins([ORIGIN]))
    const still = await decodeImage(astronautPath)
    const signIn = (username: string, password = PASSWORD) =>
      services.auth.signIn({ username, password })
    const takePhoto = async () => {
      const shot = await services.photo.process(still, 'resident-id')
      return ok<{ id: string }>(
        await table.invoke('photo:accept', { captureId: shot.captureId }, meta)
      ).id
    }
    const removals = async () =>
      (await services.audit.list({ page: 1, pageSize: 50, action: 'photo.delete' })).total

    await signIn('taker')
    const first = await takePhoto()
    const second = await takePhoto()
    const before = await removals()
    for (const other of ['other', 'boss']) {
      await signIn(other)
      expect(await table.invoke('photo:remove', { id: first }, meta)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      })
    }
    expect(await removals()).toBe(before)
    const visible = async () =>
      (await services.photo.list({ page: 1, pageSize: 100 })).rows.map((r) => r.id)
    expect(await visible()).toEqual(expect.arrayContaining([first, second]))

    await signIn('taker')
    ok(await table.invoke('photo:remove', { id: first }, meta))
    await signIn(ADMIN.username, ADMIN.password)
    ok(await table.invoke('photo:remove', { id: second }, meta))
    expect(await visible()).not.toEqual(expect.arrayContaining([first]))
    expect(await visible()).not.toEqual(expect.arrayContaining([second]))
    expect(await removals()).toBe(before + 2)
    const removedBy = services.sqlite
      .prepare('SELECT removed_by FROM photos WHERE id IN (?, ?) ORDER BY removed_at')
      .pluck()
      .all(first, second)
    expect(removedBy).toHaveLength(2)
    expect(new Set(removedBy).size).toBe(2)
    expect(removedBy).toContain(admin.id)
  })

  it('refuses a file: device and an undetected one over IPC, changing nothing', async () => {
    const plain = await openSignedIn({ detectCameras: async () => ['/dev/video0'] })
    try {
      const table = createIpcTable(plain, trustOrigins([ORIGIN]))
      const setCamera = (device: string | null) =>
        table.invoke('photo:setCamera', { device, width: 1280, height: 720 }, meta)
      expect(await setCamera(`file:${still}`)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: '摄像头只能从本机检测到的设备中选择' }
      })
      // The answer is the same whether the file exists or not.
      expect(await setCamera('file:/no/such/file.jpg')).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: '摄像头只能从本机检测到的设备中选择' }
      })
      expect(await setCamera('/dev/video5')).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' }
      })
      expect((await plain.photo.camera()).device).toBeNull()
      const audit = await plain.audit.list({ page: 1, pageSize: 10, action: 'photo.camera.set' })
      expect(audit.total).toBe(0)
      expect(await setCamera('/dev/video0')).toMatchObject({ ok: true })
      expect(await setCamera(null)).toMatchObject({ ok: true })

      // A file still stored behind the app's back is not used as a camera either.
      plain.sqlite
        .prepare("UPDATE settings SET value = ? WHERE key = 'photo.camera'")
        .run(JSON.stringify({ device: `file:${still}`, width: 1920, height: 1080 }))
      expect(await table.invoke('photo:capture', { specId: 'resident-id' }, meta)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' }
      })
    } finally {
      plain.cleanup()
    }
  })

  it('lets the test harness choose a file: still through a service option', async () => {
    const harness = await openSignedIn({ allowFileCamera: true })
    try {
      const operatorId = harness.auth.current()!.operator.id
      const view = await harness.photo.setCamera(
        { device: `file:${still}`, width: 1920, height: 1080 },
        operatorId
      )
      expect(view.device).toBe(`file:${still}`)
    } finally {
      harness.cleanup()
    }
  })
})
