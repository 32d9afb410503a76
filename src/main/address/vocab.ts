import { isHan, readingsOf, termPinyin } from './text'

/**
 * The road/lane/division vocabulary (≈10⁴ names) held in memory, with pinyin per character.
 * A query is matched against each name: characters, homophones, full pinyin, initials, or a mix,
 * optionally with one wrong, missing or extra character.
 */

export interface VocabEntry {
  term: string
  chars: string[]
  /** First letters of the syllables, and the whole spelling, for quick filters. */
  initials: string
  full: string
  kind: 'road' | 'division'
  syllables: string[]
  /** Station-added full readings (大栅栏 → dashilar). */
  extra: string[]
  /** Code points and syllable ids per character: the one-edit check compares numbers only. */
  codes: Int32Array
  sounds: Int32Array
  /** Candidate-gathering stamp (see Vocabulary.stamp): dedupes without a Set per query. */
  seen: number
}

export interface TermMatch {
  entry: VocabEntry
  /** 0 exact characters; +0.2 per pinyin unit; 1 homophone or doubled character; 1.5 missing
   * character; 2 other edit. */
  cost: number
  start: number
  end: number
  how: 'chars' | 'pinyin' | 'homophone' | 'edit'
}

const LATIN = { test: (c: string) => c >= 'a' && c <= 'z' }

/** Toneless syllable → small integer, shared by names and queries. */
const soundIds = new Map<string, number>()
const soundId = (syllable: string): number => {
  let id = soundIds.get(syllable)
  if (id === undefined) {
    id = soundIds.size + 1
    soundIds.set(syllable, id)
  }
  return id
}

/** A Chinese query prepared for oneEdit: code points, and each character's reading ids. */
interface EditQuery {
  codes: Int32Array
  sounds: Int32Array[]
}

const editQuery = (q: string[]): EditQuery => ({
  codes: Int32Array.from(q, (c) => c.codePointAt(0)!),
  sounds: q.map((c) => Int32Array.from(readingsOf(c), soundId))
})

/** The last oneEdit result (a scratch record: the check runs for thousands of names per query). */
const found = { cost: Infinity, start: 0, end: 0, how: 'chars' as TermMatch['how'] }

function offer(cost: number, start: number, end: number, length: number, how: TermMatch['how']) {
  const total = cost + (start > 0 ? 0.5 : 0) + (end < length ? 0.3 : 0)
  if (total >= found.cost) return
  found.cost = total
  found.start = start
  found.end = end
  found.how = how
}

const sameRun = (q: Int32Array, qi: number, t: Int32Array, ti: number, n: number): boolean => {
  for (let k = 0; k < n; k++) if (q[qi + k] !== t[ti + k]) return false
  return true
}

/**
 * The best alignment of the query inside the name with at most one edit, into `found` (false if
 * none). Costs as matchFrom: homophone or doubled character 1, missing character 1.5, other edit 2;
 * plus 0.5 for a start inside the name and 0.3 for an end before its end. With one edit allowed
 * the edit sits at the first mismatch, so each start needs one scan and three tail comparisons.
 */
function oneEdit(query: EditQuery, entry: VocabEntry, edits: 0 | 1): boolean {
  const q = query.codes
  const t = entry.codes
  const n = q.length
  const m = t.length
  found.cost = Infinity
  for (let j = 0; j < m; j++) {
    if (edits === 0) {
      if (t[j] === q[0] && j + n <= m && sameRun(q, 1, t, j + 1, n - 1))
        offer(0, j, j + n, m, 'chars')
      continue
    }
    if (
      t[j] !== q[0] &&
      (n < 2 || t[j + 1] !== q[1]) &&
      !query.sounds[0]!.includes(entry.sounds[j]!)
    )
      continue
    let p = 0
    while (p < n && j + p < m && t[j + p] === q[p]) p++
    if (p === n) {
      offer(0, j, j + n, m, 'chars')
      continue
    }
    // Wrong character at p (a homophone costs less).
    if (j + n <= m && sameRun(q, p + 1, t, j + p + 1, n - p - 1)) {
      const homophone = query.sounds[p]!.includes(entry.sounds[j + p]!)
      offer(homophone ? 1 : 2, j, j + n, m, homophone ? 'homophone' : 'edit')
    }
    if (p === 0) continue
    // Extra character in the query at p (doubled: a repeated keystroke).
    if (j + n - 1 <= m && sameRun(q, p + 1, t, j + p, n - p - 1))
      offer(q[p] === q[p - 1] ? 1 : 2, j, j + n - 1, m, 'edit')
    // Character missing from the query before p.
    if (j + n + 1 <= m && sameRun(q, p, t, j + p + 1, n - p)) offer(1.5, j, j + n + 1, m, 'edit')
  }
  return found.cost !== Infinity
}

