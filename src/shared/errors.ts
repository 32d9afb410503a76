/** Stable error codes: tests and the renderer branch on these, never on messages. */
export const errorCodes = [
  'VALIDATION',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CALL',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'AUTH_FAILED',
  'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'SCHEMA_TOO_NEW',
  'INTERNAL'
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface AppErrorShape {
  code: ErrorCode
  /** Chinese, for the clerk. */
  message: string
  /** Per-field messages for forms (path joined with '.'). */
  fields?: Record<string, string>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (fields) this.fields = fields
  }

  toShape(): AppErrorShape {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
