import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AppStatus, SessionInfo } from '../../common/contract'
import { AppFrame } from '../../renderer/src/features/shell/app-frame'
import { SetupScreen } from '../../renderer/src/features/setup/setup-screen'
import { uiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const APP: AppStatus = {
  setupDone: true,
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '01' },
  deviceId: 'device',
  version: 'test',
  recovery: null,
  catchUp: null,
}
const SESSION: SessionInfo = {
  staff: { staffNumber: 'MGR001', name: 'Amina Wanjiru', role: 'manager' },
  locked: false,
  idleLockMs: 600_000,
  mustChangePin: false,
  language: 'en',
}

/** The header's switch, named in the language showing (the counter's SMS language is a switch too). */
const languageSwitch = (name = 'Language'): HTMLElement => screen.getByRole('radiogroup', { name })

/** The desk the navigation marks as the one shown. */
const activeDesk = (name: string): string | null =>
  screen
    .getByRole('navigation', { name })
    .querySelector('[data-active]')
    ?.textContent?.replace(/Alt.*$/, '')
    .trim() ?? null

describe('the language switch in the shell', () => {
  it('switches the window to Kiswahili, keeps it for the person (auth.setLanguage), and Alt+digit still opens desks', async () => {
    const user = userEvent.setup()
    fakeCore.answer('auth.setLanguage', ({ language }) => ({ ...SESSION, language }))
    let changed: SessionInfo | null = null
    renderApp(<AppFrame session={SESSION} app={APP} onSessionChanged={(s) => (changed = s)} />)
    expect(screen.getByTestId('role-badge').textContent).toBe('Centre manager')

    await user.click(within(languageSwitch()).getByRole('radio', { name: 'Kiswahili' }))
    await waitFor(() => expect(fakeCore.callsOf('auth.setLanguage')).toEqual([{ language: 'sw' }]))
    await waitFor(() => expect(changed).toMatchObject({ language: 'sw' }))
    expect(uiLanguage()).toBe('sw')
    expect(screen.getByTestId('role-badge').textContent).toBe('Meneja wa kituo')
    expect(screen.getByRole('button', { name: 'Toka' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Funga' }).getAttribute('title')).toBe('Funga (Ctrl+L)')
    expect(activeDesk('Madawati')).toBe('Dirisha')
    // The switch is labelled in the language now showing; each language keeps its own name.
    expect(within(languageSwitch('Lugha')).getByRole('radio', { name: 'English' })).toBeTruthy()

    await user.click((await screen.findAllByRole('textbox'))[0]!)
    await user.keyboard('{Alt>}4{/Alt}')
    await waitFor(() => expect(activeDesk('Madawati')).toBe('Hati zilizosalia'))
    await user.keyboard('{Alt>}5{/Alt}')
    await waitFor(() => expect(activeDesk('Madawati')).toBe('Mipangilio'))
  })

  it('goes back to the session’s language when the core does not keep the choice', async () => {
    const user = userEvent.setup()
    fakeCore.fail('auth.setLanguage', { code: 'INTERNAL', message: 'The directory could not be written' })
    renderApp(<AppFrame session={SESSION} app={APP} />)
    await user.click(within(languageSwitch()).getByRole('radio', { name: 'Kiswahili' }))
    await waitFor(() => expect(fakeCore.callsOf('auth.setLanguage')).toEqual([{ language: 'sw' }]))
    await waitFor(() => expect(uiLanguage()).toBe('en'))
    expect(screen.getByTestId('role-badge').textContent).toBe('Centre manager')
    expect(screen.getByRole('navigation', { name: 'Desks' })).toBeTruthy()
  })
})

describe('the language switch on the first-run setup screen', () => {
  it('sets up in Kiswahili, and the new administrator keeps Kiswahili', async () => {
    const user = userEvent.setup()
    const admin: SessionInfo = {
      ...SESSION,
      staff: { staffNumber: 'ADM001', name: 'Amina Wanjiru', role: 'admin' },
    }
    fakeCore.answer('setup.createCentre', () => admin)
    fakeCore.answer('auth.setLanguage', ({ language }) => ({ ...admin, language }))
    let done: SessionInfo | null = null
    renderApp(<SetupScreen onDone={(s) => (done = s)} />)

    await user.click(screen.getByRole('radio', { name: 'Kiswahili' }))
    expect(screen.getByRole('heading', { name: 'Andaa kompyuta hii' })).toBeTruthy()
    // Switching here calls nothing: nobody is signed in yet.
    expect(fakeCore.callsOf('auth.setLanguage')).toEqual([])

    await user.type(screen.getByLabelText(/Jina la kituo/), 'Huduma Centre GPO')
    await user.type(screen.getByLabelText(/Nambari ya kituo/), '042')
    await user.type(screen.getByLabelText(/Nambari ya mfanyakazi/), 'ADM001')
    await user.type(screen.getByLabelText(/Jina kamili/), 'Amina Wanjiru')
    await user.type(screen.getByLabelText(/^PIN/), '482619')
    await user.type(screen.getByLabelText(/Rudia PIN/), '482619')
    await user.click(screen.getByRole('button', { name: 'Unda kituo na uingie' }))

    await waitFor(() => expect(done).toMatchObject({ language: 'sw' }))
    expect(fakeCore.callsOf('setup.createCentre')).toHaveLength(1)
    expect(fakeCore.callsOf('auth.setLanguage')).toEqual([{ language: 'sw' }])
  })

  it('in English, the new administrator is not asked to change language', async () => {
    const user = userEvent.setup()
    fakeCore.answer('setup.createCentre', () => SESSION)
    let done: SessionInfo | null = null
    renderApp(<SetupScreen onDone={(s) => (done = s)} />)
    await user.type(screen.getByLabelText(/Centre name/), 'Huduma Centre GPO')
    await user.type(screen.getByLabelText(/Centre number/), '042')
    await user.type(screen.getByLabelText(/Staff number/), 'MGR001')
    await user.type(screen.getByLabelText(/Full name/), 'Amina Wanjiru')
    await user.type(screen.getByLabelText(/^PIN/), '482619')
    await user.type(screen.getByLabelText(/Repeat PIN/), '482619')
    await user.click(screen.getByRole('button', { name: 'Create centre and sign in' }))
    await waitFor(() => expect(done).toEqual(SESSION))
    expect(fakeCore.callsOf('auth.setLanguage')).toEqual([])
  })
})
