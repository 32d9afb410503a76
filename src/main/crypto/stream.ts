import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  closeSync,
  readSync
} from 'node:fs'
import { rm, rename, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../shared/errors'

/**
 * Whole files (database backups) sealed with AES-256-GCM as a stream, so a large database never
 * sits in memory: magic ‖ iv ‖ ciphertext ‖ tag. The magic is the AAD, so the format version is
 * authenticated too. (Why AES-256-GCM: see cipher.ts.)
 */
const MAGIC = Buffer.from('BMBAK1\0\0', 'latin1')
const IV_BYTES = 12
const TAG_BYTES = 16

const syncFile = (file: string) => {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Encrypts `source` into `target` (through `target.partial`, 0600); the source is left as is. */
export async function encryptFile(key: Buffer, source: string, target: string): Promise<void> {
  const partial = `${target}.partial`
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(MAGIC)
  const out = createWriteStream(partial, { mode: 0o600 })
  out.write(Buffer.concat([MAGIC, iv]))
  try {
    await pipeline(createReadStream(source), cipher, out, { end: false })
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve()))
    )
    syncFile(partial)
    await rename(partial, target)
  } catch (error) {
    out.destroy()
    await rm(partial, { force: true })
    throw error
  }
}

/**
 * Decrypts a sealed file into `target`. The plaintext goes to `target.partial` and is renamed only
 * after the tag has checked, so a damaged or altered backup never becomes a database.
 */
export async function decryptFile(key: Buffer, source: string, target: string): Promise<void> {
  const size = (await stat(source)).size
  if (size < MAGIC.length + IV_BYTES + TAG_BYTES) throw notABackup(source)
  const head = Buffer.alloc(MAGIC.length + IV_BYTES)
  const tag = Buffer.alloc(TAG_BYTES)
  const fd = openSync(source, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES)
  } finally {
    closeSync(fd)
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw notABackup(source)
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length))
  decipher.setAAD(MAGIC)
  decipher.setAuthTag(tag)
  const partial = `${target}.partial`
  try {
    await pipeline(
      createReadStream(source, { start: head.length, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(partial, { mode: 0o600 })
    )
    syncFile(partial)
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    if (error instanceof AppError) throw error
    throw new AppError(
      'INTERNAL',
      `备份 ${source} 无法解密：文件已损坏或被改动，或不是用本机数据密钥加密的`
    )
  }
}

const notABackup = (file: string) => new AppError('INTERNAL', `${file} 不是加密的备份文件`)
