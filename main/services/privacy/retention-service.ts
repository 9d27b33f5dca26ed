import { DAY_MS, nairobiDay } from '../../../common/nairobi-time'
import type { RetentionKey } from '../../db/queries/privacy'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Logger } from '../../infra/logger'
import { runInSlices, type SliceOptions } from '../../infra/slices'
import type { EventWriter } from '../event-writer'
import type { SettingsService } from '../settings-service'
import { erasePersonalData } from './erase-personal-data'

export interface RetentionRun {
  erased: number
  /** Past the period but with an event the central API has not acknowledged yet: taken at a later run. */
  waitingForSync: number
}

/** At most this many applications per slice, so one audit row never lists thousands of tracking numbers. */
const MAX_SLICE = 500

/**
 * Retention (issue #13): applications collected, returned or cancelled whose last change is more than the centre's
 * `personalDataRetentionDays` ago have their personal fields erased with `erasePersonalData`, in slices
 * (`runInSlices`: each a transaction of about 10 ms) over keyset pages of `applications_retention`, so the desk
 * keeps answering while a large backlog is erased. A document still on the shelf or not yet arrived is never in
 * that index. An application with an event the central API has not acknowledged (outbox, dead letter) is left
 * for a later run, so the central API gets every event as it was written before the erasure event follows.
 */
export function createRetentionService(deps: {
  store: Store
  clock: Clock
  settings: SettingsService
  writeEvent: EventWriter
  logger: Logger
  slices?: SliceOptions
}) {
  const { store, clock } = deps
  let running: Promise<RetentionRun> | null = null
  let lastDay = -1

  async function sweep(): Promise<RetentionRun> {
    const days = deps.settings.get().personalDataRetentionDays
    const before = clock.now() - days * DAY_MS
    const run: RetentionRun = { erased: 0, waitingForSync: 0 }
    let from: RetentionKey | null = null
    await runInSlices(
      (size) => {
        const page = store.privacy.retentionPage(before, from, size)
        const last = page[page.length - 1]
        if (!last) return false
        from = { updatedAt: last.updated_at, trackingNumber: last.tracking_number }
        const ready = page.map((p) => p.tracking_number).filter((tn) => store.privacy.isAcknowledged(tn))
        run.waitingForSync += page.length - ready.length
        if (ready.length > 0)
          run.erased += erasePersonalData(deps, ready, {
            reason: 'retention',
            by: null,
            detail: `${days} days after collection, return or cancellation`,
          }).erased.length
        return page.length === size
      },
      { maxSize: MAX_SLICE, ...deps.slices },
    )
    return run
  }

  return {
    /** One sweep now; a sweep already under way is joined, not doubled. */
    run(): Promise<RetentionRun> {
      running ??= sweep().finally(() => {
        running = null
      })
      return running
    },
    /** From the core's tick: one sweep per Nairobi day (the first tick after start, then after midnight). */
    tick(): void {
      const day = nairobiDay(clock.now())
      if (day === lastDay || running) return
      lastDay = day
      this.run().then(
        (r) => {
          if (r.erased || r.waitingForSync) deps.logger.info('retention sweep', { ...r })
        },
        (err: unknown) =>
          deps.logger.error('retention sweep failed', {
            error: err instanceof Error ? err.message : String(err),
          }),
      )
    },
  }
}
export type RetentionService = ReturnType<typeof createRetentionService>
