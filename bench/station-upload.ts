// The upload part of the station benchmark (bench/station.ts): one PC with the app's services
// (encrypted at rest, its own data folder and device id) is linked to the station, then writes
// `entries` phone-book entries while offline through services.logbooks.service.createMany (so the
// triggers queue the entries, their blind-index rows and their audit rows in station_outbox as
// the app's writes do), then uploadOutbox sends the queue to the server as the window role over
// TLS. Only uploadOutbox is timed; the server's rows and the device's audit chain are checked
// after the timing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { verifyDeviceChain } from '../src/main/station/chain'
import { createServices } from '../src/main/services'
import { linkStation, outboxCount, uploadOutbox } from '../src/main/station/uploader'
import { createTranscoder, stationKeySide } from '../src/main/station/transcode'
import { downloadFeed } from '../src/main/station/downloader'
import { GIVEN, MATTERS, phoneOf, STREETS, SURNAMES } from './phone-book'

const ROOT = path.resolve(import.meta.dirname, '..')
/** Entries a createMany call (one SQLite transaction) writes. */
const WRITE_CHUNK = 500

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

export interface UploadRun {
  label: string
  entries: number
  batchSize: number
  /** Writing the entries through createMany (not part of the upload time). */
  writeMs: number
  /** Outbox rows queued before the upload, per table. */
  queued: Record<string, number>
  outboxRows: number
  uploadMs: number
  entriesPerSecond: number
  rowsPerSecond: number
  batches: number
  uploaded: number
  remaining: number
  conflicts: number
  /** Checked after the timing. */
  serverEntries: number
  chain: { ok: boolean; rows: number; localRows: number; brokenAt: number | null }
}

export interface DownloadRun {
  /** Feed rows of other PCs on the server before the download. */
  feedRows: number
  downloadMs: number
  /** Rows stored here, per table. */
  taken: Record<string, number>
  entriesPerSecond: number
  /** Checked after the timing: one phone number found through this PC's own blind index. */
  foundByPhone: boolean
}

/**
 * One PC of the bench's station: the app's services in a data folder of its own (encrypted at
 * rest, its own device id), its administrator signed in, linked to the station (as after
 * 保存并上传本机登记). `close` removes it again.
 */
async function openLinkedPc(
  folderPrefix: string,
  admin: { username: string; displayName: string }
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), folderPrefix))
  let services: Awaited<ReturnType<typeof createServices>> | undefined
  const close = () => {
    services?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    services = await createServices({
      dataDir,
      migrationsFolder: path.join(ROOT, 'drizzle'),
      appVersion: 'bench'
    })
    await services.auth.setupAdmin({ ...admin, password: 'Station2026' })
    const { sqlite, deviceId } = services
    sqlite.transaction(() => linkStation(sqlite, deviceId, new Date().toISOString()))()
    return { services, close }
  } catch (error) {
    close()
    throw error
  }
}

/**
 * A PC joining the station: linked, then everything the other PCs uploaded (the upload runs
 * above) is taken through the feed, recoded to its key with its blind-index rows. Only
 * downloadFeed is timed.
 */
export async function measureDownload(
  connection: pg.ClientConfig,
  stationKey: Buffer
): Promise<DownloadRun> {
  const pc = await openLinkedPc('bianmin-station-download-', {
    username: 'joining_admin',
    displayName: '赵磊'
  })
  const { services } = pc
  const client = new pg.Client(connection)
  try {
    const { sqlite, deviceId } = services
    await client.connect()
    const feedRows = Number(
      (await client.query<{ n: string }>('SELECT count(*) AS n FROM station_feed')).rows[0]!.n
    )
    const start = process.hrtime.bigint()
    const result = await downloadFeed({
      sqlite,
      db: services.db,
      server: client,
      deviceId,
      transcoder: createTranscoder(stationKeySide(stationKey), {
        cipher: services.cipher,
        chainKey: services.keys.key('audit-chain')
      }),
      addresses: services.address.station,
      at: new Date().toISOString()
    })
    const downloadMs = ms(start)
    const entries = result.taken.logbook_phone ?? 0
    const found = await services.logbooks.service.list({
      book: 'phone',
      text: phoneOf(0),
      sort: 'occurredAt',
      order: 'desc',
      page: 1,
      pageSize: 50
    })
    return {
      feedRows,
      downloadMs: Math.round(downloadMs),
      taken: result.taken,
      entriesPerSecond: Math.round((entries / downloadMs) * 1000),
      foundByPhone: found.total > 0
    }
  } finally {
    await client.end().catch(() => undefined)
    pc.close()
  }
}

