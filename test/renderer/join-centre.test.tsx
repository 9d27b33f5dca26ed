import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppStatus, CatchUpInfo } from '../../common/contract'
import { SignInScreen } from '../../renderer/src/features/auth/sign-in-screen'
import { SetupScreen } from '../../renderer/src/features/setup/setup-screen'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

/**
 * A PC joining its centre at first run, in jsdom against the fake core: the join form from the keyboard, what the
 * core refuses shown where it belongs, and the sign-in screen following the catch-up until the PC is ready.
 */

const catchUp = (over: Partial<CatchUpInfo>): CatchUpInfo => ({
  state: 'running',
  percent: 1,
  step: 'Staff and centre settings',
  eventsRead: 0,
  eventsRemaining: null,
  startedAt: 0,
  finishedAt: null,
  error: null,
  ...over,
})
const joined = (c: CatchUpInfo | null): AppStatus => ({
  setupDone: true,
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '04' },
  deviceId: 'd',
  version: 'test',
  recovery: null,
  catchUp: c,
})

async function fillJoin(user: ReturnType<typeof userEvent.setup>, slot: string) {
  await user.click(screen.getByText('Join its centre'))
  await user.type(screen.getByLabelText(/Central API address/), 'https://track.example.go.ke')
  await user.type(screen.getByLabelText(/Enrolment code/), 'join-042')
  await user.type(screen.getByLabelText(/Centre number/), '042')
  await user.type(screen.getByLabelText(/Workstation slot/), slot)
  await user.keyboard('{Enter}')
}

describe('joining a centre at first run', () => {
  it('sends what was typed (the core puts the code in capitals) and tells the app it joined', async () => {
    const user = userEvent.setup()
    const onDone = vi.fn()
    fakeCore.answer('setup.joinCentre', () => joined(null))
    renderApp(<SetupScreen onDone={onDone} />)
    await fillJoin(user, '04')
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(null))
    expect(fakeCore.callsOf('setup.joinCentre')).toEqual([
      {
        apiUrl: 'https://track.example.go.ke',
        enrolmentCode: 'join-042',
        centreNumber: '042',
        workstationSlot: '04',
      },
    ])
  })

  it('a refused join shows the core’s reason and keeps the form to try another slot', async () => {
    const user = userEvent.setup()
    const onDone = vi.fn()
    fakeCore.fail('setup.joinCentre', {
      code: 'CONFLICT',
      message:
        'Workstation slot 01 is already held by another PC of this centre, so this PC was not enrolled.',
    })
    renderApp(<SetupScreen onDone={onDone} />)
    await fillJoin(user, '01')
    expect((await screen.findByRole('alert')).textContent).toContain('already held by another PC')
    expect(onDone).not.toHaveBeenCalled()
    expect((screen.getByLabelText(/Workstation slot/) as HTMLInputElement).value).toBe('01')
  })

  it('a plain http address to another machine is refused before anything is sent', async () => {
    const user = userEvent.setup()
    renderApp(<SetupScreen onDone={() => undefined} />)
    await user.click(screen.getByText('Join its centre'))
    await user.type(screen.getByLabelText(/Central API address/), 'http://track.example.go.ke')
    await user.type(screen.getByLabelText(/Enrolment code/), 'JOIN-042')
    await user.type(screen.getByLabelText(/Centre number/), '042')
    await user.type(screen.getByLabelText(/Workstation slot/), '04')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByText(/https/)).not.toBeNull())
    expect(fakeCore.callsOf('setup.joinCentre')).toEqual([])
  })
})

describe('the sign-in screen of a PC that has just joined', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }))
  afterEach(() => vi.useRealTimers())

  it('follows the catch-up until the PC is ready to work', async () => {
    let now = catchUp({
      percent: 40,
      step: 'The centre’s applications',
      eventsRead: 400,
      eventsRemaining: 600,
    })
    fakeCore.answer('app.status', () => joined(now))
    renderApp(<SignInScreen status={joined(catchUp({}))} onSignedIn={() => undefined} />)
    expect(screen.getByText(/Staff and centre settings \(1%\)/)).not.toBeNull()
    expect(screen.getByText(/staff list comes down first/)).not.toBeNull()

    await act(() => vi.advanceTimersByTimeAsync(1_000))
    await waitFor(() => expect(screen.getByText(/The centre’s applications \(40%\)/)).not.toBeNull())

    now = catchUp({
      state: 'ready',
      percent: 100,
      step: 'Ready to work',
      eventsRead: 1000,
      eventsRemaining: 0,
    })
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    await waitFor(() => expect(screen.getByText(/^Ready to work: 1,000 of 1,000/)).not.toBeNull())
    // Done: it stops asking.
    const asked = fakeCore.callsOf('app.status').length
    await act(() => vi.advanceTimersByTimeAsync(5_000))
    expect(fakeCore.callsOf('app.status').length).toBe(asked)
  })
})
