import type { Rule } from 'antd/es/form'
import type { Translate } from '@renderer/i18n/context'

/** Mirrors the contract's `newPassword` rule so the clerk sees it before submitting. */
export const passwordRules = (t: Translate): Rule[] => [
  { required: true, message: t('field.required', { field: t('field.password') }) },
  {
    validator: (_, value: string | undefined) =>
      !value || (value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error(t('field.passwordRule')))
  }
]

/** The "confirm password" field must repeat the field named `other`. */
export const confirmRules = (t: Translate, other: string): Rule[] => [
  { required: true, message: t('field.required', { field: t('field.passwordConfirm') }) },
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      value === getFieldValue(other)
        ? Promise.resolve()
        : Promise.reject(new Error(t('field.passwordMismatch')))
  })
]
