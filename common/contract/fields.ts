import { z } from 'zod'
import { ROLES } from '../roles'

/** Field schemas shared by several methods, each with the message a clerk should read. */

export const staffNumber = z
  .string({ error: 'Staff number is required' })
  .trim()
  .regex(/^[A-Za-z0-9]{3,12}$/, 'Staff number is 3 to 12 letters or digits')
  .transform((s) => s.toUpperCase())

export const pin = z.string({ error: 'PIN is required' }).regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits')

/**
 * What a PIN being set must be, shown under every field that sets one. It says what `pin` and `newPin` enforce:
 * a test checks that every example it gives is refused.
 */
export const NEW_PIN_HINT = '4 to 8 digits, not all one digit (1111) nor a run up or down (1234, 7890, 4321)'

/** A PIN being set: also refuses the ones anybody would guess first. */
export const newPin = pin.refine((p) => !isGuessablePin(p), {
  message: 'PIN is too easy to guess (repeated or consecutive digits)',
})

/**
 * Apostrophe look-alikes a keyboard, a phone or a pasted document puts in a name (’ right quote, ‘ left quote,
 * ʼ modifier letter) become the plain ' : names are stored, searched and printed with one apostrophe, and the SMS
 * alphabet (GSM-7) has only the plain one.
 */
const APOSTROPHE_LOOKALIKES_RE = /[\u2018\u2019\u02BC]/g
export const plainApostrophes = (s: string): string => s.replace(APOSTROPHE_LOOKALIKES_RE, "'")

export const personName = z
  .string({ error: 'Name is required' })
  .trim()
  .overwrite(plainApostrophes)
  .min(2, 'Name must have at least 2 characters')
  .max(80, 'Name must have at most 80 characters')

export const role = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` })

export const centreNumber = z
  .string({ error: 'Centre number is required' })
  .trim()
  .regex(/^\d{3}$/, 'Centre number is 3 digits, e.g. 042')
  .refine((s) => s !== '000', 'Centre number 000 is not valid')

export const workstationSlot = z
  .string({ error: 'Workstation slot is required' })
  .trim()
  .regex(/^\d{2}$/, 'Workstation slot is 2 digits, e.g. 01')
  .refine((s) => s !== '00', 'Workstation slot 00 is not valid')

export const centreName = z
  .string({ error: 'Centre name is required' })
  .trim()
  .min(3, 'Centre name must have at least 3 characters')
  .max(80, 'Centre name must have at most 80 characters')

export function isGuessablePin(p: string): boolean {
  if (/^(\d)\1+$/.test(p)) return true
  const digits = [...p].map(Number)
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10))
  return steps.size === 1 && (steps.has(1) || steps.has(9))
}
