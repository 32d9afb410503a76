import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { maskIdentifiers } from '../shared/text-safety'

export type LogLevel = 'error' | 'warn' | 'info'

export interface LogEntry {
  at: string
  level: LogLevel
  /** Where it happened: 'ipc', 'renderer', 'backup', a module key… */
  source: string
  message: string
  [key: string]: unknown
}

/** Keeps one log file and one older copy, each at most this size. */
const MAX_BYTES = 2 * 1024 * 1024
/** Any one string in an entry is cut to this length (a clerk may have pasted a megabyte). */
const MAX_STRING = 4000

const tidy = (value: unknown): unknown => {
  if (typeof value === 'string') {
    const masked = maskIdentifiers(value)
    return masked.length > MAX_STRING
      ? `${masked.slice(0, MAX_STRING)}…（共 ${masked.length} 字）`
      : masked
  }
  if (Array.isArray(value)) return value.slice(0, 50).map(tidy)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]))
  return value
}

/**
 * The app's log: one JSON object a line in `<data>/logs/bianmin.log` (0600, rotated at 2 MB to
 * `bianmin.log.1`). ID and phone numbers are masked before they are written; writing never throws.
 */
export function createAppLog(logDir: string, now: () => Date = () => new Date()) {
  const file = join(logDir, 'bianmin.log')
  const write = (level: LogLevel, source: string, message: string, detail: object = {}) => {
    const entry = tidy({ ...detail, at: now().toISOString(), level, source, message }) as LogEntry
    try {
      mkdirSync(logDir, { recursive: true, mode: 0o700 })
      if (existsSync(file) && statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`)
      appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 })
      chmodSync(file, 0o600)
    } catch (error) {
      console.error('[log] cannot write', file, error)
    }
    if (level === 'error') console.error(`[${source}] ${message}`)
    return entry
  }
  return {
    file,
    error: (source: string, message: string, detail?: object) =>
      write('error', source, message, detail),
    warn: (source: string, message: string, detail?: object) =>
      write('warn', source, message, detail),
    info: (source: string, message: string, detail?: object) =>
      write('info', source, message, detail)
  }
}

export type AppLog = ReturnType<typeof createAppLog>

/** An unexpected error as loggable fields (message and stack, and an SQLite code if any). */
export const describeError = (error: unknown) =>
  error instanceof Error
    ? {
        error: error.message,
        stack: error.stack,
        ...(typeof Reflect.get(error, 'code') === 'string'
          ? { code: Reflect.get(error, 'code') }
          : {})
      }
    : { error: String(error) }
