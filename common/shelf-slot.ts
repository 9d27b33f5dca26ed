import { z } from 'zod'

/**
 * Shelf slots: where an arrived document sits until it is collected or returned to the agency.
 *
 * A slot label is `<SHELF>-<BIN>`, each part 1 to 4 capital letters or digits: 'W48-BC' (arrival ISO week 48, the
 * birth-certificate bin) in the default arrival-week scheme, or a fixed label such as 'B-07'. The labels stuck on the
 * shelves carry a barcode of `SLOT:<label>` so the shelf audit can scan them.
 */

/** What a printed shelf-label barcode starts with: `SLOT:W48-BC`. */
export const SLOT_LABEL_PREFIX = 'SLOT:'

const SLOT_LABEL_RE = /^[A-Z0-9]{1,4}-[A-Z0-9]{1,4}$/
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Largest number of documents one fixed slot may be set to hold. */
export const MAX_SLOT_CAPACITY = 500
/** Most slots a fixed scheme may list (a sanity bound on configuration, not a physical limit). */
export const MAX_FIXED_SLOTS = 2000

/** True when `label` is a well-formed slot label: `<1-4 of A-Z 0-9>-<1-4 of A-Z 0-9>`, e.g. 'W48-BC', 'B-07'. */
export function isValidSlot(label: string): boolean {
  return SLOT_LABEL_RE.test(label)
}

/**
 * The slot label in a scanned shelf-label barcode (`SLOT:B-07` → 'B-07'), or null when `text` is not one.
 * The prefix and label are read case-insensitively and the label is returned in capitals: a keyboard-mode scanner
 * with Caps Lock on types the barcode in the wrong case.
 */
export function parseSlotLabel(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed.slice(0, SLOT_LABEL_PREFIX.length).toUpperCase() !== SLOT_LABEL_PREFIX) return null
  const label = trimmed.slice(SLOT_LABEL_PREFIX.length).trim().toUpperCase()
  return isValidSlot(label) ? label : null
}

const fixedSlotSchema = z.strictObject({
  label: z
    .string({ error: 'Slot label is required' })
    .regex(SLOT_LABEL_RE, 'Slot label is 1-4 capital letters or digits, a hyphen, then 1-4 more, e.g. B-07'),
  capacity: z
    .number({ error: 'Slot capacity is required' })
    .int('Slot capacity is a whole number of documents')
    .min(1, 'Slot capacity is at least 1 document')
    .max(MAX_SLOT_CAPACITY, `Slot capacity is at most ${MAX_SLOT_CAPACITY} documents`),
})

/**
 * How a centre assigns shelf slots. `week-service` (the default) groups documents by arrival ISO week and service,
 * so "everything older than 60 days" is a few whole shelves to clear; `fixed` fills a listed set of slots in order.
 */
export const slotSchemeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('week-service') }),
    z.strictObject({
      kind: z.literal('fixed'),
      slots: z
        .array(fixedSlotSchema, { error: 'A fixed scheme needs a list of slots' })
        .min(1, 'A fixed scheme needs at least one slot')
        .max(MAX_FIXED_SLOTS, `A fixed scheme has at most ${MAX_FIXED_SLOTS} slots`)
        .superRefine((slots, ctx) => {
          const seen = new Set<string>()
          slots.forEach((slot, i) => {
            if (seen.has(slot.label)) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'label'],
                message: `Slot ${slot.label} appears more than once`,
              })
            }
            seen.add(slot.label)
          })
        }),
    }),
  ],
  { error: "Slot scheme kind is 'week-service' or 'fixed'" },
)

