import { ipcMain, type WebContents } from 'electron'
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract'
import type { HandlerTable } from './table'

/** Registers every call of the table on ipcMain; the table checks the sender frame's URL. */
export function registerIpc(table: HandlerTable): void {
  for (const channel of table.channels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      table.invoke(channel, input, { senderUrl: event.senderFrame?.url })
    )
  }
}

/** Pushes an event to the window, validated against the contract first. */
export function emit<E extends EventName>(
  target: WebContents | undefined,
  name: E,
  payload: EventPayload<E>
) {
  if (!target || target.isDestroyed()) return
  target.send(name, events[name].parse(payload))
}
