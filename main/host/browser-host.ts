import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../core/create-core'
import { APP_VERSION } from '../core/version'
import { clockFrom, systemClock, type Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import { startHttpHost } from './http-host'
import type { ServeOptions } from './serve-options'

export interface BrowserHost {
  url: string
  core: Core
  /** The core's clock: the computer's, or the test clock of `--fixed-start`. */
  clock: Clock
  close(): Promise<void>
}

/**
 * The browser host's wiring (`npm run serve`): its clock, the core, and the UI and API over HTTP. A test clock reads
 * the fixed start at the moment this process began (`origin`), so hosts a test starts one after another on one
 * timeline (start + elapsed) agree with each other to within their spawn times.
 */
export async function startBrowserHost(
  opts: ServeOptions,
  deps: { logger: Logger; rendererDir: string; origin?: number },
): Promise<BrowserHost> {
  const { logger } = deps
  let clock: Clock = systemClock
  if (opts.fixedStart !== null) {
    clock = clockFrom(opts.fixedStart, deps.origin ?? performance.timeOrigin)
    logger.warn(
      `TEST CLOCK: this host's time started at ${new Date(opts.fixedStart).toISOString()}, not this computer's`,
    )
  }
  const core = createCore({ dataDir: opts.dataDir, logger, version: APP_VERSION, clock })
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
    close: async () => {
      await host.close()
      core.close()
    },
  }
}
