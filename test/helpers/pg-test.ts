/** Databases and clients for the `pg` test project (the cluster comes from test/pg/global-setup). */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

export function clusterInfo() {
  return inject('pgCluster')
}

/** A superuser client over the socket folder (no password), for setup only. */
export async function superuserClient(database = 'postgres'): Promise<pg.Client> {
  const info = clusterInfo()
  const client = new pg.Client({
    host: info.socketDir,
    port: info.port,
    user: info.superuser,
    database
  })
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
