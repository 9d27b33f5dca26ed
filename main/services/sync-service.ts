import type { DeadLetter, ImportSummary, SyncStatusInfo, TransferFile } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import { createApplicationLookup } from '../sync/application-lookup'
import { createCatchUp, type CatchUpStep } from '../sync/catch-up'
import { CENTRE_EVENTS_READ_AT_KEY, createCentreFeed, type FeedProgress } from '../sync/centre-feed'
import { enrolWorkstation } from '../sync/enrol'
import { uuidv7 } from '../infra/uuidv7'
import { createOutboxDrain, ImportFileError } from '../sync/outbox-drain'
import { createPull } from '../sync/pull'
import { syncStateStore } from '../sync/sync-state'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import type { Projector } from './projection/projector'
import type { DirectoryService } from './directory-service'
import { createDirectorySync } from '../sync/directory-sync'
import { isSealedTransfer, openTransfer, sealTransfer, TransferSealError } from '../sync/transfer-seal'

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  projector: Projector
  onStatus: () => void
  /** Told when a pull replaced the catalogue or holidays, so expected-ready dates use the new ones. */
  onCatalogueChanged: () => void
  directory: DirectoryService
}

const PULL_EVERY_MS = 5 * 60_000
/** Other workstations' events are what the desk waits for when a customer stands there: fetched often. */
const FEED_EVERY_MS = 15_000
/**
 * The staff list is read with the feed; after this long without a complete read the status bar says it may be out
 * of date (a deactivation elsewhere may not have reached this PC).
 */
/**
 * The pages' share of the progress of "The centre's applications"; the passes that make the applications from
 * them have the rest (bench/new-pc.bench.ts, 1,000,000 events: about 13 s of pages, then 33 s of passes).
 */
const PAGES_SHARE = 0.3
export const STAFF_LIST_STALE_MS = 3 * FEED_EVERY_MS

/** Whether a tracking number this PC did not know is now here, and if not, what to tell the person at the desk. */
export type UnknownResolution = { here: true } | { here: false; message: string | null }

/**
 * The contract's view of sync: the outbox drain (push), pull (catalogue, SMS outcomes, the centre's events from
 * other workstations), look-up of unknown tracking numbers, enrolment, dead letters and transfer files.
 */
