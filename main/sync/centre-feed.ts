import type { Database } from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import type { ReplicaEvent } from '../db/queries/projection'
import type { SyncQueries } from '../db/queries/sync'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import type { Projector } from '../services/projection/projector'
import { runInSlices } from '../infra/slices'
import { createWalCheckpointer, type WalCheckpointer } from '../db/wal-checkpointer'
import { createCatchUpProjection, type CatchUpProjectionDeps } from './catch-up-projection'
import type { SyncEndpoint } from './central-client'
import { createCentralGet, cursorSchema, MAX_PAGES, single, UUIDV7, type PullError } from './central-get'

/**
 * Replication: the centre's events from every workstation (`GET /v1/centres/{centre}/events`), page by page, each
 * page stored and projected in one transaction together with the cursor that follows it. A crash between pages
 * repeats at most one page, which the projector absorbs (events are stored once by id).
 */

export const CENTRE_EVENTS_CURSOR_KEY = 'centreEventsCursor'
/** Epoch ms of the last pull that read the feed to its end. */
export const CENTRE_EVENTS_READ_AT_KEY = 'centreEventsReadAt'

/** How many events were new to this PC; 'skipped' before enrolment. */
export type FeedResult = number | 'skipped' | PullError

const DEFAULT_PAGE_SIZE = 500
/** A new PC's catch-up asks for the largest page the contract allows (fewer requests; stored in slices). */
const BULK_PAGE_SIZE = 1000

/**
 * What one slice of a catch-up aims at. The hard ceiling the project holds itself to is 50 ms a turn; a slice is
 * measured after it ran and the next one sized from it, so the target stays well below the ceiling (a cold page
 * cache or a busy disk makes one slice run long before the size halves).
 */
const BULK_SLICE_MS = 20
const BULK_FIRST_SLICE = 100
/**
 * The WAL a catch-up lets grow before it waits for a full checkpoint: 8,192 frames of 4 KiB, 32 MiB. Every page
 * read looks the WAL's index up first, and that costs more the longer the WAL.
 */
const BULK_WAL_FRAMES = 8_192
/**
 * The page cache during a catch-up, in KiB. The catch-up writes into indexes keyed by tracking number, name key and
 * phone, all in random order, and a page the cache misses is read back and decrypted: at a million events these
 * indexes are well past the usual 64 MiB. Given back when the run ends.
 */
const BULK_CACHE_KIB = 256 * 1024

const storedEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  id: z.string().regex(UUIDV7, 'must be a lower-case UUIDv7'),
  type: z
    .string()
    .max(60)
    .regex(/^[a-z]+(\.[a-zA-Z]+)+$/, 'must look like application.arrived'),
  occurredAt: z.number().int().min(0).max(253_402_300_799_999),
  staffNumber: z.string().min(1).max(32).nullable(),
  deviceId: z.string().min(1).max(64),
  centreNumber: z.string().regex(/^\d{3}$/, 'must be 3 digits'),
  trackingNumber: z
    .string()
    .regex(/^\d{12}$/, 'must be 12 digits')
    .nullable(),
  payload: z.record(z.string(), z.unknown()),
})

type StoredEvent = z.infer<typeof storedEventSchema>

const toReplica = (e: StoredEvent): ReplicaEvent => ({
  id: e.id,
  type: e.type,
  occurredAt: e.occurredAt,
  staffNumber: e.staffNumber,
  deviceId: e.deviceId,
  trackingNumber: e.trackingNumber,
  payload: e.payload,
})

/** A catch-up in progress: the slice size reached so far, and the WAL checkpointer when there is one. */
interface BulkRun {
  size: number
  checkpointer: WalCheckpointer | null
  /** SQLite's own checkpoint threshold, put back when the run ends or its checkpointer fails. */
  autocheckpoint: number
}

const pageSchema = z.strictObject({
  events: z.array(storedEventSchema).max(BULK_PAGE_SIZE),
  nextCursor: cursorSchema,
  /** Events of the centre after this page; for progress only (an older central service may leave it out). */
  remaining: z.number().int().min(0).optional(),
})

/** What one stored page of the feed says about the whole: for the progress of a catch-up. */
export interface FeedProgress {
  /** Events read in this run so far (stored now or already here). */
  read: number
  /** Events after the last page read, as the central API counted them; null when it did not say. */
  remaining: number | null
}

