import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { openDatabase } from '../../../src/main/db/client'
import { restoreBackup } from '../../../src/main/db/backup'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { exportRows } from '../../../src/main/logbooks/output'
import { bookKeys } from '../../../src/shared/logbooks/books'
import { SEALED_AT_REST } from '../../../src/main/crypto/seal-existing'
import type { CaptureView } from '../../../src/shared/photo/contract'
import type { DeskView, ServiceView, WindowView } from '../../../src/shared/queue/contract'
import { makeStill } from '../../helpers/photo-faces'
import {
  ADMIN,
  fakeClock,
  migrationsFolder,
  openSignedIn,
  openTestServices,
  tempDir
} from '../../helpers/services'

const ID = '11010519491231002X'
const ID_15 = '110105491231002'
const MOBILE = '13912345678'
const RATING_PHONE = '13812345670'
const LANDLINE = '010-68011234'
const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

const cleanups: (() => void)[] = []
// Last opened, first closed: an earlier cleanup removes the data folder a later one still uses.
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((cleanup) => cleanup())
)

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return lstatSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The byte forms a number could be stored in: ASCII/UTF-8, UTF-16LE and UTF-16BE. */
function forms(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.from(le)
  be.swap16()
  return [Buffer.from(text, 'latin1'), le, be]
}

/** `grep -r` of the data folder: which files hold any form of any needle (a string or bytes). */
function grepDataFolder(dir: string, needles: (string | Buffer)[]): string[] {
  const patterns = needles.flatMap((n) => (typeof n === 'string' ? forms(n) : [n]))
  return filesUnder(dir).flatMap((file) => {
    const bytes = readFileSync(file)
    return patterns
      .filter((p) => bytes.includes(p))
      .map((p) => `${file}: ${p.toString('latin1').replace(/\0/g, '')}`)
  })
}

function expectPrivate(dir: string) {
  const loose = [dir, ...filesUnder(dir), ...dirsUnder(dir)].flatMap((path) => {
    const stat = lstatSync(path)
    const want = stat.isDirectory() ? 0o700 : 0o600
    return (stat.mode & 0o777) === want ? [] : [`${path} ${(stat.mode & 0o777).toString(8)}`]
  })
  expect(loose).toEqual([])
}
const dirsUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return lstatSync(path).isDirectory() ? [path, ...dirsUnder(path)] : []
  })

