import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface SubjectApplicationRow {
  tracking_number: string
  service_code: string
  customer_name: string
  phone: string
  id_number: string | null
  agency_ref: string | null
  language: 'en' | 'sw'
  sms_consent: number
  notes: string | null
  status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
  registered_at: number
  registered_by: string
  arrived_at: number | null
  shelf_slot: string | null
  collected_at: number | null
  collected_by: string | null
  collector: string | null
  returned_at: number | null
}

/**
 * What a data subject's request reads. Each statement names its index (`INDEXED BY`): a centre holds millions of
 * applications and a request must never scan them; `test/integration/subject-query-plans.test.ts` holds them to it.
 * Everything else is reached from the applications found, by tracking number.
 */
export const SUBJECT_SQL = {
  byIdNumber: `SELECT * FROM applications INDEXED BY applications_id_number
               WHERE id_number = ? ORDER BY registered_at LIMIT ?`,
  byPhone: `SELECT * FROM applications INDEXED BY applications_phone
            WHERE phone = ? ORDER BY registered_at LIMIT ?`,
  events: `SELECT type, occurred_at, staff_number, payload FROM events INDEXED BY events_tracking_number
           WHERE tracking_number = ? ORDER BY seq`,
  notifications: `SELECT kind, status, due_at, sent_at, skip_reason FROM notifications INDEXED BY notifications_tracking
                  WHERE tracking_number = ? ORDER BY due_at, id`,
  deliveryOutcomes: `SELECT outcome, at FROM delivery_outcomes INDEXED BY delivery_outcomes_by_tracking
                     WHERE tracking_number = ? ORDER BY at`,
  calls: `SELECT at, staff_number, outcome, note FROM call_log INDEXED BY call_log_tracking
          WHERE tracking_number = ? ORDER BY id`,
  returnManifests: `SELECT i.manifest_id, m.agency, i.outcome
                    FROM return_manifest_items i INDEXED BY return_manifest_items_tracking
                    JOIN return_manifests m ON m.id = i.manifest_id
                    WHERE i.tracking_number = ? ORDER BY i.manifest_id`,
  reminders: `SELECT phone, due_at, sent_at, status, tracking_numbers FROM campaign_messages INDEXED BY campaign_messages_phone
              WHERE phone = ? ORDER BY due_at, id`,
} as const

export function subjectQueries(db: Database) {
  const byIdNumber = db.prepare<[string, number], SubjectApplicationRow>(SUBJECT_SQL.byIdNumber)
  const byPhone = db.prepare<[string, number], SubjectApplicationRow>(SUBJECT_SQL.byPhone)
  const events = db.prepare<
    [string],
    { type: string; occurred_at: number; staff_number: string | null; payload: string }
  >(SUBJECT_SQL.events)
  const notifications = db.prepare<
    [string],
    { kind: string; status: string; due_at: number; sent_at: number | null; skip_reason: string | null }
  >(SUBJECT_SQL.notifications)
  const deliveryOutcomes = db.prepare<[string], { outcome: string; at: number }>(SUBJECT_SQL.deliveryOutcomes)
  const calls = db.prepare<
    [string],
    { at: number; staff_number: string; outcome: string; note: string | null }
  >(SUBJECT_SQL.calls)
  const returnManifests = db.prepare<
    [string],
    { manifest_id: number; agency: string; outcome: string | null }
  >(SUBJECT_SQL.returnManifests)
  const reminders = db.prepare<
    [string],
    { phone: string; due_at: number; sent_at: number | null; status: string; tracking_numbers: string }
  >(SUBJECT_SQL.reminders)
  return {
    byIdNumber: (idNumber: string, limit: number) => byIdNumber.all(idNumber, limit),
    byPhone: (phone: string, limit: number) => byPhone.all(phone, limit),
    events: (tn: string) => events.all(tn),
    notifications: (tn: string) => notifications.all(tn),
    deliveryOutcomes: (tn: string) => deliveryOutcomes.all(tn),
    calls: (tn: string) => calls.all(tn),
    returnManifests: (tn: string) => returnManifests.all(tn),
    reminders: (phone: string) => reminders.all(phone),
  }
}
