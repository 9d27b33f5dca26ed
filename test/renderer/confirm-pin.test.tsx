import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SubjectRecord } from '../../common/contract'
import { PersonalDataTab } from '../../renderer/src/features/backlog/personal-data-tab'
import { ConfirmPinHost, confirmWithPin } from '../../renderer/src/ui/confirm-pin-modal'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

afterEach(() => fakeCore.reset())

const pinField = () => screen.getByLabelText('Your PIN')

describe('the PIN confirmation', () => {
  it('opens with the cursor in the PIN field; a refused PIN shows the core’s message under it and it stays open; Enter with the right one runs and closes', async () => {
    const user = userEvent.setup()
    renderApp(<ConfirmPinHost />)
    const run = vi
      .fn<(pin: string) => Promise<void>>()
      .mockRejectedValueOnce(new Error('Wrong staff number or PIN. 4 tries left before the account locks.'))
      .mockResolvedValueOnce(undefined)
    let done!: Promise<boolean>
    act(() => {
      done = confirmWithPin({ title: 'Export the shelf list', run })
    })
    await waitFor(() => expect(document.activeElement).toBe(pinField()))
    await user.keyboard('0000{Enter}')
    const error = await screen.findByText('Wrong staff number or PIN. 4 tries left before the account locks.')
    // Under the field: Mantine ties the error to the input it describes.
    expect(pinField().getAttribute('aria-describedby')).toContain(error.id)
    expect(pinField()).toHaveProperty('value', '')
    await user.keyboard('3917{Enter}')
    await expect(done).resolves.toBe(true)
    expect(run.mock.calls).toEqual([['0000'], ['3917']])
    await waitFor(() => expect(screen.queryByLabelText('Your PIN')).toBeNull())
  })

  it('Esc cancels without running anything and gives the focus back to where it was', async () => {
    const user = userEvent.setup()
    renderApp(
      <>
        <button type="button">Export CSV</button>
        <ConfirmPinHost />
      </>,
    )
    screen.getByText('Export CSV').focus()
    const run = vi.fn<(pin: string) => Promise<void>>()
    let done!: Promise<boolean>
    act(() => {
      done = confirmWithPin({ title: 'Export the call list', run })
    })
    await waitFor(() => expect(document.activeElement).toBe(pinField()))
    await user.keyboard('39{Escape}')
    await expect(done).resolves.toBe(false)
    expect(run).not.toHaveBeenCalled()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Export CSV')))
  })
})

const RECORD: SubjectRecord = {
  by: 'phone',
  value: '+254722000111',
  at: Date.UTC(2026, 10, 30, 7),
  centreName: 'Huduma Centre GPO',
  centreNumber: '042',
  truncated: false,
  reminders: [],
  applications: [
    {
      trackingNumber: '042012003660',
      serviceCode: 'BIRTH_CERT',
      serviceName: 'Birth certificate',
      customerName: 'Wanjiku Njoroge',
      phone: '+254722000111',
      idNumber: '30111222',
      agencyRef: null,
      language: 'sw',
      smsConsent: true,
      notes: null,
      status: 'arrived',
      registeredAt: Date.UTC(2026, 10, 1, 7),
      registeredBy: 'CLK001',
      arrivedAt: Date.UTC(2026, 10, 10, 7),
      shelfSlot: 'W45-BC',
      collectedAt: null,
      collectedBy: null,
      collector: null,
      returnedAt: null,
      events: [
        { type: 'application.registered', at: Date.UTC(2026, 10, 1, 7), staffNumber: 'CLK001', details: {} },
      ],
      notifications: [],
      deliveryOutcomes: [],
      calls: [],
      returnManifests: [],
    },
  ],
}

describe('the personal data requests tab', () => {
  it('checks the phone before asking the PIN, then finds with the normalised number and the PIN, and shows what is held', async () => {
    const user = userEvent.setup()
    fakeCore.answer('subject.find', () => RECORD)
    renderApp(
      <>
        <Notifications />
        <PersonalDataTab />
        <ConfirmPinHost />
      </>,
    )
    await user.click(screen.getByText('Phone number'))
    await user.type(screen.getByLabelText('Customer’s phone number'), '0722 000{Enter}')
    expect(await screen.findByText(/^Not a valid Kenyan phone number/)).toBeTruthy()
    expect(screen.queryByLabelText('Your PIN')).toBeNull()

    await user.type(screen.getByLabelText('Customer’s phone number'), ' 111{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(pinField()))
    await user.keyboard('3917{Enter}')
    const held = await screen.findByRole('table', { name: 'Applications held' })
    expect(held.textContent).toContain('0420 1200 3660')
    expect(held.textContent).toContain('Wanjiku Njoroge')
    expect(screen.getByRole('table', { name: 'Everything recorded' }).textContent).toContain(
      'Registered at the counter',
    )
    expect(fakeCore.callsOf('subject.find')).toEqual([{ phone: '+254722000111', pin: '3917' }])
  })
})
