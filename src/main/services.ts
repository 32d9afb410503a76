import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { AppError } from '../shared/errors'
import { checkIntegrity, openDatabase } from './db/client'
import { latestBackup, rotateDailyBackup, sealPlaintextBackups } from './db/backup'
import { createDataCipher, createPlainCipher } from './crypto/cipher'
import { sealExistingData } from './crypto/seal-existing'
import { tightenPermissions } from './crypto/permissions'
import { dataPaths, resolveInside } from './paths'
import { createCalendarService } from './calendar/calendar-service'
import { createSchedulesRepo } from './calendar/schedules-repo'
import { bindAuditKey, createAuditRepo } from './audit/audit-repo'
import {
  copyCheckpointsBeside,
  createCheckpointWriter,
  pruneCheckpointCopies
} from './audit/checkpoints'
import { createOperatorRepo } from './auth/operators-repo'
import { createAuthService } from './auth/auth-service'
import { createSettingsRepo } from './settings/settings-repo'
import { createLogbooksRepo } from './logbooks/logbooks-repo'
import { createLogbooksService } from './logbooks/logbooks-service'
import { createAddressService } from './address/service'
import { createSpecRepo } from './photo/spec-repo'
import { createPhotoService } from './photo/photo-service'
import type { CameraConfig } from './photo/camera'
import type { AuthStatus, Progress } from '../shared/ipc/contract'
import { stationDate } from '../shared/dates'
import { createGuideRepo } from './guide/guide-repo'
import { createGuideService } from './guide/guide-service'
import { GUIDE_DOCUMENT_KEY } from './guide/guide-document'
import { sampleGuide } from './guide/seed'
import { createStaffService } from './staff/staff-service'
import { createAppLog } from './app-log'
import { createQueueService, FOLLOWUP_RULE } from './queue/queue-service'
import { defaultKeyStorage, openKeyVault, type KeyStorage, type KeyVault } from './keys/key-vault'
import { createSlipPrinting, type SystemPrinter } from './queue/printing'
import { createStationService, type StationChange } from './station/station-service'

export interface ServiceOptions {
  dataDir: string
  migrationsFolder: string
  /** Seed data shipped with the app; defaults to `resources/` beside the migrations. */
  resourcesDir?: string
  appVersion: string
  nativeBinding?: string
  now?: () => Date
  onSessionChange?: (status: AuthStatus) => void
  /** Opens a file in the system viewer (Electron's shell.openPath); absent in tests and the CLI. */
  openPath?: (file: string) => Promise<void>
  /** Silent printing on a system printer (Electron's webContents.print); absent in tests and the CLI. */
  systemPrinter?: SystemPrinter
  /** Fixed camera settings for the photo booth (tests; otherwise the stored settings apply). */
  camera?: Partial<CameraConfig>
  /**
   * Where the data key is kept: Electron's safeStorage in the app; by default the environment
   * variable BIANMIN_DATA_KEY, else BIANMIN_KEY_FILE, else `<data>/keys/data.key` (0600).
   */
  keyStorage?: KeyStorage
  /** Test harness only: `photo.setCamera` may choose a `file:` still. Never set by the app. */
  allowFileCamera?: boolean
  /** Test harness only: the system's camera list. */
  detectCameras?: () => Promise<string[]>
  /**
   * Stores ID and phone numbers and photos unencrypted: only for the forms benchmark's same-run
   * baseline on a fresh database. Never set by the app or the CLI.
   */
  benchmarkWithoutEncryption?: boolean
  /** Background upload to the station server every this many ms once linked (0: on demand only). */
  stationUploadIntervalMs?: number
  /** Newer station-wide settings were taken from the station server (main tells the windows). */
  onStationChange?: (change: StationChange) => void
  /** Other PCs' rows being taken from the station server: how far (main tells the windows). */
  onStationProgress?: (progress: Progress) => void
  /** Audit rows verified so far, this PC's or the station's (main tells the window). */
  onAuditProgress?: (progress: Progress) => void
  /** The hall display was switched on or off here (main opens or closes its window). */
  onHallDisplayChange?: () => void
}

/**
 * Everything behind the IPC boundary, free of Electron: the app, the CLI and the tests all start
 * here. Opening refuses a newer schema, copies the database before migrating it, and migrates.
 */
