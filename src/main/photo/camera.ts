import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'

/**
 * The counter camera through node-webcam: fswebcam on Linux, imagesnap on macOS, CommandCam on
 * Windows. node-webcam runs its tool without a time limit and fswebcam exits 0 even when it
 * fails, so a capture here has its own deadline and checks both the tool's output and the file.
 */

interface NodeWebcam {
  capture(location: string, callback: (error: Error | null, data: unknown) => void): void
  runCaptureValidations(output: string): Error | null
  bin: string
}
interface NodeWebcamModule {
  create(options: Record<string, unknown>): NodeWebcam
  list(callback: (cameras: string[]) => void): void
}

const require = createRequire(import.meta.url)
const nodeWebcam = () => require('node-webcam') as NodeWebcamModule

export interface CameraConfig {
  /** `/dev/video0`, `file:/abs/still.jpg` (fswebcam's file source), or null for the default. */
  device: string | null
  width: number
  height: number
  timeoutMs: number
}

export const defaultCameraConfig: CameraConfig = {
  device: null,
  width: 1920,
  height: 1080,
  timeoutMs: 10_000
}

/** node-webcam builds a shell line: only plain device paths are accepted. */
const SAFE_DEVICE = /^(?:file:)?\/[A-Za-z0-9_./-]+$/

export function checkDevice(device: string | null): void {
  if (device !== null && !SAFE_DEVICE.test(device))
    throw new AppError('VALIDATION', '摄像头设备名只能是 /dev/video0 这样的路径或 file:/绝对路径', {
      device: '设备名格式不正确'
    })
}

/** Cameras the system lists (video devices on Linux and macOS; node-webcam cannot list on Windows). */
export function listCameras(): Promise<string[]> {
  if (process.platform === 'win32') return Promise.resolve([])
  return new Promise((resolve) => nodeWebcam().list((cameras) => resolve(cameras ?? [])))
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** Turns fswebcam's (or another tool's) complaint into a message for the clerk. */
export function cameraFailure(output: string, device: string | null): AppError {
  const name = device ?? '默认摄像头'
  const detail = output.replace(ANSI_COLOUR, '').trim().split('\n').slice(-2).join(' ')
  if (/command not found/i.test(output))
    return new AppError(
      'INTERNAL',
      '本机没有安装拍照程序 fswebcam（Linux 需要 apt-get install fswebcam）'
    )
  if (/busy/i.test(output))
    return new AppError(
      'CONFLICT',
      `摄像头 ${name} 正被其他程序占用，请关闭其他使用摄像头的程序后重试`
    )
  if (/no such file|no.*device|error accessing|cannot open|unable to open/i.test(output))
    return new AppError('NOT_FOUND', `找不到摄像头 ${name}：请检查连接线，或在设置中选择摄像头`)
  if (/permission denied/i.test(output))
    return new AppError('FORBIDDEN', `没有权限使用摄像头 ${name}`)
  return new AppError('INTERNAL', `摄像头 ${name} 没能拍照${detail ? `：${detail}` : ''}`)
}

/**
 * Captures one full-resolution still to a temporary file, reads it and deletes it. Rejects with a
 * clear message when the camera is missing or busy, and never waits past the deadline.
 */
export async function captureStill(config: CameraConfig): Promise<Buffer> {
  checkDevice(config.device)
  const dir = await mkdtemp(join(tmpdir(), 'bianmin-capture-'))
  const file = join(dir, 'still.jpg')
  try {
    const camera = nodeWebcam().create({
      width: config.width,
      height: config.height,
      quality: 95,
      output: 'jpeg',
      device: config.device ?? false,
      callbackReturn: 'location',
      saveShots: false,
      verbose: false
    })
    let toolOutput = ''
    // fswebcam reports failures only in its output: keep it for the message.
    camera.runCaptureValidations = (output: string) => {
      toolOutput = output ?? ''
      return null
    }
    const seconds = Math.ceil(config.timeoutMs / 1000)
    if (process.platform === 'linux') camera.bin = `timeout -k 2 ${seconds} ${camera.bin}`
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new AppError('INTERNAL', `摄像头 ${seconds} 秒内没有响应，请检查摄像头后重试`)),
        config.timeoutMs + 3000
      )
    })
    const shot = new Promise<void>((resolve, reject) =>
      camera.capture(file, (error) => {
        if (!error) return resolve()
        const code = (error as Error & { code?: number }).code
        if (code === 127) reject(cameraFailure('command not found', config.device))
        else if (code === 124 || code === 137)
          reject(new AppError('INTERNAL', `摄像头 ${seconds} 秒内没有响应，请检查摄像头后重试`))
        else reject(cameraFailure(`${error.message}\n${toolOutput}`, config.device))
      })
    )
    try {
      await Promise.race([shot, deadline])
    } finally {
      clearTimeout(timer)
    }
    const size = await stat(file).then(
      (s) => s.size,
      () => 0
    )
    if (size === 0) throw cameraFailure(toolOutput, config.device)
    return await readFile(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
