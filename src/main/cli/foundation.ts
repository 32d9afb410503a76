import { parseArgs } from 'node:util'
import { z } from 'zod'
import { roles } from '../../shared/roles'
import {
  displayName,
  newPassword,
  passwordWithoutUsername,
  username as usernameField
} from '../../shared/ipc/fields'
import { validationError } from '../ipc/table'
import { readPassword, UsageError, type Command } from './command'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { restoreBackup } from '../db/backup'

export const foundationCommands: Record<string, Command> = {
  'db:check': {
    usage: '',
    summary: '数据库完整性、架构版本与审计链检查（全部通过时退出码为 0）',
    run: async (services) => {
      const integrity = services.integrity()
      const audit = await services.audit.verify()
      const lines = [
        `数据库 / database: ${services.paths.databasePath}`,
        `完整性 / integrity: ${integrity.ok ? 'ok' : `FAILED ${integrity.integrity.join('; ')}, foreign-key violations ${integrity.foreignKeyViolations}`}`,
        `架构版本 / schema version: ${services.schemaVersion}（最新 / current）`,
        `审计链 / audit chain: ${audit.firstBroken ? `BROKEN at #${audit.firstBroken.seq}: ${audit.firstBroken.reason}` : `ok, ${audit.checked} rows`}`,
        `审计检查点 / audit checkpoints: ${
          audit.checkpoints.problem
            ? `BROKEN: ${audit.checkpoints.problem}`
            : audit.checkpoints.count === 0
              ? 'none yet'
              : `ok, ${audit.checkpoints.count}, last at #${audit.checkpoints.lastSeq} (${audit.checkpoints.lastAt})`
        } (${services.paths.checkpointFile})`
      ]
      console.log(lines.join('\n'))
      return integrity.ok && audit.ok ? 0 : 1
    }
  },

  'backup:restore': {
    usage: 'BACKUP.sqlite.enc --to NEW.sqlite',
    summary: '用本数据目录的数据密钥解密一份备份，写成新的数据库文件（校验通过才写出）',
    options: { to: { type: 'string' } },
    examples: ['backups/bianmin-2026-12-01.sqlite.enc --to restored.sqlite'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        options: { to: { type: 'string' }, 'data-dir': { type: 'string' } },
        allowPositionals: true
      })
      const [from] = positionals
      if (!from || !values.to || positionals.length !== 1) {
        throw new UsageError('请给出备份文件和 --to 目标文件')
      }
      const target = resolve(values.to)
      if (existsSync(target)) throw new UsageError(`${target} 已存在：请给出新的文件名`)
      await restoreBackup(resolve(from), target, services.keys.key('backup-cipher'))
      console.log(`已恢复 / restored: ${target}`)
      return 0
    }
  },

  'operator:add': {
    usage: `--username U --name 姓名 --role ${roles.join('|')} [--password-stdin]`,
    summary: '添加操作员（密码从终端或标准输入读取）',
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' }
    },
    run: async (services, args) => {
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
        .superRefine(passwordWithoutUsername)
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
}
