import { afterEach, describe, expect, it } from 'vitest'
import type { UpdatePolicy } from '../../main/services/update/update-policy'
import { OPEN_WORK_LEASE_MS } from '../../main/services/open-work'
import { directoryChangeProblem } from '../../common/directory'
import { ok, setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * The core's side of the automatic update, on a real core and SQLite file with a manual clock: the policy it tells
 * the desktop shell (the centre settings, what is open at the desks) and the state it shows back. The shell and
 * electron-updater are not here (no Electron binary on this machine).
 */
let t: ReturnType<typeof testCore>
afterEach(() => t.close())

async function withCentre() {
  t = testCore()
  const admin = await setUpCentre(t.core)
  await signedIn(t.core, admin, 'counter-1', 'clerk')
  await signedIn(t.core, admin, 'desk-1', 'desk')
  const seen: UpdatePolicy[] = []
  t.core.updates.onPolicy((p) => seen.push(p))
  return { admin, seen }
}

describe('update policy from the core', () => {
  it('starts enabled on the build’s address with nothing open', async () => {
    const { seen } = await withCentre()
    expect(seen).toEqual([{ enabled: true, url: '', openWork: null }])
  })

  it('a registration and a hand-over opened at two desks are told at once, and closing them is too', async () => {
    const { seen } = await withCentre()
    await ok(t.core, 'counter-1', 'work.open', { what: 'registration', open: true })
    await ok(t.core, 'desk-1', 'work.open', { what: 'handover', open: true })
    expect(seen.at(-1)?.openWork).toBe('a registration and a hand-over')
    await ok(t.core, 'counter-1', 'work.open', { what: 'registration', open: false })
    expect(seen.at(-1)?.openWork).toBe('a hand-over')
    await ok(t.core, 'desk-1', 'work.open', { what: 'handover', open: false })
    expect(seen.at(-1)?.openWork).toBeNull()
  })

  it('signing out, or the window going, closes what it had open', async () => {
    const { seen } = await withCentre()
    await ok(t.core, 'counter-1', 'work.open', { what: 'registration', open: true })
    await ok(t.core, 'counter-1', 'auth.signOut', {})
    expect(seen.at(-1)?.openWork).toBeNull()
    await ok(t.core, 'desk-1', 'work.open', { what: 'handover', open: true })
    t.core.disconnect('desk-1')
    expect(seen.at(-1)?.openWork).toBeNull()
  })

  it('a report not renewed for 15 minutes lapses at the next tick (a window that froze blocks no update)', async () => {
    const { seen } = await withCentre()
    await ok(t.core, 'counter-1', 'work.open', { what: 'registration', open: true })
    t.clock.advance(OPEN_WORK_LEASE_MS - 1)
    t.core.tick()
    expect(seen.at(-1)?.openWork).toBe('a registration')
    t.clock.advance(1)
    t.core.tick()
    expect(seen.at(-1)?.openWork).toBeNull()
  })

  it('work.open needs a signed-in window', async () => {
    await withCentre()
    expect(await t.core.dispatch('nobody', 'work.open', { what: 'handover', open: true })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('the centre switching updates off, or giving a server, reaches the policy at the next tick', async () => {
    const { admin, seen } = await withCentre()
    await ok(t.core, admin, 'settings.update', {
      updatesEnabled: false,
      updateUrl: 'https://updates.example.go.ke/tms/',
    })
    t.core.tick()
    expect(seen.at(-1)).toEqual({ enabled: false, url: 'https://updates.example.go.ke/tms/', openWork: null })
  })

  it('refuses a plain-http server beyond this PC, and any non-web address, with nothing written', async () => {
    const { admin } = await withCentre()
    const before = await ok(t.core, admin, 'settings.get', {})
    expect(
      await t.core.dispatch(admin, 'settings.update', { updateUrl: 'http://updates.example.go.ke/' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'updateUrl',
        message:
          'The update server address starts with https:// (http:// is only for a test server on this PC: 127.0.0.1 or localhost)',
      },
    })
    expect(
      await t.core.dispatch(admin, 'settings.update', { updateUrl: 'ftp://x/', updatesEnabled: false }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'updateUrl',
        message: expect.stringMatching(/starting with https:\/\//),
      },
    })
    expect(await ok(t.core, admin, 'settings.get', {})).toEqual(before)
    await ok(t.core, admin, 'settings.update', { updateUrl: 'http://127.0.0.1:8123/updates/' })
    expect((await ok(t.core, admin, 'settings.get', {})).updateUrl).toBe('http://127.0.0.1:8123/updates/')
  })

  it('a clerk cannot switch updates off', async () => {
    await withCentre()
    expect(await t.core.dispatch('counter-1', 'settings.update', { updatesEnabled: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('the state the shell reports is in the status snapshot; before any report it says there is no updater', async () => {
    const { admin } = await withCentre()
    expect((await ok(t.core, admin, 'status.get', {})).update).toMatchObject({ kind: 'unavailable' })
    t.core.updates.report({ kind: 'downloading', version: '0.2.0', percent: 40 })
    expect((await ok(t.core, admin, 'status.get', {})).update).toEqual({
      kind: 'downloading',
      version: '0.2.0',
      percent: 40,
    })
  })
})

describe('the update settings in the centre directory', () => {
  it('replicate like the other centre settings, checked by the same rule as at this PC', () => {
    const change = (key: string, value: unknown) =>
      directoryChangeProblem({ kind: 'setting', key, field: 'value', value })
    expect(change('updatesEnabled', false)).toBeNull()
    expect(change('updateUrl', 'https://updates.example.go.ke/tms/')).toBeNull()
    expect(change('updateUrl', '')).toBeNull()
    expect(change('updateUrl', 'http://updates.example.go.ke/')).toMatch(
      /^value: The update server address starts with https:\/\//,
    )
    expect(change('updatesEnabled', 'no')).toBe('value: Automatic updates are on or off')
  })
})

describe('the update settings in a settings file', () => {
  it('travel with the file; a file from before they existed imports and leaves them as they are', async () => {
    const { admin } = await withCentre()
    await ok(t.core, admin, 'settings.update', {
      updatesEnabled: false,
      updateUrl: 'https://updates.example.go.ke/tms/',
    })
    const file = await ok(t.core, admin, 'settings.export', {})
    const body = JSON.parse(file.content) as { settings: Record<string, unknown> }
    expect(body.settings).toMatchObject({
      updatesEnabled: false,
      updateUrl: 'https://updates.example.go.ke/tms/',
    })
    delete body.settings['updatesEnabled']
    delete body.settings['updateUrl']
    body.settings['idleLockMinutes'] = 7
    await ok(t.core, admin, 'settings.import', { content: JSON.stringify(body) })
    expect(await ok(t.core, admin, 'settings.get', {})).toMatchObject({
      idleLockMinutes: 7,
      updatesEnabled: false,
      updateUrl: 'https://updates.example.go.ke/tms/',
    })
  })
})
