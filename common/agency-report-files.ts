import type { TFunction } from 'i18next'
import type { AgencyReport, LatenessStats, StillOut } from './contract'
import { toCsv, type CsvRow } from './csv'
import { createI18n, formatDateTime, type UiLanguage } from './i18n'
import { formatTrackingNumber } from './tracking-number'

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const pct = (r: number | null): string => (r === null ? '' : `${Math.round(r * 1000) / 10}%`)
const num = (n: number | null): string => (n === null ? '' : String(n))

/** The files are made in the language of the manager who saves them; one instance per language will do. */
const translators = new Map<UiLanguage, TFunction>()
function translator(language: UiLanguage): TFunction {
  let t = translators.get(language)
  if (!t) {
    t = createI18n(language).t
    translators.set(language, t)
  }
  return t
}

// English keeps the format the report has always had (en-GB, Nairobi time); Kiswahili uses sw-KE month names.
const when = (t: number, language: UiLanguage): string =>
  language === 'en'
    ? new Date(t).toLocaleString('en-GB', {
        timeZone: 'Africa/Nairobi',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : formatDateTime(t, language)

/** The columns of the CSV: one line per figure set (agency, service), manifest total and overdue document. */
export function agencyReportHeader(language: UiLanguage = 'en'): string[] {
  const t = translator(language)
  return [
    t('agencies.file.csv.section'),
    t('agencies.file.csv.name'),
    t('agencies.file.csv.arrived'),
    t('agencies.file.csv.onTime'),
    t('agencies.file.csv.onTimeRate'),
    t('agencies.file.csv.late'),
    t('agencies.file.csv.medianDaysLate'),
    t('agencies.file.csv.p90DaysLate'),
    t('agencies.file.csv.worstDaysLate'),
    t('agencies.file.csv.stillOut'),
    t('agencies.file.csv.stillOutOverdue'),
    t('agencies.file.csv.batches'),
    t('agencies.file.csv.expected'),
    t('agencies.file.csv.received'),
    t('agencies.file.csv.missing'),
    t('agencies.file.csv.unannounced'),
    t('agencies.file.csv.trackingNumber'),
    t('agencies.file.csv.agencyRef'),
    t('agencies.file.csv.expectedReady'),
    t('agencies.file.csv.daysLate'),
  ]
}

/** The English header, as the CSV has always had it. */
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

/** The report's lines, as the CSV holds them (no customer names or phone numbers: the report carries none). */
export function agencyReportRows(r: AgencyReport, language: UiLanguage = 'en'): CsvRow[] {
  const t = translator(language)
  const b = r.batches
  return [
    [t('agencies.file.csv.agencySection'), r.agency, ...stats(r.figures), ...blank(9)],
    ...r.worstServices.map((s): CsvRow => [
      t('agencies.file.csv.serviceSection'),
      s.serviceName,
      ...stats(s),
      ...blank(9),
    ]),
    [
      t('agencies.file.csv.manifestsSection'),
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
      t('agencies.file.csv.overdueSection'),
      o.serviceName,
      ...blank(14),
      formatTrackingNumber(o.trackingNumber),
      o.agencyRef ?? '',
      o.expectedReady,
      o.daysLate,
    ]),
  ]
}

function page(r: AgencyReport, language: UiLanguage): string {
  const t = translator(language)
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
    ? t('agencies.file.page.signedOff', {
        name: esc(r.signedOff.name),
        staffNumber: esc(r.signedOff.staffNumber),
        at: esc(when(r.signedOff.at, language)),
      })
    : t('agencies.file.page.notSignedOff')
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${t('agencies.file.page.title', { agency: esc(r.agency), from: esc(r.from), to: esc(r.to) })}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111 }
h1 { font-size: 22px } h2 { font-size: 17px; margin-top: 1.4em } table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #eee } @media print { body { margin: 0 } }
</style></head><body>
<h1>${t('agencies.file.page.heading', { agency: esc(r.agency) })}</h1>
<p>${t('agencies.file.page.intro', { centre: esc(r.centreName), number: esc(r.centreNumber), from: esc(r.from), to: esc(r.to) })}</p>
<h2>${t('agencies.file.page.figures')}</h2>
<table><tbody>
<tr><th>${t('agencies.file.page.documentsArrived')}</th><td>${f.arrived}</td></tr>
<tr><th>${t('agencies.file.page.onTime')}</th><td>${f.onTime} (${esc(pct(f.onTimeRate) || t('agencies.file.page.noneArrived'))})</td></tr>
<tr><th>${t('agencies.file.page.late')}</th><td>${f.late}</td></tr>
<tr><th>${t('agencies.file.page.daysLate')}</th><td>${esc(num(f.medianDaysLate) || '–')}, ${esc(num(f.p90DaysLate) || '–')}, ${esc(num(f.worstDaysLate) || '–')}</td></tr>
<tr><th>${t('agencies.file.page.stillOut')}</th><td>${t('agencies.file.page.stillOutValue', { stillOut: f.stillOut, overdue: f.stillOutOverdue })}</td></tr>
</tbody></table>
<h2>${t('agencies.file.page.services')}</h2>
<table><thead><tr><th>${t('agencies.file.page.service')}</th><th>${t('agencies.file.page.arrived')}</th><th>${t('agencies.file.page.onTime')}</th><th>${t('agencies.file.page.medianDaysLate')}</th><th>${t('agencies.file.page.p90')}</th>
<th>${t('agencies.file.page.worst')}</th><th>${t('agencies.file.page.stillOutShort')}</th><th>${t('agencies.file.page.pastExpected')}</th></tr></thead>
<tbody>
${serviceRows || `<tr><td colspan="8">${t('agencies.file.page.noServices')}</td></tr>`}
</tbody></table>
<h2>${t('agencies.file.page.manifests')}</h2>
<p>${t('agencies.file.page.manifestsText', { batches: b.batches, expected: b.expected, received: b.received, missing: b.missing, unannounced: b.unannounced })}</p>
<h2>${t('agencies.file.page.overdue')}</h2>
<table><thead><tr><th>${t('agencies.file.page.trackingNumber')}</th><th>${t('agencies.file.page.service')}</th><th>${t('agencies.file.page.agencyRef')}</th><th>${t('agencies.file.page.expectedReady')}</th>
<th>${t('agencies.file.page.daysLateShort')}</th></tr></thead>
<tbody>
${overdueRows || `<tr><td colspan="5">${t('agencies.file.page.none')}</td></tr>`}
</tbody></table>
${r.overdueTruncated ? `<p><b>${t('agencies.file.page.truncated', { n: r.overdue.length })}</b></p>` : ''}
<p>${signed}</p>
</body></html>
`
}

/**
 * The printable page and the CSV of one agency report: neither holds a customer's name or phone number. Written
 * in `language`, the UI language of the manager who saves them; the file names stay the same in both.
 */
export function agencyReportFiles(
  r: AgencyReport,
  language: UiLanguage = 'en',
): { name: string; mime: string; content: string }[] {
  const slug = r.agency
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const base = `turnaround-${r.centreNumber}-${slug || 'agency'}-${r.from}-to-${r.to}`
  return [
    { name: `${base}.html`, mime: 'text/html;charset=utf-8', content: page(r, language) },
    {
      name: `${base}.csv`,
      mime: 'text/csv;charset=utf-8',
      content: toCsv(agencyReportHeader(language), agencyReportRows(r, language)),
    },
  ]
}
