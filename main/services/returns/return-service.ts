import type {
  ReturnCandidate,
  ReturnManifest,
  ReturnManifestSummary,
  ReturnsDue,
} from '../../../common/contract'
import { AppError } from '../../../common/errors'
import { formatTrackingNumber } from '../../../common/tracking-number'
import type { ManifestItemRow, ManifestRow, ReturnRow } from '../../db/queries/returns'
import type { Store } from '../../db/store'
import { fromDayNumber, nairobiDay, nairobiMidnight } from '../../../common/nairobi-time'
import { REMINDER_GRACE_DAYS } from '../../../common/reminders'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import { runInSlices } from '../../infra/slices'
import type { Session } from '../../infra/session-store'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}

/** Up to this many overdue documents, an agency's list is read by service rather than by walking the shelf. */
const SMALL_AGENCY = 5_000

const toSummary = (m: ManifestRow): ReturnManifestSummary => ({
  id: m.id,
  agency: m.agency,
  status: m.status,
  documents: m.documents,
  createdAt: m.created_at,
  createdBy: m.created_by,
  confirmedAt: m.confirmed_at,
  confirmedBy: m.confirmed_by,
})

/**
 * Returns to the agency: documents past their service's retention period go on a printed manifest for one agency,
 * the courier signs it, and confirming marks each document returned (slot cleared, `application.returned` event),
 * in slices (see `confirm`). The lists show customers' names, so reading them is audited.
 */
