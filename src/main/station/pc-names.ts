/**
 * The station's PCs by name (drizzle-pg/0014): each PC gives the server its own at every round
 * (设置 → 本所服务器 → 本机名称, else its host name) and keeps the others' in a local setting, so
 * a photo record whose JPEG is on another PC says which one.
 */
import { hostname } from 'node:os'
import { eq } from 'drizzle-orm'
import type pg from 'pg'
import type { Db } from '../db/client'
import { settings } from '../db/schema'
import { writeSetting } from '../settings/settings-repo'

/** A local setting, never uploaded (not one of the shared keys): device id → name. */
export const PC_NAMES_KEY = 'station.pcNames'

/** This PC's name for the others: the one set in the station settings, else the host name. */
export const pcNameOf = (configured: string | undefined): string => configured?.trim() || hostname()

/** The names this PC knows, by device id (empty before the first round). */
export function readPcNames(db: Db): Map<string, string> {
  const row = db.select().from(settings).where(eq(settings.key, PC_NAMES_KEY)).get()
  if (!row) return new Map()
  try {
    const parsed = JSON.parse(row.value) as unknown
    if (!parsed || typeof parsed !== 'object') return new Map()
    return new Map(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string'
      )
    )
  } catch {
    return new Map()
  }
}

/** Every named PC on the server, by device id. */
export async function serverPcNames(server: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await server.query<{ device_id: string; name: string }>(
    'SELECT device_id, name FROM station_devices WHERE name IS NOT NULL ORDER BY device_id'
  )
  return new Map(rows.map((row) => [row.device_id, row.name]))
}

/** Reads every PC's name from the server and keeps them here when they changed. */
export async function takePcNames(db: Db, server: pg.Client, at: string): Promise<boolean> {
  const names = Object.fromEntries(await serverPcNames(server))
  const known = Object.fromEntries(readPcNames(db))
  if (JSON.stringify(names) === JSON.stringify(known)) return false
  writeSetting(db, PC_NAMES_KEY, names, at, null)
  return true
}
