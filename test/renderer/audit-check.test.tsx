import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AuditTab } from '../../renderer/src/features/settings/audit-tab'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

describe('Settings → Audit: checking the audit log', () => {
  it('from the keyboard, says the log is intact with the number of rows checked', async () => {
    const user = userEvent.setup()
    fakeCore.answer('audit.list', () => [])
    fakeCore.answer('audit.verify', () => ({ ok: true, rows: 1234 }))
    renderApp(<AuditTab />)
    const button = screen.getByRole('button', { name: 'Check the audit log' })
    button.focus()
    await user.keyboard('{Enter}')
    expect((await screen.findByRole('status')).textContent).toBe('Audit log intact: 1,234 rows checked')
    expect(fakeCore.callsOf('audit.verify')).toEqual([{}])
  })

  it('names the first broken row and what is wrong with it', async () => {
    const user = userEvent.setup()
    fakeCore.answer('audit.list', () => [])
    fakeCore.answer('audit.verify', () => ({
      ok: false,
      rows: 41,
      brokenAt: 42,
      problem: 'missing: the log goes from #41 to #43',
    }))
    renderApp(<AuditTab />)
    await user.click(screen.getByRole('button', { name: 'Check the audit log' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Audit log broken at row #42: missing: the log goes from #41 to #43',
    )
  })

  it('says what the core answered when the check could not run', async () => {
    const user = userEvent.setup()
    fakeCore.answer('audit.list', () => [])
    fakeCore.fail('audit.verify', {
      code: 'FORBIDDEN',
      message: 'Not allowed for clerk: check the audit log.',
    })
    renderApp(<AuditTab />)
    await user.click(screen.getByRole('button', { name: 'Check the audit log' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Not allowed for clerk: check the audit log.')
  })
})
