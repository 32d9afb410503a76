import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { knownSchemaVersion, openDatabase } from '../../../src/main/db/client'
import { restoreBackup, rotateDailyBackup } from '../../../src/main/db/backup'
import { AppError } from '../../../src/shared/errors'
import { migrationsFolder, openTestServices, tempDir } from '../../helpers/services'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

describe('opening the database', () => {
  it('creates it with WAL, foreign keys and every migration applied', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const { sqlite } = services
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('user_version', { simple: true })).toBe(
      knownSchemaVersion(migrationsFolder)
    )
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'operators', 'settings']))
    expect(services.integrity().ok).toBe(true)
  })

  it('enforces foreign keys', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    expect(() =>
      services.sqlite
        .prepare(
          "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('x', '1', 'now', 'nobody')"
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
  })

  it('refuses a database written by a newer schema and leaves it untouched', async () => {
    const dir = tempDir()
    const file = join(dir, 'bianmin.sqlite')
    const raw = new Database(file)
    raw.exec('CREATE TABLE future (x)')
    raw.pragma('user_version = 99')
    raw.close()
    const before = readFileSync(file)

    const error = await openDatabase({ file, migrationsFolder }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('SCHEMA_TOO_NEW')
    expect((error as AppError).message).toContain('架构版本 99')
    expect(readFileSync(file).equals(before)).toBe(true)
    const check = new Database(file, { readonly: true })
    expect(
      check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'operators'").pluck().get()
    ).toBe(0)
    check.close()
  })

  it('copies an existing database before migrating it', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'bianmin.sqlite')
    // A database written by the previous release: every migration but the last.
    const older = join(tempDir(), 'drizzle')
    cpSync(migrationsFolder, older, { recursive: true })
    const journalFile = join(older, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
    journal.entries.pop()
    writeFileSync(journalFile, JSON.stringify(journal))
    const previous = await openDatabase({ file, migrationsFolder: older })
    expect(previous.schemaVersion).toBe(knownSchemaVersion(migrationsFolder) - 1)
    previous.sqlite.close()

    const services = await openTestServices({ dataDir })
    cleanups.push(services.cleanup)
    // Written before the key was open, then encrypted and the plaintext removed.
    const copies = readdirSync(services.paths.backupDir)
    expect(copies.filter((name) => name.startsWith('bianmin-before-migration-'))).toEqual([
      expect.stringMatching(/^bianmin-before-migration-\d+\.sqlite\.enc$/)
    ])
    expect(services.sqlite.pragma('user_version', { simple: true })).toBe(
      knownSchemaVersion(migrationsFolder)
    )
    expect(services.integrity().ok).toBe(true)
    const triggers = services.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all()
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete']))
  })
})

describe('daily backups', () => {
  it('makes one encrypted online copy a day and keeps the newest seven', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const dir = services.paths.backupDir
    const key = services.keys.key('backup-cipher')
    const first = await rotateDailyBackup(services.sqlite, dir, '2026-11-01', key)
    expect(first.created).toBe(true)
    expect(first.file.endsWith('bianmin-2026-11-01.sqlite.enc')).toBe(true)
    expect((await rotateDailyBackup(services.sqlite, dir, '2026-11-01', key)).created).toBe(false)
    // No plaintext copy is left beside it, and the file is not a database as it stands.
    expect(readdirSync(dir)).toEqual(['bianmin-2026-11-01.sqlite.enc'])
    expect(readFileSync(first.file).subarray(0, 16).toString('latin1')).not.toContain('SQLite')

    // Restored with the key, the copy is a complete, readable database.
    const restored = join(tempDir(), 'restored.sqlite')
    await restoreBackup(first.file, restored, key)
    const copy = new Database(restored, { readonly: true })
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    expect(
      copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'operators'").pluck().get()
    ).toBe(1)
    copy.close()

    for (let day = 2; day <= 9; day++) {
      await rotateDailyBackup(services.sqlite, dir, `2026-11-0${day}`, key)
    }
    const kept = readdirSync(dir)
      .filter((name) => /^bianmin-\d{4}-\d{2}-\d{2}\.sqlite\.enc$/.test(name))
      .sort()
    expect(kept).toHaveLength(7)
    expect(kept[0]).toBe('bianmin-2026-11-03.sqlite.enc')
    expect(kept[6]).toBe('bianmin-2026-11-09.sqlite.enc')
    expect(existsSync(first.file)).toBe(false)
  })

  it('refuses to restore an altered backup or one sealed with another key', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const key = services.keys.key('backup-cipher')
    const { file } = await rotateDailyBackup(
      services.sqlite,
      services.paths.backupDir,
      '2026-11-01',
      key
    )
    const target = join(tempDir(), 'restored.sqlite')
    await expect(restoreBackup(file, target, Buffer.alloc(32, 7))).rejects.toThrow(/无法解密/)
    const bytes = readFileSync(file)
    bytes[bytes.length >> 1]! ^= 1
    const altered = join(tempDir(), 'altered.sqlite.enc')
    writeFileSync(altered, bytes)
    await expect(restoreBackup(altered, target, key)).rejects.toThrow(/无法解密/)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(`${target}.partial`)).toBe(false)
  })

  it('ignores unrelated files in the backup folder', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const dir = services.paths.backupDir
    const key = services.keys.key('backup-cipher')
    await rotateDailyBackup(services.sqlite, dir, '2026-11-01', key)
    writeFileSync(join(dir, 'notes.txt'), 'keep me')
    await rotateDailyBackup(services.sqlite, dir, '2026-11-02', key)
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true)
  })
})
