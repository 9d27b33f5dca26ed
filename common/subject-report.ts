import type { SubjectApplication, SubjectRecord } from './contract'
import { toCsv, type CsvRow } from './csv'
import { formatKenyanMobile } from './phone'
import { nairobiDate } from './nairobi-time'
import { formatTrackingNumber } from './tracking-number'

/** What each recorded step means, for a customer reading their own file. */
const EVENT_LABELS: Record<string, string> = {
  'application.registered': 'Registered at the counter',
  'application.arrived': 'Document arrived from the agency and put on the shelf',
  'application.moved': 'Moved to another shelf slot',
  'application.missing': 'Marked missing from its shelf slot',
  'application.missingCleared': 'Found again on the shelf',
  'application.damaged': 'Marked damaged',
  'application.damagedCleared': 'Damage mark cleared',
  'application.collected': 'Handed over',
  'application.returned': 'Returned to the agency',
  'application.cancelled': 'Cancelled',
  'application.callLogged': 'Phone call recorded',
  'notification.ready': 'SMS: document ready',
  'notification.reminder': 'SMS: reminder to collect',
}

const STATUS_LABELS: Record<SubjectApplication['status'], string> = {
  registered: 'Waiting for the document from the agency',
  arrived: 'On the shelf, ready to collect',
  collected: 'Collected',
  returned: 'Returned to the agency',
  cancelled: 'Cancelled',
}

const when = (t: number | null): string =>
  t === null
    ? ''
    : new Date(t).toLocaleString('en-GB', {
        timeZone: 'Africa/Nairobi',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })

const text = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object'
      ? Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => `${k}: ${text(x)}`)
          .join('; ')
      : typeof v === 'string' && /^\+254\d{9}$/.test(v)
        ? formatKenyanMobile(v)
        : String(v)

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * One line per fact: the same lines make the CSV, the printable page and what the manager sees on screen, so the
 * customer is handed exactly what was shown.
 */
export function subjectFacts(r: SubjectRecord): CsvRow[] {
  const rows: CsvRow[] = []
  for (const a of r.applications) {
    const tn = formatTrackingNumber(a.trackingNumber)
    const fact = (at: number | null, what: string, details: string) =>
      rows.push([tn, a.serviceName, when(at), what, details])
    fact(
      a.registeredAt,
      'Details held',
      [
        `Name: ${a.customerName}`,
        `Phone: ${formatKenyanMobile(a.phone)}`,
        `ID number: ${a.idNumber ?? '(none given)'}`,
        a.agencyRef ? `Agency reference: ${a.agencyRef}` : null,
        `SMS language: ${a.language === 'sw' ? 'Kiswahili' : 'English'}`,
        `Agreed to SMS: ${a.smsConsent ? 'yes' : 'no'}`,
        a.notes ? `Notes: ${a.notes}` : null,
        `Status: ${STATUS_LABELS[a.status]}`,
        a.shelfSlot ? `Shelf slot: ${a.shelfSlot}` : null,
      ]
        .filter(Boolean)
        .join('; '),
    )
    if (a.collector) fact(a.collectedAt, 'Who collected', text(a.collector))
    for (const e of a.events) fact(e.at, EVENT_LABELS[e.type] ?? e.type, text(e.details))
    for (const n of a.notifications)
      fact(n.sentAt ?? n.dueAt, `SMS (${n.kind})`, [n.status, n.skipReason].filter(Boolean).join(': '))
    for (const d of a.deliveryOutcomes) fact(d.at, 'SMS delivery report', d.outcome)
    for (const c of a.calls) fact(c.at, 'Phone call', [c.outcome, c.note].filter(Boolean).join(': '))
    for (const m of a.returnManifests)
      fact(null, `Return manifest No. ${m.manifestId}`, `${m.agency}: ${m.outcome ?? 'listed'}`)
  }
  for (const m of r.reminders)
    rows.push([
      m.trackingNumbers.map(formatTrackingNumber).join(' '),
      '',
      when(m.sentAt ?? m.dueAt),
      'Reminder SMS',
      `${formatKenyanMobile(m.phone)}: ${m.status}`,
    ])
  return rows
}

export const SUBJECT_FACT_HEADER = [
  'Tracking number',
  'Service',
  'When (Nairobi time)',
  'What',
  'Details',
] as const

function page(r: SubjectRecord, rows: CsvRow[]): string {
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td>${esc(String(c ?? ''))}</td>`).join('')}</tr>`)
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Personal data held by ${esc(r.centreName)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111 }
h1 { font-size: 22px } table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #eee } @media print { body { margin: 0 } }
</style></head><body>
<h1>Personal data held by ${esc(r.centreName)} (centre ${esc(r.centreNumber)})</h1>
<p>Everything this centre's workstation holds about the ${r.by === 'idNumber' ? 'ID number' : 'phone number'}
<b>${esc(r.by === 'phone' ? formatKenyanMobile(r.value) : r.value)}</b>, as held on ${esc(when(r.at))}:
${r.applications.length} application(s) and ${r.reminders.length} reminder SMS.
${r.truncated ? '<b>More applications matched than one file holds: ask the centre manager for the rest.</b>' : ''}</p>
<p>Under the Data Protection Act 2019 you may ask for a mistake to be corrected and, where the law allows, for
this data to be erased. Ask the centre manager.</p>
<table><thead><tr>${SUBJECT_FACT_HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${body || '<tr><td colspan="5">Nothing is held about this person.</td></tr>'}
</tbody></table>
</body></html>
`
}

/**
 * The files handed to the customer: a page they (or the officer) can open and print, and the same lines as CSV for
 * a spreadsheet. Neither file name carries the ID number or phone: a Downloads folder is not private.
 */
export function subjectFiles(r: SubjectRecord): { name: string; mime: string; content: string }[] {
  const rows = subjectFacts(r)
  const base = `personal-data-${r.centreNumber}-${nairobiDate(r.at)}`
  return [
    { name: `${base}.html`, mime: 'text/html;charset=utf-8', content: page(r, rows) },
    { name: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: toCsv(SUBJECT_FACT_HEADER, rows) },
  ]
}
