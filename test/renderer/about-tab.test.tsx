import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AboutInfo } from '../../common/contract'
import { api } from '../../renderer/src/api/client'
import { reportWindowErrors } from '../../renderer/src/api/error-reporter'
import { AboutTab } from '../../renderer/src/features/settings/about-tab'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const DESKTOP: AboutInfo = {
  app: '0.1.0',
  electron: '45.5.0',
  chromium: '142.0.7444.59',
  node: '22.20.0',
  sqlite: '3.53.4',
  sqlcipher: 'SQLite3 Multiple Ciphers 2.4.0, SQLCipher 4 scheme',
  schemaVersion: 220,
  dataDir: 'C:\\Users\\clerk\\AppData\\Roaming\\Track My Service',
  platform: 'win32 x64',
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '03' },
}
const BROWSER_HOST: AboutInfo = {
  ...DESKTOP,
  electron: null,
  chromium: null,
  node: '24.21.0',
  dataDir: '/var/lib/tms',
  platform: 'linux x64',
}

/** The About table as label → value. */
async function rows(): Promise<Record<string, string>> {
  const table = await screen.findByRole('table', { name: 'About this app' })
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .map((r) => [
        within(r).getByRole('rowheader').textContent ?? '',
        within(r).getByRole('cell').textContent ?? '',
      ]),
  )
}

let saved: Promise<{ fileName: string; text: string }>[] = []
beforeEach(() => {
  saved = []
  const blobs = new Map<string, Blob>()
  // jsdom has no object URLs and cannot follow a download link: keep the blob, and record the click instead.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!
    const fileName = this.download
    saved.push(blob.text().then((text) => ({ fileName, text })))
  })
})
afterEach(() => vi.restoreAllMocks())

describe('Settings → About', () => {
  it('lists every version, the schema, the data folder, the centre and the slot (desktop)', async () => {
    fakeCore.answer('about.get', () => DESKTOP)
    renderApp(<AboutTab canExport={false} />)
    expect(await rows()).toEqual({
      'App version': '0.1.0',
      Electron: '45.5.0',
      Chromium: '142.0.7444.59',
      Node: '22.20.0',
      SQLite: '3.53.4',
      Encryption: 'SQLite3 Multiple Ciphers 2.4.0, SQLCipher 4 scheme',
      'Database schema version': '220',
      'Data folder': 'C:\\Users\\clerk\\AppData\\Roaming\\Track My Service',
      Centre: 'Huduma Centre GPO (042)',
      'Workstation slot': '03',
      'Operating system': 'win32 x64',
    })
  })

  it('in the browser host says it is not running in Electron and names the browser’s Chromium', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36',
    )
    fakeCore.answer('about.get', () => BROWSER_HOST)
    renderApp(<AboutTab canExport={false} />)
    const r = await rows()
    expect(r['Electron']).toBe('not running in Electron')
    expect(r['Chromium']).toBe('not running in Electron; this browser: Chromium 142.0.7444.59')
  })

  it('says only that it is not running in Electron when the browser is not Chromium', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Firefox/140.0',
    )
    fakeCore.answer('about.get', () => BROWSER_HOST)
    renderApp(<AboutTab canExport={false} />)
    expect((await rows())['Chromium']).toBe('not running in Electron')
  })

  it('an administrator saves the diagnostics file the core made, from the keyboard', async () => {
    const user = userEvent.setup()
    fakeCore.answer('about.get', () => DESKTOP)
    fakeCore.answer('diagnostics.export', () => ({
      fileName: 'tms-diagnostics-042-03-20270302T0700.json',
      content: '{"kind":"tms-diagnostics"}\n',
    }))
    renderApp(<AboutTab canExport />)
    const button = await screen.findByRole('button', { name: 'Export diagnostics' })
    button.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(await saved[0]).toEqual({
      fileName: 'tms-diagnostics-042-03-20270302T0700.json',
      text: '{"kind":"tms-diagnostics"}\n',
    })
    expect(fakeCore.callsOf('diagnostics.export')).toEqual([{}])
  })

  it('shows the core’s refusal and saves nothing', async () => {
    const user = userEvent.setup()
    fakeCore.answer('about.get', () => DESKTOP)
    fakeCore.fail('diagnostics.export', { code: 'FORBIDDEN', message: 'Not allowed for manager.' })
    renderApp(<AboutTab canExport />)
    await user.click(await screen.findByRole('button', { name: 'Export diagnostics' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Not allowed for manager.')
    expect(saved).toHaveLength(0)
  })

  it('offers no export to other staff', async () => {
    fakeCore.answer('about.get', () => DESKTOP)
    renderApp(<AboutTab canExport={false} />)
    await rows()
    expect(screen.queryByRole('button', { name: 'Export diagnostics' })).toBeNull()
    expect(screen.getByText('An administrator can save a diagnostics file for IT here.')).toBeTruthy()
  })
})

describe('window errors', () => {
  it('an uncaught error and a rejected promise reach the core with their stack and the page they happened on', async () => {
    fakeCore.answer('diagnostics.reportError', () => null)
    const stop = reportWindowErrors(api)
    const err = new TypeError('x is undefined')
    window.dispatchEvent(
      new ErrorEvent('error', { message: 'Uncaught TypeError: x is undefined', error: err }),
    )
    const rejection = new Event('unhandledrejection') as PromiseRejectionEvent
    Object.defineProperty(rejection, 'reason', { value: new Error('fetch failed') })
    window.dispatchEvent(rejection)
    stop()
    window.dispatchEvent(new ErrorEvent('error', { message: 'after stop' }))
    const calls = fakeCore.callsOf('diagnostics.reportError')
    expect(calls).toHaveLength(2)
    expect(calls[0]).toMatchObject({
      message: 'Uncaught TypeError: x is undefined',
      stack: err.stack,
      where: window.location.pathname,
    })
    expect(calls[1]).toMatchObject({ message: 'Error: fetch failed' })
  })
})
