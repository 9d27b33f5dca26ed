import type { AgencyReport, LatenessStats, StillOut } from './contract'
import { toCsv, type CsvRow } from './csv'
import { formatTrackingNumber } from './tracking-number'

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const pct = (r: number | null): string => (r === null ? '' : `${Math.round(r * 1000) / 10}%`)
const num = (n: number | null): string => (n === null ? '' : String(n))

const when = (t: number): string =>
  new Date(t).toLocaleString('en-GB', {
    timeZone: 'Africa/Nairobi',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** The columns of the CSV: one line per figure set (agency, service), manifest total and overdue document. */
export const AGENCY_REPORT_HEADER = [
  'Section',
  'Name',
  'Arrived',
  'On time',
  'On-time rate',
  'Late',
  'Median days late',
  '90th percentile days late',
  'Worst days late',
  'Still out',
  'Still out past expected-ready',
  'Batches against a manifest',
  'On the manifests',
  'Received',
  'Missing',
  'Unannounced',
  'Tracking number',
  'Agency reference',
  'Expected ready',
  'Days late',
] as const

const stats = (s: LatenessStats & StillOut): CsvRow => [
  s.arrived,
  s.onTime,
  pct(s.onTimeRate),
  s.late,
  num(s.medianDaysLate),
  num(s.p90DaysLate),
  num(s.worstDaysLate),
  s.stillOut,
  s.stillOutOverdue,
]
const blank = (n: number): CsvRow => Array.from({ length: n }, () => '')

/** The report's lines, as the CSV holds them (no customer names or phone numbers: the report carries none). */
export function agencyReportRows(r: AgencyReport): CsvRow[] {
  const b = r.batches
  return [
    ['Agency', r.agency, ...stats(r.figures), ...blank(9)],
    ...r.worstServices.map((s): CsvRow => ['Service', s.serviceName, ...stats(s), ...blank(9)]),
    [
      'Manifests',
      r.agency,
      ...blank(9),
      b.batches,
      b.expected,
      b.received,
      b.missing,
      b.unannounced,
      ...blank(4),
    ],
    ...r.overdue.map((o): CsvRow => [
      'Overdue at the agency',
      o.serviceName,
      ...blank(14),
      formatTrackingNumber(o.trackingNumber),
      o.agencyRef ?? '',
      o.expectedReady,
      o.daysLate,
    ]),
  ]
}

function page(r: AgencyReport): string {
  const f = r.figures
  const b = r.batches
  const serviceRows = r.worstServices
    .map(
      (s) =>
        `<tr><td>${esc(s.serviceName)}</td><td>${s.arrived}</td><td>${esc(pct(s.onTimeRate))}</td>` +
        `<td>${esc(num(s.medianDaysLate))}</td><td>${esc(num(s.p90DaysLate))}</td>` +
        `<td>${esc(num(s.worstDaysLate))}</td><td>${s.stillOut}</td><td>${s.stillOutOverdue}</td></tr>`,
    )
    .join('\n')
  const overdueRows = r.overdue
    .map(
      (o) =>
        `<tr><td>${esc(formatTrackingNumber(o.trackingNumber))}</td><td>${esc(o.serviceName)}</td>` +
        `<td>${esc(o.agencyRef ?? '')}</td><td>${esc(o.expectedReady)}</td><td>${o.daysLate}</td></tr>`,
    )
    .join('\n')
  const signed = r.signedOff
    ? `Signed off by ${esc(r.signedOff.name)} (${esc(r.signedOff.staffNumber)}) on ${esc(when(r.signedOff.at))}.`
    : 'Not signed off yet.'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Turnaround report: ${esc(r.agency)}, ${esc(r.from)} to ${esc(r.to)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111 }
h1 { font-size: 22px } h2 { font-size: 17px; margin-top: 1.4em } table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #eee } @media print { body { margin: 0 } }
</style></head><body>
<h1>Turnaround report: ${esc(r.agency)}</h1>
<p>From ${esc(r.centreName)} (centre ${esc(r.centreNumber)}), for documents that arrived from ${esc(r.from)} to
${esc(r.to)}. A document is on time when it arrived on or before the expected-ready date printed on its receipt;
days late count calendar days after that date.</p>
<h2>Figures</h2>
<table><tbody>
<tr><th>Documents arrived</th><td>${f.arrived}</td></tr>
<tr><th>On time</th><td>${f.onTime} (${esc(pct(f.onTimeRate) || 'none arrived')})</td></tr>
<tr><th>Late</th><td>${f.late}</td></tr>
<tr><th>Days late: median, 90th percentile, worst</th><td>${esc(num(f.medianDaysLate) || '–')}, ${esc(num(f.p90DaysLate) || '–')}, ${esc(num(f.worstDaysLate) || '–')}</td></tr>
<tr><th>Still at the agency today</th><td>${f.stillOut}, of which ${f.stillOutOverdue} past their expected-ready date</td></tr>
</tbody></table>
<h2>Services, lowest on-time rate first</h2>
<table><thead><tr><th>Service</th><th>Arrived</th><th>On time</th><th>Median days late</th><th>90th percentile</th>
<th>Worst</th><th>Still out</th><th>Past expected-ready</th></tr></thead>
<tbody>
${serviceRows || '<tr><td colspan="8">No documents of this agency in the period.</td></tr>'}
</tbody></table>
<h2>Manifests</h2>
<p>${b.batches} arrival batch(es) closed against a manifest: ${b.expected} document(s) listed, ${b.received} received,
${b.missing} missing, ${b.unannounced} unannounced.</p>
<h2>Documents still at the agency past their expected-ready date, oldest first</h2>
<table><thead><tr><th>Tracking number</th><th>Service</th><th>Agency reference</th><th>Expected ready</th>
<th>Days late</th></tr></thead>
<tbody>
${overdueRows || '<tr><td colspan="5">None.</td></tr>'}
</tbody></table>
${r.overdueTruncated ? `<p><b>Only the oldest ${r.overdue.length} are listed; the figures above count them all.</b></p>` : ''}
<p>${signed}</p>
</body></html>
`
}

/** The printable page and the CSV of one agency report: neither holds a customer's name or phone number. */
export function agencyReportFiles(r: AgencyReport): { name: string; mime: string; content: string }[] {
  const slug = r.agency
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const base = `turnaround-${r.centreNumber}-${slug || 'agency'}-${r.from}-to-${r.to}`
  return [
    { name: `${base}.html`, mime: 'text/html;charset=utf-8', content: page(r) },
    {
      name: `${base}.csv`,
      mime: 'text/csv;charset=utf-8',
      content: toCsv(AGENCY_REPORT_HEADER, agencyReportRows(r)),
    },
  ]
}
