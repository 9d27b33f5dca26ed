import { maskIdLikeRuns, maskPersonal } from '../../common/mask-personal'

/** Minimal structured logger interface; the process entry decides where lines go. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void
  warn(message: string, detail?: Record<string, unknown>): void
  error(message: string, detail?: Record<string, unknown>): void
}

export type LogLevel = 'info' | 'warn' | 'error'

/**
 * Where a line goes once it is masked: the console, the rotating file (main/infra/file-log.ts). A sink never sees
 * a line before `maskedLogger` has masked it, and a sink that throws costs only its own copy of the line.
 */
export type LogSink = (level: LogLevel, message: string, detail: Record<string, unknown> | undefined) => void

/**
 * An Error's own text, which maskPersonal leaves alone in a class instance: as plain fields its message and stack
 * (which repeats the message) are masked like any other string.
 */
function plainErrors(value: unknown, depth = 0): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, ...(value.stack ? { stack: value.stack } : {}) }
  if (depth > 2 || value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = plainErrors(v, depth + 1)
  return out
}

/** Every string of a masked detail: a log's free text (an error's message, `String(err)`) is masked like a code. */
function maskTextRuns(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIdLikeRuns(value)
  if (depth > 12 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => maskTextRuns(v, depth + 1))
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskTextRuns(v, depth + 1)
  return out
}

/** What a log line may say of `detail`: the same masking `maskedLogger` applies, for a line read back from a file. */
export function maskForLog<T extends Record<string, unknown>>(detail: T): T {
  return maskTextRuns(maskPersonal(plainErrors(detail) as Record<string, unknown>)) as T
}

/**
 * The one place a log line is made: its message and fields pass through `maskPersonal` here, before any sink, so no
 * ID or phone number reaches the console or a log file whoever logs it. A log is stricter than the audit log: an
 * error's text can quote what a person typed, so every run of 6 to 10 digits in any of its text (an ID number's
 * length; a tracking number has 12) keeps only its last 3, as a scanned code does.
 */
export function maskedLogger(sinks: readonly LogSink[]): Logger {
  const emit = (level: LogLevel, message: string, detail?: Record<string, unknown>): void => {
    const m = maskIdLikeRuns(message)
    const d = detail ? maskForLog(detail) : undefined
    for (const sink of sinks) {
      try {
        sink(level, m, d)
      } catch {
        // A sink reports its own failures (file-log.ts); one that throws must not take the caller's work with it.
      }
    }
  }
  return {
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  }
}

/** Lines to the console (stdout for info, stderr for the rest), as a terminal or a service manager keeps them. */
export function consoleSink(prefix: string, now: () => number = Date.now): LogSink {
  return (level, message, detail) => {
    const line = `${new Date(now()).toISOString()} ${level} [${prefix}] ${message}${detail ? ' ' + JSON.stringify(detail) : ''}`
    if (level === 'info') console.log(line)
    else if (level === 'warn') console.warn(line)
    else console.error(line)
  }
}

/** Lines to the console only (tools, and tests that read the console). */
export function consoleLogger(prefix: string): Logger {
  return maskedLogger([consoleSink(prefix)])
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
