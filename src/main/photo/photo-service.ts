import { writeSetting } from '../settings/settings-repo'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { DataCipher } from '../crypto/cipher'
import { writePrivateFile } from '../keys/key-vault'
import { operators, photos, settings } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { AppError } from '../../shared/errors'
import type { Role } from '../../shared/roles'
import type { CameraView, CaptureView, PhotoView, ReportView } from '../../shared/photo/contract'
import { readPcNames } from '../station/pc-names'
import type { SheetSize } from '../../shared/photo/sheet'
import type { Nudge } from '../../shared/photo/geometry'
import type { SpecRepo } from './spec-repo'
import {
  captureStill,
  checkDevice,
  defaultCameraConfig,
  listCameras,
  type CameraConfig
} from './camera'
import { decodeImage, processPhoto, type PhotoResult } from './pipeline'
import type { Raster } from './raster'
import { renderSheet } from './sheet-pdf'

export interface PhotoServiceContext {
  db: Db
  deviceId: string
  dataDir: string
  now: () => Date
  specs: SpecRepo
  /** Kept photos are stored sealed (AES-256-GCM with the photo key), bound to their file name. */
  cipher: DataCipher
  /** Overrides the camera settings (tests, or a booth wired to a fixed device). */
  camera?: Partial<CameraConfig>
  /**
   * Lets `setCamera` choose a `file:` still (fswebcam's file source) as the camera: only the test
   * harness turns this on; over IPC a device must be one the system lists.
   */
  allowFileCamera?: boolean
  /** The system's camera list (tests inject one; defaults to node-webcam's). */
  detectCameras?: () => Promise<string[]>
}

/** Who removes a photo: only its taker or an administrator may. */
export interface PhotoActor {
  id: string
  role: Role
}

interface PendingCapture {
  still: Raster
  specId: string
  nudge: Required<Nudge>
  background: string | null
  result: PhotoResult
}

/** Shots kept for adjusting or accepting; older ones are dropped. */
const PENDING_LIMIT = 4
const CAMERA_KEY = 'photo.camera'

