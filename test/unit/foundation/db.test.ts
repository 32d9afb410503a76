import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { knownSchemaVersion, openDatabase } from '../../../src/main/db/client'
import { rotateDailyBackup } from '../../../src/main/db/backup'
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
    // A database at schema 1: only the first migration applied (from a folder holding just it).
    const firstOnly = tempDir()
    mkdirSync(join(firstOnly, 'meta'))
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, 1)
    writeFileSync(join(firstOnly, 'meta/_journal.json'), JSON.stringify(journal))
    copyFileSync(
      join(migrationsFolder, `${journal.entries[0].tag}.sql`),
      join(firstOnly, `${journal.entries[0].tag}.sql`)
    )
    const first = await openDatabase({ file, migrationsFolder: firstOnly })
    expect(first.sqlite.pragma('user_version', { simple: true })).toBe(1)
    first.sqlite.close()

    const services = await openTestServices({ dataDir })
    cleanups.push(services.cleanup)
    const copies = readdirSync(services.paths.backupDir)
    expect(copies.some((name) => name.startsWith('bianmin-before-migration-'))).toBe(true)
    expect(services.sqlite.pragma('user_version', { simple: true })).toBe(
      knownSchemaVersion(migrationsFolder)
    )
    const triggers = services.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all()
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete']))
  })
})

describe('daily backups', () => {
  it('makes one online copy a day and keeps the newest seven', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const dir = services.paths.backupDir
    const first = await rotateDailyBackup(services.sqlite, dir, '2026-11-01')
    expect(first.created).toBe(true)
    expect((await rotateDailyBackup(services.sqlite, dir, '2026-11-01')).created).toBe(false)

    // The copy is a complete, readable database.
    const copy = new Database(first.file, { readonly: true })
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    expect(
      copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'operators'").pluck().get()
    ).toBe(1)
    copy.close()

    for (let day = 2; day <= 9; day++) {
      await rotateDailyBackup(services.sqlite, dir, `2026-11-0${day}`)
    }
    const kept = readdirSync(dir)
      .filter((name) => /^bianmin-\d{4}-\d{2}-\d{2}\.sqlite$/.test(name))
      .sort()
    expect(kept).toHaveLength(7)
    expect(kept[0]).toBe('bianmin-2026-11-03.sqlite')
    expect(kept[6]).toBe('bianmin-2026-11-09.sqlite')
    expect(existsSync(first.file)).toBe(false)
  })

  it('ignores unrelated files in the backup folder', async () => {
    const services = await openTestServices()
    cleanups.push(services.cleanup)
    const dir = services.paths.backupDir
    await rotateDailyBackup(services.sqlite, dir, '2026-11-01')
    writeFileSync(join(dir, 'notes.txt'), 'keep me')
    await rotateDailyBackup(services.sqlite, dir, '2026-11-02')
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true)
  })
})
