import { performance } from 'node:perf_hooks'

/**
 * Long work in slices. better-sqlite3 is synchronous: while one statement or transaction runs, the core answers
 * nothing — no scan, no registration, no timer. Work that could take seconds on a large centre (a campaign to the
 * whole shelf, a manifest of thousands of documents, a replication catch-up) is cut into steps that each hold the
 * event loop for about `targetMs`, and gives the loop back between steps so waiting requests run.
 */

/** What one slice aims at; the hard ceiling the project holds itself to is 50 ms. */
export const SLICE_TARGET_MS = 10
const FIRST_SIZE = 32
const MAX_SIZE = 5_000

/** What the project holds any one turn of the event loop to. */
export const TURN_CEILING_MS = 50

/**
 * The longest single step so far in this process, how many steps ran, and how many of them passed the ceiling:
 * the benchmarks report them.
 */
export const sliceStats = { longestMs: 0, steps: 0, overCeiling: 0 }

/** Lets every callback already queued (requests, scans, timers due) run before the next slice. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface SliceOptions {
  targetMs?: number
  /** Size of the first step, before anything is measured. */
  firstSize?: number
  maxSize?: number
  /** Monotonic milliseconds; a test passes its own. */
  now?: () => number
  /** Awaited between two slices, after the loop has had its turn (a catch-up's WAL checkpoint). */
  between?: () => Promise<void>
}

/**
 * Calls `step(size)` until it answers `false` (nothing left), yielding to the event loop between calls. `size` is
 * how many items the step should take on: it starts small and follows the measured cost per item so each step lasts
 * about `targetMs`, halving at once after a step that ran long (a cold page cache, a busy disk). Answers the size
 * a next step would have had, for work that goes on in another call (a catch-up's next page).
 */
export async function runInSlices(step: (size: number) => boolean, opts: SliceOptions = {}): Promise<number> {
  const target = opts.targetMs ?? SLICE_TARGET_MS
  const max = opts.maxSize ?? MAX_SIZE
  const now = opts.now ?? (() => performance.now())
  let size = Math.min(max, opts.firstSize ?? FIRST_SIZE)
  for (;;) {
    const started = now()
    const more = step(size)
    const took = now() - started
    sliceStats.steps++
    if (took > sliceStats.longestMs) sliceStats.longestMs = took
    if (took > TURN_CEILING_MS) sliceStats.overCeiling++
    size = nextSize(size, took, target, max)
    if (!more) return size
    await yieldToLoop()
    await opts.between?.()
  }
}

/** The next step's size from the last one's: proportional to the time left in the target, never a jump past ×2. */
export function nextSize(size: number, tookMs: number, targetMs: number, max: number): number {
  if (tookMs > targetMs * 1.5) return Math.max(1, Math.floor(size / 2))
  const fit = tookMs <= 0 ? size * 2 : Math.floor((size * targetMs) / tookMs)
  return Math.max(1, Math.min(max, size * 2, fit))
}
