// The generated phone-book bookings (logbook_phone) shared by the forms and station benchmarks, so
// SQLite and PostgreSQL are loaded with the same rows: PER_DAY bookings a day from 2024-01-01
// (station time), a rare name in one row of RARE_EVERY, five streets, six matters.
import type pg from 'pg'
import type { Services } from '../src/main/services'
import { maskIdentifiersInText } from '../src/shared/identifiers'
import { fromWallClock } from '../src/shared/logbooks/time'

export const PER_DAY = 1000
/** Rows a statement when loading PostgreSQL. */
export const LOAD_BATCH = 10_000
/** One resident in RARE_EVERY rows has a rare name: the text filter's needle over all dates. */
export const RARE_EVERY = 50_000
export const RARE_NAME = '欧阳娜娜'

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗']
export const GIVEN = [...'秀兰建国淑珍丽华志强桂英玉梅德明海燕']
export const MATTERS = [
  '预约上门办理身份证',
  '老人行动不便，预约上门采集照片',
  '咨询户口迁入材料',
  '预约安装防盗门',
  '出入境证件审核意见',
  '预约上门办理居住证'
]
export const STREETS = ['月坛北街', '南礼士路', '三里河路', '复兴门外大街', '木樨地北里']
const STATUSES = ['done', 'done', 'done', 'in_progress', 'open']

/** A booking's phone number, the same in every run. */
export const phoneOf = (i: number) =>
  `13${String(100_000_000 + ((i * 7919) % 899_999_999)).slice(0, 9)}`

/** Start of the first day and the time between two bookings. */
export const bookStart = () => Date.parse(fromWallClock('2024-01-01', '00:00'))
export const bookStep = 86_400_000 / PER_DAY

/** The stored values of booking `i` (phone in plain: the caller seals it). */
export function phoneBooking(i: number, officers: string[], signerId: string) {
  const start = bookStart()
  const at = new Date(start + i * bookStep).toISOString()
  const name =
    i % RARE_EVERY === 7
      ? RARE_NAME
      : SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!
  const matter = MATTERS[(i * 13) % MATTERS.length]!
  const address = `${STREETS[i % STREETS.length]}${(i % 97) + 1}号`
  const phone = phoneOf(i)
  const officer = officers[i % officers.length]!
  const signed = i % 10 !== 0
  return {
    occurredAt: at,
    status: STATUSES[i % STATUSES.length]!,
    dueAt: new Date(start + i * bookStep + 86_400_000).toISOString(),
    officerId: officer,
    searchText: maskIdentifiersInText([name, address, matter, phone].join(' ')),
    createdAt: at,
    createdBy: officer,
    signedBy: signed ? signerId : null,
    signedAt: signed ? at : null,
    callerName: name,
    sex: i % 2 ? 'male' : 'female',
    address,
    matter,
    phone
  }
}

/** A booking's stored values in both loaders' column order, from occurred_at to caller_phone. */
const storedValues = (b: ReturnType<typeof phoneBooking>, sealedPhone: string) => [
  b.occurredAt,
  b.status,
  b.dueAt,
  b.officerId,
  b.searchText,
  b.createdAt,
  b.createdBy,
  b.signedBy,
  b.signedAt,
  b.callerName,
  b.sex,
  b.address,
  b.matter,
  sealedPhone
]

/**
 * Bulk-loads `rows` bookings into the app's SQLite database (prepared statements, one
 * transaction), each with its blind-index row; `idOf(i)` names row i. No ANALYZE.
 */
export function loadSqlitePhoneBook(
  services: Services,
  rows: number,
  officers: string[],
  signerId: string,
  idOf: (i: number) => string
): void {
  const { cipher } = services
  const insert = services.sqlite.prepare(
    `INSERT INTO logbook_phone (id, root_id, version, occurred_at, status, rule_code, due_at,
      officer_id, search_text, created_at, created_by, signed_by, signed_at, caller_name, sex,
      address, matter, caller_phone, note)
     VALUES (?, ?, 1, ?, ?, 'SLA-HOME-VISIT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`
  )
  const blind = services.sqlite.prepare(
    `INSERT INTO logbook_blind_index (token, book, entry_id) VALUES (?, 'phone', ?)`
  )
  services.sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = idOf(i)
      const b = phoneBooking(i, officers, signerId)
      insert.run(id, id, ...storedValues(b, cipher.sealText(b.phone, 'logbook.phone.callerPhone')))
      blind.run(cipher.blindIndex('phone', b.phone), id)
    }
  })()
}

/**
 * Bulk-loads the same bookings into PostgreSQL: INSERT … SELECT FROM unnest, LOAD_BATCH a time,
 * each with its blind-index row.
 */
export async function loadPgPhoneBook(
  pool: Pick<pg.ClientBase, 'query'>,
  ids: string[],
  officers: string[],
  signerId: string,
  seal: (phone: string) => string,
  blind: (phone: string) => string
) {
  const columns = [
    'id',
    'occurred_at',
    'status',
    'due_at',
    'officer_id',
    'search_text',
    'created_at',
    'created_by',
    'signed_by',
    'signed_at',
    'caller_name',
    'sex',
    'address',
    'matter',
    'caller_phone',
    'token'
  ] as const
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(', ')
  const statement = `WITH b AS (SELECT * FROM unnest(${params}) AS b(${columns.join(', ')})),
    e AS (INSERT INTO logbook_phone (id, root_id, version, occurred_at, status, rule_code, due_at,
        officer_id, search_text, created_at, created_by, signed_by, signed_at, caller_name, sex,
        address, matter, caller_phone)
      SELECT id, id, 1, occurred_at, status, 'SLA-HOME-VISIT', due_at, officer_id, search_text,
        created_at, created_by, signed_by, signed_at, caller_name, sex, address, matter,
        caller_phone FROM b)
    INSERT INTO logbook_blind_index (token, book, entry_id) SELECT token, 'phone', id FROM b`
  for (let from = 0; from < ids.length; from += LOAD_BATCH) {
    const arrays = columns.map(() => [] as (string | null)[])
    for (let i = from; i < Math.min(ids.length, from + LOAD_BATCH); i++) {
      const b = phoneBooking(i, officers, signerId)
      const values = [ids[i]!, ...storedValues(b, seal(b.phone)), blind(b.phone)]
      values.forEach((value, c) => arrays[c]!.push(value))
    }
    await pool.query(statement, arrays)
  }
}
