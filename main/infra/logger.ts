/** Minimal structured logger interface; the process entry decides where lines go. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void
  warn(message: string, detail?: Record<string, unknown>): void
  error(message: string, detail?: Record<string, unknown>): void
}

export function consoleLogger(prefix: string): Logger {
  const line = (level: string, message: string, detail?: Record<string, unknown>): string =>
    `${new Date().toISOString()} ${level} [${prefix}] ${message}${detail ? ' ' + JSON.stringify(detail) : ''}`
  return {
    info: (m, d) => console.log(line('info', m, d)),
    warn: (m, d) => console.warn(line('warn', m, d)),
    error: (m, d) => console.error(line('error', m, d)),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
