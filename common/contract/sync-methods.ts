import { z } from 'zod'
import { centralApiUrl } from './central-url'
import { empty, method } from './define'
import type { DeadLetter, ImportSummary, SyncStatusInfo, TransferFile } from './sync-types'

const MANAGERS = ['manager', 'admin'] as const

/** The one-time code headquarters gives for enrolling a PC (typed in Settings → Sync, or at first run to join). */
export const enrolmentCode = z
  .string({ error: 'Enrolment code is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{6,32}$/, 'The enrolment code is 6 to 32 letters, digits or hyphens')

/** Sync with the central tracking API: enrolment, status, dead letters, and offline transfer by file. */
/** A transfer file's passphrase: chosen at export, typed again on the PC that sends the file. */
export const MIN_TRANSFER_PASSPHRASE = 10
const transferPassphrase = z
  .string({ error: 'Choose a passphrase for the file' })
  .min(MIN_TRANSFER_PASSPHRASE, `The passphrase has at least ${MIN_TRANSFER_PASSPHRASE} characters`)
  .max(200, 'The passphrase has at most 200 characters')

export const syncMethods = {
  'sync.status': method<SyncStatusInfo>()({
    summary: 'Central API connection and outbox state',
    access: 'staff',
    whileLocked: true,
    input: empty,
  }),
  'sync.enrol': method<SyncStatusInfo>()({
    summary: 'Enrol this workstation with the central API using a one-time code',
    access: ['admin'],
    input: z.strictObject({
      apiUrl: centralApiUrl,
      enrolmentCode,
    }),
  }),
  'sync.now': method<SyncStatusInfo>()({
    summary: 'Send waiting events now',
    access: 'staff',
    input: empty,
  }),
  'sync.deadLetters': method<DeadLetter[]>()({
    summary: 'Events the central API rejected, with the reason',
    access: MANAGERS,
    input: empty,
  }),
  'sync.retryDeadLetter': method<SyncStatusInfo>()({
    summary: 'Queue a rejected event again after the cause is fixed',
    access: MANAGERS,
    input: z.strictObject({ seq: z.number({ error: 'Event number is required' }).int().positive() }),
  }),
  'sync.exportPending': method<TransferFile>()({
    summary: 'Export waiting events to a file for a USB stick, sealed with a passphrase',
    access: MANAGERS,
    input: z.strictObject({ passphrase: transferPassphrase }),
  }),
  'sync.importFile': method<ImportSummary>()({
    summary: 'Send the events of a transfer file from another PC to the central API',
    multiline: ['content'],
    access: ['admin'],
    input: z.strictObject({
      content: z
        .string({ error: 'Choose a transfer file' })
        .min(1, 'The transfer file is empty')
        .max(200_000, 'The transfer file is too large for one upload here'),
      /** Needed for a sealed file; an unsealed one from an earlier version opens without. */
      passphrase: z.string().max(200, 'The passphrase has at most 200 characters').optional(),
    }),
  }),
} as const
