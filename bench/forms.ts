// Logbooks benchmark: 1,000,000 phone bookings bulk-loaded (prepared statement, one transaction),
// then filtered, sorted first pages through the app's repository (p95), 10,000 entries created
// through the service (each validated and audited, one transaction) and 100,000 rows
// exported to xlsx. Pages include texts over all dates (rare, common, near the full-text route's
// limit) and the deepest page the list offers. Baselines in the same run: the same first page with
// its indexes disabled (NOT INDEXED), the texts through the old LIKE route, texts of one and two
// characters (no trigram), the old deepest page (OFFSET 9,950) and a deeper one, one entry per
// transaction, and the naive in-memory xlsx workbook. Writes bench/out/forms.json.
// The whole run is done twice in one process, with ID and phone numbers encrypted at rest (as the
// app stores them: sealed phone, blind index, masked search text) and without encryption, and
// the two are printed side by side; FORMS_BENCH_CRYPTO=on|off runs one of them only.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServices } from '../src/main/services'
import ExcelJS from 'exceljs'
import { nameLookups, produce } from '../src/main/logbooks/handlers'
import { createLogbooksRepo, MAX_DEPTH } from '../src/main/logbooks/logbooks-repo'
import { columnsOf } from '../src/main/logbooks/output'
import type { ListQuery } from '../src/shared/logbooks/contract'
import { fromWallClock, nextDayStart } from '../src/shared/logbooks/time'
import {
  bookStart,
  GIVEN,
  loadSqlitePhoneBook,
  MATTERS,
  PER_DAY,
  phoneOf,
  RARE_EVERY,
  RARE_NAME,
  STREETS,
  SURNAMES
} from './phone-book'
import { ms, percentile, round } from './stats'

const ROOT = path.resolve(import.meta.dirname, '..')
const ROWS = Number(process.env.FORMS_BENCH_ROWS ?? 1_000_000)
const INSERTS = 10_000
const QUERY_RUNS = 200
const NAIVE_ROWS = 10_000
const TARGETS = { pageP95Ms: 50, insertMs: 2000, exportMs: 15_000 }

/** The booking whose whole phone number is searched for (the blind-index route). */
const PHONE_ROW = Math.min(123_457, ROWS - 1)

