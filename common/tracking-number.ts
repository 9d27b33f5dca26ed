/**
 * Tracking-number codec: mint, format, parse and check the 12-digit numbers printed on every receipt.
 * Layout `CCC WW NNNNNN K`: centre number, workstation slot, the workstation's counter passed through a keyed
 * bijective permutation (so consecutive receipts don't look consecutive), and a Damm check digit over the first 11.
 * Unique offline with no coordination, digits only (SMS, USSD, keypads, Code 128 set C), and never personal data.
 */

/** Digits in a tracking number. */
export const TRACKING_NUMBER_LENGTH = 12

/** How many counter values one workstation slot can mint: the permuted part is six digits. */
export const COUNTER_CAPACITY = 1_000_000

/** Below this many remaining counter values the workstation is warned to get a new slot (10% of capacity). */
export const COUNTER_WARNING_THRESHOLD = 100_000

/** Rounds of the Feistel network; 8 is ample for diffusion over two 3-digit halves. */
const FEISTEL_ROUNDS = 8

/** Size of each Feistel half (three decimal digits). */
const HALF = 1000

/**
 * Damm's totally anti-symmetric quasigroup of order 10 (row = interim digit, column = next digit).
 * Why this one: with it the check digit catches every single-digit error and every adjacent transposition.
 */
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
]

const DIGITS_ONLY = /^[0-9]+$/
const KEY_PATTERN = /^[0-9a-fA-F]{32}$/
/** Separators a person may type or a scanner may add: whitespace, hyphens and dots. */
const SEPARATORS = /[\s.-]/g

/** Runs the Damm quasigroup over `digits` and returns the interim digit; 0 means the string checks out. */
function dammInterim(digits: string): number {
  let interim = 0
  for (let i = 0; i < digits.length; i++) {
    const row = DAMM_TABLE[interim]
    const next = row?.[digits.charCodeAt(i) - 48]
    if (next === undefined) throw new RangeError('Damm check: only the digits 0-9 are allowed.')
    interim = next
  }
  return interim
}

/**
 * Damm check digit for a string of decimal digits.
 * Why: appending it makes any single wrong digit or swap of neighbours detectable.
 */
export function dammCheckDigit(digits: string): number {
  if (!DIGITS_ONLY.test(digits)) throw new RangeError('Damm check: expected one or more digits 0-9.')
  return dammInterim(digits)
}

/**
 * True when `digits` (data followed by its Damm check digit) is a valid Damm string.
 * Why: the one test every scanned or typed tracking number must pass before it is looked up.
 */
export function isDammValid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS_ONLY.test(digits)) return false
  return dammInterim(digits) === 0
}

/**
 * A permutation key expanded into Feistel round keys.
 * Why: deriving once and reusing it avoids re-parsing the hex key for every counter.
 */
export interface PermutationKey {
  readonly roundKeys: readonly number[]
}

/**
 * True when `key` is a well-formed permutation key: exactly 32 hexadecimal characters (128 bits).
 * Why: a workstation's stored key is checked before any number is minted with it.
 */
export function isValidPermutationKey(key: string): boolean {
  return KEY_PATTERN.test(key)
}

