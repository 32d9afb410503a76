import type { Services } from '../services'

/** A CLI command: runs against the opened services and returns the exit status. */
export interface Command {
  usage: string
  run(services: Services, args: string[]): Promise<number>
}
