import { useEffect } from 'react'

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const
/** At most one activity report to main per this many milliseconds. */
const REPORT_EVERY_MS = 30_000

/**
 * Calls `lock` after `minutes` without keyboard or pointer activity, and reports activity to main
 * (`report`, throttled): main decides the lock by its own clock, so typing a long form without a
 * call does not lock the screen there while the clerk is working.
 */
export function useIdleLock(minutes: number, lock: () => void, report: () => void) {
  useEffect(() => {
    let timer = window.setTimeout(lock, minutes * 60_000)
    let reportedAt = 0
    const reset = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(lock, minutes * 60_000)
      const now = Date.now()
      if (now - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = now
        report()
      }
    }
    for (const name of activityEvents) window.addEventListener(name, reset, { passive: true })
    return () => {
      window.clearTimeout(timer)
      for (const name of activityEvents) window.removeEventListener(name, reset)
    }
  }, [minutes, lock, report])
}
