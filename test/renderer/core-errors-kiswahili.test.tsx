import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppStatus, StatusSnapshot } from '../../common/contract'
import { SignInScreen } from '../../renderer/src/features/auth/sign-in-screen'
import { StatusBar } from '../../renderer/src/features/shell/status-bar'
import { AddStaffModal } from '../../renderer/src/features/settings/staff-form-modal'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
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

/** The core answers in English (common/i18n/en/core.ts); a Kiswahili window shows its Kiswahili. */
describe("the core's errors in a Kiswahili window", () => {
  beforeEach(() => fakeCore.reset())

  it('a wrong PIN at sign-in reads in Kiswahili, with the tries left put in', async () => {
    const user = userEvent.setup()
    setUiLanguage('sw')
    fakeCore.fail('auth.signIn', {
      code: 'WRONG_PIN',
      message: 'Wrong staff number or PIN. 2 tries left before the account locks.',
    })
    renderApp(<SignInScreen status={APP} onSignedIn={vi.fn()} />)
    await user.type(screen.getByLabelText(/^Nambari ya mfanyakazi/), 'CLK001')
    await user.type(screen.getByLabelText(/^PIN/, { selector: 'input' }), '4826')
    await user.click(screen.getByRole('button', { name: 'Ingia' }))
    expect(
      await screen.findByText(
        'Nambari ya mfanyakazi au PIN si sahihi. Yamebaki majaribio 2 kabla akaunti haijafungwa.',
      ),
    ).toBeTruthy()
    expect(screen.getByText('Hujaingia')).toBeTruthy()
    expect(screen.queryByText(/Wrong staff number/)).toBeNull()
  })

  it('a staff number already in use (CONFLICT) reads in Kiswahili under the field', async () => {
    const user = userEvent.setup()
    setUiLanguage('sw')
    fakeCore.fail('staff.create', {
      code: 'CONFLICT',
      message: 'Staff number CLK001 is already in use.',
      field: 'staffNumber',
    })
    const onSaved = vi.fn()
    renderApp(<AddStaffModal opened onClose={vi.fn()} onSaved={onSaved} />)
    await user.type(screen.getByLabelText(/^Nambari ya mfanyakazi/), 'CLK001')
    await user.type(screen.getByLabelText(/^Jina kamili/), 'Brian Otieno')
    await user.type(screen.getByLabelText(/^PIN/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Rudia PIN/, { selector: 'input' }), '4826')
    await user.click(screen.getByRole('button', { name: 'Ongeza mfanyakazi' }))
    expect(await screen.findByText('Nambari ya mfanyakazi CLK001 tayari inatumika.')).toBeTruthy()
    await waitFor(() => expect(fakeCore.callsOf('staff.create')).toHaveLength(1))
    expect(onSaved).not.toHaveBeenCalled()
    expect(screen.queryByText(/already in use/)).toBeNull()
  })

  it("the status bar's device details from the core read in Kiswahili", async () => {
    setUiLanguage('sw')
    const status: StatusSnapshot = {
      printer: { state: 'error', detail: 'The printer is out of paper. Load a new roll.' },
      scanner: { state: 'ready', detail: 'Scanner connected on /dev/ttyACM0 at 9600 baud.' },
      sync: { state: 'ready', detail: 'Connected to the central API', queueDepth: 0 },
      staffList: { stale: false, detail: 'The staff list is up to date with the central API' },
      disk: { low: false, detail: '1.2 GB free on the data disk' },
      dataFileProblem: null,
      catchUp: null,
      slotConfirmed: true,
      update: { kind: 'off' },
    }
    fakeCore.answer('status.get', () => status)
    renderApp(<StatusBar app={APP} />)
    const printer = await screen.findByLabelText(/^Printa: /)
    expect(printer.getAttribute('aria-label')).toMatch(/\. Karatasi ya printa imekwisha\. Weka roli mpya\.$/)
    expect(screen.getByLabelText(/^Skana: /).getAttribute('aria-label')).toMatch(
      /\. Skana imeunganishwa kwenye \/dev\/ttyACM0 kwa kasi ya baud 9600\.$/,
    )
    expect(screen.queryByLabelText(/out of paper|Scanner connected/)).toBeNull()
  })
})
