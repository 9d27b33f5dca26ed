import type { Database } from 'better-sqlite3-multiple-ciphers'

/** Tables whose row counts tell whether a call wrote anything. */
export const WRITABLE_TABLES = [
  'staff',
  'events',
  'outbox',
  'audit_log',
  'settings',
  'centre',
  'services',
  'applications',
  'print_jobs',
  'arrival_batches',
  'batch_expected',
  'batch_scans',
  'notifications',
  'replication_issues',
  'campaigns',
  'campaign_messages',
  'return_manifests',
  'return_manifest_items',
  'audit_tracking',
  'call_log',
] as const

/** Row count of every table a call could write to. */
export function rowCounts(db: Database): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const table of WRITABLE_TABLES) {
    const row = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()
    counts[table] = row?.n ?? 0
  }
  return counts
}
