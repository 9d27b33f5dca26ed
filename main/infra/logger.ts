import { maskPersonal, maskPhonesInText } from '../../common/mask-personal'

/** Minimal structured logger interface; the process entry decides where lines go. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void
  warn(message: string, detail?: Record<string, unknown>): void
  error(message: string, detail?: Record<string, unknown>): void
}

/**
 * Lines to the console (the desktop app's and the host's log). Every line's message and fields pass through
 * `maskPersonal` here, the one place a line is made, so no ID or phone number reaches a log whoever logs it.
 */
export function consoleLogger(prefix: string): Logger {
  const line = (level: string, message: string, detail?: Record<string, unknown>): string =>
    `${new Date().toISOString()} ${level} [${prefix}] ${maskPhonesInText(message)}${detail ? ' ' + JSON.stringify(maskPersonal(detail)) : ''}`
  return {
    info: (m, d) => console.log(line('info', m, d)),
    warn: (m, d) => console.warn(line('warn', m, d)),
    error: (m, d) => console.error(line('error', m, d)),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
