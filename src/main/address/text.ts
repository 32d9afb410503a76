import * as OpenCC from 'opencc-js/t2cn'
import { pinyin } from 'pinyin-pro'

/** Text normalisation and pinyin for the address index. Both sides (rows and queries) use these. */

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
const charMap = new Map<string, string>()

/** One character at a time, so indices in the normalised text are indices in the original. */
function normalizeChar(char: string): string {
  let mapped = charMap.get(char)
  if (mapped === undefined) {
    const folded = char.normalize('NFKC').toLowerCase()
    mapped = [...toSimplified(folded)][0] ?? char
    if (mapped === '號') mapped = '号'
    charMap.set(char, mapped)
  }
  return mapped
}

/** Each BMP code unit's normalised code unit (0: not yet looked up). */
const unitMap = new Uint16Array(0x10000)

function mapUnit(unit: number): number {
  let mapped = unitMap[unit]!
  if (mapped === 0) {
    const char = normalizeChar(String.fromCharCode(unit))
    mapped = char.length === 1 ? char.charCodeAt(0) : unit
    unitMap[unit] = mapped
  }
  return mapped
}

function normalizeChars(text: string): string {
  let out = ''
  for (const char of text) out += normalizeChar(char).length === 1 ? normalizeChar(char) : char
  return out
}

/**
 * Full-width → half-width, traditional → simplified, lower case; same length as the input. Runs
 * on every imported text, so it works on code units and returns the input when nothing changes.
 */
export function normalizeText(text: string): string {
  let out: string | null = null
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdfff) return normalizeChars(text)
    const mapped = mapUnit(unit)
    if (out === null && mapped !== unit) out = text.slice(0, i)
    if (out !== null) out += String.fromCharCode(mapped)
  }
  return out ?? text
}

const SEPARATORS = /[\s,，、·'’-]+/g

/** The key of an already normalised text: without spaces or separators. */
export const keyOf = (normalized: string): string => normalized.replace(SEPARATORS, '')

/** A query: normalised, without spaces or separators. */
export const normalizeQuery = (query: string): string => keyOf(normalizeText(query))

export const isHan = (char: string) => /\p{Script=Han}/u.test(char)

const readingCache = new Map<string, string[]>()

/** Toneless readings of one character (all of them for polyphones), `ü` as `v`. */
export function readingsOf(char: string): string[] {
  let readings = readingCache.get(char)
  if (!readings) {
    readings = isHan(char)
      ? [
          ...new Set(
            pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map((s) =>
              s.replace(/ü/g, 'v')
            )
          )
        ]
      : [char.toLowerCase()]
    readingCache.set(char, readings)
  }
  return readings
}

export interface TermPinyin {
  syllables: string[]
  full: string
  initials: string
}

/** The term's reading in context (pinyin-pro picks polyphones by word), one syllable per character. */
export function termPinyin(term: string): TermPinyin {
  const chars = [...term]
  const aligned = chars.every((c) => readingsOf(c).length === 1)
    ? // Without polyphones the characters' readings are the reading: the library's word segmentation
      // (slow, and a million rows have ~30,000 names) is only needed for polyphones.
      chars.map((c) => readingsOf(c)[0]!)
    : inContext(term, chars)
  return {
    syllables: aligned,
    full: aligned.join(''),
    initials: aligned.map((s) => s[0] ?? '').join('')
  }
}

function inContext(term: string, chars: string[]): string[] {
  const syllables = pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/ü/g, 'v').toLowerCase())
    .flatMap((s) => (s.length > 1 && /^[\da-z]+$/.test(s) && !/[aeiouv]/.test(s) ? [...s] : [s]))
  // Keep one syllable per character even if the library grouped non-Han runs.
  return syllables.length === chars.length ? syllables : chars.map((c) => readingsOf(c)[0] ?? c)
}