export function createReturnService({ store, clock, writeEvent }: Deps) {
  const candidate = (r: ReturnRow, today: number): ReturnCandidate => {
    const collectByDay = nairobiDay(r.arrived_at) + r.retention_days
    return {
      trackingNumber: r.tracking_number,
      serviceCode: r.service_code,
      serviceName: r.service_name,
      agency: r.agency,
      agencyRef: r.agency_ref,
      customerName: r.customer_name,
      shelfSlot: r.shelf_slot,
      arrivedAt: r.arrived_at,
      collectBy: fromDayNumber(collectByDay),
      daysOverdue: today - collectByDay,
    }
  }

  const mustManifest = (id: number): ManifestRow => {
    const m = store.returns.manifest(id)
    if (!m) throw new AppError('NOT_FOUND', `There is no return manifest ${id}.`, 'manifestId')
    return m
  }

  const full = (m: ManifestRow): ReturnManifest => {
    const today = nairobiDay(clock.now())
    const centre = store.centre.get()
    return {
      ...toSummary(m),
      centreName: centre?.name ?? '',
      centreNumber: centre?.number ?? '',
      items: store.returns.items(m.id).map((r: ManifestItemRow) => ({
        ...candidate(r, today),
        shelfSlot: r.slot,
        outcome: r.outcome,
        skipReason: r.skip_reason,
      })),
    }
  }

  const audit = (staff: Session, action: string, detail: Record<string, unknown>) =>
    store.audit.write({ at: clock.now(), staffNumber: staff.staffNumber, action, detail })

  /** Marks the manifest's remaining documents a slice at a time, then closes it (see `confirm`). */
  async function finish(id: number): Promise<void> {
    const m = mustManifest(id)
    const by = store.returns.confirming(id)
    if (!by || m.status !== 'open') return
    await runInSlices((size) =>
      store.tx(() => {
        const items = store.returns.pendingItems(id, size)
        for (const item of items) {
          const tn = item.tracking_number
          // The event makes the row returned, its slot cleared (the projector folds it in this transaction).
          if (item.status === 'arrived' && item.missing === 0) {
            writeEvent({
              type: 'application.returned',
              staffNumber: by.by,
              trackingNumber: tn,
              payload: { manifestId: id, agency: m.agency, slot: item.slot },
            })
            store.returns.setOutcome(id, tn, 'returned', null)
          } else {
            const reason = item.missing === 1 ? 'marked missing' : `no longer on the shelf (${item.status})`
            store.returns.setOutcome(id, tn, 'skipped', reason)
          }
        }
        return items.length === size
      }),
    )
    store.tx(() => {
      const outcomes = store.returns.outcomes(id)
      if (!store.returns.confirm(id, by.at, by.by))
        throw new AppError('CONFLICT', `Manifest ${id} is no longer open.`, 'manifestId')
      store.audit.write({
        at: clock.now(),
        staffNumber: by.by,
        action: 'returns.confirmed',
        detail: {
          manifestId: id,
          agency: m.agency,
          trackingNumbers: outcomes.filter((o) => o.outcome === 'returned').map((o) => o.tracking_number),
          skipped: outcomes.filter((o) => o.outcome === 'skipped').map((o) => o.tracking_number),
        },
      })
    })
  }

  return {
    due(agency: string | undefined, limit: number, staff: Session): ReturnsDue {
      const today = nairobiDay(clock.now())
      const todayMidnight = nairobiMidnight(today)
      const byAgency = store.returns.dueByAgency(todayMidnight)
      const agencyCount =
        agency === undefined ? null : (byAgency.find((a) => a.agency === agency)?.count ?? 0)
      // A small agency's few overdue documents are read directly; otherwise the oldest of the shelf come first.
      const rows =
        agency !== undefined && agencyCount !== null && agencyCount <= SMALL_AGENCY
          ? store.returns.dueForAgency({ todayMidnight, agency, limit })
          : store.returns.due({ todayMidnight, agency: agency ?? null, limit })
      const items = rows.map((r) => candidate(r, today))
      // The tracking numbers shown go in the row, so "who saw this document" finds this look too.
      audit(staff, 'returns.listViewed', {
        agency: agency ?? null,
        shown: items.length,
        trackingNumbers: items.map((i) => i.trackingNumber),
      })
      // The headline counts what this filter lists, never the whole shelf when one agency is asked for.
      const total = agencyCount ?? byAgency.reduce((n, a) => n + a.count, 0)
      return { total, agency: agency ?? null, byAgency, items }
    },

    createManifest(agency: string, trackingNumbers: string[], staff: Session): ReturnManifest {
      const now = clock.now()
      const today = nairobiDay(now)
      const todayMidnight = nairobiMidnight(today)
      const unique = [...new Set(trackingNumbers)]
      const rows = unique.map((tn) => {
        const r = store.returns.one(tn)
        const shown = formatTrackingNumber(tn)
        if (!r) throw new AppError('NOT_FOUND', `No application ${shown}.`, 'trackingNumbers')
        if (r.status !== 'arrived' || r.missing === 1)
          throw new AppError(
            'CONFLICT',
            `${shown} is not on the shelf (${r.missing === 1 ? 'marked missing' : r.status}).`,
            'trackingNumbers',
          )
        if (r.agency !== agency)
          throw new AppError('CONFLICT', `${shown} belongs to ${r.agency}, not ${agency}.`, 'trackingNumbers')
        if (r.arrived_at >= todayMidnight - r.retention_days * 86_400_000)
          throw new AppError(
            'CONFLICT',
            `${shown} can still be collected until ${candidate(r, today).collectBy}.`,
            'trackingNumbers',
          )
        if (
          r.last_reminder_at !== null &&
          r.last_reminder_at >= todayMidnight - REMINDER_GRACE_DAYS * 86_400_000
        )
          throw new AppError(
            'CONFLICT',
            `${shown} was reminded on ${fromDayNumber(nairobiDay(r.last_reminder_at))}: the customer was promised ${REMINDER_GRACE_DAYS} more days to collect it.`,
            'trackingNumbers',
          )
        if (r.on_open_manifest === 1)
          throw new AppError('CONFLICT', `${shown} is already on an open return manifest.`, 'trackingNumbers')
        return r
      })
      const id = store.tx(() => {
        const manifestId = store.returns.insertManifest(agency, now, staff.staffNumber)
        for (const r of rows) store.returns.insertItem(manifestId, r.tracking_number, r.shelf_slot)
        audit(staff, 'returns.manifestCreated', { manifestId, agency, trackingNumbers: unique })
        return manifestId
      })
      return full(mustManifest(id))
    },

    manifest(id: number, staff: Session): ReturnManifest {
      const m = full(mustManifest(id))
      audit(staff, 'returns.manifestViewed', {
        manifestId: id,
        trackingNumbers: m.items.map((i) => i.trackingNumber),
      })
      return m
    },

    list: (limit: number): ReturnManifestSummary[] => store.returns.manifests(limit).map(toSummary),

    /**
     * The courier signed: every document still on the shelf becomes `returned` with its slot cleared and an
     * `application.returned` event; one collected or marked missing since the manifest was printed is skipped
     * with the reason. A manifest can hold thousands of documents, so the work goes in slices (`runInSlices`):
     * the first transaction records who confirmed and when, each slice marks a few hundred documents (each
     * document's change, event and outcome in one transaction), and the last one closes the manifest with the
     * audit row. A crash in between is finished at the next start (`finishConfirmations`), as the same person.
     */
    async confirm(id: number, staff: Session): Promise<ReturnManifest> {
      const m = mustManifest(id)
      if (m.status !== 'open')
        throw new AppError('CONFLICT', `Manifest ${id} is already ${m.status}.`, 'manifestId')
      if (m.confirming_at !== null)
        throw new AppError('CONFLICT', `Manifest ${id} is being confirmed.`, 'manifestId')
      if (!store.tx(() => store.returns.startConfirming(id, clock.now(), staff.staffNumber)))
        throw new AppError('CONFLICT', `Manifest ${id} is no longer open.`, 'manifestId')
      await finish(id)
      return full(mustManifest(id))
    },

    /** Finishes confirmations a crash interrupted; called once at start. Answers how many it finished. */
    async finishConfirmations(): Promise<number> {
      const ids = store.returns.unfinishedConfirmations()
      for (const id of ids) await finish(id)
      return ids.length
    },

    cancel(id: number, staff: Session): ReturnManifest {
      const m = mustManifest(id)
      if (m.status !== 'open')
        throw new AppError('CONFLICT', `Manifest ${id} is already ${m.status}.`, 'manifestId')
      if (m.confirming_at !== null)
        throw new AppError(
          'CONFLICT',
          `Manifest ${id} is being confirmed: it can no longer be cancelled.`,
          'manifestId',
        )
      const now = clock.now()
      store.tx(() => {
        if (!store.returns.cancel(id, now, staff.staffNumber))
          throw new AppError('CONFLICT', `Manifest ${id} is no longer open.`, 'manifestId')
        audit(staff, 'returns.manifestCancelled', { manifestId: id, agency: m.agency })
      })
      return full(mustManifest(id))
    },
  }
}
export type ReturnService = ReturnType<typeof createReturnService>
