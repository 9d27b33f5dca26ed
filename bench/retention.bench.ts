import { expect, it } from 'vitest'
import { DAY_MS, nairobiDate } from '../common/nairobi-time'
import { createCore } from '../main/core/create-core'
import { manualClock } from '../main/infra/clock'
import { silentLogger } from '../main/infra/logger'
import { sliceStats } from '../main/infra/slices'
import { createEventWriter } from '../main/services/event-writer'
import { createRetentionService } from '../main/services/privacy/retention-service'
import { createProjector } from '../main/services/projection/projector'
import { createSettingsService } from '../main/services/settings-service'
import { tempDir } from '../test/helpers/temp-dir'
import { report } from './report'

/**
 * The retention sweep's throughput: a centre whose DOCS finished applications (registered, arrived, collected —
 * half by a proxy — each through the event writer, as the services write them) are all past the period, erased
 * in one sweep. Prints applications erased per second and the longest slice (target ≤ 50 ms). The demo centre is
 * not used: its bulk-loaded history has no events, and the erasure works on the log.
 */
const DOCS = 20_000

it('retention sweep', async () => {
  const tmp = tempDir()
  const clock = manualClock(Date.UTC(2026, 0, 5, 7, 0, 0))
  const core = createCore({ dataDir: tmp.dir, logger: silentLogger, version: 'bench', clock, tickMs: 0 })
  try {
    const setup = await core.dispatch('admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' },
    })
    if (!setup.ok) throw new Error(setup.error.message)
    const { store } = core
    const projector = createProjector({ store, clock, logger: silentLogger })
    const writeEvent = createEventWriter(store, clock, (tn) => projector.project(tn))
    const tns: string[] = []
    for (let start = 0; start < DOCS; start += 1000) {
      store.tx(() => {
        for (let i = start; i < start + 1000; i++) {
          const tn = `0420199${String(i).padStart(5, '0')}`
          tns.push(tn)
          writeEvent({
            type: 'application.registered',
            staffNumber: 'ADM001',
            trackingNumber: tn,
            payload: {
              serviceCode: 'ID_NEW',
              customerName: `Wekesa Customer`,
              phone: `0712${String(100000 + i)}`,
              idNumber: String(30_000_000 + i),
              language: 'en',
              smsConsent: true,
              expectedReady: nairobiDate(clock.now() + 10 * DAY_MS),
              notes: 'call after 5',
            },
          })
          writeEvent({
            type: 'application.arrived',
            staffNumber: 'ADM001',
            trackingNumber: tn,
            payload: { slot: 'A-01' },
          })
          writeEvent({
            type: 'application.collected',
            staffNumber: 'ADM001',
            trackingNumber: tn,
            payload: {
              collector:
                i % 2
                  ? { kind: 'owner' }
                  : {
                      kind: 'proxy',
                      name: 'Pendo Atieno',
                      idNumber: '28765432',
                      relationship: 'sister',
                      authorisationRef: 'L-1',
                    },
            },
          })
        }
      })
    }
    store.db.exec('DELETE FROM outbox') // acknowledged by the central API long ago
    clock.advance(200 * DAY_MS)
    const retention = createRetentionService({
      store,
      clock,
      settings: createSettingsService(store),
      writeEvent,
      logger: silentLogger,
    })
    sliceStats.longestMs = 0
    const steps = sliceStats.steps
    const started = performance.now()
    const run = await retention.run()
    const took = performance.now() - started
    expect(run.erased).toBe(DOCS)
    report(`retention: erased per second (${DOCS} docs)`, (DOCS * 1000) / took, 'docs/s', '-')
    report('retention: longest slice', sliceStats.longestMs, 'ms', '<= 50')
    report('retention: slices', sliceStats.steps - steps, 'slices', '-')
  } finally {
    core.close()
    tmp.cleanup()
  }
})
