import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppStatus } from '../../common/contract'
import { AgenciesTab } from '../../renderer/src/features/backlog/agencies-tab'
import { AppFrame } from '../../renderer/src/features/shell/app-frame'
import { formatDay } from '../../renderer/src/ui/format'
import {
  CRS,
  IMMIGRATION,
  LAST_365,
  LAST_90,
  NOW,
  NRB,
  batches,
  report,
  trend,
  turnaround,
} from './agency-fixtures'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

beforeEach(() => {
  // Only Date: the period presets count back from the Nairobi day the test pins, while user events keep real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  fakeCore.answer('agency.turnaround', (p) => turnaround(p))
  fakeCore.answer('agency.batches', (p) => batches(p))
  fakeCore.answer('agency.trend', (p) => trend(p))
  fakeCore.answer('agency.report', () => report())
})
afterEach(() => vi.useRealTimers())

/** The texts of a table row's cells. */
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)

const rowOf = (table: HTMLElement, first: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === first)!

describe('the Agencies tab', () => {
  it('shows each agency’s figures as the core gives them, rates as percentages, and the total', async () => {
    renderApp(<AgenciesTab />)
    const table = await screen.findByRole('table', { name: 'On time by agency' })
    expect(fakeCore.callsOf('agency.turnaround')).toEqual([LAST_90])
    expect(fakeCore.callsOf('agency.batches')).toEqual([LAST_90])
    // 1,083 of 1,240 on time is 87.3%.
    expect(cells(rowOf(table, IMMIGRATION))).toEqual([
      IMMIGRATION,
      '87.3%',
      '1,240',
      '157',
      '9 d',
      '23 d',
      '61 d',
      '312',
      '48',
      'Report…',
    ])
    expect(cells(rowOf(table, CRS)).slice(0, 5)).toEqual([CRS, '100.0%', '50', '0', '—'])
    // Nothing arrived: no rate rather than 0%.
    expect(cells(rowOf(table, NRB)).slice(0, 3)).toEqual([NRB, '—', '0'])
    expect(cells(rowOf(table, 'All agencies')).slice(0, 2)).toEqual(['All agencies', '87.8%'])
    expect(
      screen.getByText(`On time by agency, ${formatDay('2026-12-03')} – ${formatDay('2027-03-02')}`),
    ).toBeTruthy()

    const manifests = screen.getByRole('table', { name: 'Manifest discrepancies by agency' })
    expect(cells(rowOf(manifests, IMMIGRATION))).toEqual([IMMIGRATION, '14', '1,100', '1,093', '7', '12'])
  })

  it('lists the agencies that got worse first, worst first, in words with an arrow, and none that got better', async () => {
    renderApp(<AgenciesTab />)
    const section = await screen.findByRole('region', { name: 'Got worse this period' })
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2))
    const items = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      'Directorate of Criminal Investigations: ↓ 30.0 points worse (from 90.0% to 60.0% on time)',
      `${IMMIGRATION}: ↓ 12.0 points worse (from 92.0% to 80.0% on time)`,
    ])
    // It comes before the table on the page.
    const table = screen.getByRole('table', { name: 'On time by agency' })
    expect(section.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('the trend asks per week for all agencies, then per month, then for one agency, and shows the points as a table', async () => {
    const user = userEvent.setup()
    renderApp(<AgenciesTab />)
    const weeks = await screen.findByRole('table', { name: 'On time per week' })
    expect(fakeCore.callsOf('agency.trend')).toEqual([{ ...LAST_90, granularity: 'week' }])
    expect(cells(within(weeks).getAllByRole('row')[1]!)).toEqual([
      formatDay('2026-11-30'),
      '90',
      '90.0%',
      '9',
      '4 d',
      '—',
      '—',
    ])
    // A week with no arrivals has no rate.
    expect(cells(within(weeks).getAllByRole('row')[2]!).slice(0, 3)).toEqual([
      formatDay('2026-12-07'),
      '0',
      '—',
    ])

    await user.click(screen.getByRole('radio', { name: 'Per month' }))
    const months = await screen.findByRole('table', { name: 'On time per month' })
    expect(fakeCore.callsOf('agency.trend').at(-1)).toEqual({ ...LAST_90, granularity: 'month' })
    expect(cells(within(months).getAllByRole('row')[2]!).slice(0, 3)).toEqual(['Jan 2027', '500', '80.0%'])

    await user.click(screen.getByRole('combobox', { name: 'Agency' }))
    await user.click(await screen.findByRole('option', { name: IMMIGRATION }))
    await screen.findByText(`On time and days late per month, ${IMMIGRATION}`)
    expect(fakeCore.callsOf('agency.trend').at(-1)).toEqual({
      ...LAST_90,
      granularity: 'month',
      agency: IMMIGRATION,
    })

    // Back to all agencies: the agency is left out of the call, not sent empty.
    await user.click(screen.getByRole('combobox', { name: 'Agency' }))
    await user.click(await screen.findByRole('option', { name: 'All agencies' }))
    await screen.findByText('On time and days late per month, all agencies')
    expect(fakeCore.callsOf('agency.trend').at(-1)).toEqual({ ...LAST_90, granularity: 'month' })
  })

  it('a longer period asks every figure for it, and its trend per month', async () => {
    const user = userEvent.setup()
    renderApp(<AgenciesTab />)
    await screen.findByRole('table', { name: 'On time by agency' })
    await user.click(screen.getByRole('radio', { name: 'Last 12 months' }))
    await waitFor(() => expect(fakeCore.callsOf('agency.turnaround').at(-1)).toEqual(LAST_365))
    expect(fakeCore.callsOf('agency.batches').at(-1)).toEqual(LAST_365)
    await waitFor(() =>
      expect(fakeCore.callsOf('agency.trend').at(-1)).toEqual({ ...LAST_365, granularity: 'month' }),
    )
    await screen.findByText(`On time by agency, ${formatDay('2026-03-03')} – ${formatDay('2027-03-02')}`)
  })

  it('from the keyboard: an agency opens to its services, its report opens, and Back returns to the same button', async () => {
    const user = userEvent.setup()
    renderApp(<AgenciesTab />)
    const table = await screen.findByRole('table', { name: 'On time by agency' })
    const expand = screen.getByRole('button', { name: `Show the services of ${IMMIGRATION}` })
    expect(expand.getAttribute('aria-expanded')).toBe('false')
    // Tab reaches the first agency's toggle from the period picker.
    screen.getByRole('radio', { name: 'Last 90 days' }).focus()
    let guard = 0
    while (document.activeElement !== expand && guard++ < 20) await user.tab()
    expect(document.activeElement).toBe(expand)
    await user.keyboard('{Enter}')
    expect(cells(rowOf(table, 'Passport')).slice(0, 3)).toEqual(['Passport', '85.0%', '1,000'])
    expect(cells(rowOf(table, 'Passport replacement')).slice(0, 2)).toEqual(['Passport replacement', '97.1%'])
    const collapse = screen.getByRole('button', { name: `Hide the services of ${IMMIGRATION}` })
    expect(collapse.getAttribute('aria-expanded')).toBe('true')

    await user.tab()
    const open = screen.getByRole('button', { name: `Report for ${IMMIGRATION}…` })
    expect(document.activeElement).toBe(open)
    await user.keyboard('{Enter}')
    await screen.findByRole('heading', { name: `Report for ${IMMIGRATION}` })
    expect(fakeCore.callsOf('agency.report')).toEqual([{ agency: IMMIGRATION, ...LAST_90 }])
    const back = screen.getByRole('button', { name: 'Back to all agencies' })
    await waitFor(() => expect(document.activeElement).toBe(back))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(open))
    // The overview was kept, services still open, not asked again.
    expect(screen.getByRole('button', { name: `Hide the services of ${IMMIGRATION}` })).toBeTruthy()
    expect(fakeCore.callsOf('agency.turnaround')).toHaveLength(1)
  })

  it('says what the core answered when the figures cannot be counted', async () => {
    fakeCore.fail('agency.turnaround', {
      code: 'CONFLICT',
      message: 'The agency turnaround is not built yet.',
    })
    fakeCore.fail('agency.trend', { code: 'CONFLICT', message: 'The agency trend is not built yet.' })
    renderApp(<AgenciesTab />)
    expect(await screen.findByText('The agency turnaround is not built yet.')).toBeTruthy()
    expect(await screen.findAllByText('The agency trend is not built yet.')).toHaveLength(2)
  })

  it('is a tab of the Backlog desk, and the desk keys work from its fields', async () => {
    const app: AppStatus = {
      setupDone: true,
      centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '01' },
      deviceId: 'device',
      version: 'test',
      recovery: null,
      catchUp: null,
    }
    const user = userEvent.setup()
    renderApp(
      <AppFrame
        app={app}
        session={{
          staff: { staffNumber: 'MGR001', name: 'Joseph Mutua', role: 'manager' },
          locked: false,
          idleLockMs: 600_000,
          mustChangePin: false,
          language: 'en',
        }}
      />,
    )
    await screen.findAllByRole('textbox')
    await user.keyboard('{Alt>}4{/Alt}')
    await user.click(await screen.findByRole('tab', { name: 'Agencies' }))
    await screen.findByRole('table', { name: 'On time by agency' })
    await user.click(screen.getByRole('combobox', { name: 'Agency' }))
    await user.keyboard('{Escape}')
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Agency' }))
    await user.keyboard('{Alt>}1{/Alt}')
    await screen.findByRole('heading', { name: 'New application' })
    expect(screen.queryByRole('tab', { name: 'Agencies' })).toBeNull()
  })
})
