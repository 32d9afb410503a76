/**
 * The station's PostgreSQL server (issue #15): connection options and the fitness check run by
 * 测试连接 and `station:check` before a PC relies on the server. Nothing here imports electron.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import type {
  StationCheckItem,
  StationCheckReport,
  StationServerConfig
} from '../../shared/station/config'

const CONNECT_TIMEOUT_MS = 5_000

/** node-postgres options for the config; TLS `verify` checks the certificate and the host name. */
export function stationClientConfig(
  config: StationServerConfig,
  password: string
): pg.ClientConfig {
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password,
    application_name: 'bianmin-desk',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ssl:
      config.tls === 'verify'
        ? { rejectUnauthorized: true, ...(config.caPem ? { ca: config.caPem } : {}) }
        : false
  }
}

/** A connection failure in words for whoever sets up the server. */
export function describeConnectionError(error: unknown, config: StationServerConfig): string {
  const where = `${config.host}:${config.port}`
  const code = typeof error === 'object' && error ? String(Reflect.get(error, 'code') ?? '') : ''
  const message = error instanceof Error ? error.message : String(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接到本所服务器 ${where}：服务器未运行，或端口不对`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到服务器 ${config.host}：请检查服务器地址`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `连接本所服务器 ${where} 超时：请检查网络`
    case '28P01':
      return `用户 ${config.user} 的密码不对`
    case '28000':
      return `服务器不允许用户 ${config.user} 从本机连接到数据库 ${config.database}（pg_hba.conf），或要求加密连接`
    case '3D000':
      return `服务器上没有数据库 ${config.database}`
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
      return '服务器证书无法验证：请填写签发它的证书（CA）'
    case 'CERT_HAS_EXPIRED':
      return '服务器证书已过期'
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `服务器证书不是为 ${config.host} 签发的：请用证书上的主机名连接`
  }
  if (/does not support SSL/i.test(message))
    return '服务器未开启加密连接（SSL）：请在服务器上开启，或选择不加密'
  if (/timeout|timed out/i.test(message)) return `连接本所服务器 ${where} 超时：请检查网络`
  return `无法连接到本所服务器 ${where}：${message.slice(0, 200)}`
}

/** Migrations this build knows for the server (drizzle-pg/meta/_journal.json). */
export function knownServerMigrations(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'))
  return (journal.entries as unknown[]).length
}

interface ServerFacts {
  version: string
  superuser: boolean
  ssl: boolean
  encoding: string
  ctype: string
  trigram: number | null
  applied: number | null
}

/** Server migrations applied so far (drizzle's journal); null on a server never migrated. */
export async function appliedServerMigrations(
  client: pg.Client | pg.PoolClient
): Promise<number | null> {
  const { rows } = await client.query<{ journal: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS journal`
  )
  if (rows[0].journal === null) return null
  const counted = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM drizzle.__drizzle_migrations'
  )
  return Number(counted.rows[0].n)
}

async function readFacts(client: pg.Client): Promise<ServerFacts> {
  const { rows } = await client.query<{
    version: string
    superuser: boolean
    ssl: boolean | null
    encoding: string
    ctype: string
    trigram: string | null
  }>(`
    SELECT current_setting('server_version') AS version,
           (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
           (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl,
           current_setting('server_encoding') AS encoding,
           (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype,
           (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm') AS trigram`)
  const row = rows[0]
  let trigram: number | null = null
  if (row.trigram !== null) {
    const counted = await client.query<{ n: number | null }>(
      `SELECT array_length(show_trgm('户口迁移'), 1) AS n`
    )
    trigram = counted.rows[0].n ?? 0
  }
  const applied = await appliedServerMigrations(client)
  return {
    version: row.version,
    superuser: row.superuser,
    ssl: row.ssl === true,
    encoding: row.encoding,
    ctype: row.ctype,
    trigram,
    applied
  }
}

const isUtf8 = (ctype: string) => /utf-?8/i.test(ctype)

/**
 * Connects as the configured role and checks what the app needs: not a superuser, UTF-8 (pg_trgm
 * splits Chinese only then), pg_trgm present, TLS as configured, the schema this build expects.
 * Changes nothing on the server.
 */
export async function checkStationServer(
  config: StationServerConfig,
  password: string,
  options: { migrationsFolder?: string } = {}
): Promise<StationCheckReport> {
  const client = new pg.Client(stationClientConfig(config, password))
  // A dropped connection is reported by the query that fails; without a listener it would crash.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => undefined)
    return {
      ok: false,
      serverVersion: null,
      items: [{ key: 'connect', level: 'error', message: describeConnectionError(error, config) }]
    }
  }
  try {
    const facts = await readFacts(client)
    const items: StationCheckItem[] = [
      {
        key: 'connect',
        level: 'ok',
        message: `已连接 ${config.host}:${config.port}/${config.database}（PostgreSQL ${facts.version}）`
      },
      facts.superuser
        ? {
            key: 'superuser',
            level: 'error',
            message: `不得用超级用户 ${config.user} 连接：请为本所建一个只能读写数据的角色（见 docs/station-server-setup.md）`
          }
        : { key: 'superuser', level: 'ok', message: `用户 ${config.user} 不是超级用户` },
      facts.ssl
        ? { key: 'tls', level: 'ok', message: '连接已加密（TLS），服务器证书已验证' }
        : {
            key: 'tls',
            level: 'warning',
            message: '连接未加密：同一台电脑以外的服务器应开启 TLS 并选择“验证证书”'
          },
      facts.encoding === 'UTF8' && isUtf8(facts.ctype)
        ? {
            key: 'encoding',
            level: 'ok',
            message: `字符集 ${facts.encoding}，字符类型 ${facts.ctype}`
          }
        : {
            key: 'encoding',
            level: 'error',
            message: `数据库的字符集为 ${facts.encoding}、字符类型为 ${facts.ctype}，中文检索无法使用：请用 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' 新建数据库`
          },
      facts.trigram === null
        ? {
            key: 'trigram',
            level: 'warning',
            message: '尚未安装 pg_trgm 扩展：迁移服务器时由数据库所有者安装'
          }
        : facts.trigram > 0
          ? { key: 'trigram', level: 'ok', message: 'pg_trgm 已安装，能检索中文' }
          : {
              key: 'trigram',
              level: 'error',
              message: 'pg_trgm 不能拆分中文（字符类型不是 UTF-8），中文检索无法使用'
            }
    ]
    if (options.migrationsFolder) {
      const known = knownServerMigrations(options.migrationsFolder)
      const applied = facts.applied ?? 0
      items.push(
        applied === known
          ? { key: 'schema', level: 'ok', message: `服务器架构为最新（${known} 个迁移）` }
          : applied > known
            ? {
                key: 'schema',
                level: 'error',
                message: `服务器架构比本程序新（${applied} > ${known}）：请先升级本程序`
              }
            : {
                key: 'schema',
                level: 'warning',
                message: `服务器需要迁移（已应用 ${applied} / ${known} 个）`
              }
      )
    }
    return {
      ok: items.every((item) => item.level !== 'error'),
      serverVersion: facts.version,
      items
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}
