import type Database from 'better-sqlite3'
import { mkdirSync, readdirSync, rmSync, existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'

const pattern = /^bianmin-(\d{4}-\d{2}-\d{2})\.sqlite$/

export interface BackupResult {
  file: string
  created: boolean
  removed: string[]
}

/**
 * Keeps one online-backup copy per day and the newest `keepDays` of them. A day's copy is written
 * to a temporary name first, so an interrupted backup never replaces a good one.
 */
export async function rotateDailyBackup(
  sqlite: Database.Database,
  dir: string,
  today: string,
  keepDays = 7
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `bianmin-${today}.sqlite`)
  let created = false
  if (!existsSync(file)) {
    const partial = `${file}.partial`
    await sqlite.backup(partial)
    renameSync(partial, file)
    created = true
  }
  const days = backupDays(dir)
  const removed = days.slice(0, Math.max(0, days.length - keepDays)).map((day) => {
    const old = join(dir, `bianmin-${day}.sqlite`)
    rmSync(old)
    return old
  })
  return { file, created, removed }
}

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
  return days.length ? join(dir, `bianmin-${days[days.length - 1]}.sqlite`) : null
}
