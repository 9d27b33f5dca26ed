import { z } from 'zod'
import { campaignMethods } from './campaign-methods'
import { kenyanMobile } from './counter-fields'
import { method } from './define'
import { pin } from './fields'
import { managerMethods } from './manager-methods'
import type {
  CallListExport,
  ManifestExport,
  OverdueExport,
  ShelfExport,
  SubjectErasure,
  SubjectExport,
  SubjectRecord,
} from './subject-types'

const MANAGERS = ['manager', 'admin'] as const

/** The signed-in staff member's PIN, asked again: the core checks it before anything personal is read. */
const confirmPin = pin

const subjectIdNumber = z
  .string({ error: 'ID number must be text' })
  .trim()
  .regex(/^\d{6,8}$/, 'ID number is 6 to 8 digits, as on the national ID card')

/** One ID number or one phone number, never both: a request is about one person as they identify themself. */
const subjectKey = z
  .strictObject({ idNumber: subjectIdNumber.optional(), phone: kenyanMobile.optional(), pin: confirmPin })
  .refine((k) => (k.idNumber === undefined) !== (k.phone === undefined), {
    message: 'Give the customer’s ID number or their phone number (one of them)',
    path: ['idNumber'],
  })

/**
 * Exports of personal data and the data subject's requests (Data Protection Act 2019, ss. 26 and 40). Each asks for
 * the PIN again, checked by the core: a wrong PIN reads nothing and writes only its failure to the audit log.
 */
export const subjectMethods = {
  'backlog.export': method<ShelfExport>()({
    summary: 'The whole filtered shelf list for a CSV file, after the PIN is confirmed (audited)',
    access: MANAGERS,
    input: managerMethods['backlog.list'].input
      .omit({ cursor: true, limit: true })
      .extend({ pin: confirmPin }),
  }),
  'backlog.exportCallList': method<CallListExport>()({
    summary: 'The whole call list for a CSV file, after the PIN is confirmed (audited)',
    access: MANAGERS,
    input: managerMethods['backlog.callList'].input
      .omit({ cursor: true, limit: true })
      .extend({ pin: confirmPin }),
  }),
  'overdue.export': method<OverdueExport>()({
    summary: 'The whole overdue-at-agency list for a CSV file, after the PIN is confirmed (audited)',
    access: MANAGERS,
    input: managerMethods['overdue.list'].input
      .omit({ cursor: true, limit: true })
      .extend({ pin: confirmPin }),
  }),
  'returns.exportManifest': method<ManifestExport>()({
    summary: 'A return manifest to print or save as CSV, after the PIN is confirmed (audited)',
    access: MANAGERS,
    input: campaignMethods['returns.manifest'].input.extend({
      format: z.enum(['print', 'csv'], { error: 'Print or CSV' }),
      pin: confirmPin,
    }),
  }),
  'subject.find': method<SubjectRecord>()({
    summary: 'Everything held about one ID number or phone number, after the PIN is confirmed (audited)',
    access: MANAGERS,
    input: subjectKey,
  }),
  'subject.export': method<SubjectExport>()({
    summary: 'Everything held about one ID number or phone number as files for the customer (audited)',
    access: MANAGERS,
    input: subjectKey,
  }),
  'subject.erase': method<SubjectErasure>()({
    summary:
      'Erase the personal data held about one ID number or phone number where the law allows; the central API is told (audited)',
    access: MANAGERS,
    input: subjectKey,
  }),
} as const
