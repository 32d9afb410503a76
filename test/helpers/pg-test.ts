/** Databases and clients for the `pg` test project (the cluster comes from test/pg/global-setup). */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { join } from 'node:path'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import type { StationServerConfig } from '../../src/shared/station/config'
import { superuserConnection, type PgClusterInfo } from './pg-cluster'
import { repoRoot } from './services'

export function clusterInfo() {
  return inject('pgCluster')
}

/** A superuser client over the socket folder (no password), for setup only. */
export async function superuserClient(
  database = 'postgres',
  info: PgClusterInfo = clusterInfo()
): Promise<pg.Client> {
  const client = new pg.Client(superuserConnection(info, database))
  await client.connect()
  return client
}

/** A fresh, empty database owned by the superuser; returns its name. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await superuserClient()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return name
}

export const OWNER = { user: 'bianmin_owner', password: 'Station2026-owner' }
export const WINDOW = { user: 'station_window', password: 'Station2026-window' }

/** CREATE ROLE that tolerates another test file having created it first. */
async function ensureRole(admin: pg.Client, statement: string): Promise<void> {
  try {
    await admin.query(statement)
  } catch (error) {
    if ((error as { code?: string }).code !== '42710') throw error
  }
}

/**
 * The roles of docs/station-server-setup.md: the owner who migrates, the `bianmin_app` group and
 * one window's login role in it; then a fresh database owned by the owner. Returns its name.
 */
export async function createServerDatabase(
  prefix = 'server',
  info: PgClusterInfo = clusterInfo()
): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await superuserClient('postgres', info)
  try {
    await ensureRole(admin, `CREATE ROLE ${OWNER.user} LOGIN PASSWORD '${OWNER.password}'`)
    await ensureRole(admin, 'CREATE ROLE bianmin_app NOLOGIN')
    await ensureRole(
      admin,
      `CREATE ROLE ${WINDOW.user} LOGIN PASSWORD '${WINDOW.password}' IN ROLE bianmin_app`
    )
    await admin.query(`CREATE DATABASE ${name} OWNER ${OWNER.user}`)
  } finally {
    await admin.end()
  }
  return name
}

/** A TCP client as `who` (owner or window) to `database`, TLS verified against the test CA. */
export async function roleClient(
  who: { user: string; password: string },
  database: string,
  info: PgClusterInfo = clusterInfo()
): Promise<pg.Client> {
  const client = new pg.Client({
    host: 'localhost',
    port: info.port,
    user: who.user,
    password: who.password,
    database,
    ssl: { ca: readFileSync(info.caFile, 'utf8'), rejectUnauthorized: true }
  })
  await client.connect()
  return client
}

/**
 * A station database migrated by its owner, and how a window reaches it (its role, TLS verified
 * against the test CA): what 设置 → 本所服务器 is given.
 */
export async function migratedStation(
  prefix: string,
  info: PgClusterInfo = clusterInfo()
): Promise<{ database: string; config: StationServerConfig }> {
  const database = await createServerDatabase(prefix, info)
  const owner = await roleClient(OWNER, database, info)
  try {
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
  } finally {
    await owner.end()
  }
  return { database, config: windowConfig(database, info) }
}

/** How a window reaches `database`: its role, TLS verified against the test CA. */
export function windowConfig(
  database: string,
  info: Pick<PgClusterInfo, 'port' | 'caFile'> = clusterInfo()
): StationServerConfig {
  return {
    host: 'localhost',
    port: info.port,
    database,
    user: WINDOW.user,
    tls: 'verify',
    caPem: readFileSync(info.caFile, 'utf8')
  }
}
