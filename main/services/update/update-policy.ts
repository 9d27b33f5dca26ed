import type { UpdateState } from '../../../common/update-status'
import type { UpdateManifest } from './update-manifest'

/**
 * Every decision of the automatic update, with no Electron in it: when to check, whether what was found is the
 * ministry's signed update, when a download may be installed. main/electron/auto-update.ts wires it to
 * electron-updater (which does the HTTP, the download and the install) and to the core (which knows the centre's
 * settings and whether a hand-over or a registration is open at a desk).
 *
 * Never mid-work: a downloaded update installs only after nothing has been open for `quietMs` (a receipt is still
 * printing just after a registration, and the next customer steps up), and at the latest when the app quits. Until
 * a download is verified, electron-updater is told not to install on quit either.
 */

/** What the core says, sent again whenever any of it changes. */
export interface UpdatePolicy {
  /** The centre setting `updatesEnabled`. */
  enabled: boolean
  /** The centre setting `updateUrl`; '' means the build's address. */
  url: string
  /** What is open at a desk ("a hand-over"), or null when nothing is. */
  openWork: string | null
}

/** What electron-updater found, as its `update-available` gives it. */
export interface FoundUpdate {
  version: string
  files: readonly { url: string; sha512?: string | undefined }[]
}

/** The side effects, done by the Electron glue (or a test). */
export interface UpdaterPort {
  /** Point the updater at `url` and check; the outcome comes back as found / notFound / failed. */
  check(url: string): void
  /** The signed manifest at `url`, when `found` is what it vouches for; throws UpdateRefusedError when not. */
  verifyFound(url: string, found: FoundUpdate): Promise<UpdateManifest>
  /** Start the background download; its outcome comes back as progress / downloaded / failed. */
  download(): void
  cancelDownload(): void
  /** Why the downloaded file is not one the signed manifest lists, or null. */
  verifyDownloaded(file: string, signed: UpdateManifest): Promise<string | null>
  /** Whether electron-updater may install what it downloaded when the app quits. */
  installOnQuit(allowed: boolean): void
  /** Quit and install now. */
  install(): void
  report(state: UpdateState): void
}

export interface Scheduler {
  now(): number
  /** Runs `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void
}

export interface UpdateTimings {
  /** After start-up, before the first check: the window and the core come up first. */
  firstCheckMs: number
  /** Between checks when up to date or after a refusal (a refused update stays refused until the server changes). */
  intervalMs: number
  /** After a failed check or download (network down): sooner than the interval. */
  retryMs: number
  /** After the centre changed the server address or switched updates on. */
  soonMs: number
  /** Nothing open for this long before a downloaded update installs. */
  quietMs: number
}

