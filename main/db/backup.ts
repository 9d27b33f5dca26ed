import type { Database } from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

const BACKUP_DIR = 'backups'
const KEEP = 7

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR)
}

/** Newest backup file, or null. Names sort by time because they start with an ISO timestamp. */
export function latestBackup(dataDir: string): string | null {
  const dir = backupDir(dataDir)
  if (!fs.existsSync(dir)) return null
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort()
  const last = files[files.length - 1]
  return last ? path.join(dir, last) : null
}

/**
 * Online backup through SQLite's backup API. better-sqlite3 copies in pages between event-loop turns, so the core
 * keeps answering while a large database is copied. Keeps the newest KEEP files.
 */
export async function backupDatabase(db: Database, dataDir: string, now: number): Promise<string> {
  const dir = backupDir(dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const target = path.join(dir, `${new Date(now).toISOString().replace(/[:.]/g, '-')}.sqlite`)
  await db.backup(target, { progress: () => 256 })
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort()
  for (const old of files.slice(0, Math.max(0, files.length - KEEP))) fs.rmSync(path.join(dir, old))
  return target
}

/** True when the newest backup is older than `maxAgeMs` (or there is none). */
export function backupDue(dataDir: string, now: number, maxAgeMs: number): boolean {
  const last = latestBackup(dataDir)
  if (!last) return true
  return now - fs.statSync(last).mtimeMs > maxAgeMs
}
