import type { Scheduler } from '../../main/services/update/update-policy'

/** A scheduler on a hand-moved clock: `advance` fires, in time order, every timer that falls due. */
export function manualScheduler(start = Date.UTC(2027, 2, 2, 7, 0, 0)): Scheduler & {
  advance(ms: number): void
  pending(): number
} {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    after(ms, fn) {
      const id = ++seq
      timers.set(id, { at: now + ms, fn })
      return () => timers.delete(id)
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!next || next[1].at > end) break
        timers.delete(next[0])
        now = next[1].at
        next[1].fn()
      }
      now = end
    },
    pending: () => timers.size,
  }
}
