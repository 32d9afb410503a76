import { useEffect } from 'react'
import type { ModuleDef } from './modules'

/** Alt+1…9 by menu order, each module's F-key, and Ctrl+L to lock the screen. */
export function useShortcuts(list: ModuleDef[], open: (key: string) => void, lock: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault()
        lock()
        return
      }
      // Shift + F-key belongs to the window bar (叫号…), never to a module.
      if (event.shiftKey) return
      const byFunctionKey = list.find((module) => module.functionKey === event.key)
      const digit =
        event.altKey && /^Digit[1-9]$/.test(event.code) ? Number(event.code.slice(5)) : 0
      const target = byFunctionKey ?? (digit ? list[digit - 1] : undefined)
      if (target) {
        event.preventDefault()
        open(target.key)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [list, open, lock])
}
