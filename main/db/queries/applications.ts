import type { Database } from 'better-sqlite3'

export interface ApplicationRow {
  tracking_number: string
  service_code: string
  customer_name: string
  phone: string
  id_number: string | null
  agency_ref: string | null
  language: 'en' | 'sw'
  sms_consent: 0 | 1
  notes: string | null
  status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
  registered_at: number
  registered_by: string
  expected_ready: string
  arrived_at: number | null
  collected_at: number | null
  shelf_slot: string | null
  updated_at: number
}

export interface NewApplication {
  trackingNumber: string
  serviceCode: string
  customerName: string
  phone: string
  idNumber: string | null
  agencyRef: string | null
  language: 'en' | 'sw'
  smsConsent: 0 | 1
  notes: string | null
  registeredAt: number
  registeredBy: string
  expectedReady: string
}

const SEARCH_LIMIT = 50

/** Queries on `applications`. Every search uses an index (see the query-plan test). */
export function applicationQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO applications (tracking_number, service_code, customer_name, phone, id_number, agency_ref, language,
       sms_consent, notes, status, registered_at, registered_by, expected_ready, updated_at)
     VALUES (@trackingNumber, @serviceCode, @customerName, @phone, @idNumber, @agencyRef, @language, @smsConsent,
       @notes, 'registered', @registeredAt, @registeredBy, @expectedReady, @registeredAt)`,
  )
  const byTracking = db.prepare<[string], ApplicationRow>(
    'SELECT * FROM applications WHERE tracking_number = ?',
  )
  const openForIdAndService = db.prepare<[string, string], ApplicationRow>(
    `SELECT * FROM applications WHERE id_number = ? AND service_code = ? AND status IN ('registered', 'arrived')
     ORDER BY registered_at DESC LIMIT 1`,
  )
  const byPhone = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE phone = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  const byIdNumber = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE id_number = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  const byAgencyRef = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE agency_ref = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  // Prefix match on the name index: "wanj" finds "Wanjiku Kamau"; a leading wildcard would scan the table.
  const byNamePrefix = db.prepare<[string, string], ApplicationRow>(
    `SELECT * FROM applications WHERE customer_name >= ? COLLATE NOCASE AND customer_name < ? COLLATE NOCASE
     ORDER BY customer_name COLLATE NOCASE LIMIT ${SEARCH_LIMIT}`,
  )
  const recent = db.prepare<[number], ApplicationRow>(
    'SELECT * FROM applications ORDER BY registered_at DESC LIMIT ?',
  )
  return {
    insert: (a: NewApplication) => insert.run(a),
    byTracking: (tn: string) => byTracking.get(tn) ?? null,
    openForIdAndService: (idNumber: string, serviceCode: string) =>
      openForIdAndService.get(idNumber, serviceCode) ?? null,
    byPhone: (phone: string) => byPhone.all(phone),
    byIdNumber: (id: string) => byIdNumber.all(id),
    byAgencyRef: (ref: string) => byAgencyRef.all(ref),
    byNamePrefix: (prefix: string) => byNamePrefix.all(prefix, prefix + '\uffff'),
    recent: (limit: number) => recent.all(limit),
  }
}
export type ApplicationQueries = ReturnType<typeof applicationQueries>
