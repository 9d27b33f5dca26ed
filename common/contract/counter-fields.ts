import { z } from 'zod'
import { normalizeKenyanMobile } from '../phone'
import { parseTrackingNumber } from '../tracking-number'
import { plainApostrophes } from './fields'

/** Field schemas of the counter desk, each with the message a clerk should read. */

/** Form fields left empty arrive as '' : treat them as not given. */
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const serviceCode = z
  .string({ error: 'Choose a service' })
  .trim()
  .regex(/^[A-Z0-9_]{2,24}$/, 'Choose a service from the list')

export const customerName = z
  .string({ error: 'Customer name is required' })
  .trim()
  .overwrite(plainApostrophes)
  .min(2, 'Customer name must have at least 2 characters')
  .max(80, 'Customer name must have at most 80 characters')
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'Customer name has letters, spaces, apostrophes, dots and hyphens only')

export const kenyanMobile = z.string({ error: 'Phone number is required' }).transform((value, ctx) => {
  const r = normalizeKenyanMobile(value)
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message })
    return z.NEVER
  }
  return r.e164
})

export const idNumber = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'ID number must be text' })
    .trim()
    .regex(/^\d{6,8}$/, 'ID number is 6 to 8 digits, as on the national ID card')
    .optional(),
)

export const agencyRef = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'Agency reference must be text' })
    .trim()
    .max(40, 'Agency reference must have at most 40 characters')
    .regex(/^[A-Za-z0-9/-]+$/, 'Agency reference has letters, digits, / and - only')
    .transform((s) => s.toUpperCase())
    .optional(),
)

export const notes = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'Notes must be text' })
    .trim()
    .max(500, 'Notes must have at most 500 characters')
    .optional(),
)

export const language = z.enum(['en', 'sw'], { error: 'Message language is English (en) or Kiswahili (sw)' })

export const trackingNumber = z.string({ error: 'Tracking number is required' }).transform((value, ctx) => {
  const r = parseTrackingNumber(value)
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message })
    return z.NEVER
  }
  return r.value
})

export const reprintReason = z
  .string({ error: 'Say why the receipt is printed again' })
  .trim()
  .min(3, 'Say why the receipt is printed again (at least 3 characters)')
  .max(200, 'Reason must have at most 200 characters')

export const searchQuery = z
  .string({ error: 'Type a tracking number, phone, ID number or name' })
  .trim()
  .min(2, 'Type at least 2 characters')
  .max(80, 'Search text must have at most 80 characters')
