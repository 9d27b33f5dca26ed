import { UI_LANGUAGES } from '../i18n/languages'
import { z } from 'zod'
import { ROLES, type Role } from '../roles'

/** Field schemas shared by several methods, each with the message a clerk should read. */

export const staffNumber = z
  .string({ error: 'Staff number is required' })
  .trim()
  .regex(/^[A-Za-z0-9]{3,12}$/, 'Staff number is 3 to 12 letters or digits')
  .transform((s) => s.toUpperCase())

export const pin = z.string({ error: 'PIN is required' }).regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits')

/** The UI language a staff member works in. */
export const uiLanguage = z.enum(UI_LANGUAGES, { error: 'Language is English (en) or Kiswahili (sw)' })

/**
 * The fewest digits a PIN being set may have, by role. A manager's or administrator's PIN opens staff, exports and
 * erasure, so it is longer: 10^6 guesses instead of 10^4 against a stolen hash. PINs set before this rule keep
 * working; a promotion to manager or administrator sets a new one (`roleChangeNeedsNewPin`).
 */
export const MIN_PIN_DIGITS: Record<Role, number> = { clerk: 4, desk: 4, manager: 6, admin: 6 }

const PIN_HOLDER: Record<Role, string> = {
  clerk: "A counter clerk's",
  desk: "A collection desk officer's",
  manager: "A manager's",
  admin: "An administrator's",
}

/**
 * Why `pin` is too short for someone with `role`, or null. The one place this rule is written; a PIN that is not all
 * digits is left to `pin`'s own message.
 */
export function pinTooShortFor(role: Role, pin: string): string | null {
  const min = MIN_PIN_DIGITS[role]
  return /^\d*$/.test(pin) && pin.length < min ? `${PIN_HOLDER[role]} PIN has at least ${min} digits.` : null
}

/**
 * Whether changing someone's role from `from` to `to` must set a new PIN in the same change: the new role asks for
 * more digits than the old one did, and the stored hash does not say how long the PIN is.
 */
export const roleChangeNeedsNewPin = (from: Role, to: Role): boolean =>
  MIN_PIN_DIGITS[to] > MIN_PIN_DIGITS[from]

/**
 * What a PIN being set must be, shown under every field that sets one. It says what `newPin` and `pinTooShortFor`
 * enforce: a test checks that every example it gives is refused.
 */
export const newPinHint = (role: Role): string =>
  `${MIN_PIN_DIGITS[role]} to 8 digits, not all one digit (1111) nor a run up or down (1234, 7890, 4321)`

/** A PIN being set: also refuses the ones anybody would guess first. */
export const newPin = pin.refine((p) => !isGuessablePin(p), {
  message: 'PIN is too easy to guess (repeated or consecutive digits)',
})

/** Adds the role's length rule to an input holding a role and a PIN being set (`pin` at `path`). */
export function checkPinForRole(
  role: Role | undefined,
  p: unknown,
  ctx: z.RefinementCtx,
  path: string[],
): void {
  if (role === undefined || typeof p !== 'string') return
  const problem = pinTooShortFor(role, p)
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path })
}

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
