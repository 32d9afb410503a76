import type { BianminApi } from '../shared/ipc/api'

declare global {
  interface Window {
    api: BianminApi
  }
}
