import type { Database } from 'better-sqlite3-multiple-ciphers'
import { migration0010 } from './0010-centre-and-staff'
import { migration0020 } from './0020-events-outbox-audit'
import { migration0030 } from './0030-counter'
import { migration0040 } from './0040-collection-desk'
import { migration0050 } from './0050-sync'
import { migration0060 } from './0060-pull'
import { migration0070 } from './0070-replication'
import { migration0080 } from './0080-manager'
import { migration0090 } from './0090-campaigns-returns'
import { migration0100 } from './0100-return-promise'
import { migration0110 } from './0110-year-week-slots'
import { migration0130 } from './0130-print-paper'
import { migration0140 } from './0140-name-search'
import { migration0150 } from './0150-kiswahili-wording'
import { migration0160 } from './0160-unprinted-receipts'
import { migration0170 } from './0170-sliced-work'
import { migration0180 } from './0180-audit-chain'
import { migration0190 } from './0190-personal-data-erasure'
import { migration0200 } from './0200-centre-directory'
import { migration0220 } from './0220-agency-turnaround'
import { migration0230 } from './0230-staff-language'
import { migration0240 } from './0240-catch-up-indexes'
import { registerSqlFunctions } from '../sql-functions'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0170,
  migration0180,
  migration0190,
  migration0200,
  migration0220,
  migration0230,
  migration0240,
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `This database was written by a newer version of the app (schema ${found}, this app knows ${LATEST_VERSION}). ` +
        'Install the newer version; the database has not been changed.',
    )
    this.name = 'DatabaseTooNewError'
  }
}

/**
 * Brings the schema up to `target` (default: latest), one transaction per step so a failed step leaves the
 * database at the previous version. Refuses a database newer than this app rather than guessing.
 */
export function migrate(db: Database, target = LATEST_VERSION, migrations = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const known = migrations[migrations.length - 1]?.version ?? 0
  if (current > known) throw new DatabaseTooNewError(current)
  // The schema's triggers (and migration 0140's back-fill) call these on this connection.
  registerSqlFunctions(db)
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return db.pragma('user_version', { simple: true }) as number
}
