/**
 * The kill soak: a workstation (worker.ts, the real core) under mixed load is SIGKILLed at random moments and
 * restarted, again and again, while its outbox drains to the central API simulator failing a share of requests.
 * After every kill the harness opens the database itself and checks that every action the worker acknowledged is
 * there, that no tracking number was issued twice and that SQLite's integrity check is clean. At the end the worker
 * drains and every event it wrote must have reached the simulator exactly once, in per-application order.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startCentralSim } from '../../test/peers/central-sim'
import { seededRandom } from '../demo-seed/prng'
import { openDataDirDb } from '../../main/db/data-dir'

export interface SoakOptions {
  kills: number
  /** Share of requests the simulator fails (split between 5xx, 429 and resets after the work was done). */
  faultRate: number
  seed: number
  /** How long the worker runs between its start and the kill: uniformly in [min, max] ms. */
  runMs: [number, number]
  log?: (line: string) => void
}

export interface SoakReport {
  kills: number
  acknowledged: { registered: number; arrived: number; handedOver: number; campaigns: number }
  lost: string[]
  integrityProblems: string[]
  duplicateNumbers: number
  events: number
  eventsAtApi: number
  /** Events the API stored more than once (its ids are unique when it recognises every replay). */
  duplicatesAtApi: number
  missingAtApi: number
  outOfOrder: number
  ms: number
}

const WORKER = path.join(__dirname, 'worker.ts')
const JITI = path.resolve(__dirname, '../../node_modules/jiti/lib/jiti-cli.mjs')

interface Run {
  acks: string[]
  exit: Promise<number | null>
  /** Set once the worker has exited by itself (a crash, not our kill): waiting for it is pointless. */
  exited: () => boolean
  kill(): void
}

function startWorker(dataDir: string, api: string, extra: string[], seed: number): Run {
  const child = spawn(
    process.execPath,
    [
      JITI,
      WORKER,
      '--data-dir',
      dataDir,
      '--api',
      api,
      '--code',
      'SOAK-042',
      '--seed',
      String(seed),
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const acks: string[] = []
  let buffered = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => {
    buffered += c.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    acks.push(...lines)
  })
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  let exited = false
  const exit = new Promise<number | null>((resolve) =>
    // 'close', not 'exit': it comes after the last of stdout, so no acknowledgement is missed.
    child.once('close', (code, signal) => {
      exited = true
      if (code !== null && code !== 0) process.stderr.write(`soak worker exited ${code}:\n${err}\n`)
      resolve(signal ? null : code)
    }),
  )
  return { acks, exit, exited: () => exited, kill: () => child.kill('SIGKILL') }
}

const waitFor = async (run: Run, cond: () => boolean, ms: number, what: string): Promise<void> => {
  const until = Date.now() + ms
  while (!cond()) {
    if (run.exited()) throw new Error(`soak: the worker exited while waiting for ${what}`)
    if (Date.now() > until) throw new Error(`soak: timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const started = Date.now()
  const log = opts.log ?? (() => undefined)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-soak-'))
  const dataDir = path.join(dir, 'data')
  const third = opts.faultRate / 3
  const sim = await startCentralSim({
    dbFile: path.join(dir, 'central.sqlite'),
    enrolmentCodes: { '042': ['SOAK-042'] },
    seed: opts.seed,
  })
  // Enrolment (in the first run) gets through; from then on every request may fail.
  const faults = { errorRate: third, rate429: third, retryAfterSeconds: 0, resetRate: third }
  const rand = seededRandom(opts.seed)
  const acked = { R: new Set<string>(), A: new Set<string>(), H: new Set<string>() }
  const lost: string[] = []
  const integrityProblems: string[] = []
  let duplicateNumbers = 0
  let campaigns = 0
  try {
    for (let k = 0; k < opts.kills; k++) {
      const run = startWorker(dataDir, sim.url, [], opts.seed + k)
      await waitFor(run, () => run.acks.includes('READY'), 60_000, 'the worker to start')
      if (k === 0) sim.setFaults(faults)
      const [min, max] = opts.runMs
      await new Promise((r) => setTimeout(r, min + rand() * (max - min)))
      run.kill()
      await run.exit
      for (const line of run.acks) {
        const [kind, tn] = line.split(' ')
        if (tn && (kind === 'R' || kind === 'A' || kind === 'H')) acked[kind].add(tn)
        if (kind === 'C') campaigns++
      }
      const db = openDataDirDb(dataDir, { readonly: true })
      try {
        const check = db.pragma('integrity_check', { simple: true })
        if (check !== 'ok') integrityProblems.push(`after kill ${k + 1}: ${String(check)}`)
        const status = new Map(
          (
            db.prepare('SELECT tracking_number AS tn, status FROM applications').all() as {
              tn: string
              status: string
            }[]
          ).map((r) => [r.tn, r.status]),
        )
        for (const tn of acked.R) if (!status.has(tn)) lost.push(`registration ${tn} (kill ${k + 1})`)
        for (const tn of acked.A)
          if (!['arrived', 'collected'].includes(status.get(tn) ?? ''))
            lost.push(`arrival ${tn} (kill ${k + 1})`)
        for (const tn of acked.H)
          if (status.get(tn) !== 'collected') lost.push(`hand-over ${tn} (kill ${k + 1})`)
        const registrations = db
          .prepare(
            "SELECT count(*) AS n, count(DISTINCT tracking_number) AS d FROM events WHERE type = 'application.registered'",
          )
          .get() as { n: number; d: number }
        duplicateNumbers = registrations.n - registrations.d
      } finally {
        db.close()
      }
      log(`kill ${k + 1}/${opts.kills}: ${run.acks.length - 1} acknowledged actions`)
    }
    const drain = startWorker(dataDir, sim.url, ['--drain'], opts.seed)
    await waitFor(drain, () => drain.acks.includes('DRAINED'), 300_000, 'the outbox to drain')
    await drain.exit
    const db = openDataDirDb(dataDir, { readonly: true })
    let events: { id: string; tn: string | null }[]
    try {
      events = db.prepare('SELECT id, tracking_number AS tn FROM events ORDER BY seq').all() as typeof events
    } finally {
      db.close()
    }
    const atApi = sim.eventIds()
    const position = new Map(atApi.map((id, i) => [id, i]))
    const missingAtApi = events.filter((e) => !position.has(e.id)).length
    // Per application, the API must have taken its events in the order this PC made them.
    let outOfOrder = 0
    const lastPos = new Map<string, number>()
    for (const e of events) {
      if (!e.tn) continue
      const p = position.get(e.id)
      if (p === undefined) continue
      if (p < (lastPos.get(e.tn) ?? -1)) outOfOrder++
      lastPos.set(e.tn, p)
    }
    return {
      kills: opts.kills,
      acknowledged: { registered: acked.R.size, arrived: acked.A.size, handedOver: acked.H.size, campaigns },
      lost,
      integrityProblems,
      duplicateNumbers,
      events: events.length,
      eventsAtApi: atApi.length,
      duplicatesAtApi: atApi.length - new Set(atApi).size,
      missingAtApi,
      outOfOrder,
      ms: Date.now() - started,
    }
  } finally {
    await sim.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
