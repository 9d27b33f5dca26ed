import fs from 'node:fs'
import path from 'node:path'
import type {
  AboutInfo,
  AppStatus,
  DiagnosticsFile,
  PrinterInfo,
  ScannerInfo,
  Settings,
  StatusSnapshot,
  SyncStatusInfo,
} from '../../../common/contract'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import { logsDir } from '../../infra/file-log'
import { maskForLog, type Logger } from '../../infra/logger'
import type { Session } from '../../infra/session-store'
import { aboutInfo, type RuntimeVersions } from './about'
import { logsJson, readRecentLogs } from './recent-logs'

export const DIAGNOSTICS_KIND = 'tms-diagnostics'

/** Renderer errors let through per window of time: a page failing in a loop must not fill the disk with one line. */
const REPORTS_PER_WINDOW = 20
const REPORT_WINDOW_MS = 60_000

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  dataDir: string
  version: string
  versions?: RuntimeVersions
  platform?: string
  appStatus: () => AppStatus
  status: () => StatusSnapshot
  sync: () => SyncStatusInfo
  settings: () => Settings
  printer: () => PrinterInfo
  scanner: () => ScannerInfo
  /** Why this process's log file is not being written now (main/infra/file-log.ts), or null. */
  logProblem: () => string | null
}

/** An address as IT may see it: no user name, password, query or fragment (a token could hide in any of them). */
function safeUrl(url: string | null): string | null {
  if (url === null) return null
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return '(not a valid address)'
  }
}

/** Names and sizes of the data dir's files (database, -wal, backups, logs): their content never goes in. */
function dataFiles(dir: string): { name: string; bytes: number }[] {
  const out: { name: string; bytes: number }[] = []
  const walk = (sub: string, depth: number): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(path.join(dir, sub), { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const name = sub ? `${sub}/${e.name}` : e.name
      if (e.isDirectory() && depth < 1) walk(name, depth + 1)
      else if (e.isFile()) {
        try {
          out.push({ name, bytes: fs.statSync(path.join(dir, name)).size })
        } catch {
          // Gone meanwhile (a rotated log).
        }
      }
    }
  }
  walk('', 0)
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * Settings → About: the versions, and the diagnostics file a centre's IT officer sends when something goes wrong.
 * The file is one JSON document (read in any editor, attached to an e-mail, searched with any tool; no archive
 * format to unpack on a ministry laptop). What it holds comes from the same read methods the screens use, never from
 * raw tables, so secrets the app keeps (PIN hashes, the database and tracking-number keys, the API token, enrolment
 * codes) have no way in; free text that may quote a person (errors, log lines, sync messages) is masked again.
 */
export function createDiagnosticsService(d: Deps) {
  let windowStart = -Infinity
  let inWindow = 0
  let suppressed = 0

  const about = (): AboutInfo =>
    aboutInfo({
      db: d.store.db,
      version: d.version,
      dataDir: d.dataDir,
      centre: d.appStatus().centre,
      versions: d.versions ?? process.versions,
      platform: d.platform ?? `${process.platform} ${process.arch}`,
    })

  return {
    about,

    async export(staff: Session): Promise<DiagnosticsFile> {
      const now = d.clock.now()
      const app = d.appStatus()
      const sync = d.sync()
      const logs = readRecentLogs(logsDir(d.dataDir))
      const printer = d.printer()
      const body = {
        kind: DIAGNOSTICS_KIND,
        version: 1,
        createdAt: new Date(now).toISOString(),
        createdBy: staff.staffNumber,
        about: about(),
        app: { setupDone: app.setupDone, deviceId: app.deviceId, recovery: app.recovery },
        ...maskForLog({
          status: d.status(),
          sync: { ...sync, apiUrl: safeUrl(sync.apiUrl) },
          outbox: {
            depth: sync.queueDepth,
            oldestUnsentAgeMs: sync.oldestUnsentAgeMs,
            deadLetters: sync.deadLetters,
            directoryPending: sync.directoryPending,
          },
          printer: { config: printer.config, description: printer.description, status: printer.status },
          scanner: d.scanner(),
          logging: { folder: logsDir(d.dataDir), problem: d.logProblem() },
        }),
        settings: d.settings(),
        dataFiles: dataFiles(d.dataDir),
      }
      // The logs are masked and written out in slices (recent-logs.ts), then set in as the document's last member.
      const head = JSON.stringify(body, null, 1)
      const masked = await logsJson(logs)
      const content = `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n "logs": ${masked.text}\n}\n`
      d.store.audit.write({
        at: now,
        staffNumber: staff.staffNumber,
        action: 'diagnostics.exported',
        detail: {
          bytes: Buffer.byteLength(content),
          logFiles: logs.length,
          logLines: masked.lines,
        },
      })
      const centre = app.centre
      const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '')
      return {
        fileName: `tms-diagnostics-${centre ? `${centre.number}-${centre.workstationSlot}-` : ''}${stamp}.json`,
        content,
      }
    },

    /** A window's error, into this process's log (masked there like every line); too many in a row are counted. */
    reportError(report: { message: string; stack?: string; where?: string }): null {
      const now = d.clock.now()
      if (now - windowStart >= REPORT_WINDOW_MS) {
        windowStart = now
        inWindow = 0
      }
      if (inWindow >= REPORTS_PER_WINDOW) {
        suppressed++
        return null
      }
      inWindow++
      const skipped = suppressed
      suppressed = 0
      d.logger.error(`window error: ${report.message}`, {
        source: 'renderer',
        ...(report.where ? { where: report.where } : {}),
        ...(report.stack ? { stack: report.stack } : {}),
        ...(skipped ? { notLogged: skipped } : {}),
      })
      return null
    },
  }
}
export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>
