import { z } from 'zod'
import { method } from './define'
import { pin } from './fields'
import { date, MANAGERS, period, withPeriodRules } from './manager-methods'
import type {
  AgencyReport,
  AgencyReportFiles,
  AgencyTrendReport,
  AgencyTurnaroundReport,
  AgencyBatchReport,
} from './agency-types'

const agency = z
  .string({ error: 'Agency is required' })
  .trim()
  .min(2, 'Agency name has at least 2 characters')
  .max(80, 'Agency name has at most 80 characters')

const agencyPeriod = withPeriodRules(z.strictObject({ agency, from: date, to: date }))

/** The manager's agency turnaround: on-time rates, trend, manifest discrepancies and the report to send. */
export const agencyMethods = {
  'agency.turnaround': method<AgencyTurnaroundReport>()({
    summary: 'On-time rate and days late per agency and service over a period, and what is still out',
    access: MANAGERS,
    input: period,
  }),
  'agency.trend': method<AgencyTrendReport>()({
    summary:
      'On-time rate and days late per week or month, for one agency or all; the agencies that got worse',
    access: MANAGERS,
    input: withPeriodRules(
      z.strictObject({
        from: date,
        to: date,
        granularity: z.enum(['week', 'month'], { error: 'Show weeks or months' }).default('week'),
        agency: agency.optional(),
      }),
    ),
  }),
  'agency.batches': method<AgencyBatchReport>()({
    summary: 'What the manifests of closed arrival batches missed and what came unannounced, per agency',
    access: MANAGERS,
    input: period,
  }),
  'agency.report': method<AgencyReport>()({
    summary: 'The report for one agency and period, as it would be sent (no customer names or phone numbers)',
    access: MANAGERS,
    input: agencyPeriod,
  }),
  'agency.signOff': method<AgencyReport>()({
    summary:
      'The manager signs the report off (PIN again): recorded as an event, so the central API collects it',
    access: MANAGERS,
    input: z.strictObject({ agency, from: date, to: date, pin }),
  }),
  'agency.exportReport': method<AgencyReportFiles>()({
    summary: 'The printable page and CSV of one agency report',
    access: MANAGERS,
    input: agencyPeriod,
  }),
}
