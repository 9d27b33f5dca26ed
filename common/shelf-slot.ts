import { z } from 'zod'
import { toDayNumber } from './nairobi-time'

/**
 * Shelf slots: where an arrived document sits until it is collected or returned to the agency.
 *
 * The default arrival-week scheme labels a slot `<YY>W<WW>-<BIN>`: the ISO week-year's last two digits, the ISO
 * week and the service's bin, e.g. '26W48-BC' (birth certificates that arrived in ISO week 48 of 2026), read aloud
 * "twenty-six week forty-eight, B C". The year keeps next year's week 48 off this year's shelf, and the labels sort
 * in arrival order. Labels made before the year was added ('W48-BC') are still read (see `legacyWeekLabel`).
 * Any other slot is whatever the centre calls its shelf positions: 'A-07', 'BOX 3', '26W49-OVERFLOW' — 1 to 20
 * capital letters, digits, spaces, hyphens, slashes or dots, starting and ending with a letter or digit (see
 * `normaliseSlot`). The labels stuck on the shelves carry a barcode of `SLOT:<label>` so the shelf audit can scan
 * them.
 */

/** What a printed shelf-label barcode starts with: `SLOT:26W48-BC`. */
export const SLOT_LABEL_PREFIX = 'SLOT:'

/**
 * Longest slot label. Twenty characters fit a shelf label in large type and a Code 128 barcode a desk scanner reads
 * from the shelf edge, and it is what the event payloads of every version accept (`application.moved`).
 */
export const MAX_SLOT_LENGTH = 20

const SLOT_LABEL_RE = new RegExp(`^[A-Z0-9](?:[A-Z0-9 ./-]{0,${MAX_SLOT_LENGTH - 2}}[A-Z0-9])?$`)
const LEGACY_WEEK_RE = /^W(0[1-9]|[1-4][0-9]|5[0-3])-([A-Z0-9]{1,4})$/
const DAY_MS = 86_400_000

/** What a member of staff is told when a typed slot name is not one. */
export const SLOT_NAME_MESSAGE = `A shelf slot is 1 to ${MAX_SLOT_LENGTH} letters, digits, spaces, - / or . (starting and ending with a letter or digit), e.g. A-07, BOX 3 or 26W49-OVERFLOW`

/** Largest number of documents one fixed slot may be set to hold. */
export const MAX_SLOT_CAPACITY = 500
/** Most slots a fixed scheme may list (a sanity bound on configuration, not a physical limit). */
export const MAX_FIXED_SLOTS = 2000

/** True when `label` is a slot label in normal form (capitals, single spaces), e.g. '26W48-BC', 'B-07', 'BOX 3'. */
export function isValidSlot(label: string): boolean {
  return SLOT_LABEL_RE.test(label) && !label.includes('  ')
}

/**
 * A slot name as typed or scanned, in normal form: trimmed, runs of white space made one space, capitals (staff type
 * 'box 3' and mean the shelf labelled 'BOX 3'). Null when it is not a slot name at all.
 */
export function normaliseSlot(text: string): string | null {
  const label = text.trim().replace(/\s+/g, ' ').toUpperCase()
  return isValidSlot(label) ? label : null
}

/** A slot name field: normalised, or refused with the message staff read. */
export const slotNameSchema = z.string({ error: 'Shelf slot is required' }).transform((value, ctx) => {
  const slot = normaliseSlot(value)
  if (slot === null) {
    ctx.addIssue({
      code: 'custom',
      message: value.trim() === '' ? 'Shelf slot is required' : SLOT_NAME_MESSAGE,
    })
    return z.NEVER
  }
  return slot
})

/**
 * The slot label in a scanned shelf-label barcode (`SLOT:B-07` → 'B-07'), or null when `text` is not one.
 * The prefix and label are read case-insensitively and the label is returned in normal form: a keyboard-mode scanner
 * with Caps Lock on types the barcode in the wrong case.
 */
export function parseSlotLabel(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed.slice(0, SLOT_LABEL_PREFIX.length).toUpperCase() !== SLOT_LABEL_PREFIX) return null
  return normaliseSlot(trimmed.slice(SLOT_LABEL_PREFIX.length))
}

/**
 * An arrival-week label of the form used before the year was added ('W48-BC' → week 48, bin 'BC'), or null. Such a
 * label on a shelf stands for that week and bin of every year: the documents of week 48 of several years sat on it.
 */
export function legacyWeekLabel(label: string): { week: number; bin: string } | null {
  const m = LEGACY_WEEK_RE.exec(label)
  return m?.[1] !== undefined && m[2] !== undefined ? { week: Number(m[1]), bin: m[2] } : null
}