/** #rrggbb to a colour triple (the contract has already checked the form). */
const rgbOf = (hex: string | null): [number, number, number] | null => {
  if (hex === null) return null
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

const dataUrl = (jpeg: Buffer) => `data:image/jpeg;base64,${jpeg.toString('base64')}`

/**
 * The booth: capture through the camera, run the pipeline, let the clerk nudge the crop, keep the
 * accepted photo (file in the data folder + row + audit), list, delete, and lay print sheets.
 */
export function createPhotoService(context: PhotoServiceContext) {
  const { db, deviceId, now, specs } = context
  const photoDir = join(context.dataDir, 'photos')
  /** A record whose JPEG is in another PC's data folder (a station's photo records are shared). */
  const elsewhere = (row: typeof photos.$inferSelect) =>
    row.deviceId !== null && row.deviceId !== deviceId
  /** The name of the PC that holds a photo's JPEG, when that is another PC whose name is known. */
  const heldBy = (row: typeof photos.$inferSelect, names = readPcNames(db)) =>
    elsewhere(row) ? (names.get(row.deviceId!) ?? null) : null
  /** A kept photo's JPEG, opened; refused for a photo taken on another PC. */
  const jpegOf = (row: typeof photos.$inferSelect) => {
    if (elsewhere(row)) {
      const name = heldBy(row)
      throw new AppError(
        'NOT_FOUND',
        `这张照片是在本所另一台电脑${name ? `（${name}）` : ''}上拍摄的，照片文件只保存在那台电脑上：请到那台电脑查看、导出或打印`
      )
    }
    return context.cipher.openFile(readFileSync(join(photoDir, row.file)), `photos/${row.file}`)
  }
  const exportDir = join(context.dataDir, 'exports')
  const pending = new Map<string, PendingCapture>()
  const detectCameras = context.detectCameras ?? listCameras
  const isFileDevice = (device: string | null) => device?.startsWith('file:') ?? false

  const cameraConfig = (): CameraConfig => {
    const row = db.select().from(settings).where(eq(settings.key, CAMERA_KEY)).get()
    let stored: Partial<CameraConfig> = {}
    try {
      stored = row ? (JSON.parse(row.value) as Partial<CameraConfig>) : {}
    } catch {
      // an unreadable value falls back to the defaults
    }
    return { ...defaultCameraConfig, ...stored, ...context.camera }
  }

  const cameraView = async (): Promise<CameraView> => {
    const config = cameraConfig()
    return {
      device: config.device,
      width: config.width,
      height: config.height,
      cameras: await detectCameras()
    }
  }

  const view = (id: string, p: PendingCapture): CaptureView => ({
    captureId: id,
    report: p.result.report,
    image: dataUrl(p.result.jpeg),
    ...(p.result.original ? { original: dataUrl(p.result.original) } : {}),
    background: p.background,
    nudge: p.nudge
  })

  const pendingOf = (captureId: string) => {
    const p = pending.get(captureId)
    if (!p) throw new AppError('NOT_FOUND', '这张照片已过期，请重新拍摄')
    return p
  }

  const rowView = (
    row: typeof photos.$inferSelect,
    operatorName: string | null,
    names?: Map<string, string>
  ): PhotoView => {
    const report = JSON.parse(row.report) as ReportView
    return {
      id: row.id,
      specId: row.specId,
      specName: report.specName,
      takenAt: row.takenAt,
      operatorId: row.operatorId,
      operatorName,
      bytes: row.bytes,
      quality: row.quality,
      passed: row.passed,
      subjectRef: row.subjectRef,
      note: row.note,
      failed: report.rules.filter((r) => !r.pass).map((r) => r.label),
      elsewhere: elsewhere(row),
      heldBy: heldBy(row, names)
    }
  }

  /** A kept photo that has not been removed. */
  const byId = (id: string) => {
    const row = db
      .select()
      .from(photos)
      .where(and(eq(photos.id, id), isNull(photos.removedAt)))
      .get()
    if (!row) throw new AppError('NOT_FOUND', '没有这张照片')
    return row
  }

  /** Runs the pipeline on a still already in memory (a capture, or a file in tests). */
  const process = async (
    still: Raster,
    specId: string,
    background: string | null = null
  ): Promise<CaptureView> => {
    const spec = await specs.get(specId)
    const result = await processPhoto(still, spec, { background: rgbOf(background) })
    const id = randomUUID()
    pending.set(id, { still, specId, nudge: { dx: 0, dy: 0, scale: 1 }, background, result })
    while (pending.size > PENDING_LIMIT) pending.delete(pending.keys().next().value!)
    return view(id, pending.get(id)!)
  }

  return {
    camera: cameraView,

    async setCamera(
      input: { device: string | null; width: number; height: number },
      operatorId: string | null
    ): Promise<CameraView> {
      checkDevice(input.device)
      if (isFileDevice(input.device)) {
        if (!context.allowFileCamera)
          throw new AppError('VALIDATION', '摄像头只能从本机检测到的设备中选择', {
            device: '不是本机检测到的摄像头'
          })
      } else if (input.device !== null && !(await detectCameras()).includes(input.device)) {
        throw new AppError(
          'VALIDATION',
          `本机没有检测到摄像头 ${input.device}，请从检测到的设备中选择`,
          { device: '不是本机检测到的摄像头' }
        )
      }
      const at = now().toISOString()
      const value = { device: input.device, width: input.width, height: input.height }
      db.transaction((tx) => {
        writeSetting(tx, CAMERA_KEY, value, at, operatorId)
        appendAudit(tx, deviceId, at, {
          operatorId,
          action: 'photo.camera.set',
          entity: 'settings',
          entityId: CAMERA_KEY,
          detail: input
        })
      })
      return cameraView()
    },

    /** Shoots a still with the camera and runs the pipeline on it. */
    async capture(specId: string, background: string | null = null): Promise<CaptureView> {
      const spec = await specs.get(specId)
      const config = cameraConfig()
      // A file still stored before this rule (or written behind the app's back) is not a camera.
      if (isFileDevice(config.device) && !context.allowFileCamera && !context.camera?.device)
        throw new AppError('VALIDATION', '设置中的摄像头不是本机检测到的设备，请重新选择摄像头')
      const still = await decodeImage(await captureStill(config))
      return process(still, spec.id, background)
    },

    process,

    /** Re-crops the same shot with the clerk's nudge; the rules are measured again. */
    async adjust(
      captureId: string,
      nudge: Required<Nudge>,
      background?: string | null
    ): Promise<CaptureView> {
      const p = pendingOf(captureId)
      const spec = await specs.get(p.specId)
      const colour = background === undefined ? p.background : background
      p.result = await processPhoto(p.still, spec, {
        nudge,
        face: p.result.face,
        background: rgbOf(colour)
      })
      p.nudge = nudge
      p.background = colour
      return view(captureId, p)
    },

    /** Keeps the shot: the JPEG in the data folder, a row with its measurements, an audit row. */
    async accept(
      captureId: string,
      operatorId: string | null,
      extra: { subjectRef?: string | undefined; note?: string | undefined } = {}
    ): Promise<PhotoView> {
      const p = pendingOf(captureId)
      const id = randomUUID()
      const at = now().toISOString()
      const file = `${id}.jpg`
      writePrivateFile(
        join(photoDir, file),
        context.cipher.sealFile(p.result.jpeg, `photos/${file}`)
      )
      const { report } = p.result
      const row = {
        id,
        specId: p.specId,
        takenAt: at,
        operatorId,
        file,
        bytes: report.bytes,
        quality: report.quality,
        passed: report.ok,
        report: JSON.stringify(report),
        subjectRef: extra.subjectRef ?? null,
        note: extra.note ?? null,
        deviceId
      }
      try {
        db.transaction((tx) => {
          tx.insert(photos).values(row).run()
          appendAudit(tx, deviceId, at, {
            operatorId,
            action: 'photo.create',
            entity: 'photo',
            entityId: id,
            detail: {
              spec: p.specId,
              passed: report.ok,
              bytes: report.bytes,
              failed: report.rules.filter((r) => !r.pass).map((r) => r.key),
              subjectRef: row.subjectRef
            }
          })
        })
      } catch (error) {
        rmSync(join(photoDir, file), { force: true })
        throw error
      }
      pending.delete(captureId)
      const name = operatorId
        ? (db.select().from(operators).where(eq(operators.id, operatorId)).get()?.displayName ??
          null)
        : null
      return rowView(byId(id), name)
    },

    async list(input: { page: number; pageSize: number; subjectRef?: string | undefined }) {
      const where = and(
        isNull(photos.removedAt),
        input.subjectRef ? eq(photos.subjectRef, input.subjectRef) : undefined
      )
      const total = db.select({ n: count() }).from(photos).where(where).get()?.n ?? 0
      const rows = db
        .select({ photo: photos, operatorName: operators.displayName })
        .from(photos)
        .leftJoin(operators, eq(photos.operatorId, operators.id))
        .where(where)
        .orderBy(desc(photos.takenAt))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .all()
      const names = readPcNames(db)
      return { total, rows: rows.map((r) => rowView(r.photo, r.operatorName, names)) }
    },

    async image(id: string) {
      const row = byId(id)
      return {
        image: dataUrl(jpegOf(row)),
        report: JSON.parse(row.report) as ReportView
      }
    },

    /**
     * Removes a kept photo (the renderer asks first), by its taker or an administrator only. The
     * removal is soft: row and file stay for the audit; lists, views, exports and sheets skip it.
     */
    async remove(id: string, actor: PhotoActor): Promise<null> {
      const row = byId(id)
      if (row.operatorId !== actor.id && actor.role !== 'admin')
        throw new AppError('FORBIDDEN', '只有拍摄这张照片的民警或系统管理员可以删除它')
      const at = now().toISOString()
      db.transaction((tx) => {
        tx.update(photos)
          .set({ removedAt: at, removedBy: actor.id })
          .where(and(eq(photos.id, id), isNull(photos.removedAt)))
          .run()
        appendAudit(tx, deviceId, at, {
          operatorId: actor.id,
          action: 'photo.delete',
          entity: 'photo',
          entityId: id,
          detail: {
            spec: row.specId,
            takenAt: row.takenAt,
            takenBy: row.operatorId,
            subjectRef: row.subjectRef,
            soft: true
          }
        })
      })
      return null
    },

    /** Copies a kept photo unchanged (so its dpi and size stay as checked) to exports/; audited. */
    async exportFile(id: string, operatorId: string | null): Promise<{ file: string }> {
      const row = byId(id)
      const at = now().toISOString()
      mkdirSync(exportDir, { recursive: true })
      const file = join(exportDir, `${row.specId}-${row.takenAt.replace(/[:.]/g, '-')}.jpg`)
      writeFileSync(file, jpegOf(row), { mode: 0o600 })
      db.transaction((tx) =>
        appendAudit(tx, deviceId, at, {
          operatorId,
          action: 'photo.export',
          entity: 'photo',
          entityId: id,
          detail: { file }
        })
      )
      return { file }
    },

    /** A print sheet PDF of kept photos, written to the data folder's exports/; audited. */
    async sheet(
      input: { ids: string[]; size: SheetSize; copies: number; gapMm: number },
      operatorId: string | null
    ) {
      const rows = input.ids.map(byId)
      const items = await Promise.all(
        rows.map(async (row) => {
          const spec = await specs.get(row.specId)
          return {
            jpeg: jpegOf(row),
            widthMm: spec.widthMm,
            heightMm: spec.heightMm,
            copies: input.copies
          }
        })
      )
      const { pdf, layout } = await renderSheet(items, {
        size: input.size,
        gapMm: input.gapMm,
        title: '证件照相纸'
      })
      const at = now().toISOString()
      mkdirSync(exportDir, { recursive: true })
      const file = join(exportDir, `photo-sheet-${at.replace(/[:.]/g, '-')}-${input.size}.pdf`)
      writeFileSync(file, pdf, { mode: 0o600 })
      db.transaction((tx) =>
        appendAudit(tx, deviceId, at, {
          operatorId,
          action: 'photo.sheet',
          entity: 'photo',
          detail: { ids: input.ids, size: input.size, copies: input.copies, file }
        })
      )
      return { file, photos: layout.slots.length, pages: layout.pages }
    }
  }
}

export type PhotoService = ReturnType<typeof createPhotoService>
