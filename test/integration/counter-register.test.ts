/**
 * The counter desk end to end, the way a clerk meets it: every call goes through core.dispatch (schema, session,
 * role, service), into a real SQLite file in a temp dir, and receipts go over a real TCP socket to a printer peer
 * on 127.0.0.1 whose bytes are parsed back as ESC/POS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../common/errors'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import {
  counterWarning,
  formatTrackingNumber,
  isDammValid,
  parseTrackingNumber,
} from '../../common/tracking-number'
import type { Core } from '../../main/core/create-core'
import { ADMIN, setUpCentre, signedIn, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'
import { parseEscPos } from '../helpers/escpos-parse'
import { printOutcome, recordPrintOutcomes } from '../helpers/print-jobs'
import { startPrinterPeer, type PeerMode, type PrinterPeer } from '../helpers/printer-peer'
import { tempDir } from '../helpers/temp-dir'

type TestCore = ReturnType<typeof testCore>

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'

/** The clerk's usual customer: a birth certificate with the parent's ID; her receipt prints Kiswahili first. */
const WANJIKU = {
  serviceCode: 'BIRTH_CERT',
  customerName: 'Wanjiku Kamau',
  phone: '0712345678',
  idNumber: '23456789',
  language: 'sw',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

const printerSettings = (port: number) => ({
  connection: { kind: 'tcp' as const, host: '127.0.0.1', port },
  paperColumns: 48 as const,
  connectTimeoutMs: 500,
  writeTimeoutMs: 1000,
  statusTimeoutMs: 300,
})

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
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const r = await call(core, key, method, input)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
  return r.value
}

/** Everything printed on a receipt as one string: what a person reading the paper sees. */
function printedText(job: Buffer | undefined): string {
  if (!job) throw new Error('the printer received no job')
  return parseEscPos(job).lines.join('\n')
}

interface EventRow {
  seq: number
  type: string
  staff_number: string | null
  tracking_number: string | null
  payload: string
}

function eventsFor(t: TestCore, trackingNumber: string, type = 'application.registered'): EventRow[] {
  return t.core.store.db
    .prepare<[string, string], EventRow>(
      'SELECT seq, type, staff_number, tracking_number, payload FROM events WHERE tracking_number = ? AND type = ? ORDER BY seq',
    )
    .all(trackingNumber, type)
}

