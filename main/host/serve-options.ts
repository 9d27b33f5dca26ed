import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

export interface ServeOptions {
  host: string
  port: number
  dataDir: string
  allowRemote: boolean
}

export const DEFAULT_PORT = 4780

/** Command line first, then environment, then defaults. Throws with a message a person can act on. */
export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'allow-remote': { type: 'boolean' },
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
  }
}
