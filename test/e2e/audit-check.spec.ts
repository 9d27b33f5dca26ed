import { expect, test } from '@playwright/test'
import type SqliteType from 'better-sqlite3-multiple-ciphers'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ADMIN, session } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * Settings → Audit log → "Check the audit log" in Chromium against the browser host: intact with the number of rows,
 * then, after a row is changed in the host's file with an SQLite tool, broken at that row.
 */

let host: RunningHost
test.beforeAll(async () => {
  host = await startHost()
})
test.afterAll(async () => {
  await host?.stop()
})

test('the audit check says the log is intact, and names the row changed behind the app’s back', async ({
  browser,
}) => {
  const admin = await session(browser, host.url)
  await admin.call('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
  await admin.call('staff.create', {
    staffNumber: 'CLK001',
    name: 'Brian Otieno',
    role: 'clerk',
    pin: '5937',
  })
  const { page } = admin
  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await page.getByRole('tab', { name: 'Audit log' }).click()
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('Staff member added')

  const check = page.getByRole('button', { name: 'Check the audit log' })
  await check.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Audit log' })).toHaveText(
    'Audit log intact: 2 rows checked',
  )

  // As someone with an SQLite tool and the key file would (main/db/cipher.ts's scheme). Loaded by its file: the
  // tsconfig path that gives TypeScript the package's types would hand Playwright the .d.ts.
  const req = createRequire(__filename)
  const lib = path.join(
    path.dirname(req.resolve('better-sqlite3-multiple-ciphers/package.json')),
    'lib/index.js',
  )
  const Sqlite = req(lib) as typeof SqliteType
  const db = new Sqlite(path.join(host.dataDir, 'tms.sqlite'))
  try {
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.pragma(`key = "x'${fs.readFileSync(path.join(host.dataDir, 'tms.key'), 'utf8').trim()}'"`)
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare("UPDATE audit_log SET staff_number = 'CLK001' WHERE id = 2").run()
  } finally {
    db.close()
  }
  await check.click()
  await expect(page.getByRole('alert').filter({ hasText: 'Audit log' })).toHaveText(
    /^Audit log broken at row #2: changed since it was written/,
  )
  await admin.context.close()
})
