import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AgencyReportFiles } from '../../common/contract'
import { AgencyReportView } from '../../renderer/src/features/backlog/agency-report-view'
import { formatDateTime, formatDay } from '../../renderer/src/ui/format'
import { ConfirmPinHost } from '../../renderer/src/ui/confirm-pin-modal'
import { IMMIGRATION, LAST_90, report } from './agency-fixtures'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const SIGNED = { staffNumber: 'MGR001', name: 'Joseph Mutua', at: Date.parse('2027-03-02T07:05:00Z') }

/** The files the page saved: the download link's name and the text of the blob behind it. */
let saved: Promise<{ fileName: string; type: string; text: string }>[] = []
beforeEach(() => {
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
    saved.push(
      blob.arrayBuffer().then((b) => ({
        fileName,
        type: blob.type,
        text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(b),
      })),
    )
  })
  fakeCore.answer('agency.report', () => report())
})
afterEach(() => vi.restoreAllMocks())

const view = () =>
  renderApp(
    <>
      <AgencyReportView agency={IMMIGRATION} {...LAST_90} onBack={() => undefined} />
      <ConfirmPinHost />
    </>,
  )

describe('the report for one agency', () => {
  it('shows the figures, worst services, manifest discrepancies and the overdue list as the core made them', async () => {
    view()
    await screen.findByRole('heading', { name: `Report for ${IMMIGRATION}` })
    expect(fakeCore.callsOf('agency.report')).toEqual([{ agency: IMMIGRATION, ...LAST_90 }])
    expect(
      screen.getByText(
        `Huduma Centre GPO, centre 042 · ${formatDay(LAST_90.from)} – ${formatDay(LAST_90.to)}`,
      ),
    ).toBeTruthy()
    const figures = screen.getByLabelText('Figures')
    expect(within(figures).getByText('87.3%')).toBeTruthy()
    expect(
      within(figures).getByText('1,083 of 1,240 documents arrived by the date on the receipt'),
    ).toBeTruthy()
    expect(within(figures).getByText('90%: 23 d, worst: 61 d')).toBeTruthy()
    expect(within(figures).getByText('48 of them past the expected-ready date')).toBeTruthy()

    const worst = screen.getByRole('table', { name: 'Worst services' })
    expect(
      within(worst)
        .getAllByRole('row')
        .map((r) => r.firstChild?.textContent),
    ).toEqual(['Service', 'Passport', 'Passport replacement'])
    const manifests = screen.getByRole('table', { name: `Manifest discrepancies of ${IMMIGRATION}` })
    expect(
      within(manifests)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([IMMIGRATION, '14', '1,100', '1,093', '7', '12'])
    const overdue = screen.getByRole('table', { name: 'Documents still overdue' })
    const rows = within(overdue).getAllByRole('row').slice(1)
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '0420 1000 0017',
      'AK1234567',
      'Passport',
      formatDay('2026-11-02'),
      formatDay('2026-12-14'),
      '78',
    ])
    // No agency reference: said so, not left blank.
    expect(within(rows[1]!).getAllByRole('cell')[1]!.textContent).toBe('—')
    expect(screen.getByText('Not signed off yet: sign it off before you send it.')).toBeTruthy()
  })

  it('Sign off asks the PIN, shows a wrong one under the field, and then who signed and when', async () => {
    const user = userEvent.setup()
    view()
    await screen.findByRole('heading', { name: `Report for ${IMMIGRATION}` })
    fakeCore.fail('agency.signOff', {
      code: 'WRONG_PIN',
      message: 'Wrong staff number or PIN. 4 tries left before the account is locked.',
    })
    await user.click(screen.getByRole('button', { name: 'Sign off…' }))
    const pin = await screen.findByLabelText('Your PIN')
    await waitFor(() => expect(document.activeElement).toBe(pin))
    await user.keyboard('000000{Enter}')
    const error = await screen.findByText(/^Wrong staff number or PIN\. 4 tries left/)
    // Under the PIN field: the field names the error as its description.
    expect(pin.getAttribute('aria-describedby')).toContain(error.id)
    expect(screen.queryByText(/^Signed off by/)).toBeNull()

    fakeCore.answer('agency.signOff', () => report(SIGNED))
    await user.keyboard('391746{Enter}')
    expect((await screen.findByText(/^Signed off by/)).textContent).toBe(
      `Signed off by Joseph Mutua (MGR001) at ${formatDateTime(SIGNED.at)}`,
    )
    expect(fakeCore.callsOf('agency.signOff')).toEqual([
      { agency: IMMIGRATION, ...LAST_90, pin: '000000' },
      { agency: IMMIGRATION, ...LAST_90, pin: '391746' },
    ])
    expect(screen.queryByLabelText('Your PIN')).toBeNull()
    // Signed once: the button is off, and the keyboard is on the next step.
    expect(screen.getByRole('button', { name: 'Sign off…' }).hasAttribute('disabled')).toBe(true)
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save for sending' })),
    )
  })

  it('Save for sending saves every file the core made, and shows the report it answered with', async () => {
    const files: AgencyReportFiles = {
      report: report(SIGNED),
      files: [
        {
          name: 'agency-report-042-department-of-immigration-services-2026-12-03-to-2027-03-02.html',
          mime: 'text/html;charset=utf-8',
          content: '<!doctype html><title>Report</title><p>0420 1000 0017</p>',
        },
        {
          name: 'agency-report-042-department-of-immigration-services-2026-12-03-to-2027-03-02.csv',
          mime: 'text/csv;charset=utf-8',
          content: 'Tracking number,Agency reference\r\n042010000017,AK1234567\r\n',
        },
      ],
    }
    fakeCore.answer('agency.exportReport', () => files)
    const user = userEvent.setup()
    view()
    await screen.findByRole('heading', { name: `Report for ${IMMIGRATION}` })
    // From the keyboard: focus the button, Enter saves (no PIN: the report holds no customer data).
    screen.getByRole('button', { name: 'Save for sending' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(saved).toHaveLength(2))
    expect(fakeCore.callsOf('agency.exportReport')).toEqual([{ agency: IMMIGRATION, ...LAST_90 }])
    const out = await Promise.all(saved)
    expect(out.map((f) => f.fileName)).toEqual(files.files.map((f) => f.name))
    expect(out[0]!.text).toBe(files.files[0]!.content)
    // The CSV gets the byte-order mark every CSV of the app gets, so Excel reads it as UTF-8.
    expect(out[1]!.text).toBe(`\ufeff${files.files[1]!.content}`)
    expect(out.map((f) => f.type)).toEqual(['text/html;charset=utf-8', 'text/csv;charset=utf-8'])
    await screen.findByText(/^Signed off by Joseph Mutua/)
  })

  it('a report already signed off says by whom and offers no second sign-off', async () => {
    fakeCore.answer('agency.report', () => report(SIGNED))
    view()
    expect((await screen.findByText(/^Signed off by/)).textContent).toBe(
      `Signed off by Joseph Mutua (MGR001) at ${formatDateTime(SIGNED.at)}`,
    )
    expect(screen.getByRole('button', { name: 'Sign off…' }).hasAttribute('disabled')).toBe(true)
  })
})
