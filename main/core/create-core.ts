import type { StatusSnapshot } from '../../common/contract'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { writeGateOf } from '../db/write-gate'
import { createHandlers } from '../api/handlers'
import { backupDatabase, backupDue } from '../db/backup'
import {
  backupFits,
  DEFAULT_DISK_RESERVE_BYTES,
  formatBytes,
  measureDiskSpace,
  spaceIsLow,
} from '../db/disk-space'
import { isDamage, movedAsideDatabases, openDatabase, recordCheckFailed } from '../db/open'
import { verifyDatabaseFile } from '../db/verify-file'
import type { DatabaseKey } from '../db/data-files'
import { createStore, type Store } from '../db/store'
import { createAuthService } from '../services/auth-service'
import { pinHasher, type PinCost } from '../services/pin-hash'
import { type Clock, systemClock } from '../infra/clock'
import { createEventWriter } from '../services/event-writer'
import { createProjector } from '../services/projection/projector'
import { createRetentionService } from '../services/privacy/retention-service'
import type { Logger } from '../infra/logger'
import { SessionStore } from '../infra/session-store'
import { createSettingsService } from '../services/settings-service'
import { createDirectoryService } from '../services/directory-service'
import { createSettingsFileService } from '../services/settings-file-service'
import { createSetupService } from '../services/setup-service'
import { createStaffService } from '../services/staff-service'
import { createStatusService } from '../services/status-service'
import { createApplicationService } from '../services/application-service'
import { createArrivalService } from '../services/arrival-service'
import { createHandoverService } from '../services/handover-service'
import { createNotificationService } from '../services/notification-service'
import { createCampaignService } from '../services/campaigns/campaign-service'
import { createReturnService } from '../services/returns/return-service'
import { createAuditService } from '../services/audit/audit-check'
import { createKenyaCalendar } from '../services/calendar/kenya-holidays'
import { createCatalogueService } from '../services/catalogue-service'
import { createPrintService } from '../services/print-service'
import { createScannerService } from '../services/scanner-service'
import { createSyncService } from '../services/sync-service'
import { createManagerService } from '../services/manager'
import { createPersonalExports } from '../services/subject/personal-exports'
import { createSubjectService } from '../services/subject/subject-service'
import { createDiagnosticsService } from '../services/diagnostics/diagnostics-service'
import type { RuntimeVersions } from '../services/diagnostics/about'
import type { HolidayCalendar } from '../services/calendar/working-days'
import { calendarWithCentralHolidays } from '../sync/pull'
import type { EventWriter } from '../services/event-writer'
import { createEventHub, type EventHub } from './event-hub'
import type { UpdateState } from '../../common/update-status'
import { createOpenWork } from '../services/open-work'
import { NO_UPDATER } from '../services/status-service'
import type { UpdatePolicy } from '../services/update/update-policy'

export interface CoreOptions {
  dataDir: string
  logger: Logger
  version: string
  clock?: Clock
  /** How often idle sessions are locked and the status bar refreshed; tests pass 0 to drive it by hand. */
  tickMs?: number
  /** Disk space always left free (the daily backup does not run below it); default 64 MiB. */
  diskReserveBytes?: number
  /** Largest data file checked in full before start-up finishes (db/open.ts); tests pass 0 to defer every check. */
  syncCheckMaxBytes?: number
  /**
   * The database key. The desktop app passes the one it keeps in the operating system's keyring; without it the key
   * is the owner-only key file in the data dir (main/db/key-file.ts), as the browser host uses.
   */
  databaseKey?: DatabaseKey
  /** Tests only: a cheaper scrypt for PINs (see main/services/pin-hash.ts pinHasher). The app never sets it. */
  pinCost?: PinCost
  /** This process's log file (main/infra/file-log.ts), for the diagnostics file to say whether it is written. */
  logFile?: { problem(): string | null }
  /** Tests only: the runtime versions About shows (default `process.versions`). */
  versions?: RuntimeVersions
}

export interface Core {
  dispatch: Dispatch
  hub: EventHub
  store: Store
  /** A connection went away (window closed): its session ends with it. */
  disconnect(key: string): void
  /** The deferred integrity check of a large data file: what it found, or null (passed, or none was needed). */
  readonly backgroundCheck: Promise<string | null>
  /**
   * Work a crash interrupted between its slices, settled at start: half-written campaigns removed (nothing of
   * them was sent), return confirmations finished. Resolves once done; failures are logged, never thrown.
   */
  readonly resumed: Promise<void>
  /**
   * The automatic update's link to this core (the desktop shell runs electron-updater): what the centre decided and
   * what is open at the desks, and where the update stands, for the status bar snapshot.
   */
  updates: {
    policy(): UpdatePolicy
    /** Called with the policy whenever it changes (checked on every tick and at once on `work.open`). */
    onPolicy(listener: (policy: UpdatePolicy) => void): () => void
    report(state: UpdateState): void
  }
  /** Runs the periodic work once (idle locks, status push). */
  tick(): void
  close(): void
}

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

