/**
 * The command line beside the window: `npm run cli -- <command> [--data-dir D]`.
 * It opens the same services as the app, without Electron.
 */
import { createInterface } from 'node:readline/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { AppError } from '../shared/errors'
import { roles } from '../shared/roles'
import { newPassword, username as usernameField, displayName } from '../shared/ipc/fields'
import { validationError } from './ipc/table'
import { resolveDataDir } from './paths'
import { createServices, type Services } from './services'

const repoRoot = resolve(import.meta.dirname, '../..')
const migrationsFolder = join(repoRoot, 'drizzle')

type Command = (services: Services, args: string[]) => Promise<number>

const usage = `用法 / usage: npm run cli -- <command> [--data-dir D]
  db:check                     数据库完整性、架构版本与审计链检查（全部通过时退出码为 0）
  operator:add --username U --name 姓名 --role clerk|field|director|admin [--password-stdin]
`

async function readPassword(fromStdin: boolean): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY
  })
  try {
    if (fromStdin || !process.stdin.isTTY) {
      for await (const line of rl) return line
      return ''
    }
    return await rl.question('密码 / password: ')
  } finally {
    rl.close()
  }
}

const commands: Record<string, Command> = {
  'db:check': async (services) => {
    const integrity = services.integrity()
    const audit = await services.audit.verify()
    const lines = [
      `数据库 / database: ${services.paths.databasePath}`,
      `完整性 / integrity: ${integrity.ok ? 'ok' : `FAILED ${integrity.integrity.join('; ')}, foreign-key violations ${integrity.foreignKeyViolations}`}`,
      `架构版本 / schema version: ${services.schemaVersion}（最新 / current）`,
      `审计链 / audit chain: ${audit.ok ? `ok, ${audit.checked} rows` : `BROKEN at #${audit.firstBroken?.seq}: ${audit.firstBroken?.reason}`}`
    ]
    console.log(lines.join('\n'))
    return integrity.ok && audit.ok ? 0 : 1
  },

  'operator:add': async (services, args) => {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'clerk' },
        'password-stdin': { type: 'boolean', default: false },
        'data-dir': { type: 'string' }
      }
    })
    const input = z
      .strictObject({
        username: usernameField,
        displayName,
        role: z.enum(roles),
        password: newPassword
      })
      .safeParse({
        username: values.username,
        displayName: values.name,
        role: values.role,
        password: await readPassword(values['password-stdin'] ?? false)
      })
    if (!input.success) throw validationError(input.error)
    const { password, ...rest } = input.data
    const row = await services.operators.create(
      { ...rest, passwordHash: await services.auth.hashPassword(password) },
      null
    )
    console.log(`已添加操作员 / operator added: ${row.username} (${row.role}) ${row.id}`)
    return 0
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    console.error(usage)
    return name ? 2 : 0
  }
  const services = await createServices({
    dataDir: resolveDataDir(args),
    migrationsFolder,
    appVersion: process.env.npm_package_version ?? 'cli'
  })
  try {
    return await command(services, args)
  } finally {
    services.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError ? `错误 / error: ${error.message}` : error)
    process.exit(error instanceof AppError ? 2 : 1)
  }
)
