/**
 * The short variant of `npm run soak` (docs/RELIABILITY.md), in every `npm test`: 20 SIGKILLs of a workstation under
 * mixed load while its outbox drains to a simulator failing 20% of requests, and 10,000 events through the drain at
 * ≥ 20% faults (stalls longer than the client's timeout among them) with a replay a week later. The long variant runs 300 kills and 1,000,000 events.
 */
import { describe, expect, it } from 'vitest'
import { runFaultDrain } from '../../scripts/soak/fault-drain'
import { runPrinterCycles } from '../../scripts/soak/printer-cycles'
import { runScannerCycles } from '../../scripts/soak/scanner-cycles'
import { runSoak } from '../../scripts/soak/soak'

describe('soak (short variant)', () => {
  it('20 kill -9 under registrations, arrivals, hand-overs, campaigns and a drain: nothing acknowledged lost, every event at the API once, in order', async () => {
    const r = await runSoak({ kills: 20, faultRate: 0.2, seed: 11, runMs: [200, 1500] })
    expect(r.lost).toEqual([])
    expect(r.integrityProblems).toEqual([])
    expect(r.duplicateNumbers).toBe(0)
    expect(r.acknowledged.registered).toBeGreaterThan(100)
    expect(r.acknowledged.arrived).toBeGreaterThan(10)
    expect(r.acknowledged.handedOver).toBeGreaterThan(5)
    expect(r.acknowledged.campaigns).toBeGreaterThan(0)
    expect({ missing: r.missingAtApi, duplicates: r.duplicatesAtApi, outOfOrder: r.outOfOrder }).toEqual({
      missing: 0,
      duplicates: 0,
      outOfOrder: 0,
    })
    expect(r.eventsAtApi).toBe(r.events)
  }, 240_000)

  it('10,000 events at ≥ 20% faults, timeouts longer than the client’s among them: each stored once, per application in order; a replay a week later is recognised', async () => {
    const r = await runFaultDrain({ events: 10_000, faultRate: 0.25, seed: 11, batchSize: 25 })
    expect(r.failedRequests / r.requests).toBeGreaterThanOrEqual(0.2)
    // Among them, stalls the client stopped waiting for while the API went on to store the batch.
    expect(r.timedOut).toBeGreaterThan(0)
    expect({ missing: r.missing, duplicates: r.duplicates, outOfOrder: r.outOfOrder }).toEqual({
      missing: 0,
      duplicates: 0,
      outOfOrder: 0,
    })
    expect(r.replayRecognised).toBe(true)
  }, 120_000)
})

describe('scanner unplug and re-plug (short variant)', () => {
  it('5 cycles mid-batch on a real pty: every scan before each unplug and after each re-plug arrives, once', async () => {
    const r = await runScannerCycles({ cycles: 5 })
    expect({ lost: r.lost, duplicated: r.duplicated, received: r.scansReceived }).toEqual({
      lost: 0,
      duplicated: 0,
      received: 10,
    })
  }, 120_000)
})

describe('printer faults (short variant)', () => {
  it('offline, paper out, cover open, stall and drop, 3 cycles each: saving never waits, every customer gets one receipt, never two originals', async () => {
    const r = await runPrinterCycles({ cycles: 3 })
    expect(r).toMatchObject({ registered: 15, withoutReceipt: 0, twoOriginals: 0, waitedForPrinter: 0 })
  }, 120_000)
})
