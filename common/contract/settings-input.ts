import { z } from 'zod'
import { slotSchemeSchema } from '../shelf-slot'
import { updateServerUrl } from './update-url'

const clockTime = (label: string) =>
  z
    .string({ error: `${label} is a time like 20:00` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} is a time like 20:00 (24-hour clock)`)

/**
 * What `settings.update` accepts, one optional field per centre setting. The centre directory checks a setting
 * that arrives from another PC against the same field, so a value this PC would refuse from a person is refused
 * from the network too.
 */
export const settingsInput = z.strictObject({
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
  smsPriceKes: z
    .number({ error: 'Price per SMS must be a number of shillings' })
    .min(0, 'Price per SMS cannot be negative')
    .max(100, 'Price per SMS must be at most KES 100')
    .optional(),
  reminderQuietStart: clockTime('Quiet hours start').optional(),
  reminderQuietEnd: clockTime('Quiet hours end').optional(),
  reminderRatePerMinute: z
    .number({ error: 'Send rate must be a number of messages per minute' })
    .int('Send rate must be whole messages per minute')
    .min(1, 'Send rate must be at least 1 message per minute')
    .max(10_000, 'Send rate must be at most 10,000 messages per minute')
    .optional(),
  reminderExclusionDays: z
    .number({ error: 'Reminder exclusion must be a number of days' })
    .int('Reminder exclusion must be whole days')
    .min(0, 'Reminder exclusion cannot be negative')
    .max(90, 'Reminder exclusion must be at most 90 days')
    .optional(),
  personalDataRetentionDays: z
    .number({ error: 'Personal data retention must be a number of days' })
    .int('Personal data retention must be whole days')
    .min(30, 'Personal data retention must be at least 30 days (a customer may come back about a document)')
    .max(3650, 'Personal data retention must be at most 3,650 days (10 years)')
    .optional(),
  updatesEnabled: z.boolean({ error: 'Automatic updates are on or off' }).optional(),
  updateUrl: updateServerUrl.optional(),
})