function auditRows(t: TestCore, action: string): { staff_number: string | null; detail: string }[] {
  return t.core.store.db
    .prepare<[string], { staff_number: string | null; detail: string }>(
      'SELECT staff_number, detail FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action)
}

describe('counter desk: register, print, find (through dispatch, real SQLite, real TCP printer)', () => {
  let t: TestCore
  let peer: PrinterPeer | null = null
  let clerk: { staffNumber: string; pin: string }

  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core, ADMIN_KEY)
    clerk = await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
  })

  afterEach(async () => {
    await peer?.close()
    peer = null
    t.close()
  })

  const usePrinter = async (): Promise<PrinterPeer> => {
    peer = await startPrinterPeer()
    await ok(t.core, ADMIN_KEY, 'printer.configure', printerSettings(peer.port))
    return peer
  }

  const register = (input: Record<string, unknown> = {}, key = CLERK_KEY) =>
    call(t.core, key, 'application.register', { ...WANJIKU, ...input })

  const registerOk = async (input: Record<string, unknown> = {}, key = CLERK_KEY) => {
    const r = await register(input, key)
    if (!r.ok)
      throw new Error(`register failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
    return r.value
  }

  it('registers: a 12-digit Damm-valid number from centre 042 slot 01, stored with its event and outbox row, and a printed receipt that shows what the customer needs and nothing private', async () => {
    const p = await usePrinter()
    const { statusUrlBase } = await ok(t.core, CLERK_KEY, 'settings.get', {})

    const r = await registerOk()
    const tn = r.application.trackingNumber
    expect(tn).toMatch(/^\d{12}$/)
    expect(isDammValid(tn)).toBe(true)
    expect(tn.startsWith('04201')).toBe(true)
    expect(r.application).toMatchObject({
      serviceCode: 'BIRTH_CERT',
      customerName: 'Wanjiku Kamau',
      phone: '+254712345678',
      idNumber: '23456789',
      status: 'registered',
      registeredBy: clerk.staffNumber,
      language: 'sw',
      smsConsent: true,
    })
    expect(r.counterWarning).toBeNull()

    const row = t.core.store.db
      .prepare<[string], { phone: string; id_number: string; registered_by: string; status: string }>(
        'SELECT phone, id_number, registered_by, status FROM applications WHERE tracking_number = ?',
      )
      .get(tn)
    expect(row).toEqual({
      phone: '+254712345678',
      id_number: '23456789',
      registered_by: clerk.staffNumber,
      status: 'registered',
    })
    const events = eventsFor(t, tn)
    expect(events).toHaveLength(1)
    expect(events[0]?.staff_number).toBe(clerk.staffNumber)
    const outbox = t.core.store.db
      .prepare<[number], { event_seq: number }>('SELECT event_seq FROM outbox WHERE event_seq = ?')
      .all(events[0]?.seq ?? -1)
    expect(outbox).toHaveLength(1)

    expect(r.printJob.kind).toBe('receipt')
    const printed = await printOutcome(t.core, r.printJob.id)
    expect(printed.status).toBe('printed')
    expect(printed.error).toBeNull()

    expect(p.jobs).toHaveLength(1)
    const job = p.jobs[0]
    if (!job) throw new Error('no job')
    const parsed = parseEscPos(job)
    const text = parsed.lines.join('\n')
    expect(text).toContain(formatTrackingNumber(tn))
    expect(parsed.barcodes).toEqual([{ type: 'CODE128', data: tn }])
    expect(parsed.qrCodes).toEqual([statusUrlBase + tn])
    expect(text).toContain('07•• ••• 678')
    expect(text).toContain('Mon 16 Nov 2026') // ready from: ten working days after Mon 2 Nov
    // Never the ID number or the full phone, in any form, in the text or anywhere in the bytes.
    const raw = job.toString('latin1')
    for (const secret of ['23456789', '0712345678', '712345678', '+254712345678', '0712 345 678']) {
      expect(text).not.toContain(secret)
      expect(raw).not.toContain(secret)
    }
  })

  it('promises the expected-ready date in working days from the catalogue turnaround', async () => {
    const catalogue = await ok(t.core, CLERK_KEY, 'catalogue.list', {})
    const birth = catalogue.find((s) => s.code === 'BIRTH_CERT')
    expect(birth?.turnaroundDays).toBe(10)
    // Clock: Mon 2 Nov 2026, 10:00 in Nairobi. The day itself does not count; ten working days (no public
    // holidays in Kenya in November) → Tue 3 … Fri 6 (4), Mon 9 … Fri 13 (9), Mon 16 (10).
    expect(new Date(t.clock.now()).toISOString()).toBe('2026-11-02T07:00:00.000Z')
    const r = await registerOk()
    expect(r.application.expectedReady).toBe('2026-11-16')

    // Same-day service: the registration day itself.
    expect(catalogue.find((s) => s.code === 'KRA_PIN')?.turnaroundDays).toBe(0)
    const kra = await registerOk({ serviceCode: 'KRA_PIN', idNumber: '34567890' })
    expect(kra.application.expectedReady).toBe('2026-11-02')

    // Registered on a Saturday: counted from the Monday. 3 working days (BUSINESS_REG) → Thu 12 Nov.
    expect(catalogue.find((s) => s.code === 'BUSINESS_REG')?.turnaroundDays).toBe(3)
    t.clock.set(Date.UTC(2026, 10, 7, 7, 0))
    await ok(t.core, CLERK_KEY, 'auth.unlock', { pin: clerk.pin }) // five days idle locked the window
    const sat = await registerOk({ serviceCode: 'BUSINESS_REG', idNumber: '45678901' })
    expect(sat.application.expectedReady).toBe('2026-11-12')

    // Friday 21:30 UTC is already Saturday 00:30 in Nairobi: the Nairobi day counts, so again Thu 12 Nov
    // (counting from the UTC Friday would give Wed 11 Nov).
    t.clock.set(Date.UTC(2026, 10, 6, 21, 30))
    await ok(t.core, CLERK_KEY, 'auth.unlock', { pin: clerk.pin })
    const late = await registerOk({ serviceCode: 'BUSINESS_REG', idNumber: '56789012' })
    expect(late.application.expectedReady).toBe('2026-11-12')
  })

  describe('bad input names the field and writes nothing', () => {
    const cases: { what: string; input: Record<string, unknown>; field: string; message?: RegExp }[] = [
      { what: 'landline phone', input: { phone: '0202345678' }, field: 'phone', message: /landline/i },
      { what: 'short phone', input: { phone: '12345' }, field: 'phone' },
      { what: 'empty name', input: { customerName: '' }, field: 'customerName' },
      { what: 'name with digits', input: { customerName: 'Wanjiku 2' }, field: 'customerName' },
      { what: 'short ID number', input: { idNumber: '12' }, field: 'idNumber', message: /6 to 8 digits/ },
      { what: 'unknown service', input: { serviceCode: 'NOPE' }, field: 'serviceCode' },
      {
        what: 'service that needs an ID, without one',
        input: { serviceCode: 'ID_REPLACEMENT', idNumber: undefined },
        field: 'idNumber',
        message: /needs the customer’s ID number/,
      },
      {
        what: 'agency reference not matching the service pattern',
        input: { serviceCode: 'ID_NEW', idNumber: undefined, agencyRef: 'AB-1234' },
        field: 'agencyRef',
        message: /9-digit waiting-card serial/,
      },
      { what: 'notes over 500 characters', input: { notes: 'x'.repeat(501) }, field: 'notes' },
    ]
    for (const c of cases) {
      it(c.what, async () => {
        await usePrinter()
        const before = rowCounts(t.core.store.db)
        const r = await register(c.input)
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.error.code).toBe('INVALID_INPUT')
        expect(r.error.field).toBe(c.field)
        expect(r.error.message.length).toBeGreaterThan(5)
        if (c.message) expect(r.error.message).toMatch(c.message)
        expect(rowCounts(t.core.store.db)).toEqual(before)
        expect(peer?.jobs).toHaveLength(0)
      })
    }
  })

  it('warns of an open application for the same ID and service; registers a second only when confirmed', async () => {
    const first = await registerOk()
    const tn1 = first.application.trackingNumber
    const before = rowCounts(t.core.store.db)

    const dup = await register({ customerName: 'Wanjiku K.', phone: '0798765432' })
    expect(dup.ok).toBe(false)
    if (dup.ok) return
    expect(dup.error.code).toBe('CONFLICT')
    expect(dup.error.field).toBe('idNumber')
    expect(dup.error.message).toContain(formatTrackingNumber(tn1))
    expect(rowCounts(t.core.store.db)).toEqual(before)

    // Another service for the same ID is not a duplicate.
    await registerOk({ serviceCode: 'PASSPORT' })

    const second = await registerOk({ confirmDuplicate: true })
    const tn2 = second.application.trackingNumber
    expect(tn2).not.toBe(tn1)
    const payload2 = JSON.parse(eventsFor(t, tn2)[0]?.payload ?? '{}') as Record<string, unknown>
    expect(payload2.duplicateConfirmed).toBe(true)
    const payload1 = JSON.parse(eventsFor(t, tn1)[0]?.payload ?? '{}') as Record<string, unknown>
    expect(payload1.duplicateConfirmed).toBeUndefined()
  })

  describe('a printer that fails never loses the application; the failed job is retried in one click', () => {
    // What the retry prints: the original when nothing can have come out (refused before any byte was sent), a
    // copy marked COPY when the failed attempt may have left paper.
    const modes: { mode: PeerMode | 'refused' | 'offline'; error: RegExp; mayHavePrinted: boolean }[] = [
      { mode: 'refused', error: /refused the connection/, mayHavePrinted: false },
      { mode: 'offline', error: /offline/i, mayHavePrinted: false },
      { mode: 'hang', error: /stopped taking the receipt for 1 s/, mayHavePrinted: true },
      { mode: 'drop-mid-job', error: /dropped while printing/, mayHavePrinted: true },
    ]
    for (const m of modes) {
      it(`printer ${m.mode}: the retry is ${m.mayHavePrinted ? 'marked COPY' : 'the original'}`, async () => {
        const p = await usePrinter()
        if (m.mode === 'refused') {
          await ok(t.core, ADMIN_KEY, 'printer.configure', printerSettings(await p.refusedPort()))
        } else if (m.mode === 'offline') {
          p.setStatus({ offline: true })
        } else {
          p.setMode(m.mode)
        }

        const r = await registerOk()
        const tn = r.application.trackingNumber
        const failed = await printOutcome(t.core, r.printJob.id)
        expect(failed.status).toBe('failed')
        expect(failed.error).toMatch(m.error)
        expect(failed.mayHavePrinted).toBe(m.mayHavePrinted)
        const saved = await ok(t.core, CLERK_KEY, 'application.get', { trackingNumber: tn })
        expect(saved.trackingNumber).toBe(tn)
        expect(saved.printJobs.map((j) => [j.id, j.status])).toEqual([[r.printJob.id, 'failed']])
        expect(eventsFor(t, tn)).toHaveLength(1)

        // The printer is back.
        if (m.mode === 'refused') {
          await ok(t.core, ADMIN_KEY, 'printer.configure', printerSettings(p.port))
        } else if (m.mode === 'offline') {
          p.setStatus({})
        } else {
          p.setMode('accept')
        }
        const jobsBefore = p.jobs.length
        const retried = await ok(t.core, CLERK_KEY, 'print.retry', { jobId: r.printJob.id })
        expect(retried.printJob.id).not.toBe(r.printJob.id)
        expect(retried.printJob.kind).toBe('receipt')
        expect(retried.printJob.copy).toBe(m.mayHavePrinted)
        expect((await printOutcome(t.core, retried.printJob.id)).status).toBe('printed')
        expect(p.jobs).toHaveLength(jobsBefore + 1)
        const paper = printedText(p.jobs.at(-1))
        expect(paper).toContain(formatTrackingNumber(tn))
        if (m.mayHavePrinted) expect(paper).toMatch(/NAKALA \/ COPY/)
        else expect(paper).not.toMatch(/COPY|REPRINT/)
        // The screen preview is the same paper.
        expect(/NAKALA \/ COPY/.test(retried.receipt.text)).toBe(m.mayHavePrinted)

        const after = await ok(t.core, CLERK_KEY, 'application.get', { trackingNumber: tn })
        // Newest first, as the detail screen lists them.
        expect(after.printJobs.map((j) => [j.id, j.status])).toEqual([
          [retried.printJob.id, 'printed'],
          [r.printJob.id, 'failed'],
        ])

        const again = await call(t.core, CLERK_KEY, 'print.retry', { jobId: retried.printJob.id })
        expect(again.ok).toBe(false)
        if (!again.ok) expect(again.error.code).toBe('CONFLICT')
      })
    }
  })

  it('a copy that fails before sending anything is retried as a copy again', async () => {
    const p = await usePrinter()
    p.setMode('drop-mid-job')
    const r = await registerOk()
    expect((await printOutcome(t.core, r.printJob.id)).mayHavePrinted).toBe(true)
    p.setStatus({ cover: true })
    const copy = await ok(t.core, CLERK_KEY, 'print.retry', { jobId: r.printJob.id })
    const refused = await printOutcome(t.core, copy.printJob.id)
    expect(refused).toMatchObject({ status: 'failed', copy: true, mayHavePrinted: false })
    p.setMode('accept')
    p.setStatus({})
    const again = await ok(t.core, CLERK_KEY, 'print.retry', { jobId: copy.printJob.id })
    expect((await printOutcome(t.core, again.printJob.id)).status).toBe('printed')
    expect(printedText(p.jobs.at(-1))).toMatch(/NAKALA \/ COPY/)
  })

  describe('a stalled printer never holds up the counter', () => {
    const jobRow = (id: number) =>
      t.core.store.db
        .prepare<[number], { status: string }>('SELECT status FROM print_jobs WHERE id = ?')
        .get(id)

    it('registering answers before the print finishes; the stalled job fails with its reason after the write timeout; a second registration meanwhile is accepted and prints after it, on its own connection', async () => {
      const p = await usePrinter()
      await ok(t.core, ADMIN_KEY, 'printer.configure', { ...printerSettings(p.port), writeTimeoutMs: 2000 })
      const outcomes = recordPrintOutcomes(t.core)
      p.setMode('hang')

      const first = await registerOk()
      // Answered with the application saved and its job written, while the printer has not taken the receipt.
      expect(first.printJob.status).toBe('queued')
      expect(jobRow(first.printJob.id)?.status).toBe('queued')
      expect(outcomes.jobs).toEqual([])
      const firstDone = printOutcome(t.core, first.printJob.id)

      // The stalled job holds the printer; the next customer comes to the counter.
      await expect.poll(() => p.connections).toBe(1)
      p.setMode('accept')
      const second = await registerOk({ serviceCode: 'PASSPORT', customerName: 'Otieno Ochieng' })
      expect(second.printJob.status).toBe('queued')
      expect(second.application.trackingNumber).not.toBe(first.application.trackingNumber)
      expect(outcomes.jobs).toEqual([])

      const failed = await firstDone
      expect(failed).toMatchObject({ status: 'failed', mayHavePrinted: true })
      expect(failed.error).toMatch(/stopped taking the receipt for 2 s/)
      // Queued behind it: the second receipt had not even been sent while the first one was out.
      expect(p.connections).toBe(1)
      expect(p.jobs).toHaveLength(0)

      const printed = await printOutcome(t.core, second.printJob.id)
      expect(printed.status).toBe('printed')
      expect(outcomes.jobs.map((j) => [j.id, j.status])).toEqual([
        [first.printJob.id, 'failed'],
        [second.printJob.id, 'printed'],
      ])
      expect(p.jobs).toHaveLength(1)
      expect(parseEscPos(p.jobs[0]!).barcodes.map((b) => b.data)).toEqual([second.application.trackingNumber])
      outcomes.stop()
    })

    it('receipts registered back to back all reach the printer, in the order they were registered', async () => {
      const p = await usePrinter()
      const rs = await Promise.all(
        ['Wanjiku Kamau', 'Otieno Ochieng', 'Achieng Atieno'].map((customerName, i) =>
          registerOk({ customerName, serviceCode: ['BIRTH_CERT', 'PASSPORT', 'KRA_PIN'][i] }),
        ),
      )
      const done = await Promise.all(rs.map((r) => printOutcome(t.core, r.printJob.id)))
      expect(done.map((j) => j.status)).toEqual(['printed', 'printed', 'printed'])
      expect(p.jobs.map((j) => parseEscPos(j).barcodes.map((b) => b.data))).toEqual(
        rs.map((r) => [r.application.trackingNumber]),
      )
    })

    it('a job left printing when the app stopped is failed at the next start, and printed again as a COPY', async () => {
      const dir = tempDir()
      const p = await startPrinterPeer({ mode: 'hang' })
      peer = p
      const before = testCore(dir.dir)
      await setUpCentre(before.core, ADMIN_KEY)
      await ok(before.core, ADMIN_KEY, 'printer.configure', {
        ...printerSettings(p.port),
        writeTimeoutMs: 60_000,
      })
      const r = await ok(before.core, ADMIN_KEY, 'application.register', WANJIKU)
      await expect.poll(() => p.connections).toBe(1)
      before.core.close() // the app stops while the receipt is at the printer

      const after = testCore(dir.dir)
      try {
        const row = after.core.store.printJobs.byId(r.printJob.id)
        expect(row).toMatchObject({ status: 'failed', may_have_printed: 1 })
        expect(row?.error).toMatch(/stopped before the receipt finished printing/)
        p.setMode('accept')
        await ok(after.core, ADMIN_KEY, 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
        const again = await ok(after.core, ADMIN_KEY, 'print.retry', { jobId: r.printJob.id })
        expect(again.printJob.copy).toBe(true)
        expect((await printOutcome(after.core, again.printJob.id)).status).toBe('printed')
        expect(printedText(p.jobs.at(-1))).toMatch(/NAKALA \/ COPY/)
      } finally {
        after.core.close()
        dir.cleanup()
      }
    })
  })

  // A failed job retried successfully once must not print again: that would be an unlogged reprint.
  it('a failed job that was already retried successfully cannot be retried again (no unlogged copies)', async () => {
    const p = await usePrinter()
    p.setMode('drop-mid-job')
    const r = await registerOk()
    expect((await printOutcome(t.core, r.printJob.id)).status).toBe('failed')
    p.setMode('accept')
    const retried = await ok(t.core, CLERK_KEY, 'print.retry', { jobId: r.printJob.id })
    // While that retry is still on its way, a second click is refused too.
    const meanwhile = await call(t.core, CLERK_KEY, 'print.retry', { jobId: r.printJob.id })
    expect(meanwhile.ok ? 'accepted' : meanwhile.error.code).toBe('CONFLICT')
    expect((await printOutcome(t.core, retried.printJob.id)).status).toBe('printed')
    const jobsBefore = p.jobs.length
    const again = await call(t.core, CLERK_KEY, 'print.retry', { jobId: r.printJob.id })
    expect(p.jobs).toHaveLength(jobsBefore)
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.code).toBe('CONFLICT')
  })

  // 254… without '+' is 12 digits like a tracking number; a failed check digit falls back to the phone.
  it('finds by phone typed as 254… without the plus', async () => {
    const a = (await registerOk()).application.trackingNumber
    for (const query of ['254712345678', '254 712 345 678']) {
      const r = await call(t.core, CLERK_KEY, 'application.search', { query })
      expect(r.ok ? r.value.map((x) => x.trackingNumber) : r.error.message).toEqual([a])
    }
  })

  it('with no printer set up (the default) the receipt is a screen preview', async () => {
    const r = await registerOk()
    expect(r.printJob.status).toBe('preview-only')
    expect(r.receipt.svg.startsWith('<svg')).toBe(true)
    expect(r.receipt.text).toContain(formatTrackingNumber(r.application.trackingNumber))
    expect(r.receipt.columns).toBe(48)
  })

  it('reprints only with a reason, audits it, and marks the paper REPRINT', async () => {
    const p = await usePrinter()
    const r = await registerOk()
    const tn = r.application.trackingNumber
    await printOutcome(t.core, r.printJob.id)
    expect(p.jobs).toHaveLength(1)
    expect(printedText(p.jobs[0])).not.toContain('REPRINT')

    const before = rowCounts(t.core.store.db)
    const noReason = await call(t.core, CLERK_KEY, 'application.reprint', { trackingNumber: tn, reason: '' })
    expect(noReason.ok).toBe(false)
    if (!noReason.ok) {
      expect(noReason.error.code).toBe('INVALID_INPUT')
      expect(noReason.error.field).toBe('reason')
    }
    expect(rowCounts(t.core.store.db)).toEqual(before)
    expect(p.jobs).toHaveLength(1)

    const reason = 'Customer lost the receipt'
    const re = await ok(t.core, CLERK_KEY, 'application.reprint', { trackingNumber: tn, reason })
    expect(re.printJob).toMatchObject({ kind: 'reprint', reason })
    expect(await printOutcome(t.core, re.printJob.id)).toMatchObject({ status: 'printed', copy: false })
    const audit = auditRows(t, 'application.reprinted')
    expect(audit).toHaveLength(1)
    expect(audit[0]?.staff_number).toBe(clerk.staffNumber)
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ trackingNumber: tn, reason })
    expect(p.jobs).toHaveLength(2)
    const text = printedText(p.jobs[1])
    expect(text).toContain('REPRINT')
    expect(text).toContain(reason)
    expect(text).toContain(formatTrackingNumber(tn))
  })

  it('finds an application by tracking number, phone, ID number, agency reference or name prefix', async () => {
    const a = (await registerOk()).application.trackingNumber
    const b = (
      await registerOk({
        serviceCode: 'ID_NEW',
        customerName: 'Brian Otieno',
        phone: '+254798765432',
        idNumber: undefined,
        agencyRef: '204518736',
      })
    ).application.trackingNumber
    const c = (
      await registerOk({
        serviceCode: 'GOOD_CONDUCT',
        customerName: 'Achieng Odhiambo',
        phone: '0723456789',
        idNumber: '31234567',
        agencyRef: 'ncpcg00412345',
      })
    ).application.trackingNumber
    const search = async (query: string): Promise<string[]> =>
      (await ok(t.core, CLERK_KEY, 'application.search', { query })).map((s) => s.trackingNumber)

    const grouped = formatTrackingNumber(a)
    expect(await search(grouped)).toEqual([a])
    expect(await search(grouped.replaceAll(' ', '-'))).toEqual([a])
    expect(await search(a)).toEqual([a])
    expect(await search('0712345678')).toEqual([a])
    expect(await search('0712 345 678')).toEqual([a])
    expect(await search('+254712345678')).toEqual([a])
    expect(await search('+254 798 765 432')).toEqual([b])
    expect(await search('0798765432')).toEqual([b])
    expect(await search('23456789')).toEqual([a])
    expect(await search('31234567')).toEqual([c])
    expect(await search('204518736')).toEqual([b])
    expect(await search('NCPCG00412345')).toEqual([c])
    expect(await search('ncpcg00412345')).toEqual([c])
    expect(await search('wanj')).toEqual([a])
    expect(await search('WANJIKU KA')).toEqual([a])
    expect(await search('brian')).toEqual([b])
    expect(await search('kamau')).toEqual([a]) // the start of any word of the name
    expect(await search('amau')).toEqual([]) // not the middle of a word

    // A typed number with a wrong check digit, or two neighbours swapped, is refused with a reason.
    const last = Number(a.at(-1))
    const wrongCheck = a.slice(0, 11) + String((last + 1) % 10)
    const swapped = a[0] === a[1] ? null : a.slice(1, 2) + a.slice(0, 1) + a.slice(2)
    for (const bad of [wrongCheck, formatTrackingNumber(wrongCheck), swapped]) {
      if (bad === null) continue
      expect(parseTrackingNumber(bad).ok).toBe(false)
      const r = await call(t.core, CLERK_KEY, 'application.search', { query: bad })
      expect(r.ok).toBe(false)
      if (r.ok) continue
      expect(r.error.code).toBe('INVALID_INPUT')
      expect(r.error.field).toBe('query')
      expect(r.error.message).toContain('a digit may be wrong or two digits swapped')
    }
  })

  it('opening an application is audited; its timeline shows the registration and never the ID number', async () => {
    const tn = (await registerOk()).application.trackingNumber
    expect(auditRows(t, 'application.viewed')).toHaveLength(0)
    const d = await ok(t.core, CLERK_KEY, 'application.get', { trackingNumber: tn })
    const viewed = auditRows(t, 'application.viewed')
    expect(viewed).toHaveLength(1)
    expect(viewed[0]?.staff_number).toBe(clerk.staffNumber)
    expect(JSON.parse(viewed[0]?.detail ?? '{}')).toEqual({ trackingNumber: tn })

    expect(d.timeline.map((e) => e.type)).toEqual(['application.registered'])
    expect(d.timeline[0]?.staffNumber).toBe(clerk.staffNumber)
    expect(d.timeline[0]?.detail).toMatchObject({ serviceCode: 'BIRTH_CERT', expectedReady: '2026-11-16' })
    const timeline = JSON.stringify(d.timeline)
    expect(timeline).not.toContain('23456789')
    expect(timeline).not.toContain('idNumber')
    expect(timeline).not.toContain('712345678')
  })

  it('a collection-desk person may search but may not register', async () => {
    const tn = (await registerOk()).application.trackingNumber
    await signedIn(t.core, ADMIN_KEY, 'desk-window', 'desk')
    const before = rowCounts(t.core.store.db)
    const r = await register({ idNumber: '99887766' }, 'desk-window')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN')
    expect(rowCounts(t.core.store.db)).toEqual(before)
    const found = await ok(t.core, 'desk-window', 'application.search', { query: formatTrackingNumber(tn) })
    expect(found.map((s) => s.trackingNumber)).toEqual([tn])
  })

  it('warns when the workstation is down to its last tracking numbers, then refuses and writes nothing', async () => {
    const setCounter = (n: number) => t.core.store.db.prepare('UPDATE centre SET next_counter = ?').run(n)

    setCounter(999_998)
    const penultimate = await registerOk({ idNumber: '11111111' })
    expect(penultimate.counterWarning).toBe(
      'This workstation has 1 tracking number left. It needs a new workstation slot before it runs out.',
    )
    expect(penultimate.counterWarning).toBe(counterWarning(999_999)?.message)

    // The last number: it is minted, and the clerk is told there are none left.
    const last = await registerOk({ idNumber: '22222222' })
    expect(isDammValid(last.application.trackingNumber)).toBe(true)
    expect(last.application.trackingNumber).not.toBe(penultimate.application.trackingNumber)
    expect(last.counterWarning).toBe(
      'This workstation has used all its tracking numbers. It needs a new workstation slot before it can register more documents.',
    )

    const before = rowCounts(t.core.store.db)
    const refused = await register({ idNumber: '33333333' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT')
      expect(refused.error.message).toContain('used all its tracking numbers')
    }
    expect(rowCounts(t.core.store.db)).toEqual(before)
  })

  it('every search uses an index (EXPLAIN QUERY PLAN of the statements in main/db/queries/applications.ts)', async () => {
    await registerOk()
    const db = t.core.store.db
    const statements: { name: string; sql: string; params: unknown[] }[] = [
      // applicationQueries.byTracking
      {
        name: 'byTracking',
        sql: 'SELECT * FROM applications WHERE tracking_number = ?',
        params: ['042010000000'],
      },
      // applicationQueries.openForIdAndService
      {
        name: 'openForIdAndService',
        sql: `SELECT * FROM applications WHERE id_number = ? AND service_code = ? AND status IN ('registered', 'arrived')
              ORDER BY registered_at DESC LIMIT 1`,
        params: ['23456789', 'BIRTH_CERT'],
      },
      // applicationQueries.byPhone
      {
        name: 'byPhone',
        sql: 'SELECT * FROM applications WHERE phone = ? ORDER BY registered_at DESC LIMIT 50',
        params: ['+254712345678'],
      },
      // applicationQueries.byIdNumber
      {
        name: 'byIdNumber',
        sql: 'SELECT * FROM applications WHERE id_number = ? ORDER BY registered_at DESC LIMIT 50',
        params: ['23456789'],
      },
      // applicationQueries.byAgencyRef
      {
        name: 'byAgencyRef',
        sql: 'SELECT * FROM applications WHERE agency_ref = ? ORDER BY registered_at DESC LIMIT 50',
        params: ['204518736'],
      },
      // applicationQueries.byName
      {
        name: 'byName',
        sql: `SELECT applications.* FROM application_name_keys JOIN applications USING (tracking_number)
              WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 100`,
        params: ['wanj', 'wanj\uffff'],
      },
      // applicationQueries.recent
      {
        name: 'recent',
        sql: 'SELECT * FROM applications ORDER BY registered_at DESC LIMIT ?',
        params: [10],
      },
    ]
    for (const s of statements) {
      const plan = db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${s.sql}`)
        .all(...s.params)
        .map((r) => r.detail)
      const onTable = plan.filter((d) => /\bapplications\b/.test(d))
      expect(onTable, `${s.name}: ${plan.join(' | ')}`).not.toHaveLength(0)
      for (const d of onTable) {
        expect(d, `${s.name}: ${plan.join(' | ')}`).toMatch(/USING INDEX|USING COVERING INDEX|PRIMARY KEY/)
      }
    }
  })
})

