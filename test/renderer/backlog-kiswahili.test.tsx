import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  CampaignPreview,
  OverdueDocument,
  Page,
  ReturnManifest,
  ShelfDocument,
} from '../../common/contract'
import { CallListTab } from '../../renderer/src/features/backlog/call-list-tab'
import { CampaignPreviewPanel } from '../../renderer/src/features/backlog/campaign-preview-panel'
import { OverdueTab } from '../../renderer/src/features/backlog/overdue-tab'
import { downloadManifestCsv } from '../../renderer/src/features/backlog/return-manifest-csv'
import { ReturnsTab } from '../../renderer/src/features/backlog/returns-tab'
import { ShelfTab } from '../../renderer/src/features/backlog/shelf-tab'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { ConfirmPinHost } from '../../renderer/src/ui/confirm-pin-modal'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

const ARRIVED = Date.parse('2027-01-04T07:00:00Z')

const shelfRow = (i: number): ShelfDocument => ({
  trackingNumber: `0420100${String(i).padStart(5, '0')}`,
  customerName: `Customer ${i}`,
  phone: `+2547000${String(i).padStart(5, '0')}`,
  serviceCode: 'PASSPORT',
  serviceName: 'Passport',
  slot: '26W01-PP',
  arrivedAt: ARRIVED,
  ageDays: 57,
  sms: 'failed',
  missing: false,
  damaged: false,
})

const pageOf = <T,>(rows: T[]): Page<T> => ({ rows, nextCursor: null, total: rows.length })

/** The files the page saved: the download link's name and the text of the blob behind it. */
let saved: Promise<{ fileName: string; text: string }>[] = []
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
    saved.push(blob.arrayBuffer().then((b) => ({ fileName, text: new TextDecoder().decode(b) })))
  })
  setUiLanguage('sw')
})
afterEach(() => vi.restoreAllMocks())

const lines = (text: string): string[] =>
  text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')

