import type { FormInstance } from 'antd'
import { ApiError, errorMessage } from './api'

/** A field path as main reports it ('holidays.0.name') as the form's name path. */
const namePath = (key: string) =>
  key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))

/**
 * Shows a failed call's field messages at their fields, a list's rows included
 * ('holidays.0.name' under the first holiday's name); returns the message for anything that has
 * no field on this form, for the caller to show.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string | null {
  if (error instanceof ApiError && Object.keys(error.fields).length) {
    // Only fields this form shows: a message set where no field is would be seen by no one.
    const shown = new Set(form.getFieldsError().map((field) => field.name.join('.')))
    const fields = Object.entries(error.fields)
      .filter(([key]) => shown.has(key))
      .map(([key, message]) => ({ name: namePath(key), errors: [message] }))
    form.setFields(fields)
    if (fields.length === Object.keys(error.fields).length) return null
  }
  return errorMessage(error)
}
