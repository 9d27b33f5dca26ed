import { matchesAgencyRef, type Service } from '../../common/catalogue'
import type {
  ApplicationDetail,
  ApplicationSummary,
  HistoryEntry,
  Language,
  PrintJobInfo,
  PrintResult,
  ReceiptPreview,
  RegisterResult,
  TimelineEntry,
} from '../../common/contract'
import { AppError } from '../../common/errors'
import { normalizeKenyanMobile } from '../../common/phone'
import { retryPrintsCopy } from '../../common/print-job'
import {
  counterWarning,
  formatTrackingNumber,
  mintTrackingNumber,
  parseTrackingNumber,
} from '../../common/tracking-number'
import type { ApplicationRow } from '../db/queries/applications'
import type { Store } from '../db/store'
import type { ReceiptData } from '../receipts'
import { nairobiDate } from '../../common/nairobi-time'
import { addWorkingDays, type HolidayCalendar } from './calendar/working-days'
import type { CatalogueService } from './catalogue-service'
import type { Clock } from '../infra/clock'
import type { EventWriter } from './event-writer'
import { toPrintJobInfo, type PrintService } from './print-service'
import type { Session } from '../infra/session-store'
import type { SettingsService } from './settings-service'

export interface RegisterInput {
  serviceCode: string
  customerName: string
  phone: string
  idNumber?: string | undefined
  agencyRef?: string | undefined
  language: Language
  smsConsent: boolean
  notes?: string | undefined
  confirmDuplicate: boolean
}

interface Deps {
  store: Store
  clock: Clock
  calendar: HolidayCalendar
  catalogue: CatalogueService
  settings: SettingsService
  printing: PrintService
  writeEvent: EventWriter
}

const dateLabel = (ms: number): string =>
  new Date(ms).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Africa/Nairobi',
  })

/**
 * The counter clerk's work: register an application (tracking number minted and stored in one transaction with its
 * event), print its receipt, find applications again, reprint with a reason.
 */
