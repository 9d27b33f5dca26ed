import { afterEach, beforeEach, expect, it } from 'vitest'
import { createProjector } from '../../main/services/projection/projector'
import { silentLogger } from '../../main/infra/logger'
import { createEventWriter } from '../../main/services/event-writer'
import { erasePersonalData } from '../../main/services/privacy/erase-personal-data'
import { ERASED_TEXT } from '../../common/erased-personal-data'
import { ok, setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * The one-writer claim, tested so that it can fail: a long mixed flow at the counter and the desk makes the rows,
 * then every row is thrown away and made again from the event log alone. Any column a service wrote that the fold
 * does not make comes out different. Columns kept by notifications and SMS outcomes, not by application events,
 * are left out of the comparison (they are rebuilt elsewhere: see rebuild-rollups.ts).
 */

let t: ReturnType<typeof testCore>
beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterEach(() => t.close())

const NOT_FOLDED = ['last_reminder_at', 'sms_outcome', 'sms_outcome_at']
const MIN = 1_000 // short steps: a minute idle would lock the sessions

it('the application rows of a long mixed flow are exactly what the event log alone rebuilds', async () => {
  const clerk = 'clerk-window'
  const desk = 'desk-window'
  const manager = 'manager-window'
  await signedIn(t.core, 'admin-window', clerk, 'clerk')
  await signedIn(t.core, 'admin-window', desk, 'desk')
  const boss = await signedIn(t.core, 'admin-window', manager, 'manager')
  const tns: string[] = []
  for (let i = 0; i < 8; i++) {
    const r = await ok(t.core, clerk, 'application.register', {
      serviceCode: i % 2 ? 'BIRTH_CERT' : 'ID_NEW',
      customerName:
        ['Wanjiku', 'Achieng', 'Kiprono', 'Otieno', 'Njeri', 'Mutua', 'Chebet', 'Baraka'][i] + ' Kamau',
      phone: `07123456${10 + i}`,
      idNumber: `2345678${i}`,
      language: i % 3 ? 'en' : 'sw',
      smsConsent: i !== 4,
      confirmDuplicate: true,
    })
    tns.push(r.application.trackingNumber)
    t.clock.advance(MIN)
  }
  const batch = await ok(t.core, desk, 'arrivals.openBatch', { agency: 'CRS', expected: [] })
  for (const tn of tns.slice(0, 7)) {
    await ok(t.core, desk, 'arrivals.scan', { batchId: batch.id, code: tn })
    t.clock.advance(MIN)
  }
  // A re-scan is not a second arrival.
  await ok(t.core, desk, 'arrivals.scan', { batchId: batch.id, code: tns[0]! })
  await ok(t.core, desk, 'arrivals.closeBatch', { batchId: batch.id })
  await ok(t.core, desk, 'shelf.move', { trackingNumber: tns[2]!, slot: 'B-07', reason: 'shelf full' })
  await ok(t.core, desk, 'shelf.flag', {
    trackingNumber: tns[3]!,
    flag: 'missing',
    value: true,
    reason: 'gone',
  })
  await ok(t.core, desk, 'shelf.flag', {
    trackingNumber: tns[3]!,
    flag: 'missing',
    value: false,
    reason: 'found',
  })
  await ok(t.core, desk, 'shelf.flag', {
    trackingNumber: tns[4]!,
    flag: 'damaged',
    value: true,
    reason: 'torn',
  })
  await ok(t.core, desk, 'shelf.flag', {
    trackingNumber: tns[5]!,
    flag: 'missing',
    value: true,
    reason: 'gone',
  })
  t.clock.advance(MIN)
  await ok(t.core, desk, 'collection.handOver', {
    trackingNumbers: [tns[0]!],
    collector: { kind: 'owner', idNumber: '23456780' },
  })
  await ok(t.core, desk, 'collection.handOver', {
    trackingNumbers: [tns[1]!],
    collector: {
      kind: 'proxy',
      name: 'Mary Kamau',
      idNumber: '12345678',
      relationship: 'mother',
      authorisationRef: 'LTR-1',
    },
  })
  await ok(t.core, manager, 'backlog.logCall', { trackingNumber: tns[6]!, outcome: 'no-answer' })
  // Long past retention, so it can go back to the agency.
  t.clock.advance(400 * 86_400_000)
  await ok(t.core, manager, 'auth.signIn', boss)
  const agency = t.core.store.services.byCode('ID_NEW')!.agency
  const manifest = await ok(t.core, manager, 'returns.createManifest', { agency, trackingNumbers: [tns[2]!] })
  await ok(t.core, manager, 'returns.confirm', { manifestId: manifest.id })
  // The owner's, the proxy's and the returned document's personal data erased: the log must still rebuild them.
  const projector = createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger })
  const writeEvent = createEventWriter(t.core.store, t.clock, (tn) => projector.project(tn))
  const erasure = erasePersonalData({ store: t.core.store, clock: t.clock, writeEvent }, tns.slice(0, 3), {
    reason: 'request',
    by: boss.staffNumber,
  })
  expect(erasure.erased).toEqual(tns.slice(0, 3))

  const db = t.core.store.db
  const rows = () =>
    (
      db.prepare('SELECT * FROM applications ORDER BY tracking_number').all() as Record<string, unknown>[]
    ).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !NOT_FOLDED.includes(k))))
  const before = rows()
  expect(before.map((r) => r.status)).toEqual(
    expect.arrayContaining(['collected', 'arrived', 'registered', 'returned']),
  )
  expect(before.filter((r) => r.customer_name === ERASED_TEXT).map((r) => r.tracking_number)).toEqual(
    [...tns.slice(0, 3)].sort(),
  )

  let rebuilt: ReturnType<typeof rows> | undefined
  db.pragma('foreign_keys = OFF')
  try {
    db.exec('SAVEPOINT rebuild')
    db.exec('DELETE FROM applications')
    expect(rows()).toEqual([])
    const fromLog = db
      .prepare<[], { tn: string }>(
        'SELECT DISTINCT tracking_number AS tn FROM events WHERE tracking_number IS NOT NULL',
      )
      .all()
    for (const { tn } of fromLog) projector.project(tn)
    rebuilt = rows()
    db.exec('ROLLBACK TO rebuild')
    db.exec('RELEASE rebuild')
  } finally {
    db.pragma('foreign_keys = ON')
  }
  expect(rebuilt).toEqual(before)
})
