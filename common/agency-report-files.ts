import type { TFunction } from 'i18next'
import type { AgencyReport, LatenessStats, StillOut } from './contract'
import { toCsv, type CsvRow } from './csv'
import { createI18n, type UiLanguage } from './i18n'
import { formatTrackingNumber } from './tracking-number'

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const pct = (r: number | null): string => (r === null ? '' : `${Math.round(r * 1000) / 10}%`)
const num = (n: number | null): string => (n === null ? '' : String(n))

/** The report's dates: English as it has always written them (en-GB), Kiswahili with its month names. */
const DATE_LOCALE: Record<UiLanguage, string> = { en: 'en-GB', sw: 'sw-KE' }

const when = (t: number, language: UiLanguage): string =>
  new Date(t).toLocaleString(DATE_LOCALE[language], {
    timeZone: 'Africa/Nairobi',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** The report's words in one language: an instance per report, so nothing is left set between two reports. */
const wordsIn = (language: UiLanguage): TFunction => createI18n(language).getFixedT(language)

const headerIn = (t: TFunction): string[] => [
  t('reports.agency.column.section'),
  t('reports.agency.column.name'),
  t('reports.agency.column.arrived'),
  t('reports.agency.column.onTime'),
  t('reports.agency.column.onTimeRate'),
  t('reports.agency.column.late'),
  t('reports.agency.column.medianDaysLate'),
  t('reports.agency.column.p90DaysLate'),
  t('reports.agency.column.worstDaysLate'),
  t('reports.agency.column.stillOut'),
  t('reports.agency.column.stillOutOverdue'),
  t('reports.agency.column.batches'),
  t('reports.agency.column.expected'),
  t('reports.agency.column.received'),
  t('reports.agency.column.missing'),
  t('reports.agency.column.unannounced'),
  t('reports.agency.column.trackingNumber'),
  t('reports.agency.column.agencyRef'),
  t('reports.agency.column.expectedReady'),
  t('reports.agency.column.daysLate'),
]

/**
 * The columns of the CSV: one line per figure set (agency, service), manifest total and overdue document; in
 * English unless asked otherwise.
 */
export function agencyReportHeader(language: UiLanguage = 'en'): readonly string[] {
  return headerIn(wordsIn(language))
}

/** The English columns. */
export const AGENCY_REPORT_HEADER: readonly string[] = agencyReportHeader('en')

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

function rowsIn(r: AgencyReport, t: TFunction): CsvRow[] {
  const b = r.batches
  return [
    [t('reports.agency.section.agency'), r.agency, ...stats(r.figures), ...blank(9)],
    ...r.worstServices.map((s): CsvRow => [
      t('reports.agency.section.service'),
      s.serviceName,
      ...stats(s),
      ...blank(9),
    ]),
    [
      t('reports.agency.section.manifests'),
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
      t('reports.agency.section.overdue'),
      o.serviceName,
      ...blank(14),
      formatTrackingNumber(o.trackingNumber),
      o.agencyRef ?? '',
      o.expectedReady,
      o.daysLate,
    ]),
  ]
}

/** The report's lines, as the CSV holds them (no customer names or phone numbers: the report carries none). */
export function agencyReportRows(r: AgencyReport, language: UiLanguage = 'en'): CsvRow[] {
  return rowsIn(r, wordsIn(language))
}

function page(r: AgencyReport, t: TFunction, language: UiLanguage): string {
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
    ? t('reports.agency.signedOff', {
        name: esc(r.signedOff.name),
        staffNumber: esc(r.signedOff.staffNumber),
        at: esc(when(r.signedOff.at, language)),
      })
    : t('reports.agency.notSignedOff')
  const agency = esc(r.agency)
  const from = esc(r.from)
  const to = esc(r.to)
  const dash = (s: string): string => esc(s || '–')
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${t('reports.agency.title', { agency, from, to })}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111 }
h1 { font-size: 22px } h2 { font-size: 17px; margin-top: 1.4em } table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #eee } @media print { body { margin: 0 } }
</style></head><body>
<h1>${t('reports.agency.heading', { agency })}</h1>
<p>${t('reports.agency.intro', { centre: esc(r.centreName), number: esc(r.centreNumber), from, to })}</p>
<h2>${t('reports.agency.figures')}</h2>
<table><tbody>
<tr><th>${t('reports.agency.documentsArrived')}</th><td>${f.arrived}</td></tr>
<tr><th>${t('reports.agency.column.onTime')}</th><td>${f.onTime} (${esc(pct(f.onTimeRate) || t('reports.agency.noneArrived'))})</td></tr>
<tr><th>${t('reports.agency.column.late')}</th><td>${f.late}</td></tr>
<tr><th>${t('reports.agency.daysLate')}</th><td>${dash(num(f.medianDaysLate))}, ${dash(num(f.p90DaysLate))}, ${dash(num(f.worstDaysLate))}</td></tr>
<tr><th>${t('reports.agency.stillOutToday')}</th><td>${t('reports.agency.stillOutOverdue', { stillOut: f.stillOut, overdue: f.stillOutOverdue })}</td></tr>
</tbody></table>
<h2>${t('reports.agency.services')}</h2>
<table><thead><tr><th>${t('reports.agency.section.service')}</th><th>${t('reports.agency.column.arrived')}</th><th>${t('reports.agency.column.onTime')}</th><th>${t('reports.agency.column.medianDaysLate')}</th><th>${t('reports.agency.p90')}</th>
<th>${t('reports.agency.worst')}</th><th>${t('reports.agency.column.stillOut')}</th><th>${t('reports.agency.pastExpectedReady')}</th></tr></thead>
<tbody>
${serviceRows || `<tr><td colspan="8">${t('reports.agency.noServices')}</td></tr>`}
</tbody></table>
<h2>${t('reports.agency.manifests')}</h2>
<p>${t('reports.agency.manifestTotals', { batches: b.batches, expected: b.expected, received: b.received, missing: b.missing, unannounced: b.unannounced })}</p>
<h2>${t('reports.agency.overdue')}</h2>
<table><thead><tr><th>${t('reports.agency.column.trackingNumber')}</th><th>${t('reports.agency.section.service')}</th><th>${t('reports.agency.column.agencyRef')}</th><th>${t('reports.agency.column.expectedReady')}</th>
<th>${t('reports.agency.column.daysLate')}</th></tr></thead>
<tbody>
${overdueRows || `<tr><td colspan="5">${t('reports.agency.noOverdue')}</td></tr>`}
</tbody></table>
${r.overdueTruncated ? `<p><b>${t('reports.agency.overdueTruncated', { count: r.overdue.length })}</b></p>` : ''}
<p>${signed}</p>
</body></html>
`
}

/**
 * The printable page and the CSV of one agency report, in English unless asked otherwise: neither holds a
 * customer's name or phone number.
 */
export function agencyReportFiles(
  r: AgencyReport,
  language: UiLanguage = 'en',
): { name: string; mime: string; content: string }[] {
  const t = wordsIn(language)
  const slug = r.agency
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const base = `turnaround-${r.centreNumber}-${slug || 'agency'}-${r.from}-to-${r.to}`
  return [
    { name: `${base}.html`, mime: 'text/html;charset=utf-8', content: page(r, t, language) },
    {
      name: `${base}.csv`,
      mime: 'text/csv;charset=utf-8',
      content: toCsv(headerIn(t), rowsIn(r, t)),
    },
  ]
}