describe('tracking numbers stay unique', () => {
  const registerMany = async (core: Core, key: string, n: number, tag: string): Promise<string[]> => {
    const out: string[] = []
    for (let i = 0; i < n; i++) {
      const r = await call(core, key, 'application.register', {
        serviceCode: 'ID_NEW',
        customerName: `Customer ${tag}`,
        phone: '0712345678',
        language: 'en',
        smsConsent: false,
      })
      if (!r.ok) throw new Error(`register ${i} failed: ${r.error.message}`)
      out.push(r.value.application.trackingNumber)
    }
    return out
  }

  it('across a restart of the same workstation (300 + 300)', { timeout: 120_000 }, async () => {
    const tmp = tempDir()
    try {
      const first = testCore(tmp.dir)
      await setUpCentre(first.core, ADMIN_KEY)
      const before = await registerMany(first.core, ADMIN_KEY, 300, 'Achieng')
      first.close() // a given data dir is not removed by close()

      const second = testCore(tmp.dir)
      try {
        const signIn = await call(second.core, ADMIN_KEY, 'auth.signIn', {
          staffNumber: ADMIN.staffNumber,
          pin: ADMIN.pin,
        })
        expect(signIn.ok).toBe(true)
        const after = await registerMany(second.core, ADMIN_KEY, 300, 'Baraka')
        const all = [...before, ...after]
        expect(new Set(all).size).toBe(600)
        for (const tn of all) {
          expect(tn.startsWith('04201')).toBe(true)
          expect(isDammValid(tn)).toBe(true)
        }
        const count = second.core.store.db
          .prepare<[], { n: number }>('SELECT count(*) AS n FROM applications')
          .get()
        expect(count?.n).toBe(600)
      } finally {
        second.close()
      }
    } finally {
      tmp.cleanup()
    }
  })

  it(
    'between two workstations of the same centre (slots 01 and 02, 200 each)',
    { timeout: 120_000 },
    async () => {
      const cores = [testCore(), testCore()]
      try {
        const numbers: string[][] = []
        for (const [i, c] of cores.entries()) {
          const slot = `0${i + 1}`
          const r = await call(c.core, ADMIN_KEY, 'setup.createCentre', {
            centreNumber: '042',
            centreName: 'Huduma Centre GPO',
            workstationSlot: slot,
            admin: ADMIN,
          })
          expect(r.ok).toBe(true)
          const tns = await registerMany(c.core, ADMIN_KEY, 200, i === 0 ? 'Chebet' : 'Daudi')
          for (const tn of tns) expect(tn.startsWith(`042${slot}`)).toBe(true)
          numbers.push(tns)
        }
        const all = numbers.flat()
        expect(all).toHaveLength(400)
        expect(new Set(all).size).toBe(400)
      } finally {
        for (const c of cores) c.close()
      }
    },
  )
})
