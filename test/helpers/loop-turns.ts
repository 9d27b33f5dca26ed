import { sliceStats } from '../../main/infra/slices'

/**
 * Runs `work` and tells how many slices it took and how many times the event loop ran something else meanwhile
 * (a chain of `setImmediate` callbacks standing for the requests and scans waiting at a counter). Work cut into
 * slices that give the loop back has `turns` ≥ `slices` − 1; work done in one go has about none. How long each slice
 * lasts is a benchmark figure (`npm run bench`), not something a test on a shared machine can hold to.
 */
export async function sliceCount<T>(
  work: () => Promise<T>,
): Promise<{ value: T; slices: number; turns: number }> {
  const stepsBefore = sliceStats.steps
  let turns = 0
  let running = true
  const tick = (): void => {
    if (!running) return
    turns++
    setImmediate(tick)
  }
  setImmediate(tick)
  try {
    const value = await work()
    return { value, slices: sliceStats.steps - stepsBefore, turns }
  } finally {
    running = false
  }
}
