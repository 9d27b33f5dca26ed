import { defineConfig } from 'vitest/config'

/**
 * Unit and integration tests (real SQLite files in temp dirs, real sockets on 127.0.0.1) in Node, and the
 * renderer's tests (its helpers and the real components, talking to a fake core) in jsdom. E2E is Playwright's.
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
})
