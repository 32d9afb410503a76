import { App } from 'antd'
import { useEffect } from 'react'
import { ApiError, errorMessage } from '@renderer/lib/api'

/**
 * A call that main refused (bad input, no permission, record gone) and that the screen did not
 * handle itself is shown to the clerk as main's message instead of failing silently in the
 * console. Anything else stays an error (logged in main by the window's error handler).
 */
export function RefusalNotice() {
  const { message } = App.useApp()
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!(event.reason instanceof ApiError)) return
      event.preventDefault()
      const text = errorMessage(event.reason)
      void message.error({ content: text, key: text })
    }
    window.addEventListener('unhandledrejection', onRejection)
    return () => window.removeEventListener('unhandledrejection', onRejection)
  }, [message])
  return null
}
