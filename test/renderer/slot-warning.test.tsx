import { screen, waitFor } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { StatusSnapshot } from '../../common/contract'
import { CounterPage } from '../../renderer/src/features/counter/counter-page'
import { ReprintModal } from '../../renderer/src/features/counter/reprint-modal'
import { CatchUpProgress } from '../../renderer/src/ui/catch-up-progress'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const status = (slotConfirmed: boolean): StatusSnapshot => ({
  printer: { state: 'not-configured', detail: 'Screen only' },
  scanner: { state: 'not-configured', detail: 'Keyboard scanning' },
  sync: { state: slotConfirmed ? 'ready' : 'not-configured', detail: '', queueDepth: 0 },
  staffList: { stale: false, detail: 'The staff list is up to date with the central API' },
  disk: { low: false, detail: '' },
  dataFileProblem: null,
  catchUp: null,
  slotConfirmed,
  update: { kind: 'unavailable', detail: 'Not the desktop app' },
})

const warning = () => screen.queryByText(/workstation slot is not confirmed/)

describe('the unconfirmed workstation slot on the receipt screens', () => {
  it('the counter desk warns before enrolment, and the warning goes when the enrolment is pushed', async () => {
    fakeCore.answer('status.get', () => status(false))
    fakeCore.answer('catalogue.list', () => [])
    fakeCore.answer('print.unprinted', () => [])
    renderApp(<CounterPage />)
    await waitFor(() => expect(warning()).not.toBeNull())
    expect(warning()?.textContent).toContain('the two will issue the same tracking numbers')

    act(() => fakeCore.push('status.changed', { status: status(true) }))
    await waitFor(() => expect(warning()).toBeNull())
  })

  it('an enrolled PC shows no warning on the counter desk', async () => {
    fakeCore.answer('status.get', () => status(true))
    fakeCore.answer('catalogue.list', () => [])
    fakeCore.answer('print.unprinted', () => [])
    renderApp(<CounterPage />)
    await waitFor(() => expect(fakeCore.callsOf('status.get').length).toBeGreaterThan(0))
    await screen.findByLabelText(/Customer name/)
    expect(warning()).toBeNull()
  })

  it('the receipt reprint warns too', async () => {
    fakeCore.answer('status.get', () => status(false))
    renderApp(
      <ReprintModal trackingNumber="042010000017" onClose={() => undefined} onPrinted={() => undefined} />,
    )
    await waitFor(() => expect(warning()).not.toBeNull())
  })
})

describe('the catch-up progress after an enrolment', () => {
  it('shows the step, the percentage and the events counted, then ready to work', () => {
    const base = {
      startedAt: 0,
      finishedAt: null,
      error: null,
      eventsRead: 3000,
      eventsRemaining: 7000,
    }
    const view = renderApp(
      <CatchUpProgress
        catchUp={{ ...base, state: 'running', percent: 30, step: 'The centre’s applications' }}
      />,
    )
    expect(screen.getByText(/The centre’s applications \(30%\)/)).not.toBeNull()
    expect(screen.getByText('3,000 of 10,000 centre events')).not.toBeNull()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30')
    view.unmount()
    renderApp(
      <CatchUpProgress
        catchUp={{
          ...base,
          eventsRead: 10000,
          eventsRemaining: 0,
          state: 'ready',
          percent: 100,
          step: 'Ready to work',
        }}
      />,
    )
    expect(screen.getByText(/Ready to work: 10,000 of 10,000 centre events/)).not.toBeNull()
  })
})
