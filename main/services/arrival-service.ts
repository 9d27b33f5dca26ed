import type { BatchDetail, BatchReport, BatchSummary, ScanResult } from '../../common/contract'
import { AppError } from '../../common/errors'
import { classifyScan, type ScanClass } from '../../common/scan-classify'
import { assignSlot } from '../../common/shelf-slot'
import { formatTrackingNumber } from '../../common/tracking-number'
import type { ApplicationRow } from '../db/queries/applications'
import type { BatchRow, BatchScanRow, ScanOutcome } from '../db/queries/arrivals'
import type { Store } from '../db/store'
import { lookupScan, scanCandidate, type ScanLookup } from './scan-lookup'
import { nairobiDate } from '../../common/nairobi-time'
import type { Clock } from '../infra/clock'
import type { EventWriter } from './event-writer'
import type { Session } from '../infra/session-store'
import type { SettingsService } from './settings-service'
import type { UnknownResolution } from './sync-service'

interface Deps {
  store: Store
  clock: Clock
  settings: SettingsService
  writeEvent: EventWriter
  /** Prints a shelf slip when that is switched on (best effort, after the arrival is saved). */
  printSlip: (slip: { slot: string; trackingNumber: string; customerName: string }) => void
  /** Online look-up of a tracking number this PC does not hold (sync); absent in tests that do not need it. */
  resolveUnknown?: (trackingNumber: string) => Promise<UnknownResolution>
}

const hhmm = (t: number): string =>
  new Date(t).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Africa/Nairobi' })

/**
 * Arrival batches: each scan of a finished document puts it on a shelf slot (event + outbox + scheduled "ready"
 * notification in one transaction) or says plainly why not. A re-scan is never a second arrival.
 */
