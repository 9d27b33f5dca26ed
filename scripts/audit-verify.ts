import fs from 'node:fs'
import { auditCheckText } from '../common/audit-check-text'
import path from 'node:path'
import { DB_FILE, openDatabase } from '../main/db/open'
import { auditQueries } from '../main/db/queries/audit'
import { systemClock } from '../main/infra/clock'
import { consoleLogger } from '../main/infra/logger'
import { checkAuditChain } from '../main/services/audit/audit-check'

/**
 * `npm run audit:verify -- <data dir>`: checks the audit log's hash chain and head record (main/db/audit-chain.ts),
 * as Settings → Audit does, with the database opened as the app opens it (its key file, its migrations). Exits 0
 * when the log is intact, 1 when it is broken (the first broken row is printed), 2 when it could not be checked.
 */
const args = process.argv.slice(2)
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('Usage: npm run audit:verify -- <data dir>   (the folder that holds tms.sqlite)')
  process.exit(2)
}
const dataDir = path.resolve(args[0]!)
// Opening creates a database where there is none: refuse a folder that does not hold one, and write nothing.
if (!fs.existsSync(path.join(dataDir, DB_FILE))) {
  console.error(`No ${DB_FILE} in ${dataDir}: give the data folder of the app. Nothing was changed.`)
  process.exit(2)
}
try {
  const { db } = openDatabase(dataDir, systemClock, consoleLogger('audit-verify'))
  try {
    const r = await checkAuditChain(auditQueries(db))
    console.log(`${auditCheckText(r)} (${dataDir})`)
    if (!r.ok) process.exitCode = 1
  } finally {
    db.close()
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exitCode = 2
}
