import { useMemo, type ReactNode } from 'react'
import type { Locale } from '@shared/ipc/contract'
import { messages, roleNames } from './messages'
import { I18nContext, type I18n } from './context'

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) =>
        messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(vars?.[name] ?? '')
        ),
      roleName: (role) => roleNames[locale][role]
    }),
    [locale]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
