import { createContext, useContext } from 'react'
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
