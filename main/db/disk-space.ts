import fs from 'node:fs'

/** Space left to write in, for people and for the backup's decision; what the database takes now. */
export interface DiskSpace {
  freeBytes: number
  databaseBytes: number
}

/** Kept free at all times: below it the daily backup does not run, so it can never fill the last bytes. */
export const DEFAULT_DISK_RESERVE_BYTES = 64 * 1024 * 1024

/** Free space on the file system holding `dataDir` (what an unprivileged writer may use) and the database's size. */
export function measureDiskSpace(dataDir: string, dbFile: string): DiskSpace {
  const st = fs.statfsSync(dataDir)
  const size = (f: string): number => {
    try {
      return fs.statSync(f).size
    } catch {
      return 0
    }
  }
  return { freeBytes: st.bavail * st.bsize, databaseBytes: size(dbFile) + size(`${dbFile}-wal`) }
}

/**
 * Whether to warn that space is running out: well before a write fails, while there is still room for a backup
 * and a few days' work, so someone frees space before the counter stops.
 */
export function spaceIsLow(s: DiskSpace, reserveBytes: number): boolean {
  return s.freeBytes < s.databaseBytes + 4 * reserveBytes
}

/** Whether a backup fits: a full copy of the database and the reserve left over afterwards. */
export function backupFits(s: DiskSpace, reserveBytes: number): boolean {
  return s.freeBytes >= s.databaseBytes + reserveBytes
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`
  return `${Math.max(0, Math.round(n / 1024))} KB`
}
