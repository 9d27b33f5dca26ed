import fs from 'node:fs'
import path from 'node:path'
import { pino } from 'pino'
import pinoRoll, { type RollingStream } from 'pino-roll'
import type { Clock } from './clock'
import type { LogLevel, LogSink } from './logger'

/** The log folder of a data dir: one set of rotating files per process, beside the database. */
export const LOGS_DIR = 'logs'
export const logsDir = (dataDir: string): string => path.join(dataDir, LOGS_DIR)

/** The processes that write logs; each has its own files (`core.3.log`), as two writers cannot share a rotation. */
export type LogProcess = 'main' | 'core' | 'host'

/** Matches one process's log files and gives their number: the highest number is the newest file. */
export const LOG_FILE = /^(main|core|host)\.(\d+)\.log$/

export const DEFAULT_LOG_FILE_BYTES = 5 * 1024 * 1024
/** Files kept besides the one being written: with 5 MiB each, at most 30 MiB a process. */
export const DEFAULT_LOG_FILES_KEPT = 5
/** What may wait in memory for a full disk before lines are dropped (they also went to the console). */
const MAX_BUFFERED_BYTES = 1024 * 1024
/** Lines logged before the file is open; a start that logs more than this keeps the newest on the console only. */
const MAX_EARLY_LINES = 2000

export interface FileLogOptions {
  dataDir: string
  process: LogProcess
  clock: Clock
  maxFileBytes?: number
  filesKept?: number
  /**
   * Told once when the file cannot be written (unwritable folder, full disk), with a sentence for IT; again only
   * after a write has succeeded since. Logging failures never throw into the caller.
   */
  onProblem: (problem: string) => void
}

export interface FileLog {
  sink: LogSink
  /** Resolves when the file is open (or could not be opened: see `problem`). */
  readonly ready: Promise<void>
  /** Why lines are not reaching the file now, or null. */
  problem(): string | null
  /** Resolves once the lines logged so far are in the file (or could not be written). */
  flush(): Promise<void>
  close(): Promise<void>
}

/**
 * JSON lines through pino into size-rotated files made by pino-roll: `<data dir>/logs/<process>.<n>.log`, the
 * folder 0700 and each file 0600 like the rest of the data dir, a new file past `maxFileBytes`, the oldest removed
 * beyond `filesKept`. Lines come here already masked (main/infra/logger.ts `maskedLogger`); the time is the
 * process's clock, so a test clock shows in the lines as it does in the data. Each line is written as it is logged
 * (sonic-boom's sync mode): a line is a few hundred bytes to the page cache, and a `kill -9` or a crash then loses
 * none of the lines that led up to it, which is what IT reads the log for. A full disk costs lines, never work.
 */
export function createFileLog(opts: FileLogOptions): FileLog {
  const dir = logsDir(opts.dataDir)
  let stream: RollingStream | null = null
  let early: string[] | null = []
  let problem: string | null = null
  let reported = false

  const fail = (what: string, err: unknown): void => {
    const reason = err instanceof Error ? err.message : String(err)
    problem = `${what} (${reason}): log lines go to the console only until it can be written`
    if (reported) return
    reported = true
    try {
      opts.onProblem(problem)
    } catch {
      // Whoever is told has failed too; the work goes on regardless.
    }
  }

  // pino makes the line (level, time, process, pid, message, detail); this destination holds lines until the file
  // is open, then hands them to it.
  const destination = {
    write(line: string): void {
      if (stream) stream.write(line)
      else if (early) {
        early.push(line)
        if (early.length > MAX_EARLY_LINES) early.shift()
      }
    },
  }
  const log = pino(
    {
      base: { process: opts.process, pid: process.pid },
      timestamp: () => `,"time":"${new Date(opts.clock.now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      level: 'info',
    },
    destination,
  )

  const ready = (async () => {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
      fs.chmodSync(dir, 0o700)
      const s = await pinoRoll({
        file: path.join(dir, opts.process),
        extension: '.log',
        size: `${opts.maxFileBytes ?? DEFAULT_LOG_FILE_BYTES}b`,
        // pino-roll's count includes the file being written.
        limit: { count: (opts.filesKept ?? DEFAULT_LOG_FILES_KEPT) + 1, removeOtherLogFiles: true },
        mode: 0o600,
        sync: true,
        maxLength: MAX_BUFFERED_BYTES,
      })
      s.on('error', (err) => fail(`the log file in ${dir} cannot be written`, err))
      s.on('write', () => {
        if (!problem) return
        problem = null
        reported = false
      })
      stream = s
      for (const line of early ?? []) s.write(line)
    } catch (err) {
      fail(`the log folder ${dir} cannot be used`, err)
    } finally {
      early = null
    }
  })()

  // Lines are written as they come (sync mode): once the file is open, nothing waits in memory but what a full
  // disk refused, which the next line tries again.
  const flush = (): Promise<void> => ready

  return {
    sink: (level: LogLevel, message: string, detail: Record<string, unknown> | undefined) => {
      if (detail) log[level]({ detail }, message)
      else log[level](message)
    },
    ready,
    problem: () => problem,
    flush,
    close: async () => {
      await flush()
      const s = stream
      stream = null
      if (!s) return
      // Lines a full disk refused would be tried again by end(), which then never closes: they are dropped (they
      // went to the console), so a host stopping on a full disk still stops.
      if (problem) {
        s.destroy()
        return
      }
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve())
        s.on('error', () => resolve())
        s.end()
      })
    },
  }
}