async function measureForms(encrypted: boolean) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bianmin-forms-bench-'))
  const services = await createServices({
    dataDir,
    migrationsFolder: path.join(ROOT, 'drizzle'),
    appVersion: 'bench',
    benchmarkWithoutEncryption: !encrypted
  })
  const { cipher } = services
  if (cipher.enabled !== encrypted) throw new Error('the cipher is not the one asked for')
  console.log(`\n=== forms, ${encrypted ? 'encrypted at rest' : 'without encryption'} ===`)
  try {
    await services.auth.setupAdmin({
      username: 'admin',
      displayName: '王建国',
      password: 'Station2026'
    })
    const admin = services.auth.current()!.operator
    const officers = [admin.id]
    for (const [i, name] of ['李娜', '赵刚', '孙丽'].entries()) {
      const row = await services.operators.create(
        { username: `clerk${i}`, displayName: name, role: 'clerk', passwordHash: 'x' },
        admin.id
      )
      officers.push(row.id)
    }

    // 1. Bulk load: PER_DAY bookings a day from 2024-01-01 (station time), one transaction.
    const start = bookStart()
    const loadStart = process.hrtime.bigint()
    loadSqlitePhoneBook(services, ROWS, officers, admin.id, () => randomUUID())
    services.sqlite.exec('ANALYZE')
    const loadMs = ms(loadStart)
    const days = ROWS / PER_DAY
    const lastDay = new Date(start + (days - 1) * 86_400_000 + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10)
    const month = { from: lastDay.slice(0, 7) + '-01', to: lastDay }

    // 2. Filtered, sorted first pages through the repository (the list call's own query).
    const base = { book: 'phone' as const, page: 1, pageSize: 50 }
    const queries: Record<string, ListQuery> = {
      'status + month, newest first': {
        ...base,
        ...month,
        status: 'open',
        sort: 'occurredAt',
        order: 'desc'
      },
      'officer + month, newest first': {
        ...base,
        ...month,
        officerId: officers[2]!,
        sort: 'occurredAt',
        order: 'desc'
      },
      'open, by due time': { ...base, status: 'open', sort: 'dueAt', order: 'asc' },
      'unsigned, newest first': { ...base, unsigned: true, sort: 'occurredAt', order: 'desc' },
      'text + month': { ...base, ...month, text: '防盗门', sort: 'occurredAt', order: 'desc' },
      // Text over all dates: a rare name, a common word, one near the full-text route's limit.
      [`text ${RARE_NAME} (${ROWS / RARE_EVERY} rows), all dates`]: {
        ...base,
        text: RARE_NAME,
        sort: 'occurredAt',
        order: 'desc'
      },
      'text 防盗门 (1 in 6), all dates': {
        ...base,
        text: '防盗门',
        sort: 'occurredAt',
        order: 'desc'
      },
      'text 南礼士路9 (≈1.9%, read by date), all dates': {
        ...base,
        text: '南礼士路9',
        sort: 'occurredAt',
        order: 'desc'
      },
      'text 木樨地北里77号 (≈0.2%), all dates': {
        ...base,
        text: '木樨地北里77号',
        sort: 'occurredAt',
        order: 'desc'
      },
      'text 欧阳娜娜 + done, by due time': {
        ...base,
        text: RARE_NAME,
        status: 'done',
        sort: 'dueAt',
        order: 'asc'
      },
      'whole phone number, all dates (blind index)': {
        ...base,
        text: phoneOf(PHONE_ROW),
        sort: 'occurredAt',
        order: 'desc'
      },
      [`deepest page (${MAX_DEPTH / 50}), newest first`]: {
        ...base,
        page: MAX_DEPTH / 50,
        sort: 'occurredAt',
        order: 'desc'
      }
    }
    const pages: Record<string, { p50: number; p95: number; total: number; rows: number }> = {}
    for (const [name, query] of Object.entries(queries)) {
      const times: number[] = []
      let result = await services.logbooks.repo.list(query)
      for (let i = 0; i < QUERY_RUNS; i++) {
        const t0 = process.hrtime.bigint()
        result = await services.logbooks.repo.list(query)
        times.push(ms(t0))
      }
      const want = Math.min(50, result.total)
      if (result.rows.length !== want || want === 0) {
        throw new Error(`${name}: ${result.rows.length} rows of ${result.total}`)
      }
      if (query.text === phoneOf(PHONE_ROW) && result.rows[0]!.fields.callerPhone !== query.text) {
        throw new Error(`${name}: the phone read back is not the one searched for`)
      }
      pages[name] = {
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        total: result.total,
        rows: result.rows.length
      }
    }
    const pageP95 = Math.max(...Object.values(pages).map((p) => p.p95))

    // Baselines: the first query without its indexes, and a deep page by OFFSET.
    const noIndex = services.sqlite.prepare(
      `SELECT * FROM logbook_phone NOT INDEXED WHERE superseded_by IS NULL AND status = ?
         AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at DESC, id DESC LIMIT 50`
    )
    const noIndexTimes: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint()
      noIndex.all('open', fromWallClock(month.from, '00:00'), nextDayStart(month.to))
      noIndexTimes.push(ms(t0))
    }
    // The old text route (the date-ordered index read with LIKE) for the texts over all dates, and
    // texts of one or two characters, which a trigram index cannot serve.
    const likeRepo = createLogbooksRepo({
      db: services.db,
      deviceId: services.settings.deviceId(),
      now: () => new Date(),
      cipher: services.cipher,
      ftsDriveMax: -1
    })
    const slowRuns = 5
    const slow: Record<string, { p50: number; total: number }> = {}
    const slowQueries: [string, ListQuery, typeof likeRepo][] = [
      [
        `baseline: text ${RARE_NAME}, all dates, LIKE`,
        queries[`text ${RARE_NAME} (${ROWS / RARE_EVERY} rows), all dates`]!,
        likeRepo
      ],
      [
        'baseline: text 防盗门, all dates, LIKE',
        queries['text 防盗门 (1 in 6), all dates']!,
        likeRepo
      ],
      [
        'text 欧阳 (2 chars, rare), all dates',
        { ...base, text: '欧阳', sort: 'occurredAt', order: 'desc' },
        services.logbooks.repo
      ],
      [
        'text 防 (1 char, common), all dates',
        { ...base, text: '防', sort: 'occurredAt', order: 'desc' },
        services.logbooks.repo
      ]
    ]
    for (const [name, query, repo] of slowQueries) {
      const times: number[] = []
      let total = 0
      for (let i = 0; i < slowRuns; i++) {
        const t0 = process.hrtime.bigint()
        total = (await repo.list(query)).total
        times.push(ms(t0))
      }
      slow[name] = { p50: round(percentile(times, 50)), total }
    }
    const oldDeepOffset = 9950
    const oldDeepTimes: number[] = []
    const oldDeep = services.sqlite.prepare(
      `SELECT * FROM logbook_phone WHERE superseded_by IS NULL
         ORDER BY occurred_at DESC, id DESC LIMIT 50 OFFSET ?`
    )
    for (let i = 0; i < 10; i++) {
      const t0 = process.hrtime.bigint()
      oldDeep.all(oldDeepOffset)
      oldDeepTimes.push(ms(t0))
    }
    const deepPage = Math.floor(ROWS / 2 / 50)
    const deepTimes: number[] = []
    for (let i = 0; i < 10; i++) {
      const t0 = process.hrtime.bigint()
      oldDeep.all((deepPage - 1) * 50)
      deepTimes.push(ms(t0))
    }

    // 3. 10,000 entries through the service: each validated, deadline computed, audited; saved
    // in one transaction (one durable commit — synchronous=FULL makes a commit cost an fsync).
    const now = Date.now()
    const batch = Array.from({ length: INSERTS }, (_, i) => ({
      book: 'phone' as const,
      occurredAt: new Date(now - i * 60_000).toISOString(),
      status: 'open',
      ruleCode: 'SLA-HOME-VISIT',
      fields: {
        callerName: SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!,
        sex: 'female',
        address: `${STREETS[i % STREETS.length]}${i + 1}号`,
        matter: MATTERS[i % MATTERS.length]!,
        callerPhone: '13801234567'
      }
    }))
    const insertStart = process.hrtime.bigint()
    const created = await services.logbooks.service.createMany(batch, officers[1]!)
    if (created.length !== INSERTS) throw new Error(`created ${created.length}`)
    const insertMs = ms(insertStart)
    // Baseline: one entry per call, each its own transaction (the form's path), on 200 entries.
    const singleStart = process.hrtime.bigint()
    for (const input of batch.slice(0, 200)) {
      await services.logbooks.service.create(input, officers[1]!)
    }
    const singleMsEach = ms(singleStart) / 200
    // Baseline: the same 10,000 entries without the full-text trigger (dropped, then restored).
    const trigger = services.sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'logbook_phone_fts_insert'`)
      .pluck()
      .get() as string
    services.sqlite.exec('DROP TRIGGER logbook_phone_fts_insert')
    const noFtsStart = process.hrtime.bigint()
    await services.logbooks.service.createMany(batch, officers[1]!)
    const noFtsInsertMs = ms(noFtsStart)
    services.sqlite.exec(trigger)

    // 4. Export 100,000 rows (the first 100 days) to xlsx, as the export call does.
    const exportDays = Math.min(100, days)
    const exportTo = new Date(start + (exportDays - 1) * 86_400_000 + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10)
    const exportStart = process.hrtime.bigint()
    const exported = await produce(
      services,
      admin,
      { book: 'phone', from: '2024-01-01', to: exportTo, full: false },
      { kind: 'xlsx' }
    )
    const exportMs = ms(exportStart)
    const exportBytes = statSync(exported.path).size
    const csvStart = process.hrtime.bigint()
    const csv = await produce(
      services,
      admin,
      { book: 'phone', from: '2024-01-01', to: exportTo, full: false },
      { kind: 'csv' }
    )
    const csvMs = ms(csvStart)
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)

    // Baseline: the naive xlsx path, every row held in an in-memory workbook (exceljs Workbook,
    // default per-cell styles) until it is written, on the first NAIVE_ROWS rows of the export.
    const columns = columnsOf('phone', await nameLookups(services), false)
    const naiveStart = process.hrtime.bigint()
    const naiveBook = new ExcelJS.Workbook()
    const naiveSheet = naiveBook.addWorksheet('phone')
    naiveSheet.columns = columns.map((c) => ({ header: c.label, width: c.width }))
    let naiveRows = 0
    for (const batch of services.logbooks.repo.range('phone', '2024-01-01', exportTo)) {
      for (const entry of batch.slice(0, NAIVE_ROWS - naiveRows)) {
        naiveSheet.addRow(columns.map((c) => c.value(entry)))
      }
      naiveRows = Math.min(NAIVE_ROWS, naiveRows + batch.length)
      if (naiveRows === NAIVE_ROWS) break
    }
    await naiveBook.xlsx.writeFile(path.join(dataDir, 'naive.xlsx'))
    const naiveMsPer100k = (ms(naiveStart) / naiveRows) * 100_000
    const checks = {
      pageP95: pageP95 <= TARGETS.pageP95Ms,
      insert: insertMs <= TARGETS.insertMs,
      export: exportMs <= TARGETS.exportMs
    }
    console.log(`rows loaded: ${ROWS.toLocaleString()} in ${(loadMs / 1000).toFixed(1)} s`)
    console.table(
      Object.fromEntries(
        Object.entries(pages).map(([name, p]) => [
          name,
          { 'p50 ms': p.p50, 'p95 ms': p.p95, total: p.total }
        ])
      )
    )
    console.table({
      'first page p95 (worst query)': {
        measured: `${pageP95} ms`,
        target: `≤ ${TARGETS.pageP95Ms} ms`,
        ok: checks.pageP95
      },
      'baseline: same page NOT INDEXED (p50)': {
        measured: `${round(percentile(noIndexTimes, 50))} ms`,
        target: '',
        ok: ''
      },
      ...Object.fromEntries(
        Object.entries(slow).map(([name, p]) => [
          `${name} (p50)`,
          { measured: `${p.p50} ms (total ${p.total})`, target: '', ok: '' }
        ])
      ),
      [`baseline: OFFSET ${oldDeepOffset}, the old deepest page (p50)`]: {
        measured: `${round(percentile(oldDeepTimes, 50))} ms`,
        target: '',
        ok: ''
      },
      [`baseline: OFFSET page ${deepPage} (p50)`]: {
        measured: `${round(percentile(deepTimes, 50))} ms`,
        target: '',
        ok: ''
      },
      [`insert ${INSERTS.toLocaleString()} via service, one transaction`]: {
        measured: `${Math.round(insertMs)} ms`,
        target: `≤ ${TARGETS.insertMs} ms`,
        ok: checks.insert
      },
      'baseline: the same insert without the full-text trigger': {
        measured: `${Math.round(noFtsInsertMs)} ms`,
        target: '',
        ok: ''
      },
      'baseline: one entry per transaction (each)': {
        measured: `${round(singleMsEach)} ms`,
        target: '',
        ok: ''
      },
      [`export ${exported.rows.toLocaleString()} rows to xlsx`]: {
        measured: `${Math.round(exportMs)} ms`,
        target: `≤ ${TARGETS.exportMs} ms`,
        ok: checks.export
      },
      [`baseline: in-memory workbook, ${NAIVE_ROWS.toLocaleString()} rows (per 100,000)`]: {
        measured: `${Math.round(naiveMsPer100k)} ms`,
        target: '',
        ok: ''
      },
      [`export ${csv.rows.toLocaleString()} rows to CSV`]: {
        measured: `${Math.round(csvMs)} ms`,
        target: '',
        ok: ''
      },
      'peak RSS (before the in-memory baseline)': {
        measured: `${peakRssMb} MB`,
        target: '',
        ok: ''
      }
    })
    const result = {
      rows: ROWS,
      loadMs: Math.round(loadMs),
      pages,
      pageP95Ms: pageP95,
      baselines: {
        notIndexedP50Ms: round(percentile(noIndexTimes, 50)),
        slow,
        oldDeepOffset,
        oldDeepOffsetP50Ms: round(percentile(oldDeepTimes, 50)),
        deepOffsetPage: deepPage,
        deepOffsetP50Ms: round(percentile(deepTimes, 50))
      },
      insert: {
        entries: INSERTS,
        ms: Math.round(insertMs),
        noFtsTriggerMs: Math.round(noFtsInsertMs),
        singleEntryMsEach: round(singleMsEach)
      },
      export: {
        rows: exported.rows,
        ms: Math.round(exportMs),
        bytes: exportBytes,
        csvMs: Math.round(csvMs),
        naiveRows,
        naiveMsPer100k: Math.round(naiveMsPer100k)
      },
      peakRssMb,
      targets: TARGETS,
      checks
    }
    return result
  } finally {
    services.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function runFormsBench(): Promise<void> {
  const mode = process.env.FORMS_BENCH_CRYPTO ?? 'both'
  const modes = mode === 'on' ? [true] : mode === 'off' ? [false] : [true, false]
  const runs: Record<string, Awaited<ReturnType<typeof measureForms>>> = {}
  for (const encrypted of modes) {
    runs[encrypted ? 'encrypted' : 'unencrypted'] = await measureForms(encrypted)
  }
  const row = (
    pick: (r: Awaited<ReturnType<typeof measureForms>>) => string,
    target = ''
  ): Record<string, string> => ({
    ...Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, pick(r)])),
    target
  })
  const blindName = 'whole phone number, all dates (blind index)'
  console.log('\n=== forms: encrypted at rest and without encryption, same run ===')
  console.table({
    'bulk load (1 transaction)': row((r) => `${(r.loadMs / 1000).toFixed(1)} s`),
    'first page, worst p95': row((r) => `${r.pageP95Ms} ms`, `≤ ${TARGETS.pageP95Ms} ms`),
    'first page, whole phone number (blind index) p50 / p95': row(
      (r) => `${r.pages[blindName]!.p50} / ${r.pages[blindName]!.p95} ms`
    ),
    [`insert ${INSERTS.toLocaleString()} via service`]: row(
      (r) => `${r.insert.ms} ms`,
      `≤ ${TARGETS.insertMs} ms`
    ),
    'one entry per transaction (each)': row((r) => `${r.insert.singleEntryMsEach} ms`),
    'export to xlsx': row(
      (r) => `${r.export.ms} ms (${r.export.rows.toLocaleString()} rows)`,
      `≤ ${TARGETS.exportMs} ms`
    ),
    'export to CSV': row((r) => `${r.export.csvMs} ms`),
    'peak RSS of the process so far': row((r) => `${r.peakRssMb} MB`),
    'targets met': row((r) => String(Object.values(r.checks).every(Boolean)))
  })
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true })
  writeFileSync(path.join(ROOT, 'bench/out/forms.json'), JSON.stringify(runs, null, 2) + '\n')
}
