import { z } from 'zod'
import { personName, role } from './contract/fields'
import { settingsInput } from './contract/settings-input'
import { UI_LANGUAGES } from './i18n/languages'

/**
 * The centre directory: staff and centre settings, shared by every PC of a centre through the central API
 * (`/v1/centres/{centre}/directory`). A change sets one field of one entry; each field is decided on its own by
 * last-writer-wins on (at, id), the same comparison on every PC and at the centre, so every copy ends up with the
 * same values whatever order the changes reached it in.
 */

export const DIRECTORY_KINDS = ['staff', 'setting'] as const
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number]

/**
 * The fields of a staff entry that replicate; `language` is the UI language they chose at sign-in. Lockouts,
 * failed attempts and last sign-in stay on the PC.
 */
export const STAFF_FIELDS = ['name', 'role', 'active', 'pinHash', 'language'] as const
export type StaffField = (typeof STAFF_FIELDS)[number]

/** A setting has one field, its value. */
export const SETTING_FIELD = 'value'

/** The centre settings: every key of `settings.update`. Printer, scanner and workstation slot are the PC's own. */
export const CENTRE_SETTING_KEYS = Object.keys(settingsInput.shape) as (keyof typeof settingsInput.shape)[]

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** `scrypt$N$r$p$salt$hash` (main/services/pin-hash.ts): only the verifier ever travels, never a PIN. */
export const PIN_HASH = /^scrypt\$\d{1,10}\$\d{1,3}\$\d{1,3}\$[A-Za-z0-9+/=]{8,200}\$[A-Za-z0-9+/=]{8,200}$/

/** The envelope of one change, as the API carries it. What its value may be depends on kind and field. */
export const directoryChangeSchema = z.strictObject({
  id: z.string().regex(UUIDV7, 'must be a lower-case UUIDv7'),
  kind: z.string().min(1).max(20),
  key: z.string().min(1).max(40),
  field: z.string().min(1).max(40),
  value: z.unknown(),
  at: z.number().int().min(0).max(253_402_300_799_999),
  by: z.string().min(1).max(32).nullable(),
  deviceId: z.string().regex(UUID, 'must be a lower-case UUID'),
})
export type DirectoryChange = z.infer<typeof directoryChangeSchema> & { kind: DirectoryKind }

const staffKey = z.string().regex(/^[A-Z0-9]{3,12}$/, 'staff number is 3 to 12 capital letters or digits')

const STAFF_VALUE: Record<StaffField, z.ZodType> = {
  name: personName,
  role,
  active: z.boolean({ error: 'active must be true or false' }),
  pinHash: z.string().regex(PIN_HASH, 'pinHash must be an scrypt verifier'),
  language: z.enum(UI_LANGUAGES, { error: 'language is en or sw' }),
}

/**
 * Why a change cannot be applied, or null when it can: an unknown kind, key or field, or a value the same rule
 * would refuse from a person at this PC (the `settings.update` field, the staff forms' name and role).
 */
export function directoryChangeProblem(c: {
  kind: string
  key: string
  field: string
  value: unknown
}): string | null {
  const first = (r: { success: boolean; error?: { issues: { message: string }[] } }): string | null =>
    r.success ? null : (r.error?.issues[0]?.message ?? 'invalid value')
  if (c.kind === 'staff') {
    const key = first(staffKey.safeParse(c.key))
    if (key) return `key: ${key}`
    if (!(STAFF_FIELDS as readonly string[]).includes(c.field))
      return `field: staff has no field ${JSON.stringify(c.field)}`
    const problem = first(STAFF_VALUE[c.field as StaffField].safeParse(c.value))
    return problem ? `value: ${problem}` : null
  }
  if (c.kind === 'setting') {
    if (!(CENTRE_SETTING_KEYS as readonly string[]).includes(c.key))
      return `key: ${JSON.stringify(c.key)} is not a centre setting`
    if (c.field !== SETTING_FIELD) return `field: a setting has only the field "value"`
    const schema = settingsInput.shape[c.key as keyof typeof settingsInput.shape]
    if (c.value === undefined || c.value === null) return 'value: a setting needs a value'
    const problem = first(schema.safeParse(c.value))
    return problem ? `value: ${problem}` : null
  }
  return `kind: ${JSON.stringify(c.kind)} is not staff or setting`
}

/** Whether change `a` wins over `b` for the same field: the later `at`, then the greater id (UUIDv7s sort by time). */
export function directoryWins(a: { at: number; id: string }, b: { at: number; id: string }): boolean {
  return a.at !== b.at ? a.at > b.at : a.id > b.id
}
