import type Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { settings } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { writePrivateFile } from '../keys/key-vault'
import type { LogbooksRepo } from '../logbooks/logbooks-repo'
import { isSealed, isSealedFile, type DataCipher } from './cipher'
import { STAFF_NOTE_COLUMNS, staffNotePlace } from '../staff/sealed-notes'

/** Recorded in settings, in the same transaction as the rows it seals: each step runs once. */
export const SEALED_AT_REST = 'crypto.sealedAtRest'
/**
 * 1: register entries, photos, ratings' phones, follow-ups; 2: the director's notes about
 * officers and the award reason (STAFF_NOTE_COLUMNS).
 */
export const SEALED_AT_REST_VERSION = 2

export interface SealExistingContext {
  sqlite: Database.Database
  db: Db
  deviceId: string
  now: () => Date
  cipher: DataCipher
  logbooks: LogbooksRepo
  photoDir: string
  /** The database was created by this start: nothing to seal, no old pages to vacuum away. */
  fresh: boolean
}

export interface SealReport {
  ran: boolean
  entries: number
  photos: number
  other: number
}

/**
 * The first start after an upgrade to encryption at rest: seals what earlier versions stored in
 * plain text, once per step (a drizzle migration cannot reach the key). Crash-safe: each photo file is
 * replaced atomically (written sealed under a temporary name, then renamed; a sealed file is
 * recognised and skipped, so an interrupted pass resumes), and every database row is sealed in one
 * transaction together with the record that it was done, so a kill leaves either the plaintext
 * database as it was or the sealed one. Then the WAL is checkpointed and the file vacuumed, so no
 * plaintext is left in free pages or in the WAL.
 */
export function sealExistingData(context: SealExistingContext): SealReport {
  const { sqlite, db, cipher } = context
  const done = db.select().from(settings).where(eq(settings.key, SEALED_AT_REST)).get()
  const version = done ? sealedVersion(done.value) : 0
  if (version >= SEALED_AT_REST_VERSION) return { ran: false, entries: 0, photos: 0, other: 0 }

  let photos = 0
  if (version < 1 && existsSync(context.photoDir)) {
    for (const file of readdirSync(context.photoDir)) {
      if (file.endsWith('.partial')) continue
      const path = join(context.photoDir, file)
      const bytes = readFileSync(path)
      if (isSealedFile(bytes)) continue
      writePrivateFile(path, cipher.sealFile(bytes, `photos/${file}`))
      photos += 1
    }
  }

  const at = context.now().toISOString()
  let entries = 0
  let other = 0
  db.transaction((tx) => {
    if (version < 1) {
      const sealed = sealFirstStep(context)
      entries = sealed.entries
      other = sealed.other
    }
    for (const { table, column } of STAFF_NOTE_COLUMNS) {
      const rows = sqlite
        .prepare(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} IS NOT NULL`)
        .all() as { id: string; text: string }[]
      const update = sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`)
      for (const row of rows) {
        const sealed = cipher.sealEmbedded(row.text, staffNotePlace(table, column))
        if (sealed === row.text) continue
        update.run(sealed, row.id)
        other += 1
      }
    }
    const marker = { version: SEALED_AT_REST_VERSION, at }
    tx.insert(settings)
      .values({ key: SEALED_AT_REST, value: JSON.stringify(marker), updatedAt: at })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: JSON.stringify(marker), updatedAt: at }
      })
      .run()
    if (entries + photos + other > 0) {
      appendAudit(tx, context.deviceId, at, {
        operatorId: null,
        action: 'crypto.sealAtRest',
        entity: 'database',
        detail: { entries, photos, other }
      })
    }
  })
  if (context.fresh) return { ran: true, entries, photos, other }
  // The plaintext pages are now free pages and WAL frames: copy them out of the file.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.exec('VACUUM')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return { ran: true, entries, photos, other }
}

/** The step's version recorded (a record without one is the first step's). */
function sealedVersion(value: string): number {
  try {
    const parsed = JSON.parse(value) as { version?: unknown }
    return typeof parsed.version === 'number' ? parsed.version : 1
  } catch {
    return 1
  }
}

/** Version 1: register entries, ratings' phones and follow-ups (in the caller's transaction). */
function sealFirstStep({ sqlite, cipher, logbooks }: SealExistingContext) {
  const entries = logbooks.sealLegacyRows(sqlite)
  let other = 0
  const ratings = sqlite
    .prepare('SELECT id, phone FROM queue_ratings WHERE phone IS NOT NULL')
    .all() as { id: string; phone: string }[]
  const sealRating = sqlite.prepare('UPDATE queue_ratings SET phone = ? WHERE id = ?')
  for (const rating of ratings) {
    if (isSealed(rating.phone)) continue
    sealRating.run(cipher.sealText(rating.phone, 'queue_ratings.phone'), rating.id)
    other += 1
  }
  const followups = sqlite
    .prepare('SELECT id, target_name, outcome FROM staff_followups')
    .all() as { id: string; target_name: string; outcome: string }[]
  const sealFollowup = sqlite.prepare(
    'UPDATE staff_followups SET target_name = ?, outcome = ? WHERE id = ?'
  )
  for (const f of followups) {
    const targetName = cipher.sealEmbedded(f.target_name, 'staff_followups.targetName')
    const outcome = cipher.sealEmbedded(f.outcome, 'staff_followups.outcome')
    if (targetName === f.target_name && outcome === f.outcome) continue
    sealFollowup.run(targetName, outcome, f.id)
    other += 1
  }
  return { entries, other }
}