describe('the Backlog desk in Kiswahili', () => {
  it('the shelf counts its documents by noun class, names the age buckets and SMS outcomes, and heads its list', async () => {
    fakeCore.answer('backlog.summary', () => ({
      today: '2027-03-02',
      total: 3,
      byAge: [
        { bucket: 'd0_7', label: '0–7 days', count: 1 },
        { bucket: 'd90plus', label: 'Over 90 days', count: 2 },
      ],
      byService: [{ serviceCode: 'PASSPORT', serviceName: 'Passport', count: 3, oldestArrivedAt: ARRIVED }],
      bySlot: [{ slot: '26W01-PP', count: 3, oldestArrivedAt: ARRIVED }],
      bySms: [{ outcome: 'failed', label: 'Failed', count: 3 }],
    }))
    fakeCore.answer('backlog.list', () => pageOf([shelfRow(1)]))
    fakeCore.answer('catalogue.list', () => [])
    renderApp(<ShelfTab />)

    expect(await screen.findByRole('heading', { name: 'Hati 3 zinasubiri kwenye rafu' })).toBeTruthy()
    expect(screen.getByText('Muda kwenye rafu')).toBeTruthy()
    // A figure's name is what it shows (the count, then its label), then "open the list".
    expect(screen.getByRole('button', { name: /^2\s*Zaidi ya siku 90\s*— fungua orodha$/ })).toBeTruthy()
    expect(screen.getByRole('button', { name: /^3\s*Imeshindikana\s*— fungua orodha$/ })).toBeTruthy()
    expect(screen.getByRole('table', { name: 'Kwa huduma' })).toBeTruthy()

    const list = await screen.findByRole('table', { name: 'Hati za rafu' })
    const heads = within(list)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(heads).toEqual([
      'Nambari ya ufuatiliaji',
      'Mteja',
      'Simu',
      'Huduma',
      'Nafasi',
      'Ilifika',
      'Siku',
      'SMS',
    ])
    expect(within(list).getByText('Imeshindikana')).toBeTruthy()
    expect(screen.getByText('1–1 kati ya 1')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Iliyotangulia' })).toBeTruthy()
  })

  it('one overdue document takes the singular concord; the list and its breakdowns are headed in Kiswahili', async () => {
    const doc: OverdueDocument = {
      trackingNumber: '042010000001',
      customerName: 'Chebet Kiprop',
      phone: '+254700000001',
      serviceCode: 'PASSPORT',
      serviceName: 'Passport',
      agency: 'Department of Immigration Services',
      registeredAt: ARRIVED,
      expectedReady: '2027-02-01',
      daysOverdue: 29,
    }
    fakeCore.answer('overdue.summary', () => ({
      today: '2027-03-02',
      total: 1,
      byAgency: [{ agency: doc.agency, count: 1, oldestExpectedReady: '2027-02-01' }],
      byService: [
        {
          serviceCode: 'PASSPORT',
          serviceName: 'Passport',
          agency: doc.agency,
          count: 1,
          oldestExpectedReady: '2027-02-01',
        },
      ],
    }))
    fakeCore.answer('overdue.list', () => pageOf([doc]))
    renderApp(<OverdueTab />)

    expect(await screen.findByRole('heading', { name: 'Hati 1 imechelewa kwa wakala' })).toBeTruthy()
    expect(screen.getByText('Mawakala wote, zilizochelewa zaidi kwanza')).toBeTruthy()
    const byAgency = screen.getByRole('table', { name: 'Zilizochelewa kwa wakala' })
    expect(within(byAgency).getByText('Tarehe ya zamani zaidi ya kuwa tayari')).toBeTruthy()
    const list = await screen.findByRole('table', { name: 'Hati zilizochelewa' })
    expect(within(list).getByText('Siku za kuchelewa')).toBeTruthy()
    expect(within(list).getByText('Chebet Kiprop')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Hamisha takwimu (CSV)' })).toBeTruthy()
  })

  it('the campaign preview gives its figures, schedule and recipients in Kiswahili, each language named in Kiswahili', () => {
    const preview: CampaignPreview = {
      criteria: { minDaysOnShelf: 14, serviceCodes: [], lastReminderOlderThanDays: 14 },
      documents: 3,
      recipients: 2,
      segments: 2,
      costKes: 1.6,
      priceKes: 0.8,
      excludedRecent: 1,
      excludedNoConsent: 4,
      exclusionDays: 7,
      languages: [
        {
          language: 'sw',
          recipients: 1,
          sampleText: 'Huduma GPO ukumbusho',
          encoding: 'GSM-7',
          segmentsPerMessage: 1,
        },
        {
          language: 'en',
          recipients: 1,
          sampleText: 'Huduma GPO reminder',
          encoding: 'GSM-7',
          segmentsPerMessage: 1,
        },
      ],
      quietHours: { start: '20:00', end: '07:00' },
      ratePerMinute: 60,
      firstDueAt: Date.parse('2027-03-02T07:00:00Z'),
      lastDueAt: Date.parse('2027-03-02T07:01:00Z'),
      sample: [
        {
          phone: '+254700000001',
          language: 'sw',
          customerName: 'Chebet Kiprop',
          trackingNumbers: ['042010000001', '042010000002'],
          dueAt: Date.parse('2027-03-02T07:00:00Z'),
        },
      ],
    }
    renderApp(<CampaignPreviewPanel preview={preview} />)

    expect(screen.getByText('Wapokeaji')).toBeTruthy()
    expect(screen.getByText('SMS moja kwa kila nambari ya simu')).toBeTruthy()
    expect(screen.getByText('Gharama inayokadiriwa')).toBeTruthy()
    expect(screen.getByTestId('campaign-estimated-cost').textContent).toBe('KES 1.60')
    expect(screen.getByText('kwa KES 0.80 kila SMS')).toBeTruthy()
    expect(screen.getByText(/^Hazijajumuishwa: hati/).textContent).toBe(
      'Hazijajumuishwa: hati 1 za watu waliokumbushwa katika siku 7 zilizopita au wenye kikumbusho kinachosubiri kutumwa, 4 bila idhini ya SMS.',
    )
    expect(screen.getByText('Ratiba')).toBeTruthy()
    expect(screen.getByText(/^jumbe 60 kwa dakika, hakuna kati ya 20:00 na 07:00/)).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Kiswahili — mpokeaji 1' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Kiingereza — mpokeaji 1' })).toBeTruthy()
    expect(
      screen.getByRole('heading', { name: 'Wa kwanza 1 kati ya wapokeaji 2, kwa mpangilio wa kutuma' }),
    ).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Wapokeaji wa kampeni' })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Simu', 'Jina', 'Lugha', 'Hati', 'Wakati wa kutumwa'])
  })

  it('the call list saves its CSV with Kiswahili headings and outcomes', async () => {
    const row = {
      ...shelfRow(7),
      calls: 2,
      lastCall: { outcome: 'no-answer' as const, at: ARRIVED, staffNumber: 'M001', note: null },
    }
    fakeCore.answer('backlog.callList', () => pageOf([row]))
    fakeCore.answer('backlog.exportCallList', () => ({ rows: [row], truncated: false }))
    const user = userEvent.setup()
    renderApp(
      <>
        <CallListTab />
        <ConfirmPinHost />
      </>,
    )
    await screen.findByRole('table', { name: 'Orodha ya kupiga simu' })
    expect(screen.getByText('Hati 1 ambayo SMS yake haikufika')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Hamisha CSV' }))
    await user.type(await screen.findByLabelText(/PIN/), '391746{Enter}')
    await waitFor(() => expect(saved).toHaveLength(1))
    const file = await saved[0]!
    expect(lines(file.text)).toEqual([
      'Nambari ya ufuatiliaji,Mteja,Simu,Huduma,Nafasi,Siku kwenye rafu,SMS,Idadi ya simu,Simu ya mwisho',
      "042010000007,Customer 7,'+254700000007,Passport,26W01-PP,57,Imeshindikana,2,Hakujibu",
    ])
  })

  it('the returns headline agrees with one document and with three', async () => {
    const item = (i: number) => ({
      trackingNumber: `00101000001${i}`,
      serviceCode: 'BIRTH_CERT',
      serviceName: 'Birth certificate',
      agency: 'CRS',
      customerName: `Customer ${i}`,
      shelfSlot: '26W01-BC',
      arrivedAt: ARRIVED,
      collectBy: '2027-03-01',
      daysOverdue: i,
      agencyRef: null,
    })
    fakeCore.answer('returns.listManifests', () => [])
    fakeCore.answer('returns.due', () => ({
      total: 1,
      agency: 'CRS',
      byAgency: [{ agency: 'CRS', count: 1 }],
      items: [item(1)],
    }))
    const one = renderApp(<ReturnsTab />)
    expect((await screen.findByTestId('returns-headline')).textContent).toBe(
      'Hati 1 imepita muda wake wa kuhifadhiwa (wakala: CRS).',
    )
    expect(screen.getByText('siku 1')).toBeTruthy()
    one.unmount()

    fakeCore.answer('returns.due', () => ({
      total: 3,
      agency: null,
      byAgency: [{ agency: 'CRS', count: 3 }],
      items: [item(1), item(2), item(3)],
    }))
    renderApp(<ReturnsTab />)
    expect((await screen.findByTestId('returns-headline')).textContent).toBe(
      'Hati 3 zimepita muda wao wa kuhifadhiwa.',
    )
    expect(screen.getByRole('table', { name: 'Hati za kurudisha' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Andaa orodha ya kurudisha (0)' })).toBeTruthy()
  })

  it('a return manifest saved in Kiswahili has Kiswahili headings and says what is still to return', async () => {
    const manifest: ReturnManifest = {
      id: 7,
      agency: 'Civil Registration Services (CRS)',
      status: 'open',
      documents: 1,
      createdAt: Date.parse('2027-03-02T07:00:00Z'),
      createdBy: 'M001',
      confirmedAt: null,
      confirmedBy: null,
      centreName: 'Huduma Centre GPO',
      centreNumber: '001',
      items: [
        {
          trackingNumber: '001010000017',
          serviceCode: 'BIRTH_CERT',
          serviceName: 'Birth certificate',
          agency: 'Civil Registration Services (CRS)',
          agencyRef: 'CRS-1',
          customerName: 'Chebet Kiprop',
          shelfSlot: '26W01-BC',
          arrivedAt: Date.parse('2027-01-01T22:00:00Z'),
          collectBy: '2027-03-01',
          daysOverdue: 1,
          outcome: null,
          skipReason: null,
        },
      ],
    }
    downloadManifestCsv(manifest)
    await waitFor(() => expect(saved).toHaveLength(1))
    const file = await saved[0]!
    expect(file.fileName).toBe('return-manifest-001-7.csv')
    expect(lines(file.text)).toEqual([
      'Na.,Nambari ya ufuatiliaji,Rejea ya wakala,Huduma,Mteja,Nafasi ya rafu,Ilifika,Ichukuliwe kufikia,Matokeo',
      '1,0010 1000 0017,CRS-1,Birth certificate,Chebet Kiprop,26W01-BC,2027-01-02,2027-03-01,ya kurudisha',
    ])
  })
})
