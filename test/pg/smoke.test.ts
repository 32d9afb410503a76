import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clusterInfo, createTestDatabase, superuserClient } from '../helpers/pg-test'

describe('throwaway PostgreSQL cluster', () => {
  let database: string
  let admin: pg.Client

  beforeAll(async () => {
    database = await createTestDatabase('smoke')
    admin = await superuserClient(database)
  })
  afterAll(async () => {
    await admin.end()
  })

  it('runs with a UTF-8 character type, so pg_trgm splits Chinese into trigrams', async () => {
    const { rows } = await admin.query<{ ctype: string; encoding: string }>(
      `SELECT datctype AS ctype, pg_encoding_to_char(encoding) AS encoding
         FROM pg_database WHERE datname = current_database()`
    )
    expect(rows[0]).toEqual({ ctype: 'C.UTF-8', encoding: 'UTF8' })
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    const trigrams = await admin.query<{ t: string[] }>(`SELECT show_trgm('户口迁移') AS t`)
    // Multibyte trigrams print as hashes; under LC_CTYPE=C there would be none at all.
    expect(trigrams.rows[0].t.length).toBeGreaterThanOrEqual(4)
    const similar = await admin.query<{ hit: boolean }>(
      `SELECT '东城区户口迁移登记' LIKE '%户口迁移%' AND similarity('户口迁移登记', '户口迁移') > 0.3 AS hit`
    )
    expect(similar.rows[0].hit).toBe(true)
  })

  it('lets a login role in over loopback TCP with its password only', async () => {
    const info = clusterInfo()
    await admin.query(`CREATE ROLE smoke_clerk LOGIN PASSWORD 'Station2026-pg'`)
    await admin.query(`GRANT CONNECT ON DATABASE ${database} TO smoke_clerk`)
    const connect = async (password: string) => {
      const client = new pg.Client({
        host: info.host,
        port: info.port,
        user: 'smoke_clerk',
        password,
        database
      })
      await client.connect()
      try {
        const { rows } = await client.query<{ superuser: boolean }>(
          `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`
        )
        return rows[0].superuser
      } finally {
        await client.end()
      }
    }
    expect(await connect('Station2026-pg')).toBe(false)
    await expect(connect('wrong-password')).rejects.toThrow(/password authentication failed/)
  })

  it('delivers NOTIFY from one connection to another that listens', async () => {
    const listener = await superuserClient(database)
    try {
      await listener.query('LISTEN bianmin')
      const received = new Promise<string | undefined>((resolve) =>
        listener.once('notification', (message) => resolve(message.payload))
      )
      await admin.query(`SELECT pg_notify('bianmin', '{"table":"liaison"}')`)
      expect(JSON.parse((await received) ?? 'null')).toEqual({ table: 'liaison' })
    } finally {
      await listener.end()
    }
  })
})
