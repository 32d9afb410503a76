import { randomUUID } from 'node:crypto'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import ExcelJS from 'exceljs'
import { AppError } from '../../shared/errors'
import {
  level as addressLevel,
  type ChangeView,
  type ImportJob,
  type ImportMapping
} from '../../shared/address/contract'
import { appendAudit, shareAuditKey } from '../audit/audit-repo'
import type { Db } from '../db/client'
import * as schema from '../db/schema'
import { toCsv } from './csv'
import { checkRow, type Batches } from './import'
import { prepareRow, type ChangeInput } from './rows'
import { KeySet } from './keyset'
import { normalizeText } from './text'
import { uuidV7Sequence } from '../db/uuid7'
import { sampleChanges, seedChanges } from './seed'
import { rekeyShippedRows, shippedRowIds, SHIPPED_IDS_SETTING } from './shipped-ids'
import { createAddressStore, toView, type Origin, type Row, type StationRow } from './store'
import type { StationAddresses } from '../station/addresses'
import type { VocabEntry } from './vocab'

const MAX_ERRORS = 1000
/**
 * Once a file has shown this many rows, and no fewer than the table holds, the rest is
 * bulk-loaded: secondary indexes rebuilt at the end, FTS5 filled in one statement.
 */
const BULK_ROWS = 20_000
/** Page cache of the import connection (KiB): the primary key, the duplicate reads, index builds. */
const IMPORT_CACHE_KIB = 32 * 1024
const RECENT_KEPT = 20

/** A LIKE pattern for a substring (with \\ as the escape character). */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

interface JobState extends ImportJob {
  cancelRequested: boolean
  finished: Promise<void>
}

export interface AddressServiceOptions {
  sqlite: Database.Database
  db: Db
  databasePath: string
  nativeBinding?: string
  resourcesDir: string
  deviceId: string
  now: () => Date
}

/** Drops address_changes' secondary indexes (inside the caller's transaction); returns their SQL. */
function dropSecondaryIndexes(conn: Database.Database): string[] {
  const indexes = conn
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'address_changes'
       AND sql IS NOT NULL AND name <> 'address_changes_num_unique'`
    )
    .all() as { name: string; sql: string }[]
  for (const { name } of indexes) conn.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`)
  return indexes.map((i) => i.sql)
}

/**
 * Finds an earlier row with the same old and new key (its rowid). With the indexes in place a
 * lookup; during a bulk load (indexes dropped) a compact hash set of every row's keys, each hit
 * confirmed by reading that row.
 */
function duplicateFinder(conn: Database.Database, bulk: boolean, rows: number) {
  if (!bulk) {
    const lookup = conn.prepare(
      'SELECT rowid FROM address_changes WHERE old_key = ? AND new_key = ? LIMIT 1'
    )
    return {
      find: (oldKey: string, newKey: string) =>
        (lookup.get(oldKey, newKey) as { rowid: number } | undefined)?.rowid ?? null,
      add: () => {}
    }
  }
  const keyOf = (oldKey: string, newKey: string) => `${oldKey}\u0000${newKey}`
  const byRowid = conn.prepare(
    'SELECT old_key AS o, new_key AS n FROM address_changes WHERE rowid = ?'
  )
  const set = new KeySet(rows + BULK_ROWS)
  for (const [rowid, o, n] of conn
    .prepare('SELECT rowid, old_key, new_key FROM address_changes')
    .raw()
    .iterate() as IterableIterator<[number, string, string]>)
    set.add(keyOf(o, n), rowid)
  return {
    find: (oldKey: string, newKey: string) =>
      set.find(keyOf(oldKey, newKey), (rowid) => {
        const row = byRowid.get(rowid) as { o: string; n: string }
        return row.o === oldKey && row.n === newKey
      }),
    add: (oldKey: string, newKey: string, rowid: number) => set.add(keyOf(oldKey, newKey), rowid)
  }
}

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null)

/** A server row (snake_case) in the store's terms; a level this build does not know is 'street'. */
function stationRow(row: Record<string, unknown>): StationRow {
  return {
    id: String(row.id),
    origin: row.origin === 'seed' ? 'seed' : 'station',
    level: addressLevel.safeParse(row.level).data ?? 'street',
    oldText: String(row.old_text ?? ''),
    newText: String(row.new_text ?? ''),
    oldKey: String(row.old_key ?? ''),
    newKey: String(row.new_key ?? ''),
    oldRoad: textOrNull(row.old_road),
    oldNo: textOrNull(row.old_no),
    newRoad: textOrNull(row.new_road),
    newNo: textOrNull(row.new_no),
    effective: textOrNull(row.effective),
    source: textOrNull(row.source),
    note: textOrNull(row.note),
    createdAt: String(row.created_at ?? row.updated_at),
    updatedAt: String(row.updated_at),
    updatedBy: textOrNull(row.updated_by),
    version: Number(row.version)
  }
}

