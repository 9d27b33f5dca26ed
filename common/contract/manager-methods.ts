import { z } from 'zod'
import { AGE_BUCKET_KEYS, CALL_OUTCOMES, SMS_OUTCOMES } from '../backlog-age'
import { trackingNumber } from './counter-fields'
import { empty, method } from './define'
import type {
  BacklogSummary,
  CallListRow,
  CallLogEntry,
  OverdueDocument,
  OverdueSummary,
  Page,
  ShelfDocument,
  TrendReport,
  TurnaroundReport,
} from './manager-types'

export const MANAGERS = ['manager', 'admin'] as const

const limit = z
  .number({ error: 'Page size must be a number' })
  .int('Page size must be a whole number')
  .min(1, 'Page size must be at least 1')
  .max(500, 'Page size must be at most 500')
  .default(50)
const cursor = z
  .string({ error: 'The page cursor must be text' })
  .max(100, 'The page cursor is too long')
  .regex(/^[\w.:|-]*$/, 'The page cursor is not one this app made')
  .optional()
export const serviceCode = z
  .string({ error: 'Service code must be text' })
  .trim()
  .regex(/^[A-Z0-9_]{2,24}$/, 'Service code is 2 to 24 capital letters, digits or underscores')
export const date = z
  .string({ error: 'Date is required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be written YYYY-MM-DD')
  // Date.parse rolls 2026-02-31 over to 3 March: a real day reads back as itself.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
  }, 'That date does not exist')
/** A period's own rules on any input that has `from` and `to`: in order, and at most ten years long. */
export function withPeriodRules<T extends z.ZodType<{ from: string; to: string }>>(input: T) {
  return input
    .refine((p) => p.from <= p.to, {
      message: 'The period must end on or after the day it starts',
      path: ['to'],
    })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 10 * 366 * 86_400_000, {
      message: 'The period can be at most ten years long',
      path: ['to'],
    })
}
export const period = withPeriodRules(z.strictObject({ from: date, to: date }))

/** The centre manager's shelf backlog, overdue-at-agency queue and turnaround analytics. */
export const managerMethods = {
  'backlog.summary': method<BacklogSummary>()({
    summary: 'Documents waiting on the shelf, counted by age, service, shelf slot and SMS outcome',
    access: MANAGERS,
    input: empty,
  }),
  'backlog.list': method<Page<ShelfDocument>>()({
    summary: 'One page of the documents waiting on the shelf, filtered and sorted (viewing is audited)',
    access: MANAGERS,
    input: z.strictObject({
      age: z.enum(AGE_BUCKET_KEYS, { error: 'Choose one of the age groups' }).optional(),
      serviceCode: serviceCode.optional(),
      slot: z
        .string({ error: 'Shelf slot must be text' })
        .trim()
        .min(1, 'Shelf slot is empty')
        .max(20, 'Shelf slot has at most 20 characters')
        .optional(),
      sms: z.enum(SMS_OUTCOMES, { error: 'Choose one of the SMS outcomes' }).optional(),
      sort: z
        .enum(['oldest', 'newest', 'slot'], { error: 'Sort by oldest, newest or slot' })
        .default('oldest'),
      cursor,
      limit,
    }),
  }),
  'backlog.callList': method<Page<CallListRow>>()({
    summary:
      'Documents on the shelf whose SMS failed or went to an invalid number, to phone (viewing is audited)',
    access: MANAGERS,
    input: z.strictObject({
      notCalled: z.boolean({ error: 'Not-yet-called is on or off' }).default(false),
      cursor,
      limit,
    }),
  }),
  'backlog.logCall': method<CallLogEntry>()({
    summary: 'Record the outcome of a phone call to a customer about a document on the shelf',
    multiline: ['note'],
    access: MANAGERS,
    input: z.strictObject({
      trackingNumber,
      outcome: z.enum(CALL_OUTCOMES, { error: 'Choose what happened on the call' }),
      note: z
        .string({ error: 'The note must be text' })
        .trim()
        .max(200, 'The note has at most 200 characters')
        .optional(),
    }),
  }),
  'overdue.summary': method<OverdueSummary>()({
    summary: 'Documents still at the agency past their expected-ready date, by agency and service',
    access: MANAGERS,
    input: empty,
  }),
  'overdue.list': method<Page<OverdueDocument>>()({
    summary: 'One page of the documents overdue at the agency, most overdue first (viewing is audited)',
    access: MANAGERS,
    input: z.strictObject({
      serviceCode: serviceCode.optional(),
      agency: z
        .string({ error: 'Agency must be text' })
        .trim()
        .min(2, 'Agency name is too short')
        .max(80, 'Agency name has at most 80 characters')
        .optional(),
      cursor,
      limit,
    }),
  }),
  'analytics.turnaround': method<TurnaroundReport>()({
    summary: 'Turnaround by stage per service (median and 90th percentile) and the 30-day collection rate',
    access: MANAGERS,
    input: period,
  }),
  'analytics.trends': method<TrendReport>()({
    summary: 'Arrivals, collections and average stage times per day or week',
    access: MANAGERS,
    input: withPeriodRules(
      z.strictObject({
        from: date,
        to: date,
        granularity: z.enum(['day', 'week'], { error: 'Show days or weeks' }).default('day'),
      }),
    ),
  }),
} as const
