import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi } from '../shared/ipc/api'

/** One method per contract call; listeners never see the IPC event object. */
const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => ipcRenderer.removeListener(event, forward)
  }
)

contextBridge.exposeInMainWorld('api', api)
