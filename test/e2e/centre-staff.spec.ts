import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import path from 'node:path'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { ADMIN, apiCaller, type ApiCall } from './fixtures/desk'
import { startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * One centre, not three PCs: three browser hosts (each its own data folder) and the central API simulator. Staff
 * and centre settings are made on one PC and hold on the others once they have synced: an administrator on PC A
 * adds a clerk, the clerk signs in on PC B, is deactivated on PC C and is then refused on A and B; a centre
 * setting changed on B is what A and C show; a fourth PC joined from scratch at the setup screen has the centre's
 * staff and settings, and works.
 */

const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const NEW_CLERK = { staffNumber: 'CLK777', name: 'Achieng Odhiambo', pin: '8264' }

interface Station {
  host: RunningHost
  call: ApiCall
}

let sim: CentralSim
const pcs: Record<'a' | 'b' | 'c', Station> = {} as never
let fresh: RunningHost | null = null
/** Every browser context this spec opens (a PC's window each), closed at the end with the hosts. */
const contexts: BrowserContext[] = []
const newPage = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext()
  contexts.push(context)
  return context.newPage()
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000)
  const clock = timeline()
  sim = await startCentralSim({
    enrolmentCodes: { '042': ['PC-A-042', 'PC-B-042', 'PC-C-042', 'PC-D-042'] },
    centreNames: { '042': 'Huduma Centre GPO' },
    now: () => clock.now(),
  })
  const plan = [
    ['a', '01', 'PC-A-042'],
    ['b', '02', 'PC-B-042'],
    ['c', '03', 'PC-C-042'],
  ] as const
  for (const [name, slot, code] of plan) {
    const host = await startHost({ timeline: clock })
    const page = await newPage(browser)
    await page.goto(host.url)
    const call = apiCaller(page.request, host.url)
    await call('setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    await call('sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    pcs[name] = { host, call }
  }
})
test.afterAll(async () => {
  await sim?.close()
  for (const s of Object.values(pcs)) await s.host.stop()
  await fresh?.stop()
  for (const c of contexts) await c.close()
})

/** What "Sync now" does on each PC, twice round, so a change made anywhere has reached everyone. */
const syncAll = async (): Promise<void> => {
  for (let pass = 0; pass < 2; pass++) for (const s of Object.values(pcs)) await s.call('sync.now', {})
}

async function signInPage(browser: Browser, url: string, who: { staffNumber: string; pin: string }) {
  const page = await newPage(browser)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(url)
  await fillSignIn(page, who)
  return page
}

async function fillSignIn(page: Page, who: { staffNumber: string; pin: string }): Promise<void> {
  await page.getByLabel('Staff number').fill(who.staffNumber)
  await page.getByLabel(/^PIN/).fill(who.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a clerk added on A signs in on B, is deactivated on C and is then refused on A and B', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  // PC A: the administrator adds the clerk in Settings → Staff.
  const a = await signInPage(browser, pcs.a.host.url, ADMIN)
  await a.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await a.getByRole('button', { name: 'Add staff member' }).click()
  const add = a.getByRole('dialog', { name: 'Add staff member' })
  await add.getByLabel('Staff number').fill(NEW_CLERK.staffNumber)
  await add.getByLabel('Full name').fill(NEW_CLERK.name)
  await add.getByLabel(/^PIN/).fill(NEW_CLERK.pin)
  await add.getByLabel('Repeat PIN').fill(NEW_CLERK.pin)
  await add.getByRole('button', { name: 'Add staff member' }).click()
  await expect(a.getByText(`${NEW_CLERK.name} (${NEW_CLERK.staffNumber}) added.`)).toBeVisible()
  await expect(a.getByText('Whole centre').first()).toBeVisible()
  await a.screenshot({ path: path.join(SHOTS, 'centre-staff-added-on-a.png') })

  // Before B has synced, it does not know the clerk; after, the clerk signs in there with the PIN set on A.
  const b = await signInPage(browser, pcs.b.host.url, NEW_CLERK)
  await expect(b.getByText(/Wrong staff number or PIN/)).toBeVisible()
  await syncAll()
  await fillSignIn(b, NEW_CLERK)
  await expect(b.getByRole('heading', { name: 'New application' })).toBeVisible()
  await expect(b.getByText(NEW_CLERK.name)).toBeVisible()

  // PC C: the administrator deactivates the clerk.
  const c = await signInPage(browser, pcs.c.host.url, ADMIN)
  await c.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  const staff = c.getByRole('table', { name: 'Staff' })
  await expect(staff.getByRole('row', { name: new RegExp(NEW_CLERK.staffNumber) })).toBeVisible()
  await c.getByRole('button', { name: `Edit ${NEW_CLERK.name}` }).click()
  const edit = c.getByRole('dialog')
  const active = edit.getByRole('switch', { name: 'Active (may sign in)' })
  await active.press('Space')
  await expect(active).not.toBeChecked()
  await edit.getByRole('button', { name: /^Save/ }).click()
  await expect(edit).toBeHidden()
  await syncAll()

  // B, where the clerk was still signed in, ends that session at its next call; A and B refuse a new sign-in.
  await b.reload()
  await expect(b.getByLabel('Staff number')).toBeVisible()
  await expect(b.getByRole('heading', { name: 'New application' })).toHaveCount(0)
  for (const url of [pcs.a.host.url, pcs.b.host.url]) {
    const page = await signInPage(browser, url, NEW_CLERK)
    await expect(page.getByText('This staff account is deactivated. Ask an administrator.')).toBeVisible()
    if (url === pcs.b.host.url)
      await page.screenshot({ path: path.join(SHOTS, 'centre-staff-refused-on-b.png') })
  }
  const onB = await pcs.b.call<{ active: boolean; staffNumber: string }[]>('staff.list', {})
  expect(onB.find((s) => s.staffNumber === NEW_CLERK.staffNumber)).toMatchObject({ active: false })
})

