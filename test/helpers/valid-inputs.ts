import type { MethodInput, MethodName } from '../../common/contract'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'
import { ADMIN } from './core'

/** A well-formed (Damm-valid) tracking number that need not exist. */
export const SAMPLE_TRACKING_NUMBER = '042012003660'

/**
 * One input per contract method that passes its schema. Typed over every method name, so a method added to the
 * contract without an entry here breaks the test build.
 */
export const VALID_INPUT: { [K in MethodName]: MethodInput<K> } = {
  'app.status': {},
  'setup.createCentre': {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: { ...ADMIN },
  },
  'auth.session': {},
  'auth.signIn': { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin },
  'auth.signOut': {},
  'auth.lock': {},
  'auth.unlock': { pin: ADMIN.pin },
  'auth.activity': {},
  'auth.changePin': { currentPin: ADMIN.pin, newPin: '7315' },
  'staff.list': {},
  'staff.create': { staffNumber: 'CLK900', name: 'Brian Otieno', role: 'clerk', pin: '7315' },
  'staff.update': { staffNumber: ADMIN.staffNumber, name: 'Amina W. Kamau', role: 'admin', active: true },
  'staff.resetPin': { staffNumber: ADMIN.staffNumber, pin: '7315' },
  'settings.get': {},
  'settings.update': { idleLockMinutes: 10 },
  'audit.list': { limit: 10, staffNumber: ADMIN.staffNumber, action: 'auth.signIn' },
  'status.get': {},
  'catalogue.list': {},
  'catalogue.update': { ...DEFAULT_CATALOGUE[0]!, turnaroundDays: 15 },
  'application.register': {
    serviceCode: 'BIRTH_CERT',
    customerName: 'Wanjiku Kamau',
    phone: '0712 345 678',
    idNumber: '23456789',
    language: 'sw',
    smsConsent: true,
    notes: 'Mother collects',
  },
  'application.search': { query: 'Wanjiku' },
  'application.recent': { limit: 5 },
  'application.get': { trackingNumber: SAMPLE_TRACKING_NUMBER },
  'application.receipt': { trackingNumber: SAMPLE_TRACKING_NUMBER },
  'application.reprint': { trackingNumber: SAMPLE_TRACKING_NUMBER, reason: 'Customer lost the receipt' },
  'print.retry': { jobId: 1 },
  'printer.get': {},
  'printer.configure': { connection: { kind: 'none' }, paperColumns: 48 },
  'printer.testPrint': {},
  'arrivals.openBatch': { agency: 'National Registration Bureau', manifestRef: 'NRB-2026-118', expected: [] },
  'arrivals.listBatches': { limit: 5 },
  'arrivals.getBatch': { batchId: 1 },
  'arrivals.scan': { batchId: 1, code: SAMPLE_TRACKING_NUMBER },
  'arrivals.resolveScan': { scanId: 1, trackingNumber: SAMPLE_TRACKING_NUMBER },
  'arrivals.closeBatch': { batchId: 1 },
  'collection.lookup': { code: SAMPLE_TRACKING_NUMBER },
  'collection.handOver': {
    trackingNumbers: [SAMPLE_TRACKING_NUMBER],
    collector: { kind: 'owner', idNumber: '23456789' },
  },
  'shelf.move': { trackingNumber: SAMPLE_TRACKING_NUMBER, slot: 'B-07', reason: 'Shelf W48 is full' },
  'shelf.flag': {
    trackingNumber: SAMPLE_TRACKING_NUMBER,
    flag: 'missing',
    value: true,
    reason: 'Not in its slot',
  },
  'shelf.audit': { slot: 'B-07', codes: [SAMPLE_TRACKING_NUMBER] },
  'sync.status': {},
  'sync.enrol': { apiUrl: 'http://127.0.0.1:9/', enrolmentCode: 'DEMO-042' },
  'sync.now': {},
  'sync.deadLetters': {},
  'sync.retryDeadLetter': { seq: 1 },
  'sync.exportPending': {},
  'sync.importFile': { content: '{}' },
  'scanner.get': {},
  'scanner.ports': {},
  'scanner.configure': { enabled: false, path: '', baudRate: 9600, lineEnding: 'CR' },
}
