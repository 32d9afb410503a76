import type { Rule } from 'antd/es/form'
import type { Translate } from '@renderer/i18n/context'
import { passwordProblem } from '@shared/password-policy'

/**
 * The contract's password rules (src/shared/password-policy.ts) so the clerk sees them before
 * submitting; `username` adds the user-name rule where it is known. Reuse is checked in main.
 */
export const passwordRules = (t: Translate, username?: () => string | undefined): Rule[] => [
  { required: true, message: t('field.required', { field: t('field.password') }) },
  {
    validator: (_, value: string | undefined) =>
      !value || passwordProblem(value, username?.()) === null
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