describe('ID numbers, phone numbers and photos at rest', () => {
  it('leaves none of them readable anywhere in the data folder, and still finds them by number', async () => {
    const still = join(tempDir('bianmin-still-'), 'still.jpg')
    await makeStill(still)
    // After the entries' times below: none may lie ahead of the clock.
    const clock = fakeClock('2026-12-04T01:30:00.000Z')
    const services = await openSignedIn({ now: clock.now, camera: { device: `file:${still}` } })
    cleanups.push(services.cleanup)
    const dataDir = services.paths.dataDir
    const table = createIpcTable(services, trustOrigins([ORIGIN]))
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = await table.invoke(channel, input, meta)
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return result.value as T
    }
    const adminId = services.auth.current()!.operator.id

    // Logbook entries: an ID number and phones in fields, in parties and typed into free text.
    const phoneEntry = await call<{ entry: { id: string } }>('logbooks:create', {
      book: 'phone',
      occurredAt: '2026-12-04T01:00:00.000Z',
      status: 'open',
      fields: {
        callerName: '张三',
        sex: 'male',
        matter: `预约上门办理身份证，证号 ${ID}`,
        callerPhone: MOBILE
      }
    })
    const caseEntry = await call<{ entry: { id: string } }>('logbooks:create', {
      book: 'case',
      occurredAt: '2026-12-04T01:10:00.000Z',
      status: 'accepted',
      fields: {
        kind: 'dispute',
        parties: [{ name: '李四', idNumber: ID, phone: MOBILE }],
        summary: `邻里纠纷，当事人身份证 ${ID}，电话 ${MOBILE}，座机 ${LANDLINE}`,
        officerId: adminId
      }
    })
    await call('logbooks:create', {
      book: 'liaison',
      occurredAt: '2026-12-04T01:20:00.000Z',
      status: 'open',
      fields: { contactName: '王五', phone: LANDLINE, matter: `回电 ${MOBILE}` }
    })
    await call('logbooks:amend', {
      book: 'phone',
      id: phoneEntry.entry.id,
      occurredAt: '2026-12-04T01:00:00.000Z',
      status: 'in_progress',
      fields: {
        callerName: '张三',
        sex: 'male',
        matter: `已联系，证号 ${ID}`,
        callerPhone: MOBILE
      }
    })
    await call('logbooks:saveDraft', {
      book: 'case',
      data: JSON.stringify({ parties: [{ name: '赵六', idNumber: ID, phone: MOBILE }] })
    })

    // A follow-up with the numbers typed into it.
    const followup = await services.staff.addFollowup(
      {
        visitDate: '2026-12-03',
        targetKind: 'resident',
        targetName: `李四 ${MOBILE}`,
        topic: 'window',
        outcome: `回访满意，身份证 ${ID}`,
        satisfaction: 5,
        households: 1,
        persons: 1
      },
      adminId
    )
    expect(followup.outcome).toBe(`回访满意，身份证 ${ID}`)

    // The director's notes about an officer, with the numbers typed into them.
    const checks = await services.staff.tickCheck(
      '2026-12-03',
      'unsigned',
      `已督促，回电 ${MOBILE}`,
      adminId
    )
    expect(checks.find((c) => c.item === 'unsigned')!.note).toBe(`已督促，回电 ${MOBILE}`)
    const ladder = services.staff.addLadderStep(
      { officerId: adminId, step: 'education', date: '2026-12-03', note: `涉及群众 ${ID}` },
      adminId
    )
    expect(ladder[0]!.note).toBe(`涉及群众 ${ID}`)

    // A poor queue rating with a phone (it also opens a complaint entry carrying the phone).
    const service = await call<ServiceView>('queue:saveService', { prefix: 'A', name: '户籍业务' })
    const window = await call<WindowView>('queue:saveWindow', {
      number: 1,
      serviceIds: [service.id],
      priority: false
    })
    await call('queue:issue', { serviceId: service.id, lane: 'normal' })
    await call('queue:takeWindow', { windowId: window.id })
    await call('queue:callNext')
    clock.advanceMinutes(3)
    const desk = await call<DeskView>('queue:finish')
    await call('queue:rate', {
      ticketId: desk.toRate!.id,
      level: 1,
      reasons: ['等候时间长'],
      phone: RATING_PHONE
    })

    // A kept photo: the JPEG the clerk sees must not be on disk as it is.
    const shot = await call<CaptureView>('photo:capture', { specId: 'resident-id' })
    const kept = await call<{ id: string }>('photo:accept', { captureId: shot.captureId })
    const image = await call<{ image: string }>('photo:image', { id: kept.id })
    const jpeg = Buffer.from(image.image.split(',')[1]!, 'base64')
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8')
    const jpegSlices = [0.3, 0.5, 0.8].map((at) => {
      const start = Math.floor(jpeg.length * at)
      return jpeg.subarray(start, start + 48)
    })

    // Masked exports (CSV and xlsx) of each book, an app log line and the daily backup.
    const names = { operator: () => '王建国', committee: () => '' }
    for (const book of ['phone', 'case', 'liaison', 'complaint'] as const) {
      const request = {
        book,
        from: '2026-12-01',
        to: '2026-12-31',
        full: false,
        stationName: '月坛派出所',
        names,
        now: services.now().toISOString()
      }
      await exportRows(
        services.logbooks.repo,
        request,
        'csv',
        join(dataDir, 'exports', `${book}.csv`)
      )
      await exportRows(
        services.logbooks.repo,
        request,
        'xlsx',
        join(dataDir, 'exports', `${book}.xlsx`)
      )
    }
    const caseCsv = readFileSync(join(dataDir, 'exports', 'case.csv'), 'utf8')
    expect(caseCsv).toContain('110105********002X')
    expect(caseCsv).toContain('139****5678')
    expect(caseCsv).toContain('010-****1234')
    // xlsx is a zip, so its bytes prove nothing: read the cells back.
    for (const book of ['phone', 'case', 'liaison', 'complaint']) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(join(dataDir, 'exports', `${book}.xlsx`))
      const cells: string[] = []
      workbook.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(String(cell.value))
        })
      )
      expect(cells.length).toBeGreaterThan(10)
      const all = cells.join('\n')
      for (const value of [ID, MOBILE, RATING_PHONE, '68011234']) expect(all).not.toContain(value)
    }
    services.log.info('test', `caller ${MOBILE} id ${ID}`, { phone: RATING_PHONE })
    const backup = await services.backup()
    expect(backup.created).toBe(true)

    // Still searchable by the whole number (blind index), and by its last digits (masked text).
    const found = async (book: string, text: string) =>
      (
        await call<{ rows: { id: string }[] }>('logbooks:list', {
          book,
          text,
          page: 1,
          pageSize: 20
        })
      ).rows.map((r) => r.id)
    expect(await found('case', ID)).toEqual([caseEntry.entry.id])
    expect(await found('case', ID.toLowerCase())).toEqual([caseEntry.entry.id])
    expect(await found('case', ID_15)).toEqual([caseEntry.entry.id])
    expect(await found('case', LANDLINE)).toEqual([caseEntry.entry.id])
    expect(await found('case', '11010519491231003X')).toEqual([])
    expect(await found('phone', MOBILE)).toHaveLength(1)
    expect(await found('phone', '139 1234 5678')).toHaveLength(1)
    expect(await found('phone', '5678')).toHaveLength(1)
    expect(await found('complaint', RATING_PHONE)).toHaveLength(1)
    const ftsHits = services.sqlite
      .prepare(`SELECT count(*) FROM logbook_case_fts WHERE logbook_case_fts MATCH ?`)
      .pluck()
    expect(ftsHits.get(`"${MOBILE}"`)).toBe(0)
    expect(ftsHits.get('"邻里纠纷"')).toBe(1)
    // Read back as entered.
    const { entry } = await services.logbooks.service.get('case', caseEntry.entry.id)
    expect(entry.fields.parties).toEqual([{ name: '李四', idNumber: ID, phone: MOBILE }])
    expect(entry.fields.summary).toBe(
      `邻里纠纷，当事人身份证 ${ID}，电话 ${MOBILE}，座机 ${LANDLINE}`
    )

    const needles = [ID, ID.toLowerCase(), ID_15, MOBILE, RATING_PHONE, '68011234', ...jpegSlices]
    // While open (database, WAL and -shm in use) and after closing.
    expect(existsSync(`${services.paths.databasePath}-wal`)).toBe(true)
    const stored = filesUnder(dataDir).map((f) => f.slice(dataDir.length + 1))
    expect(stored).toEqual(
      expect.arrayContaining([
        'bianmin.sqlite',
        'bianmin.sqlite-wal',
        'bianmin.sqlite-shm',
        'keys/data.key',
        'logs/bianmin.log',
        `photos/${kept.id}.jpg`,
        'exports/case.csv',
        `backups/${backup.file.split('/').pop()}`
      ])
    )
    expect(grepDataFolder(dataDir, needles)).toEqual([])
    expectPrivate(dataDir)
    services.close()
    expect(grepDataFolder(dataDir, needles)).toEqual([])
    expectPrivate(dataDir)

    // The control: the same search finds the numbers once the backup is restored and read.
    const restored = join(tempDir(), 'restored.sqlite')
    const backupKey = services.keys.key('backup-cipher')
    await restoreBackup(backup.file, restored, backupKey)
    const copy = new Database(restored, { readonly: true })
    const sealedPhone = copy
      .prepare('SELECT caller_phone FROM logbook_phone LIMIT 1')
      .pluck()
      .get() as string
    copy.close()
    expect(sealedPhone.startsWith('enc1:')).toBe(true)
    expect(services.cipher.openText(sealedPhone, 'logbook.phone.callerPhone')).toBe(MOBILE)
    const control = join(tempDir(), 'control.txt')
    writeFileSync(control, `x${MOBILE}x`)
    expect(grepDataFolder(join(control, '..'), [MOBILE]).length).toBe(1)
  })
})

