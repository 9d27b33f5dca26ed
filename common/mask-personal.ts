/**
 * What an audit row or a log line may say about a customer: never a raw ID number or phone number (Kenya Data
 * Protection Act s. 41). The audit writer (main/db/queries/audit.ts) and the logger (main/infra/logger.ts) pass every
 * detail object through `maskPersonal`, so no caller has to remember to; receipts use the same phone mask.
 */

const BULLET = '\u2022'

/**
 * Masks a phone number: Kenyan numbers in national format keeping the first 2 and last 3 digits,
 * `+254712345123` → `07•• ••• 123` (`+254112345678` → `01•• ••• 678`). Accepts E.164, `254…` and `0…` forms.
 * Anything else keeps only its last 3 digits (`••••••• 123`) so a full number is never shown.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  let national: string | undefined
  if (/^254[17]\d{8}$/.test(digits)) national = `0${digits.slice(3)}`
  else if (/^0[17]\d{8}$/.test(digits)) national = digits
  if (national !== undefined) {
    return `${national.slice(0, 2)}${BULLET.repeat(2)} ${BULLET.repeat(3)} ${national.slice(7)}`
  }
  if (digits.length <= 3) return BULLET.repeat(3)
  return `${BULLET.repeat(digits.length - 3)} ${digits.slice(-3)}`
}

/** `23456789` → `•••••789`: the last 3 characters, as the hand-over hint says "ends 789". */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim()]
  if (chars.length <= 3) return BULLET.repeat(3)
  return BULLET.repeat(chars.length - 3) + chars.slice(-3).join('')
}

/** `Wanjiku Kamau` → `W. K.`: initials only, as the shelf slip prints the surname's. */
export function maskPersonName(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words.length === 0) return '?'
  return words.map((w) => `${[...w][0]!.toUpperCase()}.`).join(' ')
}

/**
 * Kenyan mobile numbers written inside text (an error message, a central API's reason, a scanned code):
 * `+2547…`/`2547…` (12 digits) and `07…`/`01…` (10 digits), not inside a longer run of digits.
 */
const PHONE_IN_TEXT = /(?<![\d+])(?:\+?254|0)[17]\d{8}(?!\d)/g

export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (m) => maskPhone(m))
}

/**
 * Codes a person typed or scanned at a desk: the hand-over look-up takes an ID number as well as a tracking number
 * or an agency reference, so a run of 6 to 10 digits in one (an ID number's length, not a tracking number's 12)
 * keeps only its last 3.
 */
const ID_LIKE_RUN = /(?<!\d)\d{6,10}(?!\d)/g

export function maskIdLikeRuns(text: string): string {
  return maskPhonesInText(text).replace(ID_LIKE_RUN, (m) => maskIdNumber(m))
}

/** Keys compared without case, `_` or `-`: `idNumber`, `id_number` and `ID-Number` are one key. */
const norm = (key: string): string => key.toLowerCase().replace(/[_-]/g, '')

const ID_KEYS = new Set(
  [
    'idNumber',
    'idNumbers',
    'proxyIdNumber',
    'collectorIdNumber',
    'ownerIdNumber',
    'nationalId',
    'nationalIdNumber',
    'idNo',
    'passportNumber',
  ].map(norm),
)
const PHONE_KEYS = new Set(
  ['phone', 'phones', 'phoneE164', 'phoneNumber', 'proxyPhone', 'customerPhone', 'msisdn', 'mobile'].map(
    norm,
  ),
)
const NAME_KEYS = new Set(
  ['customerName', 'customerNames', 'proxyName', 'collectorName', 'ownerName', 'subjectName'].map(norm),
)
/** Objects that stand for a person: their `name` is that person's (a proxy collector's, the customer's). */
const PERSON_KEYS = new Set(['collector', 'proxy', 'customer', 'owner', 'subject'].map(norm))
const CODE_KEYS = new Set(['code', 'codes', 'raw', 'query', 'search', 'scanned'].map(norm))
/**
 * Keys that hold tracking numbers: 12 digits that may look like `2547…`, never a phone, so text masking skips them
 * (the audit viewer filters by them).
 */
const TRACKING_KEYS = new Set(['trackingNumber', 'trackingNumbers', 'tn', 'skipped'].map(norm))

type Masker = (value: string) => string

/** Applies `mask` to a string, a number (a phone kept as a number) or each of an array's. */
function maskLeaf(value: unknown, mask: Masker): unknown {
  if (typeof value === 'string') return mask(value)
  if (typeof value === 'number' || typeof value === 'bigint') return mask(String(value))
  if (Array.isArray(value)) return value.map((v) => maskLeaf(v, mask))
  return value
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

function walk(value: unknown, inPerson: boolean, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskPhonesInText(value)
  if (Array.isArray(value)) {
    if (seen.has(value) || depth > 12) return '[…]'
    seen.add(value)
    return value.map((v) => walk(v, inPerson, depth + 1, seen))
  }
  // Dates, errors and other class instances serialise their own way; their text is not ours to rewrite.
  if (!isPlainObject(value)) return value
  if (seen.has(value) || depth > 12) return '[…]'
  seen.add(value)
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    const k = norm(key)
    if (ID_KEYS.has(k)) out[key] = maskLeaf(v, maskIdNumber)
    else if (PHONE_KEYS.has(k)) out[key] = maskLeaf(v, maskPhone)
    else if (NAME_KEYS.has(k) || (inPerson && k === 'name')) out[key] = maskLeaf(v, maskPersonName)
    else if (CODE_KEYS.has(k)) out[key] = maskLeaf(v, maskIdLikeRuns)
    else if (TRACKING_KEYS.has(k)) out[key] = v
    else out[key] = walk(v, PERSON_KEYS.has(k), depth + 1, seen)
  }
  return out
}

/**
 * A copy of `detail` fit for the audit log and the app's logs: values under keys known to hold an ID number keep
 * their last 3 characters, phones their first 2 and last 3 digits, customers' and proxies' names their initials,
 * ID-number-like digit runs in typed or scanned codes their last 3, and any Kenyan mobile number written inside
 * other text is masked too. Staff numbers, tracking numbers and
 * everything else stay as they are. The input is not changed.
 */
export function maskPersonal<T extends Record<string, unknown>>(detail: T): T {
  return walk(detail, false, 0, new WeakSet()) as T
}
