import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import { settings } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import type { SettingsView } from '../../shared/ipc/contract'

export const defaultSettings: SettingsView = {
  locale: 'zh-CN',
  idleLockMinutes: 5,
  stationName: '便民窗口'
}

/** Stores one setting as JSON (insert or replace), inside the caller's audited transaction. */
export function writeSetting(
  tx: Tx | Db,
  key: string,
  value: unknown,
  at: string,
  operatorId: string | null
): void {
  const row = { key, value: JSON.stringify(value), updatedAt: at, updatedBy: operatorId }
  tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run()
}

/** One setting read against its schema; absent or no longer valid, the fallback. */
export function readSetting<T>(
  db: Tx | Db,
  key: string,
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  fallback: T
): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get()
  if (!row) return fallback
  const parsed = schema.safeParse(JSON.parse(row.value))
  return parsed.success ? parsed.data : fallback
}

type SettingKey = keyof SettingsView

const KEY_FINGERPRINT = 'dataKeyFingerprint'

/** Machine-wide settings as JSON values by key; unknown or unreadable values fall back to defaults. */
export function createSettingsRepo({ db, now }: { db: Db; now: () => Date }) {
  const read = (): SettingsView => {
    const stored = Object.fromEntries(
      db
        .select()
        .from(settings)
        .all()
        .map((row) => [row.key, row.value])
    )
    const view = { ...defaultSettings }
    for (const key of Object.keys(defaultSettings) as SettingKey[]) {
      if (stored[key] === undefined) continue
      try {
        Object.assign(view, { [key]: JSON.parse(stored[key]) })
      } catch {
        // keep the default for a value that cannot be read
      }
    }
    return view
  }

  return {
    async get(): Promise<SettingsView> {
      return read()
    },

    async update(
      changes: Partial<SettingsView>,
      actor: { operatorId: string | null; deviceId: string }
    ): Promise<SettingsView> {
      const at = now().toISOString()
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
      db.transaction((tx) => {
        for (const [key, value] of entries) writeSetting(tx, key, value, at, actor.operatorId)
        if (entries.length) {
          appendAudit(tx, actor.deviceId, at, {
            operatorId: actor.operatorId,
            action: 'settings.update',
            entity: 'settings',
            detail: Object.fromEntries(entries)
          })
        }
      })
      return read()
    },

    /** This counter's identity, made once; audit rows carry it so stations can merge chains. */
    deviceId(): string {
      db.insert(settings)
        .values({
          key: 'deviceId',
          value: JSON.stringify(randomUUID()),
          updatedAt: now().toISOString()
        })
        .onConflictDoNothing()
        .run()
      const row = db.select().from(settings).where(eq(settings.key, 'deviceId')).get()
      return JSON.parse(row!.value) as string
    },

    /** The data key's public fingerprint, recorded once so a wrong or lost key is told apart. */
    keyFingerprint(): string | null {
      const row = db.select().from(settings).where(eq(settings.key, KEY_FINGERPRINT)).get()
      return row ? (JSON.parse(row.value) as string) : null
    },

    recordKeyFingerprint(fingerprint: string): void {
      db.insert(settings)
        .values({
          key: KEY_FINGERPRINT,
          value: JSON.stringify(fingerprint),
          updatedAt: now().toISOString()
        })
        .onConflictDoNothing()
        .run()
    }
  }
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>
