import type {
  SubjectApplication,
  SubjectErasure,
  SubjectExport,
  SubjectKey,
  SubjectRecord,
} from '../../../common/contract'
import type { Store } from '../../db/store'
import type { SubjectApplicationRow } from '../../db/queries/subject'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import { erasePersonalData } from '../privacy/erase-personal-data'
import type { Session } from '../../infra/session-store'
import { maskedIdNumber, maskedPhone } from './masked'
import { subjectFiles } from '../../../common/subject-report'

/** The most applications one request shows; a person has a handful, a phone shared by a family a few dozen. */
export const SUBJECT_MAX_APPLICATIONS = 500

const parse = (json: string | null): Record<string, unknown> | null => {
  if (json === null) return null
  const v: unknown = JSON.parse(json)
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/**
 * A data subject's request (Data Protection Act 2019, s. 26): everything this PC holds about one person, found by
 * the ID number on their card or their phone number, through the indexes on both (never a scan of the centre's
 * applications). From each application found it reads its events (what was sent to the central API), its SMS, how
 * the SMS went, the phone calls, the hand-over (owner or proxy, with the proxy's details) and return manifests;
 * from the phone number, the reminder SMS. The caller has confirmed the PIN; each request writes one audit row
 * with the ID number or phone masked and the tracking numbers found, so "who looked at this customer" finds it.
 */
export function createSubjectService({
  store,
  clock,
  writeEvent,
}: {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}) {
  const q = store.subject

  const application = (
    r: SubjectApplicationRow,
    serviceName: (code: string) => string,
  ): SubjectApplication => ({
    trackingNumber: r.tracking_number,
    serviceCode: r.service_code,
    serviceName: serviceName(r.service_code),
    customerName: r.customer_name,
    phone: r.phone,
    idNumber: r.id_number,
    agencyRef: r.agency_ref,
    language: r.language,
    smsConsent: r.sms_consent === 1,
    notes: r.notes,
    status: r.status,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
    arrivedAt: r.arrived_at,
    shelfSlot: r.shelf_slot,
    collectedAt: r.collected_at,
    collectedBy: r.collected_by,
    collector: parse(r.collector),
    returnedAt: r.returned_at,
    events: q.events(r.tracking_number).map((e) => ({
      type: e.type,
      at: e.occurred_at,
      staffNumber: e.staff_number,
      details: parse(e.payload) ?? {},
    })),
    notifications: q.notifications(r.tracking_number).map((n) => ({
      kind: n.kind,
      status: n.status,
      dueAt: n.due_at,
      sentAt: n.sent_at,
      skipReason: n.skip_reason,
    })),
    deliveryOutcomes: q.deliveryOutcomes(r.tracking_number),
    calls: q.calls(r.tracking_number).map((c) => ({
      at: c.at,
      staffNumber: c.staff_number,
      outcome: c.outcome,
      note: c.note,
    })),
    returnManifests: q.returnManifests(r.tracking_number).map((m) => ({
      manifestId: m.manifest_id,
      agency: m.agency,
      outcome: m.outcome,
    })),
  })

  /** One read transaction, so the record is one moment's state even while the desks keep writing. */
  const read = (key: SubjectKey): SubjectRecord =>
    store.db.transaction((): SubjectRecord => {
      const names = new Map(store.services.all().map((s) => [s.code, s.nameEn]))
      const serviceName = (code: string) => names.get(code) ?? code
      const rows =
        'idNumber' in key
          ? q.byIdNumber(key.idNumber, SUBJECT_MAX_APPLICATIONS + 1)
          : q.byPhone(key.phone, SUBJECT_MAX_APPLICATIONS + 1)
      const shown = rows.slice(0, SUBJECT_MAX_APPLICATIONS)
      // Reminders go to a phone: the number asked for, or each number the person's applications carry.
      const phones = 'phone' in key ? [key.phone] : [...new Set(shown.map((r) => r.phone))]
      const centre = store.centre.get()
      return {
        by: 'idNumber' in key ? 'idNumber' : 'phone',
        value: 'idNumber' in key ? key.idNumber : key.phone,
        at: clock.now(),
        centreName: centre?.name ?? '',
        centreNumber: centre?.number ?? '',
        applications: shown.map((r) => application(r, serviceName)),
        reminders: phones.flatMap((p) =>
          q.reminders(p).map((m) => ({
            phone: m.phone,
            dueAt: m.due_at,
            sentAt: m.sent_at,
            status: m.status,
            trackingNumbers: JSON.parse(m.tracking_numbers) as string[],
          })),
        ),
        truncated: rows.length > SUBJECT_MAX_APPLICATIONS,
      }
    })()

  const audit = (staff: Session, action: string, r: SubjectRecord, extra: Record<string, unknown> = {}) =>
    store.tx(() =>
      store.audit.write({
        at: clock.now(),
        staffNumber: staff.staffNumber,
        action,
        detail: {
          by: r.by,
          subject: r.by === 'idNumber' ? maskedIdNumber(r.value) : maskedPhone(r.value),
          applications: r.applications.length,
          reminders: r.reminders.length,
          trackingNumbers: r.applications.map((a) => a.trackingNumber),
          ...extra,
        },
      }),
    )

  return {
    find(key: SubjectKey, staff: Session): SubjectRecord {
      const r = read(key)
      audit(staff, 'subject.find', r)
      return r
    },

    export(key: SubjectKey, staff: Session): SubjectExport {
      const record = read(key)
      // In the language the manager works in, as on their screen: the services by their names in it too (the
      // record the method returns keeps the English names every summary carries).
      const sw = staff.language === 'sw'
      const named: SubjectRecord = sw
        ? {
            ...record,
            applications: record.applications.map((a) => ({
              ...a,
              serviceName: store.services.byCode(a.serviceCode)?.nameSw ?? a.serviceName,
            })),
          }
        : record
      const files = subjectFiles(named, staff.language)
      audit(staff, 'subject.export', record, { files: files.map((f) => f.name) })
      return { record, files }
    },

    /**
     * The right to erasure (s. 40), where the law allows: every application found for the person that is
     * collected, returned or cancelled loses its personal fields (erasePersonalData, which tells the central API by
     * an event); a document still registered or on the shelf keeps them, since it is found and handed over by them.
     */
    erase(key: SubjectKey, staff: Session): SubjectErasure {
      const record = read(key)
      const result = erasePersonalData(
        { store, clock, writeEvent },
        record.applications.map((a) => a.trackingNumber),
        { reason: 'request', by: staff.staffNumber },
      )
      audit(staff, 'subject.erase', record, {
        erased: result.erased.length,
        alreadyErased: result.alreadyErased.length,
        kept: result.refused.length,
      })
      return result
    },
  }
}
export type SubjectService = ReturnType<typeof createSubjectService>
