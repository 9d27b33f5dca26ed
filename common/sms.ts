import type { i18n as I18n, TFunction } from 'i18next'
import { createI18n, type UiLanguage } from './i18n'
import { formatTrackingNumber } from './tracking-number'

/**
 * SMS text: GSM-7 / UCS-2 length and segment counting, and the customer messages the central API sends for us.
 *
 * Every customer message is built to fit ONE GSM-7 segment (160 septets): one segment is one charge, and a message
 * with a single non-GSM character (a '•', a curly quote, an accented letter outside the alphabet) would switch the
 * whole text to UCS-2 and split at 70 characters.
 */

/**
 * The GSM 03.38 / 3GPP TS 23.038 default alphabet (one septet each), in table order. The escape code 0x1B is left
 * out: it is not a character, it introduces the extension table.
 */
export const GSM7_BASIC: ReadonlySet<string> = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' +
    'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
    '¿abcdefghijklmnopqrstuvwxyzäöñüà',
)

/** The default alphabet's extension table: each is sent as ESC plus one septet, so it counts 2. */
export const GSM7_EXTENDED: ReadonlySet<string> = new Set('\f^{}\\[~]|€')

/** Septets in one single-segment GSM-7 message, and per part of a concatenated one (7 go to the UDH). */
export const GSM7_SINGLE = 160
export const GSM7_PART = 153
/** UTF-16 units in one single-segment UCS-2 message, and per part of a concatenated one. */
export const UCS2_SINGLE = 70
export const UCS2_PART = 67

/** Septets `text` needs in GSM-7 (extension characters count 2), or null when a character is outside GSM-7. */
export function gsm7Length(text: string): number | null {
  let septets = 0
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1
    else if (GSM7_EXTENDED.has(ch)) septets += 2
    else return null
  }
  return septets
}

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2'
  /** Messages charged: 1 up to the single-segment limit (an empty text is still one message), else the parts. */
  segments: number
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number
}

/**
 * Parts of a concatenated message when each holds `perPart` units and no character may be split across two parts
 * (an ESC and its septet, or a surrogate pair, move whole to the next part, as handsets and SMSCs do).
 */
function packParts(sizes: readonly number[], perPart: number): number {
  let parts = 1
  let used = 0
  for (const size of sizes) {
    if (used + size > perPart) {
      parts++
      used = 0
    }
    used += size
  }
  return parts
}

/** How `text` would be sent: GSM-7 when every character is in the alphabet, otherwise UCS-2; and how many parts. */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text]
  const septets = gsm7Length(text)
  if (septets !== null) {
    const segments =
      septets <= GSM7_SINGLE
        ? 1
        : packParts(
            chars.map((ch) => (GSM7_EXTENDED.has(ch) ? 2 : 1)),
            GSM7_PART,
          )
    return { encoding: 'GSM-7', segments, units: septets }
  }
  const units = text.length
  const segments =
    units <= UCS2_SINGLE
      ? 1
      : packParts(
          chars.map((ch) => ch.length),
          UCS2_PART,
        )
  return { encoding: 'UCS-2', segments, units }
}

/** The customer's language for messages: the application's `language`, one of the UI's two. */
export type MessageLanguage = UiLanguage

/** What the ready and reminder messages need. */
export interface CollectionMessageInput {
  language: MessageLanguage
  /** The centre's name, e.g. 'GPO' or 'Huduma Centre Nyeri'; normalised to plain GSM-7 and shortened if need be. */
  centreName: string
  /** One or more 12-digit tracking numbers for the same phone (any grouping; duplicates are listed once). */
  trackingNumbers: readonly string[]
  /** The last day the document(s) can be collected before they go back to the agency, 'YYYY-MM-DD'. */
  collectBy: string
}

/** The month keys of the deadline's date, January first (common/i18n/{en,sw}/sms.ts hold the abbreviations). */
const MONTHS = [
  'sms.months.jan',
  'sms.months.feb',
  'sms.months.mar',
  'sms.months.apr',
  'sms.months.may',
  'sms.months.jun',
  'sms.months.jul',
  'sms.months.aug',
  'sms.months.sep',
  'sms.months.oct',
  'sms.months.nov',
  'sms.months.dec',
] as const

