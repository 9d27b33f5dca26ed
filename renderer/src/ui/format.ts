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
