import fs from 'node:fs'
import path from 'node:path'
import { maskIdLikeRuns } from '../../../common/mask-personal'
import { LOG_FILE } from '../../infra/file-log'
import { maskForLog } from '../../infra/logger'

export interface RecentLog {
  /** `core.4.log` */
  file: string
  /** Whether older lines of this file were left out to keep the diagnostics file small. */
  cut: boolean
  /** Each line as logged (JSON), masked again; a line that is not JSON as masked text. */
  lines: unknown[]
}

/** How much of each process's log goes into a diagnostics file: the newest lines, up to this many bytes. */
export const RECENT_LOG_BYTES = 768 * 1024

/**
 * The newest lines of each process's log files (`main`, `core`, `host`), newest file last within a process, at
 * most `budget` bytes a process. Lines were masked when written; they are masked again here so a file from an
 * earlier version, or a line some other writer put there, leaves no ID or phone number in the export either.
 */
export function readRecentLogs(dir: string, budget = RECENT_LOG_BYTES): RecentLog[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const byProcess = new Map<string, { file: string; n: number }[]>()
  for (const file of names) {
    const m = LOG_FILE.exec(file)
    if (!m) continue
    const list = byProcess.get(m[1]!) ?? []
    list.push({ file, n: Number(m[2]) })
    byProcess.set(m[1]!, list)
  }
  const out: RecentLog[] = []
  for (const proc of [...byProcess.keys()].sort()) {
    const files = byProcess.get(proc)!.sort((a, b) => b.n - a.n) // newest first
    let left = budget
    const taken: RecentLog[] = []
    for (const { file } of files) {
      if (left <= 0) break
      const read = readTail(path.join(dir, file), left)
      if (!read) continue
      left -= read.bytes
      taken.unshift({ file, cut: read.cut, lines: read.text.split('\n').filter(Boolean).map(maskLine) })
    }
    out.push(...taken)
  }
  return out
}

function readTail(file: string, max: number): { text: string; bytes: number; cut: boolean } | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null // removed by a rotation meanwhile
  }
  try {
    const size = fs.fstatSync(fd).size
    const start = Math.max(0, size - max)
    const buf = Buffer.alloc(size - start)
    fs.readSync(fd, buf, 0, buf.length, start)
    let text = buf.toString('utf8')
    // A cut file starts mid-line: drop the partial first line.
    if (start > 0) text = text.slice(text.indexOf('\n') + 1)
    return { text, bytes: buf.length, cut: start > 0 }
  } finally {
    fs.closeSync(fd)
  }
}

function maskLine(line: string): unknown {
  try {
    const parsed = JSON.parse(line) as unknown
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return maskForLog(parsed as Record<string, unknown>)
  } catch {
    // Not a JSON line: kept as text.
  }
  return maskIdLikeRuns(line)
}
