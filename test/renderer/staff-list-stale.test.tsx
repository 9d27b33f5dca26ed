import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppStatus, StatusSnapshot } from '../../common/contract'
import { StatusBar } from '../../renderer/src/features/shell/status-bar'
import { SettingScope } from '../../renderer/src/ui/setting-scope'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

/** What the status bar and the Settings tabs say about the centre directory, in jsdom against the fake core. */

const app: AppStatus = {
  setupDone: true,
  centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '02' },
  deviceId: 'd',
  version: 'test',
  recovery: null,
  catchUp: null,
}
const snapshot = (stale: boolean): StatusSnapshot => ({
  printer: { state: 'not-configured', detail: 'Screen only' },
  scanner: { state: 'not-configured', detail: 'Keyboard scanning' },
  sync: { state: stale ? 'offline' : 'ready', detail: '', queueDepth: 0 },
  staffList: {
    stale,
    detail: stale
      ? 'The staff list has not been read from the central API for a while'
      : 'The staff list is up to date with the central API',
  },
  disk: { low: false, detail: '' },
  dataFileProblem: null,
  catchUp: null,
  slotConfirmed: true,
  update: { kind: 'unavailable', detail: 'Not the desktop app' },
})
const badge = () => screen.queryByText('Staff list may be out of date')

describe('the staff list in the status bar', () => {
  it('says it may be out of date while the directory is not read, and stops once it is', async () => {
    fakeCore.answer('status.get', () => snapshot(true))
    renderApp(<StatusBar app={app} />)
    await waitFor(() => expect(badge()).not.toBeNull())
    act(() => fakeCore.push('status.changed', { status: snapshot(false) }))
    await waitFor(() => expect(badge()).toBeNull())
  })
})

describe('which settings are whose', () => {
  it('the centre’s are marked as shared by every PC, the PC’s own as this PC only', () => {
    renderApp(
      <>
        <SettingScope scope="centre" />
        <SettingScope scope="pc" />
      </>,
    )
    expect(screen.getByText('Whole centre')).not.toBeNull()
    expect(screen.getByText(/Shared by every PC of this centre/)).not.toBeNull()
    expect(screen.getByText('This PC only')).not.toBeNull()
    expect(screen.getByText(/other PCs of the centre keep their own/)).not.toBeNull()
  })
})
