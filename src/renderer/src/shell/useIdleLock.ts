import { useEffect } from 'react'

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const

/** Calls `lock` after `minutes` without keyboard or pointer activity. */
export function useIdleLock(minutes: number, lock: () => void) {
  useEffect(() => {
    let timer = window.setTimeout(lock, minutes * 60_000)
    const reset = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(lock, minutes * 60_000)
    }
    for (const name of activityEvents) window.addEventListener(name, reset, { passive: true })
    return () => {
      window.clearTimeout(timer)
      for (const name of activityEvents) window.removeEventListener(name, reset)
    }
  }, [minutes, lock])
}