export function createApplicationService(d: Deps) {
  const { store, clock } = d

  const serviceName = (code: string): string => store.services.byCode(code)?.nameEn ?? code

  const summary = (r: ApplicationRow): ApplicationSummary => ({
    trackingNumber: r.tracking_number,
    serviceCode: r.service_code,
    serviceName: serviceName(r.service_code),
    customerName: r.customer_name,
    phone: r.phone,
    status: r.status,
    registeredAt: r.registered_at,
    expectedReady: r.expected_ready,
    shelfSlot: r.shelf_slot,
  })

  const detail = (r: ApplicationRow): ApplicationDetail => {
    // By when each thing happened: `seq` is only the order events reached this PC, and a replicated event can
    // arrive after later local ones. UUIDv7 ids break ties in the order they were made.
    const events = store.events
      .forTrackingNumber(r.tracking_number)
      .sort((a, b) => a.occurred_at - b.occurred_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const timeline = events.map((e) => ({
      at: e.occurred_at,
      type: e.type,
      staffNumber: e.staff_number,
      detail: timelineDetail(e.type, JSON.parse(e.payload) as Record<string, unknown>),
    }))
    const printJobs = store.printJobs.forApplication(r.tracking_number).map(toPrintJobInfo)
    const deliveries = store.pull
      .outcomesFor(r.tracking_number)
      .map((o) => ({ outcome: o.outcome, at: o.at }))
    return {
      ...summary(r),
      idNumber: r.id_number,
      agencyRef: r.agency_ref,
      language: r.language,
      smsConsent: r.sms_consent === 1,
      notes: r.notes,
      registeredBy: r.registered_by,
      arrivedAt: r.arrived_at,
      collectedAt: r.collected_at,
      timeline,
      printJobs,
      deliveries,
      history: historyOf(timeline, printJobs, deliveries),
    }
  }

  const mustFind = (trackingNumber: string): ApplicationRow => {
    const row = store.applications.byTracking(trackingNumber)
    if (!row) {
      throw new AppError(
        'NOT_FOUND',
        `No application ${formatTrackingNumber(trackingNumber)} on this workstation.`,
        'trackingNumber',
      )
    }
    return row
  }

  /** Everything the receipt shows, from the stored application: reprints show exactly what the first one did. */
  const receiptData = (r: ApplicationRow, reprint?: { reason: string; at: number }): ReceiptData => {
    const centre = store.centre.get()
    const service = store.services.byCode(r.service_code)
    const clerk = store.staff.byNumber(r.registered_by)
    const settings = d.settings.get()
    return {
      centreName: centre?.name ?? '',
      centreNumber: centre?.number ?? '',
      trackingNumber: r.tracking_number,
      serviceNameEn: service?.nameEn ?? r.service_code,
      serviceNameSw: service?.nameSw ?? r.service_code,
      language: r.language,
      phoneE164: r.phone,
      registeredAt: r.registered_at,
      expectedReady: r.expected_ready,
      statusUrl: settings.statusUrlBase + r.tracking_number,
      howToCheck: settings.howToCheck,
      clerkName: clerk?.name ?? r.registered_by,
      clerkStaffNumber: r.registered_by,
      workstationSlot: centre?.workstation_slot ?? '',
      ...(reprint ? { reprint } : {}),
    }
  }

  const checkAgainstService = (service: Service, input: RegisterInput): void => {
    if (!service.active)
      throw new AppError('INVALID_INPUT', `${service.nameEn} is not offered at the moment.`, 'serviceCode')
    if (service.idRequired && !input.idNumber) {
      throw new AppError('INVALID_INPUT', `${service.nameEn} needs the customer’s ID number.`, 'idNumber')
    }
    if (input.agencyRef && !matchesAgencyRef(service, input.agencyRef)) {
      const hint = service.agencyRefHint ? ` is ${service.agencyRefHint}` : ' has a different format'
      const example = service.agencyRefExample ? `, e.g. ${service.agencyRefExample}` : ''
      throw new AppError(
        'INVALID_INPUT',
        `The agency reference for ${service.nameEn}${hint}${example}.`,
        'agencyRef',
      )
    }
  }

  return {
    async register(input: RegisterInput, staff: Session): Promise<RegisterResult> {
      const service = store.services.byCode(input.serviceCode)
      if (!service) throw new AppError('INVALID_INPUT', 'Choose a service from the list.', 'serviceCode')
      checkAgainstService(service, input)
      if (input.idNumber && !input.confirmDuplicate) {
        const open = store.applications.openForIdAndService(input.idNumber, service.code)
        if (open) {
          throw new AppError(
            'CONFLICT',
            `This ID number already has an open ${service.nameEn} application: ${formatTrackingNumber(open.tracking_number)}, ` +
              `registered ${dateLabel(open.registered_at)} (${open.status}). Register another only if the customer really needs a second one.`,
            'idNumber',
          )
        }
      }

      const now = clock.now()
      const expectedReady = addWorkingDays(nairobiDate(now), service.turnaroundDays, d.calendar)
      const { trackingNumber, nextCounter, receipt } = store.tx(() => {
        const counter = store.centre.takeCounter()
        const centre = store.centre.get()
        if (counter === null || !centre) {
          throw new AppError(
            'CONFLICT',
            'This workstation has used all its tracking numbers. An administrator must give it a new workstation slot.',
          )
        }
        const tn = mintTrackingNumber({
          centreNumber: centre.number,
          workstationSlot: centre.workstation_slot,
          counter,
          key: centre.permutation_key,
        })
        // The event makes the row (the projector folds it in this transaction).
        d.writeEvent({
          type: 'application.registered',
          staffNumber: staff.staffNumber,
          trackingNumber: tn,
          payload: {
            serviceCode: service.code,
            customerName: input.customerName,
            phone: input.phone,
            idNumber: input.idNumber ?? null,
            agencyRef: input.agencyRef ?? null,
            language: input.language,
            smsConsent: input.smsConsent,
            expectedReady,
            notes: input.notes ?? null,
            ...(input.confirmDuplicate ? { duplicateConfirmed: true } : {}),
          },
        })
        // The job row commits with the application: a crash before the paper is out leaves a job that evidently
        // did not finish, never a receipt nobody knows is missing.
        const receipt = d.printing.prepare({
          data: receiptData(mustFind(tn)),
          kind: 'receipt',
          reason: null,
          staffNumber: staff.staffNumber,
        })
        return { trackingNumber: tn, nextCounter: centre.next_counter, receipt }
      })

      // The clerk is answered now, not when the paper is out: the outcome is pushed as `print.job`.
      void d.printing.start(receipt)
      return {
        application: detail(mustFind(trackingNumber)),
        receipt: receipt.preview,
        printJob: receipt.job,
        counterWarning: counterWarning(nextCounter)?.message ?? null,
      }
    },

    /**
     * Tracking number, phone, ID number, agency reference or the start of any word of a name (case and diacritics
     * ignored): whichever the text looks like.
     */
    search(query: string): ApplicationSummary[] {
      const compact = query.replace(/[\s.-]/g, '')
      if (/^\d{12}$/.test(compact)) {
        const tn = parseTrackingNumber(compact)
        // 254… without the plus is also 12 digits: a phone number, unless it is a valid tracking number.
        const phone = normalizeKenyanMobile(compact)
        if (!tn.ok && compact.startsWith('254') && phone.ok)
          return store.applications.byPhone(phone.e164).map(summary)
        if (!tn.ok) throw new AppError('INVALID_INPUT', tn.message, 'query')
        const row = store.applications.byTracking(tn.value)
        return row ? [summary(row)] : []
      }
      if (/^\+?\d+$/.test(compact)) {
        const phone = normalizeKenyanMobile(compact)
        if (phone.ok && /^(\+?254|0)/.test(compact))
          return store.applications.byPhone(phone.e164).map(summary)
        if (/^\d{6,8}$/.test(compact)) return store.applications.byIdNumber(compact).map(summary)
        return store.applications.byAgencyRef(compact).map(summary)
      }
      if (/\d/.test(compact)) return store.applications.byAgencyRef(query.trim().toUpperCase()).map(summary)
      return store.applications.byName(query).map(summary)
    },

    recent: (limit: number): ApplicationSummary[] => store.applications.recent(limit).map(summary),

    /** One application with its timeline. Opening a customer's record is itself audited. */
    get(trackingNumber: string, staff: Session): ApplicationDetail {
      const row = mustFind(trackingNumber)
      store.audit.write({
        at: clock.now(),
        staffNumber: staff.staffNumber,
        action: 'application.viewed',
        detail: { trackingNumber },
      })
      return detail(row)
    },

    preview: (trackingNumber: string): ReceiptPreview =>
      d.printing.preview(receiptData(mustFind(trackingNumber))),

    /** A reprint, audited in the same transaction as its job row; answers once queued (outcome pushed). */
    reprint(trackingNumber: string, reason: string, staff: Session): PrintResult {
      const row = mustFind(trackingNumber)
      const at = clock.now()
      const prepared = store.tx(() => {
        store.audit.write({
          at,
          staffNumber: staff.staffNumber,
          action: 'application.reprinted',
          detail: { trackingNumber, reason },
        })
        return d.printing.prepare({
          data: receiptData(row, { reason, at }),
          kind: 'reprint',
          reason,
          staffNumber: staff.staffNumber,
        })
      })
      void d.printing.start(prepared)
      return { receipt: prepared.preview, printJob: prepared.job }
    },

    /**
     * One click after a failed print: sends the same receipt again, with no reason needed. When the failed attempt
     * may have left paper, the new one says COPY (`retryPrintsCopy`), so there is never a second original.
     */
    retryPrint(jobId: number, staff: Session): PrintResult {
      const job = store.printJobs.byId(jobId)
      if (!job || !job.tracking_number) throw new AppError('NOT_FOUND', `No print job ${jobId}.`, 'jobId')
      if (job.status !== 'failed')
        throw new AppError('CONFLICT', 'Only a failed print can be retried.', 'jobId')
      // A failed job retried successfully once is done: another copy would be an unlogged reprint. One already on
      // its way (a double click) would be another.
      const later = store.printJobs
        .forApplication(job.tracking_number)
        .filter((j) => j.id > job.id && j.kind === job.kind)
      if (later.some((j) => j.status === 'printed')) {
        throw new AppError(
          'CONFLICT',
          'This receipt has been printed since. Use Reprint, with a reason, for another copy.',
          'jobId',
        )
      }
      if (later.some((j) => j.status === 'queued'))
        throw new AppError('CONFLICT', 'This receipt is already being printed again.', 'jobId')
      const row = mustFind(job.tracking_number)
      const reprint =
        job.kind === 'reprint' && job.reason ? { reason: job.reason, at: job.created_at } : undefined
      const printed = d.printing.print({
        data: receiptData(row, reprint),
        kind: job.kind,
        reason: job.reason,
        staffNumber: staff.staffNumber,
        copy: retryPrintsCopy(toPrintJobInfo(job)),
      })
      return { receipt: printed.preview, printJob: printed.job }
    },
  }
}
export type ApplicationService = ReturnType<typeof createApplicationService>

/**
 * One list, oldest first. A stable sort on time alone, from events, then print jobs (in the order they were made),
 * then SMS outcomes: a registration and its receipt in the same millisecond read registered, then printed.
 */
function historyOf(
  timeline: TimelineEntry[],
  printJobs: PrintJobInfo[],
  deliveries: ApplicationDetail['deliveries'],
): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...timeline.map((e): HistoryEntry => ({ kind: 'event', ...e })),
    ...[...printJobs]
      .sort((a, b) => a.id - b.id)
      .map((job): HistoryEntry => ({ kind: 'print', at: job.createdAt, job })),
    ...deliveries.map((d): HistoryEntry => ({ kind: 'sms', at: d.at, outcome: d.outcome })),
  ]
  return entries.sort((a, b) => a.at - b.at)
}

/** What the timeline shows of an event: never the customer's ID number. */
function timelineDetail(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  const { idNumber: _id, phone: _phone, customerName: _name, ...rest } = payload
  return type.startsWith('application.') ? rest : {}
}
