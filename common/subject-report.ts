import type { TFunction } from 'i18next'
import type { SubjectApplication, SubjectRecord } from './contract'
import { toCsv, type CsvRow } from './csv'
import { createI18n, type UiLanguage } from './i18n'
import { formatKenyanMobile } from './phone'
import { nairobiDate } from './nairobi-time'
import { formatTrackingNumber } from './tracking-number'

/** What each recorded step means, for a customer reading their own file (common/i18n/{en,sw}/reports.ts). */
const EVENT_LABELS = {
  'application.registered': 'reports.subject.event.registered',
  'application.arrived': 'reports.subject.event.arrived',
  'application.moved': 'reports.subject.event.moved',
  'application.missing': 'reports.subject.event.missing',
  'application.missingCleared': 'reports.subject.event.missingCleared',
  'application.damaged': 'reports.subject.event.damaged',
  'application.damagedCleared': 'reports.subject.event.damagedCleared',
  'application.collected': 'reports.subject.event.collected',
  'application.returned': 'reports.subject.event.returned',
  'application.cancelled': 'reports.subject.event.cancelled',
  'application.callLogged': 'reports.subject.event.callLogged',
  'notification.ready': 'reports.subject.event.smsReady',
  'notification.reminder': 'reports.subject.event.smsReminder',
} as const

const STATUS_LABELS = {
  registered: 'reports.subject.status.registered',
  arrived: 'reports.subject.status.arrived',
  collected: 'reports.subject.status.collected',
  returned: 'reports.subject.status.returned',
  cancelled: 'reports.subject.status.cancelled',
} as const satisfies Record<SubjectApplication['status'], string>

const LANGUAGE_NAMES = {
  en: 'reports.subject.language.en',
  sw: 'reports.subject.language.sw',
} as const satisfies Record<SubjectApplication['language'], string>

const eventLabel = (t: TFunction, type: string): string =>
  Object.hasOwn(EVENT_LABELS, type) ? t(EVENT_LABELS[type as keyof typeof EVENT_LABELS]) : type

/** The file's dates: English as the file has always written them (en-GB), Kiswahili with its month names. */
const DATE_LOCALE: Record<UiLanguage, string> = { en: 'en-GB', sw: 'sw-KE' }

