import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { AppError } from '../../shared/errors'
import { replaceIdentifiers } from '../../shared/identifiers'
import type { KeyVault } from '../keys/key-vault'
import { SEALED_TEXT_PREFIX } from '../../shared/text-safety'

/*
 * AES-256-GCM rather than SM4-GCM: Electron's Node is built on BoringSSL and Node's own OpenSSL 3
 * build does not always ship SM4, so SM4 would mean a JavaScript cipher of our own; GCM is AEAD
 * (a changed byte or a value moved to another column fails to open instead of reading as garbage);
 * and AES runs on the CPU's AES instructions (AES-NI, ARMv8 crypto), so sealing a field costs
 * microseconds.
 */
const ALGORITHM = 'aes-256-gcm'
const IV_BYTES = 12
const TAG_BYTES = 16

/** A sealed text value: `enc1:` + base64url(iv ‖ ciphertext ‖ tag). */
export const SEALED_PREFIX = SEALED_TEXT_PREFIX
/**
 * Inside free text an identifier is replaced by `\u0001enc1:…\u0002`; text fields refuse control
 * characters (shared/text-safety), so a clerk can never type the markers.
 */
const EMBED_START = '\u0001'
const EMBED_END = '\u0002'
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
const EMBEDDED = /\u0001(enc1:[A-Za-z0-9_-]+)\u0002/g
// eslint-disable-next-line no-control-regex -- as above
const EMBEDDED_ONE = /\u0001enc1:[A-Za-z0-9_-]+\u0002/

/** Photo files: magic ‖ iv ‖ ciphertext ‖ tag. */
const FILE_MAGIC = Buffer.from('BMENC1\0\0', 'latin1')

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX)
export const isSealedFile = (bytes: Buffer) =>
  bytes.length >= FILE_MAGIC.length && bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)

function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}

function open(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw unreadable(what)
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final()
    ])
  } catch {
    throw unreadable(what)
  }
}

const unreadable = (what: string) =>
  new AppError('INTERNAL', `${what}无法解密：数据已损坏或被改动，或不是用本机数据密钥加密的`)

/** Blind-index kinds: an ID number and a phone number never share a token. */
export type BlindKind = 'id' | 'phone'

/**
 * Field encryption, blind indexes and photo-file encryption, each with its own derived key.
 * `createPlainCipher` is the same interface doing nothing: the benchmark's baseline only.
 */
export interface DataCipher {
  readonly enabled: boolean
  /** A text value sealed for one place (`table.column`): the AAD, so it cannot be moved. */
  sealText(value: string, place: string): string
  openText(value: string, place: string): string
  sealOptional(value: string | null | undefined, place: string): string | null
  openOptional(value: string | null | undefined, place: string): string | null
  /** Free text with each ID and phone number sealed in place; the rest stays readable. */
  sealEmbedded(text: string, place: string): string
  openEmbedded(text: string, place: string): string
  /** HMAC-SHA256 of a normalised identifier, truncated to 128 bits, base64url (22 characters). */
  blindIndex(kind: BlindKind, normalized: string): string
  sealFile(bytes: Buffer, place: string): Buffer
  openFile(bytes: Buffer, place: string): Buffer
}

export function createDataCipher(keys: Pick<KeyVault, 'key'>): DataCipher {
  const fieldKey = keys.key('field-cipher')
  const blindKey = keys.key('blind-index')
  const photoKey = keys.key('photo-cipher')
  const sealText = (value: string, place: string) =>
    SEALED_PREFIX + seal(fieldKey, Buffer.from(value, 'utf8'), place).toString('base64url')
  const openText = (value: string, place: string) => {
    if (!isSealed(value)) throw unreadable(`${place} 中的值未加密，`)
    return open(
      fieldKey,
      Buffer.from(value.slice(SEALED_PREFIX.length), 'base64url'),
      place,
      place
    ).toString('utf8')
  }
  return {
    enabled: true,
    sealText,
    openText,
    sealOptional: (value, place) => (value == null ? null : sealText(value, place)),
    openOptional: (value, place) => (value == null ? null : openText(value, place)),
    sealEmbedded: (text, place) =>
      replaceIdentifiers(text, (found) => EMBED_START + sealText(found.text, place) + EMBED_END),
    openEmbedded: (text, place) =>
      text.includes(EMBED_START)
        ? text.replace(EMBEDDED, (_all, sealed: string) => openText(sealed, place))
        : text,
    blindIndex: (kind, normalized) =>
      createHmac('sha256', blindKey)
        .update(`${kind}:${normalized}`)
        .digest()
        .subarray(0, 16)
        .toString('base64url'),
    sealFile: (bytes, place) => Buffer.concat([FILE_MAGIC, seal(photoKey, bytes, place)]),
    openFile: (bytes, place) => {
      if (!isSealedFile(bytes)) throw unreadable(`照片 ${place} 未加密，`)
      return open(photoKey, bytes.subarray(FILE_MAGIC.length), place, `照片 ${place} `)
    }
  }
}

/** A sealed value opened with one cipher and sealed again, for the same place, with another. */
export const recodeText = (value: string, place: string, from: DataCipher, to: DataCipher) =>
  to.sealText(from.openText(value, place), place)

/** Free text whose sealed identifiers are recoded in place; the rest is kept as it is. */
export const recodeEmbedded = (text: string, place: string, from: DataCipher, to: DataCipher) =>
  text.includes(EMBED_START)
    ? text.replace(
        EMBEDDED,
        (_all, sealed: string) => EMBED_START + recodeText(sealed, place, from, to) + EMBED_END
      )
    : text

/** Whether a stored text holds a sealed value, whole or embedded. */
export const holdsSealed = (text: string) =>
  isSealed(text) || (text.includes(EMBED_START) && EMBEDDED_ONE.test(text))

/** No encryption at all: only for the benchmark's same-run baseline. */
export function createPlainCipher(): DataCipher {
  const same = (value: string) => value
  const sameOptional = (value: string | null | undefined) => value ?? null
  return {
    enabled: false,
    sealText: same,
    openText: same,
    sealOptional: sameOptional,
    openOptional: sameOptional,
    sealEmbedded: same,
    openEmbedded: same,
    blindIndex: (kind, normalized) => `${kind}:${normalized}`,
    sealFile: (bytes) => bytes,
    openFile: (bytes) => bytes
  }
}
