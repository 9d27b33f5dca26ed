import type { Database } from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import { catalogueSchema, serviceSchema, type Service } from '../../common/catalogue'
import type { ProjectionQueries } from '../db/queries/projection'
import { pullQueries, type CentralHoliday, type PullQueries } from '../db/queries/pull'
import type { ServiceQueries } from '../db/queries/services'
import type { SyncQueries } from '../db/queries/sync'
import { overrideCalendar, type ListedHolidayCalendar } from '../services/calendar/kenya-holidays'
import type { HolidayCalendar } from '../services/calendar/working-days'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import type { SyncEndpoint } from './central-client'
import { createCentralGet, cursorSchema, MAX_PAGES, single, UUIDV7, type PullError } from './central-get'

/**
 * The pull side of sync: the service catalogue with the public holidays (`GET /v1/catalogue`, with its ETag) and the
 * SMS delivery outcomes (`GET /v1/notifications`, paged by cursor). Each answer is checked against the contract
 * before anything is written; a bad answer changes nothing. Never throws: failures come back as `{ error }`.
 *
 * State lives in `sync_state` under two keys of its own (checked here, not in SYNC_STATE_SCHEMAS):
 * - 'catalogueEtag': { etag, version, appliedAt } of the catalogue last applied;
 * - 'notificationsCursor': the `nextCursor` of the last outcome page stored (a JSON string).
 */

export const CATALOGUE_ETAG_KEY = 'catalogueEtag'
export const NOTIFICATIONS_CURSOR_KEY = 'notificationsCursor'
export { NEEDS_ENROLMENT, type PullError } from './central-get'
export type CatalogueResult = 'updated' | 'unchanged' | 'skipped' | PullError
/** How many outcome rows (event × tracking number) were new; 'skipped' when no endpoint is configured. */
export type OutcomesResult = number | 'skipped' | PullError

export interface PullDeps {
  db: Database
  services: Pick<ServiceQueries, 'all' | 'upsert'>
  sync: Pick<SyncQueries, 'getState' | 'putState'>
  /** Where a central service that cannot be used as sent is recorded (Settings → Sync shows the count). */
  issues: { recordIssue(issue: Parameters<ProjectionQueries['recordIssue']>[0]): unknown }
  /** Defaults to pullQueries(db). */
  pull?: PullQueries
  clock: Clock
  logger: Logger
  /** The configured central API, or null before enrolment (every pull is then 'skipped'). */
  endpoint(): SyncEndpoint | null
  /** Per request, connect plus the whole answer; default 15 s. */
  timeoutMs?: number
  /** `limit` for the outcome feed (1..1000); default 500. */
  pageSize?: number
  /** Largest answer accepted; default 4 MiB. */
  maxResponseBytes?: number
}

export interface Pull {
  pullCatalogue(): Promise<CatalogueResult>
  pullOutcomes(): Promise<OutcomesResult>
}

