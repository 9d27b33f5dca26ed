import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../core/create-core'
import { APP_VERSION } from '../core/version'
import { clockFrom, systemClock, type Clock } from '../infra/clock'
import type { FileLog } from '../infra/file-log'
import type { Logger } from '../infra/logger'
import { processLogger } from '../infra/process-logger'
import { startHttpHost } from './http-host'
import type { ServeOptions } from './serve-options'

export interface BrowserHost {
  url: string
  core: Core
  /** The core's clock: the computer's, or the test clock of `--fixed-start`. */
  clock: Clock
  logger: Logger
  close(): Promise<void>
}

/**
 * The browser host's wiring (`npm run serve`): its clock, its log (the console and `<data dir>/logs/host.<n>.log`,
 * on that clock, unless the caller brings a logger), the core, and the UI and API over HTTP. A test clock reads
 * the fixed start at the moment this process began (`origin`), so hosts a test starts one after another on one
 * timeline (start + elapsed) agree with each other to within their spawn times.
 */
export async function startBrowserHost(
  opts: ServeOptions,
  deps: { logger?: Logger; rendererDir: string; origin?: number },
): Promise<BrowserHost> {
  let clock: Clock = systemClock
  if (opts.fixedStart !== null) clock = clockFrom(opts.fixedStart, deps.origin ?? performance.timeOrigin)
  let logFile: FileLog | null = null
  let logger: Logger
  if (deps.logger) logger = deps.logger
  else {
    const made = processLogger({ dataDir: opts.dataDir, process: 'host', clock })
    logger = made.logger
    logFile = made.file
  }
  if (opts.fixedStart !== null) {
    logger.warn(
      `TEST CLOCK: this host's time started at ${new Date(opts.fixedStart).toISOString()}, not this computer's`,
    )
  }
  const core = createCore({
    dataDir: opts.dataDir,
    logger,
    version: APP_VERSION,
    clock,
    ...(logFile ? { logFile } : {}),
  })
  const host = await startHttpHost({
    core,
    rendererDir: deps.rendererDir,
    host: opts.host,
    port: opts.port,
    allowRemote: opts.allowRemote,
    logger,
  })
  return {
    url: host.url,
    core,
    clock,
    logger,
    close: async () => {
      await host.close()
      core.close()
      await logFile?.close()
    },
  }
}
