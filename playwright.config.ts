import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium'

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the browser host, which each spec
 * starts itself on a free port with its own data dir (see test/e2e/fixtures/host.ts).
 */
export default defineConfig({
  testDir: 'test/e2e',
  tsconfig: './tsconfig.playwright.json',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
})