export function createSyncService({
  store,
  clock,
  logger,
  projector,
  onStatus,
  onCatalogueChanged,
  directory,
}: Deps) {
  const drain = createOutboxDrain({ queries: store.sync, clock, logger, onStatus })
  const state = syncStateStore(store.sync, logger)

  const pull = createPull({
    db: store.db,
    services: store.services,
    sync: store.sync,
    issues: store.projection,
    pull: store.pull,
    clock,
    logger,
    endpoint: () => state.get('endpoint'),
  })
  const feed = createCentreFeed({
    db: store.db,
    sync: store.sync,
    projector,
    projection: store.projection,
    clock,
    logger,
    endpoint: () => state.get('endpoint'),
    centreNumber: () => store.centre.get()?.number ?? null,
    onPage: (p) => feedListener?.page(p),
    onPasses: (fraction) => feedListener?.passes(fraction),
    bulk: () => feedListener !== null,
  })
  const lookup = createApplicationLookup(() => state.get('endpoint'))
  const directorySync = createDirectorySync({
    sync: store.sync,
    pending: (limit) => store.directory.pending(limit),
    applyPage: (page, putCursor) => directory.applyPage(page.changes, putCursor, clock.now()),
    acknowledge: (sent, results) => directory.acknowledge(sent, results, clock.now()),
    clock,
    logger,
    endpoint: () => state.get('endpoint'),
    centreNumber: () => store.centre.get()?.number ?? null,
  })
  let started = false
  let directoryKick: ReturnType<typeof setTimeout> | null = null
  /** A staff or settings change made here leaves shortly after its commit (once the loop runs). */
  const kickDirectory = (): void => {
    if (!started || directoryKick) return
    directoryKick = setTimeout(() => {
      directoryKick = null
      void directorySync.syncOnce().then(onStatus)
    }, 50)
    directoryKick.unref()
  }
  const catchUp = createCatchUp({ clock, onChange: onStatus })
  /** A catch-up's progress through the centre's events: pages read, then the passes that make the applications. */
  let feedListener: { page(p: FeedProgress): void; passes(fraction: number): void } | null = null

  const pullFeed = async (): Promise<void> => {
    const r = await feed.pullCentreEvents()
    if (typeof r === 'object') logger.warn('pull centre events failed', { error: r.error })
  }
  /** The staff directory and the centre's events: what the 15-second timer reads. */
  const feedTick = async (): Promise<void> => {
    await directorySync.syncOnce()
    await pullFeed()
  }
  /** Catalogue, holidays, SMS outcomes and the centre's events; never throws, reports through the logger. */
  const pullAll = async (): Promise<void> => {
    // The pulls log their own failures. The feed comes after the catalogue, so replicated applications find their
    // services, and before the outcomes, so the outcomes find the applications they are about.
    if ((await pull.pullCatalogue()) === 'updated') onCatalogueChanged()
    await feedTick()
    await pull.pullOutcomes()
  }

  /**
   * What a new or replacement PC brings down after its enrolment, in order: the staff directory and centre
   * settings first (people can sign in, with the centre's settings, and this PC's own staff and settings go up),
   * the catalogue (replicated applications find their services), then the centre's events from the start, then
   * SMS outcomes (they find the applications they are about). A PC is ready to work when all of them are here.
   */
  const catchUpSteps = (): CatchUpStep[] => [
    {
      label: 'Staff and centre settings',
      weight: 1,
      run: async () => (await directorySync.syncOnce())?.error ?? null,
    },
    {
      label: 'The service catalogue',
      weight: 1,
      run: async () => {
        const r = await pull.pullCatalogue()
        if (r === 'updated') onCatalogueChanged()
        return typeof r === 'object' ? r.error : null
      },
    },
    {
      label: 'The centre’s applications',
      weight: 96,
      run: async (progress) => {
        feedListener = {
          page: (p) => {
            catchUp.events(p.read, p.remaining)
            if (p.remaining !== null) progress(PAGES_SHARE * (p.read / Math.max(1, p.read + p.remaining)))
          },
          passes: (fraction) => progress(PAGES_SHARE + (1 - PAGES_SHARE) * fraction),
        }
        try {
          const r = await feed.pullCentreEvents()
          return typeof r === 'object' ? r.error : null
        } finally {
          feedListener = null
        }
      },
    },
    {
      label: 'SMS delivery outcomes',
      weight: 1,
      run: async () => {
        const r = await pull.pullOutcomes()
        return typeof r === 'object' ? r.error : null
      },
    },
  ]
  let pullTimer: ReturnType<typeof setInterval> | null = null
  let feedTimer: ReturnType<typeof setInterval> | null = null

  /** Enrolled, and the directory not read to its end within STAFF_LIST_STALE_MS (or never). */
  const staffListStale = (): boolean => {
    if (!state.get('endpoint')) return false
    const readAt = directorySync.readAt()
    return readAt === null || clock.now() - readAt > STAFF_LIST_STALE_MS
  }

  const info = (): SyncStatusInfo => {
    const readAt = store.sync.getState(CENTRE_EVENTS_READ_AT_KEY)
    return {
      ...drain.status(),
      apiUrl: state.get('endpoint')?.baseUrl ?? null,
      lastReceivedAt: typeof readAt === 'number' ? readAt : null,
      replicationIssues: store.projection.issueCount(),
      staffListStale: staffListStale(),
      directoryPending: store.directory.outboxDepth(),
      catchUp: catchUp.info(),
      slotConfirmed: state.get('enrolment') !== null,
    }
  }

  return {
    drain,
    info,
    kick: () => {
      drain.kick()
      kickDirectory()
    },
    start(): void {
      started = true
      drain.start()
      void pullAll()
      pullTimer = setInterval(() => void pullAll(), PULL_EVERY_MS)
      pullTimer.unref()
      feedTimer = setInterval(() => void feedTick().then(onStatus), FEED_EVERY_MS)
      feedTimer.unref()
    },
    async stop(): Promise<void> {
      if (pullTimer) clearInterval(pullTimer)
      if (feedTimer) clearInterval(feedTimer)
      if (directoryKick) clearTimeout(directoryKick)
      started = false
      await drain.stop()
    },

    /**
     * First run of a PC joining a centre: enrols the slot (nothing is written if the central API refuses), then
     * records the centre (`record`, the setup service's) and the endpoint in one transaction, and starts the
     * catch-up in the background: its progress is in the status, and staff can sign in once the directory is down.
     */
    async join(
      p: { apiUrl: string; enrolmentCode: string; centreNumber: string; workstationSlot: string },
      record: (joined: {
        centreNumber: string
        centreName: string
        workstationSlot: string
        deviceId: string
      }) => void,
    ): Promise<void> {
      const deviceId = uuidv7(clock.now())
      const answer = await enrolWorkstation({ ...p, deviceId })
      store.tx(() => {
        record({
          centreNumber: answer.centreNumber,
          centreName: answer.centreName ?? `Huduma Centre ${answer.centreNumber}`,
          workstationSlot: answer.workstationSlot,
          deviceId,
        })
        drain.configure(
          { baseUrl: p.apiUrl.replace(/\/+$/, ''), token: answer.token },
          { deviceId: answer.deviceId, centreNumber: answer.centreNumber, enrolledAt: clock.now() },
        )
        store.audit.write({
          at: clock.now(),
          staffNumber: null,
          action: 'sync.enrolled',
          detail: { apiUrl: p.apiUrl },
        })
      })
      // Not awaited: the window signs in meanwhile. A failure is in the catch-up's own state; what is left here is
      // the core closing under it (the next start's pulls bring the rest).
      void catchUp.run(catchUpSteps()).then(onStatus, (err: unknown) =>
        logger.warn('catch-up after joining stopped', {
          error: err instanceof Error ? err.message : String(err),
        }),
      )
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
      // The answer waits for the catch-up; its progress reaches the window as status pushes meanwhile.
      await catchUp.run(catchUpSteps())
      return info()
    },

    /**
     * A tracking number scanned here that this PC does not hold. Online, the central API says whose it is; if it
     * is this centre's, the centre feed is read at once so the caller can look again. Offline: `message` is null
     * and the caller says what it says offline.
     */
    async resolveUnknown(trackingNumber: string): Promise<UnknownResolution> {
      const found = await lookup(trackingNumber)
      if (found.kind === 'unavailable') return { here: false, message: null }
      if (found.kind === 'not-found')
        return { here: false, message: 'The central tracking service does not know this number either.' }
      const centre = store.centre.get()?.number
      if (found.centreNumber !== centre)
        return {
          here: false,
          message: `Registered at Huduma Centre ${found.centreNumber} (${found.status}), not at this centre: set it aside for that centre.`,
        }
      await pullFeed()
      if (store.applications.byTracking(trackingNumber)) return { here: true }
      return {
        here: false,
        message: `Registered at this centre on another workstation (${found.status}); its details have not reached this PC yet. Try again in a minute.`,
      }
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

    async exportPending(by: string, passphrase: string): Promise<TransferFile> {
      const plain = drain.exportPending()
      const events = plain === '' ? 0 : plain.trimEnd().split('\n').length
      let content: string
      try {
        content = events === 0 ? '' : await sealTransfer(plain, passphrase)
      } catch (err) {
        if (err instanceof TransferSealError) throw new AppError('INVALID_INPUT', err.message, err.field)
        throw err
      }
      const centre = store.centre.get()
      store.audit.write({ at: clock.now(), staffNumber: by, action: 'sync.exported', detail: { events } })
      const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-')
      return {
        fileName: `tms-events-${centre?.number ?? 'centre'}-${centre?.workstation_slot ?? 'ws'}-${stamp}.tms-transfer`,
        content,
        events,
      }
    },

    async importFile(content: string, passphrase: string | undefined, by: string): Promise<ImportSummary> {
      try {
        const plain = isSealedTransfer(content) ? await openTransfer(content, passphrase) : content
        const r = await drain.importFile(plain)
        store.audit.write({
          at: clock.now(),
          staffNumber: by,
          action: 'sync.imported',
          detail: { accepted: r.accepted, duplicate: r.duplicate, rejected: r.rejected },
        })
        return r
      } catch (err) {
        if (err instanceof TransferSealError) throw new AppError('INVALID_INPUT', err.message, err.field)
        if (err instanceof ImportFileError) throw new AppError('INVALID_INPUT', err.message, 'content')
        throw new AppError('CONFLICT', err instanceof Error ? err.message : String(err))
      }
    },
  }
}
export type SyncService = ReturnType<typeof createSyncService>