export const UPDATE_TIMINGS: UpdateTimings = {
  firstCheckMs: 2 * 60_000,
  intervalMs: 4 * 60 * 60_000,
  retryMs: 30 * 60_000,
  soonMs: 10_000,
  quietMs: 60_000,
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function createUpdatePolicy(opts: {
  port: UpdaterPort
  scheduler: Scheduler
  /** The build's update server (app-update.yml), or null when the build has none. */
  defaultUrl: string | null
  /** Why this build cannot verify updates (no signing key), or null: then it never checks. */
  keyProblem: string | null
  timings?: Partial<UpdateTimings>
  /** Refusals and failures, for the log. */
  onProblem?: (text: string) => void
}) {
  const { port, scheduler } = opts
  const t: UpdateTimings = { ...UPDATE_TIMINGS, ...opts.timings }
  let policy: UpdatePolicy | null = null
  let state: UpdateState = { kind: 'idle', checkedAt: null }
  let lastReported = ''
  let checkedAt: number | null = null
  let signed: UpdateManifest | null = null
  // Bumped whenever a check or download is abandoned, so an answer that arrives for it afterwards is dropped.
  let generation = 0
  let cancelTimer: (() => void) | null = null

  const set = (next: UpdateState): void => {
    state = next
    const text = JSON.stringify(next)
    if (text === lastReported) return
    lastReported = text
    port.report(next)
  }
  const clearTimer = (): void => {
    cancelTimer?.()
    cancelTimer = null
  }
  const at = (ms: number, fn: () => void): void => {
    clearTimer()
    cancelTimer = scheduler.after(ms, () => {
      cancelTimer = null
      fn()
    })
  }
  const url = (): string | null => (policy?.url ? policy.url : opts.defaultUrl)

  const fail = (text: string, retryMs: number): void => {
    opts.onProblem?.(text)
    generation++
    signed = null
    port.installOnQuit(false)
    const now = scheduler.now()
    set({ kind: 'error', message: text, at: now, retryAt: now + retryMs })
    at(retryMs, check)
  }

  function check(): void {
    const target = url()
    if (!policy?.enabled || !target) return
    if (state.kind !== 'idle' && state.kind !== 'error') return
    generation++
    set({ kind: 'checking' })
    port.check(target)
  }

  /** Drops whatever is under way and starts over from idle, checking after `ms`. */
  const restart = (ms: number): void => {
    if (state.kind === 'downloading') port.cancelDownload()
    generation++
    signed = null
    port.installOnQuit(false)
    if (!url()) {
      clearTimer()
      set({
        kind: 'unavailable',
        detail:
          'No update server is set: this build has none, and the centre has not given one (Settings → Workstation).',
      })
      return
    }
    set({ kind: 'idle', checkedAt })
    at(ms, check)
  }

  /** In `ready`: install once nothing has been open for quietMs; wait while something is. */
  const considerInstall = (): void => {
    if (state.kind !== 'ready') return
    const { version } = state
    if (policy?.openWork) {
      clearTimer()
      set({ kind: 'ready', version, waitingFor: policy.openWork })
      return
    }
    set({ kind: 'ready', version, waitingFor: null })
    if (cancelTimer) return
    at(t.quietMs, () => {
      if (state.kind !== 'ready' || policy?.openWork || !policy?.enabled) return
      set({ kind: 'installing', version })
      port.install()
    })
  }

  if (opts.keyProblem) set({ kind: 'unavailable', detail: `Updates cannot be verified: ${opts.keyProblem}.` })

  return {
    state: (): UpdateState => state,

    /** The core's settings and open work; the first call starts the schedule. */
    policy(next: UpdatePolicy): void {
      if (opts.keyProblem) return
      const prev = policy
      policy = next
      if (!next.enabled) {
        if (state.kind === 'off') return
        clearTimer()
        if (state.kind === 'downloading') port.cancelDownload()
        generation++
        signed = null
        port.installOnQuit(false)
        set({ kind: 'off' })
        return
      }
      if (!prev || !prev.enabled) return restart(prev ? t.soonMs : t.firstCheckMs)
      if (prev.url !== next.url) return restart(t.soonMs)
      if (prev.openWork !== next.openWork) considerInstall()
    },

    found(update: FoundUpdate): void {
      if (state.kind !== 'checking') return
      const target = url()
      if (!target) return
      const gen = generation
      port.verifyFound(target, update).then(
        (manifest) => {
          if (gen !== generation || state.kind !== 'checking') return
          signed = manifest
          set({ kind: 'downloading', version: manifest.version, percent: 0 })
          port.download()
        },
        (err: unknown) => {
          if (gen !== generation) return
          const refused = err instanceof Error && err.name === 'UpdateRefusedError'
          fail(message(err), refused ? t.intervalMs : t.retryMs)
        },
      )
    },

    notFound(): void {
      if (state.kind !== 'checking') return
      checkedAt = scheduler.now()
      set({ kind: 'idle', checkedAt })
      at(t.intervalMs, check)
    },

    progress(percent: number): void {
      if (state.kind !== 'downloading') return
      // Whole percents only: the status push to every window follows each change.
      const whole = Math.max(0, Math.min(100, Math.floor(percent)))
      set({ kind: 'downloading', version: state.version, percent: whole })
    },

    downloaded(file: string): void {
      if (state.kind !== 'downloading' || !signed) return
      const { version } = state
      const manifest = signed
      const gen = generation
      port.verifyDownloaded(file, manifest).then(
        (problem) => {
          if (gen !== generation || state.kind !== 'downloading') return
          if (problem) return fail(`Update ${version} refused and not installed: ${problem}`, t.intervalMs)
          checkedAt = scheduler.now()
          port.installOnQuit(true)
          set({ kind: 'ready', version, waitingFor: policy?.openWork ?? null })
          considerInstall()
        },
        (err: unknown) => {
          if (gen !== generation) return
          fail(`Update ${version} refused and not installed: ${message(err)}`, t.intervalMs)
        },
      )
    },

    /** electron-updater's `error`, or a check or download that threw. */
    failed(err: unknown): void {
      if (state.kind !== 'checking' && state.kind !== 'downloading') return
      fail(
        `The update ${state.kind === 'checking' ? 'check' : 'download'} failed: ${message(err)}`,
        t.retryMs,
      )
    },

    stop(): void {
      clearTimer()
      generation++
    },
  }
}
export type UpdatePolicyMachine = ReturnType<typeof createUpdatePolicy>
