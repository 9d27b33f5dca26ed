import type { AppStatus } from './types'

/** Output shapes of the about and diagnostics methods. */

/** Every version that matters when IT asks "which one is this?", and where this PC keeps its data. */
export interface AboutInfo {
  app: string
  /** Null in the browser host: the core then runs in plain Node, not in Electron. */
  electron: string | null
  /** The Chromium inside Electron; null in the browser host (the page names the browser it runs in). */
  chromium: string | null
  node: string
  sqlite: string
  /** The cipher library and the scheme the data file is encrypted with. */
  sqlcipher: string
  /** `PRAGMA user_version` of the data file: the newest migration applied. */
  schemaVersion: number
  dataDir: string
  /** Operating system and processor, as Node names them (`linux x64`, `win32 x64`). */
  platform: string
  centre: AppStatus['centre']
}

/** The diagnostics file to save (diagnostics.export): one JSON document. */
export interface DiagnosticsFile {
  fileName: string
  content: string
}
