import type { AppStatus, SubjectKey } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { ApplicationService } from '../services/application-service'
import type { ArrivalService } from '../services/arrival-service'
import type { HandoverService } from '../services/handover-service'
import type { ScannerService } from '../services/scanner-service'
import type { SyncService } from '../services/sync-service'
import type { ManagerService } from '../services/manager'
import type { CampaignService } from '../services/campaigns/campaign-service'
import type { ReturnService } from '../services/returns/return-service'
import type { AuditService } from '../services/audit/audit-check'
import type { PersonalExports } from '../services/subject/personal-exports'
import type { SubjectService } from '../services/subject/subject-service'
import type { DiagnosticsService } from '../services/diagnostics/diagnostics-service'
import { nairobiMidnight, toDayNumber } from '../../common/nairobi-time'
import type { AuthService } from '../services/auth-service'
import type { CatalogueService } from '../services/catalogue-service'
import type { PrintService } from '../services/print-service'
import type { SettingsService } from '../services/settings-service'
import type { SettingsFileService } from '../services/settings-file-service'
import type { SetupService } from '../services/setup-service'
import type { StaffService } from '../services/staff-service'
import type { StatusService } from '../services/status-service'
import type { OpenWork } from '../services/open-work'
import type { Store } from '../db/store'
import type { Session } from '../infra/session-store'
import type { CallContext, Handlers } from './dispatcher'

interface Deps {
  store: Store
  auth: AuthService
  setup: SetupService
  staff: StaffService
  settings: SettingsService
  settingsFile: SettingsFileService
  status: StatusService
  catalogue: CatalogueService
  applications: ApplicationService
  printing: PrintService
  arrivals: ArrivalService
  handover: HandoverService
  scanner: ScannerService
  sync: SyncService
  manager: ManagerService
  campaigns: CampaignService
  returns: ReturnService
  audit: AuditService
  exports: PersonalExports
  subject: SubjectService
  diagnostics: DiagnosticsService
  /** Tells the caller's other windows/tabs that its session changed. */
  sessionChanged: (key: string) => void
  /** Registrations and hand-overs open at the desks (the update policy waits for them). */
  openWork: OpenWork
  /** Told after a window reported open work, so the update policy hears of it at once. */
  workChanged: () => void
  now: () => number
}

/** The staff member behind a non-public call; the dispatcher guarantees it exists. */
const who = (ctx: CallContext): string => signedIn(ctx).staffNumber
const signedIn = (ctx: CallContext): Session => {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
  return ctx.session
}

