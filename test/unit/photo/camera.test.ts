import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { cameraFailure, captureStill, defaultCameraConfig } from '../../../src/main/photo/camera'
import { tempDir } from '../../helpers/services'
import { makeStill } from '../../helpers/photo-faces'

// node-webcam runs a real fswebcam process reading a still through its file source.
let dir: string
let still: string
beforeAll(async () => {
  dir = tempDir('bianmin-camera-')
  still = join(dir, 'still.jpg')
  await makeStill(still)
})

const captures = () => readdirSync(tmpdir()).filter((n) => n.startsWith('bianmin-capture-'))

describe('camera through node-webcam and fswebcam', () => {
  it('captures a full-resolution still from the device and cleans up its temp file', async () => {
    const before = captures().length
    const jpeg = await captureStill({ ...defaultCameraConfig, device: `file:${still}` })
    const meta = await sharp(jpeg).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1920, 1080])
    expect(captures().length).toBe(before)
  })

  it('reports a missing camera clearly although fswebcam exits 0', async () => {
    const missing = join(dir, 'no-such-camera.jpg')
    expect(existsSync(missing)).toBe(false)
    await expect(
      captureStill({ ...defaultCameraConfig, device: `file:${missing}` })
    ).rejects.toThrow(`找不到摄像头 file:${missing}：请检查连接线，或在设置中选择摄像头`)
  })

  it('gives up on a camera that never answers', async () => {
    const fifo = join(dir, 'hanging.jpg')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    await expect(
      captureStill({ ...defaultCameraConfig, device: `file:${fifo}`, timeoutMs: 1000 })
    ).rejects.toThrow('摄像头 1 秒内没有响应，请检查摄像头后重试')
    expect(Date.now() - started).toBeLessThan(6000)
  })

  it('refuses device names that are not plain paths', async () => {
    await expect(
      captureStill({ ...defaultCameraConfig, device: '/dev/video0; rm -rf /' })
    ).rejects.toThrow('摄像头设备名只能是')
  })

  it("maps the tools' complaints to messages for the clerk", () => {
    const busy = cameraFailure(
      'Error opening device: /dev/video0\nopen: Device or resource busy',
      '/dev/video0'
    )
    expect([busy.code, busy.message]).toEqual([
      'CONFLICT',
      '摄像头 /dev/video0 正被其他程序占用，请关闭其他使用摄像头的程序后重试'
    ])
    expect(cameraFailure('/bin/sh: 1: fswebcam: command not found', null).message).toMatch(
      /没有安装拍照程序 fswebcam/
    )
  })
})
