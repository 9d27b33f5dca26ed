/** Time source, passed to services so tests can move time without sleeping. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/**
 * A clock that reads `start` at the moment `origin` of `base` and runs forward with `base` from there: the browser
 * host's test clock (`--fixed-start`), so a whole end-to-end run sees the same day and hour on every machine.
 */
export function clockFrom(start: number, origin: number, base: Clock = systemClock): Clock {
  // Whole milliseconds, as every stored time is (an origin may be fractional, e.g. performance.timeOrigin).
  const offset = Math.round(start - origin)
  return { now: () => base.now() + offset }
}

/** A clock tests set and advance by hand. */
export function manualClock(
  start = Date.UTC(2026, 10, 2, 7, 0, 0),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = start
  return {
    now: () => t,
    advance: (ms) => {
      t += ms
    },
    set: (ms) => {
      t = ms
    },
  }
}
