import type { Database } from 'better-sqlite3-multiple-ciphers'
import fs from 'node:fs'
import path from 'node:path'
import { keyOf } from './cipher'
import { runDatabaseJob } from './db-worker'
import { verifyDatabaseFile } from './verify-file'

const BACKUP_DIR = 'backups'
const KEEP = 7

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR)
}

/** Backup files, newest first. Names sort by time because they start with an ISO timestamp. */
export function backupsNewestFirst(dataDir: string): string[] {
  const dir = backupDir(dataDir)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f))
}

/** Newest backup file, or null. */
export function latestBackup(dataDir: string): string | null {
  return backupsNewestFirst(dataDir)[0] ?? null
}

/** Backups are kept up to this many bytes in all (as a multiple of the newest), and never fewer than MIN_KEEP. */
const MAX_TOTAL_MULTIPLE = 3
const MIN_KEEP = 2

/**
 * A backup is a consistent copy of the live database made on a worker thread (`VACUUM INTO` from a read-only
 * connection keyed like the app's, so the copy is encrypted with the same key), so the core keeps answering while a
 * large database is copied. The copy is written under a temporary name that only its owner may read and renamed
 * when complete and checked (quick_check, also on a worker), so a backup cut short (a full disk, a crash) or
 * unreadable never looks like a good one and is removed.
 *
 * Rotation is size-aware: the newest KEEP, and fewer when they would take more than three times the newest copy
 * (seven copies of a 2.5 GB centre would be 17.5 GB on a counter PC), but never fewer than two.
 */
export async function backupDatabase(db: Database, dataDir: string, now: number): Promise<string> {
  const dir = backupDir(dataDir)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dir, 0o700)
  const target = path.join(dir, `${new Date(now).toISOString().replace(/[:.]/g, '-')}.sqlite`)
  const partial = `${target}.partial`
  const key = keyOf(db)
  try {
    // VACUUM INTO writes into an empty file that exists: made here, readable by its owner only.
    fs.rmSync(partial, { force: true })
    fs.closeSync(fs.openSync(partial, 'wx', 0o600))
    const copied = await runDatabaseJob({ kind: 'copy', file: db.name, target: partial }, key)
    if (copied.error) throw new BackupError(copied.error.message, copied.error.code)
    // Only a copy that passes its own check becomes a backup: a bad one would be restored over a damaged file.
    const problem = await verifyDatabaseFile(partial, key)
    if (problem !== null) throw new Error(`the new backup failed its check (${problem}); it was discarded`)
    fs.renameSync(partial, target)
  } catch (err) {
    fs.rmSync(partial, { force: true })
    fs.rmSync(`${partial}-journal`, { force: true })
    throw err
  }
  rotate(dir)
  return target
}

/** A backup copy that failed, with SQLite's code (SQLITE_FULL on a full disk) for the caller's message. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message)
    this.name = 'BackupError'
  }
}

function rotate(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((f) => ({ file: path.join(dir, f), size: fs.statSync(path.join(dir, f)).size }))
  const budget = (files[0]?.size ?? 0) * MAX_TOTAL_MULTIPLE
  let total = 0
  files.forEach((f, i) => {
    total += f.size
    if (i >= MIN_KEEP && (i >= KEEP || total > budget)) fs.rmSync(f.file)
  })
  // Leftovers of a backup cut short by a crash.
  for (const f of fs.readdirSync(dir))
    if (f.endsWith('.partial')) fs.rmSync(path.join(dir, f), { force: true })
}

/** True when the newest backup is older than `maxAgeMs` (or there is none). */
export function backupDue(dataDir: string, now: number, maxAgeMs: number): boolean {
  const last = latestBackup(dataDir)
  if (!last) return true
  return now - fs.statSync(last).mtimeMs > maxAgeMs
}
