/**
 * No raw ID number, phone number or customer name in the audit log or the app's log: a real core logging through
 * the app's console logger, on a real SQLite file, runs a shift with a canary customer (registered, arrived,
 * moved with the phone in the reason, looked up by ID number, handed to a proxy with a canary ID), a serial
 * scanner (a real pty) reads the canary ID twice and a noisy line with the phone, and the audit writer and the
 * logger are given the canary under the keys a data-subject request or a central refusal would use. The canary
 * must be in `applications` (it went in) and nowhere in `audit_log` or the log lines.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { consoleLogger } from '../../main/infra/logger'
import { setUpCentre, signedIn } from '../helpers/core'
import { startPtyPair } from '../helpers/serial-pty'
import { tempDir } from '../helpers/temp-dir'
import { ADMIN_KEY, CLERK_KEY, DESK_KEY, MANAGER_KEY, NOW, ok } from '../helpers/shelf-fixture'

const NAME = 'Kanarie Wambuiqa'
const PHONE = '0712 987 654'
const E164 = '+254712987654'
const ID = '31415926'
const PROXY = { name: 'Baraka Kanarison', idNumber: '27182818' }
/** What must not appear anywhere: the digits every form of the phone shares, the ID numbers, the name parts. */
const CANARIES = ['712987654', ID, PROXY.idNumber, 'Kanarie', 'Wambuiqa', 'Kanarison']
const WAIT = { timeout: 5000, interval: 20 }

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.restoreAllMocks()
})

describe('personal data in audit rows and logs', () => {
  it('a canary ID number, phone and name reach neither audit_log nor the log output, only their masks', async () => {
    const lines: string[] = []
    for (const level of ['log', 'warn', 'error'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')))
    const tmp = tempDir()
    cleanups.push(() => tmp.cleanup())
    const clock = manualClock(NOW)
    const logger = consoleLogger('core')
    const core: Core = createCore({ dataDir: tmp.dir, logger, version: 'test', clock, tickMs: 0 })
    cleanups.push(() => core.close())
    await setUpCentre(core, ADMIN_KEY)
    await signedIn(core, ADMIN_KEY, CLERK_KEY, 'clerk')
    await signedIn(core, ADMIN_KEY, DESK_KEY, 'desk')
    await signedIn(core, ADMIN_KEY, MANAGER_KEY, 'manager')

    const reg = await ok(core, CLERK_KEY, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: NAME,
      phone: PHONE,
      idNumber: ID,
      language: 'en',
      smsConsent: true,
    })
    const tn = reg.application.trackingNumber
    const batch = await ok(core, DESK_KEY, 'arrivals.openBatch', { agency: 'Mixed agencies' })
    await ok(core, DESK_KEY, 'arrivals.scan', { batchId: batch.id, code: tn })
    await ok(core, DESK_KEY, 'shelf.move', {
      trackingNumber: tn,
      slot: 'B2',
      reason: `Customer on ${PHONE} asked`,
    })
    await ok(core, CLERK_KEY, 'application.get', { trackingNumber: tn })
    const found = await ok(core, DESK_KEY, 'collection.lookup', { code: ID })
    expect(found.ready.map((c) => c.trackingNumber)).toEqual([tn])

    // A serial scanner on a real pty: the canary ID read twice (the repeat is logged) and a noisy line.
    const pair = await startPtyPair(tmp.dir)
    cleanups.push(() => pair.stop())
    await ok(core, ADMIN_KEY, 'scanner.configure', { enabled: true, path: pair.scannerPath })
    await vi.waitFor(async () => {
      const info = await ok(core, ADMIN_KEY, 'scanner.get', {})
      expect(info.status?.state).toBe('connected')
    }, WAIT)
    await pair.write(`${ID}\r`)
    await pair.write(`${ID}\r`)
    await pair.write(`${E164}\u0007${ID}\r`)
    await vi.waitFor(() => {
      expect(lines.some((l) => l.includes('scanner: repeat read ignored'))).toBe(true)
      expect(lines.some((l) => l.includes('scanner: scan refused'))).toBe(true)
    }, WAIT)

    await ok(core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [tn],
      collector: { kind: 'proxy', ...PROXY, relationship: 'brother', authorisationRef: 'LTR-1' },
    })
    // What a data-subject request, an export or a central refusal would write and log about the customer.
    core.store.audit.write({
      at: clock.now(),
      staffNumber: 'MGR001',
      action: 'subject.found',
      detail: { idNumber: ID, phone: E164, customerName: NAME, collector: { kind: 'proxy', ...PROXY } },
    })
    logger.warn(`the central API refused the SMS to ${E164}`, {
      reason: `phone ${E164.slice(1)} is not reachable`,
      idNumber: ID,
      collector: { kind: 'proxy', ...PROXY },
    })

    await ok(core, ADMIN_KEY, 'scanner.configure', { enabled: false, path: '' })

    const db = core.store.db
    const audit = db
      .prepare<[], { t: string }>(
        "SELECT group_concat(id || ' ' || at || ' ' || ifnull(staff_number, '') || ' ' || action || ' ' || detail || ' ' || hash, char(10)) AS t FROM audit_log",
      )
      .get()!.t
    const log = lines.join('\n')
    // The canary went in: the application holds it, the audit and the log were written about it.
    expect(db.prepare('SELECT id_number FROM applications WHERE tracking_number = ?').pluck().get(tn)).toBe(
      ID,
    )
    expect(audit).toContain('collection.lookedUp')
    for (const c of CANARIES) {
      expect(audit, `audit_log holds ${c}`).not.toContain(c)
      expect(log, `the log holds ${c}`).not.toContain(c)
    }
    // Masked where the canary was: ID's last 3, the phone as on the receipt, initials.
    expect(audit).toContain('•••••926')
    expect(audit).toContain('07•• ••• 654')
    expect(audit).toContain('"customerName":"K. W."')
    expect(log).toContain('•••••926')
    expect(log).toContain('07•• ••• 654')
    expect(log).toContain('"name":"B. K."')
    expect(fs.existsSync(path.join(tmp.dir, 'tms.sqlite'))).toBe(true)
  }, 60_000)
})
