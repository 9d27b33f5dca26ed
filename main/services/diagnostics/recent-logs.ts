import fs from 'node:fs'
import path from 'node:path'
import { maskIdLikeRuns } from '../../../common/mask-personal'
import { LOG_FILE } from '../../infra/file-log'
import { maskForLog } from '../../infra/logger'
import { runInSlices } from '../../infra/slices'

/** One log file's newest lines, as read (not yet masked). */
export interface RawLog {
  /** `core.4.log` */
  file: string
  /** Whether older lines of this file were left out to keep the diagnostics file small. */
  cut: boolean
  lines: string[]
}

/** How much of each process's log goes into a diagnostics file: the newest lines, up to this many bytes. */
export const RECENT_LOG_BYTES = 768 * 1024

/**
 * The newest lines of each process's log files (`main`, `core`, `host`), newest file last within a process, at
 * most `budget` bytes a process. Reading is quick (a few MiB from the page cache); masking them is not, and is done
 * by `logsJson` in slices.
 */
export function readRecentLogs(dir: string, budget = RECENT_LOG_BYTES): RawLog[] {
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
  const out: RawLog[] = []
  for (const proc of [...byProcess.keys()].sort()) {
    const files = byProcess.get(proc)!.sort((a, b) => b.n - a.n) // newest first
    let left = budget
    const taken: RawLog[] = []
    for (const { file } of files) {
      if (left <= 0) break
      const read = readTail(path.join(dir, file), left)
      if (!read) continue
      left -= read.bytes
      taken.unshift({ file, cut: read.cut, lines: read.text.split('\n').filter(Boolean) })
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

/**
 * A line masked again: lines were masked when written, and are masked here too so a file from an earlier version,
 * or a line some other writer put there, leaves no ID or phone number in the export either. A line that is not JSON
 * is kept as masked text.
 */
export function maskLine(line: string): unknown {
  try {
    const parsed = JSON.parse(line) as unknown
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return maskForLog(parsed as Record<string, unknown>)
  } catch {
    // Not a JSON line: kept as text.
  }
  return maskIdLikeRuns(line)
}

/**
 * The logs as the JSON text of an array of `{ file, cut, lines }`, one log line to a text line, masked and
 * written out a slice of lines at a time: three processes' worth took 200-280 ms in one go, past the 50 ms the
 * core may hold its loop.
 */
export async function logsJson(logs: RawLog[]): Promise<{ text: string; lines: number }> {
  const parts: string[] = []
  let fileIndex = 0
  let lineIndex = 0
  let count = 0
  await runInSlices((size) => {
    let budget = size
    while (budget > 0 && fileIndex < logs.length) {
      const log = logs[fileIndex]!
      if (lineIndex === 0)
        parts.push(
          `${fileIndex ? ',\n' : ''}  {"file": ${JSON.stringify(log.file)}, "cut": ${log.cut}, "lines": [`,
        )
      const end = Math.min(log.lines.length, lineIndex + budget)
      for (; lineIndex < end; lineIndex++, budget--, count++)
        parts.push(`${lineIndex ? ',' : ''}\n   ${JSON.stringify(maskLine(log.lines[lineIndex]!))}`)
      if (lineIndex >= log.lines.length) {
        parts.push('\n  ]}')
        fileIndex++
        lineIndex = 0
      }
    }
    return fileIndex < logs.length
  })
  return { text: `[\n${parts.join('')}\n ]`, lines: count }
}
