/** Masking and date formatting for printed receipts: what Kenyan counter staff and the public expect to read. */

// The phone mask is the audit log's and the logs' too (common/mask-personal.ts).
export { maskPhone } from '../../common/mask-personal'

const NAIROBI = 'Africa/Nairobi'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

const nairobiParts = new Intl.DateTimeFormat('en-US', {
  timeZone: NAIROBI,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
  const p = parts.find((x) => x.type === type)
  if (p === undefined) throw new Error(`date part ${type} missing`)
  return Number(p.value)
}

/**
 * Date and time in Nairobi as staff read it: `28 Nov 2026, 14:05` (24-hour clock, no leading zero on the day).
 * Month names are ours, not the ICU locale's, so output never drifts with the Node/ICU version.
 */
export function formatDateTimeNairobi(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a time: ${epochMs}`)
  const parts = nairobiParts.formatToParts(new Date(epochMs))
  const hour = part(parts, 'hour') % 24
  const minute = part(parts, 'minute')
  return `${part(parts, 'day')} ${MONTHS[part(parts, 'month') - 1]} ${part(parts, 'year')}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** A calendar date `YYYY-MM-DD` as `Mon 7 Dec 2026`. Throws on anything that is not a real date. */
export function formatCalendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`not a real date: ${isoDate}`)
  }
  return `${WEEKDAYS[date.getUTCDay()]} ${d} ${MONTHS[mo - 1]} ${y}`
}

/** `042107385192` → `0421 0738 5192`, the way tracking numbers are printed and spoken. */
export function groupTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/(\d{4})(?=\d)/g, '$1 ')
}