/** The migrations of the release before encryption at rest (this change's migration left out). */
function previousMigrations(): string {
  const older = join(tempDir(), 'drizzle')
  cpSync(migrationsFolder, older, { recursive: true })
  const journalFile = join(older, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  // The app as it was before encryption: every migration before the blind index, none after
  // (drizzle applies only migrations newer than the last one a database has).
  const first = journal.entries.findIndex((e) => e.tag.endsWith('logbook_blind_index'))
  expect(first).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, first)
  writeFileSync(journalFile, JSON.stringify(journal))
  return older
}

/** Inserts a row, giving every other NOT NULL column without a default a placeholder. */
function insert(db: Database.Database, table: string, values: Record<string, unknown>) {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string
    notnull: number
    dflt_value: unknown
    type: string
  }[]
  const row = { ...values }
  for (const c of columns) {
    if (c.name in row || !c.notnull || c.dflt_value !== null) continue
    row[c.name] = c.type.toUpperCase().includes('INT') ? 0 : `x-${randomUUID()}`
  }
  const keys = Object.keys(row)
  db.prepare(
    `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`
  ).run(...keys.map((k) => row[k]))
}

/** A data folder written by the previous release: plaintext rows, photo and backup. */
async function legacyDataFolder() {
  const dataDir = tempDir()
  const file = join(dataDir, 'bianmin.sqlite')
  const previous = await openDatabase({ file, migrationsFolder: previousMigrations() })
  const db = previous.sqlite
  const at = '2026-11-20T02:00:00.000Z'
  const operator = randomUUID()
  insert(db, 'operators', {
    id: operator,
    username: 'admin',
    display_name: '王建国',
    role: 'admin',
    password_hash: 'x',
    created_at: at,
    updated_at: at
  })
  const common = (id: string) => ({
    id,
    root_id: id,
    version: 1,
    occurred_at: at,
    status: 'open',
    officer_id: operator,
    created_at: at,
    created_by: operator
  })
  const phoneId = randomUUID()
  insert(db, 'logbook_phone', {
    ...common(phoneId),
    caller_name: '张三',
    sex: 'male',
    matter: `预约上门，证号 ${ID}`,
    caller_phone: MOBILE,
    search_text: `张三 预约上门，证号 ${ID} ${MOBILE}`
  })
  const caseId = randomUUID()
  insert(db, 'logbook_case', {
    ...common(caseId),
    status: 'accepted',
    kind: 'dispute',
    parties: JSON.stringify([{ name: '李四', idNumber: ID, phone: MOBILE }]),
    summary: `邻里纠纷，座机 ${LANDLINE}`,
    search_text: `dispute 李四 邻里纠纷，座机 ${LANDLINE}`
  })
  insert(db, 'logbook_drafts', {
    id: randomUUID(),
    operator_id: operator,
    book: 'case',
    entry_id: '',
    data: JSON.stringify({ idNumber: ID }),
    updated_at: at
  })
  insert(db, 'staff_followups', {
    id: randomUUID(),
    officer_id: operator,
    visit_date: '2026-11-20',
    target_kind: 'resident',
    target_name: '李四',
    topic: 'window',
    outcome: `电话 ${MOBILE} 回访`,
    satisfaction: 5,
    households: 1,
    persons: 1,
    created_at: at,
    created_by: operator
  })
  const serviceId = randomUUID()
  insert(db, 'queue_services', { id: serviceId, prefix: 'A', name: '户籍', updated_at: at })
  const ticketId = randomUUID()
  insert(db, 'queue_tickets', {
    id: ticketId,
    service_id: serviceId,
    number: 'A001',
    status: 'done'
  })
  insert(db, 'queue_ratings', {
    id: randomUUID(),
    ticket_id: ticketId,
    level: 1,
    reasons: '[]',
    phone: RATING_PHONE,
    at
  })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  // A plaintext photo and a plaintext daily backup of this database.
  const jpeg = await makeStill()
  mkdirSync(join(dataDir, 'photos'))
  writeFileSync(join(dataDir, 'photos', 'legacy.jpg'), jpeg)
  mkdirSync(join(dataDir, 'backups'))
  cpSync(file, join(dataDir, 'backups', 'bianmin-2026-11-19.sqlite'))
  return { dataDir, phoneId, caseId, jpeg }
}

