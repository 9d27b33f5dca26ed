import { z } from 'zod'
import type {
  CampaignPreview,
  CampaignSummary,
  ReturnManifest,
  ReturnManifestSummary,
  ReturnsDue,
} from './campaign-types'
import * as c from './counter-fields'
import { method } from './define'

const MANAGERS = ['manager', 'admin'] as const

const wholeDays = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number of days` })
    .int(`${label} must be whole days`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max} days`)

/** What a reminder campaign selects. Defaults: a week on the shelf, every service, not reminded in two weeks. */
export const campaignCriteria = z.strictObject({
  minDaysOnShelf: wholeDays('Days on the shelf', 3650).default(7),
  serviceCodes: z
    .array(c.serviceCode, { error: 'Services must be a list of service codes' })
    .max(50, 'Choose at most 50 services')
    .default([]),
  lastReminderOlderThanDays: wholeDays('Days since the last reminder', 365).default(14),
})

const manifestId = z
  .number({ error: 'Manifest number is required' })
  .int('Manifest number is a whole number')
  .positive('Manifest number is a whole number')

const agency = z
  .string({ error: 'Choose the agency' })
  .trim()
  .min(2, 'Choose the agency')
  .max(120, 'Agency name must have at most 120 characters')

const listLimit = (max: number, fallback: number) =>
  z
    .number({ error: 'Limit must be a number' })
    .int('Limit must be a whole number')
    .min(1, 'Limit must be at least 1')
    .max(max, `Limit must be at most ${max}`)
    .default(fallback)

/** The centre manager's reminder campaigns and returns to the agency. */
export const campaignMethods = {
  'campaign.preview': method<CampaignPreview>()({
    summary:
      'Who a reminder campaign would reach, with the message per language, SMS count, cost and schedule',
    access: MANAGERS,
    input: campaignCriteria,
  }),
  'campaign.dryRun': method<CampaignSummary>()({
    summary: 'Record a campaign as a dry run: counted and kept, nothing sent',
    access: MANAGERS,
    input: campaignCriteria,
  }),
  'campaign.send': method<CampaignSummary>()({
    summary: 'Send a reminder campaign: one SMS per phone number, paced by the send rate and quiet hours',
    access: MANAGERS,
    input: campaignCriteria,
  }),
  'campaign.list': method<CampaignSummary[]>()({
    summary: 'Past reminder campaigns, newest first',
    access: MANAGERS,
    input: z.strictObject({ limit: listLimit(200, 50) }),
  }),
  'returns.due': method<ReturnsDue>()({
    summary: 'Documents on the shelf past their retention period, by agency',
    access: MANAGERS,
    input: z.strictObject({
      agency: agency.optional(),
      limit: listLimit(2000, 500),
    }),
  }),
  'returns.createManifest': method<ReturnManifest>()({
    summary: 'Put documents past retention on a return manifest for one agency',
    access: MANAGERS,
    input: z.strictObject({
      agency,
      trackingNumbers: z
        .array(c.trackingNumber, { error: 'Choose the documents to return' })
        .min(1, 'Choose at least one document to return')
        .max(2000, 'One manifest holds at most 2,000 documents'),
    }),
  }),
  'returns.manifest': method<ReturnManifest>()({
    summary: 'One return manifest with its documents',
    access: MANAGERS,
    input: z.strictObject({ manifestId }),
  }),
  'returns.listManifests': method<ReturnManifestSummary[]>()({
    summary: 'Return manifests, newest first',
    access: MANAGERS,
    input: z.strictObject({ limit: listLimit(200, 50) }),
  }),
  'returns.confirm': method<ReturnManifest>()({
    summary: 'The agency signed for the manifest: mark its documents returned and clear their shelf slots',
    access: MANAGERS,
    input: z.strictObject({ manifestId }),
  }),
  'returns.cancelManifest': method<ReturnManifest>()({
    summary: 'Cancel an open manifest; its documents stay on the shelf',
    access: MANAGERS,
    input: z.strictObject({ manifestId }),
  }),
} as const
