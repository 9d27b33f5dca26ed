import type { AuditCheck } from './contract'
import { createI18n, type UiLanguage } from './i18n'

/**
 * One sentence for what the audit check found, the same in Settings → Audit and `npm run audit:verify`; English
 * unless asked otherwise. The problem itself is the check's own text (English).
 */
export function auditCheckText(r: AuditCheck, language: UiLanguage = 'en'): string {
  const t = createI18n(language).getFixedT(language)
  const rows = r.rows.toLocaleString(language)
  if (r.ok) return t('reports.audit.intact', { rows })
  return r.brokenAt === null
    ? t('reports.audit.broken', { problem: r.problem })
    : t('reports.audit.brokenAt', { row: r.brokenAt, problem: r.problem })
}
