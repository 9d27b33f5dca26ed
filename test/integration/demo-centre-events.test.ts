import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { checkAnyEvent } from '../../common/event-catalogue'
import { createCore, type Core } from '../../main/core/create-core'
import { openDataDirDb } from '../../main/db/data-dir'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { createProjector } from '../../main/services/projection/projector'
import { seedDemo, type SeedDemoResult } from '../../scripts/demo-seed/seed-demo'
import { tempDir } from '../helpers/temp-dir'

/**
 * The demo centre seeded with `events: true` carries the event log a real centre's PC holds: every payload fits
 * the event catalogue, nothing waits for the central API, and every application row is exactly what the real
 * projector folds from the log alone. The option adds the log to the same centre: the rows are those seeded
 * without it, but for the two columns a real PC's fold sets differently (a returned document's slot is cleared,
 * a cancelled one last changed when it was cancelled).
 */

const DOCUMENTS = 3000
const SEED = 20261203
// 19:00 in Nairobi: every registration of the last day is in the past.
const NOW = Date.UTC(2026, 11, 3, 16, 0, 0)
// Kept by SMS sending and outcomes, not by application events (as in projection-rebuild.test.ts).
const NOT_FOLDED = ['last_reminder_at', 'sms_outcome', 'sms_outcome_at']

const dirs = { events: tempDir(), again: tempDir(), plain: tempDir() }
let seeded: SeedDemoResult
let core: Core
beforeAll(async () => {
  seeded = await seedDemo({
    dataDir: dirs.events.dir,
    documents: DOCUMENTS,
    seed: SEED,
    now: NOW,
    events: true,
  })
  core = createCore({
    dataDir: dirs.events.dir,
    logger: silentLogger,
    version: 'test',
    clock: manualClock(NOW),
    tickMs: 0,
  })
}, 60_000)
afterAll(() => {
  core?.close()
  for (const d of Object.values(dirs)) d.cleanup()
})

type Row = Record<string, unknown>
const rows = (): Row[] =>
  (core.store.db.prepare('SELECT * FROM applications ORDER BY tracking_number').all() as Row[]).map((r) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !NOT_FOLDED.includes(k))),
  )

it('every seeded application row is what the real projector folds from the event log alone', () => {
  const db = core.store.db
  const before = rows()
  expect(before).toHaveLength(DOCUMENTS)
  expect(new Set(before.map((r) => r.status))).toEqual(
    new Set(['registered', 'arrived', 'collected', 'returned', 'cancelled']),
  )
  const projector = createProjector({ store: core.store, clock: manualClock(NOW), logger: silentLogger })
  let rebuilt: Row[] | undefined
  let issues: number | undefined
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
    // The fold records every event it had to leave out.
    issues = core.store.projection.issueCount()
    db.exec('ROLLBACK TO rebuild')
    db.exec('RELEASE rebuild')
  } finally {
    db.pragma('foreign_keys = ON')
  }
  expect(issues).toBe(0)
  expect(rebuilt).toEqual(before)
})

