import { z } from 'zod'
import type {
  BatchDetail,
  BatchReport,
  BatchSummary,
  HandoverCandidate,
  LookupResult,
  ScannerInfo,
  ScannerPortList,
  ScanResult,
  ShelfAuditReport,
} from './collection-types'
import { scannerConfigSchema } from '../scanner-config'
import { slotNameSchema } from '../shelf-slot'
import * as c from './counter-fields'
import { method } from './define'

const DESK_ROLES = ['desk', 'manager', 'admin'] as const

const batchId = z.number({ error: 'Batch number is required' }).int().positive()

/** What a scanner or a person typed: printable, at most 64 characters (longer is never one of our codes). */
export const scannedCode = z
  .string({ error: 'Scan or type a code' })
  .trim()
  .min(1, 'Scan or type a code')
  .max(64, 'That code is too long (more than 64 characters): scan again')
  .regex(/^[\x20-\x7e]+$/, 'The code has unreadable characters: scan again')

const reason = z
  .string({ error: 'Give a reason' })
  .trim()
  .min(3, 'Give a reason (at least 3 characters)')
  .max(200, 'Reason must have at most 200 characters')

// The centre's own shelf names ('A-07', 'BOX 3', '26W49-OVERFLOW'), in the form the shelf label's barcode reads.
const slot = slotNameSchema

const collector = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('owner'), idNumber: c.idNumber }),
    z.strictObject({
      kind: z.literal('proxy'),
      name: c.customerName,
      idNumber: z
        .string({ error: 'The proxy’s ID number is required' })
        .trim()
        .regex(/^\d{6,8}$/, 'ID number is 6 to 8 digits'),
      relationship: z
        .string({ error: 'Relationship is required' })
        .trim()
        .min(2, 'Say how they are related, e.g. mother')
        .max(40),
      authorisationRef: z
        .string({ error: 'Authorisation reference is required' })
        .trim()
        .min(2, 'Enter the authorisation letter’s reference')
        .max(60),
    }),
  ],
  { error: 'Say who collects: the owner, or a proxy with their details' },
)

/** The collection desk's part of the contract: arrival batches, hand-over, shelf care and audits. */
export const collectionMethods = {
  'arrivals.openBatch': method<BatchSummary>()({
    summary: 'Open an arrival batch for documents from one agency',
    access: DESK_ROLES,
    input: z.strictObject({
      agency: z
        .string({ error: 'Agency is required' })
        .trim()
        .min(2, 'Agency is required')
        .max(120, 'Agency name must have at most 120 characters'),
      manifestRef: z.preprocess(
        (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
        z
          .string({ error: 'Manifest reference must be text' })
          .trim()
          .max(60, 'Manifest reference must have at most 60 characters')
          .optional(),
      ),
      expectedCount: z
        .number({ error: 'The expected number of documents is a number' })
        .int('The expected number of documents is a whole number')
        .min(0, 'The expected number of documents cannot be negative')
        .max(10_000, 'The expected number of documents is at most 10,000')
        .optional(),
      expected: z
        .array(scannedCode, { error: 'The expected codes must be a list' })
        .max(10_000, 'At most 10,000 expected codes')
        .default([]),
    }),
  }),
  'arrivals.listBatches': method<BatchSummary[]>()({
    summary: 'Open and recent arrival batches',
    access: DESK_ROLES,
    input: z.strictObject({
      limit: z
        .number({ error: 'Limit must be a number' })
        .int('Limit must be a whole number')
        .min(1, 'Limit must be at least 1')
        .max(100, 'Limit must be at most 100')
        .default(20),
    }),
  }),
  'arrivals.getBatch': method<BatchDetail>()({
    summary: 'One arrival batch with its scans',
    access: DESK_ROLES,
    input: z.strictObject({ batchId }),
  }),
  'arrivals.scan': method<ScanResult>()({
    summary: 'Scan a document into an arrival batch',
    access: DESK_ROLES,
    input: z.strictObject({ batchId, code: scannedCode }),
  }),
  'arrivals.resolveScan': method<ScanResult | null>()({
    summary: 'Link an unmatched scan to an application, or accept it as received-not-expected',
    access: DESK_ROLES,
    input: z.strictObject({
      scanId: z.number({ error: 'Scan number is required' }).int().positive(),
      trackingNumber: c.trackingNumber.nullable(),
    }),
  }),
  'arrivals.closeBatch': method<BatchReport>()({
    summary: 'Close an arrival batch and reconcile it against its manifest',
    access: DESK_ROLES,
    input: z.strictObject({ batchId }),
  }),
  'collection.lookup': method<LookupResult>()({
    summary:
      'What a customer can collect, from a receipt scan, tracking number, agency reference or ID number',
    access: DESK_ROLES,
    input: z.strictObject({ code: scannedCode }),
  }),
  'collection.handOver': method<HandoverCandidate[]>()({
    summary: 'Hand documents over and record who collected them',
    access: DESK_ROLES,
    input: z.strictObject({
      trackingNumbers: z
        .array(c.trackingNumber, { error: 'Choose the documents to hand over' })
        .min(1, 'Choose at least one document')
        .max(20),
      collector,
    }),
  }),
  'shelf.move': method<HandoverCandidate>()({
    summary: 'Move a document to another shelf slot',
    access: DESK_ROLES,
    input: z.strictObject({ trackingNumber: c.trackingNumber, slot, reason }),
  }),
  'shelf.flag': method<HandoverCandidate>()({
    summary: 'Mark a document missing or damaged (or clear the mark)',
    access: DESK_ROLES,
    input: z.strictObject({
      trackingNumber: c.trackingNumber,
      flag: z.enum(['missing', 'damaged'], { error: 'Mark it missing or damaged' }),
      value: z.boolean({ error: 'Say whether to set or clear the mark' }),
      reason,
    }),
  }),
  'shelf.audit': method<ShelfAuditReport>()({
    summary: 'Compare what was scanned in a shelf slot with what should be there',
    access: DESK_ROLES,
    input: z.strictObject({
      slot,
      codes: z.array(scannedCode, { error: 'The scanned codes are required' }).max(2000),
    }),
  }),
  'scanner.get': method<ScannerInfo>()({
    summary: 'Serial scanner settings and state',
    access: 'staff',
    input: z.strictObject({}),
  }),
  'scanner.ports': method<ScannerPortList>()({
    summary:
      'Serial ports on this PC, known scanner makers first (and why the system list failed, if it did)',
    access: ['admin'],
    input: z.strictObject({}),
  }),
  'scanner.configure': method<ScannerInfo>()({
    summary: 'Change the serial scanner settings',
    access: ['admin'],
    input: scannerConfigSchema,
  }),
} as const