/** The parts of one kind of message in one language; the texts are in common/i18n/{en,sw}/sms.ts. */
interface Wording {
  /** 'Huduma GPO: ' (ready) or 'Huduma GPO reminder: ' (reminder); 'Huduma: ' when the name had to go. */
  head(centre: string): string
  /** 'your document 0420 3671 4272 is …' for one number, 'your 2 documents (…) are …' for more. */
  documents(count: number, numbers: string): string
  andMore(count: number): string
  tail(date: string): string
  month(index: number): string
}

type Kind = 'ready' | 'reminder'

function wording(t: TFunction, kind: Kind): Wording {
  const andMore = (count: number): string => t('sms.andMore', { count })
  const tail = (date: string): string => t('sms.tail', { date })
  const month = (index: number): string => {
    const key = MONTHS[index]
    return key === undefined ? '' : t(key)
  }
  if (kind === 'ready') {
    return {
      andMore,
      tail,
      month,
      head: (centre: string): string =>
        centre === '' ? t('sms.ready.headNoCentre') : t('sms.ready.head', { centre }),
      documents: (count: number, numbers: string): string => t('sms.ready.documents', { count, numbers }),
    }
  }
  return {
    andMore,
    tail,
    month,
    head: (centre: string): string =>
      centre === '' ? t('sms.reminder.headNoCentre') : t('sms.reminder.head', { centre }),
    documents: (count: number, numbers: string): string => t('sms.reminder.documents', { count, numbers }),
  }
}

/** Letters with no Unicode decomposition and their plain spellings; everything else falls to NFKD + mark removal. */
const TRANSLITERATE: Readonly<Record<string, string>> = {
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  ß: 'ss',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  ı: 'i',
  Þ: 'Th',
  þ: 'th',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u02bc': "'",
  '`': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
}

