import { z } from 'zod'
import { serviceSchema, type Service } from '../catalogue'
import { printerConfigSchema } from '../printer-config'
import * as c from './counter-fields'
import type {
  ApplicationDetail,
  ApplicationSummary,
  PrinterInfo,
  PrintJobInfo,
  UnprintedReceipt,
  PrintResult,
  ReceiptPreview,
  RegisterResult,
} from './counter-types'
import { empty, method } from './define'

const COUNTER_ROLES = ['clerk', 'manager', 'admin'] as const

/** The counter desk's part of the contract: catalogue, registration, search, receipts and the printer. */
export const counterMethods = {
  'catalogue.list': method<Service[]>()({
    summary: 'The service catalogue',
    access: 'staff',
    input: empty,
  }),
  'catalogue.update': method<Service>()({
    summary: 'Change one service in the catalogue',
    access: ['admin'],
    input: serviceSchema,
  }),
  'application.register': method<RegisterResult>()({
    summary: 'Register an application, mint its tracking number and queue its receipt for the printer',
    multiline: ['notes'],
    access: COUNTER_ROLES,
    input: z.strictObject({
      serviceCode: c.serviceCode,
      customerName: c.customerName,
      phone: c.kenyanMobile,
      idNumber: c.idNumber,
      agencyRef: c.agencyRef,
      language: c.language,
      smsConsent: z.boolean({ error: 'SMS consent is yes or no' }),
      notes: c.notes,
      confirmDuplicate: z
        .boolean({ error: 'Registering despite an open application is yes or no' })
        .default(false),
    }),
  }),
  'application.search': method<ApplicationSummary[]>()({
    summary: 'Find applications by tracking number, phone, ID number, agency reference or name',
    access: 'staff',
    input: z.strictObject({ query: c.searchQuery }),
  }),
  'application.recent': method<ApplicationSummary[]>()({
    summary: 'The latest applications registered on this workstation',
    access: 'staff',
    input: z.strictObject({
      limit: z
        .number({ error: 'Limit must be a number' })
        .int('Limit must be a whole number')
        .min(1, 'Limit must be at least 1')
        .max(50, 'Limit must be at most 50')
        .default(10),
    }),
  }),
  'application.get': method<ApplicationDetail>()({
    summary: 'One application with its timeline (the view is audited)',
    access: 'staff',
    input: z.strictObject({ trackingNumber: c.trackingNumber }),
  }),
  'application.receipt': method<ReceiptPreview>()({
    summary: 'The on-screen receipt of an application',
    access: 'staff',
    input: z.strictObject({ trackingNumber: c.trackingNumber }),
  }),
  'application.reprint': method<PrintResult>()({
    summary: 'Print a receipt again, with a reason (marked REPRINT, audited)',
    access: COUNTER_ROLES,
    input: z.strictObject({ trackingNumber: c.trackingNumber, reason: c.reprintReason }),
  }),
  'print.retry': method<PrintResult>()({
    summary: 'Send a failed print job to the printer again (marked COPY if the failed one may have printed)',
    access: COUNTER_ROLES,
    input: z.strictObject({ jobId: z.number({ error: 'Print job id is a number' }).int().positive() }),
  }),
  'print.job': method<PrintJobInfo>()({
    summary: 'One print job as it stands (its outcome is also pushed as print.job)',
    access: 'staff',
    input: z.strictObject({ jobId: z.number({ error: 'Print job id is a number' }).int().positive() }),
  }),
  'print.unprinted': method<UnprintedReceipt[]>()({
    summary: 'Receipts of the last 7 days that never printed (a printer fault, or the app stopped mid-print)',
    access: COUNTER_ROLES,
    input: empty,
  }),
  'printer.get': method<PrinterInfo>()({
    summary: 'Printer settings and state',
    access: 'staff',
    input: empty,
  }),
  'printer.configure': method<PrinterInfo>()({
    summary: 'Change the receipt printer settings',
    access: ['admin'],
    input: printerConfigSchema,
  }),
  'printer.testPrint': method<PrintResult>()({
    summary: 'Print a test receipt',
    access: ['admin', 'manager', 'clerk'],
    input: empty,
  }),
} as const
