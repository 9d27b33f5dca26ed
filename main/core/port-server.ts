import { randomUUID } from 'node:crypto'
import type { Logger } from '../infra/logger'
import type { Core } from './create-core'
import type { PushListener } from './event-hub'
import { parseDeskClaim, parsePortRequest, type PortReply } from './port-message'

/**
 * One end of a window's MessagePort as the core sees it. Electron's MessagePortMain and Node's worker_threads
 * MessagePort differ only in how a message arrives (an event with `data`, or the value itself), so each is wrapped
 * in these four calls by its caller (main/electron/core-process.ts; the tests).
 */
export interface ServerPort {
  postMessage(message: PortReply): void
  onMessage(listener: (data: unknown) => void): void
  onClose(listener: () => void): void
  start(): void
}

export interface PortServerOptions {
  core: Pick<Core, 'dispatch' | 'hub' | 'disconnect'>
  logger: Logger
  /** The connection's session key (default: a random one). */
  newKey?: () => string
}

/**
 * Serves the contract on one port: one connection with its own session key, so a reload or a second window never
 * shares a sign-in. Requests go to the dispatcher, push events come back on the same port, and the window's scan
 * page may claim the scanner's desk. When the port closes, the subscription, the desk and the session end with it.
 */
export function servePort(port: ServerPort, opts: PortServerOptions): void {
  const { core, logger } = opts
  const key = opts.newKey ? opts.newKey() : `window:${randomUUID()}`
  const listener: PushListener = (event, data) => port.postMessage({ kind: 'event', event, data })
  const unsubscribe = core.hub.subscribe(key, listener)
  port.onMessage((data) => {
    const claim = parseDeskClaim(data)
    if (claim) {
      if (claim.claimed) core.hub.claimDesk(listener)
      else core.hub.releaseDesk(listener)
      return
    }
    const request = parsePortRequest(data)
    if (!request) {
      logger.warn('dropped malformed port message')
      return
    }
    void core
      .dispatch(key, request.method, request.input)
      .then((result) => port.postMessage({ kind: 'result', id: request.id, result }))
  })
  port.onClose(() => {
    unsubscribe()
    core.disconnect(key)
  })
  port.start()
}
