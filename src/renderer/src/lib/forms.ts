import type { FormInstance } from 'antd'
import { ApiError, errorMessage } from './api'

/**
 * Shows a failed call's field messages at their fields; returns the message for anything that
 * has no field on this form, for the caller to show.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string | null {
  if (error instanceof ApiError && Object.keys(error.fields).length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>))
    const fields = Object.entries(error.fields).filter(([name]) => known.has(name))
    form.setFields(fields.map(([name, message]) => ({ name, errors: [message] })))
    if (fields.length === Object.keys(error.fields).length) return null
  }
  return errorMessage(error)
}
