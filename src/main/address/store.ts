import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { changedParts, changedSpans, parseAddress, type Span } from '../../shared/address/parse'
import type { ChainStep, ChangeView, SearchHit } from '../../shared/address/contract'
import { prepareRow, type ChangeInput, type PreparedRow } from './rows'
import { isHan, normalizeQuery, normalizeText } from './text'
import { Vocabulary, type TermMatch, type VocabEntry } from './vocab'

/**
 * The address index over SQLite: rows in address_changes (B-tree on road+number and on keys),
 * a trigram FTS5 index of the normalised texts, and the road vocabulary with pinyin. Search runs
 * the pipeline of reference/address-search.md: pinyin → vocabulary → rows by index; Chinese of
 * three or more characters → FTS5 phrase; nothing → homophone/one-edit correction of the road →
 * rows by index; still nothing → one-edit patterns through the trigram index.
 */

export type Origin = ChangeView['origin']

export interface Row {
  id: string
  num: number
  origin: Origin
  level: ChangeView['level']
  oldText: string
  newText: string
  oldKey: string
  newKey: string
  oldRoad: string | null
  oldNo: string | null
  newRoad: string | null
  newNo: string | null
  effective: string | null
  source: string | null
  note: string | null
  updatedAt: string
}

/** A station row as the server holds it (station/addresses.ts), in this PC's terms. */
export interface StationRow extends Omit<Row, 'num' | 'origin'> {
  /** The station's own row, or a shipped one a clerk changed. */
  origin: 'station' | 'seed'
  createdAt: string
  updatedBy: string | null
  version: number
}

/** A row's values for the columns level, old_text … note, in table order. */
export const changeFields = (row: Omit<PreparedRow, 'oldNorm' | 'newNorm'>) => [
  row.level,
  row.oldText,
  row.newText,
  row.oldKey,
  row.newKey,
  row.oldRoad,
  row.oldNo,
  row.newRoad,
  row.newNo,
  row.effective,
  row.source,
  row.note
]

const COLUMNS = `id, num, origin, level, old_text AS oldText, new_text AS newText, old_key AS oldKey,
  new_key AS newKey, old_road AS oldRoad, old_no AS oldNo, new_road AS newRoad, new_no AS newNo,
  effective, source, note, updated_at AS updatedAt`

export const toView = (row: Row): ChangeView => ({
  id: row.id,
  origin: row.origin,
  level: row.level,
  oldText: row.oldText,
  newText: row.newText,
  effective: row.effective,
  source: row.source,
  note: row.note,
  updatedAt: row.updatedAt
})

interface Candidate {
  row: Row
  score: number
  how: SearchHit['how']
  terms: string[]
}

const FTS_LIMIT = 200
const TERM_LIMIT = 30
const TERM_LIMIT_NUMBERED = 300
/** Names per (road IN …, number) statement, and its row cap. */
const TERMS_PER_STATEMENT = 50
const ROWS_PER_STATEMENT = 100
/** FTS5's pending-terms table: its default, and while filling after a bulk import. */
const FTS_HASH_BYTES = 1024 * 1024
const FILL_HASH_BYTES = 8 * 1024 * 1024
/** A match of the parsed road part alone leaves the rest of the typed fragment unexplained. */
const PART_PENALTY = 0.6

/** An FTS5 phrase: the text quoted, inner quotes doubled. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`

/** Splits `月坛北街12号3单元` into the road part and the house number (`12`). */
export function splitQuery(query: string): { road: string; number: string | null } {
  const match = /^(.*?)([甲乙丙丁]?\d+)(?:号院?|号楼)?/.exec(query)
  if (!match || !match[1]) return { road: query, number: null }
  return { road: match[1], number: match[2]! }
}

