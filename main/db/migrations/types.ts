import type { Database } from 'better-sqlite3-multiple-ciphers'

/**
 * One schema step. Versions go in tens so a hot-fix can slot in between; a shipped migration is never edited.
 */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
