/**
 * The demo seeder builds the same centre from the same seed, the app opens it, its manager figures agree with the
 * data, the bulk-loaded rollups equal what the triggers would have kept, and the next registration on this PC does
 * not collide with a seeded tracking number.
 */
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import type { BacklogSummary } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { createCore } from '../../main/core/create-core'
import { assignSlot } from '../../common/shelf-slot'
import { REBUILD_ROLLUPS_SQL } from '../../main/db/migrations/0080-manager'
import { nairobiDate } from '../../common/nairobi-time'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { tempDir } from '../helpers/temp-dir'
import { openDataDirDb } from '../../main/db/data-dir'

const NOW = Date.UTC(2026, 10, 27, 7, 0, 0)
const dirs = [tempDir(), tempDir()]
afterAll(() => dirs.forEach((d) => d.cleanup()))

/** Counts and a hash of every row that matters, so two centres compare in one short line. */
const fingerprint = (dir: string) => {
  const db = openDataDirDb(dir, { readonly: true })
  try {
    const hash = (sql: string) => {
      const h = createHash('sha256')
      for (const row of db.prepare(sql).iterate()) h.update(JSON.stringify(row))
      return h.digest('hex').slice(0, 16)
    }
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      applications: count('SELECT count(*) AS n FROM applications'),
      shelf: count(`SELECT count(*) AS n FROM applications WHERE status = 'arrived'`),
      outcomes: count('SELECT count(*) AS n FROM delivery_outcomes'),
      applicationRows: hash(
        `SELECT tracking_number, service_code, customer_name, phone, status, registered_at, arrived_at, collected_at,
                shelf_slot, sms_outcome FROM applications ORDER BY rowid`,
      ),
      smsRows: hash('SELECT tracking_number, kind, due_at FROM notifications ORDER BY id'),
    }
  } finally {
    db.close()
  }
}

describe('demo seeder', () => {
  it('builds the same centre from the same seed, and the app opens it', { timeout: 120_000 }, async () => {
    const a = await seedDemo({ dataDir: dirs[0]!.dir, documents: 4000, seed: 11, now: NOW })
    await seedDemo({ dataDir: dirs[1]!.dir, documents: 4000, seed: 11, now: NOW })
    expect(a.documents).toBe(4000)
    expect(fingerprint(dirs[0]!.dir)).toEqual(fingerprint(dirs[1]!.dir))
    const f = fingerprint(dirs[0]!.dir)
    expect(f.applications).toBe(4000)
    expect(f.shelf).toBe(a.onShelf)
    expect(f.outcomes).toBeGreaterThan(0)
    await expect(seedDemo({ dataDir: dirs[0]!.dir, documents: 10 })).rejects.toThrow(/already exists/)

    // Every seeded slot is the label the desk would have given on the arrival day: ISO week-year, week, bin.
    const seeded = openDataDirDb(dirs[0]!.dir, { readonly: true })
    try {
      const rows = seeded
        .prepare<[], { service_code: string; arrived_at: number; shelf_slot: string }>(
          'SELECT service_code, arrived_at, shelf_slot FROM applications WHERE shelf_slot IS NOT NULL',
        )
        .all()
      expect(rows.length).toBeGreaterThan(1000)
      const wrong = rows.filter((r) => {
        const want = assignSlot(
          { kind: 'week-service' },
          { arrivedOn: nairobiDate(r.arrived_at), serviceCode: r.service_code, occupancy: {} },
        )
        return !want.ok || want.slot !== r.shelf_slot
      })
      expect(wrong.slice(0, 3)).toEqual([])
      // Five years of week 48 are five shelves, not one.
      expect(
        new Set(
          rows
            .map((r) => r.shelf_slot)
            .filter((s) => /W48-/.test(s))
            .map((s) => s.slice(0, 2)),
        ).size,
      ).toBeGreaterThan(3)
    } finally {
      seeded.close()
    }

    const clock = manualClock(NOW)
    const core = createCore({
      dataDir: dirs[0]!.dir,
      logger: silentLogger,
      version: 'test',
      clock,
      tickMs: 0,
    })
    try {
      const db = core.store.db
      const rollups = () =>
        ['turnaround_day', 'turnaround_month', 'stage_day', 'arrival_cohort'].map((t) =>
          db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all(),
        )
      const loaded = rollups()
      db.exec(REBUILD_ROLLUPS_SQL)
      expect(rollups()).toEqual(loaded)

      const key = 'manager'
      const m = DEMO_STAFF.manager
      expect((await core.dispatch(key, 'auth.signIn', { staffNumber: m.staffNumber, pin: m.pin })).ok).toBe(
        true,
      )
      const s = (await core.dispatch(key, 'backlog.summary', {})) as ApiResult<BacklogSummary>
      if (!s.ok) throw new Error(s.error.message)
      expect(s.value.total).toBe(a.onShelf)
      const smsFromRows = db
        .prepare(
          `SELECT count(*) AS n FROM applications a WHERE status = 'arrived' AND EXISTS
             (SELECT 1 FROM delivery_outcomes d WHERE d.tracking_number = a.tracking_number AND d.outcome = 'failed'
              AND d.at = (SELECT max(at) FROM delivery_outcomes d2 WHERE d2.tracking_number = a.tracking_number))`,
        )
        .get() as { n: number }
      expect(s.value.bySms.find((x) => x.outcome === 'failed')?.count).toBe(smsFromRows.n)

      const c = DEMO_STAFF.clerk
      expect(
        (await core.dispatch('clerk', 'auth.signIn', { staffNumber: c.staffNumber, pin: c.pin })).ok,
      ).toBe(true)
      const r = await core.dispatch('clerk', 'application.register', {
        serviceCode: 'PASSPORT',
        customerName: 'Wanjiku Kamau',
        phone: '0712345678',
        idNumber: '23456789',
        language: 'en',
        smsConsent: true,
      })
      expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    } finally {
      core.close()
    }
  })
})
