import { maskIdNumber, maskPhone } from './logbooks/mask'

/**
 * ID numbers and phone numbers inside free text (a case summary, a matter, a note): found so that
 * masked outputs mask them, the search column never holds them, and storage can seal them.
 */
export type IdentifierKind = 'id' | 'mobile' | 'landline'

export interface FoundIdentifier {
  kind: IdentifierKind
  start: number
  end: number
  /** As typed. */
  text: string
  /** Digits (and X) only; a mobile without +86, a landline as area-number. */
  normalized: string
}

// An identifier is never glued to other letters or digits: "案号2026110400012" is not a phone.
// Separators inside a number (space, hyphen) are accepted the way people write them.
const ID_18 = String.raw`\d{6}(?:[ -]?)\d{8}(?:[ -]?)\d{3}[\dXx]`
const ID_15 = String.raw`\d{6}(?:[ -]?)\d{6}(?:[ -]?)\d{3}`
const MOBILE = String.raw`(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?)\d{4}(?:[ -]?)\d{4}`
const LANDLINE = String.raw`(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{7,8}`
const PATTERN = new RegExp(
  String.raw`(?<![0-9A-Za-z+])(?:(${ID_18})|(${ID_15})|(${MOBILE})|(${LANDLINE}))(?![0-9A-Za-z])`,
  'g'
)

const FOUR_DIGITS = /[\d０-９]{4}/

const digitsOf = (text: string) => text.replace(/[^\dXx]/g, '').toUpperCase()

/** Every ID and phone number in `text`, left to right, not overlapping. Full-width digits too. */
export function findIdentifiers(text: string): FoundIdentifier[] {
  // Every form has four digits in a row somewhere: most texts are done here.
  if (!FOUR_DIGITS.test(text)) return []
  // NFKC keeps the length of ASCII and turns full-width digits (１３８…) into ASCII one for one.
  const scan = /[０-９＋－（）ｘＸ\u3000]/.test(text) ? text.normalize('NFKC') : text
  if (scan.length !== text.length) return findIn(text)
  return findIn(scan).map((found) => ({ ...found, text: text.slice(found.start, found.end) }))
}

function findIn(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = []
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index
    const end = start + match[0].length
    const digits = digitsOf(match[0])
    if (match[1] || match[2]) {
      found.push({ kind: 'id', start, end, text: match[0], normalized: digits })
    } else if (match[3]) {
      found.push({ kind: 'mobile', start, end, text: match[0], normalized: digits.slice(-11) })
    } else {
      const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4
      found.push({
        kind: 'landline',
        start,
        end,
        text: match[0],
        normalized: `${digits.slice(0, areaLength)}-${digits.slice(areaLength)}`
      })
    }
  }
  return found
}

/** Replaces each identifier in `text` with what `replace` returns for it. */
export function replaceIdentifiers(
  text: string,
  replace: (found: FoundIdentifier) => string
): string {
  const found = findIdentifiers(text)
  if (found.length === 0) return text
  let out = ''
  let at = 0
  for (const item of found) {
    out += text.slice(at, item.start) + replace(item)
    at = item.end
  }
  return out + text.slice(at)
}

/** The masked form of one identifier: 110105********002X, 110105******002, 138****5678, 010-****5678. */
export const maskIdentifier = (found: FoundIdentifier) =>
  found.kind !== 'id'
    ? maskPhone(found.normalized)
    : found.normalized.length === 15
      ? `${found.normalized.slice(0, 6)}******${found.normalized.slice(-3)}`
      : maskIdNumber(found.normalized)

/** Free text with every ID and phone number masked (masked exports, prints, logs, search text). */
export const maskIdentifiersInText = (text: string) => replaceIdentifiers(text, maskIdentifier)
