/**
 * Where the desktop app's automatic update stands (main/services/update/update-policy.ts decides it; the status bar
 * snapshot carries it to Settings → Workstation, which words it in the window's language). Plain data: it crosses the
 * core's parent port, IPC and HTTP.
 */
export type UpdateState =
  /** This process cannot update itself (the browser host, a build without the signing key, a dev run). */
  | { kind: 'unavailable'; detail: string }
  /** The centre switched updates off: nothing is checked or downloaded. */
  | { kind: 'off' }
  /** Nothing to do now: up to date at `checkedAt`, or not checked yet (null). */
  | { kind: 'idle'; checkedAt: number | null }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded and its signature verified; installs once nothing is open (`waitingFor` says what still is). */
  | { kind: 'ready'; version: string; waitingFor: string | null }
  | { kind: 'installing'; version: string }
  /** The last check or download failed, or an update was refused; the next check is at `retryAt`. */
  | { kind: 'error'; message: string; at: number; retryAt: number | null }
