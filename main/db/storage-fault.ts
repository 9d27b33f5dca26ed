/** The SQLite / Node error code of `err`, when it has one. */
export function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

/** Whether `err` is the disk refusing a write for lack of space (the transaction rolled back: nothing was saved). */
export function isDiskFull(err: unknown): boolean {
  const code = errorCode(err)
  return code === 'SQLITE_FULL' || code === 'ENOSPC'
}

/** Whether `err` is an I/O failure of the disk (not damage in the file, not a full disk). */
export function isIoError(err: unknown): boolean {
  const code = errorCode(err)
  return code !== null && (code.startsWith('SQLITE_IOERR') || code === 'EIO')
}

/** Whether `err` is SQLite finding the file's write lock held by another connection (a worker's index build). */
export function isLocked(err: unknown): boolean {
  const code = errorCode(err)
  return code !== null && code.startsWith('SQLITE_BUSY')
}
