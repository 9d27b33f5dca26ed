import type { AuditCheck } from './contract'

/** One sentence for what the audit check found, the same in Settings → Audit and `npm run audit:verify`. */
export function auditCheckText(r: AuditCheck): string {
  const n = r.rows.toLocaleString('en')
  if (r.ok) return `Audit log intact: ${n} rows checked`
  const where = r.brokenAt === null ? '' : ` at row #${r.brokenAt}`
  return `Audit log broken${where}: ${r.problem}`
}