it('the log holds one registration per application, payloads that fit the catalogue, and nothing unacknowledged', () => {
  const db = core.store.db
  const events = db
    .prepare<[], { seq: number; type: string; tracking_number: string; device_id: string; payload: string }>(
      'SELECT seq, type, tracking_number, device_id, payload FROM events WHERE tracking_number IS NOT NULL',
    )
    .all()
  expect(events.length).toBe(seeded.events)
  const misfits = events
    .map((e) => ({ seq: e.seq, type: e.type, check: checkAnyEvent(e.type, JSON.parse(e.payload)) }))
    .filter((e) => !e.check.ok)
  expect(misfits.slice(0, 3)).toEqual([])
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
  expect(
    count(`SELECT count(*) AS n FROM applications a WHERE (SELECT count(*) FROM events e
             WHERE e.tracking_number = a.tracking_number AND e.type = 'application.registered') <> 1`),
  ).toBe(0)
  expect(
    count(`SELECT count(*) AS n FROM events e WHERE e.tracking_number IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.tracking_number = e.tracking_number)`),
  ).toBe(0)
  // Acknowledged as the retention sweep reads it: no history event waits in the outbox or was dead-lettered.
  expect(
    count(`SELECT count(*) AS n FROM events e WHERE e.tracking_number IS NOT NULL
             AND (e.seq IN (SELECT event_seq FROM outbox) OR e.seq IN (SELECT event_seq FROM dead_letters))`),
  ).toBe(0)
  // Registrations at this PC's own slot (01) carry this PC's device id; the rest came from other PCs.
  const own = core.store.centre.get()!.device_id
  const registrations = events.filter((e) => e.type === 'application.registered')
  const ownSlot = registrations.filter((e) => e.tracking_number.slice(3, 5) === '01')
  expect(ownSlot.length).toBeGreaterThan(0)
  expect(ownSlot.every((e) => e.device_id === own)).toBe(true)
  expect(registrations.filter((e) => e.tracking_number.slice(3, 5) !== '01' && e.device_id === own)).toEqual(
    [],
  )
  // Every SMS row names its event, of its kind and about its document; the reminder column is the last reminder.
  expect(
    count(`SELECT count(*) AS n FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM events e
             WHERE e.id = n.event_id AND e.type = 'notification.' || n.kind AND e.tracking_number = n.tracking_number)`),
  ).toBe(0)
  expect(count('SELECT count(*) AS n FROM notifications')).toBeGreaterThan(0)
  expect(
    count(`SELECT count(*) AS n FROM applications a WHERE a.last_reminder_at IS NOT (SELECT max(occurred_at)
             FROM events e WHERE e.tracking_number = a.tracking_number AND e.type = 'notification.reminder')`),
  ).toBe(0)
})

it(
  'the same seed builds the same log, and the centre is the one seeded without events but for the fold',
  { timeout: 60_000 },
  async () => {
    await seedDemo({ dataDir: dirs.again.dir, documents: DOCUMENTS, seed: SEED, now: NOW, events: true })
    const plain = await seedDemo({ dataDir: dirs.plain.dir, documents: DOCUMENTS, seed: SEED, now: NOW })
    expect(plain.events).toBe(0)
    const read = (dir: string) => {
      const db = openDataDirDb(dir, { readonly: true })
      try {
        const h = createHash('sha256')
        // This PC's device id is made at random at setup, as the app makes it: the log names it as "own".
        for (const e of db
          .prepare(
            `SELECT e.id, e.type, e.occurred_at, e.staff_number,
                    CASE WHEN e.device_id = c.device_id THEN 'own' ELSE e.device_id END AS device, e.tracking_number,
                    e.payload
             FROM events e, centre c WHERE e.tracking_number IS NOT NULL ORDER BY e.seq`,
          )
          .iterate())
          h.update(JSON.stringify(e))
        return {
          log: h.digest('hex'),
          events: (
            db.prepare('SELECT count(*) AS n FROM events WHERE tracking_number IS NOT NULL').get() as {
              n: number
            }
          ).n,
          rows: db.prepare('SELECT * FROM applications ORDER BY tracking_number').all() as Row[],
        }
      } finally {
        db.close()
      }
    }
    const [a, b, c] = [read(dirs.events.dir), read(dirs.again.dir), read(dirs.plain.dir)]
    expect(b.log).toBe(a.log)
    expect(a.events).toBe(seeded.events)
    expect(c.events).toBe(0)
    expect(c.rows.length).toBe(a.rows.length)
    const differences = new Map<string, number>()
    a.rows.forEach((r, i) => {
      const p = c.rows[i]!
      for (const k of Object.keys(r))
        if (r[k] !== p[k]) {
          const what = `${String(r.status)} ${k}`
          differences.set(what, (differences.get(what) ?? 0) + 1)
        }
    })
    const count = (rs: Row[], status: string) => rs.filter((r) => r.status === status).length
    expect(Object.fromEntries(differences)).toEqual({
      'returned shelf_slot': count(a.rows, 'returned'),
      'cancelled updated_at': count(a.rows, 'cancelled'),
    })
    expect(c.rows.filter((r) => r.status === 'returned' && r.shelf_slot === null)).toEqual([])
    expect(a.rows.filter((r) => r.status === 'returned' && r.shelf_slot !== null)).toEqual([])
    expect(
      a.rows.filter(
        (r) => r.status === 'cancelled' && !((r.updated_at as number) > (r.registered_at as number)),
      ),
    ).toEqual([])
  },
)
