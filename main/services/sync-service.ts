import type { DeadLetter, ImportSummary, SyncStatusInfo, TransferFile } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import { enrolWorkstation } from '../sync/enrol'
import { createOutboxDrain, ImportFileError } from '../sync/outbox-drain'
import { createPull } from '../sync/pull'
import { syncStateStore } from '../sync/sync-state'
import type { Clock } from './clock'
import type { Logger } from './logger'

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  onStatus: () => void
  /** Told when a pull replaced the catalogue or holidays, so expected-ready dates use the new ones. */
  onCatalogueChanged: () => void
}

const PULL_EVERY_MS = 5 * 60_000

/**
 * The contract's view of sync: the outbox drain (push), enrolment, dead letters and transfer files. Pull
 * (catalogue, delivery outcomes, other PCs' events) is not built yet: see the open sync issue.
 */
export function createSyncService({ store, clock, logger, onStatus, onCatalogueChanged }: Deps) {
  const drain = createOutboxDrain({ queries: store.sync, clock, logger, onStatus })
  const state = syncStateStore(store.sync, logger)

  const pull = createPull({
    db: store.db,
    services: store.services,
    sync: store.sync,
    pull: store.pull,
    clock,
    logger,
    endpoint: () => state.get('endpoint'),
  })
  /** Catalogue, holidays and SMS outcomes from the central API; never throws, reports through the logger. */
  const pullAll = async (): Promise<void> => {
    const r = await pull.pullAll()
    if (r.catalogue === 'updated') onCatalogueChanged()
    for (const [feed, result] of Object.entries(r)) {
      if (typeof result === 'object' && result !== null && 'error' in result)
        logger.warn(`pull ${feed} failed`, { error: result.error })
    }
  }
  let pullTimer: ReturnType<typeof setInterval> | null = null

  const info = (): SyncStatusInfo => ({ ...drain.status(), apiUrl: state.get('endpoint')?.baseUrl ?? null })

  return {
    drain,
    info,
    kick: () => drain.kick(),
    pullAll,
    start(): void {
      drain.start()
      void pullAll()
      pullTimer = setInterval(() => void pullAll(), PULL_EVERY_MS)
      pullTimer.unref()
    },
    async stop(): Promise<void> {
      if (pullTimer) clearInterval(pullTimer)
      await drain.stop()
    },

    async enrol(apiUrl: string, enrolmentCode: string, by: string): Promise<SyncStatusInfo> {
      const centre = store.centre.get()
      if (!centre) throw new AppError('SETUP_REQUIRED', 'Set up this workstation first.')
      const answer = await enrolWorkstation({
        apiUrl,
        enrolmentCode,
        centreNumber: centre.number,
        workstationSlot: centre.workstation_slot,
        deviceId: centre.device_id,
      })
      drain.configure(
        { baseUrl: apiUrl.replace(/\/+$/, ''), token: answer.token },
        { deviceId: answer.deviceId, centreNumber: answer.centreNumber, enrolledAt: clock.now() },
      )
      store.audit.write({ at: clock.now(), staffNumber: by, action: 'sync.enrolled', detail: { apiUrl } })
      await pullAll()
      return info()
    },

    async now(): Promise<SyncStatusInfo> {
      await drain.drainOnce()
      await pullAll()
      return info()
    },

    deadLetters: (): DeadLetter[] =>
      drain.deadLetters(200).map((d) => ({
        seq: d.seq,
        id: d.id,
        type: d.type,
        occurredAt: d.occurred_at,
        trackingNumber: d.tracking_number,
        reason: d.reason,
        at: d.at,
      })),

    retryDeadLetter(seq: number, by: string): SyncStatusInfo {
      if (!drain.retryDeadLetter(seq)) throw new AppError('NOT_FOUND', `No rejected event ${seq}.`, 'seq')
      store.audit.write({
        at: clock.now(),
        staffNumber: by,
        action: 'sync.deadLetterRetried',
        detail: { seq },
      })
      return info()
    },

    exportPending(by: string): TransferFile {
      const content = drain.exportPending()
      const events = content === '' ? 0 : content.trimEnd().split('\n').length
      const centre = store.centre.get()
      store.audit.write({ at: clock.now(), staffNumber: by, action: 'sync.exported', detail: { events } })
      const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-')
      return {
        fileName: `tms-events-${centre?.number ?? 'centre'}-${centre?.workstation_slot ?? 'ws'}-${stamp}.jsonl`,
        content,
        events,
      }
    },

    async importFile(content: string, by: string): Promise<ImportSummary> {
      try {
        const r = await drain.importFile(content)
        store.audit.write({
          at: clock.now(),
          staffNumber: by,
          action: 'sync.imported',
          detail: { accepted: r.accepted, duplicate: r.duplicate, rejected: r.rejected },
        })
        return r
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('INVALID_INPUT', err.message, 'content')
        throw new AppError('CONFLICT', err instanceof Error ? err.message : String(err))
      }
    },
  }
}
export type SyncService = ReturnType<typeof createSyncService>
