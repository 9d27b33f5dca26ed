import { startCentralSim } from '../test/peers/central-sim'

/**
 * The central API simulator in a process of its own, for benchmarks of the core's side of a sync: a real central
 * API is another machine, so its reads and JSON of every page should not take turns on the core's event loop (in
 * the same process they did). Started by `startSimProcess` (sim-process.ts) with its options as JSON in
 * TMS_SIM_OPTIONS; prints `{"url": ...}` on one line once listening, and stops on SIGTERM or when stdin closes.
 */
const options = JSON.parse(process.env.TMS_SIM_OPTIONS ?? '{}') as Parameters<typeof startCentralSim>[0]
const sim = await startCentralSim(options)
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void sim.close().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
process.stdin.resume()
