import { defineConfig } from 'vitest/config'

/** `npm run bench`: benchmarks as plain runs that print one line per figure (not tests: nothing asserts speed). */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
})
