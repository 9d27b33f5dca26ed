import type { Database } from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import { deferIndexes, hasDeferredIndexes, restoreIndexesOnWorker } from '../db/deferred-indexes'
import type { ProjectionQueries, ReplicaEvent } from '../db/queries/projection'
import type { SyncQueries } from '../db/queries/sync'
import type { Logger } from '../infra/logger'
import { runInSlices } from '../infra/slices'
import type { Projector } from '../services/projection/projector'

/**
 * A catch-up in passes. Page by page, as applyReplicated does, every application a page touched was folded again
 * and its row rewritten: an application's two or three events arrive days apart, so it was folded and written two
 * or three times, and the names, phones and slots of a page landed on random pages of sixteen indexes, each page
 * encrypted and written again at every commit. A million events took three minutes (bench/new-pc.bench.ts). So:
 * 1. `storing`: the pages are stored, checked, without projecting them (`storePart`), with the events' index by
 *    tracking number set aside when the catch-up brings most of the PC's events (main/db/deferred-indexes.ts);
 *    that index is then built on a worker thread, in one sorted pass;
 * 2. `applications`: with the secondary indexes of `applications` set aside, each application is made once, in
 *    tracking-number order, from the events' index read in order; what the other desks' SMS about it do to its
 *    row is done then too, while the row is in the page cache;
 * 3. `follow-ups`: the other desks' SMS and calls are recorded in the order they happened (which keeps the
 *    indexes of the SMS and call tables in order, and finds every application a message names made);
 * 4. `indexes`: the applications' indexes are built again on a worker thread, one sorted pass each.
 *
 * A catch-up that brings few events to a PC that holds many (`applications-by-seq`, then `follow-ups`) keeps
 * every index: building them again would cost more than the few rows.
 *
 * Where it is is one `sync_state` row, written in the same transaction as the work it describes, so a crash or a
 * power cut resumes where the last commit left it: the passes commit without waiting for the disk, since all of it
 * can be done again from the stored events. Each step is idempotent (a fold rewrites a row to what its events
 * say; the follow-ups' cursor moves with them). Until the row is gone some applications may be missing and
 * searches are slower; the catch-up is not "ready" before then, and any pull finishes the passes before it reads on.
 */
export const CATCH_UP_PROJECTION_KEY = 'centreEventsProjection'

/**
 * Below this share of the PC's events being the catch-up's, the applications are found by sequence instead, with
 * the indexes kept: a walk of the tracking-number index past mostly older events would read far more than it
 * makes, and building every index again would cost more than the few rows (a PC re-enrolled from Settings → Sync
 * brings a few hundred events among a million).
 */
const BY_TRACKING_NUMBER_SHARE = 0.25
/** What a slice of the passes aims at (the ceiling is 50 ms a turn; see main/infra/slices.ts). */
const PASS_SLICE_MS = 20
/** Each pass's share of the progress through the passes (bench/new-pc.bench.ts); the indexes have the rest. */
const SHARE = { applications: 0.55, followUps: 0.25 }
/**
 * The events' index by tracking number is set aside while the events are stored only when the feed says at least
 * this many are coming and they are most of what the PC will hold: meanwhile a look-up by tracking number (a
 * receipt, a scan) reads the whole table.
 */
const DEFER_EVENTS_INDEX = { atLeast: 20_000, share: 0.5 }

/** What the benchmarks report of the catch-ups in this process: time in each pass, summed over its slices. */
export const catchUpStats = {
  storingMs: 0,
  applicationsMs: 0,
  followUpsMs: 0,
  /** From asking the worker to build the indexes to its answer (the core's loop runs meanwhile). */
  indexesMs: 0,
  /** The longest of the worker's steps: what a write of the core may have waited for. */
  longestIndexStep: { label: '', ms: 0 },
}

const seq = z.number().int().min(0)
/** Sequences are of this PC's `events`: the catch-up stored (fromSeq − 1, toSeq]. */
const stateSchema = z.discriminatedUnion('stage', [
  z.strictObject({ stage: z.literal('storing'), fromSeq: seq }),
  z.strictObject({ stage: z.literal('applications'), fromSeq: seq, toSeq: seq, afterTn: z.string() }),
  z.strictObject({ stage: z.literal('applications-by-seq'), fromSeq: seq, toSeq: seq, afterSeq: seq }),
  z.strictObject({ stage: z.literal('follow-ups'), fromSeq: seq, toSeq: seq, afterSeq: seq }),
  z.strictObject({ stage: z.literal('indexes') }),
])
type State = z.infer<typeof stateSchema>

