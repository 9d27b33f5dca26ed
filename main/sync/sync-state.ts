import { z } from 'zod'
import { centralApiUrl } from '../../common/contract/central-url'
import type { SyncQueries } from '../db/queries/sync'
import type { Logger } from '../infra/logger'

/** The shape of each `sync_state` key. Values are checked on the way out, so a damaged row reads as absent. */
export const SYNC_STATE_SCHEMAS = {
  /**
   * Where the central API is and the bearer token this PC was enrolled with. An address no longer allowed (plain
   * http:// to another host, from before https was required) reads as absent: nothing is sent until re-enrolment.
   */
  endpoint: z.object({ baseUrl: centralApiUrl, token: z.string().min(1) }),
  /** What the central API knows this PC as, recorded at enrolment. */
  enrolment: z.object({ deviceId: z.string().min(1), centreNumber: z.string(), enrolledAt: z.number() }),
  /** Consecutive failed attempts and when the next one may start (epoch ms). */
  backoff: z.object({ attempt: z.number().int().min(0), nextAttemptAt: z.number() }),
  lastError: z.object({ message: z.string(), at: z.number() }),
  lastSuccessAt: z.number(),
  /** Set by a 401/403; nothing is sent until the PC is configured (enrolled) again. */
  needsEnrolment: z.object({ since: z.number(), message: z.string() }),
} as const

export type SyncStateKey = keyof typeof SYNC_STATE_SCHEMAS
export type SyncStateValue<K extends SyncStateKey> = z.infer<(typeof SYNC_STATE_SCHEMAS)[K]>
export type SyncStateUpdate = { [K in SyncStateKey]?: SyncStateValue<K> | null }

/** Typed access to `sync_state`. */
export function syncStateStore(queries: SyncQueries, logger: Logger) {
  return {
    get<K extends SyncStateKey>(key: K): SyncStateValue<K> | null {
      const raw = queries.getState(key)
      if (raw === undefined) return null
      const parsed = SYNC_STATE_SCHEMAS[key].safeParse(raw)
      if (!parsed.success) {
        logger.warn('ignoring a damaged sync state value', { key })
        return null
      }
      return parsed.data as SyncStateValue<K>
    },
    /** Writes every key given in one transaction; null removes a key. */
    put(update: SyncStateUpdate): void {
      queries.putStates(toEntries(update))
    },
  }
}
export type SyncStateStore = ReturnType<typeof syncStateStore>

/** The update as `[key, value]` pairs for `applyResults` and `putStates` (null deletes). */
export function toEntries(update: SyncStateUpdate): Array<readonly [string, unknown]> {
  return Object.entries(update).filter(([, v]) => v !== undefined)
}
