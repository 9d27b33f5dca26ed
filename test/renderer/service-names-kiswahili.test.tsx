import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Service } from '../../common/catalogue'
import type {
  ApplicationDetail,
  ApplicationSummary,
  HandoverCandidate,
  Page,
  ReturnManifest,
  ShelfDocument,
} from '../../common/contract'
import { PREVIEW_PRINTER } from '../../common/print-job'
import { CampaignHistory } from '../../renderer/src/features/backlog/campaign-history'
import { documentCsvColumns } from '../../renderer/src/features/backlog/document-columns'
import { manifestRows } from '../../renderer/src/features/backlog/return-manifest-csv'
import { ReturnManifestView } from '../../renderer/src/features/backlog/return-manifest-view'
import { ShelfList } from '../../renderer/src/features/backlog/shelf-list'
import { HandoverPanel } from '../../renderer/src/features/collection/handover-panel'
import { RegisterForm } from '../../renderer/src/features/counter/register-form'
import { SearchBar } from '../../renderer/src/features/counter/search-bar'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { loadServiceNames } from '../../renderer/src/ui/service-names'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const BIRTH: Service = {
  code: 'BIRTH_CERT',
  nameEn: 'Birth certificate',
  nameSw: 'Cheti cha Kuzaliwa',
  agency: 'Civil Registration Services (CRS)',
  turnaroundDays: 5,
  idRequired: true,
  agencyRefPattern: null,
  agencyRefHint: null,
  agencyRefExample: null,
  retentionDays: 90,
  active: true,
  isDefault: true,
}

/** A code the catalogue no longer has: its rows keep the English name the core sent. */
const GONE = { serviceCode: 'OLD_PERMIT', serviceName: 'Old permit' }
const BIRTH_ROW = { serviceCode: BIRTH.code, serviceName: BIRTH.nameEn }

const summary = (trackingNumber: string, service: typeof BIRTH_ROW): ApplicationSummary => ({
  trackingNumber,
  ...service,
  customerName: 'Chebet Kiprop',
  phone: '+254712345678',
  status: 'registered',
  registeredAt: Date.parse('2026-12-01T07:00:00Z'),
  expectedReady: '2026-12-08',
  shelfSlot: null,
})

const detail = (s: ApplicationSummary): ApplicationDetail => {
  const job = {
    id: 1,
    trackingNumber: s.trackingNumber,
    kind: 'receipt' as const,
    status: 'preview-only' as const,
    printer: PREVIEW_PRINTER,
    reason: null,
    error: null,
    createdAt: s.registeredAt,
    finishedAt: s.registeredAt,
    mayHavePrinted: false,
    copy: false,
  }
  return {
    ...s,
    idNumber: '12345678',
    agencyRef: null,
    language: 'sw',
    smsConsent: true,
    notes: null,
    registeredBy: 'C001',
    arrivedAt: null,
    collectedAt: null,
    timeline: [],
    printJobs: [job],
    deliveries: [],
    history: [{ kind: 'print', at: s.registeredAt, job }],
  }
}

