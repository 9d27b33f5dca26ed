import type { Database } from 'better-sqlite3-multiple-ciphers'
import { nameKeys } from '../../common/name-search'

/**
 * Functions the schema itself calls (the triggers that keep `application_name_keys`, migration 0140). SQLite has
 * no Unicode normalisation of its own, so every connection that writes `applications` must have them: openDatabase
 * and migrate() register them, and so does anything else that opens the file to write (the demo seeder).
 */
export function registerSqlFunctions(db: Database): void {
  db.function('tms_name_keys', { deterministic: true }, (name: unknown) =>
    JSON.stringify(typeof name === 'string' ? nameKeys(name) : []),
  )
}