test('a centre setting changed on B is what A and C show, with who changed it in their audit logs', async ({
  browser,
}) => {
  const b = await signInPage(browser, pcs.b.host.url, ADMIN)
  await b.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await b.getByRole('tab', { name: 'Workstation' }).click()
  const grace = b.getByLabel("Minutes after arrival before the customer's SMS")
  await grace.fill('45')
  await b.getByRole('button', { name: /^Save/ }).first().click()
  await expect
    .poll(async () => (await pcs.b.call<{ readyGraceMinutes: number }>('settings.get', {})).readyGraceMinutes)
    .toBe(45)
  await syncAll()

  for (const pc of [pcs.a, pcs.c]) {
    expect((await pc.call<{ readyGraceMinutes: number }>('settings.get', {})).readyGraceMinutes).toBe(45)
    const audit = await pc.call<{ staffNumber: string | null; detail: Record<string, unknown> }[]>(
      'audit.list',
      {
        limit: 20,
        action: 'settings.replicated',
      },
    )
    expect(audit.find((r) => r.detail.key === 'readyGraceMinutes')).toMatchObject({
      staffNumber: ADMIN.staffNumber,
      detail: { value: 45 },
    })
  }
  // On A the field itself shows the centre's value.
  const a = await signInPage(browser, pcs.a.host.url, ADMIN)
  await a.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await a.getByRole('tab', { name: 'Workstation' }).click()
  await expect(a.getByLabel("Minutes after arrival before the customer's SMS")).toHaveValue('45')
  await a.screenshot({ path: path.join(SHOTS, 'centre-setting-on-a.png') })
})

test('a fourth PC joined from scratch at the setup screen has the centre’s staff and settings, and works', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  fresh = await startHost({ timeline: pcs.a.host.timeline })
  const d = await newPage(browser)
  await d.setViewportSize({ width: 1366, height: 768 })
  await d.goto(fresh.url)
  await d.getByText('Join its centre', { exact: true }).click()
  await d.getByLabel('Central API address').fill(sim.url)
  await d.getByLabel('Enrolment code').fill('PC-D-042')
  await d.getByLabel('Centre number').fill('042')
  await d.getByLabel('Workstation slot').fill('01')
  await d.screenshot({ path: path.join(SHOTS, 'setup-join-centre.png') })
  // Slot 01 is PC A's: refused with what to do, and the form stays to choose another.
  await d.getByRole('button', { name: 'Join the centre' }).click()
  await expect(d.getByRole('alert')).toContainText('already held by another PC')
  await d.getByLabel('Workstation slot').fill('04')
  await d.getByRole('button', { name: 'Join the centre' }).click()

  // The sign-in screen under the registry's centre name, with the catch-up until it is done.
  await expect(d.getByRole('heading', { name: 'Huduma Centre GPO' })).toBeVisible()
  await expect(d.getByText('Centre 042 · Workstation 04')).toBeVisible()
  await expect(d.getByText(/^Ready to work/)).toBeVisible({ timeout: 30_000 })
  await d.screenshot({ path: path.join(SHOTS, 'sign-in-after-join.png') })
  await fillSignIn(d, ADMIN)
  await expect(d.getByRole('heading', { name: 'New application' })).toBeVisible()

  const call = apiCaller(d.request, fresh.url)
  const summary = (list: { staffNumber: string; role: string; active: boolean }[]) =>
    list.map((s) => `${s.staffNumber} ${s.role} ${s.active}`).sort()
  expect(summary(await call('staff.list', {}))).toEqual(summary(await pcs.a.call('staff.list', {})))
  expect(await call('settings.get', {})).toEqual(await pcs.b.call('settings.get', {}))

  // It works: a registration here carries slot 04 and reaches PC A.
  await d.getByPlaceholder('Type to find a service').click()
  await d.getByRole('option', { name: 'Birth certificate' }).click()
  await d.getByLabel('Customer name').fill('Chebet Langat')
  await d.getByLabel('Phone (for SMS)').fill('0733 456 789')
  await d.getByLabel(/^ID number/).fill('25678901')
  await d.getByLabel('Customer name').press('Control+Enter')
  const shown = d.getByTestId('last-tracking-number')
  await expect(shown).toBeVisible()
  const tn = ((await shown.textContent()) ?? '').replace(/\s/g, '')
  expect(tn).toMatch(/^04204\d{7}$/)
  await call('sync.now', {})
  await syncAll()
  expect(await pcs.a.call('application.get', { trackingNumber: tn })).toMatchObject({
    customerName: 'Chebet Langat',
  })
})
