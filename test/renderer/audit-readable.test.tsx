import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../common/contract'
import { AuditTab } from '../../renderer/src/features/settings/audit-tab'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

/** Rows as the core stores them: code names and details, the personal ones already masked. */
const entries: AuditEntry[] = [
  {
    id: 2,
    at: Date.parse('2027-03-01T07:30:00Z'),
    staffNumber: 'MGR001',
    action: 'returns.listViewed',
    detail: { agency: 'NRB', shown: 2, trackingNumbers: ['042010000001', '042010000002'] },
  },
  {
    id: 1,
    at: Date.parse('2027-03-01T07:00:00Z'),
    staffNumber: 'ADM001',
    action: 'staff.created',
    detail: { staffNumber: 'CLK002', role: 'clerk', active: true },
  },
]

const rowOf = (table: HTMLElement, text: string): HTMLElement =>
  within(table).getByText(text).closest('tr') as HTMLElement

describe('Settings → Audit log in words', () => {
  it('in English: actions as labels, details as "field: value", and the action filter offers the same labels', async () => {
    fakeCore.answer('audit.list', () => entries)
    const user = userEvent.setup()
    renderApp(<AuditTab />)
    const table = await screen.findByRole('table', { name: 'Audit log' })
    await within(table).findByText('Return list viewed')
    expect(rowOf(table, 'Return list viewed').textContent).toContain(
      'Agency: NRB · Shown: 2 · Tracking numbers: 042010000001, 042010000002',
    )
    // A field without a translated name keeps its code name; its value stays as it is (true shown as yes).
    expect(rowOf(table, 'Staff member added').textContent).toContain(
      'Staff number: CLK002 · Role: clerk · active: yes',
    )
    expect(table.textContent).not.toContain('returns.listViewed')
    expect(table.textContent).not.toContain('{')

    await user.click(screen.getByRole('combobox', { name: 'Action' }))
    await user.click(await screen.findByRole('option', { name: 'Staff member added' }))
    expect(fakeCore.callsOf('audit.list').at(-1)).toMatchObject({ action: 'staff.created' })
  })

  it('in Kiswahili: the same rows and filter in Kiswahili', async () => {
    await setUiLanguage('sw')
    fakeCore.answer('audit.list', () => entries)
    const user = userEvent.setup()
    renderApp(<AuditTab />)
    const table = await screen.findByRole('table', { name: 'Kumbukumbu za ukaguzi' })
    await within(table).findByText('Orodha ya kurudisha imetazamwa')
    expect(rowOf(table, 'Orodha ya kurudisha imetazamwa').textContent).toContain(
      'Wakala: NRB · Zilizoonyeshwa: 2 · Nambari za ufuatiliaji: 042010000001, 042010000002',
    )
    expect(rowOf(table, 'Mfanyakazi ameongezwa').textContent).toContain(
      'Nambari ya mfanyakazi: CLK002 · Wadhifa: clerk · active: ndiyo',
    )
    await user.click(screen.getByRole('combobox', { name: 'Kitendo' }))
    expect(await screen.findByRole('option', { name: 'Skrini imefunguliwa' })).toBeTruthy()
  })
})