/** Characters kept in a centre name: plain letters, digits, space and a little harmless punctuation. */
const CENTRE_DISALLOWED_RE = /[^A-Za-z0-9 .,'&()/-]/g
/** "Huduma", "Huduma Centre" or "Huduma Center" at the start: the message already says "Huduma". */
const HUDUMA_PREFIX_RE = /^huduma(?:\s+cent(?:re|er))?(?![a-z0-9])[\s,:-]*/i

/**
 * A centre name reduced to plain GSM-7 that costs one septet per character: diacritics stripped (Murang'a,
 * Nyeri, Thika ok; 'Kakamega Ñdogo' → 'Kakamega Ndogo'), curly quotes and dashes made plain, anything else
 * (bullets, emoji, extension characters such as '[') replaced by a space, spaces collapsed, and a leading
 * "Huduma Centre" dropped because every message starts with "Huduma".
 */
export function gsm7CentreName(name: string): string {
  const plain = [...name]
    .map((ch) => TRANSLITERATE[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(CENTRE_DISALLOWED_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.replace(HUDUMA_PREFIX_RE, '').trim()
}

/**
 * The longest run of whole words from the start of `name` that fits in `max` characters (words end at spaces,
 * hyphens and slashes), without dangling punctuation; '' when not even the first word fits. Never cuts a word.
 */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name
  let best = ''
  for (const boundary of name.matchAll(/[\s/-]/g)) {
    const candidate = name.slice(0, boundary.index).replace(/[\s.,'&(/-]+$/, '')
    if (candidate.length > max) break
    best = candidate
  }
  return best
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** '2027-02-14' → '14 Feb 2027' (Kiswahili month abbreviations for 'sw'). Throws RangeError for a bad date. */
function formatDate(date: string, month: (index: number) => string): string {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`collectBy is not a date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const back = new Date(Date.UTC(y, mo - 1, d))
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`collectBy is not a calendar date: ${date}`)
  }
  return `${d} ${month(mo - 1)} ${y}`
}

/** Stands for the list while the sentence around it is worded (a control character no message may contain). */
const LIST = '\u0000'

/** The text before and after the one `mark` in `text`; `after` is undefined when `mark` is not there exactly once. */
function splitAround(text: string, mark: string): [string, string | undefined] {
  const parts = text.split(mark)
  return parts.length === 2 ? [parts[0] ?? '', parts[1]] : [text, undefined]
}

function buildMessage(wording: Wording, input: CollectionMessageInput): string {
  const numbers = [...new Set(input.trackingNumbers.map((tn) => formatTrackingNumber(tn)))]
  if (numbers.length === 0) throw new RangeError('A message needs at least one tracking number.')
  const date = formatDate(input.collectBy, wording.month)
  const centre = gsm7CentreName(input.centreName)

  // The parts that do not change while the message is fitted are worded once: a reminder campaign words a message
  // per phone, and fitting a long list tries each shorter one.
  const tail = wording.tail(date)
  const bareHead = wording.head('')
  const [before, after] = splitAround(wording.documents(numbers.length, LIST), LIST)

  // Order of sacrifice: first the centre name loses words from the end (down to its first word), then numbers
  // give way to "and N more" one by one, and with only the first number left the name goes if it must.
  for (let listed = numbers.length; listed >= 1; listed--) {
    const list =
      numbers.slice(0, listed).join(', ') +
      (listed < numbers.length ? wording.andMore(numbers.length - listed) : '')
    const body = after === undefined ? wording.documents(numbers.length, list) : `${before}${list}${after}`
    const room = GSM7_SINGLE - (gsm7Length(`${bareHead}${body}${tail}`) ?? Infinity) - 1
    const name = shorten(centre, room)
    if (name === '' && centre !== '' && listed > 1) continue
    const text = `${name === '' ? bareHead : wording.head(name)}${body}${tail}`
    if ((gsm7Length(text) ?? Infinity) <= GSM7_SINGLE) return text
  }
  throw new RangeError(`Cannot fit a message for ${numbers.length} documents into one SMS.`)
}

/**
 * The two customer messages, worded by an i18next instance of their own (common/i18n/{en,sw}/sms.ts): make one per
 * use site (the notification run, a campaign) and it serves both languages; each message takes the language of its
 * input, never one left set by the last customer.
 */
export function createSmsTexts(i18n: I18n = createI18n()) {
  const wordings = new Map<string, Wording>()
  const of = (kind: Kind, language: MessageLanguage): Wording => {
    const key = `${kind}:${language}`
    let w = wordings.get(key)
    if (!w) {
      w = wording(i18n.getFixedT(language), kind)
      wordings.set(key, w)
    }
    return w
  }
  return {
    /** See `readyMessage`. */
    ready: (input: CollectionMessageInput): string => buildMessage(of('ready', input.language), input),
    /** See `reminderMessage`. */
    reminder: (input: CollectionMessageInput): string => buildMessage(of('reminder', input.language), input),
  }
}
export type SmsTexts = ReturnType<typeof createSmsTexts>

/**
 * The "ready for collection" SMS, always one GSM-7 segment (≤ 160 septets, plain characters only). E.g.
 * 'Huduma GPO: your document 0420 3671 4272 is ready for collection. Bring your ID and receipt. Collect by
 * 14 Feb 2027.'; for several numbers 'your 2 documents (0420 3671 4272, 0420 3671 4281) are ready…'. When it would
 * not fit, the centre name is shortened, then the list ends in 'and N more'. Throws RangeError for an empty list, a
 * number that is not 12 digits or a bad date.
 */
export function readyMessage(input: CollectionMessageInput): string {
  return createSmsTexts().ready(input)
}

/**
 * The reminder SMS for documents still on the shelf, with the same one-segment guarantee and rules as
 * `readyMessage`: 'Huduma GPO reminder: your document 0420 3671 4272 is still waiting for collection. Bring your ID
 * and receipt. Collect by 14 Feb 2027.'
 */
export function reminderMessage(input: CollectionMessageInput): string {
  return createSmsTexts().reminder(input)
}
