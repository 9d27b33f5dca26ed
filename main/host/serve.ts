import path from 'node:path'
import { createCore } from '../core/create-core'
import { APP_VERSION } from '../core/version'
import { consoleLogger } from '../services/logger'
import { startHttpHost } from './http-host'
import { parseServeOptions } from './serve-options'

/** `npm run serve`: the core in this process, the UI and API over HTTP on loopback. */
async function main(): Promise<void> {
  const logger = consoleLogger('host')
  const opts = parseServeOptions(process.argv.slice(2), process.env)
  const core = createCore({ dataDir: opts.dataDir, logger, version: APP_VERSION })
  const host = await startHttpHost({
    core,
    rendererDir: path.join(__dirname, '../renderer'),
    host: opts.host,
    port: opts.port,
    allowRemote: opts.allowRemote,
    logger,
  })
  logger.info(`Track My Service is at ${host.url} (data in ${opts.dataDir})`)
  const stop = (): void => {
    void host.close().then(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
})
