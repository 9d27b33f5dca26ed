import type { ApiResult } from '../../common/errors'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { setUpCentre, signedIn, testCore } from './core'

export const DAY = 86_400_000
export const MINUTE = 60_000
/** Monday 30 November 2026, 10:00 in Nairobi. */
export const NOW = Date.UTC(2026, 10, 30, 7, 0, 0)

export const ADMIN_KEY = 'admin-window'
export const CLERK_KEY = 'clerk-window'
export const DESK_KEY = 'desk-window'
export const MANAGER_KEY = 'manager-window'

export async function call<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<ApiResult<MethodOutput<K>>> {
  return (await core.dispatch(key, method, input)) as ApiResult<MethodOutput<K>>
}

export async function ok<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<MethodOutput<K>> {
  const r = await call(core, key, method, input)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
  return r.value
}

export interface ShelfDocument {
  serviceCode: string
  customerName: string
  phone: string
  idNumber?: string
  language: 'en' | 'sw'
  smsConsent: boolean
  /** Whole days since it arrived (same time of day as now). */
  daysOnShelf: number
}

/**
 * A centre at `now` with a clerk, a desk officer and a manager signed in, and a way to put documents on the shelf
 * as if they had arrived some days ago: registered and scanned through the API with the clock set back (sessions
 * unlocked again after each jump), and the "ready" SMS marked sent, as it would have been long since.
 */
export async function shelfFixture(dataDir?: string, now = NOW) {
  const t = testCore(dataDir)
  t.clock.set(now)
  await setUpCentre(t.core, ADMIN_KEY)
  await ok(t.core, ADMIN_KEY, 'settings.update', { idleLockMinutes: 60 })
  const clerk = await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
  const desk = await signedIn(t.core, ADMIN_KEY, DESK_KEY, 'desk')
  const manager = await signedIn(t.core, ADMIN_KEY, MANAGER_KEY, 'manager')
  const db = t.core.store.db
  let batchId: number | null = null

  async function place(doc: ShelfDocument): Promise<string> {
    const { daysOnShelf, ...input } = doc
    const back = t.clock.now()
    const arrivedAt = back - daysOnShelf * DAY
    batchId ??= (await ok(t.core, DESK_KEY, 'arrivals.openBatch', { agency: 'Mixed agencies' })).id
    // Registered and scanned at their own (past) times, so the events and the row derived from them agree.
    t.clock.set(arrivedAt - 10 * MINUTE)
    await wake()
    const r = await ok(t.core, CLERK_KEY, 'application.register', { ...input, confirmDuplicate: true })
    const tn = r.application.trackingNumber
    t.clock.set(arrivedAt)
    const scan = await ok(t.core, DESK_KEY, 'arrivals.scan', { batchId, code: tn })
    if (scan.outcome !== 'arrived') throw new Error(`scan of ${tn}: ${scan.outcome}`)
    t.clock.set(back)
    await wake()
    // The "ready" SMS went out long ago.
    db.prepare("UPDATE notifications SET status = 'sent', sent_at = ? WHERE tracking_number = ?").run(
      arrivedAt + 30 * MINUTE,
      tn,
    )
    return tn
  }

  /** Marks a document missing from its slot, as the desk would. */
  async function markMissing(tn: string): Promise<void> {
    await ok(t.core, DESK_KEY, 'shelf.flag', {
      trackingNumber: tn,
      flag: 'missing',
      value: true,
      reason: 'Not in its slot',
    })
  }

  /** After the clock jumps past the idle limit, sessions are locked: unlock them as their owners would. */
  async function wake(): Promise<void> {
    for (const [key, pin] of [
      [MANAGER_KEY, manager.pin],
      [DESK_KEY, desk.pin],
      [CLERK_KEY, clerk.pin],
    ] as const) {
      const r = await t.core.dispatch(key, 'auth.activity', {})
      if (!r.ok && r.error.code === 'SESSION_LOCKED') await ok(t.core, key, 'auth.unlock', { pin })
    }
  }

  return { t, db, clerk, desk, manager, place, wake, markMissing }
}
