import { createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../shared/errors'

/**
 * The data key: 32 random bytes that never enter the database. Every key the app uses (field and
 * photo ciphers, blind indexes, the audit chain's HMAC, backups) is derived from it per purpose,
 * so one secret is kept and no derived key can be turned into another.
 *
 * Where the data key lives is a `KeyStorage`: Electron's safeStorage on a user's machine (DPAPI,
 * Keychain, libsecret; wired in src/main/index.ts), an environment variable or a 0600 key file
 * for the CLI and the tests.
 */
export interface KeyStorage {
  /** Shown in messages: where the key is kept. */
  readonly description: string
  /** The stored key, or null when none was ever stored here. Throws when it cannot be read. */
  read(): Buffer | null
  /** Stores a new key; absent for read-only sources such as an environment variable. */
  write?(key: Buffer): void
}

export const DATA_KEY_ENV = 'BIANMIN_DATA_KEY'
export const KEY_FILE_ENV = 'BIANMIN_KEY_FILE'
export const KEY_BYTES = 32

export type KeyPurpose =
  | 'field-cipher'
  | 'blind-index'
  | 'photo-cipher'
  | 'backup-cipher'
  | 'audit-chain'
  | 'audit-checkpoint'

export interface KeyVault {
  readonly source: string
  /** A 32-byte key for one purpose (HKDF-SHA256 of the data key). */
  key(purpose: KeyPurpose): Buffer
  /** A public fingerprint of the data key, stored beside the data to tell a wrong key apart. */
  readonly fingerprint: string
}

function parseKey(text: string, where: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64')
  if (key.length !== KEY_BYTES) {
    throw new AppError(
      'INTERNAL',
      `${where}中的数据密钥格式不对：应为 32 字节（64 位十六进制或 Base64）`
    )
  }
  return key
}

/** `BIANMIN_DATA_KEY` (64 hex digits or base64 of 32 bytes): read-only. */
export function envKeyStorage(env: NodeJS.ProcessEnv = process.env): KeyStorage | null {
  const value = env[DATA_KEY_ENV]
  if (!value) return null
  return {
    description: `环境变量 ${DATA_KEY_ENV}`,
    read: () => parseKey(value, `环境变量 ${DATA_KEY_ENV} `)
  }
}

/** Writes a file readable by its owner only, through a temporary name (never half-written). */
export function writePrivateFile(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const partial = `${file}.partial`
  writeFileSync(partial, content, { mode: 0o600 })
  chmodSync(partial, 0o600)
  renameSync(partial, file)
}

/** A key file (hex), created 0600 in a 0700 folder. */
export function fileKeyStorage(file: string): KeyStorage {
  return {
    description: `密钥文件 ${file}`,
    read: () =>
      existsSync(file) ? parseKey(readFileSync(file, 'utf8'), `密钥文件 ${file} `) : null,
    write: (key) => writePrivateFile(file, `${key.toString('hex')}\n`)
  }
}

/** The default key file inside the data folder (CLI and tests when nothing else is given). */
export const defaultKeyFile = (dataDir: string) => join(dataDir, 'keys', 'data.key')

/** The environment variable, else `BIANMIN_KEY_FILE`, else the default key file. */
export function defaultKeyStorage(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env
): KeyStorage {
  return envKeyStorage(env) ?? fileKeyStorage(env[KEY_FILE_ENV] ?? defaultKeyFile(dataDir))
}

export const keyFingerprint = (dataKey: Buffer) =>
  createHmac('sha256', dataKey).update('bianmin-desk data key fingerprint v1').digest('hex')

/** The vault of a given key (the station key, src/main/station/station-key.ts). */
export function vaultOf(dataKey: Buffer, source: string): KeyVault {
  const cache = new Map<KeyPurpose, Buffer>()
  return {
    source,
    fingerprint: keyFingerprint(dataKey),
    key(purpose) {
      let derived = cache.get(purpose)
      if (!derived) {
        derived = Buffer.from(
          hkdfSync('sha256', dataKey, Buffer.alloc(0), `bianmin-desk/${purpose}/v1`, KEY_BYTES)
        )
        cache.set(purpose, derived)
      }
      return derived
    }
  }
}

export interface OpenVaultOptions {
  storage: KeyStorage
  /**
   * The fingerprint recorded beside the data, if any. When data exists and no key is found, or
   * the key found is not the one the data was written with, opening fails with an explanation
   * instead of silently starting over with a new key.
   */
  expectedFingerprint: string | null
}

/** Opens the vault, creating and storing a new data key only for data that has none yet. */
export function openKeyVault({ storage, expectedFingerprint }: OpenVaultOptions): KeyVault {
  const stored = storage.read()
  if (stored) {
    const vault = vaultOf(stored, storage.description)
    if (expectedFingerprint && vault.fingerprint !== expectedFingerprint) {
      throw new AppError(
        'INTERNAL',
        `${storage.description}中的数据密钥与此数据库不符：数据是用另一把密钥加密的。请找回原密钥（或其备份）后再打开；换用新密钥无法读出已加密的身份证号、电话和照片。`
      )
    }
    return vault
  }
  if (expectedFingerprint) {
    throw new AppError(
      'INTERNAL',
      `找不到此数据库的数据密钥（${storage.description}）。身份证号、电话和照片是用它加密的，没有它无法读出。请恢复密钥（操作系统凭据、密钥文件或环境变量 ${DATA_KEY_ENV}）后再打开。`
    )
  }
  if (!storage.write) {
    throw new AppError('INTERNAL', `${storage.description}没有提供数据密钥`)
  }
  const created = randomBytes(KEY_BYTES)
  storage.write(created)
  return vaultOf(created, storage.description)
}
