/**
 * One workstation under load, for the soak harness (soak.ts), which SIGKILLs it at random moments. It runs the real
 * core on a real data dir and does what a busy centre does: registrations, arrival scans, hand-overs, while the
 * outbox drains to the central API. After each acknowledged action it writes one line to stdout, synchronously,
 * so a line on the harness's side means the action was committed before the kill.
 *
 *   R <tn>   registered        A <tn>   arrived on the shelf        H <tn>   handed over
 *   C campaign  a reminder campaign sent
 *   READY    started, load follows        DRAINED  (with --drain) the outbox is empty
 *
 * Usage: jiti scripts/soak/worker.ts --data-dir DIR --api URL --code CODE [--drain] [--seed N]
 */
import fs from 'node:fs'
import { createCore } from '../../main/core/create-core'
import { silentLogger } from '../../main/infra/logger'
import { seededRandom } from '../demo-seed/prng'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const dataDir = arg('--data-dir')
const apiUrl = arg('--api')
const code = arg('--code')
if (!dataDir || !apiUrl || !code) {
  process.stderr.write('usage: worker.ts --data-dir DIR --api URL --code CODE [--drain] [--seed N]\n')
  process.exit(2)
}
const drainOnly = process.argv.includes('--drain')
// The same seed gives the same customers and the same mix of actions.
const rand = seededRandom(Number(arg('--seed') ?? 1))
const say = (line: string): void => void fs.writeSync(1, `${line}\n`)

const ADMIN = { staffNumber: 'ADM001', name: 'Soak Administrator', pin: '482619' }
const KEY = 'soak-window'

async function main(): Promise<void> {
  const core = createCore({ dataDir: dataDir!, logger: silentLogger, version: 'soak', tickMs: 200 })
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const r = await core.dispatch(KEY, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  const status = (await call('app.status', {})) as { setupDone: boolean }
  if (!status.setupDone) {
    await call('setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre Soak',
      workstationSlot: '01',
      admin: ADMIN,
    })
  } else {
    await call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
  }
  const sync = (await call('sync.status', {})) as { state: string }
  if (sync.state === 'not-configured') await call('sync.enrol', { apiUrl, enrolmentCode: code })

  if (drainOnly) {
    for (;;) {
      await call('sync.now', {}).catch(() => undefined)
      const s = (await call('sync.status', {})) as { queueDepth: number }
      if (s.queueDepth === 0) break
      await new Promise((r) => setTimeout(r, 100))
    }
    say('DRAINED')
    core.close()
    return
  }

  const batch = (await call('arrivals.openBatch', { agency: 'Soak Agency', expected: [] })) as { id: number }
  const registered: string[] = []
  const onShelf: string[] = []
  say('READY')
  for (let i = 0; ; i++) {
    const roll = rand()
    if (roll < 0.01 && onShelf.length > 0) {
      // A reminder campaign to the whole shelf (a week's exclusion window makes most repeats find no one).
      const r = await core.dispatch(KEY, 'campaign.send', {
        minDaysOnShelf: 0,
        serviceCodes: [],
        lastReminderOlderThanDays: 7,
      })
      if (r.ok) say('C campaign')
      else if (r.error.code !== 'CONFLICT') throw new Error(`campaign.send: ${r.error.message}`)
    } else if (roll < 0.2 && registered.length > 0) {
      const tn = registered.splice(Math.floor(rand() * registered.length), 1)[0]!
      const r = (await call('arrivals.scan', { batchId: batch.id, code: tn })) as { outcome: string }
      if (r.outcome === 'arrived') {
        onShelf.push(tn)
        say(`A ${tn}`)
      }
    } else if (roll < 0.3 && onShelf.length > 0) {
      const tn = onShelf.splice(Math.floor(rand() * onShelf.length), 1)[0]!
      const id = (
        core.store.db
          .prepare('SELECT id_number AS id FROM applications WHERE tracking_number = ?')
          .get(tn) as { id: string }
      ).id
      await call('collection.handOver', { trackingNumbers: [tn], collector: { kind: 'owner', idNumber: id } })
      say(`H ${tn}`)
    } else {
      const n = Math.floor(rand() * 1e8)
      const r = (await call('application.register', {
        serviceCode: 'BIRTH_CERT',
        customerName: `Soak Customer ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + (n % 26))}`,
        phone: `0712${String(n % 1_000_000).padStart(6, '0')}`,
        idNumber: String(10_000_000 + (n % 90_000_000)),
        language: rand() < 0.5 ? 'en' : 'sw',
        smsConsent: true,
        confirmDuplicate: true,
      })) as { application: { trackingNumber: string } }
      registered.push(r.application.trackingNumber)
      say(`R ${r.application.trackingNumber}`)
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
