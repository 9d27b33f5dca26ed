import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type {
  AppStatus,
  CampaignPreview,
  HandoverCandidate,
  LookupResult,
  ScanResult,
  StatusSnapshot,
} from '../../common/contract'
import { DEFAULT_SETTINGS } from '../../main/services/settings-service'
import { NO_UPDATER } from '../../main/services/status-service'
import { dammCheckDigit } from '../../common/tracking-number'
import { BatchReportModal } from '../../renderer/src/features/arrivals/batch-report-modal'
import { ScanFeedback } from '../../renderer/src/features/arrivals/scan-feedback'
import { CampaignPreviewPanel } from '../../renderer/src/features/backlog/campaign-preview-panel'
import { CollectionPage } from '../../renderer/src/features/collection/collection-page'
import { WorkstationTab } from '../../renderer/src/features/settings/workstation-tab'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { fakeCore } from './fake-core'
import { renderApp } from './render'

/** A scan result with the headline and message the core writes (main/services/arrival-service.ts). */
const scan = (outcome: ScanResult['outcome'], headline: string, message: string): ScanResult => ({
  scanId: 1,
  code: '042017728807',
  outcome,
  headline,
  message,
  trackingNumber: null,
  slot: null,
  customerName: null,
  serviceCode: null,
  serviceName: null,
  expected: null,
  resolved: false,
  candidates: [],
})

const shown = (result: ScanResult): { headline: string; message: string } => {
  const view = renderApp(<ScanFeedback panel={{ kind: 'result', result }} />)
  const panel = within(view.container)
  const headline = panel.getByTestId('scan-headline').textContent ?? ''
  const message = panel.getByTestId('scan-feedback').querySelectorAll('p')[1]?.textContent ?? ''
  view.unmount()
  return { headline, message }
}

