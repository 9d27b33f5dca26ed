import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCore, type Core } from '../main/core/create-core'
import { latestBackup } from '../main/db/backup'
import { clockFrom, type Clock } from '../main/infra/clock'
import { silentLogger } from '../main/infra/logger'
import { SEEDER_VERSION, seedDemo } from '../scripts/demo-seed/seed-demo'

/** Documents in the benches' demo centre (`TMS_BENCH_DOCUMENTS` overrides). */
export const DEMO_DOCUMENTS = Number(process.env.TMS_BENCH_DOCUMENTS ?? 5_000_000)

/**
 * The demo centre's present: it is seeded up to this instant (Tuesday 2 March 2027, 10:00 in Nairobi) and the
 * benches' cores run from it, so what a bench counts (ages on the shelf, who a campaign reaches, the periods of the
 * analytics) is the same whenever it runs and however old the cached centre is.
 */
export const DEMO_NOW = Date.UTC(2027, 2, 2, 7, 0, 0)

/** A clock that reads `DEMO_NOW` now and runs forward from there. */
export const demoClock = (): Clock => clockFrom(DEMO_NOW, Date.now())

/**
 * The data dir of the five-year demo centre the manager and campaign benches share. Building 5,000,000 documents
 * takes minutes, so it is kept under the temp directory between runs, keyed by size and seeder version
 * (`TMS_BENCH_DIR` overrides the place).
 */
export async function demoCentreDir(): Promise<string> {
  const dir =
    process.env.TMS_BENCH_DIR ??
    path.join(os.tmpdir(), `tms-bench-demo-${DEMO_DOCUMENTS}-v${SEEDER_VERSION}-at${DEMO_NOW}`)
  if (!fs.existsSync(path.join(dir, 'tms.sqlite'))) {
    fs.rmSync(dir, { recursive: true, force: true })
    const r = await seedDemo({
      dataDir: dir,
      documents: DEMO_DOCUMENTS,
      now: DEMO_NOW,
      log: (l) => process.stdout.write(`${l}\n`),
    })
    process.stdout.write(`seeded ${r.documents} documents (${r.onShelf} on the shelf) in ${r.ms} ms\n`)
  }
  return dir
}

/**
 * A core on the demo centre, once its start-up work is done: the core starts its daily backup when it opens a
 * database with none from today, and on a 5M centre that copy would run between the measured calls. So this waits
 * until the newest backup file stops growing.
 */
export async function openDemoCentre(clock: Clock = demoClock()): Promise<Core> {
  const dir = await demoCentreDir()
  const core = createCore({ dataDir: dir, logger: silentLogger, version: 'bench', tickMs: 0, clock })
  let last = -1
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000))
    const file = latestBackup(dir)
    const size = file ? fs.statSync(file).size : -1
    if (size > 0 && size === last) return core
    last = size
  }
}
