import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Service } from '../../common/catalogue'
import type { AppStatus, HandoverCandidate, Settings, StatusSnapshot } from '../../common/contract'
import type { UpdateState } from '../../common/update-status'
import { CollectionPage } from '../../renderer/src/features/collection/collection-page'
import { RegisterForm } from '../../renderer/src/features/counter/register-form'
import { WorkstationTab } from '../../renderer/src/features/settings/workstation-tab'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { DEFAULT_SETTINGS } from '../../main/services/settings-service'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const APP: AppStatus = {
  setupDone: true,
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '02' },
  deviceId: 'd',
  version: 'test',
  recovery: null,
  catchUp: null,
}
const status = (update: UpdateState): StatusSnapshot => ({
  printer: { state: 'not-configured', detail: 'Screen only' },
  scanner: { state: 'not-configured', detail: 'Keyboard scanning' },
  sync: { state: 'ready', detail: '', queueDepth: 0 },
  staffList: { stale: false, detail: '' },
  disk: { low: false, detail: '' },
  dataFileProblem: null,
  catchUp: null,
  slotConfirmed: true,
  update,
})

describe('Settings → Workstation → Updates', () => {
  it('shows where the update stands and follows the status pushes', async () => {
    fakeCore.answer('settings.get', () => DEFAULT_SETTINGS)
    fakeCore.answer('status.get', () => status({ kind: 'downloading', version: '0.2.0', percent: 40 }))
    renderApp(<WorkstationTab app={APP} canEdit />)
    const state = await screen.findByTestId('update-state')
    expect(state.textContent).toBe('DownloadingDownloading version 0.2.0 in the background: 40%.')
    fakeCore.push('status.changed', {
      status: status({ kind: 'ready', version: '0.2.0', waitingFor: 'a hand-over' }),
    })
    await waitFor(() =>
      expect(screen.getByTestId('update-state').textContent).toBe(
        'Ready to installVersion 0.2.0 is downloaded and verified. It installs when a hand-over is closed (or when the app is closed).',
      ),
    )
  })

  it('in Kiswahili, names what it waits for in Kiswahili too', async () => {
    setUiLanguage('sw')
    fakeCore.answer('settings.get', () => DEFAULT_SETTINGS)
    fakeCore.answer('status.get', () =>
      status({ kind: 'ready', version: '0.2.0', waitingFor: 'a registration and a hand-over' }),
    )
    renderApp(<WorkstationTab app={APP} canEdit />)
    expect((await screen.findByTestId('update-state')).textContent).toBe(
      'Tayari kusakinishwaToleo 0.2.0 limepakuliwa na kuthibitishwa. Litasakinishwa baada ya kufungwa kwa usajili na makabidhiano (au programu ikifungwa).',
    )
  })

  it('switching updates off saves updatesEnabled false with the other centre settings', async () => {
    const user = userEvent.setup()
    fakeCore.answer('settings.get', () => DEFAULT_SETTINGS)
    fakeCore.answer('status.get', () => status({ kind: 'idle', checkedAt: null }))
    fakeCore.answer('settings.update', (input) => ({ ...DEFAULT_SETTINGS, ...input }) as Settings)
    renderApp(<WorkstationTab app={APP} canEdit />)
    await user.click(await screen.findByLabelText(/Check for, download and install signed updates/))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(fakeCore.callsOf('settings.update')).toMatchObject([{ updatesEnabled: false }]),
    )
    expect(screen.getByLabelText(/^Update server/)).toHaveProperty('disabled', true)
  })

  it('a refused server address is shown at its field', async () => {
    const user = userEvent.setup()
    fakeCore.answer('settings.get', () => DEFAULT_SETTINGS)
    fakeCore.answer('status.get', () => status({ kind: 'idle', checkedAt: null }))
    const message =
      'The update server address starts with https:// (http:// is only for a test server on this PC: 127.0.0.1 or localhost)'
    fakeCore.fail('settings.update', { code: 'INVALID_INPUT', message, field: 'updateUrl' })
    renderApp(<WorkstationTab app={APP} canEdit />)
    await user.type(await screen.findByLabelText(/^Update server/), 'http://updates.example.go.ke/')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText(message)).toBeTruthy()
    expect(screen.getByLabelText(/^Update server/).getAttribute('aria-invalid')).toBe('true')
  })
})

const SERVICE: Service = {
  code: 'BIRTH_CERT',
  nameEn: 'Birth certificate',
  nameSw: 'Cheti cha kuzaliwa',
  agency: 'Civil Registration Services (CRS)',
  turnaroundDays: 5,
  idRequired: false,
  agencyRefPattern: null,
  agencyRefHint: null,
  agencyRefExample: null,
  retentionDays: 90,
  active: true,
  isDefault: true,
}

describe('the registration form tells the core it is open', () => {
  it('once something is typed, and closed again when the application is registered', async () => {
    const user = userEvent.setup()
    fakeCore.answer('work.open', () => null)
    fakeCore.answer('application.register', () => ({ trackingNumber: '001010000017' }) as never)
    renderApp(<RegisterForm services={[SERVICE]} onRegistered={vi.fn()} />)
    expect(fakeCore.callsOf('work.open')).toEqual([])
    await user.click(screen.getByLabelText(/^Service/, { selector: 'input' }))
    await user.keyboard('birth{Tab}')
    await user.type(screen.getByLabelText(/Customer name/), 'Chebet Kiprop')
    await user.type(screen.getByLabelText(/Phone/), '0712345678')
    expect(fakeCore.callsOf('work.open')).toEqual([{ what: 'registration', open: true }])
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() =>
      expect(fakeCore.callsOf('work.open')).toEqual([
        { what: 'registration', open: true },
        { what: 'registration', open: false },
      ]),
    )
  })
})

const CANDIDATE: HandoverCandidate = {
  trackingNumber: '042012003660',
  serviceCode: 'BIRTH_CERT',
  serviceName: 'Birth certificate',
  customerName: 'Chebet Kiprop',
  phone: '+254712345678',
  status: 'arrived',
  registeredAt: 0,
  expectedReady: '2027-03-01',
  shelfSlot: '27W09-BC',
  idNumberHint: null,
  missing: false,
  damaged: false,
  arrivedAt: 0,
  sms: { state: 'none', at: null },
}

describe('the hand-over desk tells the core it is open', () => {
  it('while a customer’s documents are on screen, and closed once they are handed over', async () => {
    const user = userEvent.setup()
    fakeCore.answer('work.open', () => null)
    fakeCore.answer('collection.lookup', () => ({ ready: [CANDIDATE], notReady: [], choose: [] }))
    fakeCore.answer('collection.handOver', () => [CANDIDATE])
    renderApp(<CollectionPage />)
    await user.type(screen.getByLabelText('Find documents to hand over'), '042012003660{Enter}')
    await waitFor(() => expect(fakeCore.callsOf('work.open')).toEqual([{ what: 'handover', open: true }]))
    await user.click(await screen.findByRole('button', { name: /^Hand over 1 document/ }))
    await waitFor(() =>
      expect(fakeCore.callsOf('work.open')).toEqual([
        { what: 'handover', open: true },
        { what: 'handover', open: false },
      ]),
    )
  })
})
