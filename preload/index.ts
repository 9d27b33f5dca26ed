import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES, PUSH_EVENT_NAMES } from '../common/contract'
import { createPortClient } from './port-client'

/**
 * Exposes exactly the contract's methods, push events and the scanner-desk claim to the sandboxed page, carried over
 * a MessagePort that the main process hands to this window only. No ipcRenderer, no generic send. The port client
 * (port-client.ts) holds the logic; this file only wires Electron to it.
 */
const client = createPortClient(PUSH_EVENT_NAMES)

ipcRenderer.on('tms:core-port', (event) => {
  const fresh = event.ports[0]
  if (fresh) client.attach(fresh)
})
ipcRenderer.send('tms:request-port')

const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => client.call(name, input)]),
)

contextBridge.exposeInMainWorld('tms', {
  methods,
  on: (event: string, listener: (data: unknown) => void) => client.on(event, listener),
  claimDesk: () => client.claimDesk(),
})
