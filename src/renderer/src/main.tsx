import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiError, api } from './lib/api'
import './styles.css'

const container = document.getElementById('root')!

const report = (source: string, error: unknown) => {
  const failure = error instanceof Error ? error : new Error(String(error))
  try {
    void api.app
      .reportError({
        module: source,
        message: (failure.message || failure.name).slice(0, 2000),
        ...(failure.stack ? { stack: failure.stack.slice(0, 20_000) } : {})
      })
      .catch(() => undefined)
  } catch {
    /* the bridge itself is gone: nothing to report to */
  }
}

// Errors outside rendering (handlers, timers, promises) are logged in main too; they still
// reach the console, so the e2e suite sees every one of them.
window.addEventListener('error', (event) => report('window', event.error ?? event.message))
window.addEventListener('unhandledrejection', (event) => {
  // A refusal from main is shown to the clerk (RefusalNotice), not an error of the screen.
  if (!event.defaultPrevented && !(event.reason instanceof ApiError))
    report('promise', event.reason)
})

/** Last resort, if even the shell's own error boundary failed: a plain page, never a blank one. */
function showFatal(error: unknown) {
  report('root', error)
  const page = document.createElement('div')
  page.className = 'fatal-error'
  page.setAttribute('role', 'alert')
  const title = document.createElement('h1')
  title.textContent = '工作站出现意外错误'
  const hint = document.createElement('p')
  hint.textContent = '已保存的记录不受影响，错误已写入日志。请点“重新载入”。'
  const reload = document.createElement('button')
  reload.textContent = '重新载入'
  reload.addEventListener('click', () => window.location.reload())
  page.append(title, hint, reload)
  container.replaceChildren(page)
}

createRoot(container, { onUncaughtError: showFatal }).render(
  <StrictMode>
    <App />
  </StrictMode>
)