export async function createServices(options: ServiceOptions) {
  const now = options.now ?? (() => new Date())
  const paths = dataPaths(options.dataDir)
  // Readable by this account only: the folder 0700; a new database file created 0600 before
  // SQLite opens it (its WAL and -shm take the database file's mode).
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
  chmodSync(paths.dataDir, 0o700)
  const fresh = !existsSync(paths.databasePath)
  if (fresh) writeFileSync(paths.databasePath, '', { mode: 0o600 })
  chmodSync(paths.databasePath, 0o600)
  const { sqlite, db, schemaVersion } = await openDatabase({
    file: paths.databasePath,
    migrationsFolder: options.migrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    beforeMigrate: async (raw) => {
      if (raw.pragma('user_version', { simple: true }) === 0) return
      // Plaintext until the key is open below, then sealed by sealPlaintextBackups.
      mkdirSync(paths.backupDir, { recursive: true, mode: 0o700 })
      await raw.backup(`${paths.backupDir}/bianmin-before-migration-${Date.now()}.sqlite`)
    }
  })
  const log = createAppLog(paths.logDir, now)
  const settings = createSettingsRepo({ db, now })
  const deviceId = settings.deviceId()
  let keys: KeyVault
  try {
    keys = openKeyVault({
      storage: options.keyStorage ?? defaultKeyStorage(paths.dataDir),
      expectedFingerprint: settings.keyFingerprint()
    })
  } catch (error) {
    sqlite.close()
    throw error
  }
  settings.recordKeyFingerprint(keys.fingerprint)
  const cipher = options.benchmarkWithoutEncryption ? createPlainCipher() : createDataCipher(keys)
  bindAuditKey(sqlite, keys.key('audit-chain'))
  const audit = createAuditRepo({
    db,
    deviceId,
    now,
    chainKey: keys.key('audit-chain'),
    checkpointKey: keys.key('audit-checkpoint'),
    checkpointFile: paths.checkpointFile
  })
  const checkpoints = createCheckpointWriter({
    file: paths.checkpointFile,
    key: keys.key('audit-checkpoint'),
    source: audit,
    deviceId,
    now
  })
  // A database from before macs existed is sealed once and a first checkpoint signed at once.
  if (audit.anchorLegacyRows(checkpoints.exists()) !== null) checkpoints.force()
  const operators = createOperatorRepo({ db, deviceId, now })
  const photoSpecs = createSpecRepo({ db, deviceId, now })
  const photo = createPhotoService({
    db,
    deviceId,
    now,
    dataDir: paths.dataDir,
    specs: photoSpecs,
    cipher,
    ...(options.camera ? { camera: options.camera } : {}),
    ...(options.allowFileCamera ? { allowFileCamera: true } : {}),
    ...(options.detectCameras ? { detectCameras: options.detectCameras } : {})
  })
  const calendar = createCalendarService({
    schedules: createSchedulesRepo({ db, deviceId, now }),
    audit,
    exportDir: paths.exportDir,
    stationName: async () => (await settings.get()).stationName,
    now
  })
  const auth = createAuthService({
    operators,
    audit,
    now,
    idleLockMinutes: async () => (await settings.get()).idleLockMinutes,
    ...(options.onSessionChange ? { onChange: options.onSessionChange } : {})
  })
  /** Opens a document the app wrote; anything outside the exports folder is refused. */
  const openDocument = async (file: string) => {
    const inside = resolveInside(
      paths.exportDir,
      relative(paths.exportDir, file).split(sep).join('/')
    )
    if (!inside || inside !== resolve(file) || !existsSync(inside)) {
      throw new AppError('NOT_FOUND', '找不到该文件，或它不在导出目录中')
    }
    if (!options.openPath) throw new AppError('INTERNAL', '此环境无法打开文件')
    await options.openPath(inside)
  }

  const guideRepo = createGuideRepo({ db, deviceId, now })
  await guideRepo.seedIfEmpty(sampleGuide())
  const guide = createGuideService({
    repo: guideRepo,
    settings,
    audit,
    exportDir: paths.exportDir,
    now,
    openDocument: options.openPath ? openDocument : undefined
  })

  const logbooksRepo = createLogbooksRepo({ db, deviceId, now, cipher })
  const logbooks = {
    repo: logbooksRepo,
    service: createLogbooksService({
      repo: logbooksRepo,
      auth,
      now,
      workCalendar: () => calendar.workCalendar(),
      // Read at each call: the staff service (below) keeps the office hours.
      officeHours: () => staff.config().officeHours
    })
  }
  const staff = createStaffService({
    db,
    deviceId,
    now,
    logbooks: logbooksRepo,
    workCalendar: () => calendar.workCalendar(),
    cipher
  })
  const queue = createQueueService({
    db,
    deviceId,
    now,
    stationName: async () => (await settings.get()).stationName,
    cipher,
    // A poor rating becomes a 监督投诉 entry with the QUEUE-RATING deadline (15 working days).
    openFollowup: async ({ occurredAt, phone, subject, clerkId }) => {
      const { entry } = await logbooks.service.create(
        {
          book: 'complaint',
          occurredAt,
          status: 'open',
          ruleCode: FOLLOWUP_RULE,
          fields: {
            complainantName: '评价群众',
            ...(phone ? { complainantPhone: phone } : {}),
            subject
          }
        },
        clerkId
      )
      return { id: entry.id, dueAt: entry.dueAt }
    }
  })
  const address = createAddressService({
    sqlite,
    db,
    databasePath: paths.databasePath,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    resourcesDir: join(
      options.resourcesDir ?? join(options.migrationsFolder, '..', 'resources'),
      'address'
    ),
    deviceId,
    now
  })

  if (cipher.enabled) {
    try {
      const sealed = sealExistingData({
        sqlite,
        db,
        deviceId,
        now,
        cipher,
        logbooks: logbooksRepo,
        photoDir: paths.photoDir,
        fresh
      })
      if (sealed.ran && sealed.entries + sealed.photos + sealed.other > 0) {
        log.info('crypto', 'stored ID and phone numbers and photos encrypted', sealed)
      }
      await sealPlaintextBackups(paths.backupDir, keys.key('backup-cipher'))
    } catch (error) {
      sqlite.close()
      throw error
    }
  }
  // Made here 0700, so the writers' own mkdirSync calls find them and keep that mode.
  for (const dir of [paths.backupDir, paths.exportDir, paths.logDir, paths.photoDir]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
  }
  tightenPermissions(paths.dataDir)

  const station = createStationService({
    db,
    sqlite,
    deviceId,
    now,
    cipher,
    localKeys: { cipher, chainKey: keys.key('audit-chain') },
    serverMigrationsFolder: join(options.migrationsFolder, '..', 'drizzle-pg'),
    uploadIntervalMs: options.stationUploadIntervalMs ?? 0,
    operatorCount: () => operators.count(),
    addresses: address.station,
    onError: (message) => log.warn('station', 'upload failed', { message }),
    ...(options.onStationProgress ? { onProgress: options.onStationProgress } : {}),
    onChange: (change) => {
      if (change.settings.includes(GUIDE_DOCUMENT_KEY)) guide.forgetSearchIndex()
      // An account taken from the server may be the one signed in here: disabled on another PC,
      // its session ends; a new name or role applies at once.
      const signedIn = auth.current()
      if (signedIn) {
        void auth
          .refresh(signedIn.operator.id)
          .catch((error: unknown) =>
            log.warn('station', 'session refresh failed', { message: String(error) })
          )
      }
      options.onStationChange?.(change)
    }
  })

  return {
    paths,
    log,
    deviceId,
    keys,
    cipher,
    schemaVersion,
    appVersion: options.appVersion,
    now,
    sqlite,
    db,
    settings,
    audit,
    /** `audit.verify` and `station.auditVerify` report how far they are through this. */
    onAuditProgress: options.onAuditProgress,
    onHallDisplayChange: options.onHallDisplayChange,
    operators,
    auth,
    calendar,
    openDocument,
    logbooks,
    guide,
    address,
    checkpoints,
    photoSpecs,
    photo,
    staff,
    queue,
    station,
    printing: createSlipPrinting({ system: options.systemPrinter }),
    /**
     * One encrypted copy a day, the last seven kept (restore: db/backup.ts restoreBackup), with a
     * fresh audit checkpoint beside each new copy.
     */
    backup: async () => {
      checkpoints.force()
      const result = await rotateDailyBackup(
        sqlite,
        paths.backupDir,
        stationDate(now()),
        keys.key('backup-cipher')
      )
      if (result.created) copyCheckpointsBeside(paths.checkpointFile, result.file)
      pruneCheckpointCopies(paths.backupDir)
      return result
    },
    lastBackup: () => latestBackup(paths.backupDir),
    integrity: () => checkIntegrity(sqlite),
    close: () => {
      station.stop()
      if (!sqlite.open) return
      try {
        checkpoints.force()
      } finally {
        sqlite.close()
      }
    }
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>
