import { i18n } from '../../i18n/instance'

/**
 * Every action code the core writes to the audit log, with the key of its label. Keys are written out in full so the
 * key test finds them; test/unit/audit-actions.test.ts fails when main/ writes a code that is missing here. The
 * order is the action filter's.
 */
export const AUDIT_ACTIONS = {
  'auth.signIn': 'audit.actions.authSignIn',
  'auth.signIn.failed': 'audit.actions.authSignInFailed',
  'auth.signIn.refused': 'audit.actions.authSignInRefused',
  'auth.accountLocked': 'audit.actions.authAccountLocked',
  'auth.lock': 'audit.actions.authLock',
  'auth.unlock': 'audit.actions.authUnlock',
  'auth.unlock.failed': 'audit.actions.authUnlockFailed',
  'auth.unlock.refused': 'audit.actions.authUnlockRefused',
  'auth.signOut': 'audit.actions.authSignOut',
  'auth.pinChanged': 'audit.actions.authPinChanged',
  'auth.changePin.failed': 'audit.actions.authChangePinFailed',
  'auth.changePin.refused': 'audit.actions.authChangePinRefused',
  'staff.created': 'audit.actions.staffCreated',
  'staff.updated': 'audit.actions.staffUpdated',
  'staff.pinReset': 'audit.actions.staffPinReset',
  'staff.replicated': 'audit.actions.staffReplicated',
  'settings.updated': 'audit.actions.settingsUpdated',
  'settings.replicated': 'audit.actions.settingsReplicated',
  'settings.exported': 'audit.actions.settingsExported',
  'settings.imported': 'audit.actions.settingsImported',
  'setup.centreCreated': 'audit.actions.setupCentreCreated',
  'setup.centreJoined': 'audit.actions.setupCentreJoined',
  'application.viewed': 'audit.actions.applicationViewed',
  'application.reprinted': 'audit.actions.applicationReprinted',
  'application.callLogged': 'audit.actions.applicationCallLogged',
  'application.collected': 'audit.actions.applicationCollected',
  'application.moved': 'audit.actions.applicationMoved',
  'arrivals.batchOpened': 'audit.actions.arrivalsBatchOpened',
  'arrivals.unmatchedAccepted': 'audit.actions.arrivalsUnmatchedAccepted',
  'catalogue.updated': 'audit.actions.catalogueUpdated',
  'directory.conflict': 'audit.actions.directoryConflict',
  'collection.lookedUp': 'audit.actions.collectionLookedUp',
  'audit.checked': 'audit.actions.auditChecked',
  'sync.enrolled': 'audit.actions.syncEnrolled',
  'sync.deadLetterRetried': 'audit.actions.syncDeadLetterRetried',
  'sync.exported': 'audit.actions.syncExported',
  'sync.imported': 'audit.actions.syncImported',
  'backlog.listViewed': 'audit.actions.backlogListViewed',
  'backlog.export': 'audit.actions.backlogExport',
  'backlog.export.failed': 'audit.actions.backlogExportFailed',
  'backlog.export.refused': 'audit.actions.backlogExportRefused',
  'backlog.exportCallList': 'audit.actions.backlogExportCallList',
  'backlog.exportCallList.failed': 'audit.actions.backlogExportCallListFailed',
  'backlog.exportCallList.refused': 'audit.actions.backlogExportCallListRefused',
  'overdue.export': 'audit.actions.overdueExport',
  'overdue.export.failed': 'audit.actions.overdueExportFailed',
  'overdue.export.refused': 'audit.actions.overdueExportRefused',
  'agency.signedOff': 'audit.actions.agencySignedOff',
  'agency.signOff.failed': 'audit.actions.agencySignOffFailed',
  'agency.signOff.refused': 'audit.actions.agencySignOffRefused',
  'agency.exportReport': 'audit.actions.agencyExportReport',
  'returns.listViewed': 'audit.actions.returnsListViewed',
  'returns.manifestCreated': 'audit.actions.returnsManifestCreated',
  'returns.manifestViewed': 'audit.actions.returnsManifestViewed',
  'returns.manifestCancelled': 'audit.actions.returnsManifestCancelled',
  'returns.confirmed': 'audit.actions.returnsConfirmed',
  'returns.exportManifest': 'audit.actions.returnsExportManifest',
  'returns.exportManifest.failed': 'audit.actions.returnsExportManifestFailed',
  'returns.exportManifest.refused': 'audit.actions.returnsExportManifestRefused',
  'subject.find': 'audit.actions.subjectFind',
  'subject.find.failed': 'audit.actions.subjectFindFailed',
  'subject.find.refused': 'audit.actions.subjectFindRefused',
  'subject.export': 'audit.actions.subjectExport',
  'subject.export.failed': 'audit.actions.subjectExportFailed',
  'subject.export.refused': 'audit.actions.subjectExportRefused',
  'subject.erase': 'audit.actions.subjectErase',
  'subject.erase.failed': 'audit.actions.subjectEraseFailed',
  'subject.erase.refused': 'audit.actions.subjectEraseRefused',
  'privacy.erased': 'audit.actions.privacyErased',
  'diagnostics.exported': 'audit.actions.diagnosticsExported',
  'campaign.previewed': 'audit.actions.campaignPreviewed',
  'campaign.dryRun': 'audit.actions.campaignDryRun',
  'campaign.sent': 'audit.actions.campaignSent',
  'scanner.configured': 'audit.actions.scannerConfigured',
  'printer.configured': 'audit.actions.printerConfigured',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The detail fields staff meet most, named in the window's language; any other field keeps its code name. */
const FIELDS = {
  shown: 'audit.fields.shown',
  by: 'audit.fields.by',
  applications: 'audit.fields.applications',
  reminders: 'audit.fields.reminders',
  trackingNumber: 'audit.fields.trackingNumber',
  trackingNumbers: 'audit.fields.trackingNumbers',
  staffNumber: 'audit.fields.staffNumber',
  staff: 'audit.fields.staff',
  name: 'audit.fields.name',
  role: 'audit.fields.role',
  reason: 'audit.fields.reason',
  attempt: 'audit.fields.attempt',
  attempts: 'audit.fields.attempts',
  lockedUntil: 'audit.fields.lockedUntil',
  agency: 'audit.fields.agency',
  manifestId: 'audit.fields.manifestId',
  rows: 'audit.fields.rows',
  truncated: 'audit.fields.truncated',
  filter: 'audit.fields.filter',
  kind: 'audit.fields.kind',
  list: 'audit.fields.list',
  files: 'audit.fields.files',
  fileName: 'audit.fields.fileName',
  events: 'audit.fields.events',
  apiUrl: 'audit.fields.apiUrl',
  campaignId: 'audit.fields.campaignId',
  slot: 'audit.fields.slot',
  serviceCode: 'audit.fields.serviceCode',
  services: 'audit.fields.services',
  centreNumber: 'audit.fields.centreNumber',
  workstationSlot: 'audit.fields.workstationSlot',
  outcome: 'audit.fields.outcome',
  subject: 'audit.fields.subject',
  from: 'audit.fields.from',
  to: 'audit.fields.to',
} as const

const isKnown = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action)

/** The action's label; a code this build does not know (a newer PC's row, say) is shown as it is. */
export function auditActionLabel(action: string): string {
  return isKnown(action) ? i18n.t(AUDIT_ACTIONS[action]) : action
}

function fieldName(field: string): string {
  return Object.hasOwn(FIELDS, field) ? i18n.t(FIELDS[field as keyof typeof FIELDS]) : field
}

/** A value as the core stored it (already masked where it is personal), only made flat enough to read. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return value ? i18n.t('audit.yes') : i18n.t('audit.no')
  if (Array.isArray(value)) return value.map(valueText).join(', ')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldName(k)} ${valueText(v)}`)
      .join(', ')
  return String(value)
}

/** An audit row's detail as one line of "field: value" pairs; an empty detail is an empty line. */
export function auditDetailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${fieldName(k)}: ${valueText(v)}`)
    .join(' · ')
}
