import type { Database } from 'better-sqlite3-multiple-ciphers'
import { mintTrackingNumber } from '../../common/tracking-number'

const DAY = 86_400_000
const KEY = '0123456789abcdef0123456789abcdef'

/** Tracking number n of a made-up workstation 09 of centre 042 (Damm-valid, so the API accepts it). */
export const tn = (n: number): string =>
  mintTrackingNumber({ centreNumber: '042', workstationSlot: '09', counter: n, key: KEY })

/** 10:00 Nairobi on the day `daysAgo` days before the day of `now`. */
export const daysAgo = (now: number, days: number, hour = 10): number => {
  const nairobiMidnight = Math.floor((now + 3 * 3_600_000) / DAY) * DAY - 3 * 3_600_000
  return nairobiMidnight - days * DAY + hour * 3_600_000
}

export interface Doc {
  n: number
  service?: string
  registeredAt: number
  expectedReady?: string
  arrivedAt?: number
  collectedAt?: number
  slot?: string
  phone?: string
  name?: string
}

/**
 * Puts a document through its life the way the services do — INSERT as registered, UPDATE on arrival, UPDATE on
 * collection — so the rollup and SMS triggers see the same writes as in the app.
 */
export function putDocument(db: Database, d: Doc): string {
  const t = tn(d.n)
  db.prepare(
    `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
       registered_at, registered_by, expected_ready, updated_at)
     VALUES (?, ?, ?, ?, 'en', 1, 'registered', ?, 'CLK001', ?, ?)`,
  ).run(
    t,
    d.service ?? 'ID_NEW',
    d.name ?? `Customer ${d.n}`,
    d.phone ?? `+2547${String(10_000_000 + d.n).slice(-8)}`,
    d.registeredAt,
    d.expectedReady ?? '2026-01-01',
    d.registeredAt,
  )
  if (d.arrivedAt !== undefined) {
    db.prepare(
      `UPDATE applications SET status = 'arrived', arrived_at = ?, shelf_slot = ?, updated_at = ? WHERE tracking_number = ?`,
    ).run(d.arrivedAt, d.slot ?? 'W01-ID', d.arrivedAt, t)
  }
  if (d.collectedAt !== undefined) {
    db.prepare(
      `UPDATE applications SET status = 'collected', collected_at = ?, updated_at = ? WHERE tracking_number = ?`,
    ).run(d.collectedAt, d.collectedAt, t)
  }
  return t
}

/** The ready SMS went out (the notification row the sender marks 'sent'). */
export function smsSent(db: Database, trackingNumber: string, at: number): void {
  const r = db
    .prepare(
      `INSERT INTO notifications (tracking_number, kind, due_at, status) VALUES (?, 'ready', ?, 'scheduled')`,
    )
    .run(trackingNumber, at)
  db.prepare(`UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ?`).run(at, r.lastInsertRowid)
}

let eventCounter = 0
const nextEventId = (): string => `00000000-0000-7000-8000-${String(++eventCounter).padStart(12, '0')}`

/** A delivery outcome pulled from the central API. */
export function smsOutcome(
  db: Database,
  trackingNumber: string,
  outcome: 'delivered' | 'failed' | 'invalid-number',
  at: number,
  eventId = nextEventId(),
): void {
  db.prepare(
    `INSERT INTO delivery_outcomes (event_id, tracking_number, outcome, at) VALUES (?, ?, ?, ?)`,
  ).run(eventId, trackingNumber, outcome, at)
}
