/**
 * 本所服务器 (issue #15): this PC's link to the station's PostgreSQL server. The administrator
 * enters and tests the server, then saves: the PC is linked once (its registers queued, see
 * uploader.ts) and uploads in the background; the status bar shows 离线（n 条待上传） while the
 * server cannot be reached. The password is sealed with this PC's data key (kept by the OS's
 * secret storage in the app) and never leaves main.
 */
import { eq } from 'drizzle-orm'
import type Database from 'better-sqlite3'
import pg from 'pg'
import { AppError } from '../../shared/errors'
import type { Progress } from '../../shared/ipc/contract'
import type {
  StationCheckReport,
  StationConflictView,
  StationServerConfig,
  StationStatus
} from '../../shared/station/config'
import { appendAudit } from '../audit/audit-repo'
import type { DataCipher } from '../crypto/cipher'
import type { Db } from '../db/client'
import { settings } from '../db/schema'
import { writeSetting } from '../settings/settings-repo'
import { pcNameOf, takePcNames } from './pc-names'
import { listStationAudit, verifyStationAudit, type StationAuditQuery } from './station-audit'
import {
  appliedServerMigrations,
  checkStationServer,
  describeConnectionError,
  knownServerMigrations,
  stationClientConfig
} from './server'
import { keyFingerprint } from '../keys/key-vault'
import { establishStationKey, readServerKey, type StationKeyResult } from './station-key'
import { createTranscoder, stationKeySide, type KeySide } from './transcode'
import { downloadFeed } from './downloader'
import type { StationAddresses } from './addresses'
import { afterTaken, pullVersioned, versionedTable, type PulledRecords } from './versioned'
import {
  describeGuideDifferences,
  GUIDE_DOCUMENT_KEY,
  mergeGuideDocuments,
  storeGuideDocument,
  storedGuideDocument
} from '../guide/guide-document'
import { isLinked, linkStation, outboxCount, uploadOutbox } from './uploader'

const SETTING_KEY = 'stationServer'
const PASSWORD_PLACE = 'settings.stationServer.password'
const STATION_KEY_PLACE = 'settings.stationServer.stationKey'

interface StoredStation {
  config: StationServerConfig
  sealedPassword: string
  /** The station key (station-key.ts), sealed with this PC's data key. */
  sealedStationKey?: string
}

export interface StationServiceDeps {
  db: Db
  sqlite: Database.Database
  deviceId: string
  now: () => Date
  cipher: DataCipher
  /** This PC's side of the recoding to the station key: its field cipher and audit mac key. */
  localKeys: KeySide
  /** drizzle-pg: the server schema this build expects. */
  serverMigrationsFolder: string
  /**
   * Background upload every this many ms while linked, and a LISTEN connection for other PCs'
   * changes (a round right after each notice); 0 = only on demand.
   */
  uploadIntervalMs: number
  /** The address service's side of a download (the station's address rows). */
  addresses: StationAddresses
  /** Operators on this PC (the operators repository's count): joining needs none. */
  operatorCount: () => Promise<number>
  onError?: (message: string) => void
  /** A round took newer station-wide settings or photo specs (the windows re-read them). */
  onChange?: (change: StationChange) => void
  /** Other PCs' rows being taken (a joining PC takes the whole station's): how far. */
  onProgress?: (progress: Progress) => void
}

export interface StationChange extends Omit<PulledRecords, 'problems'> {
  /** Other PCs' register rows and changes taken this round, per table. */
  registers: Record<string, number>
}

/** A lost LISTEN connection is opened again after this long. */
const LISTEN_RETRY_MS = 5000
/** Notices arriving together start one round. */
const NOTICE_DELAY_MS = 200

