import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCentralSim } from '../test/peers/central-sim'

/**
 * Runs the central tracking API simulator on its own, for demos and manual testing of the counter app's sync:
 * port 4790 (or CENTRAL_PORT) on 127.0.0.1, state in .data/central-sim.sqlite (kept between runs), and the
 * enrolment code DEMO-042 for centre 042. Stop it with Ctrl+C.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = path.join(root, '.data')
mkdirSync(dataDir, { recursive: true })
const dbFile = path.join(dataDir, 'central-sim.sqlite')
const port = Number(process.env.CENTRAL_PORT ?? 4790)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`CENTRAL_PORT must be a TCP port number, got ${JSON.stringify(process.env.CENTRAL_PORT)}`)
  process.exit(1)
}

const sim = await startCentralSim({ dbFile, port, enrolmentCodes: { '042': ['DEMO-042'] } })
console.log(`Central tracking API simulator: ${sim.url}`)
console.log(`  contract: docs/central-api.yaml   data: ${path.relative(root, dbFile)}`)
console.log(`  enrol centre 042 with code DEMO-042 (POST ${sim.url}/v1/enrol)`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void sim.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