/** The arrival-week label of ISO week `week` of ISO week-year `year` for a bin: (2026, 48, 'BC') → '26W48-BC'. */
export function weekSlotLabel(year: number, week: number, bin: string): string {
  return `${String(((year % 100) + 100) % 100).padStart(2, '0')}W${String(week).padStart(2, '0')}-${bin}`
}

const fixedSlotSchema = z.strictObject({
  label: slotNameSchema,
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

/**
 * The ISO-8601 week of a calendar date: weeks start on Monday and week 1 is the week holding the year's first
 * Thursday, so the last days of December may be week 1 of the next year and the first days of January week 52 or
 * 53 of the previous one (2027-01-01 → 2026-W53; 2024-12-30 → 2025-W01). Throws RangeError for a bad date.
 */
export function isoWeek(dateYmd: string): { year: number; week: number } {
  const day = toDayNumber(dateYmd)
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
 * - `week-service`: `<YY>W<WW>-<service bin>` from the arrival date's ISO week and ISO week-year, e.g. a birth
 *   certificate arriving 2026-11-26 → '26W48-BC'; one arriving 2024-12-30 (ISO week 1 of 2025) → '25W01-BC'.
 * - `fixed`: the first slot, in the order listed, holding fewer documents than its capacity.
 * Never throws: a bad arrival date (a caller bug) comes back as `ok: false` with the reason.
 */
export function assignSlot(scheme: SlotScheme, input: AssignSlotInput): AssignSlotResult {
  if (scheme.kind === 'week-service') {
    let week: { year: number; week: number }
    try {
      week = isoWeek(input.arrivedOn)
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) }
    }
    return { ok: true, slot: weekSlotLabel(week.year, week.week, serviceBin(input.serviceCode)) }
  }
  for (const slot of scheme.slots) {
    if ((input.occupancy[slot.label] ?? 0) < slot.capacity) return { ok: true, slot: slot.label }
  }
  return { ok: false, message: ALL_FIXED_SLOTS_FULL_MESSAGE }
}

/** Day number of the Monday of ISO week `week` of ISO week-year `year`. */
function isoWeekMonday(year: number, week: number): number {
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS
  const jan4Weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1
  return jan4 - jan4Weekday + 1 + (week - 1) * 7
}

/**
 * The year-carrying form of a slot written before labels had a year, or `slot` unchanged when it is not one.
 * A slot counts as an arrival-week slot only when it is exactly what the week scheme gave this document's service
 * ('W48-BC' for a birth certificate): a fixed slot that merely looks similar is left alone. The year is the ISO
 * week-year whose week `WW` lies nearest to `referenceDate` (the Nairobi date the document arrived), so a document
 * that arrived on 2024-12-30 in 'W01-BC' gets '25W01-BC' and one that arrived 2027-01-02 in 'W53-BC' gets
 * '26W53-BC'. The migration of stored slots and the fold of replicated events both use this, so every PC holds the
 * same label for the same document.
 */
export function upgradeLegacyWeekSlot(slot: string, referenceDate: string, serviceCode: string): string {
  const legacy = legacyWeekLabel(slot)
  if (legacy === null || legacy.bin !== serviceBin(serviceCode)) return slot
  let ref: number
  let refYear: number
  try {
    ref = toDayNumber(referenceDate)
    refYear = isoWeek(referenceDate).year
  } catch {
    return slot
  }
  let best: { year: number; distance: number } | null = null
  for (const year of [refYear - 1, refYear, refYear + 1]) {
    const monday = isoWeekMonday(year, legacy.week)
    // Week 53 exists only in long years: its Monday must still be in that ISO year.
    if (isoWeek(ymdOfDay(monday)).year !== year) continue
    const distance = Math.abs(monday + 3 - ref)
    if (best === null || distance < best.distance) best = { year, distance }
  }
  return best === null ? slot : weekSlotLabel(best.year, legacy.week, legacy.bin)
}

function ymdOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * Every stored slot a scanned shelf label stands for. A year-carrying or fixed label is itself; a label of the old
 * form ('W48-BC', still on the shelves until they are relabelled) stands for week 48's birth certificates of every
 * year, since they all sat on that one shelf.
 */
export function slotsForLabel(label: string): string[] {
  const legacy = legacyWeekLabel(label)
  if (legacy === null) return [label]
  const all = [label]
  for (let yy = 0; yy < 100; yy++) all.push(weekSlotLabel(yy, legacy.week, legacy.bin))
  return all
}