// ---------- the contract's shapes (docs/central-api.yaml) -----------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/
const isCalendarDate = (s: string): boolean => {
  if (!DATE.test(s)) return false
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export const centralHolidaySchema = z.strictObject({
  date: z.string().refine(isCalendarDate, 'must be a calendar day YYYY-MM-DD'),
  name: z.string().trim().min(1).max(200),
})

const catalogueAnswerSchema = z.strictObject({
  version: z.string().min(1).max(200),
  // Checked one by one in splitCatalogue: one service's unusable pattern must not hold back the whole catalogue.
  services: z.array(z.unknown()).max(1000),
  holidays: z.array(centralHolidaySchema).max(1000),
})
type CatalogueAnswer = z.infer<typeof catalogueAnswerSchema>

/** A central service left as it was here because its agency-reference pattern cannot be used. */
interface UnusableService {
  code: string
  reason: string
}

/**
 * The central services this PC can apply, and those whose only fault is their agency-reference pattern (one that
 * does not compile for the linear-time engine, e.g. a back-reference): those are recorded and left as they are
 * here, so a hostile or mistaken pattern never reaches the desks. Any other fault makes the whole answer malformed.
 */
function splitCatalogue(raw: readonly unknown[]): { ok: Service[]; unusable: UnusableService[] } | PullError {
  const ok: unknown[] = []
  const unusable: UnusableService[] = []
  for (const entry of raw) {
    const r = serviceSchema.safeParse(entry)
    if (r.success) {
      ok.push(entry)
      continue
    }
    const onlyPattern = r.error.issues.every(
      (i) => i.path[0] === 'agencyRefPattern' || i.path[0] === 'agencyRefExample',
    )
    const code = (entry as { code?: unknown } | null)?.code
    if (!onlyPattern || typeof code !== 'string' || !/^[A-Z0-9_]{2,24}$/.test(code)) {
      return { error: `catalogue: the central API sent a malformed service: ${r.error.issues[0]?.message}` }
    }
    unusable.push({ code, reason: r.error.issues[0]?.message ?? 'unusable agency reference pattern' })
  }
  const all = catalogueSchema.safeParse(ok)
  if (!all.success) return { error: `catalogue: ${all.error.issues[0]?.message}` }
  return { ok: all.data, unusable }
}

const outcomesPageSchema = z.strictObject({
  outcomes: z.array(
    z.strictObject({
      eventId: z.string().regex(UUIDV7, 'must be a lower-case UUIDv7'),
      trackingNumbers: z.array(z.string().regex(/^\d{12}$/, 'must be 12 digits')).max(1000),
      outcome: z.enum(['delivered', 'failed', 'invalid-number']),
      at: z.number().int().min(0).max(253_402_300_799_999),
    }),
  ),
  nextCursor: cursorSchema,
})

const etagStateSchema = z.object({
  etag: z.string().min(1).max(200),
  version: z.string(),
  appliedAt: z.number(),
})

const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_PAGE_SIZE = 500
const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024

export function createPull(deps: PullDeps): Pull {
  const { db, services, sync, clock, logger } = deps
  const pull = deps.pull ?? pullQueries(db)
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const pageSize = Math.min(1000, Math.max(1, Math.trunc(deps.pageSize ?? DEFAULT_PAGE_SIZE)))
  const { get, parse } = createCentralGet({
    timeoutMs,
    maxResponseBytes: deps.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  })

  const storedEtag = (): z.infer<typeof etagStateSchema> | null => {
    const parsed = etagStateSchema.safeParse(sync.getState(CATALOGUE_ETAG_KEY))
    return parsed.success ? parsed.data : null
  }
  const storedCursor = (): string | undefined => {
    const raw = sync.getState(NOTIFICATIONS_CURSOR_KEY)
    if (raw === undefined) return undefined
    const parsed = cursorSchema.safeParse(raw)
    if (!parsed.success) {
      logger.warn('ignoring a damaged notifications cursor; the feed is read from the start (idempotent)')
      return undefined
    }
    return parsed.data
  }

  const applyCatalogue = db.transaction(
    (
      c: CatalogueAnswer,
      split: { ok: Service[]; unusable: UnusableService[] },
      etag: string,
      now: number,
    ): void => {
      const central = new Set<string>()
      for (const s of split.ok) {
        central.add(s.code)
        services.upsert({ ...s, isDefault: false }, now)
      }
      for (const u of split.unusable) {
        central.add(u.code)
        deps.issues.recordIssue({
          eventId: `catalogue:${c.version}:${u.code}`,
          type: 'catalogue.service',
          trackingNumber: null,
          reason: `not applied: ${u.reason}`,
          at: now,
        })
      }
      // Never deleted: applications reference their service. Absent from the central list = no longer offered.
      for (const s of services.all()) {
        if (!central.has(s.code) && s.active) services.upsert({ ...s, active: false }, now)
      }
      pull.replaceHolidays(c.holidays)
      sync.putState(CATALOGUE_ETAG_KEY, { etag, version: c.version, appliedAt: now })
    },
  )

  const applyPage = db.transaction((page: z.infer<typeof outcomesPageSchema>): number => {
    let added = 0
    for (const o of page.outcomes) {
      for (const trackingNumber of new Set(o.trackingNumbers)) {
        if (pull.insertOutcome({ eventId: o.eventId, trackingNumber, outcome: o.outcome, at: o.at })) added++
      }
    }
    sync.putState(NOTIFICATIONS_CURSOR_KEY, page.nextCursor)
    return added
  })

  async function catalogueOnce(): Promise<CatalogueResult> {
    const ep = deps.endpoint()
    if (!ep) return 'skipped'
    const known = storedEtag()
    const a = await get(ep, '/v1/catalogue', {}, known ? { 'If-None-Match': known.etag } : {})
    if ('error' in a) return fail('catalogue', a)
    if (a.status === 304) return 'unchanged'
    const c = parse('catalogue', a, catalogueAnswerSchema)
    if ('error' in c) return fail('catalogue', c)
    if (a.etag === null)
      return fail('catalogue', { error: 'catalogue: the central API answered 200 without an ETag' })
    const split = splitCatalogue(c.services)
    if ('error' in split) return fail('catalogue', split)
    try {
      applyCatalogue.immediate(c, split, a.etag, clock.now())
    } catch (err) {
      return fail('catalogue', { error: `catalogue: could not be stored: ${errorText(err)}` })
    }
    if (split.unusable.length > 0) {
      logger.warn('central services left unchanged: unusable agency reference pattern', {
        services: split.unusable.map((u) => u.code),
      })
    }
    logger.info('central catalogue applied', {
      version: c.version,
      services: split.ok.length,
      holidays: c.holidays.length,
    })
    return 'updated'
  }

  async function outcomesOnce(): Promise<OutcomesResult> {
    const ep = deps.endpoint()
    if (!ep) return 'skipped'
    let cursor = storedCursor()
    let added = 0
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const params: Record<string, string | number> = { limit: pageSize }
      if (cursor !== undefined) params.after = cursor
      const a = await get(ep, '/v1/notifications', params)
      if ('error' in a) return fail('outcomes', a)
      const page = parse('outcomes', a, outcomesPageSchema)
      if ('error' in page) return fail('outcomes', page)
      if (page.outcomes.length > 0 && page.nextCursor === cursor) {
        return fail('outcomes', {
          error: 'outcomes: the central API returned a full page without moving the cursor',
        })
      }
      try {
        added += applyPage.immediate(page)
      } catch (err) {
        return fail('outcomes', { error: `outcomes: could not be stored: ${errorText(err)}` })
      }
      cursor = page.nextCursor
      if (page.outcomes.length === 0) {
        if (added > 0) logger.info('SMS delivery outcomes pulled', { added })
        return added
      }
    }
    return fail('outcomes', { error: `outcomes: the feed did not end within ${MAX_PAGES} pages` })
  }

  function fail(feed: string, e: PullError): PullError {
    logger.warn('pull failed', { feed, error: e.error })
    return e
  }

  const pullCatalogue = single(catalogueOnce)
  const pullOutcomes = single(outcomesOnce)

  return {
    pullCatalogue,
    pullOutcomes,
  }
}

/**
 * `base` with the central API's holidays added. The central list adds gazetted days (one-off holidays, the gazetted
 * Idd dates) and renames a library holiday on the same date; it never removes a library holiday (a date the central
 * list leaves out stays a holiday if the library has it). Entries are taken literally (no Sunday substitute).
 */
export function calendarWithCentralHolidays(
  base: ListedHolidayCalendar,
  holidays: readonly CentralHoliday[],
): ListedHolidayCalendar
export function calendarWithCentralHolidays(
  base: HolidayCalendar,
  holidays: readonly CentralHoliday[],
): HolidayCalendar
export function calendarWithCentralHolidays(
  base: HolidayCalendar | ListedHolidayCalendar,
  holidays: readonly CentralHoliday[],
): HolidayCalendar | ListedHolidayCalendar {
  return overrideCalendar(base, holidays, [])
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
