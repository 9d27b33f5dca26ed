import { z } from 'zod'
import { collectionMethods } from './collection-methods'
import { counterMethods } from './counter-methods'
import { enrolmentCode, syncMethods } from './sync-methods'
import { centralApiUrl } from './central-url'
import { managerMethods } from './manager-methods'
import { campaignMethods } from './campaign-methods'
import { subjectMethods } from './subject-methods'
import { settingsFileMethods } from './settings-file-methods'
import { agencyMethods } from './agency-methods'
import { diagnosticsMethods } from './diagnostics-methods'
import { empty, method } from './define'
import * as f from './fields'
import { settingsInput } from './settings-input'
import { trackingNumber } from './counter-fields'
import { OPEN_WORK_KINDS } from '../open-work'

const isoDate = (label: string) =>
  z
    .string({ error: `${label} is a date like 2026-11-29` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label} is a date like 2026-11-29`)
import type { PrintJobInfo } from './counter-types'
import type {
  AppStatus,
  AuditCheck,
  AuditEntry,
  SessionInfo,
  Settings,
  StaffSummary,
  StatusSnapshot,
} from './types'

export * from './types'
export * from './counter-types'
export * from './collection-types'
export * from './sync-types'
export * from './manager-types'
export * from './campaign-types'
export * from './subject-types'
export * from './agency-types'
export * from './diagnostics-types'
export type { Access, MethodSpec } from './define'

/**
 * The one API contract. Both transports (Electron MessagePort and the HTTP host) carry exactly these methods;
 * the dispatcher validates every input against the schema here and checks `access` before any service runs.
 * To add a method: add it here, then add its handler in `main/api/handlers.ts` (the compiler insists).
 */
export const contract = {
  'app.status': method<AppStatus>()({
    summary: 'Whether first-run setup is done, the centre, and any start-up database recovery',
    access: 'public',
    whileLocked: true,
    input: empty,
  }),
  'setup.createCentre': method<SessionInfo>()({
    summary: 'First run only: create the centre and its first administrator, and sign them in',
    access: 'public',
    input: z.strictObject({
      centreNumber: f.centreNumber,
      centreName: f.centreName,
      workstationSlot: f.workstationSlot,
      admin: z
        .strictObject(
          { staffNumber: f.staffNumber, name: f.personName, pin: f.newPin },
          { error: 'The first administrator’s staff number, name and PIN are required' },
        )
        .superRefine((a, ctx) => f.checkPinForRole('admin', a.pin, ctx, ['pin'])),
    }),
  }),
  'setup.joinCentre': method<AppStatus>()({
    summary:
      'First run only: join a centre whose other PCs are already set up, with a one-time enrolment code; staff, ' +
      'settings, catalogue and applications then come down from the central API (the catch-up in the status)',
    access: 'public',
    input: z.strictObject({
      apiUrl: centralApiUrl,
      enrolmentCode,
      centreNumber: f.centreNumber,
      workstationSlot: f.workstationSlot,
    }),
  }),
  'auth.session': method<SessionInfo | null>()({
    summary: 'The signed-in staff member of this window, or null',
    access: 'public',
    whileLocked: true,
    input: empty,
  }),
  'auth.signIn': method<SessionInfo>()({
    summary: 'Sign in with staff number and PIN',
    access: 'public',
    input: z.strictObject({ staffNumber: f.staffNumber, pin: f.pin, language: f.uiLanguage.optional() }),
  }),
  'auth.setLanguage': method<SessionInfo>()({
    summary: 'Switch the signed-in staff member’s UI language (kept for them on every PC of the centre)',
    access: 'staff',
    input: z.strictObject({ language: f.uiLanguage }),
  }),
  'auth.signOut': method<null>()({
    summary: 'Sign out of this window',
    access: 'staff',
    whileLocked: true,
    input: empty,
  }),
  'auth.lock': method<SessionInfo>()({
    summary: 'Lock this window now (the same staff member unlocks it with their PIN)',
    access: 'staff',
    whileLocked: true,
    input: empty,
  }),
  'auth.unlock': method<SessionInfo>()({
    summary: 'Unlock a locked window with the signed-in staff member’s PIN',
    access: 'staff',
    whileLocked: true,
    input: z.strictObject({ pin: f.pin }),
  }),
  'auth.activity': method<null>()({
    summary: 'The person is still at the keyboard: postpones the idle lock',
    access: 'staff',
    input: empty,
  }),
  'auth.changePin': method<SessionInfo>()({
    summary: 'Change one’s own PIN',
    access: 'staff',
    input: z.strictObject({ currentPin: f.pin, newPin: f.newPin }),
  }),
  'staff.list': method<StaffSummary[]>()({
    summary: 'All staff of the centre',
    access: ['admin', 'manager'],
    input: empty,
  }),
  'staff.create': method<StaffSummary>()({
    summary: 'Add a staff member',
    access: ['admin'],
    input: z
      .strictObject({ staffNumber: f.staffNumber, name: f.personName, role: f.role, pin: f.newPin })
      .superRefine((s, ctx) => f.checkPinForRole(s.role, s.pin, ctx, ['pin'])),
  }),
  'staff.update': method<StaffSummary>()({
    summary:
      'Change a staff member’s name, role or active flag (a promotion to manager or admin sets a new PIN)',
    access: ['admin'],
    input: z
      .strictObject({
        staffNumber: f.staffNumber,
        name: f.personName.optional(),
        role: f.role.optional(),
        active: z.boolean({ error: 'Active must be true or false' }).optional(),
        pin: f.newPin.optional(),
      })
      .superRefine((s, ctx) => f.checkPinForRole(s.role, s.pin, ctx, ['pin'])),
  }),
  'staff.resetPin': method<StaffSummary>()({
    summary: 'Set a new PIN for a staff member and clear any lockout',
    access: ['admin'],
    input: z.strictObject({ staffNumber: f.staffNumber, pin: f.newPin }),
  }),
  'settings.get': method<Settings>()({
    summary: 'Workstation settings',
    access: 'staff',
    input: empty,
  }),
  'settings.update': method<Settings>()({
    summary: 'Change workstation settings',
    multiline: ['howToCheck'],
    access: ['admin'],
    input: settingsInput,
  }),
  'audit.list': method<AuditEntry[]>()({
    summary: 'Most recent audit log entries, newest first, optionally filtered',
    access: ['admin', 'manager'],
    input: z
      .strictObject({
        limit: z
          .number({ error: 'Limit must be a number' })
          .int('Limit must be a whole number')
          .min(1, 'Limit must be at least 1')
          .max(500, 'Limit must be at most 500')
          .default(100),
        staffNumber: f.staffNumber.optional(),
        action: z
          .string({ error: 'Action must be text' })
          .trim()
          .max(60, 'Action must have at most 60 characters')
          .optional(),
        /** Nairobi calendar days, inclusive. */
        from: isoDate('From date').optional(),
        to: isoDate('To date').optional(),
        trackingNumber: trackingNumber.optional(),
      })
      .refine((i) => !i.from || !i.to || i.from <= i.to, {
        message: 'The from date must be on or before the to date',
        path: ['to'],
      }),
  }),
  'audit.verify': method<AuditCheck>()({
    summary: 'Check the audit log’s hash chain and head record; the first broken row, if any',
    access: ['admin', 'manager'],
    input: empty,
  }),
  'status.get': method<StatusSnapshot>()({
    summary: 'Printer, scanner and sync state for the status bar',
    access: 'staff',
    whileLocked: true,
    input: empty,
  }),
  'work.open': method<null>()({
    summary: 'A registration or hand-over is open (or closed) in this window: no update installs meanwhile',
    access: 'staff',
    // Allowed while locked, and never postpones the idle lock: a form left open is reported, not kept awake.
    whileLocked: true,
    input: z.strictObject({
      what: z.enum(OPEN_WORK_KINDS, { error: 'what is registration or handover' }),
      open: z.boolean({ error: 'open is true or false' }),
    }),
  }),
  ...counterMethods,
  ...collectionMethods,
  ...syncMethods,
  ...managerMethods,
  ...campaignMethods,
  ...subjectMethods,
  ...settingsFileMethods,
  ...agencyMethods,
  ...diagnosticsMethods,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>
export type MethodOutput<K extends MethodName> = Exclude<Contract[K]['output'], undefined>

/** Events the Node side pushes to the UI (produced by us, so typed rather than parsed). */
export type PushEventMap = {
  'session.changed': { session: SessionInfo | null }
  'status.changed': { status: StatusSnapshot }
  /** A serial scanner read a code (keyboard-mode scanners type into the focused field instead). */
  'scan.read': { code: string }
  /** A serial scanner sent something that is not a code (noise, too long): say so, write nothing. */
  'scan.rejected': { message: string }
  /** The same code again inside the scanner's repeat window: folded into the scan before it, shown, not acted on. */
  'scan.repeated': { code: string }
  /** A print job finished (printed or failed): registering and printing answer before the paper is out. */
  'print.job': { job: PrintJobInfo }
}
export type PushEventName = keyof PushEventMap
export const PUSH_EVENT_NAMES: readonly PushEventName[] = [
  'session.changed',
  'status.changed',
  'scan.read',
  'scan.rejected',
  'scan.repeated',
  'print.job',
]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
