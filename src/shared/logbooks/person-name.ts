/**
 * Chinese personal names: Han characters of any block (Extension B and beyond included, so
 * `\p{Script=Han}` rather than `\u4e00-\u9fa5`), an optional ideographic variation selector, and
 * U+00B7 between the parts of a transliterated name (买买提·艾力). NFC, 1–50 code points.
 */

export const MIDDLE_DOT = '\u00B7'
/** Dots clerks type for the middle dot: full stop, bullets, katakana and Hangul dots, etc. */
const LOOKALIKE_DOTS = /[.\u0387\u2022\u2027\u2219\u22C5\u2E31\u30FB\u318D\uFF0E\uFF65\u16EB]/g
const HAN = '\\p{Script=Han}[\\u{E0100}-\\u{E01EF}]?'
const NAME_RE = new RegExp(`^(?:${HAN})+(?:${MIDDLE_DOT}(?:${HAN})+)*$`, 'u')
export const NAME_MAX = 50

export interface NameCheck {
  valid: boolean
  normalized: string
  error: string | null
  warnings: string[]
}

export function checkPersonName(raw: string): NameCheck {
  const warnings: string[] = []
  let value = raw.normalize('NFC').trim()
  const dotted = value.replace(LOOKALIKE_DOTS, MIDDLE_DOT)
  if (dotted !== value) {
    warnings.push('姓名中的分隔点已统一为间隔号“·”（U+00B7）')
    value = dotted
  }
  const bad = (error: string): NameCheck => ({ valid: false, normalized: value, error, warnings })
  const length = [...value].length
  if (length === 0) return bad('请输入姓名')
  if (length > NAME_MAX) return bad(`姓名不能超过 ${NAME_MAX} 个字`)
  if (/\s/u.test(value)) return bad('姓名中不能有空格')
  if (value.startsWith(MIDDLE_DOT) || value.endsWith(MIDDLE_DOT) || value.includes('··')) {
    return bad('间隔号“·”只能出现在姓名的两部分之间')
  }
  if (!NAME_RE.test(value)) {
    const odd = [...value].find((char) => char !== MIDDLE_DOT && !/\p{Script=Han}/u.test(char))
    return bad(`姓名只能由汉字和间隔号“·”组成${odd ? `，“${odd}”不是汉字` : ''}`)
  }
  return { valid: true, normalized: value, error: null, warnings }
}