/** Maps each contract method to its service call. Thin on purpose: rules live in the services. */
export function createHandlers(d: Deps): Handlers {
  const changed = <T>(key: string, value: T): T => {
    d.sessionChanged(key)
    return value
  }
  /**
   * The signed-in staff member's PIN, asked again before personal data leaves the app. A lockout it causes signs the
   * window out, so its other windows are told either way.
   */
  const confirmed = async (ctx: CallContext, pin: string, action: string): Promise<Session> => {
    try {
      return await d.auth.confirmPin(ctx.key, pin, action)
    } catch (err) {
      d.sessionChanged(ctx.key)
      throw err
    }
  }
  const appStatus = (): AppStatus => ({ ...d.setup.status(), catchUp: d.sync.info().catchUp })
  return {
    'app.status': () => appStatus(),
    'agency.turnaround': (input) => d.manager.agency.turnaround(input.from, input.to),
    'agency.trend': (input) => d.manager.agency.trend(input),
    'agency.batches': (input) => d.manager.agency.batches(input.from, input.to),
    'agency.report': (input) => d.manager.agency.report(input.agency, input.from, input.to),
    'agency.signOff': async ({ pin, ...key }, ctx) =>
      d.manager.agencyReports.signOff(key, await confirmed(ctx, pin, 'agency.signOff')),
    'agency.exportReport': (input, ctx) => d.manager.agencyReports.exportReport(input, signedIn(ctx)),
    'setup.createCentre': async (input, ctx) => {
      await d.setup.createCentre(input)
      return changed(
        ctx.key,
        d.auth.startSession(ctx.key, {
          staffNumber: input.admin.staffNumber,
          name: input.admin.name,
          role: 'admin',
        }),
      )
    },
    'setup.joinCentre': async (input) => {
      d.setup.assertCanSetUp()
      await d.sync.join(input, (joined) => d.setup.recordJoined(joined))
      return appStatus()
    },
    'auth.session': (_input, ctx) => d.auth.current(ctx.key),
    'auth.signIn': async (input, ctx) => {
      if (!d.setup.status().setupDone) throw new AppError('SETUP_REQUIRED', 'Set up this workstation first.')
      return changed(ctx.key, await d.auth.signIn(ctx.key, input.staffNumber, input.pin, input.language))
    },
    'auth.setLanguage': (input, ctx) => changed(ctx.key, d.auth.setLanguage(ctx.key, input.language)),
    'auth.signOut': (_input, ctx) => {
      d.auth.signOut(ctx.key)
      d.openWork.release(ctx.key)
      d.workChanged()
      return changed(ctx.key, null)
    },
    'auth.lock': (_input, ctx) => {
      const info = d.auth.lock(ctx.key, 'manual')
      if (!info) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      return changed(ctx.key, info)
    },
    'auth.unlock': async (input, ctx) => {
      try {
        return changed(ctx.key, await d.auth.unlock(ctx.key, input.pin))
      } catch (err) {
        d.sessionChanged(ctx.key)
        throw err
      }
    },
    'auth.activity': () => null,
    'auth.changePin': (input, ctx) => d.auth.changePin(ctx.key, input.currentPin, input.newPin),
    'staff.list': () => d.staff.list(),
    'staff.create': (input, ctx) => d.staff.create(input, who(ctx)),
    'staff.update': (input, ctx) => d.staff.update(input, who(ctx)),
    'staff.resetPin': (input, ctx) => d.staff.resetPin(input, who(ctx)),
    'settings.get': () => d.settings.get(),
    'settings.update': (input, ctx) => d.settings.update(input, who(ctx), d.now()),
    'settings.export': (_input, ctx) => d.settingsFile.export(who(ctx)),
    'settings.import': (input, ctx) => d.settingsFile.import(input.content, who(ctx)),
    'audit.list': (input) =>
      d.store.audit.list({
        limit: input.limit,
        staffNumber: input.staffNumber,
        action: input.action,
        trackingNumber: input.trackingNumber,
        // Nairobi calendar days, both ends inclusive.
        fromAt: input.from === undefined ? undefined : nairobiMidnight(toDayNumber(input.from)),
        toAt: input.to === undefined ? undefined : nairobiMidnight(toDayNumber(input.to) + 1),
      }),
    'audit.verify': (_input, ctx) => d.audit.verify(signedIn(ctx)),
    'status.get': () => d.status.snapshot(),
    'work.open': (input, ctx) => {
      d.openWork.report(ctx.key, input.what, input.open)
      d.workChanged()
      return null
    },
    'about.get': () => d.diagnostics.about(),
    'diagnostics.export': (_input, ctx) => d.diagnostics.export(signedIn(ctx)),
    'diagnostics.reportError': (input) => d.diagnostics.reportError(input),
    'catalogue.list': () => d.catalogue.list(),
    'catalogue.update': (input, ctx) => d.catalogue.update(input, who(ctx)),
    'application.register': (input, ctx) => d.applications.register(input, signedIn(ctx)),
    'application.search': (input) => d.applications.search(input.query),
    'application.recent': (input) => d.applications.recent(input.limit),
    'application.get': (input, ctx) => d.applications.get(input.trackingNumber, signedIn(ctx)),
    'application.receipt': (input) => d.applications.preview(input.trackingNumber),
    'application.reprint': (input, ctx) =>
      d.applications.reprint(input.trackingNumber, input.reason, signedIn(ctx)),
    'print.retry': (input, ctx) => d.applications.retryPrint(input.jobId, signedIn(ctx)),
    'print.job': (input) => d.printing.job(input.jobId),
    'print.unprinted': () => d.printing.unprinted(),
    'printer.get': async () => {
      await d.printing.refreshStatus()
      return printerInfo(d.printing)
    },
    'printer.configure': (input, ctx) => {
      d.printing.configure(input, who(ctx))
      return printerInfo(d.printing)
    },
    'arrivals.openBatch': (input, ctx) => d.arrivals.open(input, signedIn(ctx)),
    'arrivals.listBatches': (input) => d.arrivals.list(input.limit),
    'arrivals.getBatch': (input) => d.arrivals.get(input.batchId),
    'arrivals.scan': (input, ctx) => d.arrivals.scan(input.batchId, input.code, signedIn(ctx)),
    'arrivals.resolveScan': (input, ctx) =>
      d.arrivals.resolve(input.scanId, input.trackingNumber, signedIn(ctx)),
    'arrivals.closeBatch': (input, ctx) => d.arrivals.close(input.batchId, signedIn(ctx)),
    'collection.lookup': (input, ctx) => d.handover.lookup(input.code, signedIn(ctx)),
    'collection.handOver': (input, ctx) =>
      d.handover.collect(input.trackingNumbers, input.collector, signedIn(ctx)),
    'shelf.move': (input, ctx) =>
      d.handover.move(input.trackingNumber, input.slot, input.reason, signedIn(ctx)),
    'shelf.flag': (input, ctx) =>
      d.handover.flag(input.trackingNumber, input.flag, input.value, input.reason, signedIn(ctx)),
    'shelf.audit': (input) => d.handover.audit(input.slot, input.codes),
    'scanner.get': () => d.scanner.info(),
    'scanner.ports': () => d.scanner.ports(),
    'scanner.configure': async (input, ctx) => {
      await d.scanner.configure(input, who(ctx))
      return d.scanner.info()
    },
    'sync.status': () => d.sync.info(),
    'sync.enrol': (input, ctx) => d.sync.enrol(input.apiUrl, input.enrolmentCode, who(ctx)),
    'sync.now': () => d.sync.now(),
    'sync.deadLetters': () => d.sync.deadLetters(),
    'sync.retryDeadLetter': (input, ctx) => d.sync.retryDeadLetter(input.seq, who(ctx)),
    'sync.exportPending': (input, ctx) => d.sync.exportPending(who(ctx), input.passphrase),
    'sync.importFile': (input, ctx) => d.sync.importFile(input.content, input.passphrase, who(ctx)),
    'backlog.summary': () => d.manager.backlog.summary(),
    'backlog.list': (input, ctx) => d.manager.backlog.list(input, signedIn(ctx)),
    'backlog.callList': (input, ctx) => d.manager.backlog.callList(input, signedIn(ctx)),
    'backlog.logCall': (input, ctx) => d.manager.backlog.logCall(input, signedIn(ctx)),
    'overdue.summary': () => d.manager.overdue.summary(),
    'overdue.list': (input, ctx) => d.manager.overdue.list(input, signedIn(ctx)),
    'analytics.turnaround': (input) => d.manager.analytics.turnaround(input.from, input.to),
    'analytics.trends': (input) => d.manager.analytics.trends(input.from, input.to, input.granularity),
    'campaign.preview': (input, ctx) => d.campaigns.preview(input, signedIn(ctx)),
    'campaign.dryRun': (input, ctx) => d.campaigns.dryRun(input, signedIn(ctx)),
    'campaign.send': (input, ctx) => d.campaigns.send(input, signedIn(ctx)),
    'campaign.list': (input) => d.campaigns.list(input.limit),
    'returns.due': (input, ctx) => d.returns.due(input.agency, input.limit, signedIn(ctx)),
    'returns.createManifest': (input, ctx) =>
      d.returns.createManifest(input.agency, input.trackingNumbers, signedIn(ctx)),
    'returns.manifest': (input, ctx) => d.returns.manifest(input.manifestId, signedIn(ctx)),
    'returns.listManifests': (input) => d.returns.list(input.limit),
    'returns.confirm': (input, ctx) => d.returns.confirm(input.manifestId, signedIn(ctx)),
    'returns.cancelManifest': (input, ctx) => d.returns.cancel(input.manifestId, signedIn(ctx)),
    'backlog.export': async ({ pin, ...filter }, ctx) =>
      d.exports.shelf(filter, await confirmed(ctx, pin, 'backlog.export')),
    'backlog.exportCallList': async ({ pin, ...filter }, ctx) =>
      d.exports.callList(filter, await confirmed(ctx, pin, 'backlog.exportCallList')),
    'overdue.export': async ({ pin, ...filter }, ctx) =>
      d.exports.overdue(filter, await confirmed(ctx, pin, 'overdue.export')),
    'returns.exportManifest': async (input, ctx) =>
      d.exports.manifest(
        input.manifestId,
        input.format,
        await confirmed(ctx, input.pin, 'returns.exportManifest'),
      ),
    'subject.find': async ({ pin, ...key }, ctx) =>
      d.subject.find(subjectKey(key), await confirmed(ctx, pin, 'subject.find')),
    'subject.export': async ({ pin, ...key }, ctx) =>
      d.subject.export(subjectKey(key), await confirmed(ctx, pin, 'subject.export')),
    'subject.erase': async ({ pin, ...key }, ctx) =>
      d.subject.erase(subjectKey(key), await confirmed(ctx, pin, 'subject.erase')),
    'printer.testPrint': async (_input, ctx) => {
      // The one print that waits for its outcome: the administrator is checking the printer.
      const r = d.printing.testPrint(who(ctx))
      return { receipt: r.preview, printJob: await r.done }
    },
  }
}

/** The contract lets exactly one of the two through. */
const subjectKey = (k: { idNumber?: string | undefined; phone?: string | undefined }): SubjectKey =>
  k.idNumber !== undefined ? { idNumber: k.idNumber } : { phone: k.phone ?? '' }

const printerInfo = (p: PrintService) => ({
  config: p.config(),
  description: p.description(),
  status: p.status(),
})
