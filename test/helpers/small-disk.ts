import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A real small file system (tmpfs) to fill: the only honest way to see what SQLite, the backup and the app do when
 * the disk is full. Mounting needs root, which CI has; elsewhere the suites that need it are skipped with the reason
 * printed (see `SMALL_DISK_UNAVAILABLE`).
 */
export interface SmallDisk {
  dir: string
  freeBytes(): number
  /** Writes a ballast file until only about `leaveBytes` are free (0: until the disk refuses). */
  fill(leaveBytes?: number): void
  /** Removes the ballast. */
  release(): void
  unmount(): void
}

function probe(): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts are Linux only'
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)'
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-probe-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' })
    execFileSync('umount', [dir], { stdio: 'pipe' })
    return null
  } catch (err) {
    return `mount -t tmpfs failed here: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Why small disks cannot be made here, or null when they can. */
export const SMALL_DISK_UNAVAILABLE: string | null = probe()

export function mountSmallDisk(bytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-small-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir])
  const ballast = path.join(dir, 'ballast')
  const freeBytes = (): number => {
    const st = fs.statfsSync(dir)
    return st.bavail * st.bsize
  }
  return {
    dir,
    freeBytes,
    fill(leaveBytes = 0) {
      const fd = fs.openSync(ballast, 'a')
      const chunk = Buffer.alloc(64 * 1024)
      try {
        for (;;) {
          const room = freeBytes() - leaveBytes
          if (room <= 0) break
          fs.writeSync(fd, chunk, 0, Math.min(chunk.length, room))
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
      } finally {
        fs.closeSync(fd)
      }
    },
    release() {
      fs.rmSync(ballast, { force: true })
    },
    unmount() {
      execFileSync('umount', ['-l', dir])
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
