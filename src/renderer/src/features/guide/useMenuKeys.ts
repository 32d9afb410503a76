import { useEffect } from 'react'

/** True when a key press belongs to a text field or an open dialog, not to the menu. */
const isTyping = (target: EventTarget | null) => {
  const element = target as HTMLElement | null
  if (!element) return false
  if (element.closest?.('.ant-modal-root, .ant-drawer')) return true
  return (
    element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName ?? '')
  )
}

/** Number keys walk the phone menu; * or Backspace go up one level. */
export function useMenuKeys(onDigit: (digit: number) => void, onUp: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      if (/^[1-9]$/.test(event.key)) {
        event.preventDefault()
        onDigit(Number(event.key))
      } else if (event.key === '*' || event.key === 'Backspace') {
        event.preventDefault()
        onUp()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onDigit, onUp])
}