export function createArrivalService({
  store,
  clock,
  settings,
  writeEvent,
  printSlip,
  resolveUnknown,
}: Deps) {
  const serviceName = (code: string): string => store.services.byCode(code)?.nameEn ?? code

  const openBatch = (id: number): BatchRow => {
    const batch = store.arrivals.byId(id)
    if (!batch) throw new AppError('NOT_FOUND', `No arrival batch ${id}.`, 'batchId')
    if (batch.status !== 'open')
      throw new AppError('CONFLICT', `Batch ${id} is closed: open a new batch.`, 'batchId')
    return batch
  }

  const result = (
    scan: BatchScanRow,
    app: ApplicationRow | null,
    headline: string,
    message: string,
    expected: boolean | null,
    candidates: ApplicationRow[] = [],
  ): ScanResult => ({
    scanId: scan.id,
    code: scan.code,
    outcome: scan.outcome,
    headline,
    message,
    trackingNumber: scan.tracking_number,
    slot: scan.slot,
    customerName: app?.customer_name ?? null,
    serviceCode: app?.service_code ?? null,
    serviceName: app ? serviceName(app.service_code) : null,
    expected,
    resolved: scan.resolved === 1,
    candidates: candidates.map((a) => scanCandidate(store, a)),
  })

  const services = () => ({ services: store.services.all() })

  /** The applications an unmatched scan's code could mean, when there are several (the desk still has to choose). */
  const choicesFor = (scan: BatchScanRow): ApplicationRow[] => {
    if (scan.outcome !== 'unknown' || scan.resolved === 1) return []
    const look = lookupScan(store, classifyScan(scan.code, services()))
    return look.kind === 'choose' ? look.apps : []
  }

  const chooseMessage = (ref: string, n: number): string =>
    `${n} applications have agency reference ${ref}: choose below which one this document is.`

  /** Re-describes a stored scan for the batch view (the app's state now, the outcome then). */
  const describe = (scan: BatchScanRow, expectedCodes: Set<string>): ScanResult => {
    const app = scan.tracking_number ? store.applications.byTracking(scan.tracking_number) : null
    const expected = expectedCodes.size === 0 ? null : isExpected(app, scan.code, expectedCodes)
    const headline: Record<ScanOutcome, string> = {
      arrived: scan.slot ?? '',
      rescan: 'Already on shelf',
      collected: 'Already collected',
      returned: 'Returned / cancelled',
      unknown: 'Unknown code',
      invalid: 'Check the code',
    }
    const choices = choicesFor(scan)
    if (choices.length > 0) return result(scan, null, 'Choose the application', '', expected, choices)
    return result(scan, app, headline[scan.outcome], '', expected)
  }

  const isExpected = (app: ApplicationRow | null, code: string, expected: Set<string>): boolean =>
    expected.has(code) ||
    (app !== null &&
      (expected.has(app.tracking_number) || (app.agency_ref !== null && expected.has(app.agency_ref))))

  const summary = (b: BatchRow): BatchSummary => {
    const scans = store.arrivals.scans(b.id)
    return {
      id: b.id,
      agency: b.agency,
      manifestRef: b.manifest_ref,
      expectedCount: b.expected_count,
      status: b.status,
      openedAt: b.opened_at,
      openedBy: b.opened_by,
      arrivedCount: scans.filter((s) => s.outcome === 'arrived').length,
      problemCount: scans.filter((s) => s.outcome !== 'arrived' && s.outcome !== 'rescan' && !s.resolved)
        .length,
    }
  }

  const reconcile = (b: BatchRow): BatchReport => {
    const scans = store.arrivals.scans(b.id)
    const expected = store.arrivals.expected(b.id)
    const arrivedApps = scans
      .filter((s) => s.outcome === 'arrived' && s.tracking_number)
      .map((s) => store.applications.byTracking(s.tracking_number ?? ''))
      .filter((a): a is ApplicationRow => a !== null)
    const received = new Set<string>()
    for (const a of arrivedApps) {
      received.add(a.tracking_number)
      if (a.agency_ref) received.add(a.agency_ref)
    }
    const expectedSet = new Set(expected)
    const counts = new Map<string, number>()
    for (const s of scans) {
      // A resolved unknown scan is the same document as the arrival it led to: count it once.
      if (s.outcome === 'unknown' && s.resolved) continue
      const key = s.tracking_number ?? s.code
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    return {
      batchId: b.id,
      arrived: arrivedApps.length,
      expectedNotReceived: expected.filter((c) => !received.has(c)),
      receivedNotExpected:
        expected.length === 0
          ? []
          : arrivedApps
              .filter((a) => !isExpected(a, a.tracking_number, expectedSet))
              .map((a) => a.tracking_number),
      duplicates: [...counts].filter(([, n]) => n > 1).map(([code, times]) => ({ code, times })),
      unknown: scans.filter((s) => s.outcome === 'unknown' && !s.resolved).map((s) => s.code),
      countDifference: b.expected_count === null ? null : arrivedApps.length - b.expected_count,
    }
  }

  /** Puts one registered application on the shelf: event (which makes the row), notification, scan row, in one transaction. */
  const arrive = (app: ApplicationRow, batch: BatchRow, code: string, staff: Session): BatchScanRow => {
    const now = clock.now()
    const s = settings.get()
    const slot = assignSlot(s.slotScheme, {
      arrivedOn: nairobiDate(now),
      serviceCode: app.service_code,
      // Only fixed slots have capacities; counting every shelf on each scan would cost the week scheme for nothing.
      occupancy: s.slotScheme.kind === 'fixed' ? store.applications.slotOccupancy() : {},
    })
    if (!slot.ok) throw new AppError('CONFLICT', slot.message)
    return store.tx(() => {
      // Read again in the transaction: the row may have changed since the scan was classified.
      if (store.applications.byTracking(app.tracking_number)?.status !== 'registered') {
        throw new AppError(
          'CONFLICT',
          `${formatTrackingNumber(app.tracking_number)} changed meanwhile: scan it again.`,
        )
      }
      writeEvent({
        type: 'application.arrived',
        staffNumber: staff.staffNumber,
        trackingNumber: app.tracking_number,
        payload: { slot: slot.slot, batchId: batch.id, agency: batch.agency, code },
      })
      if (app.sms_consent === 1) {
        store.notifications.schedule(app.tracking_number, 'ready', now + s.readyGraceMinutes * 60_000)
      }
      const id = store.arrivals.insertScan({
        batchId: batch.id,
        code,
        at: now,
        staffNumber: staff.staffNumber,
        outcome: 'arrived',
        trackingNumber: app.tracking_number,
        slot: slot.slot,
      })
      const row = store.arrivals.scanById(id)
      if (!row) throw new Error('scan row vanished')
      return row
    })
  }

  const record = (
    batch: BatchRow,
    code: string,
    staff: Session,
    outcome: ScanOutcome,
    app: ApplicationRow | null,
  ): BatchScanRow => {
    const id = store.arrivals.insertScan({
      batchId: batch.id,
      code,
      at: clock.now(),
      staffNumber: staff.staffNumber,
      outcome,
      trackingNumber: app?.tracking_number ?? null,
      slot: app?.shelf_slot ?? null,
    })
    const row = store.arrivals.scanById(id)
    if (!row) throw new Error('scan row vanished')
    return row
  }

  const scanClassified = (
    batch: BatchRow,
    code: string,
    c: ScanClass,
    look: ScanLookup,
    staff: Session,
    unknownMessage: string | null,
  ): ScanResult => {
    const expected = new Set(store.arrivals.expected(batch.id))
    const exp = (app: ApplicationRow | null): boolean | null =>
      expected.size === 0 ? null : isExpected(app, code, expected)
    if (look.kind === 'choose') {
      // Never a guess: the scan waits, unmatched, until the desk picks one (arrivals.resolveScan).
      return result(
        record(batch, code, staff, 'unknown', null),
        null,
        'Choose the application',
        chooseMessage(look.ref, look.apps.length),
        exp(null),
        look.apps,
      )
    }
    const app = look.kind === 'found' ? look.app : null
    if (c.kind === 'tracking-invalid' && !app) {
      return result(record(batch, code, staff, 'invalid', null), null, 'Check digit wrong', c.message, null)
    }
    if (c.kind === 'slot' || c.kind === 'manifest') {
      const what = c.kind === 'slot' ? 'a shelf label' : 'a manifest code'
      return result(
        record(batch, code, staff, 'invalid', null),
        null,
        'Not a document',
        `That is ${what}: scan the document's label.`,
        null,
      )
    }
    if (!app) {
      const message =
        c.kind === 'unknown'
          ? c.message
          : unknownMessage
            ? `${unknownMessage} It is kept in the unmatched list to resolve.`
            : c.kind === 'agency-ref'
              ? `No application on this workstation has tracking number or agency reference ${c.ref}: it is kept in the unmatched list to resolve.`
              : `${code} is not registered on this workstation: it is kept in the unmatched list to resolve.`
      return result(record(batch, code, staff, 'unknown', null), null, 'Unknown code', message, exp(null))
    }
    const tn = formatTrackingNumber(app.tracking_number)
    switch (app.status) {
      case 'registered': {
        const scan = arrive(app, batch, code, staff)
        if (settings.get().printShelfSlip && scan.slot) {
          printSlip({
            slot: scan.slot,
            trackingNumber: app.tracking_number,
            customerName: app.customer_name,
          })
        }
        return result(
          scan,
          app,
          scan.slot ?? '',
          `${tn} · ${app.customer_name} · ${serviceName(app.service_code)}`,
          exp(app),
        )
      }
      case 'arrived': {
        const by = app.arrived_by ? ` (by ${app.arrived_by})` : ''
        const when = app.arrived_at ? ` since ${hhmm(app.arrived_at)}` : ''
        return result(
          record(batch, code, staff, 'rescan', app),
          app,
          `Already on ${app.shelf_slot ?? 'the shelf'}`,
          `${tn} is already on shelf ${app.shelf_slot ?? '?'}${when}${by}. A re-scan is not a second arrival.`,
          exp(app),
        )
      }
      case 'collected':
        return result(
          record(batch, code, staff, 'collected', app),
          app,
          'Already collected',
          `${tn} was collected${app.collected_at ? ` on ${new Date(app.collected_at).toLocaleDateString('en-GB', { timeZone: 'Africa/Nairobi' })}` : ''}. Set this document aside and tell the manager.`,
          exp(app),
        )
      default:
        return result(
          record(batch, code, staff, 'returned', app),
          app,
          app.status === 'returned' ? 'Returned to agency' : 'Cancelled',
          `${tn} is ${app.status}. Set this document aside and tell the manager.`,
          exp(app),
        )
    }
  }

  return {
    open(
      p: {
        agency: string
        manifestRef?: string | undefined
        expectedCount?: number | undefined
        expected: string[]
      },
      staff: Session,
    ): BatchSummary {
      const now = clock.now()
      const id = store.tx(() => {
        const batchId = store.arrivals.insertBatch({
          agency: p.agency,
          manifestRef: p.manifestRef ?? null,
          expectedCount: p.expectedCount ?? (p.expected.length > 0 ? p.expected.length : null),
          now,
          by: staff.staffNumber,
        })
        for (const code of p.expected) store.arrivals.insertExpected(batchId, normalizeCode(code))
        store.audit.write({
          at: now,
          staffNumber: staff.staffNumber,
          action: 'arrivals.batchOpened',
          detail: { batchId, agency: p.agency },
        })
        return batchId
      })
      const batch = store.arrivals.byId(id)
      if (!batch) throw new Error('batch vanished')
      return summary(batch)
    },

    list: (limit: number): BatchSummary[] => store.arrivals.recent(limit).map(summary),

    get(batchId: number): BatchDetail {
      const b = store.arrivals.byId(batchId)
      if (!b) throw new AppError('NOT_FOUND', `No arrival batch ${batchId}.`, 'batchId')
      const expected = store.arrivals.expected(b.id)
      const set = new Set(expected)
      return {
        ...summary(b),
        scans: store.arrivals
          .scans(b.id)
          .map((s) => describe(s, set))
          .reverse(),
        expected,
        report: b.report ? (JSON.parse(b.report) as BatchReport) : b.status === 'open' ? reconcile(b) : null,
      }
    },

    /**
     * One scanned code. A well-formed tracking number this PC does not hold is first resolved through sync (the
     * central API, then the centre feed), so a document registered at another counter a minute ago still arrives.
     */
    async scan(batchId: number, code: string, staff: Session): Promise<ScanResult> {
      let batch = openBatch(batchId)
      const c = classifyScan(code, services())
      let look = lookupScan(store, c)
      let unknownMessage: string | null = null
      if (look.kind === 'none' && c.kind === 'tracking' && resolveUnknown) {
        const r = await resolveUnknown(c.trackingNumber)
        if (r.here) look = lookupScan(store, c)
        else unknownMessage = r.message
        // Read again after the look-up: the batch may have been closed while it ran.
        batch = openBatch(batchId)
      }
      return scanClassified(batch, code, c, look, staff, unknownMessage)
    },
    /** Links an unknown scan to an application after all (typed in by hand), arriving it if it was registered. */
    async resolve(scanId: number, trackingNumber: string | null, staff: Session): Promise<ScanResult | null> {
      const scan = store.arrivals.scanById(scanId)
      if (!scan || scan.outcome !== 'unknown')
        throw new AppError('NOT_FOUND', `No unmatched scan ${scanId}.`, 'scanId')
      if (scan.resolved) throw new AppError('CONFLICT', 'This scan is already resolved.', 'scanId')
      if (trackingNumber === null) {
        store.arrivals.resolveScan(scanId, null)
        store.audit.write({
          at: clock.now(),
          staffNumber: staff.staffNumber,
          action: 'arrivals.unmatchedAccepted',
          detail: { scanId, code: scan.code },
        })
        return null
      }
      openBatch(scan.batch_id)
      let app = store.applications.byTracking(trackingNumber)
      let elsewhere: string | null = null
      if (!app && resolveUnknown) {
        // Linking later is what you do once the registration has had time to reach this PC: fetch it now.
        const r = await resolveUnknown(trackingNumber)
        if (r.here) app = store.applications.byTracking(trackingNumber)
        else elsewhere = r.message
      }
      if (!app)
        throw new AppError(
          'NOT_FOUND',
          elsewhere ?? `No application ${formatTrackingNumber(trackingNumber)}.`,
          'trackingNumber',
        )
      if (app.status !== 'registered')
        throw new AppError(
          'CONFLICT',
          `${formatTrackingNumber(trackingNumber)} is already ${app.status}.`,
          'trackingNumber',
        )
      // Read again after the look-up: the batch may have been closed while it ran.
      const batch = openBatch(scan.batch_id)
      const row = store.tx(() => {
        const arrived = arrive(app, batch, scan.code, staff)
        store.arrivals.resolveScan(scanId, trackingNumber)
        return arrived
      })
      return result(
        row,
        app,
        row.slot ?? '',
        `${formatTrackingNumber(trackingNumber)} · ${app.customer_name}`,
        null,
      )
    },

    close(batchId: number, staff: Session): BatchReport {
      const batch = openBatch(batchId)
      const report = reconcile(batch)
      const expected = store.arrivals.expected(batch.id).length
      // The counts every PC of the centre sums per agency (closed_batch_summaries): only for a batch with a manifest.
      const manifest =
        expected === 0
          ? undefined
          : {
              expected,
              received: expected - report.expectedNotReceived.length,
              missing: report.expectedNotReceived.length,
              unannounced: report.receivedNotExpected.length,
            }
      const now = clock.now()
      store.tx(() => {
        if (
          !store.arrivals.close({ id: batch.id, now, by: staff.staffNumber, report: JSON.stringify(report) })
        ) {
          throw new AppError('CONFLICT', `Batch ${batchId} is already closed.`)
        }
        writeEvent({
          type: 'batch.closed',
          staffNumber: staff.staffNumber,
          payload: {
            ...report,
            agency: batch.agency,
            manifestRef: batch.manifest_ref,
            ...(manifest ? { manifest } : {}),
          },
        })
      })
      return report
    },
  }
}
export type ArrivalService = ReturnType<typeof createArrivalService>

/** Manifest entries as scans will read them: tracking numbers without spaces or hyphens, references in capitals. */
export function normalizeCode(code: string): string {
  const compact = code.replace(/[\s.-]/g, '')
  return /^\d{12}$/.test(compact) ? compact : code.trim().toUpperCase()
}
