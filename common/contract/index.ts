import { z } from 'zod'
import { collectionMethods } from './collection-methods'
import { counterMethods } from './counter-methods'
import { syncMethods } from './sync-methods'
import { empty, method } from './define'
import * as f from './fields'
import { slotSchemeSchema } from '../shelf-slot'
import type { AppStatus, AuditEntry, SessionInfo, Settings, StaffSummary, StatusSnapshot } from './types'

export * from './types'
export * from './counter-types'
export * from './collection-types'
export * from './sync-types'
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
      admin: z.strictObject(
        { staffNumber: f.staffNumber, name: f.personName, pin: f.newPin },
        { error: 'The first administrator’s staff number, name and PIN are required' },
      ),
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
    input: z.strictObject({ staffNumber: f.staffNumber, pin: f.pin }),
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
  'auth.changePin': method<null>()({
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
    input: z.strictObject({ staffNumber: f.staffNumber, name: f.personName, role: f.role, pin: f.newPin }),
  }),
  'staff.update': method<StaffSummary>()({
    summary: 'Change a staff member’s name, role or active flag',
    access: ['admin'],
    input: z.strictObject({
      staffNumber: f.staffNumber,
      name: f.personName.optional(),
      role: f.role.optional(),
      active: z.boolean({ error: 'Active must be true or false' }).optional(),
    }),
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
    access: ['admin'],
    input: z.strictObject({
      idleLockMinutes: z
        .number({ error: 'Idle lock must be a number of minutes' })
        .int('Idle lock must be whole minutes')
        .min(1, 'Idle lock must be at least 1 minute')
        .max(60, 'Idle lock must be at most 60 minutes')
        .optional(),
      statusUrlBase: z
        .url({ protocol: /^https?$/, error: 'Status URL must start with https:// or http://' })
        .max(200, 'Status URL must have at most 200 characters')
        .optional(),
      howToCheck: z
        .string()
        .trim()
        .min(10, 'How-to-check text must have at least 10 characters')
        .max(300, 'How-to-check text must have at most 300 characters')
        .optional(),
      readyGraceMinutes: z
        .number({ error: 'Grace time must be a number of minutes' })
        .int('Grace time must be whole minutes')
        .min(0, 'Grace time cannot be negative')
        .max(24 * 60, 'Grace time must be at most a day (1440 minutes)')
        .optional(),
      slotScheme: slotSchemeSchema.optional(),
      printShelfSlip: z.boolean({ error: 'Shelf slips are on or off' }).optional(),
    }),
  }),
  'audit.list': method<AuditEntry[]>()({
    summary: 'Most recent audit log entries, newest first',
    access: ['admin', 'manager'],
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      staffNumber: f.staffNumber.optional(),
      action: z.string().trim().max(60).optional(),
    }),
  }),
  'status.get': method<StatusSnapshot>()({
    summary: 'Printer, scanner and sync state for the status bar',
    access: 'staff',
    whileLocked: true,
    input: empty,
  }),
  ...counterMethods,
  ...collectionMethods,
  ...syncMethods,
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
}
export type PushEventName = keyof PushEventMap
export const PUSH_EVENT_NAMES: readonly PushEventName[] = [
  'session.changed',
  'status.changed',
  'scan.read',
  'scan.rejected',
]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
