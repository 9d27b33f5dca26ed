import { OPEN_WORK_KINDS, OPEN_WORK_LABEL, type OpenWorkKind } from '../../common/open-work'
import type { Clock } from '../infra/clock'

/**
 * How long a report of open work holds without being renewed. The renderer renews every few minutes while the form
 * or hand-over stays open; a window that crashed or froze without saying "closed" stops blocking updates after this.
 */
export const OPEN_WORK_LEASE_MS = 15 * 60_000

/**
 * Which connections have a registration or hand-over open, for the update policy ("install only when nothing is
 * open"). Held per connection key and kind; a connection that goes, or signs out, holds nothing.
 */
export function createOpenWork(clock: Clock, leaseMs = OPEN_WORK_LEASE_MS) {
  // `${key}\u0000${kind}` → until when the report holds.
  const held = new Map<string, number>()
  const id = (key: string, kind: OpenWorkKind): string => `${key}\u0000${kind}`
  return {
    report(key: string, kind: OpenWorkKind, open: boolean): void {
      if (open) held.set(id(key, kind), clock.now() + leaseMs)
      else held.delete(id(key, kind))
    },
    release(key: string): void {
      for (const kind of OPEN_WORK_KINDS) held.delete(id(key, kind))
    },
    /** What is open anywhere, in words ("a hand-over and a registration"), or null when nothing is. */
    describe(): string | null {
      const now = clock.now()
      for (const [k, until] of held) if (until <= now) held.delete(k)
      const kinds = OPEN_WORK_KINDS.filter((kind) =>
        [...held.keys()].some((k) => k.endsWith(`\u0000${kind}`)),
      )
      return kinds.length === 0 ? null : kinds.map((k) => OPEN_WORK_LABEL[k]).join(' and ')
    },
  }
}
export type OpenWork = ReturnType<typeof createOpenWork>
