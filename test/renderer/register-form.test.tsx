import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Service } from '../../common/catalogue'
import { RegisterForm } from '../../renderer/src/features/counter/register-form'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const service = (code: string, nameEn: string): Service => ({
  code,
  nameEn,
  nameSw: nameEn,
  agency: 'Civil Registration Services (CRS)',
  turnaroundDays: 5,
  idRequired: false,
  agencyRefPattern: null,
  agencyRefHint: null,
  agencyRefExample: null,
  retentionDays: 90,
  active: true,
  isDefault: true,
})
const SERVICES = [service('BIRTH_CERT', 'Birth certificate'), service('PASSPORT', 'Passport')]

describe('the counter registration form from the keyboard', () => {
  it('Ctrl+Enter on an empty form registers nothing and puts the cursor in the service picker', async () => {
    const user = userEvent.setup()
    renderApp(<RegisterForm services={SERVICES} onRegistered={vi.fn()} />)
    await user.click(screen.getByLabelText(/Customer name/))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(/^Service/, { selector: 'input' })),
    )
    expect(fakeCore.callsOf('application.register')).toEqual([])
  })

  it('the service picker has the cursor with its list closed, and Tab out of it chooses no service', async () => {
    const user = userEvent.setup()
    renderApp(<RegisterForm services={SERVICES} onRegistered={vi.fn()} />)
    const picker = screen.getByLabelText(/^Service/, { selector: 'input' })
    await waitFor(() => expect(document.activeElement).toBe(picker))
    expect(picker.getAttribute('aria-expanded')).toBe('false')
    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText(/Customer name/))
    expect(picker).toHaveProperty('value', '')
  })

  it('typing in the service picker and pressing Enter takes the first match', async () => {
    const user = userEvent.setup()
    renderApp(<RegisterForm services={SERVICES} onRegistered={vi.fn()} />)
    const picker = screen.getByLabelText(/^Service/, { selector: 'input' })
    await user.click(picker)
    await user.keyboard('pass{Enter}')
    await waitFor(() => expect(picker).toHaveProperty('value', 'Passport'))
  })

  it('Tab takes the first service match, and Ctrl+Enter from the phone field registers the complete form', async () => {
    const user = userEvent.setup()
    const onRegistered = vi.fn()
    fakeCore.answer('application.register', () => ({ trackingNumber: '001010000017' }) as never)
    renderApp(<RegisterForm services={SERVICES} onRegistered={onRegistered} />)
    await user.click(screen.getByLabelText(/^Service/, { selector: 'input' }))
    await user.keyboard('birth{Tab}')
    await user.type(screen.getByLabelText(/Customer name/), 'Chebet Kiprop')
    await user.type(screen.getByLabelText(/Phone/), '0712345678')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1))
    expect(fakeCore.callsOf('application.register')).toMatchObject([
      { serviceCode: 'BIRTH_CERT', customerName: 'Chebet Kiprop', phone: '0712345678', language: 'en' },
    ])
  })

  it("in a Kiswahili window the customer's language starts as Kiswahili, and is Kiswahili again for the next customer", async () => {
    setUiLanguage('sw')
    try {
      const user = userEvent.setup()
      fakeCore.answer('application.register', () => ({ trackingNumber: '001010000017' }) as never)
      renderApp(<RegisterForm services={SERVICES} onRegistered={vi.fn()} />)
      await user.click(screen.getByLabelText(/^Huduma/, { selector: 'input' }))
      await user.keyboard('birth{Tab}')
      await user.type(screen.getByLabelText(/Jina la mteja/), 'Chebet Kiprop')
      await user.type(screen.getByLabelText(/Simu/), '0712345678')
      // The English customer's choice is theirs alone.
      await user.click(screen.getByText('Kiingereza'))
      await user.keyboard('{Control>}{Enter}{/Control}')
      await waitFor(() => expect(fakeCore.callsOf('application.register')).toHaveLength(1))
      expect(fakeCore.callsOf('application.register')[0]).toMatchObject({ language: 'en' })
      await user.type(screen.getByLabelText(/Jina la mteja/), 'Amina Hassan')
      await user.type(screen.getByLabelText(/Simu/), '0722345678')
      await user.keyboard('{Control>}{Enter}{/Control}')
      await waitFor(() => expect(fakeCore.callsOf('application.register')).toHaveLength(2))
      expect(fakeCore.callsOf('application.register')[1]).toMatchObject({ language: 'sw' })
    } finally {
      setUiLanguage('en')
    }
  })
})
