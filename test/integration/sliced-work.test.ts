/**
 * Long work in slices (`main/infra/slices.ts`) on a real SQLite file: a campaign send and a return confirmation
 * give the event loop back between their transactions, so other requests are answered in the middle; and what a
 * stop leaves half done between two slices is settled at the next start.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { nextSize, runInSlices } from '../../main/infra/slices'
import { testCore } from '../helpers/core'
import { call, DESK_KEY, MANAGER_KEY, ok, shelfFixture } from '../helpers/shelf-fixture'

const CRITERIA = { minDaysOnShelf: 7, serviceCodes: [], lastReminderOlderThanDays: 14 }

describe('runInSlices', () => {
  it('follows the measured cost so each step lasts about the target, and halves after one that ran long', async () => {
    let t = 0
    const sizes: number[] = []
    // Each item "costs" 0.5 ms until step 6, then 5 ms (a cold cache).
    await runInSlices(
      (size) => {
        sizes.push(size)
        t += size * (sizes.length < 6 ? 0.5 : 5)
        return sizes.length < 9
      },
      { targetMs: 20, firstSize: 4, now: () => t },
    )
    expect(sizes.slice(0, 5)).toEqual([4, 8, 16, 32, 40])
    expect(sizes[6]).toBe(20)
    expect(sizes.at(-1)).toBe(5)
    expect(nextSize(10, 0, 20, 1000)).toBe(20)
    expect(nextSize(10, 100, 20, 1000)).toBe(5)
  })

  it('lets callbacks queued by others run between two steps', async () => {
    const order: string[] = []
    let steps = 0
    await runInSlices(() => {
      order.push(`step ${++steps}`)
      if (steps === 1) setImmediate(() => order.push('other'))
      return steps < 3
    })
    expect(order).toEqual(['step 1', 'other', 'step 2', 'step 3'])
  })
})

describe('sliced work on the core', () => {
  let close: (() => void) | null = null
  afterEach(() => close?.())

  async function shelfOf(n: number) {
    const f = await shelfFixture()
    close = () => f.t.close()
    const tns: string[] = []
    for (let i = 0; i < n; i++)
      tns.push(
        await f.place({
          serviceCode: 'GOOD_CONDUCT',
          customerName: `Customer ${'ABCDEFGHIJ'[i % 10]} ${'KLMNOPQRST'[Math.floor(i / 10) % 10]}`,
          phone: `07110${String(10_000 + i)}`,
          idNumber: String(23_000_000 + i),
          language: 'en',
          smsConsent: true,
          daysOnShelf: 200,
        }),
      )
    return { f, tns }
  }

  it('a desk lookup made while a campaign is being written is answered before the campaign is', async () => {
    const { f, tns } = await shelfOf(40)
    const done: string[] = []
    const send = call(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA).then((r) => {
      done.push('campaign')
      return r
    })
    const find = call(f.t.core, DESK_KEY, 'collection.lookup', { code: tns[7]! }).then((r) => {
      done.push('find')
      return r
    })
    const [sent, found] = await Promise.all([send, find])
    expect(sent.ok && found.ok).toBe(true)
    expect(done).toEqual(['find', 'campaign'])
    if (sent.ok) expect(sent.value.recipients).toBe(40)
    // Every recipient has its message and a reminder row per document, written across the slices.
    const n = (sql: string) => (f.db.prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) AS n FROM campaign_messages')).toBe(40)
    expect(n("SELECT count(*) AS n FROM notifications WHERE kind = 'reminder'")).toBe(40)
  }, 60_000)

  it('a campaign a stop left half written is removed at the next start, and nothing of it was sent', async () => {
    const { f, tns } = await shelfOf(3)
    const dir = f.t.dir
    const store = f.t.core.store
    // What a stop between two slices of `send` leaves: the campaign marked preparing, some of its messages.
    store.tx(() => {
      const id = store.campaigns.insertCampaign(
        {
          dryRun: 0,
          criteria: JSON.stringify(CRITERIA),
          documents: 3,
          recipients: 3,
          segments: 3,
          costCents: 300,
          excludedRecent: 0,
          excludedNoConsent: 0,
          firstDueAt: f.t.clock.now(),
          lastDueAt: f.t.clock.now(),
          createdAt: f.t.clock.now(),
          createdBy: f.manager.staffNumber,
        },
        true,
      )
      for (const tn of tns.slice(0, 2)) {
        const m = store.campaigns.insertMessage({
          campaignId: id,
          phone: '+254711000001',
          language: 'en',
          tns: [tn],
          dueAt: f.t.clock.now() - 1,
        })
        store.campaigns.insertNotification(tn, f.t.clock.now() - 1, m)
      }
    })
    // Until it is settled, the tick sends nothing of it.
    expect(store.campaigns.dueMessages(f.t.clock.now())).toEqual([])
    f.t.core.close()
    const again = testCore(dir)
    close = () => {
      again.close()
      f.t.close()
    }
    await again.core.resumed
    const n = (sql: string) => (again.core.store.db.prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) AS n FROM campaigns')).toBe(0)
    expect(n('SELECT count(*) AS n FROM campaign_messages')).toBe(0)
    expect(n("SELECT count(*) AS n FROM notifications WHERE kind = 'reminder'")).toBe(0)
    expect(n("SELECT count(*) AS n FROM events WHERE type = 'notification.reminder'")).toBe(0)
  })

  it('a return confirmation a stop interrupted is finished at the next start: every document returned once, audited once', async () => {
    const { f, tns } = await shelfOf(5)
    const dir = f.t.dir
    const agency = 'Directorate of Criminal Investigations (DCI)'
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', { agency, trackingNumbers: tns })
    const store = f.t.core.store
    // What a stop after the first transaction leaves: the confirmation begun, no document marked yet.
    store.tx(() => store.returns.startConfirming(m.id, f.t.clock.now(), f.manager.staffNumber))
    const cancel = await call(f.t.core, MANAGER_KEY, 'returns.cancelManifest', { manifestId: m.id })
    expect(cancel.ok).toBe(false)
    f.t.core.close()
    const again = testCore(dir)
    close = () => {
      again.close()
      f.t.close()
    }
    await again.core.resumed
    const db = again.core.store.db
    const manifest = db.prepare('SELECT status, confirmed_by FROM return_manifests WHERE id = ?').get(m.id)
    expect(manifest).toEqual({ status: 'confirmed', confirmed_by: f.manager.staffNumber })
    const statuses = db
      .prepare(`SELECT status FROM applications WHERE tracking_number IN (${tns.map(() => '?').join(',')})`)
      .all(...tns)
    expect(statuses).toEqual(tns.map(() => ({ status: 'returned' })))
    // Each document has its one event, written by the restart that finished the confirmation.
    const returnedEvents = db
      .prepare(
        "SELECT tracking_number FROM events WHERE type = 'application.returned' ORDER BY tracking_number",
      )
      .all() as { tracking_number: string }[]
    expect(returnedEvents.map((e) => e.tracking_number)).toEqual([...tns].sort())
    const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'returns.confirmed'").all() as {
      detail: string
    }[]
    expect(audit).toHaveLength(1)
    expect((JSON.parse(audit[0]!.detail) as { trackingNumbers: string[] }).trackingNumbers).toEqual(
      [...tns].sort(),
    )
  })
})