describe('service names in a Kiswahili window', () => {
  it('the counter’s search results and the record drawer name the service in Kiswahili; an unknown code keeps its English name; a screen preview is named in Kiswahili', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    const known = summary('001010000017', BIRTH_ROW)
    const unknown = summary('001010000025', GONE)
    fakeCore.answer('catalogue.list', () => [BIRTH])
    fakeCore.answer('application.search', () => [known, unknown])
    fakeCore.answer('application.get', () => detail(known))
    renderApp(<SearchBar />)

    await user.type(screen.getByRole('textbox'), 'Chebet{Enter}')
    const results = await screen.findByRole('table', { name: 'Matokeo ya utafutaji' })
    await waitFor(() => expect(within(results).getByText('Cheti cha Kuzaliwa')).toBeTruthy())
    expect(within(results).getByText('Old permit')).toBeTruthy()
    expect(within(results).queryByText('Birth certificate')).toBeNull()

    await user.click(within(results).getByText('Cheti cha Kuzaliwa'))
    const record = await screen.findByRole('table', { name: 'Maombi' })
    expect(within(record).getByRole('row', { name: /Huduma/ }).textContent).toBe('HudumaCheti cha Kuzaliwa')
    expect(screen.getByText(/· onyesho kwenye skrini/)).toBeTruthy()
    expect(screen.queryByText(/screen preview/)).toBeNull()
    // Loaded once for the session, however many screens name services.
    expect(fakeCore.callsOf('catalogue.list')).toHaveLength(1)
  })

  it('in English the search results and the drawer name the service by the catalogue’s English name, and the preview “screen preview”', async () => {
    const user = userEvent.setup()
    const known = summary('001010000017', BIRTH_ROW)
    fakeCore.answer('catalogue.list', () => [{ ...BIRTH, nameEn: 'Birth certificate (catalogue)' }])
    fakeCore.answer('application.search', () => [known, summary('001010000025', GONE)])
    fakeCore.answer('application.get', () => detail(known))
    renderApp(<SearchBar />)

    await user.type(screen.getByRole('textbox'), 'Chebet{Enter}')
    const results = await screen.findByRole('table', { name: 'Search results' })
    await waitFor(() => expect(within(results).getByText('Birth certificate (catalogue)')).toBeTruthy())
    expect(within(results).getByText('Old permit')).toBeTruthy()
    await user.click(within(results).getByText('Birth certificate (catalogue)'))
    await screen.findByRole('table', { name: 'Application' })
    expect(screen.getByText(/· screen preview/)).toBeTruthy()
  })

  it('before the catalogue answers (or when it fails) the rows show the English names the core sent', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    fakeCore.fail('catalogue.list', { code: 'INTERNAL', message: 'The database is busy' })
    fakeCore.answer('application.search', () => [
      summary('001010000017', BIRTH_ROW),
      summary('001010000025', GONE),
    ])
    renderApp(<SearchBar />)
    await user.type(screen.getByRole('textbox'), 'Chebet{Enter}')
    const results = await screen.findByRole('table', { name: 'Matokeo ya utafutaji' })
    await waitFor(() => expect(fakeCore.callsOf('catalogue.list')).toHaveLength(1))
    expect(within(results).getByText('Birth certificate')).toBeTruthy()
    expect(within(results).getByText('Old permit')).toBeTruthy()
  })

  it('the hand-over panel names each document’s service in Kiswahili', async () => {
    setUiLanguage('sw')
    fakeCore.answer('catalogue.list', () => [BIRTH])
    const doc = (trackingNumber: string, service: typeof BIRTH_ROW): HandoverCandidate => ({
      ...summary(trackingNumber, service),
      status: 'arrived',
      shelfSlot: 'A-01',
      idNumberHint: '•••• 5678',
      missing: false,
      damaged: false,
      arrivedAt: 0,
      sms: { state: 'delivered', at: null },
    })
    renderApp(
      <HandoverPanel
        result={{
          ready: [doc('001010000017', BIRTH_ROW), doc('001010000025', GONE)],
          notReady: [],
          choose: [],
        }}
        onDone={() => undefined}
      />,
    )
    expect(await screen.findByText('Chebet Kiprop · Cheti cha Kuzaliwa')).toBeTruthy()
    expect(screen.getByText('Chebet Kiprop · Old permit')).toBeTruthy()
  })

  it('the shelf list names the service in Kiswahili, and its CSV columns do too', async () => {
    setUiLanguage('sw')
    const row = (i: number, service: typeof BIRTH_ROW): ShelfDocument => ({
      trackingNumber: `0420100000${i}7`,
      customerName: `Customer ${i}`,
      phone: '+254712345678',
      ...service,
      slot: '26W01-BC',
      arrivedAt: Date.parse('2027-01-04T07:00:00Z'),
      ageDays: 57,
      sms: 'failed',
      missing: false,
      damaged: false,
    })
    const rows = [row(1, BIRTH_ROW), row(2, GONE)]
    fakeCore.answer('catalogue.list', () => [BIRTH])
    fakeCore.answer('backlog.list', (): Page<ShelfDocument> => ({ rows, nextCursor: null, total: 2 }))
    renderApp(
      <ShelfList
        filter={{ sort: 'oldest', serviceCode: BIRTH.code }}
        onFilter={() => undefined}
        services={[{ code: BIRTH.code, name: BIRTH.nameSw }]}
      />,
    )
    const table = await screen.findByRole('table', { name: 'Hati za rafu' })
    await waitFor(() => expect(within(table).getByText('Cheti cha Kuzaliwa')).toBeTruthy())
    expect(within(table).getByText('Old permit')).toBeTruthy()
    // The filter's own words name it the same way.
    expect(screen.getByText('Cheti cha Kuzaliwa', { selector: 'p' })).toBeTruthy()

    const service = documentCsvColumns<ShelfDocument>().find((c) => c.header === 'Huduma')!
    expect(rows.map((r) => service.value(r))).toEqual(['Cheti cha Kuzaliwa', 'Old permit'])
  })

  it('a return manifest in Kiswahili, on screen and in its CSV, names the service in Kiswahili', async () => {
    setUiLanguage('sw')
    fakeCore.answer('catalogue.list', () => [BIRTH])
    const item = (n: number, service: typeof BIRTH_ROW) => ({
      trackingNumber: `00101000001${n}`,
      ...service,
      agency: BIRTH.agency,
      agencyRef: null,
      customerName: 'Chebet Kiprop',
      shelfSlot: '26W01-BC',
      arrivedAt: Date.parse('2027-01-01T22:00:00Z'),
      collectBy: '2027-03-01',
      daysOverdue: 1,
      outcome: null,
      skipReason: null,
    })
    const manifest: ReturnManifest = {
      id: 7,
      agency: BIRTH.agency,
      status: 'open',
      documents: 2,
      createdAt: Date.parse('2027-03-02T07:00:00Z'),
      createdBy: 'M001',
      confirmedAt: null,
      confirmedBy: null,
      centreName: 'Huduma Centre GPO',
      centreNumber: '001',
      items: [item(1, BIRTH_ROW), item(2, GONE)],
    }
    renderApp(
      <ReturnManifestView
        manifest={manifest}
        onConfirm={vi.fn()}
        onCancelManifest={vi.fn()}
        onBack={vi.fn()}
        busy={false}
      />,
    )
    expect(await screen.findByRole('cell', { name: 'Cheti cha Kuzaliwa' })).toBeTruthy()
    expect(screen.getByRole('cell', { name: 'Old permit' })).toBeTruthy()
    // The CSV is saved from the same window: the names it has loaded.
    await loadServiceNames()
    expect(manifestRows(manifest).map((r) => r[3])).toEqual(['Cheti cha Kuzaliwa', 'Old permit'])
  })

  it('the core’s duplicate-application warning names the service in Kiswahili', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    fakeCore.answer('catalogue.list', () => [BIRTH])
    // What the core answers (main/services/application-service.ts): English, the service by its English name.
    fakeCore.fail('application.register', {
      code: 'CONFLICT',
      message:
        'This ID number already has an open Birth certificate application: 0010 1000 0017, registered 2 Dec 2026 ' +
        '(registered). Register another only if the customer really needs a second one.',
      field: 'idNumber',
    })
    renderApp(<RegisterForm services={[BIRTH]} onRegistered={vi.fn()} />)
    await waitFor(() => expect(fakeCore.callsOf('catalogue.list')).toHaveLength(1))

    await user.click(screen.getByLabelText(/^Huduma/, { selector: 'input' }))
    await user.keyboard('kuzaliwa{Tab}')
    await user.type(screen.getByLabelText(/Jina la mteja/), 'Chebet Kiprop')
    await user.type(screen.getByLabelText(/Simu \(kwa SMS\)/), '0712345678')
    await user.type(screen.getByLabelText(/Nambari ya kitambulisho/), '12345678')
    await user.keyboard('{Control>}{Enter}{/Control}')

    const warning = await screen.findByText(/tayari ina maombi ya/)
    expect(warning.textContent).toContain(
      'Nambari hii ya kitambulisho tayari ina maombi ya Cheti cha Kuzaliwa ambayo bado yako wazi: 0010 1000 0017',
    )
    expect(warning.textContent).not.toContain('Birth certificate')
  })

  it('a reminder campaign’s history names its services in Kiswahili (an unknown code as it is)', async () => {
    setUiLanguage('sw')
    fakeCore.answer('catalogue.list', () => [BIRTH])
    renderApp(
      <CampaignHistory
        campaigns={[
          {
            id: 1,
            dryRun: true,
            criteria: {
              minDaysOnShelf: 30,
              serviceCodes: [BIRTH.code, 'OLD_PERMIT'],
              lastReminderOlderThanDays: 7,
            },
            documents: 3,
            recipients: 2,
            segments: 2,
            costKes: 1.6,
            excludedRecent: 0,
            excludedNoConsent: 0,
            firstDueAt: null,
            lastDueAt: null,
            createdAt: Date.parse('2027-01-04T07:00:00Z'),
            createdBy: 'M001',
            sent: 0,
            scheduled: 0,
            skipped: 0,
          },
        ]}
      />,
    )
    expect(await screen.findByText(/Cheti cha Kuzaliwa, OLD_PERMIT/)).toBeTruthy()
  })
})
