/**
 * The command line beside the window: `npm run cli -- <command> [--data-dir D]`.
 * It opens the same services as the app, without Electron. Each feature adds its commands here.
 *
 * Exit status: 0 done, 1 refused input or a failed check (one line on stderr), 2 wrong use
 * (unknown command or option, missing argument: one line and the usage on stderr).
 * No stack trace unless --debug.
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { CalendarError } from '../../shared/calendar'
import { resolveDataDir } from '../paths'
import { createServices } from '../services'
import { UsageError, type Command } from './command'
import { foundationCommands } from './foundation'
import { addressCommands } from './address'
import { calendarCommands } from './calendar'
import { guideCommands } from './guide'
import { logbooksCommands } from './logbooks'
import { photoCommands } from './photo'
import { staffCommands } from './staff'
import { stationCommands } from './station'

const repoRoot = resolve(import.meta.dirname, '../../..')
const migrationsFolder = join(repoRoot, 'drizzle')

const commands: Record<string, Command> = {
  ...foundationCommands,
  ...photoCommands,
  ...addressCommands,
  ...calendarCommands,
  ...logbooksCommands,
  ...guideCommands,
  ...staffCommands,
  ...stationCommands
}

const COMMON = '[--data-dir D] [--debug]'

const generalUsage = () =>
  [
    `用法 / usage: npm run cli -- <command> [options] ${COMMON}`,
    '       npm run cli -- <command> --help',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(18)}${c.summary}`)
  ].join('\n')

const commandUsage = (name: string, command: Command) =>
  [
    `用法 / usage: npm run cli -- ${name} ${command.usage} ${COMMON}`,
    `  ${command.summary}`,
    ...(command.examples ?? []).map((example) => `  例 / e.g.: npm run cli -- ${name} ${example}`)
  ].join('\n')

const isHelp = (arg: string) => arg === '--help' || arg === '-h'

/** Node's parseArgs messages, as one line a clerk can read. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 / unknown option: ${option}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项缺少值或值无效 / option needs a value: ${option.split(' ')[0]}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 / unexpected argument: ${option}`
    default:
      return error.message.split('\n')[0] ?? String(error)
  }
}

const isParseError = (error: unknown): error is Error & { code: string } => {
  const code: unknown = error instanceof TypeError ? Reflect.get(error, 'code') : undefined
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

async function main(argv: string[], debug: boolean): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined) {
    console.error(generalUsage())
    return 2
  }
  if (isHelp(name) || name === 'help') {
    const topic = args[0] ? commands[args[0]] : undefined
    console.log(topic ? commandUsage(args[0]!, topic) : generalUsage())
    return 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    console.error(`未知命令 / unknown command: ${name.slice(0, 80)}`)
    console.error(generalUsage())
    return 2
  }
  if (args.some(isHelp)) {
    console.log(commandUsage(name, command))
    return 0
  }
  try {
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, 'data-dir': { type: 'string' } }
    })
  } catch (error) {
    if (!isParseError(error)) throw error
    console.error(describeParseError(error))
    console.error(commandUsage(name, command))
    return 2
  }
  const services = await createServices({
    dataDir: resolveDataDir(args),
    migrationsFolder,
    appVersion: process.env.npm_package_version ?? 'cli'
  })
  try {
    return await command.run(services, args)
  } catch (error) {
    if (error instanceof UsageError || isParseError(error)) {
      console.error(error instanceof UsageError ? error.message : describeParseError(error))
      console.error(commandUsage(name, command))
      if (debug) console.error(error)
      return 2
    }
    throw error
  } finally {
    services.close()
  }
}

const argv = process.argv.slice(2)
const debug = argv.includes('--debug')

/** Exits once everything written to stdout and stderr has reached the pipe. */
const exitAfterFlush = (code: number) =>
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))

main(
  argv.filter((arg) => arg !== '--debug'),
  debug
).then(
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    const expected = error instanceof AppError || error instanceof CalendarError
    const message = error instanceof Error ? error.message : String(error)
    const line = message.split('\n')[0]
    console.error(
      expected ? `错误 / error: ${line}` : `内部错误 / internal error: ${line}（--debug 显示详情）`
    )
    if (debug) console.error(error)
    exitAfterFlush(1)
  }
)
