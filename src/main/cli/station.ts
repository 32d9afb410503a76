import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { stationServerConfig } from '../../shared/station/config'
import { validationError } from '../ipc/table'
import { migrateStationServer } from '../station/migrate'
import { verifyServerChains } from '../station/chain'
import { readServerKey, unwrapStationKey } from '../station/station-key'
import { stationKeySide } from '../station/transcode'
import pg from 'pg'
import { checkStationServer, describeConnectionError, stationClientConfig } from '../station/server'
import { readPassword, UsageError, type Command } from './command'

const repoRoot = resolve(import.meta.dirname, '../../..')
export const serverMigrationsFolder = join(repoRoot, 'drizzle-pg')

const serverOptions = {
  host: { type: 'string' },
  port: { type: 'string' },
  database: { type: 'string' },
  user: { type: 'string' },
  tls: { type: 'string' },
  ca: { type: 'string' },
  'password-stdin': { type: 'boolean' }
} as const

/** The server's settings from the options; the password from stdin or the terminal. */
async function serverArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { ...serverOptions, 'data-dir': { type: 'string' } }
  })
  if (!values.host || !values.database || !values.user) {
    throw new UsageError(
      '需要 --host、--database 和 --user / --host, --database and --user are required'
    )
  }
  const port = values.port === undefined ? 5432 : Number(values.port)
  let caPem: string | undefined
  if (values.ca) {
    try {
      caPem = readFileSync(resolve(values.ca), 'utf8')
    } catch {
      throw new UsageError(`读不到证书文件 / cannot read: ${values.ca}`)
    }
  }
  const parsed = stationServerConfig.safeParse({
    host: values.host,
    port: Number.isInteger(port) ? port : -1,
    database: values.database,
    user: values.user,
    tls: values.tls ?? (caPem ? 'verify' : 'off'),
    ...(caPem ? { caPem } : {})
  })
  if (!parsed.success) throw validationError(parsed.error)
  const password =
    process.env.BIANMIN_STATION_PASSWORD ?? (await readPassword(values['password-stdin'] ?? false))
  return { config: parsed.data, password }
}

const levelMark = { ok: '✓', warning: '!', error: '✗' } as const

export const stationCommands: Record<string, Command> = {
  'station:check': {
    usage:
      '--host H [--port 5432] --database D --user U [--tls off|verify] [--ca CA.pem] [--password-stdin]',
    summary:
      '检查本所服务器是否可用（连接、非超级用户、加密、UTF-8、pg_trgm、架构版本），不做任何修改',
    options: serverOptions,
    examples: ['--host pcs-server --database bianmin --user window_1 --ca /etc/bianmin/ca.pem'],
    run: async (_services, args) => {
      const { config, password } = await serverArgs(args)
      const report = await checkStationServer(config, password, {
        migrationsFolder: serverMigrationsFolder
      })
      for (const item of report.items) console.log(`${levelMark[item.level]} ${item.message}`)
      return report.ok ? 0 : 1
    }
  },

  'station:migrate': {
    usage:
      '--host H [--port 5432] --database D --user OWNER [--tls off|verify] [--ca CA.pem] [--password-stdin]',
    summary:
      '以数据库所有者身份迁移本所服务器并为 bianmin_app 授权（多台同时运行时依次进行；密码不保存）',
    options: serverOptions,
    examples: [
      '--host pcs-server --database bianmin --user bianmin_owner --ca /etc/bianmin/ca.pem'
    ],
    run: async (_services, args) => {
      const { config, password } = await serverArgs(args)
      const result = await migrateStationServer(config, password, serverMigrationsFolder)
      console.log(
        result.before === result.after
          ? `服务器架构已是最新（${result.after} 个迁移），已重新授权 bianmin_app`
          : `已迁移服务器：${result.before} → ${result.after} 个迁移，已授权 bianmin_app`
      )
      return 0
    }
  },

  'station:verify': {
    usage:
      '--host H [--port 5432] --database D --user U [--tls off|verify] [--ca CA.pem] [--password-stdin]',
    summary:
      '核对本所服务器上每台电脑的审计链（逐条重算哈希、逐条核对链接；设了 BIANMIN_STATION_PASSPHRASE 时也用本所密钥核对每条签名），不做任何修改',
    options: serverOptions,
    run: async (_services, args) => {
      const { config, password } = await serverArgs(args)
      const client = new pg.Client(stationClientConfig(config, password))
      client.on('error', () => undefined)
      try {
        await client.connect()
      } catch (error) {
        console.error(describeConnectionError(error, config))
        return 1
      }
      try {
        // With the station key's passphrase, each row's mac is checked too.
        const passphrase = process.env.BIANMIN_STATION_PASSPHRASE
        let macKey: Buffer | undefined
        if (passphrase) {
          const wrapped = await readServerKey(client)
          if (!wrapped) {
            console.error('服务器上还没有本所密钥')
            return 1
          }
          macKey = stationKeySide(await unwrapStationKey(wrapped, passphrase)).chainKey
        }
        const chains = await verifyServerChains(client, macKey)
        if (chains.length === 0) console.log('服务器上还没有审计记录')
        for (const chain of chains) {
          const macs =
            macKey === undefined
              ? ''
              : chain.badMacAt == null
                ? '，签名与本所密钥相符'
                : `，第 ${chain.badMacAt} 条起签名不符`
          console.log(
            chain.ok
              ? `${chain.badMacAt == null ? '✓' : '✗'} 设备 ${chain.deviceId}：${chain.rows} 条，完整${macs}`
              : `✗ 设备 ${chain.deviceId}：第 ${chain.brokenAt} 条起不符（之前 ${chain.rows} 条完整）`
          )
        }
        return chains.every((chain) => chain.ok && chain.badMacAt == null) ? 0 : 1
      } finally {
        await client.end().catch(() => undefined)
      }
    }
  }
}
