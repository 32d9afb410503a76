/**
 * The e2e stand-in for src/preload: the same buildApi, with Playwright's binding in place of
 * ipcRenderer. Bundled by global-setup and added to every page as an init script.
 */
import { buildApi, type BianminApi } from '../../src/shared/ipc/api'

type Listener = (payload: unknown) => void

/** The page's window, typed without pulling the DOM library into the Node type-check. */
export interface BridgeWindow {
  api: BianminApi
  __bianminInvoke: (channel: string, input: unknown) => Promise<unknown>
  __bianminEmit: (event: string, payload: unknown) => void
}
const window = globalThis as unknown as BridgeWindow

const listeners = new Map<string, Set<Listener>>()

window.__bianminEmit = (event: string, payload: unknown) => {
  for (const listener of listeners.get(event) ?? []) listener(payload)
}

window.api = buildApi(
  (channel, input) => window.__bianminInvoke(channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  }
)
