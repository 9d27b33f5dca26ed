import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { APP_VERSION } from '../core/version'
import { consoleLogger } from '../infra/logger'
import { parsePortRequest } from './port-message'

/**
 * Entry of the Electron utility process that runs the core. Main hands it one MessagePort per window load; each
 * port is one connection with its own session key, so a reload or a second window never shares a sign-in.
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { 'data-dir': { type: 'string' } },
  strict: false,
})
const dataDir = values['data-dir']
if (typeof dataDir !== 'string') throw new Error('core process needs --data-dir')

const logger = consoleLogger('core')
const core = createCore({ dataDir, logger, version: APP_VERSION })

process.parentPort.on('message', (message) => {
  const data = message.data as { type?: unknown } | null
  const port = message.ports[0]
  if (data?.type !== 'connect' || !port) return
  const key = `window:${randomUUID()}`
  const unsubscribe = core.hub.subscribe(key, (event, payload) =>
    port.postMessage({ kind: 'event', event, data: payload }),
  )
  port.on('message', (e) => {
    const request = parsePortRequest(e.data)
    if (!request) {
      logger.warn('dropped malformed port message')
      return
    }
    void core
      .dispatch(key, request.method, request.input)
      .then((result) => port.postMessage({ kind: 'result', id: request.id, result }))
  })
  port.on('close', () => {
    unsubscribe()
    core.disconnect(key)
  })
  port.start()
})
