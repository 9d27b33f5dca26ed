import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Settings, SettingsFile } from '../../common/contract'
import { rowCounts } from '../helpers/db-counts'
import { setUpCentre, testCore } from '../helpers/core'

/** Settings export on one PC and import on another of the same centre, and the refusal of a bad or altered file. */
describe('settings file export and import', () => {
  let a: ReturnType<typeof testCore>
  let b: ReturnType<typeof testCore>
  let adminA: string
  let adminB: string

  beforeEach(async () => {
    a = testCore()
    b = testCore()
    adminA = await setUpCentre(a.core)
    adminB = await setUpCentre(b.core)
  })
  afterEach(() => {
    a.close()
    b.close()
  })

  async function exported(): Promise<SettingsFile> {
    const changed = await a.core.dispatch(adminA, 'settings.update', {
      readyGraceMinutes: 45,
      smsPriceKes: 1.2,
      reminderQuietStart: '19:30',
      slotScheme: {
        kind: 'fixed',
        slots: [
          { label: 'A-01', capacity: 50 },
          { label: 'A-02', capacity: 50 },
        ],
      },
      howToCheck: 'Check at any Huduma Centre with this receipt, or scan the QR code.',
    } as never)
    expect(changed.ok, changed.ok ? '' : changed.error.message).toBe(true)
    const services = await a.core.dispatch(adminA, 'catalogue.list', {})
    const birth = (services as { value: { code: string }[] }).value.find((s) => s.code === 'BIRTH_CERT')!
    const edited = await a.core.dispatch(adminA, 'catalogue.update', { ...birth, turnaroundDays: 9 } as never)
    expect(edited.ok, edited.ok ? '' : edited.error.message).toBe(true)
    const file = await a.core.dispatch(adminA, 'settings.export', {})
    if (!file.ok) throw new Error(file.error.message)
    return file.value as SettingsFile
  }

  it('a file exported on PC A and imported on PC B gives B equal settings and catalogue, audited', async () => {
    const file = await exported()
    expect(file.fileName).toMatch(/^tms-settings-042-\d{4}-\d{2}-\d{2}\.json$/)
    const r = await b.core.dispatch(adminB, 'settings.import', { content: file.content })
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    const settingsA = (await a.core.dispatch(adminA, 'settings.get', {})) as { value: Settings }
    const settingsB = (await b.core.dispatch(adminB, 'settings.get', {})) as { value: Settings }
    expect(settingsB.value).toEqual(settingsA.value)
    expect(settingsB.value.readyGraceMinutes).toBe(45)
    const listA = await a.core.dispatch(adminA, 'catalogue.list', {})
    const listB = await b.core.dispatch(adminB, 'catalogue.list', {})
    expect(listB).toEqual(listA)
    expect((r as { value: { servicesChanged: number } }).value.servicesChanged).toBe(1)
    const audit = await b.core.dispatch(adminB, 'audit.list', { action: 'settings.imported' })
    expect((audit as { value: unknown[] }).value).toHaveLength(1)
  })

  it('carries no secret and no personal data', async () => {
    const file = await exported()
    const text = file.content
    const staff = a.core.store.db.prepare('SELECT pin_hash, name FROM staff').get() as {
      pin_hash: string
      name: string
    }
    expect(text).not.toContain(staff.pin_hash)
    expect(text).not.toContain(staff.name)
    // No field anywhere in the file is a token, a key, a PIN or a device's (the KRA PIN *service* may be named).
    const names: string[] = []
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          names.push(k)
          walk(x)
        }
    }
    walk(JSON.parse(text))
    expect(names.filter((n) => /token|pin|key|device|secret|hash|phone|name$/i.test(n))).toEqual([])
    expect(text).not.toContain(a.core.store.centre.get()!.device_id)
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual([
      'centreNumber',
      'exportedAt',
      'kind',
      'services',
      'settings',
      'version',
    ])
  })

  const refusals: [string, (f: Record<string, unknown>) => unknown, RegExp][] = [
    [
      'an altered value outside what settings.update accepts',
      (f) => ({ ...f, settings: { ...(f.settings as object), readyGraceMinutes: -5 } }),
      /Grace time cannot be negative \(settings\.readyGraceMinutes\)/,
    ],
    [
      'a setting left out',
      (f) => {
        const s = { ...(f.settings as Record<string, unknown>) }
        delete s.smsPriceKes
        return { ...f, settings: s }
      },
      /settings\.smsPriceKes/,
    ],
    [
      'an unknown setting',
      (f) => ({ ...f, settings: { ...(f.settings as object), apiToken: 'x' } }),
      /settings/,
    ],
    [
      'a control character hidden in a JSON escape',
      (f) => ({
        ...f,
        settings: { ...(f.settings as object), howToCheck: 'Check \u001b[2J at any Huduma Centre' },
      }),
      /settings\.howToCheck/,
    ],
    [
      'a bad service in the catalogue part',
      (f) => ({ ...f, services: [{ ...((f.services as object[])[0] as object), turnaroundDays: 'soon' }] }),
      /services\.0/,
    ],
    [
      'a service this PC does not have',
      (f) => ({ ...f, services: [{ ...((f.services as object[])[0] as object), code: 'NO_SUCH' }] }),
      /NO_SUCH is not in this PC’s catalogue/,
    ],
    [
      'another centre’s file',
      (f) => ({ ...f, centreNumber: '043' }),
      /centre 043, and this PC is centre 042/,
    ],
    ['another kind of file', (f) => ({ ...f, kind: 'tms-transfer' }), /not a Track My Service settings file/],
  ]
  for (const [what, alter, message] of refusals) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const file = await exported()
      const content = JSON.stringify(alter(JSON.parse(file.content) as Record<string, unknown>))
      const before = rowCounts(b.core.store.db)
      const settingsBefore = await b.core.dispatch(adminB, 'settings.get', {})
      const r = await b.core.dispatch(adminB, 'settings.import', { content })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT')
        expect(r.error.message).toMatch(/^The settings file was not applied: /)
        expect(r.error.message).toMatch(message)
        expect(r.error.message).toMatch(/Nothing was changed\.$/)
      }
      expect(rowCounts(b.core.store.db)).toEqual(before)
      expect(await b.core.dispatch(adminB, 'settings.get', {})).toEqual(settingsBefore)
    })
  }

  it('refuses a file cut short', async () => {
    const file = await exported()
    const before = rowCounts(b.core.store.db)
    const r = await b.core.dispatch(adminB, 'settings.import', { content: file.content.slice(0, 200) })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not JSON/) },
    })
    expect(rowCounts(b.core.store.db)).toEqual(before)
  })
})
