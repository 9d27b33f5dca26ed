import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppStatus, SessionInfo } from '../../common/contract'
import { App } from '../../renderer/src/app'
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
const manager = (mustChangePin: boolean): SessionInfo => ({
  staff: { staffNumber: 'MGR001', name: 'Grace Njeri', role: 'manager' },
  locked: false,
  idleLockMs: 600_000,
  mustChangePin,
  language: 'en',
})

describe('a manager whose PIN is too short for the role', () => {
  beforeEach(() => fakeCore.reset())

  it('sees only "Set a new PIN" until a 6-digit one is set, then the desks', async () => {
    const user = userEvent.setup()
    fakeCore.answer('app.status', () => APP)
    fakeCore.answer('auth.session', () => manager(true))
    fakeCore.answer('auth.changePin', () => manager(false))
    fakeCore.answer('status.get', () => {
      throw new Error('not needed')
    })
    renderApp(<App />)
    expect(await screen.findByRole('heading', { name: 'Set a new PIN' })).toBeTruthy()
    expect(screen.queryByRole('navigation', { name: 'Desks' })).toBeNull()
    await user.type(screen.getByLabelText('Current PIN'), '4826')
    await user.type(screen.getByLabelText('New PIN'), '4826')
    await user.type(screen.getByLabelText('Repeat new PIN'), '4826')
    await user.click(screen.getByRole('button', { name: 'Change PIN' }))
    // Four digits are refused on the form: nothing was sent.
    expect(await screen.findByText(/PIN has at least 6 digits\./)).toBeTruthy()
    expect(fakeCore.callsOf('auth.changePin')).toEqual([])
    await user.clear(screen.getByLabelText('New PIN'))
    await user.type(screen.getByLabelText('New PIN'), '482619')
    await user.clear(screen.getByLabelText('Repeat new PIN'))
    await user.type(screen.getByLabelText('Repeat new PIN'), '482619')
    await user.click(screen.getByRole('button', { name: 'Change PIN' }))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Set a new PIN' })).toBeNull())
    expect(fakeCore.callsOf('auth.changePin')).toEqual([{ currentPin: '4826', newPin: '482619' }])
    expect(await screen.findByRole('navigation', { name: 'Desks' })).toBeTruthy()
  })
})
