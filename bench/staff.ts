// Staff benchmark: the monthly award table for 50 officers over a month with 200,000 logbook
// entries (30% amended to closed, half of those after their deadline) and 5,000 follow-ups.
// Ours reads staff_figures (kept by triggers on the registers). Baseline: the same figures counted
// in JavaScript from every row of the month read back; the two must agree.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { createServices } from '../src/main/services'
import { bookKeys, books } from '../src/shared/logbooks/books'
import { monthRange } from '../src/main/staff/staff-service'
import { seededRandom } from '../src/shared/staff/sampler'

const ROOT = path.resolve(import.meta.dirname, '..')
const OFFICERS = 50
const ENTRIES = 200_000
const FOLLOWUPS = 5_000
const MONTH = '2026-11'
const TARGET_MS = 200

/** Required columns of each book besides the common ones. */
const extra: Record<string, Record<string, string>> = {
  liaison: { contact_name: '孙丽', matter: '联系事项' },
  patrol: { car_number: '京A12345', officer_ids: '[]' },
  phone: { caller_name: '王秀英', sex: 'female', matter: '预约上门', caller_phone: '13812345678' },
  case: { kind: 'dispute', parties: '[{"name":"赵强"}]', summary: '邻里纠纷' },
  complaint: { complainant_name: '周敏', subject: '窗口态度' }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (n: number) => Math.round(n * 10) / 10

export async function runStaffBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bianmin-staff-bench-'))
  const services = await createServices({
    dataDir,
    migrationsFolder: path.join(ROOT, 'drizzle'),
    appVersion: 'bench'
  })
  try {
    const { sqlite } = services
    const random = seededRandom(7)
    const at = '2026-11-01T00:00:00.000Z'
    const officerIds = Array.from({ length: OFFICERS }, () => randomUUID())
    const t0 = performance.now()
    sqlite.transaction(() => {
      const insertOperator = sqlite.prepare(
        `INSERT INTO operators (id, username, display_name, role, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, 'clerk', 'x', ?, ?)`
      )
      officerIds.forEach((id, i) => insertOperator.run(id, `officer${i}`, `民警${i}`, at, at))
      const { from, to } = monthRange(MONTH)
      const span = Date.parse(to) - Date.parse(from)
      const perBook = ENTRIES / bookKeys.length
      for (const book of bookKeys) {
        const cols = Object.keys(extra[book]!)
        const insert = sqlite.prepare(
          `INSERT INTO logbook_${book} (id, root_id, version, superseded_by, occurred_at, status,
             due_at, officer_id, search_text, created_at, created_by, ${cols.join(', ')})
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ${cols.map(() => '?').join(', ')})`
        )
        const values = Object.values(extra[book]!)
        const open = books[book].statuses[0]!.value
        const closed = books[book].closedStatuses[0]!
        for (let i = 0; i < perBook; i++) {
          const officer = officerIds[Math.floor(random() * OFFICERS)]!
          const occurred = Date.parse(from) + Math.floor(random() * span)
          const occurredAt = new Date(occurred).toISOString()
          const dueAt = new Date(occurred + 2 * 86_400_000).toISOString()
          const id = randomUUID()
          const amended = random() < 0.3
          const v2 = amended ? randomUUID() : null
          insert.run(
            id,
            id,
            1,
            v2,
            occurredAt,
            open,
            dueAt,
            officer,
            occurredAt,
            officer,
            ...values
          )
          if (v2) {
            const closedAt = new Date(
              occurred + (random() < 0.5 ? 1 : 3) * 86_400_000
            ).toISOString()
            insert.run(
              v2,
              id,
              2,
              null,
              occurredAt,
              closed,
              dueAt,
              officer,
              closedAt,
              officer,
              ...values
            )
          }
        }
      }
      const insertFollowup = sqlite.prepare(
        `INSERT INTO staff_followups (id, officer_id, visit_date, target_kind, target_name, topic,
           outcome, satisfaction, households, persons, created_at, created_by)
         VALUES (?, ?, ?, 'resident', '王秀英', 'window', '已回访', ?, ?, ?, ?, ?)`
      )
      for (let i = 0; i < FOLLOWUPS; i++) {
        const officer = officerIds[Math.floor(random() * OFFICERS)]!
        const day = String(1 + Math.floor(random() * 30)).padStart(2, '0')
        insertFollowup.run(
          randomUUID(),
          officer,
          `${MONTH}-${day}`,
          1 + Math.floor(random() * 5),
          1,
          1 + Math.floor(random() * 3),
          at,
          officer
        )
      }
    })()
    sqlite.exec('ANALYZE')
    const seedMs = performance.now() - t0

    const time = async (fn: () => Promise<unknown> | unknown, rounds = 7) => {
      await fn()
      const times: number[] = []
      for (let r = 0; r < rounds; r++) {
        const start = performance.now()
        await fn()
        times.push(performance.now() - start)
      }
      return { median: round(median(times)), best: round(Math.min(...times)) }
    }

    const ours = await time(() => services.staff.awards(MONTH))

    // Baseline: read every version of the month's entries and every follow-up, count in JS.
    const countInJs = () => {
      const { from, to } = monthRange(MONTH)
      const figures = new Map<string, { entries: number; due: number; onTime: number }>()
      for (const book of bookKeys) {
        const rows = sqlite
          .prepare(
            `SELECT root_id, superseded_by, occurred_at, status, due_at, officer_id, created_at
             FROM logbook_${book} WHERE occurred_at >= ? AND occurred_at < ? OR due_at >= ? AND due_at < ?`
          )
          .all(from, to, from, to) as Record<string, string | null>[]
        const closedAt = new Map<string, string>()
        for (const r of rows) {
          if (!books[book].closedStatuses.includes(r.status!)) continue
          const prev = closedAt.get(r.root_id!)
          if (!prev || r.created_at! < prev) closedAt.set(r.root_id!, r.created_at!)
        }
        for (const r of rows) {
          if (r.superseded_by !== null || !r.officer_id) continue
          const f = figures.get(r.officer_id) ?? { entries: 0, due: 0, onTime: 0 }
          figures.set(r.officer_id, f)
          if (r.occurred_at! >= from && r.occurred_at! < to) f.entries++
          if (r.due_at && r.due_at >= from && r.due_at < to) {
            f.due++
            const c = closedAt.get(r.root_id!)
            if (c && c <= r.due_at) f.onTime++
          }
        }
      }
      const visits = sqlite
        .prepare(
          'SELECT officer_id, households, persons, satisfaction FROM staff_followups WHERE visit_date >= ? AND visit_date < ?'
        )
        .all(`${MONTH}-01`, '2026-12-01')
      return { figures, visits: visits.length }
    }
    const baseline = await time(countInJs)

    const table = await services.staff.awards(MONTH)
    const expected = countInJs().figures
    const agrees = table.rows.every((r) => {
      const f = expected.get(r.officerId)
      return f?.entries === r.entries && f.due === r.dueEntries && f.onTime === r.onTime
    })
    const result = {
      officers: OFFICERS,
      entries: ENTRIES,
      followups: FOLLOWUPS,
      seedMs: round(seedMs),
      targetMs: TARGET_MS,
      awardTableMs: ours,
      baselineJsMs: baseline,
      meetsTarget: ours.median <= TARGET_MS,
      check: { rows: table.rows.length, agreesWithBaseline: agrees }
    }
    console.table({
      'award table (trigger-kept daily figures)': { ...ours, target: TARGET_MS },
      'baseline: rows read back, counted in JS': { ...baseline, target: '' }
    })
    console.log(
      `seeded ${ENTRIES} entries + ${FOLLOWUPS} follow-ups in ${round(seedMs)} ms; rows in table: ${table.rows.length}; figures agree with the baseline: ${agrees}`
    )
    mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/out/staff.json'), JSON.stringify(result, null, 2) + '\n')
  } finally {
    services.close()
    if (!process.env.STAFF_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true })
    else console.log('kept', dataDir)
  }
}
