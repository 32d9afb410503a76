// 全所审计日志 benchmark (issue #15): the auditor's page of every PC's audit rows, read on the
// station server (src/main/station/station-audit.ts), at STATION_AUDIT_ROWS (default 1,000,000)
// rows from 10 PCs in a throwaway PostgreSQL cluster with durable defaults, migrated with
// drizzle-pg. Measures listStationAudit (the page, its total and the PCs' names) for the first
// page, a deep page, a common and a rare action filter; baseline in the same run: the first page's
// rows alone (no total, no names), and count(*) over the log (how the total was taken before
// drizzle-pg/0016's per-PC counts). Target: p95 ≤ 50 ms, as the registers' first page.
// Also the auditor's 校验 once over every chain (real hashes and macs): time, rows/s, how often it
// reports progress, beside reading the same pages without hashing.
// Writes bench/out/station-audit.json.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { APP_ROLE, migrateServerDatabase } from '../src/main/station/migrate'
import {
  listStationAudit,
  verifyStationAudit,
  type StationAuditQuery
} from '../src/main/station/station-audit'
import { GENESIS_HASH, hashAuditRow, macAuditHash } from '../src/main/audit/audit-repo'
import { startPgCluster, superuserConnection } from '../test/helpers/pg-cluster'
import { ms, percentile, round } from './stats'

const ROOT = path.resolve(import.meta.dirname, '..')
const ROWS = Number(process.env.STATION_AUDIT_ROWS ?? 1_000_000)
const DEVICES = 10
const RUNS = 40
const PAGE_SIZE = 50
const TARGET_P95_MS = 50
const DATABASE = 'station_audit_bench'

/** Actions by share of the rows (the rest: logbook.view); station.link once per PC. */
const ACTIONS: [string, number][] = [
  ['auth.signIn', 0.1],
  ['logbook.create', 0.25],
  ['logbook.amend', 0.05],
  ['logbook.signOff', 0.05],
  ['photo.capture', 0.05]
]
const COMMON = 'logbook.create'
const RARE = 'station.link'

/**
 * `ROWS` rows, one a minute from 2025-01-01, PCs in turn, each PC's seq from 1: real chains
 * (each row's hash over its fields and the one before, its mac under `macKey`), as uploads leave
 * them, so verifying them walks every row.
 */
