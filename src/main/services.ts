import { mkdirSync } from 'node:fs'
import { checkIntegrity, openDatabase } from './db/client'
import { latestBackup, rotateDailyBackup } from './db/backup'
import { dataPaths } from './paths'
import { createAuditRepo } from './audit/audit-repo'
import { createOperatorRepo } from './auth/operators-repo'
import { createAuthService } from './auth/auth-service'
import { createSettingsRepo } from './settings/settings-repo'
import { createSpecRepo } from './photo/spec-repo'
import { createPhotoService } from './photo/photo-service'
import type { CameraConfig } from './photo/camera'
import type { AuthStatus } from '../shared/ipc/contract'
import { localDate } from '../shared/dates'

export interface ServiceOptions {
  dataDir: string
  migrationsFolder: string
  appVersion: string
  nativeBinding?: string
  now?: () => Date
  onSessionChange?: (status: AuthStatus) => void
  /** Fixed camera settings for the photo booth (tests; otherwise the stored settings apply). */
  camera?: Partial<CameraConfig>
}

/**
 * Everything behind the IPC boundary, free of Electron: the app, the CLI and the tests all start
 * here. Opening refuses a newer schema, copies the database before migrating it, and migrates.
 */
export async function createServices(options: ServiceOptions) {
  const now = options.now ?? (() => new Date())
  const paths = dataPaths(options.dataDir)
  mkdirSync(paths.dataDir, { recursive: true })
  const { sqlite, db, schemaVersion } = await openDatabase({
    file: paths.databasePath,
    migrationsFolder: options.migrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    beforeMigrate: async (raw) => {
      if (raw.pragma('user_version', { simple: true }) === 0) return
      mkdirSync(paths.backupDir, { recursive: true })
      await raw.backup(`${paths.backupDir}/bianmin-before-migration-${Date.now()}.sqlite`)
    }
  })
  const settings = createSettingsRepo({ db, now })
  const deviceId = settings.deviceId()
  const audit = createAuditRepo({ db, deviceId, now })
  const operators = createOperatorRepo({ db, deviceId, now })
  const photoSpecs = createSpecRepo({ db, deviceId, now })
  const photo = createPhotoService({
    db,
    deviceId,
    now,
    dataDir: paths.dataDir,
    specs: photoSpecs,
    ...(options.camera ? { camera: options.camera } : {})
  })
  const auth = createAuthService({
    operators,
    audit,
    now,
    ...(options.onSessionChange ? { onChange: options.onSessionChange } : {})
  })

  return {
    paths,
    deviceId,
    schemaVersion,
    appVersion: options.appVersion,
    now,
    sqlite,
    db,
    settings,
    audit,
    operators,
    auth,
    photoSpecs,
    photo,
    /** One copy a day, the last seven kept. */
    backup: () => rotateDailyBackup(sqlite, paths.backupDir, localDate(now())),
    lastBackup: () => latestBackup(paths.backupDir),
    integrity: () => checkIntegrity(sqlite),
    close: () => sqlite.close()
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>
