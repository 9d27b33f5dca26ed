import { defineConfig } from 'vitest/config'

/** Unit and integration tests (real SQLite files in temp dirs, real sockets on 127.0.0.1). E2E is Playwright's. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
})
