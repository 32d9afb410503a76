import { useState } from 'react'
import type { AuthStatus } from '@shared/ipc/contract'
import { errorMessage } from '@renderer/lib/api'

/**
 * Runs an auth call for a screen: a busy flag, the error to show, and `onDone` with the new
 * status. `describe` turns a failure into the message (or null when shown at fields).
 */
export function useAuthSubmit(
  onDone: (status: AuthStatus) => void,
  describe: (caught: unknown) => string | null = errorMessage
) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (pending: Promise<AuthStatus>) => {
    setBusy(true)
    setError(null)
    try {
      onDone(await pending)
      return true
    } catch (caught) {
      setError(describe(caught))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