async function load(client: pg.ClientBase, macKey: Buffer) {
  for (let d = 0; d < DEVICES; d++) {
    await client.query(
      `INSERT INTO operators (id, username, display_name, role, password_hash, active, created_at, updated_at)
       VALUES ($1, $2, $3, 'clerk', 'x', true, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      [`op-${d}`, `clerk${d}`, `民警${d}`]
    )
    await client.query(`INSERT INTO station_devices (device_id, name) VALUES ($1, $2)`, [
      `pc-${d}`,
      `${d + 1}号窗口`
    ])
  }
  const actionOf = (g: number) => {
    if (g < DEVICES) return RARE
    const r = Math.random()
    let bound = 0
    for (const [action, share] of ACTIONS) {
      bound += share
      if (r < bound) return action
    }
    return 'logbook.view'
  }
  const start = Date.parse('2025-01-01T00:00:00.000Z')
  const prev = Array.from({ length: DEVICES }, () => GENESIS_HASH)
  const BATCH = 10_000
  for (let from = 0; from < ROWS; from += BATCH) {
    const columns: unknown[][] = Array.from({ length: 12 }, () => [])
    for (let g = from; g < Math.min(from + BATCH, ROWS); g++) {
      const d = g % DEVICES
      const row = {
        id: randomUUID(),
        seq: Math.floor(g / DEVICES) + 1,
        deviceId: `pc-${d}`,
        at: new Date(start + g * 60_000).toISOString(),
        operatorId: `op-${d}`,
        action: actionOf(g),
        entity: 'logbook_phone',
        entityId: randomUUID(),
        detail: '{"fields":["callerName","matter"]}',
        prevHash: prev[d]!
      }
      const hash = hashAuditRow(row)
      prev[d] = hash
      const values = [...Object.values(row), hash, macAuditHash(macKey, hash)]
      values.forEach((value, i) => columns[i]!.push(value))
    }
    await client.query(
      `INSERT INTO audit_log (id, seq, device_id, at, operator_id, action, entity, entity_id, detail,
                              prev_hash, hash, mac)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                            $12::text[])`,
      // The rows' fields in the order of hashAuditRow's, then hash and mac.
      columns
    )
  }
  await client.query('VACUUM ANALYZE audit_log')
}

async function timed(runs: number, run: () => Promise<unknown>) {
  await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await run()
    times.push(ms(start))
  }
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) }
}

export async function runStationAuditBench(): Promise<void> {
  const loadBefore = loadavg().map(round)
  const cluster = await startPgCluster({ durable: true })
  const client = new pg.Client(superuserConnection(cluster, DATABASE))
  try {
    const admin = new pg.Client(superuserConnection(cluster, 'postgres'))
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`)
      await admin.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`)
    } finally {
      await admin.end()
    }
    await client.connect()
    await migrateServerDatabase(client, path.join(ROOT, 'drizzle-pg'))
    const macKey = randomBytes(32)
    const loadStart = process.hrtime.bigint()
    await load(client, macKey)
    const loadMs = ms(loadStart)
    // The totals the page shows come from the trigger's counts: checked against the rows.
    const { rows: differing } = await client.query(
      `SELECT coalesce(c.action, r.action) AS action FROM station_audit_counts c
         FULL JOIN (SELECT device_id, action, count(*) AS n FROM audit_log GROUP BY 1, 2) r
           ON r.device_id = c.device_id AND r.action = c.action
        WHERE c.n IS DISTINCT FROM r.n`
    )
    if (differing.length > 0) throw new Error(`audit counts differ: ${JSON.stringify(differing)}`)
    const page = (query: Partial<StationAuditQuery>) => () =>
      listStationAudit(client, { page: 1, pageSize: PAGE_SIZE, ...query })
    const shapes: [string, () => Promise<unknown>][] = [
      ['first page', page({})],
      ['page 20', page({ page: 20 })],
      [`action ${COMMON} (≈25 %)`, page({ action: COMMON })],
      [`action ${RARE} (${DEVICES} rows)`, page({ action: RARE })]
    ]
    const results: { shape: string; p50: number; p95: number; total: number }[] = []
    for (const [shape, run] of shapes) {
      const { total } = (await run()) as { total: number }
      results.push({ shape, total, ...(await timed(RUNS, run)) })
    }
    // The auditor's 校验: every PC's chain walked once (hashes and macs), with its progress.
    const reports: number[] = []
    const verifyStart = process.hrtime.bigint()
    const chains = await verifyStationAudit(client, macKey, () => reports.push(ms(verifyStart)))
    const verifyMs = ms(verifyStart)
    const verified = chains.reduce((sum, chain) => sum + chain.rows, 0)
    if (verified !== ROWS || chains.some((chain) => !chain.ok || chain.badMacAt !== null)) {
      throw new Error(`chains did not verify: ${JSON.stringify(chains)}`)
    }
    const gaps = reports.map((at, i) => at - (reports[i - 1] ?? 0))
    // Baseline: the same pages read without hashing.
    const readStart = process.hrtime.bigint()
    for (const chain of chains) {
      for (let from = 1; from <= chain.rows; from += 5000) {
        await client.query(
          `SELECT id, seq, device_id, at, operator_id, action, entity, entity_id, detail, prev_hash,
                  hash, mac
             FROM audit_log WHERE device_id = $1 AND seq >= $2 ORDER BY seq LIMIT 5000`,
          [chain.deviceId, from]
        )
      }
    }
    const readMs = ms(readStart)
    const verification = {
      rows: verified,
      chains: chains.length,
      seconds: round(verifyMs / 1000),
      rowsPerSecond: Math.round(verified / (verifyMs / 1000)),
      progressReports: reports.length,
      longestGapMs: round(Math.max(...gaps)),
      readAloneSeconds: round(readMs / 1000)
    }
    const baseline = await timed(RUNS, () =>
      client.query(
        `SELECT a.id FROM audit_log a ORDER BY a.at DESC, a.device_id, a.seq DESC LIMIT $1`,
        [PAGE_SIZE]
      )
    )
    // The total as it was counted before drizzle-pg/0016.
    const counted = await timed(RUNS, () => client.query('SELECT count(*) FROM audit_log'))
    const worst = Math.max(...results.map((result) => result.p95))
    const report = {
      at: new Date().toISOString(),
      rows: ROWS,
      devices: DEVICES,
      runs: RUNS,
      loadMs: Math.round(loadMs),
      load: { before: loadBefore, after: loadavg().map(round) },
      targetP95Ms: TARGET_P95_MS,
      results,
      baseline,
      countedBaseline: counted,
      verification,
      met: worst <= TARGET_P95_MS
    }
    console.log(
      `全所审计日志 at ${ROWS.toLocaleString('en')} audit rows from ${DEVICES} PCs ` +
        `(loaded in ${(loadMs / 1000).toFixed(1)} s; load ${loadBefore.join(' ')}):`
    )
    console.table([
      ...results.map((result) => ({
        shape: result.shape,
        total: result.total,
        'p50 ms': result.p50,
        'p95 ms': result.p95,
        target: `≤ ${TARGET_P95_MS} ms`,
        met: result.p95 <= TARGET_P95_MS ? 'yes' : 'no'
      })),
      {
        shape: '(baseline) count(*), the total before 0016',
        total: '',
        'p50 ms': counted.p50,
        'p95 ms': counted.p95,
        target: '',
        met: ''
      },
      {
        shape: '(baseline) first page rows alone',
        total: '',
        'p50 ms': baseline.p50,
        'p95 ms': baseline.p95,
        target: '',
        met: ''
      }
    ])
    console.log('校验 every chain (hashes and macs), once:')
    console.table([
      {
        work: `verify ${verification.chains} chains`,
        rows: verification.rows,
        s: verification.seconds,
        'rows/s': verification.rowsPerSecond,
        'progress reports': verification.progressReports,
        'longest gap ms': verification.longestGapMs
      },
      {
        work: '(baseline) the same pages read, no hashing',
        rows: verification.rows,
        s: verification.readAloneSeconds,
        'rows/s': Math.round(verification.rows / verification.readAloneSeconds),
        'progress reports': '',
        'longest gap ms': ''
      }
    ])
    mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true })
    writeFileSync(
      path.join(ROOT, 'bench/out/station-audit.json'),
      JSON.stringify(report, null, 2) + '\n'
    )
  } finally {
    await client.end().catch(() => undefined)
    cluster.stop()
  }
}