/** The old/new address lookup: seed on first open, search, hand edits, import, export; all audited. */
export function createAddressService(options: AddressServiceOptions) {
  const { sqlite, db, deviceId, now } = options
  const store = createAddressStore(sqlite)
  const jobs = new Map<string, JobState>()
  const count = (origin: Origin) =>
    (
      sqlite.prepare('SELECT count(*) AS n FROM address_changes WHERE origin = ?').get(origin) as {
        n: number
      }
    ).n

  /** Inserts rows with their audit row in one transaction on the main connection. */
  function addRows(
    inputs: ChangeInput[],
    origin: Origin,
    operatorId: string | null,
    /** null for the first-run seed: shipped data, recorded like a migration, not as a change. */
    action: string | null
  ) {
    const at = now().toISOString()
    let terms: VocabEntry[] = []
    const rows = inputs.map(prepareRow)
    const givenIds = origin === 'seed' ? shippedRowIds(rows) : undefined
    const ids = sqlite.transaction(() => {
      const result = store.insertRows(sqlite, rows, origin, at, operatorId, givenIds)
      terms = result.terms
      if (action)
        appendAudit(db, deviceId, at, {
          operatorId,
          action,
          entity: 'address_change',
          entityId: result.ids.length === 1 ? result.ids[0]! : null,
          detail: { origin, rows: result.ids.length }
        })
      return result.ids
    })()
    store.commitTerms(terms)
    return ids
  }

  /** First open: the administrative changes and the sample table (once; the sample can be removed). */
  function ensureSeed() {
    const seeded = sqlite
      .prepare("SELECT value FROM settings WHERE key = 'address.seeded'")
      .get() as { value: string } | undefined
    if (seeded) return
    const at = now().toISOString()
    addRows(seedChanges(options.resourcesDir), 'seed', null, null)
    addRows(sampleChanges(options.resourcesDir), 'sample', null, null)
    const mark = sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    mark.run('address.seeded', at, at)
    mark.run(SHIPPED_IDS_SETTING, at, at)
  }
  ensureSeed()
  rekeyShippedRows(
    sqlite,
    db,
    deviceId,
    () => seedChanges(options.resourcesDir).map(prepareRow),
    now().toISOString()
  )
  store.loadAliases()
  // The vocabulary loads in the background; a search before it is done reads the rest at once.
  setImmediate(() =>
    store.warm().catch((error: unknown) => console.error('[address] vocabulary', error))
  )

  const mustGet = (id: string): Row => {
    const row = store.byId(id)
    if (!row) throw new AppError('NOT_FOUND', '找不到该地址对照记录')
    return row
  }

  /**
   * A file's rows in one write transaction on a separate connection, so the event loop keeps
   * serving searches and nothing is visible to others until COMMIT (ROLLBACK leaves the table as it
   * was). A large file is bulk-loaded: the secondary indexes are dropped and rebuilt, FTS5 is filled
   * in one statement, duplicates are found through a compact hash set instead of an index, and
   * pinyin is computed for the new vocabulary names only.
   */
  async function runImport(
    job: JobState,
    batches: Batches,
    mapping: ImportMapping,
    file: string,
    operatorId: string | null
  ) {
    const conn = new Database(
      options.databasePath,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
    )
    shareAuditKey(sqlite, conn)
    conn.pragma('busy_timeout = 5000')
    conn.pragma('foreign_keys = ON')
    conn.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
    let line = 0
    let header = true
    try {
      conn.exec('BEGIN IMMEDIATE')
      const at = now().toISOString()
      const existing = conn
        .prepare('SELECT count(*) AS n, max(rowid) AS last FROM address_changes')
        .get() as {
        n: number
        last: number | null
      }
      // Row by row with the indexes kept, until the file proves large (see BULK_ROWS).
      let bulk = false
      let indexes: string[] = []
      let isDuplicate = duplicateFinder(conn, false, existing.n)
      const writer = store.rowWriter(
        conn,
        'station',
        at,
        operatorId,
        uuidV7Sequence(now().getTime())
      )
      let ftsFrom = writer.firstNum
      const insertFts = conn.prepare('INSERT INTO address_fts (rowid, old, new) VALUES (?, ?, ?)')
      const roads = new Map<string, 'road' | 'division'>()
      const vocabulary = store.vocabulary()
      for await (const batch of batches) {
        for (const cells of batch) {
          line += 1
          if (header) {
            header = false
            continue
          }
          if (cells.every((c) => !c.trim())) continue
          job.processed += 1
          const checked = checkRow(cells, mapping)
          const error = (reason: string) => {
            if (job.errors.length < MAX_ERRORS) job.errors.push({ line, reason })
          }
          if (typeof checked === 'string') {
            error(checked)
            continue
          }
          const prepared = prepareRow(checked)
          const found = isDuplicate.find(prepared.oldKey, prepared.newKey)
          if (found !== null) {
            job.duplicates += 1
            error(found > (existing.last ?? 0) ? '与文件中前面的行重复' : '与已有记录重复')
            continue
          }
          const { num, rowid } = writer.write(prepared)
          isDuplicate.add(prepared.oldKey, prepared.newKey, rowid)
          if (!bulk) {
            insertFts.run(num, prepared.oldNorm, prepared.newNorm)
            ftsFrom = num + 1
          }
          for (const road of [prepared.oldRoad, prepared.newRoad])
            if (road && !vocabulary.has(road)) roads.set(road, store.termKind(prepared))
          job.imported += 1
        }
        if (!bulk && job.processed >= BULK_ROWS && job.processed >= existing.n) {
          bulk = true
          indexes = dropSecondaryIndexes(conn)
          isDuplicate = duplicateFinder(conn, true, existing.n + job.imported)
        }
        await yieldToLoop()
        if (job.cancelRequested) throw new AppError('CONFLICT', '导入已取消，对照表未改变')
      }
      for (const sql of indexes) conn.exec(sql)
      if (bulk) store.indexFrom(conn, ftsFrom)
      const terms = store.addTerms(conn, roads)
      appendAudit(drizzle({ client: conn, schema }), deviceId, at, {
        operatorId,
        action: 'address.import',
        entity: 'address_change',
        detail: {
          file,
          imported: job.imported,
          duplicates: job.duplicates,
          errors: job.processed - job.imported,
          bulkLoad: bulk
        }
      })
      if (job.cancelRequested) throw new AppError('CONFLICT', '导入已取消，对照表未改变')
      conn.exec('COMMIT')
      store.commitTerms(terms)
      job.state = 'done'
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK')
      job.imported = 0
      job.state = job.cancelRequested ? 'cancelled' : 'failed'
      job.message =
        error instanceof AppError ? error.message : `导入失败，对照表未改变：${String(error)}`
    } finally {
      conn.close()
    }
  }

  const publicJob = (job: JobState): ImportJob => ({
    id: job.id,
    state: job.state,
    processed: job.processed,
    total: job.total,
    imported: job.imported,
    duplicates: job.duplicates,
    errors: job.errors,
    message: job.message
  })

  const readingKey = (raw: string) => raw.trim().toLowerCase().split(/\s+/).join(' ')
  const mustEntry = (term: string) => {
    const entry = store.vocabulary().entry(normalizeText(term.trim()))
    if (!entry)
      throw new AppError('NOT_FOUND', '对照表中没有这个路名或地名', {
        term: '对照表中没有这个路名或地名'
      })
    return entry
  }
  /** Writes a name's station readings with the audit row in one transaction. */
  function saveReadings(
    entry: VocabEntry,
    readings: string[],
    action: string,
    reading: string,
    operatorId: string
  ) {
    const at = now().toISOString()
    sqlite.transaction(() => {
      sqlite
        .prepare('UPDATE address_vocab SET extra = ? WHERE term = ?')
        .run(readings.length ? readings.join('|') : null, entry.term)
      appendAudit(db, deviceId, at, {
        operatorId,
        action,
        entity: 'address_vocab',
        entityId: null,
        detail: { term: entry.term, reading }
      })
    })()
  }

  /** Terms of rows taken from the station server, for the vocabulary once their download commits. */
  const takenTerms: VocabEntry[] = []
  /** The station server's rows and removals, taken by a download (station/addresses.ts). */
  const station: StationAddresses = {
    take(rows, queued) {
      let stored = 0
      for (const row of rows) {
        const id = String(row.id)
        // This PC's change or removal still queued: its upload decides.
        if (queued('address_changes', id) || queued('address_removals', id)) continue
        const terms = store.takeStationRow(sqlite, stationRow(row))
        if (terms === null) continue
        takenTerms.push(...terms)
        stored += 1
      }
      return stored
    },
    remove(ids, queued) {
      let removed = 0
      for (const id of ids) {
        if (queued('address_changes', id)) continue
        const row = store.byId(id)
        if (!row || row.origin === 'sample') continue
        store.deleteRow(sqlite, row)
        removed += 1
      }
      return removed
    },
    commit(committed) {
      const terms = takenTerms.splice(0)
      if (committed) store.commitTerms(terms)
    }
  }

  return {
    store,
    station,
    search: (query: string, limit = 10) => store.search(query, limit),

    /** Adds a station reading (space-separated syllables) to a road or division name. */
    addReading(term: string, rawReading: string, operatorId: string) {
      const reading = readingKey(rawReading)
      const entry = mustEntry(term)
      if (entry.extra.includes(reading)) return { term: entry.term, readings: [...entry.extra] }
      saveReadings(entry, [...entry.extra, reading], 'address.reading.add', reading, operatorId)
      store.vocabulary().addReading(entry, reading)
      return { term: entry.term, readings: [...entry.extra] }
    },

    readings(term: string) {
      const entry = mustEntry(term)
      return { term: entry.term, readings: [...entry.extra] }
    },

    /** Removes a station reading from a name (the dictionary reading stays). */
    removeReading(term: string, rawReading: string, operatorId: string) {
      const reading = readingKey(rawReading)
      const entry = mustEntry(term)
      if (!entry.extra.includes(reading))
        throw new AppError('NOT_FOUND', '这个名称没有该读音', { reading: '这个名称没有该读音' })
      const rest = entry.extra.filter((r) => r !== reading)
      saveReadings(entry, rest, 'address.reading.remove', reading, operatorId)
      store.vocabulary().removeReading(entry, reading)
      return { term: entry.term, readings: [...entry.extra] }
    },

    stats: () => ({
      seed: count('seed'),
      station: count('station'),
      sample: count('sample'),
      vocabulary: store.vocabulary().size
    }),

    /**
     * A page of the table. Text of three or more characters goes through the trigram index (as a
     * phrase of the normalised text); shorter text and the source are substrings.
     */
    list(query: {
      page: number
      pageSize: number
      origin?: Origin | undefined
      text?: string | undefined
      source?: string | undefined
      sort?: 'recent' | 'effectiveDesc' | 'effectiveAsc' | undefined
    }) {
      const where: string[] = []
      const params: (string | number)[] = []
      if (query.origin) {
        where.push('origin = ?')
        params.push(query.origin)
      }
      const text = normalizeText(query.text?.trim() ?? '')
      if ([...text].length >= 3) {
        where.push('num IN (SELECT rowid FROM address_fts WHERE address_fts MATCH ?)')
        params.push(`"${text.replace(/"/g, '""')}"`)
      } else if (text) {
        where.push("(old_text LIKE ? ESCAPE '\\' OR new_text LIKE ? ESCAPE '\\')")
        params.push(likePattern(text), likePattern(text))
      }
      const source = query.source?.trim()
      if (source) {
        where.push("source LIKE ? ESCAPE '\\'")
        params.push(likePattern(source))
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const order =
        query.sort === 'effectiveDesc'
          ? 'effective IS NULL, effective DESC, num DESC'
          : query.sort === 'effectiveAsc'
            ? 'effective IS NULL, effective ASC, num ASC'
            : 'num DESC'
      const total = (
        sqlite.prepare(`SELECT count(*) AS n FROM address_changes ${clause}`).get(...params) as {
          n: number
        }
      ).n
      const rows = sqlite
        .prepare(
          `SELECT id, num, origin, level, old_text AS oldText, new_text AS newText, effective, source,
            note, updated_at AS updatedAt FROM address_changes ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`
        )
        .all(...params, query.pageSize, (query.page - 1) * query.pageSize) as Row[]
      return { total, rows: rows.map(toView) }
    },

    create(input: ChangeInput, operatorId: string): ChangeView {
      const [id] = addRows([input], 'station', operatorId, 'address.create')
      return toView(mustGet(id!))
    },

    update(id: string, input: ChangeInput, operatorId: string): ChangeView {
      const at = now().toISOString()
      let terms: VocabEntry[] = []
      sqlite.transaction(() => {
        const row = mustGet(id)
        terms = store.updateRow(sqlite, row, input, at, operatorId)
        appendAudit(db, deviceId, at, {
          operatorId,
          action: 'address.update',
          entity: 'address_change',
          entityId: id,
          detail: {
            before: {
              old: row.oldText,
              new: row.newText,
              effective: row.effective,
              source: row.source,
              note: row.note
            },
            after: { ...input }
          }
        })
      })()
      store.commitTerms(terms)
      return toView(mustGet(id))
    },

    remove(id: string, operatorId: string) {
      const at = now().toISOString()
      sqlite.transaction(() => {
        const row = mustGet(id)
        store.deleteRow(sqlite, row)
        appendAudit(db, deviceId, at, {
          operatorId,
          action: 'address.delete',
          entity: 'address_change',
          entityId: id,
          detail: { old: row.oldText, new: row.newText, origin: row.origin }
        })
      })()
    },

    /** Removes every 示例数据 row in one transaction. */
    removeSample(operatorId: string | null): number {
      const at = now().toISOString()
      return sqlite.transaction(() => {
        const rows = sqlite
          .prepare("SELECT num FROM address_changes WHERE origin = 'sample'")
          .all() as { num: number }[]
        for (const { num } of rows)
          sqlite.prepare('DELETE FROM address_fts WHERE rowid = ?').run(num)
        sqlite.prepare("DELETE FROM address_changes WHERE origin = 'sample'").run()
        appendAudit(db, deviceId, at, {
          operatorId,
          action: 'address.sample.remove',
          entity: 'address_change',
          detail: { rows: rows.length }
        })
        return rows.length
      })()
    },

    remember(operatorId: string, query: string, changeId: string | null) {
      const at = now().toISOString()
      sqlite.transaction(() => {
        sqlite
          .prepare(
            'INSERT INTO address_recent (id, operator_id, query, change_id, at) VALUES (?, ?, ?, ?, ?)'
          )
          .run(randomUUID(), operatorId, query, changeId, at)
        sqlite
          .prepare(
            `DELETE FROM address_recent WHERE operator_id = ? AND id NOT IN
              (SELECT id FROM address_recent WHERE operator_id = ? ORDER BY at DESC LIMIT ?)`
          )
          .run(operatorId, operatorId, RECENT_KEPT)
      })()
    },

    recent(operatorId: string) {
      const rows = sqlite
        .prepare(
          'SELECT query, change_id AS changeId, at FROM address_recent WHERE operator_id = ? ORDER BY at DESC'
        )
        .all(operatorId) as { query: string; changeId: string | null; at: string }[]
      return rows.map((r) => {
        const row = r.changeId ? store.byId(r.changeId) : undefined
        return { query: r.query, at: r.at, change: row ? toView(row) : null }
      })
    },

    /** Starts an import; `finished` resolves when it is done, cancelled or failed. */
    startImport(
      file: string,
      batches: Batches,
      mapping: ImportMapping,
      total: number,
      operatorId: string | null
    ) {
      if ([...jobs.values()].some((j) => j.state === 'running'))
        throw new AppError('CONFLICT', '已有导入正在进行')
      const job: JobState = {
        id: randomUUID(),
        state: 'running',
        processed: 0,
        total,
        imported: 0,
        duplicates: 0,
        errors: [],
        message: null,
        cancelRequested: false,
        finished: Promise.resolve()
      }
      jobs.set(job.id, job)
      job.finished = runImport(job, batches, mapping, file, operatorId)
      return { job: publicJob(job), finished: job.finished }
    },

    importStatus(id: string): ImportJob {
      const job = jobs.get(id)
      if (!job) throw new AppError('NOT_FOUND', '找不到该导入任务')
      return publicJob(job)
    },

    cancelImport(id: string): ImportJob {
      const job = jobs.get(id)
      if (!job) throw new AppError('NOT_FOUND', '找不到该导入任务')
      if (job.state === 'running') job.cancelRequested = true
      return publicJob(job)
    },

    async exportTable(format: 'csv' | 'xlsx', origin: Origin | undefined, operatorId: string) {
      const rows = sqlite
        .prepare(
          `SELECT old_text, new_text, effective, source, note, origin FROM address_changes
           ${origin ? 'WHERE origin = ?' : ''} ORDER BY num`
        )
        .raw()
        .all(...(origin ? [origin] : [])) as (string | null)[][]
      const header = ['旧地址', '新地址', '生效日期', '依据', '备注', '类别']
      const label = { seed: '区划变更', station: '本所', sample: '示例数据' } as Record<
        string,
        string
      >
      const table = [header, ...rows.map((r) => [...r.slice(0, 5), label[r[5]!] ?? r[5]!])]
      let content: string
      if (format === 'csv') content = toCsv(table)
      else {
        const workbook = new ExcelJS.Workbook()
        workbook.addWorksheet('新旧地址对照').addRows(table)
        content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
      }
      const at = now().toISOString()
      db.transaction((tx) =>
        appendAudit(tx, deviceId, at, {
          operatorId,
          action: 'address.export',
          entity: 'address_change',
          detail: { format, origin: origin ?? 'all', rows: rows.length }
        })
      )
      return { name: `新旧地址对照表.${format}`, content, rows: rows.length }
    }
  }
}

export type AddressService = ReturnType<typeof createAddressService>
