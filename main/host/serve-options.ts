import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

export interface ServeOptions {
  host: string
  port: number
  dataDir: string
  allowRemote: boolean
  /**
   * Tests only: the instant (ms since the epoch) the host's clock reads when the process starts; it runs forward
   * from there. null: the computer's clock, as always outside tests.
   */
  fixedStart: number | null
}

export const DEFAULT_PORT = 4780

/** The environment switch without which `--fixed-start` is refused. */
export const TEST_CLOCK_SWITCH = 'TMS_ALLOW_TEST_CLOCK'

/** An instant with its zone (`Z` or `+03:00`), so it means the same on every machine whatever its time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Command line first, then environment, then defaults. Throws with a message a person can act on. */
export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'fixed-start': { type: 'string' },
    },
    strict: true,
  })
  const portText = values.port ?? env.TMS_PORT ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${portText}"`)
  return {
    host: values.host ?? env.TMS_HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(
      values['data-dir'] ?? env.TMS_DATA_DIR ?? path.join(os.homedir(), '.track-my-service'),
    ),
    allowRemote: values['allow-remote'] ?? env.TMS_ALLOW_REMOTE === '1',
    fixedStart: parseFixedStart(values['fixed-start'], env),
  }
}

/**
 * `--fixed-start`: a host whose clock is not the computer's writes wrong dates into a real centre's records, so it
 * is refused unless the test switch is also set (only the end-to-end fixture sets it). The Electron app has no such
 * option at all: its core always runs on the computer's clock.
 */
function parseFixedStart(text: string | undefined, env: NodeJS.ProcessEnv): number | null {
  if (text === undefined) return null
  if (env[TEST_CLOCK_SWITCH] !== '1')
    throw new Error(
      `--fixed-start is for tests only: it runs the host on a clock that is not this computer's. Set ${TEST_CLOCK_SWITCH}=1 to use it; never on a centre's PC.`,
    )
  const at = INSTANT.test(text) && realDate(text) ? Date.parse(text) : Number.NaN
  if (!Number.isFinite(at))
    throw new Error(
      `--fixed-start is an instant with its time zone, e.g. 2027-03-02T07:00:00Z or 2027-03-02T10:00:00+03:00, not "${text}"`,
    )
  return at
}

/** Date.parse rolls 30 February over into March: the day must exist in its month. */
function realDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}