/** A station reading is space-separated syllables: match its initials or its full spelling. */
const readingMatches = (reading: string, query: string) => {
  const syllables = reading.split(' ')
  return (
    syllables.join('').startsWith(query) ||
    syllables
      .map((s) => s[0])
      .join('')
      .startsWith(query)
  )
}

type Step = { cost: number; end: number; pinyin: boolean; homophone: boolean; edit: boolean }
const PINYIN = { pinyin: true }
const HOMOPHONE = { homophone: true }
const EDIT = { edit: true }
const PLAIN = {}

/** The better of `best` and `next` plus `add` (a plain function: matchFrom is the hot loop). */
function better(
  best: Step | null,
  next: Step | null,
  add: number,
  flags: { pinyin?: boolean; homophone?: boolean; edit?: boolean } = PLAIN
): Step | null {
  if (!next) return best
  const cost = next.cost + add
  if (best && cost >= best.cost) return best
  return {
    cost,
    end: next.end,
    pinyin: next.pinyin || !!flags.pinyin,
    homophone: next.homophone || !!flags.homophone,
    edit: next.edit || !!flags.edit
  }
}

/** Best cost of matching query[i..] against the term from position j (substring semantics). */
function matchFrom(
  q: string[],
  chars: string[],
  syl: string[],
  i: number,
  j: number,
  editsLeft: number,
  latinEnd: boolean[]
): Step | null {
  if (i === q.length) return { cost: 0, end: j, pinyin: false, homophone: false, edit: false }
  let best: Step | null = null
  const c = q[i]!
  if (j < chars.length) {
    const s = syl[j]!
    if (LATIN.test(c)) {
      // Full syllable, a two-letter initial (zh/ch/sh), or the initial alone.
      let run = ''
      for (let k = i; k < q.length && LATIN.test(q[k]!); k++) {
        run += q[k]
        if (run === s)
          best = better(
            best,
            matchFrom(q, chars, syl, k + 1, j + 1, editsLeft, latinEnd),
            0.2,
            PINYIN
          )
        else if (k + 1 === q.length && s.startsWith(run) && run.length > 1)
          best = better(
            best,
            { cost: 0, end: j + 1, pinyin: true, homophone: false, edit: false },
            0.3,
            PINYIN
          )
        if (run.length >= s.length) break
      }
      if (s[0] === c)
        best = better(
          best,
          matchFrom(q, chars, syl, i + 1, j + 1, editsLeft, latinEnd),
          0.2,
          PINYIN
        )
      if (/^[zcs]h/.test(s) && c === s[0] && q[i + 1] === 'h')
        best = better(
          best,
          matchFrom(q, chars, syl, i + 2, j + 1, editsLeft, latinEnd),
          0.2,
          PINYIN
        )
    } else if (c === chars[j]) {
      best = better(best, matchFrom(q, chars, syl, i + 1, j + 1, editsLeft, latinEnd), 0)
    } else if (editsLeft > 0 && isHan(c) && readingsOf(c).includes(s)) {
      best = better(
        best,
        matchFrom(q, chars, syl, i + 1, j + 1, editsLeft - 1, latinEnd),
        1,
        HOMOPHONE
      )
    } else if (editsLeft > 0) {
      best = better(best, matchFrom(q, chars, syl, i + 1, j + 1, editsLeft - 1, latinEnd), 2, EDIT)
    }
    // A character missing from the query: with an input method, more common than a wrong
    // character that does not sound the same.
    if (editsLeft > 0 && i > 0 && !LATIN.test(c))
      best = better(best, matchFrom(q, chars, syl, i, j + 1, editsLeft - 1, latinEnd), 1.5, EDIT)
  }
  // An extra character in the query; a doubled one (a repeated keystroke or pick) costs like a
  // homophone.
  if (editsLeft > 0 && i > 0 && !LATIN.test(c))
    best = better(
      best,
      matchFrom(q, chars, syl, i + 1, j, editsLeft - 1, latinEnd),
      c === q[i - 1] ? 1 : 2,
      EDIT
    )
  return best
}

