import path from 'node:path'
import { startBrowserHost } from './browser-host'
import { parseServeOptions } from './serve-options'

/** `npm run serve`: the core in this process, the UI and API over HTTP on loopback. */
async function main(): Promise<void> {
  const opts = parseServeOptions(process.argv.slice(2), process.env)
  const host = await startBrowserHost(opts, { rendererDir: path.join(__dirname, '../renderer') })
  const { logger } = host
  // Watches without changing what an uncaught error does: the line that says why is in the log file before it goes.
  process.on('uncaughtExceptionMonitor', (err, origin) =>
    logger.error('the host failed', { origin, error: err }),
  )
  const stop = (): void => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Announced once a stop request would be honoured: whoever waits for this line may stop the host at once.
  logger.info(`Track My Service is at ${host.url} (data in ${opts.dataDir})`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
})