export interface CentreFeedDeps {
  db: Database
  sync: Pick<SyncQueries, 'getState' | 'putState' | 'deleteState'>
  projector: Projector
  /** What a catch-up's passes over its stored events read (main/sync/catch-up-projection.ts). */
  projection: CatchUpProjectionDeps['queries']
  clock: Clock
  logger: Logger
  endpoint(): SyncEndpoint | null
  /** This PC's centre; the feed of any other centre is refused by the API anyway. */
  centreNumber(): string | null
  timeoutMs?: number
  pageSize?: number
  /**
   * While true at the start of a pull (a PC catching up after its enrolment), pages are as large as the contract
   * allows, the next is fetched while one is stored, and each is stored in slices committed without waiting for the
   * disk, with WAL checkpoints on a worker (see applyBulk and once).
   */
  bulk?: () => boolean
  /** Told after each page is stored (a catch-up's progress bar). */
  onPage?: (p: FeedProgress) => void
  /** See CatchUpProjectionDeps (tests set it low). */
  deferEventsIndexAtLeast?: number
  /** Told how far a catch-up's passes over its stored events are (0–1), after its last page. */
  onPasses?: (fraction: number) => void
}

export function createCentreFeed(deps: CentreFeedDeps) {
  const { db, sync, projector, logger } = deps
  const passes = createCatchUpProjection({
    db,
    sync,
    queries: deps.projection,
    projector,
    logger,
    deferEventsIndexAtLeast: deps.deferEventsIndexAtLeast,
  })
  const pageSize = Math.min(1000, Math.max(1, Math.trunc(deps.pageSize ?? DEFAULT_PAGE_SIZE)))
  const { get, parse } = createCentralGet({
    timeoutMs: deps.timeoutMs ?? 15_000,
    maxResponseBytes: 16 * 1024 * 1024,
  })

  const storedCursor = (): string | undefined => {
    const raw = sync.getState(CENTRE_EVENTS_CURSOR_KEY)
    const parsed = cursorSchema.safeParse(raw)
    if (raw !== undefined && !parsed.success)
      logger.warn('ignoring a damaged centre-events cursor; the feed is read from the start (idempotent)')
    return parsed.success ? parsed.data : undefined
  }

  /**
   * Stores and projects part of a page in one transaction; the part that ends the page also moves the cursor. A
   * page of 500 events from a busy centre can take longer than a slice may hold the core, so it goes in parts
   * (`runInSlices`); a crash between two parts repeats the page, which the projector absorbs (events are stored
   * once by id).
   */
  const applyPart = db.transaction((events: StoredEvent[], nextCursor: string | null): number => {
    const { stored } = projector.applyReplicated(events.map(toReplica))
    if (nextCursor !== null) sync.putState(CENTRE_EVENTS_CURSOR_KEY, nextCursor)
    return stored
  })

  /**
   * A catch-up's page, stored without projecting it (the passes after the last page make the applications: see
   * main/sync/catch-up-projection.ts), in slices of up to BULK_SLICE_MS each committed on its own: a page of 1,000
   * events in one transaction held the loop ~150 ms at 100,000 events and up to 900 ms at a million, and a PC
   * re-enrolled from Settings → Sync, where people work, also goes through here. The slice size carries over from
   * page to page. Replicated events can be read again from the central API, so their commit need not wait for the
   * disk: a power cut loses at most the last slices together with the cursor (WAL keeps the two in step), and a
   * later FULL commit on this connection (any local registration) syncs every frame before it too. Only the
   * slice's own transaction runs at synchronous = NORMAL; whatever runs between slices commits as always.
   */
  async function applyBulk(
    events: StoredEvent[],
    nextCursor: string,
    run: BulkRun,
    remaining: number | null,
  ): Promise<number> {
    const coming = remaining === null ? null : remaining + events.length
    let stored = 0
    let i = 0
    run.size = await runInSlices(
      (size) => {
        const part = events.slice(i, i + size)
        i += part.length
        const last = i >= events.length
        stored += passes.storePart(
          part.map(toReplica),
          last ? () => sync.putState(CENTRE_EVENTS_CURSOR_KEY, nextCursor) : null,
          coming,
        )
        return !last
      },
      { targetMs: BULK_SLICE_MS, firstSize: run.size, maxSize: BULK_PAGE_SIZE },
    )
    return stored
  }

  async function applyPage(
    page: z.infer<typeof pageSchema>,
    centre: string,
    bulk: BulkRun | null,
  ): Promise<number> {
    const mine = page.events.filter((e) => e.centreNumber === centre)
    if (mine.length !== page.events.length)
      logger.warn('the centre feed carried another centre’s events; they were left out', {
        count: page.events.length - mine.length,
      })
    if (bulk) return applyBulk(mine, page.nextCursor, bulk, page.remaining ?? null)
    let stored = 0
    let i = 0
    await runInSlices(
      (size) => {
        const part = mine.slice(i, i + size)
        i += part.length
        const last = i >= mine.length
        stored += applyPart.immediate(part, last ? page.nextCursor : null)
        return !last
      },
      { firstSize: 50 },
    )
    return stored
  }

  async function once(): Promise<FeedResult> {
    const ep = deps.endpoint()
    const centre = deps.centreNumber()
    if (!ep || !centre) return 'skipped'
    if (!deps.bulk?.()) {
      // A catch-up that stopped (a restart, a failed page) left events stored but not projected: they are made
      // first, so what the feed brings next finds its applications.
      const stopped = await finishPasses(null)
      return stopped ?? pages(ep, centre, null)
    }
    // A catch-up checkpoints the WAL on a worker (main/db/wal-checkpointer.ts); SQLite's own checkpoints, which
    // run in the committing call and so hold the loop, are off until it ends.
    const checkpointer = createWalCheckpointer(db, (message) =>
      logger.warn('a WAL checkpoint of the catch-up failed', { error: message }),
    )
    const run: BulkRun = {
      size: BULK_FIRST_SLICE,
      checkpointer,
      autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
    }
    if (checkpointer) db.pragma('wal_autocheckpoint = 0')
    const cache = db.pragma('cache_size', { simple: true }) as number
    db.pragma(`cache_size = -${BULK_CACHE_KIB}`)
    try {
      // The passes of a catch-up that stopped after its storing are finished first: they cover only the events
      // that catch-up stored, and this one's are stored as a new catch-up's.
      const stopped = passes.pastStoring() ? await finishPasses(run) : null
      return stopped ?? (await pages(ep, centre, run))
    } finally {
      db.pragma(`cache_size = ${cache}`)
      if (checkpointer) {
        await checkpointer.close()
        db.pragma(`wal_autocheckpoint = ${run.autocheckpoint}`)
      }
    }
  }

  /** The passes over what a catch-up stored; an error when they could not be done (they resume next time). */
  async function finishPasses(bulk: BulkRun | null): Promise<PullError | null> {
    try {
      await passes.finish(deps.onPasses, bulk ? () => checkpointAfterPage(bulk) : undefined)
      return null
    } catch (err) {
      return {
        error: `centre events: could not be projected: ${err instanceof Error ? err.message : String(err)}`,
      }
    }
  }

  /** After a catch-up's page: a checkpoint of it on the worker, and a wait for a full one when the WAL is large. */
  async function checkpointAfterPage(run: BulkRun): Promise<void> {
    const c = run.checkpointer
    if (!c) return
    if (!c.ok()) {
      // SQLite's own checkpoints again: the WAL must not grow for the rest of the run.
      db.pragma(`wal_autocheckpoint = ${run.autocheckpoint}`)
      run.checkpointer = null
      return
    }
    c.request()
    // Past the limit the writer waits for a checkpoint of everything so far, after which the WAL rewinds.
    if (c.walFrames() > BULK_WAL_FRAMES) await c.settle()
  }

  async function pages(ep: SyncEndpoint, centre: string, bulk: BulkRun | null): Promise<FeedResult> {
    const limit = bulk ? BULK_PAGE_SIZE : pageSize
    const fetchAfter = (after: string | undefined) =>
      get(ep, `/v1/centres/${centre}/events`, after === undefined ? { limit } : { limit, after })
    let cursor = storedCursor()
    let added = 0
    let read = 0
    let next = fetchAfter(cursor)
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const a = await next
      if ('error' in a) return { error: a.error }
      const page = parse('centre events', a, pageSchema)
      if ('error' in page) return page
      if (page.events.length > 0 && page.nextCursor === cursor)
        return { error: 'centre events: the central API returned a full page without moving the cursor' }
      const more = page.events.length >= limit
      // A catch-up asks for the next page before it stores this one, so the answer travels while the core works.
      // Nothing of it is stored before this page is: it waits here, and is dropped if this page fails.
      if (more && bulk) next = fetchAfter(page.nextCursor)
      try {
        added += await applyPage(page, centre, bulk)
      } catch (err) {
        return {
          error: `centre events: could not be stored: ${err instanceof Error ? err.message : String(err)}`,
        }
      }
      cursor = page.nextCursor
      read += page.events.length
      if (bulk) await checkpointAfterPage(bulk)
      deps.onPage?.({ read, remaining: page.remaining ?? null })
      if (!more) {
        // A catch-up's applications, SMS and calls, from the events it stored (nothing to do otherwise).
        const stopped = await finishPasses(bulk)
        if (stopped) return stopped
        sync.putState(CENTRE_EVENTS_READ_AT_KEY, deps.clock.now())
        if (added > 0) logger.info('centre events replicated', { added })
        return added
      }
      if (!bulk) next = fetchAfter(cursor)
    }
    return { error: `centre events: the feed did not end within ${MAX_PAGES} pages` }
  }

  return { pullCentreEvents: single(once) }
}
export type CentreFeed = ReturnType<typeof createCentreFeed>