/** Murmur3's 32-bit finaliser: a fast, well-distributed integer mix. */
function fmix32(input: number): number {
  let h = input >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Expands a 32-hex-character key string into the round keys of the counter permutation.
 * Why: each workstation stores its own key; the same key always yields the same permutation.
 */
export function derivePermutationKey(key: string): PermutationKey {
  if (!isValidPermutationKey(key)) {
    throw new RangeError('A permutation key must be exactly 32 hexadecimal characters.')
  }
  const hex = key.toLowerCase()
  const words = [0, 1, 2, 3].map((i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0)
  const roundKeys: number[] = []
  let state = 0x9e3779b9
  for (let round = 0; round < FEISTEL_ROUNDS; round++) {
    const word = words[round % 4] ?? 0
    state = fmix32(state ^ word ^ Math.imul(round + 1, 0x27d4eb2f))
    roundKeys.push(state)
  }
  return { roundKeys }
}

/** Feistel round function: mixes a round key with a 3-digit half into 0..999. */
function roundFunction(roundKey: number, half: number): number {
  return fmix32(roundKey ^ Math.imul(half + 1, 0x9e3779b1)) % HALF
}

function resolveKey(key: string | PermutationKey): PermutationKey {
  return typeof key === 'string' ? derivePermutationKey(key) : key
}

function assertCounterValue(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= COUNTER_CAPACITY) {
    throw new RangeError(`${what} must be a whole number from 0 to ${COUNTER_CAPACITY - 1}; got ${value}.`)
  }
}

/**
 * Maps a workstation counter (0..999,999) to its permuted value, bijectively, under `key`.
 * Why: a balanced Feistel network over 1000×1000 is a bijection whatever the round function, so numbers stay
 * unique while consecutive receipts don't look consecutive.
 */
export function permuteCounter(counter: number, key: string | PermutationKey): number {
  assertCounterValue(counter, 'The counter')
  const { roundKeys } = resolveKey(key)
  let left = Math.floor(counter / HALF)
  let right = counter % HALF
  for (const roundKey of roundKeys) {
    const next = (left + roundFunction(roundKey, right)) % HALF
    left = right
    right = next
  }
  return left * HALF + right
}

/**
 * Inverse of `permuteCounter`: recovers the counter from a permuted value under the same key.
 * Why: lets tooling and tests confirm the permutation is invertible (and so collision-free).
 */
export function unpermuteCounter(value: number, key: string | PermutationKey): number {
  assertCounterValue(value, 'The permuted value')
  const { roundKeys } = resolveKey(key)
  let left = Math.floor(value / HALF)
  let right = value % HALF
  for (let round = roundKeys.length - 1; round >= 0; round--) {
    const previous = (right - roundFunction(roundKeys[round] ?? 0, left) + HALF) % HALF
    right = left
    left = previous
  }
  return left * HALF + right
}

/** What `mintTrackingNumber` needs: where the number is minted, which counter value and the workstation key. */
export interface MintTrackingNumberInput {
  /** Three digits, 001-999. */
  centreNumber: string
  /** Two digits, 01-99, unique per workstation within the centre. */
  workstationSlot: string
  /** The workstation's next counter value, 0..999,999. */
  counter: number
  /** The workstation's permutation key: 32 hexadecimal characters. */
  key: string | PermutationKey
}

function assertCentreNumber(centreNumber: string): void {
  if (!/^[0-9]{3}$/.test(centreNumber) || centreNumber === '000') {
    throw new RangeError(`The centre number must be three digits from 001 to 999; got "${centreNumber}".`)
  }
}

function assertWorkstationSlot(workstationSlot: string): void {
  if (!/^[0-9]{2}$/.test(workstationSlot) || workstationSlot === '00') {
    throw new RangeError(`The workstation slot must be two digits from 01 to 99; got "${workstationSlot}".`)
  }
}

/**
 * Mints the 12-digit tracking number for one counter value of one workstation.
 * Why: centre + slot make numbers unique across workstations with no coordination; the counter makes them
 * unique within one; the check digit catches typing mistakes.
 */
export function mintTrackingNumber(input: MintTrackingNumberInput): string {
  assertCentreNumber(input.centreNumber)
  assertWorkstationSlot(input.workstationSlot)
  assertCounterValue(input.counter, 'The counter')
  const permuted = permuteCounter(input.counter, input.key)
  const body = `${input.centreNumber}${input.workstationSlot}${String(permuted).padStart(6, '0')}`
  return `${body}${dammCheckDigit(body)}`
}

/**
 * Formats a tracking number as three groups of four digits: `0421 0738 5192`.
 * Why: that is how it is printed on receipts and read aloud.
 */
export function formatTrackingNumber(tn: string): string {
  const digits = tn.trim().replace(SEPARATORS, '')
  if (digits.length !== TRACKING_NUMBER_LENGTH || !DIGITS_ONLY.test(digits)) {
    throw new RangeError('A tracking number has 12 digits.')
  }
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)}`
}

/** Why a typed or scanned tracking number was rejected. */
export type TrackingNumberProblem = 'empty' | 'characters' | 'length' | 'check'

/** Result of `parseTrackingNumber`: the normalised 12 digits, or a reason and a message for the counter. */
export type ParseTrackingNumberResult =
  { ok: true; value: string } | { ok: false; reason: TrackingNumberProblem; message: string }

/**
 * Parses a typed, scanned or searched tracking number, tolerating spaces, hyphens and dots.
 * Why: every input path validates the number the same way and says clearly what is wrong with it.
 */
export function parseTrackingNumber(input: string): ParseTrackingNumberResult {
  const digits = input.trim().replace(SEPARATORS, '')
  if (digits.length === 0) {
    return { ok: false, reason: 'empty', message: 'Enter a tracking number.' }
  }
  if (!DIGITS_ONLY.test(digits)) {
    return { ok: false, reason: 'characters', message: 'A tracking number has digits only.' }
  }
  if (digits.length !== TRACKING_NUMBER_LENGTH) {
    return {
      ok: false,
      reason: 'length',
      message: `A tracking number has ${TRACKING_NUMBER_LENGTH} digits; this has ${digits.length}.`,
    }
  }
  if (!isDammValid(digits)) {
    return {
      ok: false,
      reason: 'check',
      message: 'This is not a valid tracking number: a digit may be wrong or two digits swapped.',
    }
  }
  return { ok: true, value: digits }
}

/**
 * The public parts of a tracking number: where it was minted.
 * Why: the permuted counter reveals nothing, and no personal data is ever encoded.
 */
export function describeTrackingNumber(tn: string): { centreNumber: string; workstationSlot: string } {
  const parsed = parseTrackingNumber(tn)
  if (!parsed.ok) throw new RangeError(parsed.message)
  return { centreNumber: parsed.value.slice(0, 3), workstationSlot: parsed.value.slice(3, 5) }
}

function assertNextCounter(nextCounter: number): void {
  if (!Number.isInteger(nextCounter) || nextCounter < 0) {
    throw new RangeError(`The next counter value must be a whole number from 0 upwards; got ${nextCounter}.`)
  }
}

/**
 * How many tracking numbers this workstation slot can still mint, given its next counter value.
 * Why: a slot has a fixed capacity of one million numbers.
 */
export function counterRemaining(nextCounter: number): number {
  assertNextCounter(nextCounter)
  return Math.max(0, COUNTER_CAPACITY - nextCounter)
}

/**
 * True when the slot has no counter values left; `mintTrackingNumber` must not be called.
 * Why: minting past capacity would reuse numbers, so the workstation needs a new slot first.
 */
export function isCounterExhausted(nextCounter: number): boolean {
  return counterRemaining(nextCounter) === 0
}

/** Formats a whole number with comma thousands separators, independent of locale data. */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * A warning once fewer than 10% of the slot's counter values remain, otherwise null.
 * Why: the administrator must assign a new workstation slot before the counter runs out.
 */
export function counterWarning(nextCounter: number): null | { remaining: number; message: string } {
  const remaining = counterRemaining(nextCounter)
  if (remaining >= COUNTER_WARNING_THRESHOLD) return null
  if (remaining === 0) {
    return {
      remaining,
      message:
        'This workstation has used all its tracking numbers. It needs a new workstation slot before it can register more documents.',
    }
  }
  const noun = remaining === 1 ? 'tracking number' : 'tracking numbers'
  return {
    remaining,
    message: `This workstation has ${groupThousands(remaining)} ${noun} left. It needs a new workstation slot before it runs out.`,
  }
}
