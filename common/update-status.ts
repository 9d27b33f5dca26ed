/**
 * Where the desktop app's automatic update stands (main/services/update/update-policy.ts decides it; the status bar
 * snapshot carries it to Settings → Workstation). Plain data: it crosses the core's parent port, IPC and HTTP.
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

/** What an IT officer reads in Settings: one sentence per state. */
export function describeUpdateState(s: UpdateState): string {
  switch (s.kind) {
    case 'unavailable':
      return s.detail
    case 'off':
      return 'Updates are switched off for this centre: nothing is checked or downloaded.'
    case 'idle':
      return s.checkedAt === null ? 'Waiting for the first check.' : 'Up to date.'
    case 'checking':
      return 'Checking the update server…'
    case 'downloading':
      return `Downloading version ${s.version} in the background: ${Math.floor(s.percent)}%.`
    case 'ready':
      return s.waitingFor
        ? `Version ${s.version} is downloaded and verified. It installs when ${s.waitingFor} is closed (or when the app is closed).`
        : `Version ${s.version} is downloaded and verified: it installs in a moment.`
    case 'installing':
      return `Installing version ${s.version}: the app restarts.`
    case 'error':
      return s.message
  }
}
