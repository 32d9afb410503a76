/**
 * The command line beside the window: `npm run cli -- <command> [--data-dir D]`.
 * It opens the same services as the app, without Electron. Each feature adds its commands here.
 */
import { join, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { CalendarError } from '../../shared/calendar'
import { resolveDataDir } from '../paths'
import { createServices } from '../services'
import type { Command } from './command'
import { foundationCommands } from './foundation'
import { addressCommands } from './address'
import { calendarCommands } from './calendar'
import { guideCommands } from './guide'
import { logbooksCommands } from './logbooks'
import { photoCommands } from './photo'
import { staffCommands } from './staff'

const repoRoot = resolve(import.meta.dirname, '../../..')
const migrationsFolder = join(repoRoot, 'drizzle')

const commands: Record<string, Command> = {
  ...foundationCommands,
  ...photoCommands,
  ...addressCommands,
  ...calendarCommands,
  ...logbooksCommands,
  ...guideCommands,
  ...staffCommands
}

const usage = [
  '用法 / usage: npm run cli -- <command> [--data-dir D]',
  ...Object.entries(commands).map(([name, command]) => `  ${name} ${command.usage}`)
].join('\n')

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
    return await command.run(services, args)
  } finally {
    services.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = error instanceof AppError || error instanceof CalendarError
    console.error(expected ? `错误 / error: ${error.message}` : error)
    process.exit(expected ? 2 : 1)
  }
)
