import { z } from 'zod'
import { directoryChangeSchema } from '../../common/directory'
import type { DirectoryOutboxRow } from '../db/queries/directory'
import type { SyncQueries } from '../db/queries/sync'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import { nextDelayMs } from './backoff'
import type { SyncEndpoint } from './central-client'
import {
  createCentralGet,
  cursorSchema,
  MAX_PAGES,
  NEEDS_ENROLMENT,
  single,
  type PullError,
} from './central-get'
import { createCentralHttp } from './http-client'
import { networkMessage } from './central-client'

/**
 * The centre directory over the central API: this PC's staff and settings changes pushed
 * (`POST /v1/centres/{centre}/directory`, oldest first) and everyone's pulled (`GET …/directory?after=`), page by
 * page, each page applied in one transaction with the cursor after it. Answers are checked with zod: a malformed
 * answer is a failure to retry, and nothing of it is applied.
 */

export const DIRECTORY_CURSOR_KEY = 'directoryCursor'
/** Epoch ms of the last pull that read the directory to its end: the status bar's "staff list may be out of date". */
export const DIRECTORY_READ_AT_KEY = 'directoryReadAt'

const PAGE_SIZE = 500
const PUSH_BATCH = 200

export const directoryPageSchema = z.strictObject({
  changes: z.array(directoryChangeSchema).max(1000),
  nextCursor: cursorSchema,
})
export type DirectoryPage = z.infer<typeof directoryPageSchema>

const winnerSchema = z.strictObject({
  id: z.string().min(1).max(100),
  at: z.number().int().min(0),
  by: z.string().max(32).nullable(),
  deviceId: z.string().min(1).max(64),
})
export const directoryResultSchema = z.strictObject({
  id: z.string().min(1).max(100),
  outcome: z.enum(['applied', 'superseded', 'duplicate', 'rejected']),
  reason: z.string().max(2000).optional(),
  winner: winnerSchema.optional(),
})
export type DirectoryResult = z.infer<typeof directoryResultSchema>
const pushAnswerSchema = z.strictObject({ results: z.array(directoryResultSchema).max(PUSH_BATCH) })

export interface DirectorySyncDeps {
  sync: Pick<SyncQueries, 'getState' | 'putState'>
  pending(limit: number): DirectoryOutboxRow[]
  /** Applies a page and moves the cursor, in one transaction. */
  applyPage(page: DirectoryPage, putCursor: () => void): void
  /** What the API said about each change sent; in one transaction. */
  acknowledge(sent: readonly DirectoryOutboxRow[], results: readonly DirectoryResult[]): void
  clock: Clock
  logger: Logger
  endpoint(): SyncEndpoint | null
  centreNumber(): string | null
  timeoutMs?: number
  random?: () => number
}

