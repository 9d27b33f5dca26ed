import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { AboutInfo, AppStatus } from '../../../common/contract'

/** The parts of `process.versions` the About screen shows; tests pass their own. */
export type RuntimeVersions = Partial<Record<'node' | 'electron' | 'chrome', string>>

/** One SQL value, or null where this build of SQLite has no such function or pragma. */
function scalar(db: Database, sql: string): unknown {
  try {
    return db.prepare(sql).pluck().get() ?? null
  } catch {
    return null
  }
}

/**
 * Every version a centre's IT officer may be asked for. In the browser host the core runs in plain Node, so Electron
 * and its Chromium are null (said as such on screen), never guessed.
 */
export function aboutInfo(deps: {
  db: Database
  version: string
  dataDir: string
  centre: AppStatus['centre']
  versions: RuntimeVersions
  platform: string
}): AboutInfo {
  const { db } = deps
  const library = scalar(db, 'SELECT sqlite3mc_version()')
  const cipher = scalar(db, 'PRAGMA cipher')
  const legacy = scalar(db, 'PRAGMA legacy')
  // The pragma answers the scheme's version as text or a number depending on the build.
  const schemeVersion = Number(legacy) > 0 ? ` ${Number(legacy)}` : ''
  const scheme = cipher === 'sqlcipher' ? `SQLCipher${schemeVersion} scheme` : cipher
  return {
    app: deps.version,
    electron: deps.versions.electron ?? null,
    chromium: deps.versions.chrome ?? null,
    node: deps.versions.node ?? 'unknown',
    sqlite: String(scalar(db, 'SELECT sqlite_version()') ?? 'unknown'),
    sqlcipher:
      typeof library === 'string'
        ? `${library}${typeof scheme === 'string' ? `, ${scheme}` : ''}`
        : 'not encrypted (no cipher library)',
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
    dataDir: deps.dataDir,
    platform: deps.platform,
    centre: deps.centre,
  }
}
