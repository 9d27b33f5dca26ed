import { parseArgs } from 'node:util'
import { createCore, type Core } from '../core/create-core'
import { servePort } from '../core/port-server'
import { APP_VERSION } from '../core/version'
import { parseUpdateStateMessage, type UpdatePolicyMessage } from '../core/update-messages'
import { systemClock } from '../infra/clock'
import { processLogger } from '../infra/process-logger'

/**
 * Entry of the Electron utility process that runs the core. Main hands it one MessagePort per window load; this file
 * only wraps Electron's MessagePortMain for the port server (main/core/port-server.ts), which is tested without
 * Electron over a worker_threads MessageChannel.
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { 'data-dir': { type: 'string' } },
  strict: false,
})
const dataDir = values['data-dir']
if (typeof dataDir !== 'string') throw new Error('core process needs --data-dir')

const { logger, file: logFile } = processLogger({ dataDir, process: 'core', clock: systemClock })
// Watches without changing what an uncaught error does (the process ends and main starts a new core): the line that
// says why is in the file before it goes.
process.on('uncaughtExceptionMonitor', (err, origin) =>
  logger.error('the core process failed', { origin, error: err }),
)
logger.info('core process starting', { versions: { ...process.versions } })
let core: Core | null = null

// The main process sends the database key first (main/electron/database-key.ts: sealed by the OS keyring), then a
// port per window load. The key never touches the command line or the environment, which other programs can read.
process.parentPort.on('message', (message) => {
  const data = message.data as { type?: unknown; key?: unknown } | null
  if (data?.type === 'key' && typeof data.key === 'string' && !core) {
    core = createCore({
      dataDir,
      logger,
      logFile,
      version: APP_VERSION,
      databaseKey: Buffer.from(data.key, 'hex'),
    })
    // The updater runs in main (electron-updater needs the app); the centre's choice and the desks' open work are
    // here, so main is told them, and tells back where the update stands (main/core/update-messages.ts).
    core.updates.onPolicy((policy) => {
      const message: UpdatePolicyMessage = { type: 'update-policy', policy }
      process.parentPort.postMessage(message)
    })
    return
  }
  const update = parseUpdateStateMessage(data)
  if (update) {
    core?.updates.report(update.state)
    return
  }
  const port = message.ports[0]
  if (data?.type !== 'connect' || !port || !core) return
  servePort(
    {
      postMessage: (m) => port.postMessage(m),
      onMessage: (listener) => port.on('message', (e) => listener(e.data)),
      onClose: (listener) => port.on('close', listener),
      start: () => port.start(),
    },
    { core, logger },
  )
})
