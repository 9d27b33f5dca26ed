import type { ApiResult } from '../common/errors'

/**
 * The window's end of its port to the core, without Electron: the preload (index.ts) hands it each port main sends
 * and exposes its calls to the page; the tests drive it over a worker_threads MessageChannel. The DOM MessagePort
 * of the preload and Node's MessagePort both fit this shape.
 */
export interface ClientPort {
  postMessage(message: unknown): void
  onmessage: ((event: { data: unknown }) => void) | null
  start(): void
}

type Listener = (data: unknown) => void

/**
 * Calls in flight when the core restarts are failed, not sent again: the core may have done the work before it went
 * (an application saved, a receipt printed), so a silent retry could register or print twice, and the new core has
 * signed everyone out, so a retry would only fail differently. The clerk is told to look before doing it again.
 */
export const CORE_RESTARTED: ApiResult<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The workstation restarted before answering. Check whether it was saved before you try again.',
  },
}

export function createPortClient(eventNames: readonly string[]) {
  let port: ClientPort | null = null
  let nextId = 1
  const queued: Array<() => void> = []
  const pending = new Map<number, (result: ApiResult<unknown>) => void>()
  const listeners = new Map<string, Set<Listener>>()
  // How many scan pages of this window hold the scanner's desk; the core is told on 0 ↔ 1 and on every new claim.
  let deskHolds = 0

  const send = (message: unknown): void => {
    if (port) port.postMessage(message)
    else queued.push(() => port?.postMessage(message))
  }

  const receive = (data: unknown): void => {
    if (typeof data !== 'object' || data === null) return
    const msg = data as { kind?: unknown; id?: unknown; result?: unknown; event?: unknown; data?: unknown }
    if (msg.kind === 'result' && typeof msg.id === 'number' && msg.result) {
      pending.get(msg.id)?.(msg.result as ApiResult<unknown>)
      pending.delete(msg.id)
    } else if (msg.kind === 'event' && typeof msg.event === 'string') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.data)
    }
  }

  return {
    /** A port to the core: the first one, or a fresh one after the core restarted. */
    attach(fresh: ClientPort): void {
      // The old port's core is gone: what it was asked will never be answered. (Calls queued before the first port
      // are not in `pending` yet: they are sent below.)
      for (const [id, resolve] of pending) {
        pending.delete(id)
        resolve(CORE_RESTARTED)
      }
      port = fresh
      port.onmessage = (e) => receive(e.data)
      port.start()
      // A new core knows nothing of this window's desk: claim it again if a scan page holds it.
      if (deskHolds > 0) port.postMessage({ kind: 'desk', claimed: true })
      for (const flush of queued.splice(0)) flush()
    },
    call(method: string, input: unknown): Promise<ApiResult<unknown>> {
      return new Promise((resolve) => {
        const post = (): void => {
          const id = nextId++
          pending.set(id, resolve)
          port?.postMessage({ id, method, input })
        }
        if (port) post()
        else queued.push(post)
      })
    },
    on(event: string, listener: Listener): () => void {
      if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`)
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
    /** Takes the scanner's desk for this window (again, if held); the returned function gives this hold up. */
    claimDesk(): () => void {
      deskHolds++
      send({ kind: 'desk', claimed: true })
      let held = true
      return () => {
        if (!held) return
        held = false
        deskHolds--
        if (deskHolds === 0) send({ kind: 'desk', claimed: false })
      }
    },
  }
}
export type PortClient = ReturnType<typeof createPortClient>
