import type { Database } from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import type { SyncQueries } from '../db/queries/sync'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import type { Projector } from '../services/projection/projector'
import { runInSlices } from '../infra/slices'
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

const pageSchema = z.strictObject({
  events: z.array(storedEventSchema).max(1000),
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
  sync: Pick<SyncQueries, 'getState' | 'putState'>
  projector: Projector
  clock: Clock
  logger: Logger
  endpoint(): SyncEndpoint | null
  /** This PC's centre; the feed of any other centre is refused by the API anyway. */
  centreNumber(): string | null
  timeoutMs?: number
  pageSize?: number
  /** Told after each page is stored (a catch-up's progress bar). */
  onPage?: (p: FeedProgress) => void
}

export function createCentreFeed(deps: CentreFeedDeps) {
  const { db, sync, projector, logger } = deps
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
  const applyPart = db.transaction(
    (events: z.infer<typeof storedEventSchema>[], nextCursor: string | null): number => {
      const { stored } = projector.applyReplicated(
        events.map((e) => ({
          id: e.id,
          type: e.type,
          occurredAt: e.occurredAt,
          staffNumber: e.staffNumber,
          deviceId: e.deviceId,
          trackingNumber: e.trackingNumber,
          payload: e.payload,
        })),
      )
      if (nextCursor !== null) sync.putState(CENTRE_EVENTS_CURSOR_KEY, nextCursor)
      return stored
    },
  )

  async function applyPage(page: z.infer<typeof pageSchema>, centre: string): Promise<number> {
    const mine = page.events.filter((e) => e.centreNumber === centre)
    if (mine.length !== page.events.length)
      logger.warn('the centre feed carried another centre’s events; they were left out', {
        count: page.events.length - mine.length,
      })
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
    let cursor = storedCursor()
    let added = 0
    let read = 0
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const params: Record<string, string | number> = { limit: pageSize }
      if (cursor !== undefined) params.after = cursor
      const a = await get(ep, `/v1/centres/${centre}/events`, params)
      if ('error' in a) return { error: a.error }
      const page = parse('centre events', a, pageSchema)
      if ('error' in page) return page
      if (page.events.length > 0 && page.nextCursor === cursor)
        return { error: 'centre events: the central API returned a full page without moving the cursor' }
      try {
        added += await applyPage(page, centre)
      } catch (err) {
        return {
          error: `centre events: could not be stored: ${err instanceof Error ? err.message : String(err)}`,
        }
      }
      cursor = page.nextCursor
      read += page.events.length
      deps.onPage?.({ read, remaining: page.remaining ?? null })
      if (page.events.length < pageSize) {
        sync.putState(CENTRE_EVENTS_READ_AT_KEY, deps.clock.now())
        if (added > 0) logger.info('centre events replicated', { added })
        return added
      }
    }
    return { error: `centre events: the feed did not end within ${MAX_PAGES} pages` }
  }

  return { pullCentreEvents: single(once) }
}
export type CentreFeed = ReturnType<typeof createCentreFeed>
