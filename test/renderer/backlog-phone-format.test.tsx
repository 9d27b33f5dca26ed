import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CallListRow, Page } from '../../common/contract'
import { CallListTab } from '../../renderer/src/features/backlog/call-list-tab'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const row: CallListRow = {
  trackingNumber: '042010000001',
  customerName: 'Amina Wanjiru',
  phone: '+254741121757',
  serviceCode: 'PASSPORT',
  serviceName: 'Passport',
  slot: '26W01-PP',
  arrivedAt: Date.parse('2027-01-04T07:00:00Z'),
  ageDays: 57,
  sms: 'failed',
  missing: false,
  damaged: false,
  calls: 0,
  lastCall: null,
}

const page = (): Page<CallListRow> => ({ rows: [row], nextCursor: null, total: 1 })

beforeEach(() => fakeCore.reset())

describe('phone numbers in the backlog tables', () => {
  it('the call list shows the phone as staff write it (0741 121 757), in the table and in the call dialog', async () => {
    fakeCore.answer('backlog.callList', page)
    const user = userEvent.setup()
    renderApp(<CallListTab />)
    const table = await screen.findByRole('table', { name: 'Call list' })
    const cell = await within(table).findByText('0741 121 757')
    expect(within(table).queryByText('+254741121757')).toBeNull()
    await user.click(within(cell.closest('tr')!).getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('0741 121 757')).toBeTruthy()
  })
})
