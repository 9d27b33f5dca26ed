import { expect, it } from 'vitest'
import type { SubjectApplication, SubjectRecord } from '../../common/contract'
import {
  SUBJECT_FACT_HEADER,
  subjectFactHeader,
  subjectFacts,
  subjectFiles,
} from '../../common/subject-report'

const application: SubjectApplication = {
  trackingNumber: '042107385192',
  serviceCode: 'PASSPORT',
  serviceName: 'Passport',
  customerName: 'Amina <Otieno>',
  phone: '+254712345123',
  idNumber: null,
  agencyRef: 'AB123',
  language: 'sw',
  smsConsent: true,
  notes: null,
  status: 'arrived',
  registeredAt: Date.UTC(2026, 1, 1, 6),
  registeredBy: 'S1',
  arrivedAt: Date.UTC(2026, 1, 5, 6),
  shelfSlot: 'B-07',
  collectedAt: null,
  collectedBy: null,
  collector: null,
  returnedAt: null,
  events: [{ type: 'application.arrived', at: Date.UTC(2026, 1, 5, 6), staffNumber: 'S1', details: {} }],
  notifications: [],
  deliveryOutcomes: [],
  calls: [],
  returnManifests: [{ manifestId: 7, agency: 'NRB', outcome: null }],
}
const record: SubjectRecord = {
  by: 'phone',
  value: '+254712345123',
  at: Date.UTC(2026, 2, 3, 9),
  centreName: 'GPO',
  centreNumber: '042',
  applications: [application],
  reminders: [],
  truncated: false,
}

it('the data subject’s files are English unless asked otherwise', () => {
  expect(subjectFiles(record, 'en')).toEqual(subjectFiles(record))
  expect(subjectFacts(record, 'en')).toEqual(subjectFacts(record))
  expect(subjectFactHeader()).toEqual(SUBJECT_FACT_HEADER)
  const [html] = subjectFiles(record)
  expect(html!.content).toContain('<html lang="en">')
  expect(html!.content).toContain('Status: On the shelf, ready to collect')
})

it('in Kiswahili the same facts are told in Kiswahili words, the values unchanged and still escaped', () => {
  const en = subjectFacts(record)
  const sw = subjectFacts(record, 'sw')
  expect(sw).toHaveLength(en.length)
  expect(sw.map((r) => r[0])).toEqual(en.map((r) => r[0]))
  expect(sw[0]![4]).toContain('Jina: Amina <Otieno>; Simu: ')
  expect(sw[0]![4]).toContain('Nambari ya kitambulisho: (haikutolewa)')
  expect(sw[0]![4]).toContain('Lugha ya SMS: Kiswahili; Amekubali SMS: ndiyo')
  expect(sw[0]![4]).toContain('Hali: Hati iko rafuni, tayari kuchukuliwa')
  expect(sw[1]![3]).toBe('Hati imefika kutoka kwa wakala na kuwekwa rafuni')
  expect(sw[2]).toEqual([en[2]![0], 'Passport', '', 'Orodha ya kurudisha Na. 7', 'NRB: imeorodheshwa'])
  const [html, csv] = subjectFiles(record, 'sw')
  expect(html!.content).toContain('<html lang="sw">')
  expect(html!.content).toContain('Data binafsi zinazohifadhiwa na GPO (kituo 042)')
  expect(html!.content).toContain('ombi 1 na SMS 0 za ukumbusho.')
  expect(html!.content).toContain('Jina: Amina &lt;Otieno&gt;')
  expect(html!.content).not.toMatch(/Personal data|Status:|Data Protection Act/)
  expect(csv!.content.split('\r\n')[0]).toBe(subjectFactHeader('sw').join(','))
  expect(subjectFactHeader('sw')[0]).toBe('Nambari ya ufuatiliaji')
})