/**
 * Builds the whole Node side once: database, services, dispatcher, push hub. Both the Electron utility process and
 * the browser host call this; neither knows how the other carries requests.
 */
export function createCore(opts: CoreOptions): Core {
  try {
    return buildCore(opts)
  } catch (err) {
    // Damage met after the file opened (its full check deferred, or pages the check did not reach): record it as a
    // failed check and start once more, which restores the newest good backup rather than stop the counter.
    if (!isDamage(err)) throw err
    opts.logger.error('the data file is damaged; restoring the newest good backup', { error: String(err) })
    recordCheckFailed(opts.dataDir, err instanceof Error ? err.message : String(err))
    return buildCore(opts)
  }
}

function buildCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock
  const opened = openDatabase(opts.dataDir, clock, opts.logger, {
    syncCheckMaxBytes: opts.syncCheckMaxBytes,
    key: opts.databaseKey,
  })
  try {
    const store = createStore(opened.db)
    const projector = createProjector({ store, clock, logger: opts.logger })
    const sessions = new SessionStore()
    let kickSync = (): void => undefined
    // A staff or settings change wakes the sync loop as an event does, so it leaves within seconds when online.
    const directory = createDirectoryService(store, () => kickSync())
    const settings = createSettingsService(store, directory)
    let pushStatus = (): void => undefined
    // Holidays from the central API add to the library's; rebuilt whenever a pull changes them.
    const buildCalendar = (): HolidayCalendar =>
      calendarWithCentralHolidays(createKenyaCalendar(), store.pull.holidays())
    let calendarNow = buildCalendar()
    const calendar: HolidayCalendar = { holidayName: (date) => calendarNow.holidayName(date) }
    const sync = createSyncService({
      store,
      clock,
      projector,
      logger: opts.logger,
      onStatus: () => pushStatus(),
      onCatalogueChanged: () => {
        calendarNow = buildCalendar()
      },
      directory,
    })
    kickSync = () => sync.kick()
    // The event writer rebuilds an application's row through the projector, the same fold replicated events go
    // through: this PC and every other one derive the row from the same events in the same way.
    const appendEvent = createEventWriter(store, clock, (tn) => projector.project(tn))
    // Every event wakes the drain (it waits ~50 ms, so the commit lands first): online, events leave within 2 s.
    const writeEvent: EventWriter = (e, deviceId) => {
      const id = appendEvent(e, deviceId)
      sync.kick()
      return id
    }
    const pins = pinHasher(opts.pinCost)
    const auth = createAuthService({ store, sessions, settings, clock, pins, directory })
    const setup = createSetupService({
      store,
      clock,
      writeEvent,
      version: opts.version,
      recovery: opened.recovery,
      movedAside: () => movedAsideDatabases(opts.dataDir),
      pins,
      directory,
    })
    const staff = createStaffService({ store, clock, writeEvent, pins, directory })
    const hub = createEventHub()
    const printing = createPrintService({
      store,
      clock,
      logger: opts.logger,
      onStatus: () => pushStatus(),
      onJob: (job) => hub.broadcast('print.job', { job }),
    })
    const scanner = createScannerService({
      store,
      clock,
      logger: opts.logger,
      // One scanner, one desk: to the connection whose scan page claimed it, not to every tab (event-hub.ts).
      onScan: (code) => hub.emitToDesk('scan.read', { code }),
      onRejected: (message) => hub.emitToDesk('scan.rejected', { message }),
      onRepeat: (code) => hub.emitToDesk('scan.repeated', { code }),
      onStatus: () => pushStatus(),
    })
    const openWork = createOpenWork(clock)
    let updateState: UpdateState = NO_UPDATER
    const status = createStatusService(
      () => ({ configured: printing.configured(), status: printing.status() }),
      () => scanner.status(),
      () => sync.info(),
      () => diskStatus(),
      () => dataFileProblem,
      () => updateState,
    )
    const updatePolicy = (): UpdatePolicy => {
      const s = settings.get()
      return { enabled: s.updatesEnabled, url: s.updateUrl, openWork: openWork.describe() }
    }
    const policyListeners = new Set<(policy: UpdatePolicy) => void>()
    let lastPolicy = ''
    // Settings can change from this PC, a settings file or another PC (the directory), so the tick compares too.
    const publishPolicy = (): void => {
      if (policyListeners.size === 0) return
      const p = updatePolicy()
      const text = JSON.stringify(p)
      if (text === lastPolicy) return
      lastPolicy = text
      for (const l of policyListeners) l(p)
    }
    const catalogue = createCatalogueService({ store, clock, writeEvent })
    const settingsFile = createSettingsFileService({ store, clock, settings, catalogue })
    catalogue.ensureDefaults()
    const applications = createApplicationService({
      store,
      clock,
      calendar,
      catalogue,
      settings,
      printing,
      writeEvent,
    })

    const sessionChanged = (key: string): void =>
      hub.emitTo(key, 'session.changed', { session: auth.current(key) })
    const arrivals = createArrivalService({
      store,
      clock,
      settings,
      writeEvent,
      printSlip: (s) => printing.printSlip(s),
      resolveUnknown: (tn) => sync.resolveUnknown(tn),
    })
    const handover = createHandoverService({
      store,
      clock,
      writeEvent,
      resolveUnknown: (tn) => sync.resolveUnknown(tn),
    })
    const notifications = createNotificationService({ store, clock, writeEvent })
    const manager = createManagerService({ store, clock, writeEvent })
    const campaigns = createCampaignService({ store, clock, settings, writeEvent })
    const returns = createReturnService({ store, clock, writeEvent })
    const retention = createRetentionService({ store, clock, settings, writeEvent, logger: opts.logger })
    const diagnostics = createDiagnosticsService({
      store,
      clock,
      logger: opts.logger,
      dataDir: opts.dataDir,
      version: opts.version,
      versions: opts.versions,
      appStatus: () => ({ ...setup.status(), catchUp: sync.info().catchUp }),
      status: () => status.snapshot(),
      sync: () => sync.info(),
      settings: () => settings.get(),
      printer: () => ({
        config: printing.config(),
        description: printing.description(),
        status: printing.status(),
      }),
      scanner: () => scanner.info(),
      logProblem: () => opts.logFile?.problem() ?? null,
    })
    const handlers = createHandlers({
      diagnostics,
      settingsFile,
      store,
      auth,
      setup,
      staff,
      settings,
      status,
      catalogue,
      applications,
      printing,
      arrivals,
      handover,
      scanner,
      sync,
      manager,
      campaigns,
      returns,
      audit: createAuditService({ store, clock, logger: opts.logger }),
      exports: createPersonalExports({ store, clock, manager, returns }),
      subject: createSubjectService({ store, clock, writeEvent }),
      sessionChanged,
      openWork,
      workChanged: () => publishPolicy(),
      now: clock.now,
    })
    const dispatch = createDispatcher({
      handlers,
      auth,
      sessions,
      logger: opts.logger,
      onSessionChanged: sessionChanged,
      gate: writeGateOf(opened.db),
    })

    const reserve = opts.diskReserveBytes ?? DEFAULT_DISK_RESERVE_BYTES
    const space = () => measureDiskSpace(opts.dataDir, opened.file)
    let backupNote: string | null = null
    const diskStatus = (): StatusSnapshot['disk'] => {
      try {
        const s = space()
        const low = spaceIsLow(s, reserve)
        const free = `${formatBytes(s.freeBytes)} free on the data disk`
        return {
          low,
          detail: low
            ? `Low disk space: ${free}. Free some space soon: when the disk is full nothing can be saved.${backupNote ? ` ${backupNote}` : ''}`
            : free,
        }
      } catch (err) {
        return {
          low: false,
          detail: `Free space unknown (${err instanceof Error ? err.message : String(err)})`,
        }
      }
    }

    // A daily copy to restore from if the file is ever damaged; the backup API copies in steps, not in one block.
    // Checked at start and then hourly from the tick, so a PC that is never restarted is backed up too.
    let lastBackupCheck = -Infinity
    let backupRunning = false
    const maybeBackup = (): void => {
      lastBackupCheck = clock.now()
      if (backupRunning || !setup.status().setupDone || !backupDue(opts.dataDir, clock.now(), DAY)) return
      let s: ReturnType<typeof space>
      try {
        s = space()
      } catch (err) {
        opts.logger.warn('backup skipped: free space unknown', { error: String(err) })
        return
      }
      if (!backupFits(s, reserve)) {
        backupNote = `Today's backup was skipped: it needs ${formatBytes(s.databaseBytes + reserve)} free.`
        opts.logger.warn('daily backup skipped: low disk space', {
          freeBytes: s.freeBytes,
          databaseBytes: s.databaseBytes,
        })
        pushStatus()
        return
      }
      backupRunning = true
      backupNote = null
      backupDatabase(opened.db, opts.dataDir, clock.now())
        .catch((err: unknown) => opts.logger.warn('backup failed', { error: String(err) }))
        .finally(() => {
          backupRunning = false
        })
    }

    let dataFileProblem: string | null = null
    let closed = false
    let lastStatus = ''
    pushStatus = (): void => {
      const snap: StatusSnapshot = status.snapshot()
      const text = JSON.stringify(snap)
      if (text !== lastStatus) {
        lastStatus = text
        hub.broadcast('status.changed', { status: snap })
      }
    }
    const tick = (): void => {
      for (const key of auth.sweepIdle()) sessionChanged(key)
      if (clock.now() - lastBackupCheck >= HOUR) maybeBackup()
      try {
        notifications.sendDue()
      } catch (err) {
        // Left scheduled: the next tick tries again.
        opts.logger.error('sending due notifications failed', {
          error: err instanceof Error ? err.message : String(err),
        })
      }
      try {
        campaigns.sendDue()
      } catch (err) {
        // Left scheduled: the next tick tries again.
        opts.logger.error('sending due reminders failed', {
          error: err instanceof Error ? err.message : String(err),
        })
      }
      retention.tick() // once a Nairobi day, in slices; it logs its own failures
      publishPolicy()
      pushStatus()
    }
    const timer = opts.tickMs === 0 ? null : setInterval(tick, opts.tickMs ?? 2000)
    timer?.unref()
    // The printer is asked how it is (DLE EOT) every 15 s, so paper-out shows in the status bar before a receipt fails.
    const refreshPrinter = (): void => {
      if (printing.configured()) void printing.refreshStatus()
    }
    const printerTimer = opts.tickMs === 0 ? null : setInterval(refreshPrinter, 15_000)
    printerTimer?.unref()
    if (opts.tickMs !== 0) {
      refreshPrinter()
      sync.start()
    }

    maybeBackup()

    // A large file opened without its full check (db/open.ts): check it now, beside the work, on a worker thread.
    const backgroundCheck = !opened.checkDeferred
      ? Promise.resolve(null)
      : verifyDatabaseFile(opened.file, opened.key, { live: true }).then((problem) => {
          if (problem === null || closed) return problem
          dataFileProblem = `The data file failed its integrity check (${problem}). Restart the app when the customer in front of you is served: it restores the newest good backup and keeps this file for IT.`
          opts.logger.error('background integrity check found damage', { file: opened.file, problem })
          try {
            recordCheckFailed(opts.dataDir, problem)
          } catch (err) {
            opts.logger.error('could not record the failed check', { error: String(err) })
          }
          pushStatus()
          return problem
        })

    const resumed = (async () => {
      const discarded = await campaigns.discardUnprepared()
      if (discarded > 0) opts.logger.warn('removed campaigns a stop left half prepared', { discarded })
      const finished = await returns.finishConfirmations()
      if (finished > 0) opts.logger.warn('finished return confirmations a stop interrupted', { finished })
    })().catch((err: unknown) => {
      if (!closed)
        opts.logger.error('finishing interrupted work failed; it is tried again at the next start', {
          error: err instanceof Error ? err.message : String(err),
        })
    })

    return {
      dispatch,
      hub,
      backgroundCheck,
      resumed,
      store,
      tick,
      disconnect: (key) => {
        auth.signOut(key)
        openWork.release(key)
        publishPolicy()
      },
      updates: {
        policy: updatePolicy,
        onPolicy(listener) {
          policyListeners.add(listener)
          lastPolicy = ''
          publishPolicy()
          return () => policyListeners.delete(listener)
        },
        report(state) {
          updateState = state
          pushStatus()
        },
      },
      close() {
        closed = true
        if (timer) clearInterval(timer)
        if (printerTimer) clearInterval(printerTimer)
        void scanner.stop()
        void sync.stop()
        opened.db.close()
      },
    }
  } catch (err) {
    // A start-up that failed half way must not leave the file open (a retry, or the next start, opens it again).
    if (opened.db.open) opened.db.close()
    throw err
  }
}
