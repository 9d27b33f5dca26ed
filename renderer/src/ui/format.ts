/** Date and time as Kenyan staff read them: day month year, 24-hour clock, Nairobi time. */
export function formatDateTime(ms: number | null): string {
  if (ms === null) return '—'
  return new Date(ms).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Africa/Nairobi',
  })
}

/** A calendar date `YYYY-MM-DD` as `Mon 14 Dec 2026`, as on the receipt. */
export function formatDay(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`)
  if (Number.isNaN(d.getTime())) return isoDate
  return d.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/**
 * A count and its noun, agreeing: `plural(1, 'document')` → '1 document', `plural(3, 'document')` → '3 documents',
 * `plural(1244, 'document')` → '1,244 documents'; an irregular plural is given: `plural(2, 'person', 'people')`.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : pluralForm}`
}

/** A service's turnaround as the clerk says it: 0 working days is the same day, not "in 0 working days". */
export function readyIn(turnaroundDays: number): string {
  return turnaroundDays === 0 ? 'ready the same day' : `ready in ${plural(turnaroundDays, 'working day')}`
}
