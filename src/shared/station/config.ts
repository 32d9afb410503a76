import { z } from 'zod'
import { text } from '../ipc/fields'

/**
 * Where this PC finds the station's PostgreSQL server (issue #15). The password is not part of it:
 * it is kept apart, encrypted (see src/main/station). TLS: `off` (plain, e.g. a server on this PC's
 * loopback) or `verify` (encrypted, the server's certificate checked against `caPem` or the
 * system's certificate authorities, and its name against `host`).
 */
export const stationTlsModes = ['off', 'verify'] as const

/** PostgreSQL identifiers the app accepts for a database or role: lower case, no quoting needed. */
const pgIdentifier = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, `${what}只能用小写字母、数字和下划线，且不以数字开头`)
    .meta({ examples: ['bianmin'] })

export const stationServerConfig = z.strictObject({
  host: z
    .string({ error: '请填写服务器地址' })
    .trim()
    .min(1, '请填写服务器地址')
    .max(253, '服务器地址太长')
    .regex(/^[A-Za-z0-9.:-]+$/, '服务器地址只能是主机名或 IP 地址')
    .meta({ examples: ['127.0.0.1'] }),
  port: z
    .int({ error: '端口应为 1–65535 的整数' })
    .min(1, '端口应为 1–65535 的整数')
    .max(65535, '端口应为 1–65535 的整数'),
  database: pgIdentifier('数据库名'),
  user: pgIdentifier('用户名'),
  tls: z.enum(stationTlsModes, { error: '加密方式只能是 off 或 verify' }),
  /** PEM of the certificate authority that signed the server's certificate. */
  caPem: z
    .string()
    .max(20_000, '证书太长')
    .regex(/-----BEGIN CERTIFICATE-----/, '证书应为 PEM 格式（-----BEGIN CERTIFICATE-----）')
    .meta({ examples: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] })
    .optional(),
  /** This PC's name for the others (a photo's file is on it); its host name when absent. */
  pcName: text(40)
    .trim()
    .meta({ examples: ['2号窗口'] })
    .optional()
})

export type StationServerConfig = z.infer<typeof stationServerConfig>

export const stationCheckReport = z.object({
  ok: z.boolean(),
  serverVersion: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.enum(['connect', 'superuser', 'tls', 'encoding', 'trigram', 'schema']),
      level: z.enum(['ok', 'warning', 'error']),
      message: z.string()
    })
  )
})

export const stationStatus = z.object({
  /** A server is saved (station mode); false: this PC keeps its registers alone. */
  configured: z.boolean(),
  /** host:port/database, for the status bar's tooltip. */
  server: z.string().nullable(),
  linked: z.boolean(),
  /** Queued changes the server has not confirmed yet. */
  pending: z.int(),
  conflicts: z.int(),
  uploading: z.boolean(),
  lastAttempt: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable()
})

export type StationStatus = z.output<typeof stationStatus>

export const stationConflictView = z.object({
  id: z.string(),
  table: z.string(),
  key: z.string(),
  at: z.string(),
  /**
   * A station-wide setting: the administrator may send this PC's value again (改用本机的值) or
   * keep the server's; a register's sign-off stays the server's (only acknowledged).
   */
  canSendLocal: z.boolean(),
  fields: z.array(
    z.object({ column: z.string(), local: z.string().nullable(), server: z.string().nullable() })
  )
})

export type StationConflictView = z.output<typeof stationConflictView>

export const conflictResolution = z.strictObject({
  id: z.uuid({ error: '冲突编号无效' }),
  keep: z.enum(['local', 'server'], { error: '请选择保留本机的值还是服务器的值' })
})

export type StationCheckLevel = 'ok' | 'warning' | 'error'

export interface StationCheckItem {
  key: 'connect' | 'superuser' | 'tls' | 'encoding' | 'trigram' | 'schema'
  level: StationCheckLevel
  /** Chinese, for the person setting the server up. */
  message: string
}

export interface StationCheckReport {
  /** No item at level `error`. */
  ok: boolean
  serverVersion: string | null
  items: StationCheckItem[]
}