export interface CatchUpProjectionDeps {
  db: Database
  sync: Pick<SyncQueries, 'getState' | 'putState' | 'deleteState'>
  queries: Pick<
    ProjectionQueries,
    'storedTrackingNumbers' | 'trackingNumbersBetween' | 'followUpsBetween' | 'lastSeq' | 'countStoredBetween'
  >
  projector: Pick<Projector, 'storeReplicated' | 'projectStored' | 'projectStoredInOrder' | 'followUpStored'>
  logger: Logger
  /** From how many coming events the events' index is set aside (default 20,000; tests use fewer). */
  deferEventsIndexAtLeast?: number
}

/**
 * Commits `fn`'s transaction without waiting for the disk (synchronous = NORMAL; WAL keeps a commit whole), for
 * work that can be done again from what the central API or the stored events hold. A later FULL commit on the
 * connection (any local registration) syncs every frame before it too.
 */
function withoutDiskWait<T>(db: Database, fn: () => T): T {
  db.pragma('synchronous = NORMAL')
  try {
    return fn()
  } finally {
    db.pragma('synchronous = FULL')
  }
}

export function createCatchUpProjection(deps: CatchUpProjectionDeps) {
  const { db, sync, queries, projector, logger } = deps

  const read = (): State | null => {
    const raw = sync.getState(CATCH_UP_PROJECTION_KEY)
    if (raw === undefined) return null
    const parsed = stateSchema.safeParse(raw)
    if (parsed.success) return parsed.data
    // Unreadable: every application is made again from its events (slow once, never wrong).
    logger.warn('a damaged catch-up projection state; every application is projected again')
    return { stage: 'storing', fromSeq: 1 }
  }
  const write = (s: State | null): void =>
    s === null ? sync.deleteState(CATCH_UP_PROJECTION_KEY) : sync.putState(CATCH_UP_PROJECTION_KEY, s)

  /**
   * Stores part of a page without projecting it, and moves the feed's cursor when the part ends the page. The
   * first part of a catch-up starts its state, and sets the events' index aside when `coming` (this page and the
   * events the feed says follow it) is most of what the PC will hold.
   */
  const storePart = db.transaction(
    (events: ReplicaEvent[], moveCursor: (() => void) | null, coming: number | null): number => {
      if (read() === null) {
        const held = queries.lastSeq()
        write({ stage: 'storing', fromSeq: held + 1 })
        if (
          coming !== null &&
          coming >= (deps.deferEventsIndexAtLeast ?? DEFER_EVENTS_INDEX.atLeast) &&
          coming >= (held + coming) * DEFER_EVENTS_INDEX.share
        )
          deferIndexes(db, 'events')
      }
      const stored = projector.storeReplicated(events)
      moveCursor?.()
      return stored
    },
  )

  /** The first pass, once the feed has been read to its end. */
  const afterStoring = (fromSeq: number): State => {
    const toSeq = queries.lastSeq()
    const stored = toSeq - fromSeq + 1
    if (stored <= 0) return { stage: 'follow-ups', fromSeq, toSeq, afterSeq: toSeq }
    if (stored / Math.max(1, toSeq) < BY_TRACKING_NUMBER_SHARE)
      return { stage: 'applications-by-seq', fromSeq, toSeq, afterSeq: fromSeq - 1 }
    deferIndexes(db, 'applications')
    return { stage: 'applications', fromSeq, toSeq, afterTn: '' }
  }
  const followUpsOf = (s: { fromSeq: number; toSeq: number }): State => ({
    stage: 'follow-ups',
    fromSeq: s.fromSeq,
    toSeq: s.toSeq,
    afterSeq: s.fromSeq - 1,
  })

  /** One slice of a pass, in one transaction with the state it leaves; `done` is how many events it covered. */
  const step = db.transaction((s: State, size: number): { next: State | null; done: number } => {
    let next: State | null
    let done = 0
    switch (s.stage) {
      case 'storing':
        next = afterStoring(s.fromSeq)
        break
      case 'applications': {
        const tns = queries.storedTrackingNumbers(s.afterTn, s.fromSeq, size)
        projector.projectStoredInOrder(tns, s.fromSeq)
        const last = tns.at(-1)
        if (last !== undefined) done = queries.countStoredBetween(s.afterTn, last, s.fromSeq)
        next = tns.length < size || last === undefined ? followUpsOf(s) : { ...s, afterTn: last }
        break
      }
      case 'applications-by-seq':
      case 'follow-ups': {
        const to = Math.min(s.toSeq, s.afterSeq + size)
        if (s.stage === 'applications-by-seq')
          projector.projectStored(queries.trackingNumbersBetween(s.afterSeq, to))
        else projector.followUpStored(queries.followUpsBetween(s.afterSeq, to))
        done = to - s.afterSeq
        if (to < s.toSeq) next = { ...s, afterSeq: to }
        else if (s.stage === 'applications-by-seq') next = followUpsOf(s)
        else next = hasDeferredIndexes(db) ? { stage: 'indexes' } : null
        break
      }
      case 'indexes':
        throw new Error('the indexes are built on a worker, not in a slice')
    }
    write(next)
    return { next, done }
  })

  async function buildIndexes(table?: 'events', onStep?: (fraction: number) => void): Promise<void> {
    const t0 = performance.now()
    const built = await restoreIndexesOnWorker(db, table, onStep)
    catchUpStats.indexesMs += performance.now() - t0
    if (built.longest && built.longest.ms > catchUpStats.longestIndexStep.ms)
      catchUpStats.longestIndexStep = built.longest
  }

  return {
    /** True when a catch-up has read its feed to the end but not finished its passes. */
    pastStoring: (): boolean => {
      const s = read()
      return s !== null && s.stage !== 'storing'
    },

    storePart: (events: ReplicaEvent[], moveCursor: (() => void) | null, coming: number | null): number => {
      const t0 = performance.now()
      const stored = withoutDiskWait(db, () => storePart.immediate(events, moveCursor, coming))
      catchUpStats.storingMs += performance.now() - t0
      return stored
    },

    /**
     * Runs the passes over what the catch-up stored, in slices, then builds the indexes on a worker; tells how far
     * it is (0–1). `between` runs between two slices (the catch-up's WAL checkpoints). Nothing to do when no
     * catch-up is pending. Throws what stopped it; the passes resume from there at the next call.
     */
    async finish(onProgress?: (fraction: number) => void, between?: () => Promise<void>): Promise<void> {
      let s = read()
      if (s === null) return
      let applications = 0
      let followUps = 0
      const tell = (): void => {
        if (s === null || s.stage === 'storing') return
        const total = s.stage === 'indexes' ? 1 : Math.max(1, s.toSeq - s.fromSeq + 1)
        const a = s.stage === 'applications' || s.stage === 'applications-by-seq' ? applications / total : 1
        const f = s.stage === 'follow-ups' ? followUps / total : s.stage === 'indexes' ? 1 : 0
        onProgress?.(Math.min(1, a) * SHARE.applications + Math.min(1, f) * SHARE.followUps)
      }
      if (s.stage === 'storing' && hasDeferredIndexes(db, 'events')) {
        // The walk by tracking number reads this index: built first, on the worker.
        await buildIndexes('events')
      }
      if (s.stage !== 'indexes') {
        await runInSlices(
          (size) => {
            const current = s!
            const t0 = performance.now()
            const { next, done } = withoutDiskWait(db, () => step.immediate(current, size))
            const took = performance.now() - t0
            if (current.stage === 'follow-ups') {
              followUps += done
              catchUpStats.followUpsMs += took
            } else {
              applications += done
              catchUpStats.applicationsMs += took
            }
            s = next
            tell()
            return s !== null && s.stage !== 'indexes'
          },
          { targetMs: PASS_SLICE_MS, firstSize: 50, maxSize: 20_000, between },
        )
      }
      if (s?.stage === 'indexes') {
        const before = SHARE.applications + SHARE.followUps
        await buildIndexes(undefined, (f) => onProgress?.(before + (1 - before) * f))
        write(null)
      }
      onProgress?.(1)
    },
  }
}
export type CatchUpProjection = ReturnType<typeof createCatchUpProjection>
