/**
 * The station key (issue #15): one data key shared by every PC of a station, so that what one PC
 * sealed (ID and phone numbers), indexed (blind-index tokens) and signed (audit macs) on the server
 * can be opened, found and checked by the others. Each PC keeps its own data key for its own
 * database; rows are recoded at the boundary (transcode.ts).
 *
 * The first PC to link makes the key and leaves it on the server wrapped by the station's key
 * passphrase (本所密钥口令, typed by the administrator, never stored): AES-256-GCM under a
 * scrypt-derived key. Each PC that joins types the passphrase once, unwraps the key and keeps it
 * sealed with its own data key. The server, its backups and its administrator see only the
 * wrapped key; guessing the passphrase costs one scrypt (128 MiB, about a second) per try.
 */
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type ScryptOptions
} from 'node:crypto'
import type pg from 'pg'
import { AppError } from '../../shared/errors'
import { KEY_BYTES, keyFingerprint } from '../keys/key-vault'

export const PASSPHRASE_MIN_LENGTH = 12

interface KdfParams {
  N: number
  r: number
  p: number
}

/** scrypt's cost: 128 MiB and about a second per guess on a counter PC. */
const KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 }
const IV_BYTES = 12
const TAG_BYTES = 16
/** Binds the wrapped key to its purpose. */
const WRAP_AAD = Buffer.from('bianmin-desk station key v1', 'utf8')

/** The server's row (drizzle-pg/0009). */
export interface WrappedStationKey {
  fingerprint: string
  wrapped: string
  salt: string
  kdf: KdfParams
}

const deriveWrappingKey = (passphrase: string, salt: Buffer, kdf: KdfParams) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { ...kdf, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  })

export async function wrapStationKey(key: Buffer, passphrase: string): Promise<WrappedStationKey> {
  const salt = randomBytes(16)
  const wrappingKey = await deriveWrappingKey(passphrase, salt, KDF)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv)
  cipher.setAAD(WRAP_AAD)
  const sealed = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()])
  return {
    fingerprint: keyFingerprint(key),
    wrapped: sealed.toString('base64url'),
    salt: salt.toString('base64url'),
    kdf: KDF
  }
}

const wrongPassphrase = () =>
  new AppError('VALIDATION', '本所密钥口令不对：请向本所管理员确认（第一台接入的电脑设定的口令）', {
    passphrase: '口令不对'
  })

/** The station key, or a clear error when the passphrase is not the one it was wrapped with. */
export async function unwrapStationKey(
  row: WrappedStationKey,
  passphrase: string
): Promise<Buffer> {
  const kdf = row.kdf
  if (
    !Number.isInteger(kdf.N) ||
    kdf.N < 2 ** 14 ||
    kdf.N > 2 ** 20 ||
    !Number.isInteger(kdf.r) ||
    kdf.r < 1 ||
    kdf.r > 32 ||
    !Number.isInteger(kdf.p) ||
    kdf.p < 1 ||
    kdf.p > 4
  ) {
    throw new AppError('VALIDATION', '服务器上的本所密钥参数不对，不能使用')
  }
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(row.salt, 'base64url'), kdf)
  const sealed = Buffer.from(row.wrapped, 'base64url')
  if (sealed.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) throw wrongPassphrase()
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, sealed.subarray(0, IV_BYTES))
  decipher.setAAD(WRAP_AAD)
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  let key: Buffer
  try {
    key = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final()
    ])
  } catch {
    throw wrongPassphrase()
  }
  if (keyFingerprint(key) !== row.fingerprint) throw wrongPassphrase()
  return key
}

/** The station's wrapped key on the server, or null before the first PC linked. */
export async function readServerKey(client: pg.ClientBase): Promise<WrappedStationKey | null> {
  const { rows } = await client.query<{
    fingerprint: string
    wrapped: string
    salt: string
    kdf: KdfParams
  }>('SELECT fingerprint, wrapped, salt, kdf FROM station_key WHERE id = 1')
  return rows[0] ?? null
}

export interface StationKeyResult {
  key: Buffer
  /** This PC made the key (the first to link). */
  created: boolean
}

/**
 * The station key for this PC: the one it already holds when the server's is the same; else the
 * server's, unwrapped with the passphrase; else, on a server without one, a new key wrapped with
 * the passphrase (two PCs racing: the first stored wins, the other unwraps it).
 */
export async function establishStationKey(
  client: pg.ClientBase,
  options: {
    passphrase: string | undefined
    held: Buffer | null
    deviceId: string
    at: string
  }
): Promise<StationKeyResult> {
  const { passphrase, held, deviceId, at } = options
  const onServer = await readServerKey(client)
  if (onServer && held && keyFingerprint(held) === onServer.fingerprint) {
    return { key: held, created: false }
  }
  if (!passphrase) {
    throw new AppError(
      'VALIDATION',
      onServer
        ? '请填写本所密钥口令：本所的登记由它保护，第一台接入的电脑设定了它'
        : '请设定本所密钥口令：这是第一台接入本所服务器的电脑，之后每台电脑接入时都要输入它',
      { passphrase: '请填写本所密钥口令' }
    )
  }
  if (onServer) return { key: await unwrapStationKey(onServer, passphrase), created: false }
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    throw new AppError('VALIDATION', `本所密钥口令至少 ${PASSPHRASE_MIN_LENGTH} 个字符`, {
      passphrase: `至少 ${PASSPHRASE_MIN_LENGTH} 个字符`
    })
  }
  const key = randomBytes(KEY_BYTES)
  const wrapped = await wrapStationKey(key, passphrase)
  const inserted = await client.query(
    `INSERT INTO station_key (id, fingerprint, wrapped, salt, kdf, created_at, created_by_device)
     VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
    [wrapped.fingerprint, wrapped.wrapped, wrapped.salt, JSON.stringify(wrapped.kdf), at, deviceId]
  )
  if (inserted.rowCount === 1) return { key, created: true }
  // Another PC stored its key first.
  const first = await readServerKey(client)
  return { key: await unwrapStationKey(first!, passphrase), created: false }
}
