import type Database from 'better-sqlite3'
import { chmodSync, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { decryptFile, encryptFile } from '../crypto/stream'

/** Backups are AES-256-GCM files (crypto/stream.ts) with the backup-cipher key. */
const pattern = /^bianmin-(\d{4}-\d{2}-\d{2})\.sqlite\.enc$/
export const SEALED_BACKUP = '.sqlite.enc'

export interface BackupResult {
  file: string
  created: boolean
  removed: string[]
}

/**
 * Keeps one encrypted online-backup copy per day and the newest `keepDays` of them. SQLite's
 * online backup writes a plaintext copy in the 0700 backup folder, which is then encrypted as a
 * stream to `bianmin-<day>.sqlite.enc` and removed; an interrupted backup never replaces a good
 * one, and a plaintext copy left by a crash is removed by `sealPlaintextBackups` at the next start.
 */
export async function rotateDailyBackup(
  sqlite: Database.Database,
  dir: string,
  today: string,
  key: Buffer,
  keepDays = 7
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, `bianmin-${today}${SEALED_BACKUP}`)
  let created = false
  if (!existsSync(file)) {
    const plain = join(dir, `bianmin-${today}.sqlite.partial`)
    try {
      await sqlite.backup(plain)
      chmodSync(plain, 0o600)
      await encryptFile(key, plain, file)
    } finally {
      rmSync(plain, { force: true })
    }
    created = true
  }
  const days = backupDays(dir)
  const removed = days.slice(0, Math.max(0, days.length - keepDays)).map((day) => {
    const old = join(dir, `bianmin-${day}${SEALED_BACKUP}`)
    rmSync(old)
    return old
  })
  return { file, created, removed }
}

/**
 * Encrypts every plaintext database copy in the backup folder (the copy taken before a migration,
 * which is written before the key can be read, and the daily copies of earlier versions) and
 * removes the plaintext, including any half-written copy a crash left. Returns the files sealed.
 */
export async function sealPlaintextBackups(dir: string, key: Buffer): Promise<string[]> {
  if (!existsSync(dir)) return []
  const sealed: string[] = []
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    if (/\.sqlite(?:\.enc)?\.partial$/.test(name)) {
      rmSync(file, { force: true })
    } else if (/^bianmin-.+\.sqlite$/.test(name)) {
      await encryptFile(key, file, `${file}.enc`)
      rmSync(file)
      sealed.push(`${file}.enc`)
    }
  }
  return sealed
}

/**
 * Restores a backup: decrypts `backupFile` to `targetFile` (a database file to open, e.g. the data
 * folder's bianmin.sqlite while the app is closed). The GCM tag is checked before the target is
 * written, so a damaged or altered backup fails instead of becoming a database.
 */
export const restoreBackup = (backupFile: string, targetFile: string, key: Buffer) =>
  decryptFile(key, backupFile, targetFile)

/** Days that have a backup in `dir`, oldest first. */
export function backupDays(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => pattern.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort()
}

export function latestBackup(dir: string): string | null {
  const days = backupDays(dir)
  return days.length ? join(dir, `bianmin-${days[days.length - 1]}${SEALED_BACKUP}`) : null
}