/** Is `query` within one edit of some substring of `text`? (Both normalised.) */
export function withinOneEdit(text: string, query: string): number {
  if (text.includes(query)) return 0
  const n = query.length
  for (let start = 0; start <= text.length - n + 1; start++) {
    for (const len of [n - 1, n, n + 1]) {
      const part = text.slice(start, start + len)
      if (part.length !== len) continue
      if (editDistanceAtMostOne(part, query)) return 1
    }
  }
  return -1
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

function spansOf(text: string, needles: string[]): Span[] {
  const norm = normalizeText(text)
  const spans: Span[] = []
  for (const needle of needles) {
    if (!needle) continue
    const at = norm.indexOf(needle)
    if (at !== -1) spans.push({ start: at, end: at + needle.length })
  }
  return spans.sort((a, b) => a.start - b.start)
}

const TERM_SLOTS = Array.from({ length: TERMS_PER_STATEMENT }, () => '?').join(', ')

export function createAddressStore(sqlite: Database.Database) {
  const vocab = new Vocabulary()
  const statements = {
    byNum: sqlite.prepare(`SELECT ${COLUMNS} FROM address_changes WHERE num = ?`),
    byId: sqlite.prepare(`SELECT ${COLUMNS} FROM address_changes WHERE id = ?`),
    fts: sqlite.prepare(`SELECT rowid FROM address_fts WHERE address_fts MATCH ? LIMIT ?`),
    byOldRoad: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE old_road = ? ORDER BY old_no LIMIT ?`
    ),
    byNewRoad: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE new_road = ? ORDER BY new_no LIMIT ?`
    ),
    byOldRoadsNo: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE old_road IN (${TERM_SLOTS}) AND old_no = ? LIMIT ?`
    ),
    byNewRoadsNo: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE new_road IN (${TERM_SLOTS}) AND new_no = ? LIMIT ?`
    ),
    nextSteps: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE old_key = ? ORDER BY effective LIMIT 8`
    ),
    prevSteps: sqlite.prepare(
      `SELECT ${COLUMNS} FROM address_changes WHERE new_key = ? ORDER BY effective DESC LIMIT 8`
    ),
    vocabTerm: sqlite.prepare('SELECT 1 FROM address_vocab WHERE term = ?'),
    vocabPage: sqlite.prepare(
      'SELECT term, kind, syllables, extra FROM address_vocab WHERE term > ? ORDER BY term LIMIT ?'
    ),
    // County renames are shipped data (hand-entered rows have no level): the origin index keeps
    // this off a scan of the station's million rows.
    aliases: sqlite.prepare(
      `SELECT old_road AS oldRoad, new_road AS newRoad FROM address_changes
       WHERE origin = 'seed' AND level = 'county' AND old_road <> new_road`
    )
  }
  /** Old division name → new name (宣武区 → 西城区), for queries naming an old division. */
  const aliases = new Map<string, string>()

  /**
   * The vocabulary is read in pages (keyset on term) so that opening does not scale with it: in
   * the background after start (`warm`), or at once by the first call that needs it.
   */
  let vocabAfter: string | null = ''
  function loadVocabPage(size: number): boolean {
    if (vocabAfter === null) return true
    const rows = statements.vocabPage.all(vocabAfter, size) as {
      term: string
      kind: 'road' | 'division'
      syllables: string
      extra: string | null
    }[]
    for (const r of rows)
      vocab.add(
        Vocabulary.entryOf(
          r.term,
          r.kind,
          r.syllables.split(' '),
          r.extra ? r.extra.split('|') : []
        )
      )
    vocabAfter = rows.length < size ? null : rows[rows.length - 1]!.term
    return vocabAfter === null
  }
  /** Is `term` a name? Answered from the table while the vocabulary is still loading. */
  function isTerm(term: string): boolean {
    return vocabAfter === null ? vocab.has(term) : !!statements.vocabTerm.get(term)
  }
  function vocabulary(): Vocabulary {
    while (!loadVocabPage(10_000));
    return vocab
  }
  /**
   * Reads the vocabulary a page per event-loop turn, then indexes it for one-edit and pinyin
   * matching the same way, until done or the database is closed.
   */
  async function warm() {
    while (sqlite.open && !loadVocabPage(2_000)) await yieldToLoop()
    while (sqlite.open && !(vocab.extendPairs(2_000) && vocab.extendLatin(2_000)))
      await yieldToLoop()
  }

  /** Reads the division renames; called once the shipped changes are in the table. */
  function loadAliases() {
    aliases.clear()
    for (const r of statements.aliases.all() as { oldRoad: string; newRoad: string }[]) {
      // Only unambiguous renames: a name that became several places is not an alias.
      if (aliases.has(r.oldRoad) && aliases.get(r.oldRoad) !== r.newRoad) aliases.set(r.oldRoad, '')
      else aliases.set(r.oldRoad, r.newRoad)
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Inserts rows into address_changes on `conn` with consecutive `num`s (no FTS, no terms). */
  function rowWriter(
    conn: Database.Database,
    origin: Origin,
    at: string,
    operatorId: string | null,
    nextId: () => string = randomUUID
  ) {
    const insert = conn.prepare(
      `INSERT INTO address_changes (id, num, origin, level, old_text, new_text, old_key, new_key,
        old_road, old_no, new_road, new_no, effective, source, note, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const firstNum =
      ((conn.prepare('SELECT max(num) AS n FROM address_changes').get() as { n: number | null })
        .n ?? 0) + 1
    let num = firstNum
    return {
      firstNum,
      write(row: PreparedRow): { id: string; num: number; rowid: number } {
        const id = nextId()
        const { lastInsertRowid } = insert.run(
          id,
          num,
          origin,
          ...changeFields(row),
          at,
          at,
          operatorId
        )
        return { id, num: num++, rowid: Number(lastInsertRowid) }
      }
    }
  }

  const termKind = (row: PreparedRow): 'road' | 'division' =>
    row.level === 'county' || row.level === 'subcounty' ? 'division' : 'road'

  /** Adds rows, their FTS entries and new vocabulary terms on `conn` (the caller's transaction). */
  function insertRows(
    conn: Database.Database,
    rows: PreparedRow[],
    origin: Origin,
    at: string,
    operatorId: string | null,
    /** The rows' ids in order (the shipped rows': shipped-ids.ts); random UUIDs otherwise. */
    givenIds?: readonly string[]
  ): { ids: string[]; terms: VocabEntry[] } {
    let next = 0
    const writer = rowWriter(
      conn,
      origin,
      at,
      operatorId,
      givenIds ? () => givenIds[next++]! : randomUUID
    )
    const insertFts = conn.prepare('INSERT INTO address_fts (rowid, old, new) VALUES (?, ?, ?)')
    const ids: string[] = []
    const terms = new Map<string, 'road' | 'division'>()
    for (const row of rows) {
      const { id, num } = writer.write(row)
      insertFts.run(num, row.oldNorm, row.newNorm)
      ids.push(id)
      for (const road of [row.oldRoad, row.newRoad])
        if (road && !vocabulary().has(road) && !terms.has(road)) terms.set(road, termKind(row))
    }
    return { ids, terms: addTerms(conn, terms) }
  }

  /** Indexes rows `num >= fromNum` in FTS5 in one statement (after a bulk insert). */
  function indexFrom(conn: Database.Database, fromNum: number) {
    conn.function('address_norm', { deterministic: true }, (text) => normalizeText(String(text)))
    // A larger in-memory term table while filling means fewer, larger segments to merge.
    conn.exec(`INSERT INTO address_fts (address_fts, rank) VALUES ('hashsize', ${FILL_HASH_BYTES})`)
    conn
      .prepare(
        `INSERT INTO address_fts (rowid, old, new)
         SELECT num, address_norm(old_text), address_norm(new_text) FROM address_changes
         WHERE num >= ?`
      )
      .run(fromNum)
    conn.exec(`INSERT INTO address_fts (address_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`)
  }

  /** Writes new terms; the caller adds them to memory (`commitTerms`) once its transaction commits. */
  function addTerms(
    conn: Database.Database,
    terms: Map<string, 'road' | 'division'>
  ): VocabEntry[] {
    const entries: VocabEntry[] = []
    if (terms.size === 0) return entries
    const insertTerm = conn.prepare(
      `INSERT OR IGNORE INTO address_vocab (term, kind, full, initials, syllables, rows)
       VALUES (?, ?, ?, ?, ?, 0)`
    )
    for (const [term, kind] of terms) {
      const entry = Vocabulary.entryFor(term, kind)
      insertTerm.run(
        term,
        kind,
        entry.syllables.join(''),
        entry.syllables.map((s) => s[0]).join(''),
        entry.syllables.join(' ')
      )
      entries.push(entry)
    }
    return entries
  }

  /**
   * Stores a station row as the station server holds it (another PC's, issue #15) on `conn`, in
   * the caller's transaction: a new one under this PC's next `num`, or over this PC's older copy,
   * with its FTS entry. Returns the new vocabulary terms (for `commitTerms`), or null when this
   * PC's copy is as new.
   */
  function takeStationRow(conn: Database.Database, row: StationRow): VocabEntry[] | null {
    const local = conn
      .prepare('SELECT num, version FROM address_changes WHERE id = ?')
      .get(row.id) as { num: number; version: number } | undefined
    if (local && local.version >= row.version) return null
    const fields = changeFields(row)
    let num: number
    if (local) {
      num = local.num
      conn
        .prepare(
          `UPDATE address_changes SET level = ?, old_text = ?, new_text = ?, old_key = ?,
             new_key = ?, old_road = ?, old_no = ?, new_road = ?, new_no = ?, effective = ?,
             source = ?, note = ?, updated_at = ?,
             updated_by = (SELECT id FROM operators WHERE id = ?), version = ?
           WHERE id = ?`
        )
        .run(...fields, row.updatedAt, row.updatedBy, row.version, row.id)
      conn.prepare('DELETE FROM address_fts WHERE rowid = ?').run(num)
    } else {
      num =
        ((conn.prepare('SELECT max(num) AS n FROM address_changes').get() as { n: number | null })
          .n ?? 0) + 1
      conn
        .prepare(
          `INSERT INTO address_changes (id, num, origin, level, old_text, new_text, old_key,
             new_key, old_road, old_no, new_road, new_no, effective, source, note, created_at,
             updated_at, updated_by, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
             (SELECT id FROM operators WHERE id = ?), ?)`
        )
        .run(
          row.id,
          num,
          row.origin,
          ...fields,
          row.createdAt,
          row.updatedAt,
          row.updatedBy,
          row.version
        )
    }
    conn
      .prepare('INSERT INTO address_fts (rowid, old, new) VALUES (?, ?, ?)')
      .run(num, normalizeText(row.oldText.trim()), normalizeText(row.newText.trim()))
    const kind = row.level === 'county' || row.level === 'subcounty' ? 'division' : 'road'
    const terms = new Map<string, 'road' | 'division'>()
    for (const road of [row.oldRoad, row.newRoad])
      if (road && !vocabulary().has(road)) terms.set(road, kind)
    return addTerms(conn, terms)
  }

  function deleteRow(conn: Database.Database, row: Row) {
    conn.prepare('DELETE FROM address_fts WHERE rowid = ?').run(row.num)
    conn.prepare('DELETE FROM address_changes WHERE num = ?').run(row.num)
  }

  function updateRow(
    conn: Database.Database,
    row: Row,
    input: ChangeInput,
    at: string,
    operatorId: string
  ) {
    const p = prepareRow({ level: row.level, ...input })
    conn
      .prepare(
        `UPDATE address_changes SET level = ?, old_text = ?, new_text = ?, old_key = ?, new_key = ?,
          old_road = ?, old_no = ?, new_road = ?, new_no = ?, effective = ?, source = ?, note = ?,
          updated_at = ?, updated_by = ? WHERE num = ?`
      )
      .run(
        p.level,
        p.oldText,
        p.newText,
        p.oldKey,
        p.newKey,
        p.oldRoad,
        p.oldNo,
        p.newRoad,
        p.newNo,
        p.effective,
        p.source,
        p.note,
        at,
        operatorId,
        row.num
      )
    conn.prepare('DELETE FROM address_fts WHERE rowid = ?').run(row.num)
    conn
      .prepare('INSERT INTO address_fts (rowid, old, new) VALUES (?, ?, ?)')
      .run(row.num, p.oldNorm, p.newNorm)
    const terms = new Map<string, 'road' | 'division'>()
    for (const road of [p.oldRoad, p.newRoad])
      if (road && !vocabulary().has(road)) terms.set(road, 'road')
    return addTerms(conn, terms)
  }

  // ---- chains --------------------------------------------------------------------------------

  const step = (row: Row): ChainStep => ({
    id: row.id,
    oldText: row.oldText,
    newText: row.newText,
    effective: row.effective,
    source: row.source
  })

  /** The chain through `row`: earlier changes whose new side is its old side, and later ones. */
  function chainOf(row: Row): ChainStep[] {
    const seen = new Set([row.num])
    const before: Row[] = []
    let current = row
    for (let i = 0; i < 10; i++) {
      const prev = (statements.prevSteps.all(current.oldKey) as Row[]).find(
        (r) =>
          !seen.has(r.num) &&
          (!r.effective || !current.effective || r.effective <= current.effective)
      )
      if (!prev) break
      seen.add(prev.num)
      before.unshift(prev)
      current = prev
    }
    const after: Row[] = []
    current = row
    for (let i = 0; i < 10; i++) {
      const next = (statements.nextSteps.all(current.newKey) as Row[]).find(
        (r) =>
          !seen.has(r.num) &&
          (!r.effective || !current.effective || r.effective >= current.effective)
      )
      if (!next) break
      seen.add(next.num)
      after.push(next)
      current = next
    }
    return [...before, row, ...after].map(step)
  }

  // ---- search --------------------------------------------------------------------------------

  /**
   * Rows of the matched names (best names first): with a house number, through the (road, number)
   * index a chunk of names per statement until `enough` rows are found; without, a few rows each.
   */
  function rowsForTerms(
    matches: TermMatch[],
    number: string | null,
    enough: number,
    penalty: number
  ): Candidate[] {
    const out: Candidate[] = []
    const push = (match: TermMatch, row: Row) =>
      out.push({
        row,
        score: 1 - match.cost / 4 + (number ? 0.1 : 0) - penalty,
        how: match.how === 'chars' ? 'substring' : match.how === 'edit' ? 'edit' : match.how,
        terms: number ? [match.entry.term, number] : [match.entry.term]
      })
    if (!number) {
      for (const match of matches) {
        if (out.length >= enough * 3) break
        for (const statement of [statements.byOldRoad, statements.byNewRoad])
          for (const row of statement.all(match.entry.term, enough) as Row[]) push(match, row)
      }
      return out
    }
    for (let i = 0; i < matches.length && out.length < enough; i += TERMS_PER_STATEMENT) {
      const chunk = matches.slice(i, i + TERMS_PER_STATEMENT)
      const terms = chunk.map((m) => m.entry.term)
      while (terms.length < TERMS_PER_STATEMENT) terms.push('')
      const byTerm = new Map(chunk.map((m) => [m.entry.term, m]))
      const rows = [
        ...(statements.byOldRoadsNo.all(...terms, number, ROWS_PER_STATEMENT) as Row[]).map(
          (row) => [row.oldRoad!, row] as const
        ),
        ...(statements.byNewRoadsNo.all(...terms, number, ROWS_PER_STATEMENT) as Row[]).map(
          (row) => [row.newRoad!, row] as const
        )
      ]
      for (const [term, row] of rows) push(byTerm.get(term)!, row)
    }
    return out
  }

  function ftsRows(query: string, limit = FTS_LIMIT): Row[] {
    if ([...query].length < 3) return []
    const nums = statements.fts.all(phrase(query), limit) as { rowid: number }[]
    return nums.map((n) => statements.byNum.get(n.rowid) as Row)
  }

  /** Scores a substring hit: whole-text equality, then a match at the start, then shorter text. */
  function substringScore(row: Row, query: string): number {
    const texts = [normalizeQuery(row.oldText), normalizeQuery(row.newText)]
    let best = 0
    for (const t of texts) {
      const at = t.indexOf(query)
      if (at === -1) continue
      const s =
        t === query
          ? 1.2
          : 1 + (at === 0 ? 0.1 : 0) - Math.min(0.09, (t.length - query.length) / 400)
      best = Math.max(best, s)
    }
    return best || 0.9
  }

  function search(rawQuery: string, limit = 10): SearchHit[] {
    const query = normalizeQuery(rawQuery)
    if (!query) return []
    const candidates: Candidate[] = []
    const hasLatin = /[a-z]/.test(query)
    const hanCount = [...query].filter(isHan).length
    const { road, number } = splitQuery(query)
    const roadPart = parseAddress(road).road || road

    if (!hasLatin && [...query].length >= 3) {
      for (const row of ftsRows(query))
        candidates.push({
          row,
          score: substringScore(row, query),
          how: 'substring',
          terms: [query]
        })
      for (const [oldName, newName] of aliases) {
        if (!newName || !query.includes(oldName)) continue
        const rewritten = query.replace(oldName, newName)
        for (const row of ftsRows(rewritten, 50))
          candidates.push({ row, score: 0.85, how: 'alias', terms: [rewritten, newName] })
      }
    }
    // The typed road fragment as a whole, then its parsed road part (幸福区巷 parses as district
    // 幸福区 + road 巷), ranked lower because the rest of the fragment is left unexplained. A part
    // of one character (巷, 街) names thousands of roads and tells nothing: it is not searched.
    const parts: [string, number][] = [[road, 0]]
    if (roadPart !== road && [...roadPart].length >= 2) parts.push([roadPart, PART_PENALTY])
    const byVocabulary = (part: string, edits: 0 | 1, penalty: number) =>
      rowsForTerms(
        // With a house number few names have that number, so more names are worth probing (not
        // for the parsed part: it is ranked lower, and a common one such as 北里 names thousands).
        // The one-edit pass adds corrections only (names matching as typed come from the exact pass).
        vocabulary()
          .match(part, { edits, limit: number && !penalty ? TERM_LIMIT_NUMBERED : TERM_LIMIT })
          .filter((m) => edits === 0 || m.how === 'homophone' || m.how === 'edit'),
        number,
        limit,
        penalty
      )
    // Each part exactly, then within one edit (homophone, wrong, missing or extra character): a
    // typo can make another name, or a piece of a longer one, so this runs while results are few.
    const exact = hasLatin || hanCount < 3 || candidates.length === 0
    for (const [part, penalty] of parts) {
      if (candidates.length < limit && exact) candidates.push(...byVocabulary(part, 0, penalty))
      if (
        candidates.length < limit &&
        !hasLatin &&
        [...part].length >= 3 &&
        // Until the vocabulary has loaded, a fragment that is itself a name is taken as typed.
        (vocabAfter === null || !isTerm(part))
      )
        candidates.push(...byVocabulary(part, 1, penalty))
    }
    if (candidates.length === 0 && !hasLatin && [...query].length >= 4) {
      candidates.push(...oneEditThroughTrigrams(query))
    }
    return rank(candidates, limit)
  }

  /** For each character, the parts left and right of it are searched; candidates are verified. */
  function oneEditThroughTrigrams(query: string): Candidate[] {
    const chars = [...query]
    const seen = new Set<number>()
    const out: Candidate[] = []
    for (let i = 0; i < chars.length; i++) {
      const left = chars.slice(0, i).join('')
      const right = chars.slice(i + 1).join('')
      const part = left.length >= right.length ? left : right
      if ([...part].length < 3) continue
      for (const row of ftsRows(part, 300)) {
        if (seen.has(row.num)) continue
        seen.add(row.num)
        const texts = [normalizeQuery(row.oldText), normalizeQuery(row.newText)]
        if (texts.some((t) => withinOneEdit(t, query) === 1))
          out.push({ row, score: 0.5, how: 'edit', terms: [part] })
      }
    }
    return out
  }

  function rank(candidates: Candidate[], limit: number): SearchHit[] {
    const best = new Map<number, Candidate>()
    for (const c of candidates) {
      const kept = best.get(c.row.num)
      if (!kept || c.score > kept.score) best.set(c.row.num, c)
    }
    const ordered = [...best.values()].sort(
      (a, b) =>
        b.score - a.score ||
        originRank(a.row.origin) - originRank(b.row.origin) ||
        a.row.oldText.length - b.row.oldText.length
    )
    return ordered.slice(0, limit).map((c) => toHit(c))
  }

  const originRank = (origin: Origin) => (origin === 'station' ? 0 : origin === 'sample' ? 1 : 2)

  function toHit(c: Candidate): SearchHit {
    const { row } = c
    const oldSpans = spansOf(row.oldText, c.terms)
    const newSpans = spansOf(row.newText, c.terms)
    const matched = oldSpans.length >= newSpans.length ? 'old' : 'new'
    return {
      ...toView(row),
      score: Math.round(c.score * 1000) / 1000,
      matched,
      how: c.how,
      highlights: { old: oldSpans, new: newSpans },
      changed: changedSpans(row.oldText, row.newText),
      changedParts: changedParts(
        parseAddress(normalizeText(row.oldText)),
        parseAddress(normalizeText(row.newText))
      ),
      chain: chainOf(row)
    }
  }

  return {
    vocabulary,
    warm,
    loadAliases,
    search,
    rowWriter,
    termKind,
    indexFrom,
    addTerms,
    chainOf,
    insertRows,
    updateRow,
    deleteRow,
    takeStationRow,
    commitTerms: (entries: VocabEntry[]) => entries.forEach((e) => vocab.add(e)),
    byId: (id: string) => statements.byId.get(id) as Row | undefined
  }
}

export type AddressStore = ReturnType<typeof createAddressStore>
