/**
 * mulberry32: a small seeded PRNG, so a seed always builds the same centre (demo seeder) and repeats the same fault
 * rolls (central simulator). Returns a function giving [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Exponentially distributed with the given mean. */
export const exponential = (rand: () => number, mean: number): number => -Math.log(1 - rand()) * mean

/** Log-normal around a median (sigma in log units): right-skewed, like real waiting times. */
export function logNormal(rand: () => number, median: number, sigma: number): number {
  const u = Math.max(rand(), 1e-12)
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
  return median * Math.exp(sigma * z)
}