/** The device's chain on the server (src/main/station/chain.ts), as these checks compare it. */
async function serverChain(client: pg.Client, deviceId: string) {
  const chain = await verifyDeviceChain(client, deviceId)
  return { ok: chain.ok, rows: chain.rows, brokenAt: chain.brokenAt }
}

/** One PC: linked, `entries` written offline, then uploaded in batches of `batchSize`. */
export async function measureUpload(
  label: string,
  entries: number,
  batchSize: number,
  connection: pg.ClientConfig,
  stationKey: Buffer
): Promise<UploadRun> {
  // Usernames of their own: the server's operators_username is unique across PCs.
  const pc = await openLinkedPc('bianmin-station-upload-', {
    username: `${label}_admin`,
    displayName: '王建国'
  })
  const { services } = pc
  const client = new pg.Client(connection)
  try {
    const adminId = services.auth.current()!.operator.id
    const clerk = await services.operators.create(
      { username: `${label}_clerk`, displayName: '李娜', role: 'clerk', passwordHash: 'x' },
      adminId
    )
    // Linked first, then offline: every write below is queued.
    const { sqlite, deviceId } = services

    const now = Date.now()
    const writeStart = process.hrtime.bigint()
    for (let from = 0; from < entries; from += WRITE_CHUNK) {
      const chunk = Array.from({ length: Math.min(WRITE_CHUNK, entries - from) }, (_, k) => {
        const i = from + k
        return {
          book: 'phone' as const,
          occurredAt: new Date(now - (i + 1) * 60_000).toISOString(),
          status: 'open',
          ruleCode: 'SLA-HOME-VISIT',
          fields: {
            callerName: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!,
            sex: i % 2 ? 'male' : 'female',
            address: `${STREETS[i % STREETS.length]}${(i % 97) + 1}号`,
            matter: MATTERS[(i * 13) % MATTERS.length]!,
            callerPhone: phoneOf(i)
          }
        }
      })
      const created = await services.logbooks.service.createMany(chunk, clerk.id)
      if (created.length !== chunk.length) throw new Error(`${label}: created ${created.length}`)
    }
    const writeMs = ms(writeStart)

    const acked = sqlite.prepare('SELECT acked_seq FROM station_link').pluck().get() as number
    const queued = Object.fromEntries(
      (
        sqlite
          .prepare(
            `SELECT tbl, count(*) AS n FROM station_outbox WHERE seq > ? GROUP BY tbl ORDER BY n DESC`
          )
          .all(acked ?? 0) as { tbl: string; n: number }[]
      ).map((r) => [r.tbl, r.n])
    )
    const outboxRows = outboxCount(sqlite)

    await client.connect()
    const uploadStart = process.hrtime.bigint()
    const result = await uploadOutbox({
      sqlite,
      db: services.db,
      server: client,
      deviceId,
      now: () => new Date(),
      // Recoded to a station key on the way up, as the app does (transcode.ts).
      transcoder: createTranscoder(
        { cipher: services.cipher, chainKey: services.keys.key('audit-chain') },
        stationKeySide(stationKey)
      ),
      addresses: services.address.station,
      batchSize
    })
    const uploadMs = ms(uploadStart)

    // After the timing: every entry of this PC on the server, and its audit chain intact.
    const localIds = sqlite.prepare('SELECT id FROM logbook_phone').pluck().all() as string[]
    const serverEntries = Number(
      (
        await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM logbook_phone WHERE id = ANY($1)',
          [localIds]
        )
      ).rows[0]!.n
    )
    const localRows = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n
    const chain = { ...(await serverChain(client, deviceId)), localRows }
    if (localIds.length !== entries || serverEntries !== entries) {
      throw new Error(`${label}: ${localIds.length} local, ${serverEntries} on the server`)
    }
    if (!chain.ok || chain.rows !== localRows) {
      throw new Error(`${label}: audit chain on the server ${JSON.stringify(chain)}`)
    }
    return {
      label,
      entries,
      batchSize,
      writeMs: Math.round(writeMs),
      queued,
      outboxRows,
      uploadMs: Math.round(uploadMs),
      entriesPerSecond: Math.round((entries / uploadMs) * 1000),
      rowsPerSecond: Math.round((outboxRows / uploadMs) * 1000),
      batches: result.batches,
      uploaded: result.uploaded,
      remaining: result.remaining,
      conflicts: result.conflicts.length,
      serverEntries,
      chain
    }
  } finally {
    await client.end().catch(() => undefined)
    pc.close()
  }
}