export function createDirectorySync(deps: DirectorySyncDeps) {
  const { sync, logger, clock } = deps
  const timeoutMs = deps.timeoutMs ?? 15_000
  const { get, parse } = createCentralGet({ timeoutMs, maxResponseBytes: 16 * 1024 * 1024 })
  const http = createCentralHttp({
    timeoutMs,
    maxResponseBytes: 1024 * 1024,
    maxRequestBytes: 4 * 1024 * 1024,
  })
  let failures = 0
  let nextPushAt = 0

  async function pullOnce(): Promise<number | 'skipped' | PullError> {
    const ep = deps.endpoint()
    const centre = deps.centreNumber()
    if (!ep || !centre) return 'skipped'
    const raw = sync.getState(DIRECTORY_CURSOR_KEY)
    let cursor = cursorSchema.safeParse(raw).success ? (raw as string) : undefined
    let seen = 0
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const params: Record<string, string | number> = { limit: PAGE_SIZE }
      if (cursor !== undefined) params.after = cursor
      const a = await get(ep, `/v1/centres/${centre}/directory`, params)
      if ('error' in a) return { error: a.error }
      const page = parse('centre directory', a, directoryPageSchema)
      if ('error' in page) return page
      if (page.changes.length > 0 && page.nextCursor === cursor)
        return { error: 'centre directory: the central API returned a page without moving the cursor' }
      try {
        deps.applyPage(page, () => sync.putState(DIRECTORY_CURSOR_KEY, page.nextCursor))
      } catch (err) {
        return {
          error: `centre directory: could not be stored: ${err instanceof Error ? err.message : String(err)}`,
        }
      }
      seen += page.changes.length
      cursor = page.nextCursor
      if (page.changes.length < PAGE_SIZE) {
        sync.putState(DIRECTORY_READ_AT_KEY, clock.now())
        return seen
      }
    }
    return { error: `centre directory: the feed did not end within ${MAX_PAGES} pages` }
  }

  async function pushOnce(): Promise<number | 'skipped' | PullError> {
    const ep = deps.endpoint()
    const centre = deps.centreNumber()
    if (!ep || !centre) return 'skipped'
    let sent = 0
    for (;;) {
      const batch = deps.pending(PUSH_BATCH)
      if (batch.length === 0) return sent
      const changes = batch.map((r) => ({
        id: r.change_id,
        kind: r.kind,
        key: r.key,
        field: r.field,
        value: JSON.parse(r.value) as unknown,
        at: r.at,
        by: r.by,
        deviceId: r.device_id,
      }))
      let status: number
      let body: string
      try {
        const res = await http.post<string>(
          `${ep.baseUrl.replace(/\/+$/, '')}/v1/centres/${centre}/directory`,
          JSON.stringify({ changes }),
          {
            headers: {
              Authorization: `Bearer ${ep.token}`,
              'Content-Type': 'application/json',
              Accept: 'application/json, application/problem+json',
            },
            signal: AbortSignal.timeout(timeoutMs),
          },
        )
        status = res.status
        body = typeof res.data === 'string' ? res.data : ''
      } catch (err) {
        return { error: networkMessage(err, timeoutMs) }
      }
      if (status === 401 || status === 403) return { error: NEEDS_ENROLMENT }
      if (status !== 200) return { error: `centre directory push: the central API answered ${status}` }
      let results: DirectoryResult[]
      try {
        const parsed = pushAnswerSchema.safeParse(JSON.parse(body))
        if (!parsed.success) return { error: 'centre directory push: malformed answer' }
        results = parsed.data.results
      } catch {
        return { error: 'centre directory push: the answer is not JSON' }
      }
      const ids = new Set(batch.map((r) => r.change_id))
      if (results.length !== batch.length || results.some((r) => !ids.has(r.id)))
        return { error: 'centre directory push: the answer does not answer the changes sent' }
      deps.acknowledge(batch, results)
      sent += batch.length
    }
  }

  /** Pull first, so a change of this PC that meets another PC's is seen (and audited) before it is sent. */
  const syncOnce = single(async (): Promise<{ error: string } | null> => {
    const pulled = await pullOnce()
    if (typeof pulled === 'object') return pulled
    if (clock.now() < nextPushAt) return null
    const pushed = await pushOnce()
    if (typeof pushed === 'object') {
      failures++
      nextPushAt = clock.now() + nextDelayMs(failures, deps.random)
      return pushed
    }
    failures = 0
    nextPushAt = 0
    return null
  })

  return {
    /** Pulls, then pushes what is pending (unless a failed push is still backing off). Never throws. */
    async syncOnce(): Promise<{ error: string } | null> {
      const r = await syncOnce()
      if (r) logger.warn('centre directory sync failed', { error: r.error })
      return r
    },
    /** The last time the directory was read to its end, or null. */
    readAt(): number | null {
      const v = sync.getState(DIRECTORY_READ_AT_KEY)
      return typeof v === 'number' ? v : null
    },
  }
}
export type DirectorySync = ReturnType<typeof createDirectorySync>
