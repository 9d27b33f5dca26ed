/**
 * A data subject's request and the PIN-confirmed exports, through dispatch on a real SQLite file (Mon 30 Nov 2026,
 * 10:00 Nairobi). The subject, Wanjiku Njoroge (ID 30111222, phone 0722 000 111), has two documents: S1 on the
 * shelf with a failed SMS and a call logged, S2 collected by her mother as proxy. Otieno (ID 30999888, another phone)
 * has one on the shelf.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { subjectFactHeader } from '../../common/subject-report'
import type { MethodName } from '../../common/contract'
import { rowCounts } from '../helpers/db-counts'
import { DESK_KEY, MANAGER_KEY, call, ok, shelfFixture } from '../helpers/shelf-fixture'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>
const ID = '30111222'
const PHONE = '+254722000111'

describe('data subject requests and personal-data exports', () => {
  let f: Fixture
  let s1: string, s2: string, other: string

  beforeEach(async () => {
    f = await shelfFixture()
    const doc = (customerName: string, idNumber: string, phone: string, daysOnShelf: number) =>
      f.place({
        serviceCode: 'BIRTH_CERT',
        customerName,
        idNumber,
        phone,
        language: 'sw',
        smsConsent: true,
        daysOnShelf,
      })
    s1 = await doc('Wanjiku Njoroge', ID, '0722 000 111', 130)
    s2 = await doc('Wanjiku Njoroge', ID, '0722000111', 10)
    other = await doc('Otieno Ouma', '30999888', '0733000222', 20)
    await ok(f.t.core, MANAGER_KEY, 'backlog.logCall', {
      trackingNumber: s1,
      outcome: 'no-answer',
      note: 'Try <after> 5pm',
    })
    await ok(f.t.core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [s2],
      collector: {
        kind: 'proxy',
        name: 'Mary Njoroge',
        idNumber: '10222333',
        relationship: 'mother',
        authorisationRef: 'LTR-77',
      },
    })
  })
  afterEach(() => f.t.close())

  const auditRows = (action: string) =>
    f.db
      .prepare<[string], { staff_number: string; detail: string }>(
        'SELECT staff_number, detail FROM audit_log WHERE action = ? ORDER BY id',
      )
      .all(action)

  it('finds by ID number every application of the person, their events, call, proxy hand-over, and no one else', async () => {
    const r = await ok(f.t.core, MANAGER_KEY, 'subject.find', { idNumber: ID, pin: f.manager.pin })
    expect(r.applications.map((a) => a.trackingNumber).sort()).toEqual([s1, s2].sort())
    const a1 = r.applications.find((a) => a.trackingNumber === s1)!
    const a2 = r.applications.find((a) => a.trackingNumber === s2)!
    expect(a1.events.map((e) => e.type)).toEqual([
      'application.registered',
      'application.arrived',
      'application.callLogged',
    ])
    expect(a1.events[0]!.details).toMatchObject({
      customerName: 'Wanjiku Njoroge',
      idNumber: ID,
      phone: PHONE,
    })
    expect(a1.calls).toEqual([expect.objectContaining({ outcome: 'no-answer', note: 'Try <after> 5pm' })])
    expect(a1.notifications).toEqual([expect.objectContaining({ kind: 'ready', status: 'sent' })])
    expect(a2.status).toBe('collected')
    expect(a2.collector).toMatchObject({ kind: 'proxy', name: 'Mary Njoroge', idNumber: '10222333' })
    expect(a2.events.map((e) => e.type)).toContain('application.collected')
    expect(JSON.stringify(r)).not.toContain('Otieno')
    expect(JSON.stringify(r)).not.toContain(other)
  })

  it('finds by phone number however it is typed, normalised as at the counter', async () => {
    const r = await ok(f.t.core, MANAGER_KEY, 'subject.find', { phone: '0722 000 111', pin: f.manager.pin })
    expect(r.by).toBe('phone')
    expect(r.value).toBe(PHONE)
    expect(r.applications.map((a) => a.trackingNumber).sort()).toEqual([s1, s2].sort())
  })

  it('audits each step with the ID number or phone masked and the tracking numbers found', async () => {
    await ok(f.t.core, MANAGER_KEY, 'subject.find', { idNumber: ID, pin: f.manager.pin })
    await ok(f.t.core, MANAGER_KEY, 'subject.export', { phone: PHONE, pin: f.manager.pin })
    const [found] = auditRows('subject.find')
    const [exported] = auditRows('subject.export')
    expect(found!.staff_number).toBe(f.manager.staffNumber)
    expect(JSON.parse(found!.detail)).toMatchObject({ by: 'idNumber', subject: '******22', applications: 2 })
    expect(JSON.parse(exported!.detail)).toMatchObject({
      by: 'phone',
      subject: '07** *** 111',
      applications: 2,
    })
    expect(JSON.parse(found!.detail).trackingNumbers.sort()).toEqual([s1, s2].sort())
    const all = f.db.prepare<[], { detail: string }>('SELECT detail FROM audit_log').all()
    for (const row of all) {
      expect(row.detail).not.toContain(ID)
      expect(row.detail).not.toContain('722000111')
    }
  })

  it('exports a printable page and a CSV naming everything found, escaped, with no ID or phone in the file names', async () => {
    const r = await ok(f.t.core, MANAGER_KEY, 'subject.export', { idNumber: ID, pin: f.manager.pin })
    const [html, csv] = r.files
    expect(html!.name).toBe('personal-data-042-2026-11-30.html')
    expect(csv!.name).toBe('personal-data-042-2026-11-30.csv')
    for (const file of r.files) {
      expect(file.content).toContain('Wanjiku Njoroge')
      expect(file.content).toContain('0722 000 111')
      expect(file.content).toContain('Mary Njoroge')
      expect(file.content).toContain('Handed over')
      expect(file.content).not.toContain('Otieno')
    }
    expect(html!.content).toContain('Try &lt;after&gt; 5pm')
    expect(html!.content).not.toContain('<after>')
    expect(csv!.content.split('\r\n')[0]).toBe('Tracking number,Service,When (Nairobi time),What,Details')
  })

  it('a manager working in Kiswahili gets the files in Kiswahili, with the same facts', async () => {
    await ok(f.t.core, MANAGER_KEY, 'auth.setLanguage', { language: 'sw' })
    const r = await ok(f.t.core, MANAGER_KEY, 'subject.export', { idNumber: ID, pin: f.manager.pin })
    const [html, csv] = r.files
    expect(html!.content).toContain('<html lang="sw">')
    expect(csv!.content.split('\r\n')[0]).toBe(subjectFactHeader('sw').join(','))
    expect(subjectFactHeader('sw')).not.toEqual(subjectFactHeader('en'))
    for (const file of r.files) {
      expect(file.content).toContain('Wanjiku Njoroge')
      // The service by the catalogue's Kiswahili name.
      expect(file.content).toContain('Cheti cha Kuzaliwa')
      expect(file.content).not.toContain('Birth certificate')
    }
    expect(r.record.applications.map((a) => a.serviceName)).toEqual([
      'Birth certificate',
      'Birth certificate',
    ])
  })

  it('a wrong PIN finds nothing and writes only its failure to the audit log', async () => {
    const before = rowCounts(f.db)
    const r = await call(f.t.core, MANAGER_KEY, 'subject.find', { idNumber: ID, pin: '0000' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('WRONG_PIN')
    expect(rowCounts(f.db)).toEqual({ ...before, audit_log: before.audit_log! + 1 })
    expect(auditRows('subject.find.failed')).toEqual([
      { staff_number: f.manager.staffNumber, detail: JSON.stringify({ attempt: 1 }) },
    ])
    expect(auditRows('subject.find')).toEqual([])
  })

  it('wrong PINs at exports count toward the sign-in lockout: the fifth locks the account and signs it out', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await call(f.t.core, MANAGER_KEY, 'backlog.export', { pin: '0000' })
      expect(r.ok || r.error.code).toBe('WRONG_PIN')
    }
    const fifth = await call(f.t.core, MANAGER_KEY, 'subject.export', { idNumber: ID, pin: '0000' })
    expect(fifth.ok || fifth.error.code).toBe('ACCOUNT_LOCKED')
    const after = await call(f.t.core, MANAGER_KEY, 'backlog.summary', {})
    expect(after.ok || after.error.code).toBe('UNAUTHENTICATED')
    expect(auditRows('auth.accountLocked')).toHaveLength(1)
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ pin: f.manager.pin }, 'Give the customer’s ID number or their phone number (one of them)'],
      [
        { idNumber: ID, phone: PHONE, pin: f.manager.pin },
        'Give the customer’s ID number or their phone number (one of them)',
      ],
      [{ idNumber: '12ab', pin: f.manager.pin }, 'ID number is 6 to 8 digits, as on the national ID card'],
      [
        { phone: '020 123', pin: f.manager.pin },
        'Not a valid Kenyan phone number: use 07XX XXX XXX, 01XX XXX XXX or +254…',
      ],
      [{ idNumber: ID }, 'PIN is required'],
    ]
    const before = rowCounts(f.db)
    for (const [input, message] of cases) {
      const r = await call(f.t.core, MANAGER_KEY, 'subject.find', input)
      expect(r.ok).toBe(false)
      if (!r.ok) expect([r.error.code, r.error.message]).toEqual(['INVALID_INPUT', message])
    }
    expect(rowCounts(f.db)).toEqual(before)
  })

  it('the shelf, call-list and overdue exports return the whole list after the PIN, audited by kind and row count', async () => {
    const shelf = await ok(f.t.core, MANAGER_KEY, 'backlog.export', { pin: f.manager.pin })
    expect(shelf.rows.map((r) => r.trackingNumber).sort()).toEqual([s1, other].sort())
    expect(shelf.truncated).toBe(false)
    const detail = JSON.parse(auditRows('backlog.export')[0]!.detail)
    expect(detail).toEqual({ kind: 'shelf', filter: { sort: 'oldest' }, rows: 2, truncated: false })
    await ok(f.t.core, MANAGER_KEY, 'backlog.exportCallList', { pin: f.manager.pin })
    expect(JSON.parse(auditRows('backlog.exportCallList')[0]!.detail)).toMatchObject({ kind: 'call list' })
    const overdue = await ok(f.t.core, MANAGER_KEY, 'overdue.export', { pin: f.manager.pin })
    expect(JSON.parse(auditRows('overdue.export')[0]!.detail)).toMatchObject({
      kind: 'overdue',
      rows: overdue.rows.length,
    })
  })

  it('every personal-data export refuses a wrong PIN: no rows, only the failure audited', async () => {
    const manifest = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: 'Civil Registration Services (CRS)',
      trackingNumbers: [s1],
    })
    const exports: [MethodName, Record<string, unknown>][] = [
      ['backlog.export', {}],
      ['backlog.exportCallList', {}],
      ['overdue.export', {}],
      ['returns.exportManifest', { manifestId: manifest.id, format: 'print' }],
      ['subject.export', { phone: PHONE }],
    ]
    for (const [method, input] of exports) {
      const before = rowCounts(f.db)
      const r = await call(f.t.core, MANAGER_KEY, method, { ...input, pin: '9999' })
      expect(r.ok ? 'exported' : r.error.code).toBe('WRONG_PIN')
      expect(rowCounts(f.db)).toEqual({ ...before, audit_log: before.audit_log! + 1 })
      expect(auditRows(`${method}.failed`)).toHaveLength(1)
      // A right PIN resets the count, so the next export starts from one.
      await ok(f.t.core, MANAGER_KEY, method, { ...input, pin: f.manager.pin })
    }
    expect(JSON.parse(auditRows('returns.exportManifest')[0]!.detail)).toEqual({
      kind: 'return manifest',
      format: 'print',
      manifestId: manifest.id,
      rows: 1,
    })
  })
  it('erasure where the law allows: the collected application loses her details, the one on the shelf keeps them, the central API is told', async () => {
    const before = rowCounts(f.db)
    const wrong = await call(f.t.core, MANAGER_KEY, 'subject.erase', { idNumber: ID, pin: '0000' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    expect(rowCounts(f.db).events).toBe(before.events)

    const r = await ok(f.t.core, MANAGER_KEY, 'subject.erase', { idNumber: ID, pin: f.manager.pin })
    expect(r.erased).toEqual([s2])
    expect(r.refused).toEqual([{ trackingNumber: s1, reason: 'not yet collected, returned or cancelled' }])
    const row = (tn: string) =>
      f.db
        .prepare<[string], { customer_name: string; id_number: string | null; phone: string }>(
          'SELECT customer_name, id_number, phone FROM applications WHERE tracking_number = ?',
        )
        .get(tn)
    expect(row(s2)).toMatchObject({ id_number: null, phone: '000000000' })
    expect(row(s2)!.customer_name).not.toContain('Wanjiku')
    expect(row(s1)).toMatchObject({ customer_name: 'Wanjiku Njoroge', id_number: ID })
    expect(row(other)).toMatchObject({ customer_name: 'Otieno Ouma' })
    // The central API is told: the erasure event waits in the outbox.
    const queued = f.db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM outbox o JOIN events e ON e.seq = o.event_seq
          WHERE e.type = 'application.personalDataErased' AND e.tracking_number = ?`,
      )
      .get(s2)
    expect(queued).toEqual({ n: 1 })
    // Found again by her ID number: only what is still held.
    const now = await ok(f.t.core, MANAGER_KEY, 'subject.find', { idNumber: ID, pin: f.manager.pin })
    expect(now.applications.map((a) => a.trackingNumber)).toEqual([s1])
    // Audited with the ID number masked, by the manager who asked.
    const [audit] = auditRows('subject.erase')
    expect(audit!.staff_number).toBe(f.manager.staffNumber)
    expect(audit!.detail).not.toContain(ID)
    expect(JSON.parse(audit!.detail)).toMatchObject({ erased: 1, kept: 1 })
  })
})
