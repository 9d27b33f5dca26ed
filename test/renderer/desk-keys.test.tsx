import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppStatus, SessionInfo } from '../../common/contract'
import { AppFrame } from '../../renderer/src/features/shell/app-frame'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const APP: AppStatus = {
  setupDone: true,
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '01' },
  deviceId: 'device',
  version: 'test',
  recovery: null,
  catchUp: null,
}
const session = (role: SessionInfo['staff']['role']): SessionInfo => ({
  staff: { staffNumber: 'ADM001', name: 'Amina Wanjiru', role },
  locked: false,
  idleLockMs: 600_000,
  mustChangePin: false,
  language: 'en',
})

/** The desk the navigation marks as the one shown. */
const activeDesk = (): string | null =>
  screen
    .getByRole('navigation', { name: 'Desks' })
    .querySelector('[data-active]')
    ?.textContent?.replace(/Alt.*$/, '')
    .trim() ?? null

describe('desk keys from inside a field', () => {
  beforeEach(() => fakeCore.reset())

  it('Alt+3 opens Collection and Alt+4 Backlog with the cursor in a text field, for an administrator', async () => {
    const user = userEvent.setup()
    renderApp(<AppFrame session={session('admin')} app={APP} />)
    const field = (await screen.findAllByRole('textbox'))[0]!
    await user.click(field)
    expect(document.activeElement?.tagName).toBe('INPUT')
    await user.keyboard('{Alt>}3{/Alt}')
    await waitFor(() => expect(activeDesk()).toMatch(/^Collection/))
    await user.click((await screen.findAllByRole('textbox'))[0]!)
    await user.keyboard('{Alt>}4{/Alt}')
    await waitFor(() => expect(activeDesk()).toMatch(/^Backlog/))
  })

  it('the key of a desk the role does not have does nothing: a clerk stays on the counter', async () => {
    const user = userEvent.setup()
    renderApp(<AppFrame session={session('clerk')} app={APP} />)
    await user.click((await screen.findAllByRole('textbox'))[0]!)
    await user.keyboard('{Alt>}2{/Alt}')
    expect(activeDesk()).toMatch(/^Counter/)
    await user.keyboard('{Alt>}5{/Alt}')
    await waitFor(() => expect(activeDesk()).toMatch(/^Settings/))
  })
})
