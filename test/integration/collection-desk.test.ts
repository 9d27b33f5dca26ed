/**
 * The collection desk end to end, the way a desk officer meets it: applications are registered by a clerk, then a
 * 'desk' user opens arrival batches, scans documents onto shelf slots, closes batches against manifests, hands
 * documents over, moves / flags / audits the shelf. Every call goes through core.dispatch into a real SQLite file
 * in a temp dir; time is the manual clock (Mon 2 Nov 2026, 10:00 Nairobi) and core.tick() runs the notification
 * sender by hand (testCore passes tickMs: 0).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../common/errors'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import { smsSegments } from '../../common/sms'
import { dammCheckDigit, formatTrackingNumber, isDammValid } from '../../common/tracking-number'
import type { Core } from '../../main/core/create-core'
import { SCAN_LOOKUP_SQL } from '../../main/db/queries/applications'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'

type TestCore = ReturnType<typeof testCore>

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'
const DESK_KEY = 'desk-window'
const MINUTE = 60_000

/** Wanjiku: a birth certificate with the parent's ID, messages in English. */
const WANJIKU = {
  serviceCode: 'BIRTH_CERT',
  customerName: 'Wanjiku Kamau',
  phone: '0712345678',
  idNumber: '23456789',
  language: 'en',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

/** Brian: a new ID (no ID number yet), found by the 9-digit waiting-card serial. */
const BRIAN = {
  serviceCode: 'ID_NEW',
  customerName: 'Brian Otieno',
  phone: '0798765432',
  agencyRef: '204518736',
  language: 'en',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

/** Achieng: messages in Kiswahili, another phone. */
const ACHIENG = {
  serviceCode: 'BIRTH_CERT',
  customerName: 'Achieng Odhiambo',
  phone: '0723456789',
  idNumber: '31234567',
  language: 'sw',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

async function call<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<ApiResult<MethodOutput<K>>> {
  return (await core.dispatch(key, method, input)) as ApiResult<MethodOutput<K>>
}

async function ok<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<MethodOutput<K>> {
  const r = await call(core, key, method, input)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
  return r.value
}

/**
 * The arrival-week slot prefix ('26W45') of the Nairobi (UTC+3, no DST) calendar date at `ms`, computed here
 * independently of the app's own isoWeek: move to the Thursday of the same Monday-based week, then count weeks from
 * 1 January of that Thursday's year, which is the ISO week-year.
 */
function isoWeekInNairobi(ms: number): string {
  const local = new Date(ms + 3 * 60 * MINUTE)
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay()
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const jan1 = Date.UTC(date.getUTCFullYear(), 0, 1)
  const week = Math.floor((date.getTime() - jan1) / (24 * 60 * MINUTE) / 7) + 1
  return `${String(date.getUTCFullYear() % 100).padStart(2, '0')}W${String(week).padStart(2, '0')}`
}

interface EventRow {
  seq: number
  type: string
  staff_number: string | null
  tracking_number: string | null
  payload: string
}

describe('collection desk: arrivals, notifications, hand-over and shelf care (through dispatch, real SQLite)', () => {
  let t: TestCore
  let desk: { staffNumber: string; pin: string }
  let week: string

  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core, ADMIN_KEY)
    // Sessions stay unlocked across the half-hour grace period the notification tests walk through.
    await ok(t.core, ADMIN_KEY, 'settings.update', { idleLockMinutes: 60 })
    await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    desk = await signedIn(t.core, ADMIN_KEY, DESK_KEY, 'desk')
    week = isoWeekInNairobi(t.clock.now())
  })

  afterEach(() => {
    t.close()
  })

  const db = () => t.core.store.db

  const register = async (input: Record<string, unknown>): Promise<string> => {
    const r = await call(t.core, CLERK_KEY, 'application.register', input)
    if (!r.ok)
      throw new Error(`register failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
    return r.value.application.trackingNumber
  }

  const openBatch = async (input: Record<string, unknown> = {}): Promise<number> =>
    (await ok(t.core, DESK_KEY, 'arrivals.openBatch', { agency: 'Civil Registration Services', ...input })).id

  const scan = (batchId: number, code: string) => ok(t.core, DESK_KEY, 'arrivals.scan', { batchId, code })

  /** Registers and puts on the shelf in one go (a batch of its own unless one is given). */
  const arrived = async (input: Record<string, unknown>, batchId?: number): Promise<string> => {
    const tn = await register(input)
    const r = await scan(batchId ?? (await openBatch()), tn)
    expect(r.outcome).toBe('arrived')
    return tn
  }

  const events = (type: string, tn?: string): EventRow[] =>
    tn === undefined
      ? db()
          .prepare<[string], EventRow>(
            'SELECT seq, type, staff_number, tracking_number, payload FROM events WHERE type = ? ORDER BY seq',
          )
          .all(type)
      : db()
          .prepare<[string, string], EventRow>(
            'SELECT seq, type, staff_number, tracking_number, payload FROM events WHERE type = ? AND tracking_number = ? ORDER BY seq',
          )
          .all(type, tn)

  const payload = (e: EventRow | undefined): Record<string, unknown> =>
    JSON.parse(e?.payload ?? '{}') as Record<string, unknown>

  const notificationRows = (tn: string) =>
    db()
      .prepare<
        [string],
        { kind: string; due_at: number; status: string; sent_at: number | null; skip_reason: string | null }
      >(
        'SELECT kind, due_at, status, sent_at, skip_reason FROM notifications WHERE tracking_number = ? ORDER BY id',
      )
      .all(tn)

  const expectError = async (
    r: Promise<ApiResult<unknown>>,
    code: string,
    field?: string,
  ): Promise<string> => {
    const res = await r
    expect(res.ok).toBe(false)
    if (res.ok) return ''
    expect(res.error.code).toBe(code)
    if (field !== undefined) expect(res.error.field).toBe(field)
    return res.error.message
  }

  it('the expected slot week is ISO week 45 of 2026 for Mon 2 Nov 2026 (Nairobi)', () => {
    expect(new Date(t.clock.now()).toISOString()).toBe('2026-11-02T07:00:00.000Z')
    expect(week).toBe('26W45')
  })

  describe('arrival', () => {
    it('a scanned tracking number is put on shelf 26W45-BC, with status, event, outbox row and a scheduled notification', async () => {
      const tn = await register(WANJIKU)
      const batchId = await openBatch()
      const r = await scan(batchId, tn)
      expect(r).toMatchObject({
        code: tn,
        outcome: 'arrived',
        headline: `${week}-BC`,
        slot: `${week}-BC`,
        trackingNumber: tn,
        customerName: 'Wanjiku Kamau',
        expected: null,
      })
      expect(r.slot).toBe('26W45-BC')
      expect(r.message).toContain(formatTrackingNumber(tn))
      expect(r.serviceName).toBeTruthy()

      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })
      expect(app.status).toBe('arrived')
      expect(app.shelfSlot).toBe('26W45-BC')
      expect(app.arrivedAt).toBe(t.clock.now())
      expect(app.timeline.map((e) => e.type)).toEqual(['application.registered', 'application.arrived'])

      const arrivedEvents = events('application.arrived', tn)
      expect(arrivedEvents).toHaveLength(1)
      expect(arrivedEvents[0]?.staff_number).toBe(desk.staffNumber)
      expect(payload(arrivedEvents[0])).toMatchObject({ slot: '26W45-BC', batchId, code: tn })
      const outbox = db()
        .prepare<[number], { event_seq: number }>('SELECT event_seq FROM outbox WHERE event_seq = ?')
        .all(arrivedEvents[0]?.seq ?? -1)
      expect(outbox).toHaveLength(1)

      expect(notificationRows(tn)).toEqual([
        {
          kind: 'ready',
          due_at: t.clock.now() + 30 * MINUTE,
          status: 'scheduled',
          sent_at: null,
          skip_reason: null,
        },
      ])

      const batch = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(batch.arrivedCount).toBe(1)
      expect(batch.problemCount).toBe(0)
      expect(batch.openedBy).toBe(desk.staffNumber)
    })

    it('a grouped tracking number and the agency reference (ID_NEW waiting-card serial) arrive too', async () => {
      const wanjiku = await register(WANJIKU)
      const brian = await register(BRIAN)
      const batchId = await openBatch({ agency: 'National Registration Bureau' })

      const grouped = await scan(batchId, formatTrackingNumber(wanjiku))
      expect(grouped.outcome).toBe('arrived')
      expect(grouped.trackingNumber).toBe(wanjiku)

      const byRef = await scan(batchId, '204518736')
      expect(byRef).toMatchObject({
        outcome: 'arrived',
        trackingNumber: brian,
        slot: '26W45-ID',
        customerName: 'Brian Otieno',
      })
      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: brian })
      expect(app.status).toBe('arrived')
      expect(app.shelfSlot).toBe('26W45-ID')
      const ev = events('application.arrived', brian)
      expect(ev).toHaveLength(1)
      expect(payload(ev[0])).toMatchObject({ slot: '26W45-ID', code: '204518736' })
    })

    it('a re-scan says where and since when, by whom, and is not a second arrival', async () => {
      const tn = await register(WANJIKU)
      const brian = await register(BRIAN)
      const batchId = await openBatch()
      await scan(batchId, tn)
      await scan(batchId, brian)
      t.clock.advance(7 * MINUTE)
      const eventsBefore = events('application.arrived').length

      const again = await scan(batchId, tn)
      expect(again.outcome).toBe('rescan')
      expect(again.slot).toBe('26W45-BC')
      expect(again.headline).toContain('26W45-BC')
      expect(again.message).toContain('already on shelf 26W45-BC since')
      expect(again.message).toContain('since 10:00') // arrived 07:00 UTC = 10:00 Nairobi, not 10:07
      expect(again.message).toContain(desk.staffNumber)

      // The same document by its agency reference is a re-scan as well.
      const byRef = await scan(batchId, '204518736')
      expect(byRef.outcome).toBe('rescan')
      expect(byRef.trackingNumber).toBe(brian)

      expect(events('application.arrived')).toHaveLength(eventsBefore)
      expect(events('application.arrived', tn)).toHaveLength(1)
      expect(notificationRows(tn)).toHaveLength(1)
      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })
      expect(app.arrivedAt).toBe(t.clock.now() - 7 * MINUTE)
      const batch = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(batch.arrivedCount).toBe(2)
      expect(batch.scans.map((s) => s.outcome)).toEqual(['rescan', 'rescan', 'arrived', 'arrived'])
    })
  })

  describe('scans that do not arrive anything', () => {
    it('unknown code, wrong check digit, shelf label and already-collected each say why, and write no event', async () => {
      const tn = await register(WANJIKU)
      const collected = await arrived({ ...ACHIENG })
      await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [collected],
        collector: { kind: 'owner', idNumber: ACHIENG.idNumber },
      })
      const batchId = await openBatch()
      const eventsBefore = db().prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n

      const unknown = await scan(batchId, 'XK-77Q')
      expect(unknown).toMatchObject({ outcome: 'unknown', trackingNumber: null, slot: null })
      expect(unknown.message).toContain(
        'No application on this workstation has tracking number or agency reference XK-77Q',
      )

      // A Damm-valid number that was never registered here.
      const foreign = '99988877766'
      const foreignTn = foreign + String(dammCheckDigit(foreign))
      expect(isDammValid(foreignTn)).toBe(true)
      const notHere = await scan(batchId, foreignTn)
      expect(notHere.outcome).toBe('unknown')
      expect(notHere.message).toContain('not registered on this workstation')

      const last = Number(tn.at(-1))
      const wrongCheck = tn.slice(0, 11) + String((last + 1) % 10)
      const invalid = await scan(batchId, wrongCheck)
      expect(invalid.outcome).toBe('invalid')
      expect(invalid.message).toContain('a digit may be wrong or two digits swapped')
      expect(invalid.trackingNumber).toBeNull()

      const label = await scan(batchId, 'SLOT:26W45-BC')
      expect(label.outcome).toBe('invalid')
      expect(label.message).toContain('shelf label')

      const again = await scan(batchId, collected)
      expect(again.outcome).toBe('collected')
      expect(again.headline).toBe('Already collected')
      expect(again.message).toContain('was collected')
      expect(again.trackingNumber).toBe(collected)

      expect(db().prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n).toBe(eventsBefore)
      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })
      expect(app.status).toBe('registered')

      const batch = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(batch.scans.map((s) => [s.code, s.outcome])).toEqual([
        [collected, 'collected'],
        ['SLOT:26W45-BC', 'invalid'],
        [wrongCheck, 'invalid'],
        [foreignTn, 'unknown'],
        ['XK-77Q', 'unknown'],
      ])
      expect(batch.arrivedCount).toBe(0)
      expect(batch.problemCount).toBe(5)
      expect(batch.report?.unknown).toEqual(['XK-77Q', foreignTn])
    })

    it('resolveScan links an unknown scan to a registered application (arrives it); null accepts it as resolved', async () => {
      const tn = await register(WANJIKU)
      const batchId = await openBatch()
      const smudged = await scan(batchId, 'SMUDGED-1')
      const stray = await scan(batchId, 'STRAY-2')
      expect(smudged.outcome).toBe('unknown')

      const linked = await ok(t.core, DESK_KEY, 'arrivals.resolveScan', {
        scanId: smudged.scanId,
        trackingNumber: formatTrackingNumber(tn),
      })
      expect(linked).toMatchObject({ outcome: 'arrived', trackingNumber: tn, slot: '26W45-BC' })
      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })
      expect(app.status).toBe('arrived')
      expect(app.shelfSlot).toBe('26W45-BC')
      expect(events('application.arrived', tn)).toHaveLength(1)
      expect(notificationRows(tn)).toHaveLength(1)

      const accepted = await ok(t.core, DESK_KEY, 'arrivals.resolveScan', {
        scanId: stray.scanId,
        trackingNumber: null,
      })
      expect(accepted).toBeNull()
      const resolved = db().prepare<[number], { resolved: number; tracking_number: string | null }>(
        'SELECT resolved, tracking_number FROM batch_scans WHERE id = ?',
      )
      expect(resolved.get(smudged.scanId)).toEqual({ resolved: 1, tracking_number: tn })
      expect(resolved.get(stray.scanId)).toEqual({ resolved: 1, tracking_number: null })
      const audit = db()
        .prepare<[], { staff_number: string; detail: string }>(
          "SELECT staff_number, detail FROM audit_log WHERE action = 'arrivals.unmatchedAccepted'",
        )
        .all()
      expect(audit).toHaveLength(1)
      expect(audit[0]?.staff_number).toBe(desk.staffNumber)
      expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ scanId: stray.scanId, code: 'STRAY-2' })

      // Resolving twice is refused.
      await expectError(
        call(t.core, DESK_KEY, 'arrivals.resolveScan', { scanId: stray.scanId, trackingNumber: null }),
        'CONFLICT',
      )

      const batch = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(batch.problemCount).toBe(0)
      expect(batch.arrivedCount).toBe(1)
      expect(batch.report?.unknown).toEqual([])
    })

    // Regression, fixed: resolving an unknown scan used to count the document twice.
    it('a resolved unknown scan is one document, not a duplicate, in the batch report', async () => {
      const tn = await register(WANJIKU)
      const batchId = await openBatch()
      const smudged = await scan(batchId, 'SMUDGED-1')
      await ok(t.core, DESK_KEY, 'arrivals.resolveScan', { scanId: smudged.scanId, trackingNumber: tn })
      const report = await ok(t.core, DESK_KEY, 'arrivals.closeBatch', { batchId })
      expect(report.arrived).toBe(1)
      expect(report.unknown).toEqual([])
      expect(report.duplicates).toEqual([])
    })
  })

  describe('closing a batch', () => {
    it('reconciles against the expected list, records it in a batch.closed event, and refuses later scans', async () => {
      const a = await register(WANJIKU)
      const b = await register({ ...WANJIKU, serviceCode: 'PASSPORT' })
      const c = await register(BRIAN)
      const d = await register(ACHIENG)
      const e = await register({ ...ACHIENG, serviceCode: 'DEATH_CERT' })
      const batchId = await openBatch({
        manifestRef: 'CRS/NBI/2026/118',
        // c is listed by its agency reference; b and e never come.
        expected: [a, b, '204518736', e],
      })

      const sa = await scan(batchId, a)
      expect(sa.expected).toBe(true)
      const sc = await scan(batchId, c) // by tracking number, listed by agency reference
      expect(sc.expected).toBe(true)
      const sd = await scan(batchId, d)
      expect(sd.expected).toBe(false)
      const dup = await scan(batchId, a)
      expect(dup.outcome).toBe('rescan')
      const unk = await scan(batchId, 'NOT-OURS-9')
      expect(unk.expected).toBe(false)

      t.clock.advance(20 * MINUTE)
      const report = await ok(t.core, DESK_KEY, 'arrivals.closeBatch', { batchId })
      expect(report.batchId).toBe(batchId)
      expect(report.arrived).toBe(3)
      expect([...report.expectedNotReceived].sort()).toEqual([b, e].sort())
      expect(report.receivedNotExpected).toEqual([d])
      expect(report.duplicates).toEqual([{ code: a, times: 2 }])
      expect(report.unknown).toEqual(['NOT-OURS-9'])
      expect(report.countDifference).toBe(-1) // 3 arrived, 4 expected

      const closed = events('batch.closed')
      expect(closed).toHaveLength(1)
      expect(closed[0]?.staff_number).toBe(desk.staffNumber)
      expect(payload(closed[0])).toMatchObject({
        batchId,
        arrived: 3,
        expectedNotReceived: report.expectedNotReceived,
        receivedNotExpected: [d],
        duplicates: [{ code: a, times: 2 }],
        unknown: ['NOT-OURS-9'],
        countDifference: -1,
        agency: 'Civil Registration Services',
        manifestRef: 'CRS/NBI/2026/118',
      })
      const outbox = db()
        .prepare<[number], { event_seq: number }>('SELECT event_seq FROM outbox WHERE event_seq = ?')
        .all(closed[0]?.seq ?? -1)
      expect(outbox).toHaveLength(1)

      const detail = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(detail.status).toBe('closed')
      expect(detail.report).toEqual(report)

      const before = rowCounts(db())
      const late = await expectError(
        call(t.core, DESK_KEY, 'arrivals.scan', { batchId, code: b }),
        'CONFLICT',
      )
      expect(late).toContain('closed')
      await expectError(call(t.core, DESK_KEY, 'arrivals.closeBatch', { batchId }), 'CONFLICT')
      expect(rowCounts(db())).toEqual(before)
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: b })).status).toBe('registered')
    })
  })

  describe('fixed slot scheme', () => {
    it('fills A-01 then A-02, then refuses with "All fixed shelf slots are full" and writes nothing', async () => {
      await ok(t.core, ADMIN_KEY, 'settings.update', {
        slotScheme: {
          kind: 'fixed',
          slots: [
            { label: 'A-01', capacity: 1 },
            { label: 'A-02', capacity: 1 },
          ],
        },
      })
      const first = await register(WANJIKU)
      const second = await register(BRIAN)
      const third = await register(ACHIENG)
      const batchId = await openBatch()
      expect((await scan(batchId, first)).slot).toBe('A-01')
      expect((await scan(batchId, second)).slot).toBe('A-02')

      const before = rowCounts(db())
      const message = await expectError(
        call(t.core, DESK_KEY, 'arrivals.scan', { batchId, code: third }),
        'CONFLICT',
      )
      expect(message).toContain('All fixed shelf slots are full')
      expect(rowCounts(db())).toEqual(before)
      const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: third })
      expect(app.status).toBe('registered')
      expect(app.shelfSlot).toBeNull()

      // Collecting the first frees A-01 for the next arrival.
      await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [first],
        collector: { kind: 'owner', idNumber: WANJIKU.idNumber },
      })
      expect((await scan(batchId, third)).slot).toBe('A-01')
    })
  })

  describe('ready notifications', () => {
    it('nothing before the 30-minute grace; then one GSM-7 single-segment SMS per phone, in the customer’s language', async () => {
      const batchId = await openBatch()
      const bc = await arrived(WANJIKU, batchId)
      const pp = await arrived({ ...WANJIKU, serviceCode: 'PASSPORT' }, batchId)
      const sw = await arrived(ACHIENG, batchId)

      t.clock.advance(29 * MINUTE)
      t.core.tick()
      expect(events('notification.ready')).toHaveLength(0)
      expect(notificationRows(bc)[0]?.status).toBe('scheduled')

      t.clock.advance(1 * MINUTE)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(2)

      const byPhone = new Map(sent.map((e) => [payload(e).phone, payload(e)]))
      const en = byPhone.get('+254712345678')
      expect(en).toBeDefined()
      expect(en?.language).toBe('en')
      expect(en?.trackingNumbers).toEqual([bc, pp])
      const enText = String(en?.text)
      expect(enText).toContain(formatTrackingNumber(bc))
      expect(enText).toContain(formatTrackingNumber(pp))
      expect(enText).toContain('are ready for collection')
      expect(smsSegments(enText)).toMatchObject({ segments: 1, encoding: 'GSM-7' })
      expect(en?.segments).toBe(1)

      const kisw = byPhone.get('+254723456789')
      expect(kisw?.language).toBe('sw')
      expect(kisw?.trackingNumbers).toEqual([sw])
      const swText = String(kisw?.text)
      expect(swText).toContain(`hati yako ${formatTrackingNumber(sw)} iko tayari kuchukuliwa`)
      expect(swText).toContain('Leta kitambulisho na stakabadhi')
      expect(swText).not.toContain('ready')
      expect(smsSegments(swText)).toMatchObject({ segments: 1, encoding: 'GSM-7' })

      for (const tn of [bc, pp, sw]) {
        expect(notificationRows(tn)).toMatchObject([{ status: 'sent', sent_at: t.clock.now() }])
      }
      for (const e of sent) {
        const outbox = db()
          .prepare<[number], { event_seq: number }>('SELECT event_seq FROM outbox WHERE event_seq = ?')
          .all(e.seq)
        expect(outbox).toHaveLength(1)
      }

      // Sent once: later ticks send nothing more.
      t.clock.advance(10 * MINUTE)
      t.core.tick()
      expect(events('notification.ready')).toHaveLength(2)
    })

    it('a document collected or marked missing during the grace period is skipped with a reason', async () => {
      const batchId = await openBatch()
      const collected = await arrived(WANJIKU, batchId)
      const missing = await arrived(BRIAN, batchId)
      const still = await arrived(ACHIENG, batchId)

      t.clock.advance(10 * MINUTE)
      await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [collected],
        collector: { kind: 'owner', idNumber: WANJIKU.idNumber },
      })
      await ok(t.core, DESK_KEY, 'shelf.flag', {
        trackingNumber: missing,
        flag: 'missing',
        value: true,
        reason: 'Not in the bin when counted',
      })

      t.clock.advance(20 * MINUTE)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(1)
      expect(payload(sent[0]).trackingNumbers).toEqual([still])

      const c = notificationRows(collected)
      expect(c).toHaveLength(1)
      expect(c[0]?.status).toBe('skipped')
      expect(c[0]?.skip_reason).toContain('collected')
      const m = notificationRows(missing)
      expect(m).toHaveLength(1)
      expect(m[0]?.status).toBe('skipped')
      expect(m[0]?.skip_reason).toContain('missing')
      expect(notificationRows(still)[0]?.status).toBe('sent')
    })

    it('three documents of one customer scanned 500 ms apart: one SMS, sent when the first falls due', async () => {
      const batchId = await openBatch()
      const a = await arrived(WANJIKU, batchId)
      t.clock.advance(500)
      const b = await arrived({ ...WANJIKU, serviceCode: 'PASSPORT' }, batchId)
      t.clock.advance(500)
      const c = await arrived({ ...WANJIKU, serviceCode: 'GOOD_CONDUCT' }, batchId)

      // Exactly the first document's grace period after its scan: the other two are not due yet, but go with it.
      t.clock.advance(30 * MINUTE - 1000)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(1)
      expect(payload(sent[0]).trackingNumbers).toEqual([a, b, c])
      expect(String(payload(sent[0]).text)).toContain('your 3 documents')
      expect(smsSegments(String(payload(sent[0]).text))).toMatchObject({ segments: 1, encoding: 'GSM-7' })
      for (const tn of [a, b, c]) expect(notificationRows(tn)).toMatchObject([{ status: 'sent' }])

      // The later documents' own due times pass: nothing more is sent.
      for (let i = 0; i < 3; i++) {
        t.clock.advance(500)
        t.core.tick()
      }
      expect(events('notification.ready')).toHaveLength(1)
    })

    it('two customers sharing a phone, scanned 10 minutes apart: one SMS for both', async () => {
      const batchId = await openBatch()
      const mother = await arrived(WANJIKU, batchId)
      t.clock.advance(10 * MINUTE)
      const son = await arrived(
        { ...WANJIKU, customerName: 'Kevin Kamau', idNumber: '39876543', serviceCode: 'GOOD_CONDUCT' },
        batchId,
      )
      t.clock.advance(20 * MINUTE)
      t.core.tick()
      t.clock.advance(10 * MINUTE)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(1)
      expect(payload(sent[0])).toMatchObject({ phone: '+254712345678', trackingNumbers: [mother, son] })
    })

    it('an English and a Kiswahili application on one phone: one SMS, in the newest application’s language', async () => {
      const older = await register(WANJIKU)
      t.clock.advance(5 * MINUTE)
      const newer = await register({
        ...WANJIKU,
        customerName: 'Kevin Kamau',
        idNumber: '39876543',
        serviceCode: 'GOOD_CONDUCT',
        language: 'sw',
      })
      // The older (English) one arrives first, so "first scanned" and "newest" differ.
      const batchId = await openBatch()
      expect((await scan(batchId, older)).outcome).toBe('arrived')
      t.clock.advance(2 * MINUTE)
      expect((await scan(batchId, newer)).outcome).toBe('arrived')

      t.clock.advance(30 * MINUTE)
      t.core.tick()
      t.clock.advance(2 * MINUTE)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(1)
      const p = payload(sent[0])
      expect(p).toMatchObject({ language: 'sw', trackingNumbers: [older, newer] })
      expect(String(p.text)).toContain('hati zako 2')
      expect(smsSegments(String(p.text))).toMatchObject({ segments: 1, encoding: 'GSM-7' })
    })

    it('a document of the phone collected before the send is left out of the one SMS', async () => {
      const batchId = await openBatch()
      const first = await arrived(WANJIKU, batchId)
      t.clock.advance(5 * MINUTE)
      const collected = await arrived({ ...WANJIKU, serviceCode: 'PASSPORT' }, batchId)
      t.clock.advance(5 * MINUTE)
      const third = await arrived({ ...WANJIKU, serviceCode: 'GOOD_CONDUCT' }, batchId)
      t.clock.advance(5 * MINUTE)
      await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [collected],
        collector: { kind: 'owner', idNumber: WANJIKU.idNumber },
      })

      t.clock.advance(15 * MINUTE)
      t.core.tick()
      const sent = events('notification.ready')
      expect(sent).toHaveLength(1)
      expect(payload(sent[0]).trackingNumbers).toEqual([first, third])
      expect(String(payload(sent[0]).text)).not.toContain(formatTrackingNumber(collected))

      // The collected one's own due time: skipped with a reason, still no second message.
      t.clock.advance(10 * MINUTE)
      t.core.tick()
      expect(events('notification.ready')).toHaveLength(1)
      expect(notificationRows(collected)).toMatchObject([{ status: 'skipped' }])
      expect(notificationRows(collected)[0]?.skip_reason).toContain('collected')
    })

    it('without SMS consent nothing is scheduled or sent', async () => {
      const tn = await arrived({ ...WANJIKU, smsConsent: false })
      expect(notificationRows(tn)).toEqual([])
      t.clock.advance(31 * MINUTE)
      t.core.tick()
      expect(events('notification.ready')).toHaveLength(0)
    })
  })

  describe('hand-over', () => {
    it('lookup by tracking number, agency reference and ID number brings the customer’s ready documents together', async () => {
      const batchId = await openBatch()
      const bc = await arrived(WANJIKU, batchId)
      const gc = await arrived(
        { ...WANJIKU, serviceCode: 'GOOD_CONDUCT', agencyRef: 'NCPCG00412345' },
        batchId,
      )
      const pp = await register({ ...WANJIKU, serviceCode: 'PASSPORT' }) // registered, not arrived
      const brian = await arrived(BRIAN, batchId)

      const byTn = await ok(t.core, DESK_KEY, 'collection.lookup', { code: formatTrackingNumber(bc) })
      expect(byTn.ready.map((r) => r.trackingNumber)).toEqual([bc, gc])
      expect(byTn.ready[0]).toMatchObject({
        status: 'arrived',
        shelfSlot: '26W45-BC',
        customerName: 'Wanjiku Kamau',
        idNumberHint: 'ends 789',
        missing: false,
      })
      expect(JSON.stringify(byTn)).not.toContain('23456789')

      const byRef = await ok(t.core, DESK_KEY, 'collection.lookup', { code: 'ncpcg00412345' })
      expect(byRef.ready.map((r) => r.trackingNumber)).toEqual([gc, bc])

      const byId = await ok(t.core, DESK_KEY, 'collection.lookup', { code: '23456789' })
      expect(byId.ready.map((r) => r.trackingNumber).sort()).toEqual([bc, gc].sort())
      expect(byId.notReady).toHaveLength(1)
      expect(byId.notReady[0]?.trackingNumber).toBe(pp)
      expect(byId.notReady[0]?.reason).toContain('not arrived yet')

      // The waiting-card serial finds Brian's new ID, and nothing of Wanjiku's.
      const brianRef = await ok(t.core, DESK_KEY, 'collection.lookup', { code: '204518736' })
      expect(brianRef.ready.map((r) => r.trackingNumber)).toEqual([brian])
      expect(brianRef.notReady).toEqual([])

      await expectError(
        call(t.core, DESK_KEY, 'collection.lookup', { code: 'NOTHING-HERE' }),
        'NOT_FOUND',
        'code',
      )
    })

    it('owner hand-over checks the ID: wrong ID writes nothing; right ID collects both', async () => {
      const batchId = await openBatch()
      const bc = await arrived(WANJIKU, batchId)
      const gc = await arrived({ ...WANJIKU, serviceCode: 'GOOD_CONDUCT' }, batchId)
      t.clock.advance(45 * MINUTE)

      const before = rowCounts(db())
      const message = await expectError(
        call(t.core, DESK_KEY, 'collection.handOver', {
          trackingNumbers: [bc, gc],
          collector: { kind: 'owner', idNumber: '23456780' },
        }),
        'INVALID_INPUT',
        'collector.idNumber',
      )
      expect(message).toContain('does not match')
      expect(rowCounts(db())).toEqual(before)
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: bc })).status).toBe('arrived')

      const handed = await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [bc, gc],
        collector: { kind: 'owner', idNumber: '23456789' },
      })
      expect(handed.map((h) => [h.trackingNumber, h.status])).toEqual([
        [bc, 'collected'],
        [gc, 'collected'],
      ])
      for (const tn of [bc, gc]) {
        const app = await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })
        expect(app.status).toBe('collected')
        expect(app.collectedAt).toBe(t.clock.now())
        const ev = events('application.collected', tn)
        expect(ev).toHaveLength(1)
        expect(ev[0]?.staff_number).toBe(desk.staffNumber)
        expect(payload(ev[0])).toEqual({ collector: { kind: 'owner' }, slot: app.shelfSlot })
        expect(ev[0]?.payload).not.toContain('23456789')
      }

      const again = rowCounts(db())
      const msg = await expectError(
        call(t.core, DESK_KEY, 'collection.handOver', {
          trackingNumbers: [bc],
          collector: { kind: 'owner', idNumber: '23456789' },
        }),
        'CONFLICT',
      )
      expect(msg).toContain('already collected')
      expect(rowCounts(db())).toEqual(again)
      expect(events('application.collected', bc)).toHaveLength(1)
    })

    it('a proxy hand-over records name, ID, relationship and authorisation in the event', async () => {
      const tn = await arrived(ACHIENG)
      const proxy = {
        kind: 'proxy',
        name: 'Mary Atieno',
        idNumber: '12345678',
        relationship: 'mother',
        authorisationRef: 'AUTH/2026/017',
      } as const
      const handed = await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [tn],
        collector: proxy,
      })
      expect(handed[0]?.status).toBe('collected')
      const ev = events('application.collected', tn)
      expect(ev).toHaveLength(1)
      expect(payload(ev[0])).toEqual({ collector: proxy, slot: '26W45-BC' })
      const row = db()
        .prepare<[string], { collector: string; collected_by: string }>(
          'SELECT collector, collected_by FROM applications WHERE tracking_number = ?',
        )
        .get(tn)
      expect(JSON.parse(row?.collector ?? '{}')).toEqual(proxy)
      expect(row?.collected_by).toBe(desk.staffNumber)
    })
  })

  describe('shelf care', () => {
    it('shelf.move changes the slot with an event and an audit row', async () => {
      const tn = await arrived(WANJIKU)
      const reason = 'W45 shelf is full'
      const moved = await ok(t.core, DESK_KEY, 'shelf.move', { trackingNumber: tn, slot: 'b-07', reason })
      expect(moved.shelfSlot).toBe('B-07')
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })).shelfSlot).toBe('B-07')
      const ev = events('application.moved', tn)
      expect(ev).toHaveLength(1)
      expect(ev[0]?.staff_number).toBe(desk.staffNumber)
      expect(payload(ev[0])).toEqual({ slot: 'B-07', reason })
      const audit = db()
        .prepare<[], { staff_number: string; detail: string }>(
          "SELECT staff_number, detail FROM audit_log WHERE action = 'application.moved'",
        )
        .all()
      expect(audit).toHaveLength(1)
      expect(audit[0]?.staff_number).toBe(desk.staffNumber)
      expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ trackingNumber: tn, slot: 'B-07', reason })

      const before = rowCounts(db())
      await expectError(
        call(t.core, DESK_KEY, 'shelf.move', { trackingNumber: tn, slot: 'shelf #7', reason }),
        'INVALID_INPUT',
        'slot',
      )
      expect(rowCounts(db())).toEqual(before)
    })

    it('a document marked missing shows in lookup as not ready, "marked missing"', async () => {
      const tn = await arrived(WANJIKU)
      const flagged = await ok(t.core, DESK_KEY, 'shelf.flag', {
        trackingNumber: tn,
        flag: 'missing',
        value: true,
        reason: 'Not in the bin',
      })
      expect(flagged.missing).toBe(true)
      expect(events('application.missing', tn)).toHaveLength(1)
      const look = await ok(t.core, DESK_KEY, 'collection.lookup', { code: tn })
      expect(look.ready).toEqual([])
      expect(look.notReady).toHaveLength(1)
      expect(look.notReady[0]?.trackingNumber).toBe(tn)
      expect(look.notReady[0]?.reason).toContain('marked missing')
    })

    // Regression, fixed: a document marked missing used to be handed over.
    it('a document marked missing cannot be handed over until the mark is cleared', async () => {
      const tn = await arrived(WANJIKU)
      await ok(t.core, DESK_KEY, 'shelf.flag', {
        trackingNumber: tn,
        flag: 'missing',
        value: true,
        reason: 'Not in the bin',
      })
      const before = rowCounts(db())
      await expectError(
        call(t.core, DESK_KEY, 'collection.handOver', {
          trackingNumbers: [tn],
          collector: { kind: 'owner', idNumber: WANJIKU.idNumber },
        }),
        'CONFLICT',
      )
      expect(rowCounts(db())).toEqual(before)
    })

    it('shelf.audit of 26W45-BC: present, missing, misplaced, collected-but-here and unknown exactly; writes nothing', async () => {
      const batchId = await openBatch()
      const present = await arrived(WANJIKU, batchId)
      const absent = await arrived(ACHIENG, batchId)
      const elsewhere = await arrived({ ...WANJIKU, serviceCode: 'PASSPORT' }, batchId) // 26W45-PP
      const gone = await arrived({ ...ACHIENG, serviceCode: 'DEATH_CERT', idNumber: '40123456' }, batchId)
      const goneSlot = (await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: gone })).shelfSlot
      expect(goneSlot).toBe('26W45-DC')
      await ok(t.core, DESK_KEY, 'shelf.move', {
        trackingNumber: gone,
        slot: '26W45-BC',
        reason: 'Shared bin',
      })
      await ok(t.core, DESK_KEY, 'collection.handOver', {
        trackingNumbers: [gone],
        collector: { kind: 'owner', idNumber: '40123456' },
      })

      const before = rowCounts(db())
      const report = await ok(t.core, DESK_KEY, 'shelf.audit', {
        slot: '26w45-bc',
        codes: [present, formatTrackingNumber(elsewhere), gone, 'JUNK-42', present],
      })
      expect(report).toEqual({
        slot: '26W45-BC',
        present: [present],
        missing: [absent],
        misplaced: [{ trackingNumber: elsewhere, belongsIn: '26W45-PP' }],
        collectedButHere: [gone],
        unknown: ['JUNK-42'],
        ambiguous: [],
      })
      expect(rowCounts(db())).toEqual(before)
    })
  })

  describe('roles', () => {
    it('a clerk may not scan arrivals (FORBIDDEN, nothing written); a desk user may', async () => {
      const tn = await register(WANJIKU)
      const batchId = await openBatch()
      const before = rowCounts(db())
      await expectError(call(t.core, CLERK_KEY, 'arrivals.scan', { batchId, code: tn }), 'FORBIDDEN')
      await expectError(
        call(t.core, CLERK_KEY, 'arrivals.openBatch', { agency: 'Civil Registration' }),
        'FORBIDDEN',
      )
      await expectError(
        call(t.core, CLERK_KEY, 'collection.handOver', {
          trackingNumbers: [tn],
          collector: { kind: 'owner', idNumber: WANJIKU.idNumber },
        }),
        'FORBIDDEN',
      )
      expect(rowCounts(db())).toEqual(before)
      const r = await scan(batchId, tn)
      expect(r.outcome).toBe('arrived')
    })
  })

  describe('query plans of the collection-desk statements use an index', () => {
    const statements: { name: string; sql: string; params: unknown[] }[] = [
      // The rows' state columns are written by the projector's upsert (by primary key), not by per-desk UPDATEs.
      // applicationQueries.sharingAgencyRef
      {
        name: 'applications.sharingAgencyRef',
        sql: SCAN_LOOKUP_SQL.sharingAgencyRef,
        params: ['AK1234567'],
      },
      // applicationQueries.onShelves
      {
        name: 'applications.onShelves',
        sql: SCAN_LOOKUP_SQL.onShelves,
        params: ['["26W45-BC"]'],
      },
      // applicationQueries.slotOccupancy
      {
        name: 'applications.slotOccupancy',
        sql: "SELECT shelf_slot AS slot, count(*) AS n FROM applications WHERE status = 'arrived' GROUP BY shelf_slot",
        params: [],
      },
      // applicationQueries.readyForPhone
      {
        name: 'applications.readyForPhone',
        sql: "SELECT * FROM applications WHERE phone = ? AND status = 'arrived' ORDER BY arrived_at",
        params: ['+254712345678'],
      },
      // applicationQueries.readyForId
      {
        name: 'applications.readyForId',
        sql: "SELECT * FROM applications WHERE id_number = ? AND status = 'arrived' ORDER BY arrived_at",
        params: ['23456789'],
      },
      // arrivalQueries.byId (main/db/queries/arrivals.ts)
      { name: 'arrivals.byId', sql: 'SELECT * FROM arrival_batches WHERE id = ?', params: [1] },
      // arrivalQueries.recent
      {
        name: 'arrivals.recent',
        // Walks the rowid backwards and stops at LIMIT: a SCAN, but never a sort of the whole table.
        sql: 'SELECT * FROM arrival_batches ORDER BY id DESC LIMIT ?',
        params: [20],
      },
      // arrivalQueries.expected
      { name: 'arrivals.expected', sql: 'SELECT code FROM batch_expected WHERE batch_id = ?', params: [1] },
      // arrivalQueries.scans
      {
        name: 'arrivals.scans',
        sql: 'SELECT * FROM batch_scans WHERE batch_id = ? ORDER BY id',
        params: [1],
      },
      // arrivalQueries.scanById
      { name: 'arrivals.scanById', sql: 'SELECT * FROM batch_scans WHERE id = ?', params: [1] },
      // arrivalQueries.resolveScan
      {
        name: 'arrivals.resolveScan',
        sql: 'UPDATE batch_scans SET resolved = 1, tracking_number = @trackingNumber WHERE id = @id',
        params: [{ id: 1, trackingNumber: null }],
      },
      // arrivalQueries.close
      {
        name: 'arrivals.close',
        sql: `UPDATE arrival_batches SET status = 'closed', closed_at = @now, closed_by = @by, report = @report
              WHERE id = @id AND status = 'open'`,
        params: [{ id: 1, now: 1, by: 'X', report: '{}' }],
      },
      // notificationQueries.due (main/db/queries/notifications.ts)
      {
        name: 'notifications.due',
        sql: "SELECT * FROM notifications WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id LIMIT 500",
        params: [1],
      },
      // notificationQueries.pendingReadyForPhone
      {
        name: 'notifications.pendingReadyForPhone',
        sql: `SELECT n.* FROM applications a JOIN notifications n ON n.tracking_number = a.tracking_number
              WHERE a.phone = ? AND n.kind = 'ready' AND n.status = 'scheduled' ORDER BY n.due_at, n.id`,
        params: ['+254712345678'],
      },
      // notificationQueries.markSent
      {
        name: 'notifications.markSent',
        sql: "UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ?",
        params: [1, 1],
      },
      // notificationQueries.markSkipped
      {
        name: 'notifications.markSkipped',
        sql: "UPDATE notifications SET status = 'skipped', skip_reason = ? WHERE id = ?",
        params: ['x', 1],
      },
      // notificationQueries.forApplication
      {
        name: 'notifications.forApplication',
        sql: 'SELECT * FROM notifications WHERE tracking_number = ? ORDER BY id',
        params: ['042010000000'],
      },
    ]

    /** Plan lines that read a table without any index: 'SCAN <table>' with no USING (COVERING) INDEX. */
    const plainScans = (sql: string, params: unknown[]): { plan: string[]; bad: string[] } => {
      const plan = db()
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
      return {
        plan,
        bad: plan.filter((d) => /^SCAN \w+/.test(d) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(d)),
      }
    }

    for (const s of statements) {
      it(s.name, async () => {
        await register(WANJIKU)
        const { plan, bad } = plainScans(s.sql, s.params)
        expect(plan.length, s.name).toBeGreaterThan(0)
        if (s.name === 'arrivals.recent') {
          expect(
            plan.some((d) => d.includes('TEMP B-TREE')),
            plan.join(' | '),
          ).toBe(false)
          return
        }
        expect(bad, `${s.name}: ${plan.join(' | ')}`).toEqual([])
      })
    }
  })
})