export type SlotScheme = z.infer<typeof slotSchemeSchema>

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD'; throws RangeError otherwise (e.g. '2025-02-30'). */
function dayNumber(dateYmd: string): number {
  const m = DATE_RE.exec(dateYmd)
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(dateYmd)}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${dateYmd}`)
  }
  return ms / DAY_MS
}

/**
 * The ISO-8601 week of a calendar date: weeks start on Monday and week 1 is the week holding the year's first
 * Thursday, so the last days of December may be week 1 of the next year and the first days of January week 52 or
 * 53 of the previous one (2027-01-01 → 2026-W53; 2024-12-30 → 2025-W01). Throws RangeError for a bad date.
 */
export function isoWeek(dateYmd: string): { year: number; week: number } {
  const day = dayNumber(dateYmd)
  // 1970-01-01 was a Thursday (ISO weekday 4); ISO weekdays run Monday = 1 … Sunday = 7.
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1
  const thursday = day - isoWeekday + 4
  const year = new Date(thursday * DAY_MS).getUTCFullYear()
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 }
}

/** Bins for the services of the default catalogue: short, and what staff already call them. */
const KNOWN_BINS: Readonly<Record<string, string>> = {
  ID_NEW: 'ID',
  ID_REPLACEMENT: 'IDR',
  BIRTH_CERT: 'BC',
  DEATH_CERT: 'DC',
  GOOD_CONDUCT: 'GC',
  SMART_DL: 'DL',
  PASSPORT: 'PP',
  MARRIAGE_CERT: 'MC',
  BUSINESS_REG: 'BR',
  SHA_CARD: 'SHA',
  KRA_PIN: 'KRA',
}

/**
 * The bin code of a service within an arrival-week shelf: 1-4 capitals or digits, the same for the same code every
 * time. Known services have fixed codes (BIRTH_CERT → 'BC'); any other code uses the first letter of each
 * underscore-separated part (NHIF_CARD → 'NC'), at most 4, or the first 4 characters of a code without underscores
 * (NHIF → 'NHIF').
 * A bin groups documents physically and is not an identity: two services may share one (documents are always found
 * by tracking number, never by bin).
 */
export function serviceBin(serviceCode: string): string {
  const code = serviceCode.trim().toUpperCase()
  const known = KNOWN_BINS[code]
  if (known !== undefined) return known
  const parts = code
    .replace(/[^A-Z0-9_]/g, '')
    .split('_')
    .filter((p) => p !== '')
  const first = parts[0]
  if (first === undefined) return 'X'
  if (parts.length === 1) return first.slice(0, 4)
  return parts
    .map((p) => p.charAt(0))
    .join('')
    .slice(0, 4)
}

/** What `assignSlot` needs to know about the document being shelved. */
export interface AssignSlotInput {
  /** The Nairobi calendar date the document arrived, 'YYYY-MM-DD'. */
  arrivedOn: string
  serviceCode: string
  /** Documents currently on the shelf per slot label (only the fixed scheme uses it); a missing label counts 0. */
  occupancy: Readonly<Record<string, number>>
}

export type AssignSlotResult = { ok: true; slot: string } | { ok: false; message: string }

export const ALL_FIXED_SLOTS_FULL_MESSAGE =
  'All fixed shelf slots are full: add slots or switch to the arrival-week scheme.'

/**
 * The slot for an arriving document.
 * - `week-service`: `W<ISO week, 2 digits>-<service bin>`, e.g. a birth certificate arriving 2026-11-26 → 'W48-BC'.
 *   The year is not in the label: week 48 of next year reuses this year's shelf, which is empty by then unless
 *   documents are kept past a year (the manager's return run clears them well before).
 * - `fixed`: the first slot, in the order listed, holding fewer documents than its capacity.
 * Never throws: a bad arrival date (a caller bug) comes back as `ok: false` with the reason.
 */
export function assignSlot(scheme: SlotScheme, input: AssignSlotInput): AssignSlotResult {
  if (scheme.kind === 'week-service') {
    let week: number
    try {
      week = isoWeek(input.arrivedOn).week
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) }
    }
    return { ok: true, slot: `W${String(week).padStart(2, '0')}-${serviceBin(input.serviceCode)}` }
  }
  for (const slot of scheme.slots) {
    if ((input.occupancy[slot.label] ?? 0) < slot.capacity) return { ok: true, slot: slot.label }
  }
  return { ok: false, message: ALL_FIXED_SLOTS_FULL_MESSAGE }
}
