import type { AppErrorShape, Result } from '@shared/errors'

/** The typed bridge the preload exposes; the renderer reaches main only through it. */
export const api = window.api

export class ApiError extends Error {
  readonly code: AppErrorShape['code']
  readonly fields: Record<string, string>

  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.code = shape.code
    this.fields = shape.fields ?? {}
  }
}

/** Unwraps a call's envelope: the value, or an ApiError carrying main's code and message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

/**
 * Main names a refused field by its path (输入有误（night.amount）：…), which a form turns into a
 * message at the box (showFieldErrors); shown anywhere else, the path means nothing to a clerk.
 */
const FIELD_PATH = /^输入有误（[A-Za-z0-9_.]+）：/

/** A failure as the clerk reads it. */
export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message.replace(FIELD_PATH, '输入有误：') : '操作失败'
