/**
 * The record's timeline is one list in one order (oldest first): events, every receipt printed and SMS outcomes,
 * by when they happened, even when an event from another PC reaches this one after later local ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApplicationDetail, HistoryEntry } from '../../common/contract'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'
const DESK_KEY = 'desk-window'
// Under the idle lock (5 minutes) between calls.
const STEP = 2 * 60_000

describe('application history', () => {
  let t: ReturnType<typeof testCore>
  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core, ADMIN_KEY)
    await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    await signedIn(t.core, ADMIN_KEY, DESK_KEY, 'desk')
  })
  afterEach(() => t.close())

  const ok = async <T>(key: string, method: string, input: unknown): Promise<T> => {
    const r = await t.core.dispatch(key, method, input)
    if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`)
    return r.value as T
  }
  const label = (h: HistoryEntry): string =>
    h.kind === 'event' ? h.type : h.kind === 'print' ? `print:${h.job.kind}` : `sms:${h.outcome}`

  it('lists events, receipts and a late replicated event oldest first', async () => {
    const t0 = t.clock.now()
    const registered = await ok<{ application: { trackingNumber: string } }>(
      CLERK_KEY,
      'application.register',
      {
        serviceCode: 'BIRTH_CERT',
        customerName: 'Wanjiku Kamau',
        phone: '0712345678',
        idNumber: '23456789',
        language: 'en',
        smsConsent: true,
      },
    )
    const tn = registered.application.trackingNumber
    t.clock.advance(STEP)
    await ok(CLERK_KEY, 'application.reprint', { trackingNumber: tn, reason: 'Customer lost the receipt' })
    t.clock.advance(STEP)
    const batch = await ok<{ id: number }>(DESK_KEY, 'arrivals.openBatch', {
      agency: 'Civil Registration Services',
    })
    await ok(DESK_KEY, 'arrivals.scan', { batchId: batch.id, code: tn })
    // Another PC's "ready" SMS from a minute after registration, stored now as the centre feed stores it.
    t.core.store.db
      .prepare(
        `INSERT INTO events (id, type, occurred_at, staff_number, device_id, tracking_number, payload)
         VALUES ('019a0000-0000-7000-8000-000000000001', 'notification.ready', ?, NULL, 'other-pc', ?, '{}')`,
      )
      .run(t0 + STEP / 2, tn)

    const app = await ok<ApplicationDetail>(CLERK_KEY, 'application.get', { trackingNumber: tn })
    expect(app.history.map(label)).toEqual([
      'application.registered',
      'print:receipt',
      'notification.ready',
      'print:reprint',
      'application.arrived',
    ])
    expect(app.history.map((h) => h.at)).toEqual([t0, t0, t0 + STEP / 2, t0 + STEP, t0 + 2 * STEP])
    expect(app.timeline.map((e) => e.type)).toEqual([
      'application.registered',
      'notification.ready',
      'application.arrived',
    ])
  })
})
