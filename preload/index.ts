import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES, PUSH_EVENT_NAMES } from '../common/contract'
import type { ApiResult } from '../common/errors'

/**
 * Exposes exactly the contract's methods and push events to the sandboxed page, carried over a MessagePort that the
 * main process hands to this window only. No ipcRenderer, no generic send.
 */
type Listener = (data: unknown) => void

let port: Electron.IpcRendererEvent['ports'][number] | null = null
let nextId = 1
const queued: Array<() => void> = []
const pending = new Map<number, (result: ApiResult<unknown>) => void>()
const listeners = new Map<string, Set<Listener>>()

ipcRenderer.on('tms:core-port', (event) => {
  const fresh = event.ports[0]
  if (!fresh) return
  // A new port means the core restarted: calls in flight on the old one will never be answered.
  for (const [id, resolve] of pending) {
    pending.delete(id)
    resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'The workstation core restarted. Please try again.' },
    })
  }
  port = fresh
  port.onmessage = (e: MessageEvent) => {
    const msg = e.data as {
      kind: string
      id?: number
      result?: ApiResult<unknown>
      event?: string
      data?: unknown
    }
    if (msg.kind === 'result' && typeof msg.id === 'number' && msg.result) {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else if (msg.kind === 'event' && typeof msg.event === 'string') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.data)
    }
  }
  port.start()
  for (const send of queued.splice(0)) send()
})
ipcRenderer.send('tms:request-port')

function call(method: string, input: unknown): Promise<ApiResult<unknown>> {
  return new Promise((resolve) => {
    const send = (): void => {
      const id = nextId++
      pending.set(id, resolve)
      port?.postMessage({ id, method, input })
    }
    if (port) send()
    else queued.push(send)
  })
}

const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]))

contextBridge.exposeInMainWorld('tms', {
  methods,
  on(event: string, listener: Listener): () => void {
    if (!(PUSH_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`)
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  },
})