const whenIn =
  (language: UiLanguage) =>
  (t: number | null): string =>
    t === null
      ? ''
      : new Date(t).toLocaleString(DATE_LOCALE[language], {
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

/** The file's words in one language: an instance per file, so nothing is left set between two customers' files. */
const wordsIn = (language: UiLanguage): TFunction => createI18n(language).getFixedT(language)

function factsIn(r: SubjectRecord, t: TFunction, language: UiLanguage): CsvRow[] {
  const when = whenIn(language)
  const rows: CsvRow[] = []
  for (const a of r.applications) {
    const tn = formatTrackingNumber(a.trackingNumber)
    const fact = (at: number | null, what: string, details: string) =>
      rows.push([tn, a.serviceName, when(at), what, details])
    fact(
      a.registeredAt,
      t('reports.subject.fact.detailsHeld'),
      [
        t('reports.subject.detail.name', { value: a.customerName }),
        t('reports.subject.detail.phone', { value: formatKenyanMobile(a.phone) }),
        t('reports.subject.detail.idNumber', { value: a.idNumber ?? t('reports.subject.detail.noIdNumber') }),
        a.agencyRef ? t('reports.subject.detail.agencyRef', { value: a.agencyRef }) : null,
        t('reports.subject.detail.smsLanguage', {
          value: t(LANGUAGE_NAMES[a.language === 'sw' ? 'sw' : 'en']),
        }),
        t('reports.subject.detail.smsConsent', {
          value: a.smsConsent ? t('reports.subject.detail.yes') : t('reports.subject.detail.no'),
        }),
        a.notes ? t('reports.subject.detail.notes', { value: a.notes }) : null,
        t('reports.subject.detail.status', { value: t(STATUS_LABELS[a.status]) }),
        a.shelfSlot ? t('reports.subject.detail.shelfSlot', { value: a.shelfSlot }) : null,
      ]
        .filter(Boolean)
        .join('; '),
    )
    if (a.collector) fact(a.collectedAt, t('reports.subject.fact.whoCollected'), text(a.collector))
    for (const e of a.events) fact(e.at, eventLabel(t, e.type), text(e.details))
    for (const n of a.notifications)
      fact(
        n.sentAt ?? n.dueAt,
        t('reports.subject.fact.sms', { kind: n.kind }),
        [n.status, n.skipReason].filter(Boolean).join(': '),
      )
    for (const d of a.deliveryOutcomes) fact(d.at, t('reports.subject.fact.smsDelivery'), d.outcome)
    for (const c of a.calls)
      fact(c.at, t('reports.subject.fact.phoneCall'), [c.outcome, c.note].filter(Boolean).join(': '))
    for (const m of a.returnManifests)
      fact(
        null,
        t('reports.subject.fact.returnManifest', { id: m.manifestId }),
        `${m.agency}: ${m.outcome ?? t('reports.subject.fact.listed')}`,
      )
  }
  for (const m of r.reminders)
    rows.push([
      m.trackingNumbers.map(formatTrackingNumber).join(' '),
      '',
      when(m.sentAt ?? m.dueAt),
      t('reports.subject.fact.reminderSms'),
      `${formatKenyanMobile(m.phone)}: ${m.status}`,
    ])
  return rows
}

/**
 * One line per fact: the same lines make the CSV, the printable page and what the manager sees on screen, so the
 * customer is handed exactly what was shown. In English unless asked otherwise.
 */
export function subjectFacts(r: SubjectRecord, language: UiLanguage = 'en'): CsvRow[] {
  return factsIn(r, wordsIn(language), language)
}

const headerIn = (t: TFunction): string[] => [
  t('reports.subject.column.trackingNumber'),
  t('reports.subject.column.service'),
  t('reports.subject.column.when'),
  t('reports.subject.column.what'),
  t('reports.subject.column.details'),
]

/** The columns of the facts, in the table and the CSV. */
export function subjectFactHeader(language: UiLanguage = 'en'): readonly string[] {
  return headerIn(wordsIn(language))
}

/** The English columns (what the screen shows today). */
export const SUBJECT_FACT_HEADER: readonly string[] = subjectFactHeader('en')

function page(r: SubjectRecord, rows: CsvRow[], t: TFunction, language: UiLanguage): string {
  const when = whenIn(language)
  const centre = esc(r.centreName)
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td>${esc(String(c ?? ''))}</td>`).join('')}</tr>`)
    .join('\n')
  const intro = t('reports.subject.intro', {
    by: r.by === 'idNumber' ? t('reports.subject.byIdNumber') : t('reports.subject.byPhone'),
    value: `<b>${esc(r.by === 'phone' ? formatKenyanMobile(r.value) : r.value)}</b>`,
    at: esc(when(r.at)),
    applications: t('reports.subject.applications', { count: r.applications.length }),
    reminders: t('reports.subject.reminders', { count: r.reminders.length }),
  })
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${t('reports.subject.title', { centre })}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #111 }
h1 { font-size: 22px } table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #eee } @media print { body { margin: 0 } }
</style></head><body>
<h1>${t('reports.subject.heading', { centre, number: esc(r.centreNumber) })}</h1>
<p>${intro}
${r.truncated ? `<b>${t('reports.subject.truncated')}</b>` : ''}</p>
<p>${t('reports.subject.rights')}</p>
<table><thead><tr>${headerIn(t)
    .map((h) => `<th>${h}</th>`)
    .join('')}</tr></thead>
<tbody>
${body || `<tr><td colspan="5">${t('reports.subject.nothingHeld')}</td></tr>`}
</tbody></table>
</body></html>
`
}

/**
 * The files handed to the customer: a page they (or the officer) can open and print, and the same lines as CSV for
 * a spreadsheet, in English unless asked otherwise. Neither file name carries the ID number or phone: a Downloads
 * folder is not private.
 */
export function subjectFiles(
  r: SubjectRecord,
  language: UiLanguage = 'en',
): { name: string; mime: string; content: string }[] {
  const t = wordsIn(language)
  const rows = factsIn(r, t, language)
  const base = `personal-data-${r.centreNumber}-${nairobiDate(r.at)}`
  return [
    { name: `${base}.html`, mime: 'text/html;charset=utf-8', content: page(r, rows, t, language) },
    { name: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: toCsv(headerIn(t), rows) },
  ]
}
