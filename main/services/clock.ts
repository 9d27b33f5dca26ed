/** Time source, passed to services so tests can move time without sleeping. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

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
