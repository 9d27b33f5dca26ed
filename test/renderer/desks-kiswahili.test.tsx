import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Service } from '../../common/catalogue'
import type { HandoverCandidate, LookupResult } from '../../common/contract'
import { CollectionPage } from '../../renderer/src/features/collection/collection-page'
import { RegisterForm } from '../../renderer/src/features/counter/register-form'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const BIRTH: Service = {
  code: 'BIRTH_CERT',
  nameEn: 'Birth certificate',
  nameSw: 'Cheti cha Kuzaliwa',
  agency: 'Civil Registration Services (CRS)',
  turnaroundDays: 5,
  idRequired: true,
  agencyRefPattern: null,
  agencyRefHint: null,
  agencyRefExample: null,
  retentionDays: 90,
  active: true,
  isDefault: true,
}

describe('the counter registration form in Kiswahili', () => {
  it('labels, the service’s Kiswahili name and its own rule are in Kiswahili, and Ctrl+Enter still registers', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    const onRegistered = vi.fn()
    fakeCore.answer('application.register', () => ({ trackingNumber: '001010000017' }) as never)
    renderApp(<RegisterForm services={[BIRTH]} onRegistered={onRegistered} />)

    expect(screen.getByRole('heading', { name: 'Maombi mapya' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sajili na uchapishe' })).toBeTruthy()
    expect(screen.getByText('Lugha ya SMS')).toBeTruthy()
    expect(screen.getByLabelText('Mteja anakubali kupokea taarifa kwa SMS')).toBeTruthy()
    // The shortcut's keys stay as printed on the keyboard; the words around them are Kiswahili.
    expect(screen.getByText(/kusajili$/).textContent).toBe('Bonyeza Ctrl + Enter kusajili')

    await user.click(screen.getByLabelText(/^Huduma/, { selector: 'input' }))
    await user.keyboard('kuzaliwa{Tab}')
    await waitFor(() =>
      expect(screen.getByLabelText(/^Huduma/, { selector: 'input' })).toHaveProperty(
        'value',
        'Cheti cha Kuzaliwa',
      ),
    )
    expect(
      screen.getByText('Civil Registration Services (CRS) · tayari baada ya siku 5 za kazi'),
    ).toBeTruthy()
    await user.type(screen.getByLabelText(/Jina la mteja/), 'Chebet Kiprop')
    await user.type(screen.getByLabelText(/Simu \(kwa SMS\)/), '0712345678')

    // The service needs an ID number: the form says so in Kiswahili and registers nothing.
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(
      await screen.findByText('Cheti cha Kuzaliwa inahitaji nambari ya kitambulisho cha mteja'),
    ).toBeTruthy()
    expect(fakeCore.callsOf('application.register')).toEqual([])

    await user.type(screen.getByLabelText(/Nambari ya kitambulisho/), '12345678')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1))
    expect(fakeCore.callsOf('application.register')).toMatchObject([
      { serviceCode: 'BIRTH_CERT', customerName: 'Chebet Kiprop', idNumber: '12345678' },
    ])
  })
})

const doc = (trackingNumber: string, slot: string, sms: HandoverCandidate['sms']): HandoverCandidate => ({
  trackingNumber,
  serviceCode: 'BIRTH_CERT',
  serviceName: 'Birth certificate',
  customerName: 'Chebet Kiprop',
  phone: '+254712345678',
  status: 'arrived',
  registeredAt: 0,
  expectedReady: '2026-12-10',
  shelfSlot: slot,
  idNumberHint: '•••• 5678',
  missing: false,
  damaged: slot === 'B-02',
  arrivedAt: 0,
  sms,
})

describe('the collection desk in Kiswahili', () => {
  it('a customer’s two documents are shown and handed over in Kiswahili, with Ctrl+Enter', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    const found: LookupResult = {
      ready: [
        doc('001010000017', 'A-01', { state: 'delivered', at: null }),
        doc('001010000025', 'B-02', { state: 'scheduled', at: null }),
      ],
      notReady: [],
      choose: [],
    }
    fakeCore.answer('collection.lookup', () => found)
    fakeCore.answer('collection.handOver', (input) => input.trackingNumbers as never)
    renderApp(<CollectionPage />)

    expect(screen.getByRole('tab', { name: 'Kabidhi' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Ukaguzi wa rafu' })).toBeTruthy()
    await user.type(screen.getByLabelText('Tafuta hati za kukabidhi'), '001010000017{Enter}')

    expect(await screen.findByText('Nani anachukua?')).toBeTruthy()
    expect(screen.getAllByTestId('sms-status').map((b) => b.textContent)).toEqual([
      'SMS imefika',
      'SMS inasubiri',
    ])
    expect(screen.getByText(/IMEHARIBIKA/)).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Mwenyewe' })).toBeTruthy()
    const handOver = screen.getByRole('button', { name: 'Kabidhi hati 2' })
    expect(handOver).toBeTruthy()
    expect(screen.getByText('au bonyeza Ctrl+Enter')).toBeTruthy()

    await user.type(
      screen.getByLabelText('Nambari ya kitambulisho cha mwenyewe (kutoka kwenye kitambulisho)'),
      '12345678',
    )
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() =>
      expect(fakeCore.callsOf('collection.handOver')).toEqual([
        {
          trackingNumbers: ['001010000017', '001010000025'],
          collector: { kind: 'owner', idNumber: '12345678' },
        },
      ]),
    )
    // The documents are gone from the desk once handed over.
    await waitFor(() => expect(screen.queryByText('Nani anachukua?')).toBeNull())
    expect(screen.queryByRole('button', { name: 'Kabidhi hati 2' })).toBeNull()
  })
})