export class Vocabulary {
  private entries = new Map<string, VocabEntry>()
  /** Character or syllable → the names that contain it. */
  private postings = new Map<string, VocabEntry[]>()
  private list: VocabEntry[] = []
  /** Adjacent pair (characters, or sounds `~a~b`) → names, for `list[0, pairsDone)`. */
  private pairs = new Map<string, VocabEntry[]>()
  private pairsDone = 0
  /** Initial pairs `iab`, syllable heads `sab` and `extra` → names, for `list[0, latinDone)`. */
  private latin = new Map<string, VocabEntry[]>()
  private latinDone = 0
  private stamp = 0

  get size() {
    return this.entries.size
  }

  has(term: string) {
    return this.entries.has(term)
  }

  add(entry: VocabEntry) {
    if (this.entries.has(entry.term)) return
    this.entries.set(entry.term, entry)
    this.list.push(entry)
    for (const key of new Set([...entry.chars, ...entry.syllables.map((s) => `~${s}`)])) {
      const posting = this.postings.get(key)
      if (posting) posting.push(entry)
      else this.postings.set(key, [entry])
    }
  }

  /**
   * Names whose initials hold the query's first two letters, or one of whose syllables starts
   * with them (full pinyin), plus those with station readings: a superset of the names holding
   * the query at a syllable boundary, found without scanning the whole vocabulary.
   */
  private latinCandidates(query: string): VocabEntry[] {
    this.extendLatin()
    const head = query.slice(0, 2)
    return [
      ...new Set([
        ...(this.latin.get(`i${head}`) ?? []),
        ...(this.latin.get(`s${head}`) ?? []),
        ...(this.latin.get('extra') ?? [])
      ])
    ]
  }

  entry(term: string): VocabEntry | undefined {
    return this.entries.get(term)
  }

  /** Adds a station reading to a name already indexed (its pinyin keys gain `extra`). */
  addReading(entry: VocabEntry, reading: string) {
    if (entry.extra.includes(reading)) return
    entry.extra.push(reading)
    if (entry.extra.length === 1 && this.list.indexOf(entry) < this.latinDone) {
      const posting = this.latin.get('extra')
      if (posting) posting.push(entry)
      else this.latin.set('extra', [entry])
    }
  }

  /** Removes a station reading (the name leaves the `extra` posting with its last one). */
  removeReading(entry: VocabEntry, reading: string) {
    const at = entry.extra.indexOf(reading)
    if (at === -1) return
    entry.extra.splice(at, 1)
    const posting = this.latin.get('extra')
    if (!entry.extra.length && posting) {
      const k = posting.indexOf(entry)
      if (k !== -1) posting.splice(k, 1)
    }
  }

  /** Indexes the pinyin keys of up to `max` more names (in the background, or all by a match). */
  extendLatin(max = Infinity): boolean {
    const end = Math.min(this.list.length, this.latinDone + max)
    for (; this.latinDone < end; this.latinDone++) {
      const entry = this.list[this.latinDone]!
      const keys = new Set<string>()
      for (let k = 0; k + 1 < entry.initials.length; k++)
        keys.add(`i${entry.initials[k]}${entry.initials[k + 1]}`)
      for (const syllable of entry.syllables)
        if (syllable.length >= 2) keys.add(`s${syllable.slice(0, 2)}`)
      if (entry.extra.length) keys.add('extra')
      for (const key of keys) {
        const posting = this.latin.get(key)
        if (posting) posting.push(entry)
        else this.latin.set(key, [entry])
      }
    }
    return this.latinDone === this.list.length
  }

  /** Indexes the pairs of up to `max` more names (in the background, or all by a match). */
  extendPairs(max = Infinity): boolean {
    const end = Math.min(this.list.length, this.pairsDone + max)
    for (; this.pairsDone < end; this.pairsDone++)
      this.addPairs(this.pairs, this.list[this.pairsDone]!)
    return this.pairsDone === this.list.length
  }

  private addPairs(pairs: Map<string, VocabEntry[]>, entry: VocabEntry) {
    const keys = new Set<string>()
    for (let k = 0; k + 1 < entry.chars.length; k++) {
      keys.add(entry.chars[k]! + entry.chars[k + 1]!)
      keys.add(`~${entry.syllables[k]}~${entry.syllables[k + 1]}`)
      // Characters one apart (a wrong character between them), for three-character queries.
      if (k + 2 < entry.chars.length) keys.add(`${entry.chars[k]}_${entry.chars[k + 2]}`)
    }
    for (const key of keys) {
      const posting = pairs.get(key)
      if (posting) posting.push(entry)
      else pairs.set(key, [entry])
    }
  }

  /** The names of the given postings, each once (a stamp per gathering instead of a Set). */
  private gather(lists: VocabEntry[][]): VocabEntry[] {
    const stamp = ++this.stamp
    const out: VocabEntry[] = []
    for (const list of lists)
      for (const entry of list)
        if (entry.seen !== stamp) {
          entry.seen = stamp
          out.push(entry)
        }
    return out
  }

