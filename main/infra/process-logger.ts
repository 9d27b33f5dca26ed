import type { Clock } from './clock'
import { createFileLog, type FileLog, type FileLogOptions, type LogProcess } from './file-log'
import { consoleSink, maskedLogger, type Logger } from './logger'

export interface ProcessLogger {
  logger: Logger
  file: FileLog
}

/**
 * A process's logger: every line masked once, then to the console and to the rotating file in the data dir's
 * `logs/`. When the file cannot be written the console says so once (stderr), and work goes on.
 */
export function processLogger(
  opts: { dataDir: string; process: LogProcess; clock: Clock } & Pick<
    FileLogOptions,
    'maxFileBytes' | 'filesKept'
  >,
): ProcessLogger {
  const toConsole = consoleSink(opts.process, opts.clock.now)
  const file = createFileLog({
    ...opts,
    onProblem: (problem) => toConsole('error', `Logging to a file failed: ${problem}`, undefined),
  })
  return { logger: maskedLogger([toConsole, file.sink]), file }
}
