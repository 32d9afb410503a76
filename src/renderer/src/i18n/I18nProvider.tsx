import { useMemo, type ReactNode } from 'react'
import type { Locale } from '@shared/ipc/contract'
import { messages, roleNames } from './messages'
import { formatMessage, I18nContext, type I18n } from './context'

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) => formatMessage(messages[locale][key], vars),
      roleName: (role) => roleNames[locale][role]
    }),
    [locale]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
