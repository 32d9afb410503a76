/**
 * Characters no text field keeps: C0/C1 control characters other than tab and line breaks, and
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can
 * make a stored name or address display differently from what it is ("Trojan Source").
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
export const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g
/* eslint-enable no-control-regex */

/** The first unsafe character as 'U+202E', or null. */
export function findUnsafeCharacter(value: string): string | null {
  const match = UNSAFE_CHARACTER.exec(value)
  if (!match) return null
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

export const unsafeCharacterMessage = (codePoint: string) =>
  `含有不可见的控制字符（${codePoint}），请删除后重新输入`

/**
 * What a sealed value starts with (main/crypto/cipher.ts): text typed or imported must not, or the
 * station's transcoder takes it for a sealed value it cannot open and stops the PC's uploads.
 */
export const SEALED_TEXT_PREFIX = 'enc1:'

/** Why a text cannot be kept: an unsafe character (named) or the sealed-value prefix; else null. */
export function unsafeTextMessage(value: string): string | null {
  const codePoint = findUnsafeCharacter(value)
  if (codePoint) return unsafeCharacterMessage(codePoint)
  if (value.trimStart().startsWith(SEALED_TEXT_PREFIX))
    return `不能以“${SEALED_TEXT_PREFIX}”开头（系统内部使用的标记）`
  return null
}

/** For search boxes: the query without unsafe characters (a pasted NUL finds what the rest finds). */
export const stripUnsafeCharacters = (value: string) => value.replace(UNSAFE_CHARACTERS, '')

/** ID numbers and phone numbers in free text masked: for logs and masked exports. */
export { maskIdentifiersInText as maskIdentifiers } from './identifiers'
