import { createInterface } from 'node:readline/promises'
import type { ParseArgsConfig } from 'node:util'
import type { Services } from '../services'

export type CommandOptions = NonNullable<ParseArgsConfig['options']>

/** A CLI command: runs against the opened services and returns the exit status. */
export interface Command {
  /** Arguments after the command name, as shown in the usage. */
  usage: string
  /** One line on what the command does. */
  summary: string
  /** Options the command accepts besides --data-dir, --help and --debug (anything else: exit 2). */
  options?: CommandOptions
  /** Extra usage lines (examples) shown by `<command> --help`. */
  examples?: string[]
  run(services: Services, args: string[]): Promise<number>
}

/** Wrong use of the command line (missing argument, bad combination): exit 2 with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A password from the terminal (not echoed by the prompt's caller) or the first line of stdin. */
export async function readPassword(fromStdin: boolean): Promise<string> {
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