describe('a database written before encryption at rest', () => {
  it('is sealed at the first start: searchable by blind index, nothing readable left, once', async () => {
    const { dataDir, phoneId, caseId, jpeg } = await legacyDataFolder()
    const jpegSlice = jpeg.subarray(jpeg.length >> 1, (jpeg.length >> 1) + 48)
    expect(grepDataFolder(dataDir, [ID, MOBILE, jpegSlice]).length).toBeGreaterThan(3)

    const services = await openTestServices({ dataDir })
    cleanups.push(services.cleanup)
    await services.auth.setupAdmin(ADMIN).catch(() => undefined)
    const list = async (book: 'phone' | 'case', text: string) =>
      (await services.logbooks.repo.list({ book, text, page: 1, pageSize: 20 } as never)).rows.map(
        (r) => r.id
      )
    expect(await list('case', ID)).toEqual([caseId])
    expect(await list('case', LANDLINE)).toEqual([caseId])
    expect(await list('phone', MOBILE)).toEqual([phoneId])
    expect(await list('phone', ID)).toEqual([phoneId])
    expect(await list('phone', '张三')).toEqual([phoneId])
    expect(await list('phone', '5678')).toEqual([phoneId])
    const { entry } = await services.logbooks.repo.get('case', caseId)
    expect(entry.fields.parties).toEqual([{ name: '李四', idNumber: ID, phone: MOBILE }])
    expect(entry.fields.summary).toBe(`邻里纠纷，座机 ${LANDLINE}`)
    expect((await services.staff.followups('2026-11'))[0]!.outcome).toBe(`电话 ${MOBILE} 回访`)
    const draft = await services.logbooks.repo.loadDraft(
      (services.sqlite.prepare('SELECT id FROM operators LIMIT 1').pluck().get() as string)!,
      'case',
      ''
    )
    expect(draft?.data).toBe(JSON.stringify({ idNumber: ID }))
    const photo = readFileSync(join(dataDir, 'photos', 'legacy.jpg'))
    expect(services.cipher.openFile(photo, 'photos/legacy.jpg').equals(jpeg)).toBe(true)
    // The old daily backup is now sealed and still restores.
    // (the copy taken before migrating is sealed the same way).
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual([
      'bianmin-2026-11-19.sqlite.enc',
      expect.stringMatching(/^bianmin-before-migration-\d+\.sqlite\.enc$/)
    ])
    const restored = join(tempDir(), 'r.sqlite')
    await restoreBackup(
      join(dataDir, 'backups', 'bianmin-2026-11-19.sqlite.enc'),
      restored,
      services.keys.key('backup-cipher')
    )
    expect(readFileSync(restored).includes(Buffer.from(MOBILE))).toBe(true)

    const audit = () =>
      services.sqlite
        .prepare("SELECT detail FROM audit_log WHERE action = 'crypto.sealAtRest'")
        .pluck()
        .all()
    expect(audit()).toEqual([JSON.stringify({ entries: 2, photos: 1, other: 2 })])
    expect(services.integrity().ok).toBe(true)
    expect(
      grepDataFolder(dataDir, [ID, ID_15, MOBILE, RATING_PHONE, '68011234', jpegSlice])
    ).toEqual([])
    expectPrivate(dataDir)
    services.close()

    // The second start finds the record and does nothing again.
    const again = await openTestServices({ dataDir })
    cleanups.push(again.cleanup)
    expect(
      again.sqlite
        .prepare('SELECT count(*) FROM settings WHERE key = ?')
        .pluck()
        .get(SEALED_AT_REST)
    ).toBe(1)
    expect(
      again.sqlite
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'crypto.sealAtRest'")
        .pluck()
        .get()
    ).toBe(1)
    expect(
      (
        await again.logbooks.repo.list({
          book: 'phone',
          text: MOBILE,
          page: 1,
          pageSize: 20
        } as never)
      ).rows[0]!.fields.callerPhone
    ).toBe(MOBILE)
  })

  it("seals the director's notes left in plain text by a release whose sealing step came before them", async () => {
    const dataDir = tempDir()
    const first = await openTestServices({ dataDir })
    cleanups.push(first.cleanup)
    await first.auth.setupAdmin(ADMIN)
    const admin = first.sqlite.prepare('SELECT id FROM operators LIMIT 1').pluck().get() as string
    const at = '2026-11-20T02:00:00.000Z'
    // What that release wrote: the notes as typed, and the record of its own (first) step.
    const raw = first.sqlite
    raw
      .prepare(
        `INSERT INTO staff_ladder (id, officer_id, step, date, note, created_by, created_at)
         VALUES (?, ?, 'education', '2026-11-20', ?, ?, ?)`
      )
      .run(randomUUID(), admin, `谈话教育，涉及群众 ${ID}`, admin, at)
    raw
      .prepare(
        `INSERT INTO staff_checks (id, date, item, note, checked_by, checked_at)
         VALUES (?, '2026-11-20', 'unsigned', ?, ?, ?)`
      )
      .run(randomUUID(), `回电 ${MOBILE}`, admin, at)
    raw
      .prepare(
        `INSERT INTO staff_checks (id, date, item, note, checked_by, checked_at)
         VALUES (?, '2026-11-20', 'yesterday', '无号码的备注', ?, ?)`
      )
      .run(randomUUID(), admin, at)
    raw
      .prepare('UPDATE settings SET value = ? WHERE key = ?')
      .run(JSON.stringify({ version: 1, at }), SEALED_AT_REST)
    first.close()
    expect(grepDataFolder(dataDir, [ID, MOBILE]).length).toBeGreaterThan(0)

    const services = await openTestServices({ dataDir })
    cleanups.push(services.cleanup)
    expect(services.staff.ladder(admin).map((l) => l.note)).toEqual([`谈话教育，涉及群众 ${ID}`])
    const notes = services.sqlite
      .prepare('SELECT note FROM staff_checks ORDER BY item')
      .pluck()
      .all() as string[]
    expect(notes[1]).toBe('无号码的备注')
    expect(notes[0]).not.toContain(MOBILE)
    expect(
      services.sqlite
        .prepare("SELECT detail FROM audit_log WHERE action = 'crypto.sealAtRest'")
        .pluck()
        .all()
    ).toEqual([JSON.stringify({ entries: 0, photos: 0, other: 2 })])
    expect(
      JSON.parse(
        services.sqlite
          .prepare('SELECT value FROM settings WHERE key = ?')
          .pluck()
          .get(SEALED_AT_REST) as string
      )
    ).toMatchObject({ version: 2 })
    expect(grepDataFolder(dataDir, [ID, MOBILE])).toEqual([])
  })

  it('leaves the plaintext database as it was, readable, when sealing fails part-way', async () => {
    const { dataDir, caseId } = await legacyDataFolder()
    // A row the step cannot read (broken JSON) after rows it has already sealed.
    const raw = new Database(join(dataDir, 'bianmin.sqlite'))
    const op = raw.prepare('SELECT id FROM operators').pluck().get() as string
    const brokenId = randomUUID()
    insert(raw, 'logbook_case', {
      id: brokenId,
      root_id: brokenId,
      version: 1,
      occurred_at: '2026-11-21T02:00:00.000Z',
      status: 'accepted',
      created_at: '2026-11-21T02:00:00.000Z',
      created_by: op,
      kind: 'dispute',
      parties: '[{"name":"坏',
      summary: 'x',
      search_text: 'x'
    })
    raw.close()
    await expect(openTestServices({ dataDir })).rejects.toThrow()

    const check = new Database(join(dataDir, 'bianmin.sqlite'), { readonly: true })
    expect(check.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    expect(check.prepare('SELECT caller_phone FROM logbook_phone').pluck().all()).toEqual([MOBILE])
    expect(check.prepare('SELECT parties FROM logbook_case WHERE id = ?').pluck().get(caseId)).toBe(
      JSON.stringify([{ name: '李四', idNumber: ID, phone: MOBILE }])
    )
    expect(
      check
        .prepare(
          "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fixed'"
        )
        .pluck()
        .get()
    ).toBe(bookKeys.length)
    expect(
      check.prepare('SELECT count(*) FROM settings WHERE key = ?').pluck().get(SEALED_AT_REST)
    ).toBe(0)
    check.close()
  })
})