  /**
   * Candidates for one edit of a Chinese query of three or more characters, through pairs. A
   * wrong or extra character at e breaks the adjacent pairs (e-1, e) and (e, e+1) and leaves the
   * others, and leaves the bridge around e: q[e-1] and q[e+1] one apart (wrong) or adjacent
   * (extra); a missing character before e breaks pair (e-1, e) alone; a homophone breaks no sound
   * pair. So any set of keys that keeps a key through each of these covers every match: the cheapest such set (by posting sizes) is chosen, so that one common pair (北街, 西巷)
   * is replaced by a rare bridge.
   */
  private pairCandidates(q: string[]): VocabEntry[] {
    this.extendPairs()
    const n = q.length
    const get = (key: string) => this.pairs.get(key) ?? []
    // Keys 0..n-2: adjacent pairs (characters, and sounds); n-1..2n-4: bridges around 1..n-2.
    const keys: VocabEntry[][][] = []
    for (let k = 0; k + 1 < n; k++) {
      const lists = [get(q[k]! + q[k + 1]!)]
      for (const a of readingsOf(q[k]!))
        for (const b of readingsOf(q[k + 1]!)) lists.push(get(`~${a}~${b}`))
      keys.push(lists)
    }
    for (let e = 1; e + 1 < n; e++)
      keys.push([get(`${q[e - 1]}_${q[e + 1]}`), get(q[e - 1]! + q[e + 1]!)])
    const sizes = keys.map((lists) => lists.reduce((sum, l) => sum + l.length, 0))
    const has = (set: number, key: number) => (set & (1 << key)) !== 0
    const covers = (set: number) => {
      for (let e = 0; e < n; e++) {
        // Wrong or extra character at e; a missing one before e (breaks pair e-1 alone).
        let kept = e >= 1 && e + 1 < n && has(set, n - 2 + e)
        let keptMissing = e === 0
        for (let k = 0; k + 1 < n; k++) {
          if (k !== e - 1 && k !== e && has(set, k)) kept = true
          if (k !== e - 1 && has(set, k)) keptMissing = true
        }
        if (!kept || !keptMissing) return false
      }
      return true
    }
    let best = (1 << keys.length) - 1
    let bestSize = Infinity
    if (keys.length <= 14)
      for (let set = 1; set < 1 << keys.length; set++) {
        let size = 0
        for (let k = 0; k < keys.length; k++) if (set & (1 << k)) size += sizes[k]!
        if (size < bestSize && covers(set)) {
          best = set
          bestSize = size
        }
      }
    else {
      // Long queries: the three rarest adjacent pairs (an edit breaks at most two).
      const order = sizes.slice(0, n - 1).map((size, k) => ({ size, k }))
      order.sort((x, y) => x.size - y.size)
      best = order.slice(0, 3).reduce((set, { k }) => set | (1 << k), 0)
    }
    return this.gather(keys.filter((_, k) => best & (1 << k)).flat())
  }

  /** Names worth matching: for Chinese, those holding the rarer characters (or their sounds). */
  private candidates(q: string[], edits: 0 | 1, allLatin: boolean, query: string): VocabEntry[] {
    if (allLatin) {
      const holds = (e: VocabEntry) =>
        e.initials.includes(query) || e.full.includes(query) || e.extra.length > 0
      const quick = query.length >= 2 ? this.latinCandidates(query).filter(holds) : []
      if (quick.length) return quick
      const slow = this.list.filter(holds)
      return slow.length ? slow : this.list
    }
    const han = q.map((c, k) => ({ c, k })).filter(({ c }) => isHan(c))
    if (han.length === 0) return this.list
    if (edits === 0) {
      return han
        .map(({ c }) => this.postings.get(c) ?? [])
        .reduce((a, b) => (b.length < a.length ? b : a))
    }
    // One edit: of any two characters at least one is right (or sounds right), so the names
    // holding either of the two rarest characters or their sounds cover; only those two lists are
    // merged (a sound such as jie is in thousands of names).
    if (han.length < 2) return this.list
    if (q.length >= 4 || han.length === 3) return this.pairCandidates(q)
    const lists = han.map(({ c }) => [
      this.postings.get(c) ?? [],
      ...readingsOf(c).map((r) => this.postings.get(`~${r}`) ?? [])
    ])
    const size = (parts: VocabEntry[][]) => parts.reduce((n, p) => n + p.length, 0)
    lists.sort((a, b) => size(a) - size(b))
    const out = new Set<VocabEntry>()
    for (const parts of lists.slice(0, 2)) for (const p of parts) for (const e of p) out.add(e)
    return [...out]
  }