export function createStationService(deps: StationServiceDeps) {
  const { db, sqlite, deviceId, now, cipher } = deps
  let lastAttempt: StationStatus['lastAttempt'] = null
  let running: Promise<StationStatus> | null = null
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  let listener: pg.Client | null = null
  let listenRetry: NodeJS.Timeout | null = null
  let noticed: NodeJS.Timeout | null = null
  let listening = false

  const stored = (): StoredStation | null => {
    const row = db.select().from(settings).where(eq(settings.key, SETTING_KEY)).get()
    if (!row) return null
    try {
      return JSON.parse(row.value) as StoredStation
    } catch {
      return null
    }
  }

  const conflictCount = () =>
    (
      sqlite
        .prepare('SELECT count(*) AS n FROM station_conflicts WHERE resolved_at IS NULL')
        .get() as { n: number }
    ).n

  const status = (): StationStatus => {
    const station = stored()
    const linked = isLinked(sqlite)
    return {
      configured: station !== null,
      server: station
        ? `${station.config.host}:${station.config.port}/${station.config.database}`
        : null,
      linked,
      pending: linked ? outboxCount(sqlite) : 0,
      conflicts: conflictCount(),
      uploading: running !== null,
      lastAttempt
    }
  }

  /** The password typed now, else the stored one when the server and user are unchanged. */
  const passwordFor = (config: StationServerConfig, typed?: string): string => {
    if (typed) return typed
    const station = stored()
    const same =
      station &&
      station.config.host === config.host &&
      station.config.port === config.port &&
      station.config.user === config.user
    if (!same) {
      throw new AppError('VALIDATION', '输入有误（password）：请填写密码', {
        password: '请填写密码'
      })
    }
    return cipher.openText(station.sealedPassword, PASSWORD_PLACE)
  }

  /** A client for the stored server (not connected yet). */
  const clientFor = (station: StoredStation) =>
    new pg.Client(
      stationClientConfig(station.config, cipher.openText(station.sealedPassword, PASSWORD_PLACE))
    )

  const connectTo = async (config: StationServerConfig, password: string) => {
    const client = new pg.Client(stationClientConfig(config, password))
    client.on('error', () => undefined)
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => undefined)
      throw new AppError('VALIDATION', describeConnectionError(error, config))
    }
    return client
  }

  const connect = (station: StoredStation) =>
    connectTo(station.config, cipher.openText(station.sealedPassword, PASSWORD_PLACE))

  /** A read on the server for one call: refused with a message when none is set or reachable. */
  const withServer = async <T>(
    read: (client: pg.Client, station: StoredStation) => Promise<T>
  ): Promise<T> => {
    const station = stored()
    if (!station) throw new AppError('VALIDATION', '本机没有连接本所服务器：只能查看本机的审计日志')
    const client = await connect(station)
    try {
      return await read(client, station)
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  const heldStationKey = (station: StoredStation | null): Buffer | null =>
    station?.sealedStationKey
      ? Buffer.from(cipher.openText(station.sealedStationKey, STATION_KEY_PLACE), 'base64')
      : null

  /** The recoding to the station key, after checking the server still has the same key. */
  const transcoderFor = async (station: StoredStation, client: pg.Client) => {
    const key = heldStationKey(station)
    if (!key) {
      throw new AppError(
        'VALIDATION',
        '本机还没有本所密钥：请管理员在 设置 → 本所服务器 输入本所密钥口令后保存，登记才会上传'
      )
    }
    const onServer = await readServerKey(client)
    if (onServer?.fingerprint !== keyFingerprint(key)) {
      throw new AppError(
        'VALIDATION',
        '服务器上的本所密钥与本机保存的不同（服务器被重建或换成了另一个所的）：登记暂不上传，请管理员检查服务器后在 设置 → 本所服务器 重新保存'
      )
    }
    const stationSide = stationKeySide(key)
    return {
      up: createTranscoder(deps.localKeys, stationSide),
      down: createTranscoder(stationSide, deps.localKeys)
    }
  }

  let knownMigrations: number | null = null
  /** A round needs the server's schema this build was made for: older or newer, nothing moves. */
  const checkServerSchema = async (client: pg.Client) => {
    knownMigrations ??= knownServerMigrations(deps.serverMigrationsFolder)
    const applied = (await appliedServerMigrations(client)) ?? 0
    if (applied < knownMigrations) {
      throw new AppError(
        'VALIDATION',
        `服务器需要迁移（已应用 ${applied} / ${knownMigrations} 个）：请本所的 IT 人员运行 station:migrate；在此之前登记保存在本机，稍后上传`
      )
    }
    if (applied > knownMigrations) {
      throw new AppError(
        'VALIDATION',
        `服务器架构比本程序新（${applied} > ${knownMigrations}）：请升级本程序；在此之前登记保存在本机，稍后上传`
      )
    }
  }

  const upload = async (): Promise<StationStatus> => {
    if (stopped) return status()
    const station = stored()
    if (!station || !isLinked(sqlite)) return status()
    const at = now().toISOString()
    try {
      const client = await connect(station)
      try {
        await checkServerSchema(client)
        const keys = await transcoderFor(station, client)
        // The guide edited here but not yet in its station document (see guide-document.ts).
        db.transaction((tx) => storeGuideDocument(tx, at, null, false))
        const sendQueue = () =>
          uploadOutbox({
            sqlite,
            db,
            server: client,
            deviceId,
            pcName: pcNameOf(station.config.pcName),
            now,
            transcoder: keys.up,
            addresses: deps.addresses
          })
        const result = await sendQueue()
        // Then the station-wide settings and photo specs other PCs changed, and their registers.
        const pulled = await pullVersioned({ sqlite, db, server: client, deviceId, at })
        const taken = pulled.settings.length + pulled.photoSpecs.length
        const downloaded = await downloadFeed({
          sqlite,
          db,
          server: client,
          deviceId,
          transcoder: keys.down,
          addresses: deps.addresses,
          at,
          ...(deps.onProgress ? { onProgress: deps.onProgress } : {})
        })
        await takePcNames(db, client, at)
        const registers = { ...downloaded.taken }
        if (downloaded.changed > 0) registers.changes = downloaded.changed
        const entries = Object.values(registers).reduce((sum, n) => sum + n, 0)
        // A refused change leaves this PC with the server's value: the windows re-read it too.
        const followed = (table: string, keys: string[]) => [
          ...new Set([
            ...keys,
            ...[...result.refused, ...result.merged]
              .filter((r) => r.table === table)
              .map((r) => r.key)
          ])
        ]
        if (taken + entries + downloaded.skipped > 0) {
          // The audit rows of what was taken go up in the same round (with any change made
          // meanwhile, whose refusal or merge counts with the first upload's).
          const again = await sendQueue()
          result.conflicts.push(...again.conflicts)
          result.refused.push(...again.refused)
          result.merged.push(...again.merged)
          result.rebased.push(...again.rebased)
        }
        if (taken + entries + result.refused.length + result.merged.length > 0) {
          deps.onChange?.({
            settings: followed('settings', pulled.settings),
            photoSpecs: followed('photo_specs', pulled.photoSpecs),
            registers
          })
        }
        const differing = result.conflicts.length + result.refused.length
        lastAttempt = {
          at,
          ok: true,
          message: [
            `已上传 ${result.uploaded} 条`,
            differing > 0
              ? `${differing} 条与服务器上另一台电脑的修改不同，已保留服务器的版本，本机的值列在“与服务器不同的记录”里`
              : null,
            result.merged.length > 0
              ? '本机对办事指南的修改与另一台电脑的修改互不相关，已合并后上传'
              : null,
            result.rebased.length > 0
              ? `${result.rebased.length} 条登记在本机更正时，另一台电脑已先更正了同一条：两次更正都已保存，本机的在后、为当前版本，请核对`
              : null,
            taken > 0 ? `已从服务器更新 ${taken} 项本所设置或照片规格` : null,
            ...pulled.problems,
            entries > 0 ? `已从服务器取得其他电脑的 ${entries} 条登记或修改` : null,
            downloaded.mended > 0
              ? `其中 ${downloaded.mended} 条含不合规的文字，已清理后保存，列在“与服务器不同的记录”里`
              : null
          ]
            .filter(Boolean)
            .join('；')
        }
      } finally {
        await client.end().catch(() => undefined)
      }
    } catch (error) {
      const message = error instanceof AppError ? error.message : `上传失败：${String(error)}`
      lastAttempt = { at, ok: false, message }
      deps.onError?.(message)
    }
    return status()
  }

  /** One upload at a time; a call during one waits for it. */
  const uploadNow = (): Promise<StationStatus> => {
    running ??= upload().finally(() => {
      running = null
    })
    return running
  }

  const startTimer = () => {
    if (timer || deps.uploadIntervalMs <= 0 || !stored()) return
    // A failure is kept in lastAttempt; this only catches one after stop() (the database closed).
    timer = setInterval(() => void uploadNow().catch(() => undefined), deps.uploadIntervalMs)
    timer.unref()
  }

  /** One round soon after other PCs' notices (several arriving together start one). */
  const roundSoon = () => {
    if (noticed || stopped) return
    noticed = setTimeout(() => {
      noticed = null
      // A round under way may have pulled before the noticed change committed: one more after it.
      const after = running ? running.catch(() => undefined) : Promise.resolve()
      void after.then(() => uploadNow()).catch(() => undefined)
    }, NOTICE_DELAY_MS)
    noticed.unref()
  }

  /**
   * LISTEN for other PCs' changes (drizzle-pg/0007) on a connection of its own, opened again
   * when it is lost; each notice from another PC starts a round, which pulls what changed.
   */
  const listen = async (): Promise<void> => {
    if (stopped || listener || listenRetry || deps.uploadIntervalMs <= 0) return
    const station = stored()
    if (!station || !isLinked(sqlite)) return
    const client = clientFor(station)
    listener = client
    const lost = () => {
      if (listener !== client) return
      listener = null
      listening = false
      void client.end().catch(() => undefined)
      if (stopped) return
      listenRetry = setTimeout(() => {
        listenRetry = null
        void listen()
      }, LISTEN_RETRY_MS)
      listenRetry.unref()
    }
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', (notice) => {
      try {
        const { device } = JSON.parse(notice.payload ?? '{}') as { device?: string | null }
        if (device === deviceId) return
      } catch {
        // a notice not of ours: a round costs little
      }
      roundSoon()
    })
    try {
      await client.connect()
      await client.query('LISTEN bianmin_changes')
      listening = listener === client
      // What other PCs changed while this one was not listening.
      roundSoon()
    } catch {
      lost()
    }
  }

  const stopListening = () => {
    if (listenRetry) clearTimeout(listenRetry)
    listenRetry = null
    const client = listener
    listener = null
    listening = false
    void client?.end().catch(() => undefined)
  }

  /** A PC joins only a station set up already: its key made, an administrator able to sign in. */
  const checkJoinable = async (client: pg.ClientBase) => {
    if (!(await readServerKey(client))) {
      throw new AppError(
        'VALIDATION',
        '这台服务器还没有本所密钥：请先在第一台电脑上创建系统管理员，并在“设置 → 本所服务器”中连接'
      )
    }
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM operators WHERE role = 'admin' AND active`
    )
    if (!rows[0]!.n) {
      throw new AppError('VALIDATION', '这台服务器上还没有可用的系统管理员账户，无法加入')
    }
  }

  startTimer()
  void listen()

  const service = {
    status,

    get(): { config: StationServerConfig | null; hasPassword: boolean; hasStationKey: boolean } {
      const station = stored()
      return {
        config: station?.config ?? null,
        hasPassword: station !== null,
        hasStationKey: Boolean(station?.sealedStationKey)
      }
    },

    async test(config: StationServerConfig, password?: string): Promise<StationCheckReport> {
      return checkStationServer(config, passwordFor(config, password), {
        migrationsFolder: deps.serverMigrationsFolder
      })
    },

    /**
     * Saves the server after a passing check and with the station key (made by the first PC, with
     * the passphrase; unwrapped with it by the others), links this PC (queues its registers once)
     * and uploads. Refused, with nothing changed on this PC, when the check does not pass or the
     * passphrase is wrong. `actorId` null: joining at first start (join), which needs a station
     * that already has its key and an active administrator.
     */
    async save(
      config: StationServerConfig,
      password: string | undefined,
      passphrase: string | undefined,
      actorId: string | null
    ): Promise<{ report: StationCheckReport; status: StationStatus }> {
      const secret = passwordFor(config, password)
      const report = await checkStationServer(config, secret, {
        migrationsFolder: deps.serverMigrationsFolder
      })
      if (!report.ok) return { report, status: status() }
      const schema = report.items.find((item) => item.key === 'schema')
      if (schema && schema.level !== 'ok') {
        throw new AppError('VALIDATION', `${schema.message}：请先运行 station:migrate`)
      }
      const at = now().toISOString()
      const client = await connectTo(config, secret)
      let stationKey: StationKeyResult
      try {
        if (actorId === null) await checkJoinable(client)
        stationKey = await establishStationKey(client, {
          passphrase,
          held: heldStationKey(stored()),
          deviceId,
          at
        })
      } finally {
        await client.end().catch(() => undefined)
      }
      db.transaction((tx) => {
        const value: StoredStation = {
          config,
          sealedPassword: cipher.sealText(secret, PASSWORD_PLACE),
          sealedStationKey: cipher.sealText(stationKey.key.toString('base64'), STATION_KEY_PLACE)
        }
        writeSetting(tx, SETTING_KEY, value, at, actorId)
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'station.configure',
          entity: 'settings',
          entityId: SETTING_KEY,
          detail: {
            ...config,
            caPem: config.caPem ? '(PEM)' : undefined,
            password: '(sealed)',
            stationKey: stationKey.created ? 'created' : 'joined',
            ...(actorId === null ? { atFirstStart: true } : {}),
            stationKeyFingerprint: keyFingerprint(stationKey.key).slice(0, 16)
          }
        })
        // A guide edited here before linking goes up with the rest (guide-document.ts).
        storeGuideDocument(tx, at, actorId, false)
        const linked = linkStation(sqlite, deviceId, at)
        if (linked.linked) {
          appendAudit(tx, deviceId, at, {
            operatorId: actorId,
            action: 'station.link',
            entity: 'station',
            entityId: deviceId,
            detail: {
              queued: linked.queued,
              server: `${config.host}:${config.port}/${config.database}`
            }
          })
        }
      })
      startTimer()
      // The server may have changed: listen there.
      stopListening()
      void listen()
      return { report, status: await uploadNow() }
    },

    /**
     * 加入本所服务器 at first start, instead of setting up an administrator: allowed only while this
     * PC has no operator. The station's accounts arrive in the first round and sign in here.
     */
    async join(
      config: StationServerConfig,
      password: string | undefined,
      passphrase: string | undefined
    ): Promise<{ report: StationCheckReport; status: StationStatus; accounts: number }> {
      if ((await deps.operatorCount()) > 0) {
        throw new AppError(
          'FORBIDDEN',
          '本机已有操作员：请由系统管理员登录后在“设置 → 本所服务器”中连接'
        )
      }
      const result = await service.save(config, password, passphrase, null)
      return { ...result, accounts: await deps.operatorCount() }
    },

    uploadNow,

    /** 全所审计日志: a page of every PC's uploaded audit rows, read on the server. */
    async auditList(query: StationAuditQuery) {
      return withServer((client) => listStationAudit(client, query))
    },

    /** Every PC's chain on the server verified, macs under the station key this PC holds. */
    async auditVerify(onProgress?: (progress: Progress) => void) {
      return withServer(async (client, station) => {
        const key = heldStationKey(station)
        if (!key) {
          throw new AppError(
            'VALIDATION',
            '本机还没有本所密钥：请管理员在 设置 → 本所服务器 输入本所密钥口令后保存'
          )
        }
        return verifyStationAudit(client, stationKeySide(key).chainKey, onProgress)
      })
    },

    /** Changes the server kept differently, not dealt with yet: per column, this PC's and the server's. */
    conflicts(): StationConflictView[] {
      const rows = sqlite
        .prepare(
          `SELECT id, tbl, pk, local, server, at FROM station_conflicts WHERE resolved_at IS NULL
           ORDER BY at DESC, seq DESC LIMIT 200`
        )
        .all() as {
        id: string
        tbl: string
        pk: string
        local: string
        server: string
        at: string
      }[]
      return rows.map((row) => {
        const local = JSON.parse(row.local) as Record<string, unknown>
        const server = (JSON.parse(row.server) ?? {}) as Record<string, unknown>
        if (row.tbl === 'settings' && row.pk === GUIDE_DOCUMENT_KEY) {
          // The guide's documents, as the categories and businesses that differ.
          return {
            id: row.id,
            table: row.tbl,
            key: row.pk,
            at: row.at,
            canSendLocal: true,
            fields: describeGuideDifferences(String(local.value), String(server.value))
          }
        }
        return {
          id: row.id,
          table: row.tbl,
          key: row.pk,
          at: row.at,
          canSendLocal: versionedTable(row.tbl) !== undefined,
          fields: Object.keys(server)
            .filter((column) => column !== 'version')
            .filter((column) => local[column] !== null && local[column] !== server[column])
            .map((column) => ({
              column,
              local: local[column] == null ? null : String(local[column]),
              server: server[column] == null ? null : String(server[column])
            }))
        }
      })
    },

    /**
     * Keeps the server's value (the conflict is closed), or, for a station-wide setting, makes this
     * PC's value a new change over the server's current version and uploads it.
     */
    async resolveConflict(
      id: string,
      keep: 'local' | 'server',
      actor: { id: string; role: string }
    ): Promise<StationStatus> {
      const conflict = sqlite
        .prepare(
          'SELECT tbl, pk, local, server FROM station_conflicts WHERE id = ? AND resolved_at IS NULL'
        )
        .get(id) as { tbl: string; pk: string; local: string; server: string } | undefined
      if (!conflict) throw new AppError('NOT_FOUND', '这条冲突已处理过或不存在')
      const table = versionedTable(conflict.tbl)
      if (keep === 'local') {
        if (!table) {
          throw new AppError(
            'VALIDATION',
            conflict.tbl === 'address_changes'
              ? '地址对照以服务器上先到的修改为准：如本机的仍然对，请在地址对照中再改一次'
              : conflict.tbl === 'logbook_committees'
                ? '居委会以服务器上先到的修改为准：如本机的仍然对，请在居委会列表中再改一次'
                : '登记簿的签字以服务器上先到的为准，只能确认保留服务器的'
          )
        }
        if (actor.role !== 'admin') {
          throw new AppError('FORBIDDEN', '改用本机的设置需要管理员')
        }
      }
      const at = now().toISOString()
      db.transaction((tx) => {
        if (keep === 'local' && table) {
          const local = JSON.parse(conflict.local) as Record<string, string>
          if (conflict.tbl === 'settings' && conflict.pk === GUIDE_DOCUMENT_KEY) {
            // This PC's parts that differed from the server's then, over the guide as it is now
            // (edits made since, here or on other PCs, stay).
            const then = (JSON.parse(conflict.server) as Record<string, string>)[table.value]!
            const now = storedGuideDocument(tx)!
            const kept = mergeGuideDocuments(then, local[table.value]!, now, { preferLocal: true })
            if (kept === null) {
              throw new AppError(
                'VALIDATION',
                '本机的办事指南与现在的不能合在一起（菜单号或类别冲突）：请在办事指南中直接修改后保存'
              )
            }
            local[table.value] = kept
          }
          // Same version as the server's now: the trigger queues it over that version.
          sqlite
            .prepare(
              `UPDATE ${table.name} SET ${table.value} = ?, updated_at = ?, updated_by = ?
               WHERE ${table.key} = ?`
            )
            .run(local[table.value], at, actor.id, conflict.pk)
          afterTaken(
            tx,
            { table, key: conflict.pk, value: local[table.value]!, by: actor.id },
            { deviceId, at }
          )
        }
        sqlite
          .prepare(
            `UPDATE station_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?
             WHERE id = ?`
          )
          .run(at, actor.id, keep, id)
        appendAudit(tx, deviceId, at, {
          operatorId: actor.id,
          action: 'station.conflict.resolve',
          entity: conflict.tbl,
          entityId: conflict.pk,
          detail: { conflictId: id, keep }
        })
      })
      if (keep === 'server') return status()
      // This PC's value is back in its tables (the guide applied): the windows re-read it.
      if (table) {
        deps.onChange?.({
          settings: table.name === 'settings' ? [conflict.pk] : [],
          photoSpecs: table.name === 'photo_specs' ? [conflict.pk] : [],
          registers: {}
        })
      }
      // A round already under way may have read the queue before this change: send after it.
      if (running) await running.catch(() => undefined)
      return uploadNow()
    },

    /** Listening for other PCs' changes (live updates). */
    listening: () => listening,

    stop() {
      stopped = true
      if (timer) clearInterval(timer)
      timer = null
      if (noticed) clearTimeout(noticed)
      noticed = null
      stopListening()
    }
  }
  return service
}

export type StationService = ReturnType<typeof createStationService>
