import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallListRow, Page } from '../../common/contract'
import { CallListTab } from '../../renderer/src/features/backlog/call-list-tab'
import { ShelfList } from '../../renderer/src/features/backlog/shelf-list'
import { ConfirmPinHost } from '../../renderer/src/ui/confirm-pin-modal'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const row = (i: number): CallListRow => ({
  trackingNumber: `0420100${String(i).padStart(5, '0')}`,
  customerName: `Customer ${i}`,
  phone: `+2547000${String(i).padStart(5, '0')}`,
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
})

/** Serves `rows` as the core does: `limit` rows a page, the cursor being where the next page starts. */
const pageOf = <T,>(rows: T[], input: { limit?: number; cursor?: string }): Page<T> => {
  const from = Number(input.cursor ?? 0)
  const to = from + (input.limit ?? 25)
  return { rows: rows.slice(from, to), nextCursor: to < rows.length ? String(to) : null, total: rows.length }
}

/** The files the page saved: the download link's name and the text of the blob behind it. */
let saved: Promise<{ fileName: string; text: string }>[] = []
beforeEach(() => {
  fakeCore.reset()
  saved = []
  const blobs = new Map<string, Blob>()
  // jsdom has no object URLs and cannot follow a download link: keep the blob, and record the click instead.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => undefined
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!
    const fileName = this.download
    saved.push(blob.arrayBuffer().then((b) => ({ fileName, text: new TextDecoder().decode(b) })))
  })
})
afterEach(() => vi.restoreAllMocks())

describe('the backlog lists', () => {
  it('the call list shows 25 rows a page, pages forward and back, and exports every row of the list', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i + 1))
    fakeCore.answer('backlog.callList', (input) => pageOf(rows, input))
    fakeCore.answer('backlog.exportCallList', () => ({ rows, truncated: false }))
    const user = userEvent.setup()
    renderApp(
      <>
        <CallListTab />
        <ConfirmPinHost />
      </>,
    )
    const table = await screen.findByRole('table', { name: 'Call list' })
    await screen.findByText('1–25 of 30')
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 25)

    await user.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('26–30 of 30')
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5)
    expect(within(table).getByText('Customer 30')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Previous' }))
    await screen.findByText('1–25 of 30')

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    // Names and phones leave the app only after the PIN again, which the core checks.
    await user.type(await screen.findByLabelText('Your PIN'), '391746{Enter}')
    await waitFor(() => expect(saved).toHaveLength(1))
    const file = await saved[0]!
    expect(file.fileName).toMatch(/^call-list-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = file.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('Tracking number,Customer,Phone,Service,Slot,Days on shelf,SMS,Calls,Last call')
    expect(lines).toHaveLength(1 + 30)
    expect(lines[30]).toBe("042010000030,Customer 30,'+254700000030,Passport,26W01-PP,57,Failed,0,")
    // The export asked the core for the whole list, with the PIN, not for the page on screen.
    expect(fakeCore.callsOf('backlog.exportCallList')).toEqual([{ notCalled: false, pin: '391746' }])
  })

  it('the shelf list says so when nothing matches', async () => {
    fakeCore.answer('backlog.list', (input) => pageOf([], input))
    renderApp(<ShelfList filter={{ sort: 'oldest' }} onFilter={() => undefined} services={[]} />)
    await screen.findByText('Nothing on the shelf matches.')
    expect(screen.getByText('0–0 of 0')).toBeTruthy()
  })

  it('an empty call list shows only its headings, as it did before the lists shared a table', async () => {
    fakeCore.answer('backlog.callList', (input) => pageOf([], input))
    renderApp(<CallListTab />)
    await screen.findByText('0–0 of 0')
    expect(within(screen.getByRole('table', { name: 'Call list' })).getAllByRole('row')).toHaveLength(1)
    expect(screen.queryByText('Nothing on the shelf matches.')).toBeNull()
  })
})
