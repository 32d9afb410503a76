import { createContext, useContext, useEffect, useState } from 'react'
import type { BookKey } from '@shared/logbooks/books'

/**
 * Opening one module from another. A module that can be opened with an intent lists it here by
 * its key; the shell switches to it and holds the intent until the module has read it.
 */
export interface ModuleIntents {
  /** 登记簿: a book's tab, with the new-entry form open when `create`. */
  logbooks: { book: BookKey; create: boolean }
}
export type IntentModule = keyof ModuleIntents
export type PendingIntent = {
  [K in IntentModule]: { module: K; intent: ModuleIntents[K] }
}[IntentModule]

export interface Navigation {
  open: <K extends IntentModule>(module: K, intent: ModuleIntents[K]) => void
  /** The intent handed to the module being opened, until it has read it. */
  pending: PendingIntent | null
  /** Called by the module once it has read its intent, so a later plain visit starts plain. */
  taken: () => void
}

export const NavigationContext = createContext<Navigation | null>(null)

/** `open(moduleKey, intent)`: switches the shell to that module and hands it the intent. */
export function useNavigate(): Navigation['open'] {
  const value = useContext(NavigationContext)
  if (!value) throw new Error('useNavigate outside the signed-in shell')
  return value.open
}

/**
 * The intent this module was opened with, fixed for as long as it stays open; null when it was
 * opened from the menu or an F-key.
 */
export function useIntent<K extends IntentModule>(module: K): ModuleIntents[K] | null {
  const navigation = useContext(NavigationContext)
  const [intent] = useState(() =>
    navigation?.pending?.module === module ? (navigation.pending.intent as ModuleIntents[K]) : null
  )
  const taken = navigation?.taken
  useEffect(() => {
    if (intent) taken?.()
  }, [intent, taken])
  return intent
}
