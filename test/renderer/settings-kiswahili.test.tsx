import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { StaffSummary, SyncStatusInfo } from '../../common/contract'
import { AddStaffModal, ResetPinModal } from '../../renderer/src/features/settings/staff-form-modal'
import { StaffTab } from '../../renderer/src/features/settings/staff-tab'
import { SyncTab } from '../../renderer/src/features/settings/sync-tab'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

/** Settings with the window in Kiswahili (setup.ts puts every test back in English). */

const staff = (staffNumber: string, name: string, role: StaffSummary['role']): StaffSummary => ({
  staffNumber,
  name,
  role,
  active: true,
  lockedUntil: null,
  lastSignInAt: null,
})

const syncStatus: SyncStatusInfo = {
  state: 'online',
  queueDepth: 3,
  oldestUnsentAgeMs: null,
  lastError: null,
  lastSuccessAt: null,
  deadLetters: 1,
  apiUrl: 'https://tms.example.go.ke',
  lastReceivedAt: null,
  replicationIssues: 2,
  staffListStale: false,
  directoryPending: 0,
  catchUp: null,
  slotConfirmed: true,
}

describe('Settings → Staff in Kiswahili', () => {
  it('the list, its columns, roles, states and the add button', async () => {
    setUiLanguage('sw')
    fakeCore.answer('staff.list', () => [
      staff('CLK001', 'Brian Otieno', 'clerk'),
      staff('MGR001', 'Amina Wanjiru', 'manager'),
    ])
    renderApp(<StaffTab canEdit />)
    expect(await screen.findByText('Karani wa dirisha')).toBeTruthy()
    expect(screen.getByText('Meneja wa kituo')).toBeTruthy()
    expect(screen.getByText('wafanyakazi 2')).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Nambari ya mfanyakazi' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Wadhifa' })).toBeTruthy()
    expect(screen.getAllByText('Amewezeshwa')).toHaveLength(2)
    expect(screen.getByRole('button', { name: 'Ongeza mfanyakazi' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Hariri Brian Otieno' })).toBeTruthy()
    expect(screen.getByText('Kituo kizima')).toBeTruthy()
  })

  it("the contract's PIN rules and hint show in Kiswahili, before anything is sent", async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    renderApp(
      <ResetPinModal
        staff={staff('MGR001', 'Amina Wanjiru', 'manager')}
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    )
    expect(screen.getByText('PIN mpya ya Amina Wanjiru')).toBeTruthy()
    expect(screen.getByText(/^Tarakimu 6 hadi 8, si tarakimu moja tupu/)).toBeTruthy()
    await user.type(screen.getByLabelText(/^PIN mpya/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Rudia PIN/), '4827')
    await user.click(screen.getByRole('button', { name: 'Weka PIN' }))
    expect(await screen.findByText('PIN ya meneja ina angalau tarakimu 6.')).toBeTruthy()
    expect(screen.getByText('PIN hizo mbili hazilingani')).toBeTruthy()
    expect(fakeCore.callsOf('staff.resetPin')).toEqual([])
  })

  it("the core's contract message is shown in Kiswahili on its field; its other messages as they came", async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    fakeCore.fail('staff.create', {
      code: 'INVALID_INPUT',
      message: 'PIN is too easy to guess (repeated or consecutive digits)',
      field: 'pin',
    })
    renderApp(<AddStaffModal opened onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(screen.getByLabelText(/^Nambari ya mfanyakazi/), 'CLK009')
    await user.type(screen.getByLabelText(/^Jina kamili/), 'Peter Kamau')
    await user.type(screen.getByLabelText(/^PIN/, { selector: 'input' }), '4826')
    await user.type(screen.getByLabelText(/^Rudia PIN/), '4826')
    await user.click(screen.getByRole('button', { name: 'Ongeza mfanyakazi' }))
    expect(
      await screen.findByText('PIN ni rahisi mno kubahatisha (tarakimu zinazojirudia au zinazofuatana)'),
    ).toBeTruthy()

    fakeCore.fail('staff.create', { code: 'CONFLICT', message: 'Staff number CLK009 is already in use' })
    await user.click(screen.getByRole('button', { name: 'Ongeza mfanyakazi' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Staff number CLK009 is already in use')
  })
})

describe('Settings → Sync in Kiswahili', () => {
  it('the state, the queue, the rejected events and the enrolment form', async () => {
    setUiLanguage('sw')
    fakeCore.answer('sync.status', () => syncStatus)
    fakeCore.answer('sync.deadLetters', () => [
      {
        seq: 7,
        id: 'e1',
        type: 'application.registered',
        occurredAt: Date.UTC(2027, 2, 2, 7, 0),
        trackingNumber: '042012003660',
        reason: 'Unknown service',
        at: Date.UTC(2027, 2, 2, 7, 5),
      },
    ])
    renderApp(<SyncTab role="admin" />)
    expect(await screen.findByText('Iko mtandaoni')).toBeTruthy()
    expect(screen.getByText('yanasubiri 3 · yamekataliwa 1')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sawazisha sasa' })).toBeTruthy()
    expect(screen.getByText(/^Vipengele 2 viliachwa:/)).toBeTruthy()
    expect(await screen.findByText('Yaliyokataliwa na API kuu (1)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Jaribu tena' })).toBeTruthy()
    expect(screen.getByLabelText('Anwani ya API kuu')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sajili' })).toBeTruthy()
    expect(screen.getByText('Angalau herufi 10')).toBeTruthy()
  })

  it('an enrolment the contract refuses says why in Kiswahili', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    fakeCore.answer('sync.status', () => ({ ...syncStatus, state: 'not-configured', replicationIssues: 0 }))
    fakeCore.answer('sync.deadLetters', () => [])
    fakeCore.fail('sync.enrol', {
      code: 'INVALID_INPUT',
      message: 'The enrolment code is 6 to 32 letters, digits or hyphens',
      field: 'enrolmentCode',
    })
    renderApp(<SyncTab role="admin" />)
    expect(await screen.findByText('Haijasajiliwa')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Sajili' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Msimbo wa usajili una herufi, tarakimu au vistari 6 hadi 32',
      ),
    )
  })
})
