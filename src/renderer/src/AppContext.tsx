import { createContext, useContext } from 'react'
import type { AuthStatus, SessionView, SettingsView } from '@shared/ipc/contract'

export interface AppState {
  session: SessionView
  settings: SettingsView
  setSettings: (settings: SettingsView) => void
  setStatus: (status: AuthStatus) => void
}

export const AppContext = createContext<AppState | null>(null)

/** The signed-in session and the workstation's settings, for any module. */
export function useApp(): AppState {
  const value = useContext(AppContext)
  if (!value) throw new Error('useApp outside the signed-in shell')
  return value
}
