import { App } from 'antd'
import { useEffect } from 'react'
import { ApiError } from '@renderer/lib/api'

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
      void message.error({ content: event.reason.message, key: event.reason.message })
    }
    window.addEventListener('unhandledrejection', onRejection)
    return () => window.removeEventListener('unhandledrejection', onRejection)
  }, [message])
  return null
}
