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

/** Full-width → half-width, traditional → simplified, lower case; same length as the input. */
export function normalizeText(text: string): string {
  let out = ''
  for (const char of text) out += normalizeChar(char).length === 1 ? normalizeChar(char) : char
  return out
}

/** A query: normalised, without spaces or separators. */
export const normalizeQuery = (query: string): string =>
  normalizeText(query).replace(/[\s,，、·'’-]+/g, '')

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
  const syllables = pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/ü/g, 'v').toLowerCase())
    .flatMap((s) => (s.length > 1 && /^[\da-z]+$/.test(s) && !/[aeiouv]/.test(s) ? [...s] : [s]))
  const chars = [...term]
  // Keep one syllable per character even if the library grouped non-Han runs.
  const aligned =
    syllables.length === chars.length ? syllables : chars.map((c) => readingsOf(c)[0] ?? c)
  return {
    syllables: aligned,
    full: aligned.join(''),
    initials: aligned.map((s) => s[0] ?? '').join('')
  }
}
