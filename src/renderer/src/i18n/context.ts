import { createContext, useCallback, useContext } from 'react'
import type { Locale } from '@shared/ipc/contract'
import type { Role } from '@shared/roles'
import type { MessageKey } from './messages'

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

export interface I18n {
  locale: Locale
  t: Translate
  roleName: (role: Role) => string
}

export const I18nContext = createContext<I18n | null>(null)

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

/** Fills `{name}` placeholders. */
export const formatMessage = (template: string, vars?: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? ''))

/** A feature's own messages, in every locale; the Chinese text is the reference. */
export type Dictionary<K extends string> = Record<Locale, Record<K, string>>

/**
 * `t` for a feature's dictionary, following the app's locale. The same function until the locale
 * changes, so an effect that depends on it runs once rather than on every render.
 */
export function useMessages<K extends string>(dictionary: Dictionary<K>) {
  const { locale } = useI18n()
  return useCallback(
    (key: K, vars?: Record<string, string | number>) =>
      formatMessage(dictionary[locale][key], vars),
    [dictionary, locale]
  )
}