describe("the core's texts on Kiswahili screens", () => {
  it('the arrival scan panel shows a re-scan, a wrong check digit and an unknown code in Kiswahili', () => {
    setUiLanguage('sw')
    expect(
      shown(
        scan(
          'rescan',
          'Already on 26W49-BC',
          '0420 1772 8807 is already on shelf 26W49-BC since 19:07 (by ADM001). A re-scan is not a second arrival.',
        ),
      ),
    ).toEqual({
      headline: 'Tayari iko kwenye 26W49-BC',
      message:
        '0420 1772 8807 tayari iko kwenye rafu 26W49-BC tangu 19:07 (na ADM001). Kuchanganua tena si kufika mara ya pili.',
    })
    expect(
      shown(
        scan(
          'invalid',
          'Check digit wrong',
          'This is not a valid tracking number: a digit may be wrong or two digits swapped.',
        ),
      ),
    ).toMatchObject({
      headline: 'Tarakimu ya ukaguzi si sahihi',
      message: expect.not.stringMatching(/digit/),
    })
    expect(
      shown(
        scan(
          'unknown',
          'Unknown code',
          '999999999999 is not registered on this workstation: it is kept in the unmatched list to resolve.',
        ),
      ),
    ).toEqual({
      headline: 'Msimbo usiojulikana',
      message:
        '999999999999 haijasajiliwa kwenye kompyuta hii: imewekwa kwenye orodha ya misimbo isiyolingana ili ishughulikiwe.',
    })
    // A reason from the central look-up is translated inside the sentence that carries it.
    expect(
      shown(
        scan(
          'unknown',
          'Unknown code',
          'The central tracking service does not know this number either. It is kept in the unmatched list to resolve.',
        ),
      ).message,
    ).toBe(
      'Huduma kuu ya ufuatiliaji nayo haiijui nambari hii. Imewekwa kwenye orodha ya misimbo isiyolingana ili ishughulikiwe.',
    )
    // A status word the core puts in comes out in Kiswahili too.
    expect(
      shown(
        scan(
          'returned',
          'Cancelled',
          '0420 1772 8807 is cancelled. Set this document aside and tell the manager.',
        ),
      ),
    ).toEqual({
      headline: 'Imeghairiwa',
      message: '0420 1772 8807: imeghairiwa. Weka hati hii kando na umjulishe meneja.',
    })
  })

  it('the same panel keeps the English the core wrote in an English window', () => {
    setUiLanguage('en')
    expect(shown(scan('rescan', 'Already on 26W49-BC', 'x')).headline).toBe('Already on 26W49-BC')
  })

  it('the hand-over card gives the end of the registered ID in Kiswahili', async () => {
    setUiLanguage('sw')
    const user = userEvent.setup()
    const doc: HandoverCandidate = {
      trackingNumber: '001010000017',
      serviceCode: 'BIRTH_CERT',
      serviceName: 'Birth certificate',
      customerName: 'Chebet Kiprop',
      phone: '+254712345678',
      status: 'arrived',
      registeredAt: 0,
      expectedReady: '2026-12-10',
      shelfSlot: 'A-01',
      idNumberHint: 'ends 210',
      missing: false,
      damaged: false,
      arrivedAt: 0,
      sms: { state: 'none', at: null },
    }
    const found: LookupResult = { ready: [doc], notReady: [], choose: [] }
    fakeCore.answer('collection.lookup', () => found)
    renderApp(<CollectionPage />)
    await user.type(screen.getByLabelText('Tafuta hati za kukabidhi'), '001010000017{Enter}')
    expect(await screen.findByText(/Kitambulisho kinaishia na 210/)).toBeTruthy()
    expect(screen.queryByText(/ends 210/)).toBeNull()
  })

  it('Settings → Workstation → Updates says in Kiswahili why this window does not update itself', async () => {
    setUiLanguage('sw')
    const app: AppStatus = {
      setupDone: true,
      centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '02' },
      deviceId: 'd',
      version: 'test',
      recovery: null,
      catchUp: null,
    }
    const status: StatusSnapshot = {
      printer: { state: 'not-configured', detail: '' },
      scanner: { state: 'not-configured', detail: '' },
      sync: { state: 'ready', detail: '', queueDepth: 0 },
      staffList: { stale: false, detail: '' },
      disk: { low: false, detail: '' },
      dataFileProblem: null,
      catchUp: null,
      slotConfirmed: true,
      // The core's own sentence for a window that is not the desktop app.
      update: NO_UPDATER,
    }
    fakeCore.answer('settings.get', () => DEFAULT_SETTINGS)
    fakeCore.answer('status.get', () => status)
    renderApp(<WorkstationTab app={app} canEdit />)
    expect((await screen.findByTestId('update-state')).textContent).toContain(
      'Dirisha hili si programu ya kompyuta: masasisho husakinishwa na programu ya kompyuta kwenye kila kompyuta.',
    )
    expect(screen.getByTestId('update-state').textContent).not.toMatch(/desktop app/)
  })

  it('the campaign preview names an English recipient’s language in Kiswahili', () => {
    setUiLanguage('sw')
    const preview: CampaignPreview = {
      criteria: { minDaysOnShelf: 14, serviceCodes: [], lastReminderOlderThanDays: 14 },
      documents: 62,
      recipients: 62,
      segments: 62,
      costKes: 49.6,
      priceKes: 0.8,
      excludedRecent: 0,
      excludedNoConsent: 0,
      exclusionDays: 7,
      languages: [
        {
          language: 'en',
          recipients: 62,
          sampleText: 'Huduma GPO reminder',
          encoding: 'GSM-7',
          segmentsPerMessage: 1,
        },
      ],
      quietHours: { start: '20:00', end: '07:00' },
      ratePerMinute: 60,
      firstDueAt: null,
      lastDueAt: null,
      sample: [
        {
          phone: '+254700000001',
          language: 'en',
          customerName: 'Chebet Kiprop',
          trackingNumbers: ['042010000001'],
          dueAt: Date.parse('2027-03-02T07:00:00Z'),
        },
      ],
    }
    renderApp(<CampaignPreviewPanel preview={preview} />)
    expect(screen.getByRole('heading', { name: 'Kiingereza — wapokeaji 62' })).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Wapokeaji wa kampeni' })
    expect(within(table).getByText('Kiingereza')).toBeTruthy()
    expect(screen.queryByText(/English/)).toBeNull()
  })

  it('the batch report groups valid tracking numbers only: a code with a wrong check digit is shown as scanned', () => {
    setUiLanguage('en')
    const valid = `04201772880${dammCheckDigit('04201772880')}`
    const unregistered = `04209999999${dammCheckDigit('04209999999')}`
    // Twelve digits whose last is not the check digit: an unknown code, not a tracking number.
    const wrongCheck = `99999999999${(dammCheckDigit('99999999999') + 1) % 10}`
    const grouped = (tn: string): string => `${tn.slice(0, 4)} ${tn.slice(4, 8)} ${tn.slice(8)}`
    renderApp(
      <BatchReportModal
        report={{
          batchId: 3,
          arrived: 1,
          expectedNotReceived: [valid],
          receivedNotExpected: [],
          duplicates: [],
          unknown: [wrongCheck, unregistered],
          countDifference: null,
        }}
        onClose={() => undefined}
      />,
    )
    expect(screen.getByText(grouped(valid))).toBeTruthy()
    expect(screen.getByText(grouped(unregistered))).toBeTruthy()
    expect(screen.getByText(wrongCheck)).toBeTruthy()
    expect(screen.queryByText(grouped(wrongCheck))).toBeNull()
  })
})