  static entryFor(term: string, kind: VocabEntry['kind'], extra: string[] = []): VocabEntry {
    return Vocabulary.entryOf(term, kind, termPinyin(term).syllables, extra)
  }

  static entryOf(
    term: string,
    kind: VocabEntry['kind'],
    syllables: string[],
    extra: string[]
  ): VocabEntry {
    return {
      term,
      chars: [...term],
      initials: syllables.map((s) => s[0]).join(''),
      full: syllables.join(''),
      kind,
      syllables,
      extra,
      codes: Int32Array.from(term, (c) => c.codePointAt(0)!),
      sounds: Int32Array.from(syllables, soundId),
      seen: 0
    }
  }

  /**
   * Names matching the query, best first. `edits` allows one wrong/missing/extra character
   * (Chinese queries of three or more characters only).
   */
  match(query: string, options: { edits: 0 | 1; limit: number }): TermMatch[] {
    const q = [...query]
    if (q.length === 0) return []
    const latinEnd = q.map((c, k) => LATIN.test(c) && !LATIN.test(q[k + 1] ?? ''))
    const allLatin = q.every((c) => LATIN.test(c))
    const anyLatin = q.some((c) => LATIN.test(c))
    const first = q[0]!
    const firstLatin = LATIN.test(first)
    const results: TermMatch[] = []
    if (!anyLatin) {
      // Chinese (no pinyin): an allocation-free check per candidate (thousands for common names).
      const prepared = editQuery(q)
      for (const entry of this.candidates(q, options.edits, false, query)) {
        if (
          q.length > entry.codes.length + options.edits ||
          !oneEdit(prepared, entry, options.edits)
        )
          continue
        results.push({
          entry,
          cost: found.cost,
          start: found.start,
          end: found.end,
          how: found.how
        })
      }
      return this.best(results, options.limit)
    }
    const hanReadings = q.map((c) => (isHan(c) ? readingsOf(c) : []))
    for (const entry of this.candidates(q, options.edits, allLatin, query)) {
      const chars = entry.chars
      if (
        firstLatin
          ? !entry.initials.includes(first) && !entry.extra.length
          : options.edits === 0 && !entry.term.includes(first)
      )
        continue
      if (allLatin && !entry.extra.length) {
        let absent = false
        for (const c of q) if (!entry.full.includes(c)) absent = true
        if (absent) continue
      }
      if (allLatin && entry.extra.some((r) => readingMatches(r, query))) {
        results.push({ entry, cost: 0.2, start: 0, end: chars.length, how: 'pinyin' })
        continue
      }
      let best: TermMatch | null = null
      const lastStart = options.edits ? chars.length : chars.length - 1
      for (let j = 0; j <= lastStart; j++) {
        if (options.edits === 0) {
          const s = entry.syllables[j]
          if (LATIN.test(first) ? s?.[0] !== first : chars[j] !== first) continue
        } else if (
          !anyLatin &&
          chars[j] !== first &&
          !hanReadings[0]!.includes(entry.syllables[j]!) &&
          chars[j + 1] !== q[1]
        )
          // A match starts with the first character, one that sounds like it, or one wrong
          // character followed by the second: matchFrom would find nothing from here.
          continue
        const found = matchFrom(q, chars, entry.syllables, 0, j, options.edits, latinEnd)
        if (!found) continue
        // Prefer matches that start the name and cover it.
        const cost = found.cost + (j > 0 ? 0.5 : 0) + (found.end < chars.length ? 0.3 : 0)
        if (!best || cost < best.cost)
          best = {
            entry,
            cost,
            start: j,
            end: found.end,
            how:
              found.cost >= 2 || found.edit
                ? 'edit'
                : found.homophone
                  ? 'homophone'
                  : found.pinyin
                    ? 'pinyin'
                    : 'chars'
          }
      }
      if (best) results.push(best)
    }
    return this.best(results, options.limit)
  }

  private best(results: TermMatch[], limit: number): TermMatch[] {
    results.sort(
      (a, b) =>
        a.cost - b.cost ||
        a.entry.term.length - b.entry.term.length ||
        (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'division' ? -1 : 1) ||
        // Code-unit order: a locale comparison costs more than the match itself here.
        (a.entry.term < b.entry.term ? -1 : a.entry.term > b.entry.term ? 1 : 0)
    )
    return results.slice(0, limit)
  }
}
