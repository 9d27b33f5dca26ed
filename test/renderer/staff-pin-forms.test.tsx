import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffSummary } from '../../common/contract'
import { EditStaffModal, ResetPinModal } from '../../renderer/src/features/settings/staff-form-modal'
import { MyPinTab } from '../../renderer/src/features/settings/my-pin-tab'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const staff = (role: StaffSummary['role']): StaffSummary => ({
  staffNumber: 'CLK001',
  name: 'Brian Otieno',
  role,
  active: true,
  lockedUntil: null,
  lastSignInAt: null,
})

/** The forms that set a PIN apply the role's length before anything is sent. */
describe('PIN fields follow the role', () => {
  beforeEach(() => fakeCore.reset())

  it('promoting a clerk to manager shows the PIN fields, refuses 4 digits, and sends a 6-digit PIN with the role', async () => {
    const user = userEvent.setup()
    fakeCore.answer('staff.update', (input) => ({ ...staff('manager'), ...input }) as StaffSummary)
    const onSaved = vi.fn()
    renderApp(<EditStaffModal staff={staff('clerk')} onClose={vi.fn()} onSaved={onSaved} />)
    expect(screen.queryByLabelText(/^New PIN/, { selector: 'input' })).toBeNull()
    await user.click(screen.getByLabelText(/^Role/, { selector: 'input' }))
    await user.click(screen.getByRole('option', { name: 'Centre manager' }))
    expect(screen.getByText(/^6 to 8 digits/)).toBeTruthy()
    await user.type(screen.getByLabelText(/^New PIN/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Repeat PIN/), '4826')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText("A manager's PIN has at least 6 digits.")).toBeTruthy()
    expect(fakeCore.callsOf('staff.update')).toEqual([])

    await user.clear(screen.getByLabelText(/^New PIN/, { selector: 'input' }))
    await user.clear(screen.getByLabelText(/^Repeat PIN/))
    await user.type(screen.getByLabelText(/^New PIN/, { selector: 'input' }), '739164')
    await user.type(screen.getByLabelText(/^Repeat PIN/), '739164')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fakeCore.callsOf('staff.update')).toEqual([
      { staffNumber: 'CLK001', name: 'Brian Otieno', role: 'manager', active: true, pin: '739164' },
    ])
  })

  it('a change that is not a promotion asks for no PIN and sends none', async () => {
    const user = userEvent.setup()
    fakeCore.answer('staff.update', (input) => ({ ...staff('manager'), ...input }) as StaffSummary)
    const onSaved = vi.fn()
    renderApp(<EditStaffModal staff={staff('manager')} onClose={vi.fn()} onSaved={onSaved} />)
    await user.click(screen.getByLabelText(/^Role/, { selector: 'input' }))
    await user.click(screen.getByRole('option', { name: 'Counter clerk' }))
    expect(screen.queryByLabelText(/^New PIN/, { selector: 'input' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fakeCore.callsOf('staff.update')).toEqual([
      { staffNumber: 'CLK001', name: 'Brian Otieno', role: 'clerk', active: true },
    ])
  })

  it("a manager's PIN reset refuses 4 digits before sending", async () => {
    const user = userEvent.setup()
    renderApp(<ResetPinModal staff={staff('manager')} onClose={vi.fn()} onSaved={vi.fn()} />)
    expect(screen.getByText(/^6 to 8 digits/)).toBeTruthy()
    await user.type(screen.getByLabelText(/^New PIN/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Repeat PIN/), '4826')
    await user.click(screen.getByRole('button', { name: 'Set PIN' }))
    expect(await screen.findByText("A manager's PIN has at least 6 digits.")).toBeTruthy()
    expect(fakeCore.callsOf('staff.resetPin')).toEqual([])
  })

  it("an administrator's own new PIN: 6 digits; a clerk's: 4", async () => {
    const user = userEvent.setup()
    const { unmount } = renderApp(<MyPinTab role="admin" />)
    expect(screen.getByText(/^6 to 8 digits/)).toBeTruthy()
    await user.type(screen.getByLabelText(/^Current PIN/), '482619')
    await user.type(screen.getByLabelText(/^New PIN/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Repeat new PIN/), '4826')
    await user.click(screen.getByRole('button', { name: 'Change PIN' }))
    expect(await screen.findByText("An administrator's PIN has at least 6 digits.")).toBeTruthy()
    expect(fakeCore.callsOf('auth.changePin')).toEqual([])
    unmount()
    renderApp(<MyPinTab role="clerk" />)
    expect(screen.getByText(/^4 to 8 digits/)).toBeTruthy()
  })
})
