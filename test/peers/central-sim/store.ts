import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3-multiple-ciphers'
import type { CentralEvent, NotificationOutcome, SmsOutcome, StoredEvent } from './types'

/**
 * The simulator's own SQLite store (a file, or ':memory:'). Accepted events are keyed by their id, so an event is
 * stored — and its side effects (SMS) applied — exactly once however often it is sent. `seq` is the acceptance
 * order that the centre feed pages through.
 */

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    centre TEXT NOT NULL,
    slot TEXT NOT NULL,
    enrolled_at INTEGER NOT NULL,
    UNIQUE (centre, slot)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS used_codes (
    centre TEXT NOT NULL,
    code TEXT NOT NULL,
    device_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    used_at INTEGER NOT NULL,
    PRIMARY KEY (centre, code)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    slot TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX IF NOT EXISTS tokens_device ON tokens (device_id);
  CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    staff_number TEXT,
    device_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    tracking_number TEXT,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    accepted_at INTEGER NOT NULL,
    centre_seq INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX IF NOT EXISTS events_centre ON events (centre, seq);
  CREATE INDEX IF NOT EXISTS events_tracking ON events (tracking_number, seq) WHERE tracking_number IS NOT NULL;
  CREATE TABLE IF NOT EXISTS sms (
    event_id TEXT PRIMARY KEY REFERENCES events (id),
    centre TEXT NOT NULL,
    tracking_numbers TEXT NOT NULL CHECK (json_valid(tracking_numbers)),
    phone TEXT NOT NULL,
    outcome TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    delivered_seq INTEGER UNIQUE,
    delivered_at INTEGER
  ) STRICT;
  CREATE INDEX IF NOT EXISTS sms_feed ON sms (centre, delivered_seq) WHERE delivered_seq IS NOT NULL;
  CREATE INDEX IF NOT EXISTS sms_pending ON sms (due_at) WHERE delivered_seq IS NULL;
  -- The centre directory: only the winning change of each field (no history, so no old PIN verifiers), with a
  -- sequence that moves whenever a field gets a new winner (the cursor of GET .../directory).
  CREATE TABLE IF NOT EXISTS directory (
    centre TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    id TEXT NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value)),
    at INTEGER NOT NULL,
    by TEXT,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    PRIMARY KEY (centre, kind, key, field)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS directory_feed ON directory (centre, seq);
  -- Changes refused, with why: what a real service would log for its operators (never the value).
  CREATE TABLE IF NOT EXISTS directory_rejections (
    id TEXT NOT NULL,
    centre TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    reason TEXT NOT NULL,
    at INTEGER NOT NULL
  ) STRICT;
`

interface EventRow {
  id: string
  seq: number
  type: string
  occurred_at: number
  staff_number: string | null
  device_id: string
  centre: string
  tracking_number: string | null
  payload: string
}

export interface DirectoryRow {
  centre: string
  kind: string
  key: string
  field: string
  id: string
  value: string
  at: number
  by: string | null
  device_id: string
  seq: number
}

export interface DirectoryChangeIn {
  id: string
  kind: string
  key: string
  field: string
  value: unknown
  at: number
  by: string | null
  deviceId: string
}

interface SmsRow {
  event_id: string
  tracking_numbers: string
  outcome: SmsOutcome
  delivered_seq: number
  delivered_at: number
}

export interface TokenInfo {
  token: string
  deviceId: string
  centreNumber: string
  workstationSlot: string
}

const toStored = (r: EventRow): StoredEvent => ({
  seq: r.seq,
  id: r.id,
  type: r.type,
  occurredAt: r.occurred_at,
  staffNumber: r.staff_number,
  deviceId: r.device_id,
  centreNumber: r.centre,
  trackingNumber: r.tracking_number,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
})

/**
 * `centre_seq` numbers each centre's events 1, 2, 3… in acceptance order, so the feed can say how many remain
 * without counting them. A store file from before the column gets it filled in once.
 */
function addCentreSeq(db: Database.Database): void {
  const cols = db.pragma('table_info(events)') as { name: string }[]
  if (!cols.some((c) => c.name === 'centre_seq')) {
    db.exec('ALTER TABLE events ADD COLUMN centre_seq INTEGER NOT NULL DEFAULT 0')
    db.exec(`UPDATE events SET centre_seq = r.n FROM (
        SELECT id, row_number() OVER (PARTITION BY centre ORDER BY seq) AS n FROM events) AS r
      WHERE events.id = r.id`)
  }
  db.exec('CREATE INDEX IF NOT EXISTS events_centre_seq ON events (centre, centre_seq)')
}

export function openSimStore(file: string) {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  addCentreSeq(db)

  const q = {
    deviceCentre: db.prepare<[string], { centre: string }>('SELECT centre FROM devices WHERE device_id = ?'),
    deviceBySlot: db.prepare<[string, string], { device_id: string }>(
      'SELECT device_id FROM devices WHERE centre = ? AND slot = ?',
    ),
    upsertDevice: db.prepare<[string, string, string, number]>(
      `INSERT INTO devices (device_id, centre, slot, enrolled_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET centre = excluded.centre, slot = excluded.slot,
         enrolled_at = excluded.enrolled_at`,
    ),
    usedCode: db.prepare<[string, string], { device_id: string; slot: string }>(
      'SELECT device_id, slot FROM used_codes WHERE centre = ? AND code = ?',
    ),
    useCode: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO used_codes (centre, code, device_id, slot, used_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertToken: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO tokens (token, device_id, centre, slot, issued_at) VALUES (?, ?, ?, ?, ?)',
    ),
    liveToken: db.prepare<[string, string, string], { token: string }>(
      `SELECT token FROM tokens WHERE device_id = ? AND centre = ? AND slot = ? AND revoked = 0
       ORDER BY issued_at DESC LIMIT 1`,
    ),
    token: db.prepare<[string], { device_id: string; centre: string; slot: string }>(
      'SELECT device_id, centre, slot FROM tokens WHERE token = ? AND revoked = 0',
    ),
    revoke: db.prepare<[string]>('UPDATE tokens SET revoked = 1 WHERE device_id = ? AND revoked = 0'),
    vacateSlot: db.prepare<[string, string, string]>(
      'DELETE FROM devices WHERE centre = ? AND slot = ? AND device_id <> ?',
    ),
    eventExists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM events WHERE id = ?'),
    insertEvent: db.prepare(
      `INSERT INTO events (id, seq, type, occurred_at, staff_number, device_id, centre, tracking_number, payload,
         accepted_at, centre_seq)
       VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM events), @type, @occurredAt, @staffNumber, @deviceId,
         @centreNumber, @trackingNumber, @payload, @acceptedAt,
         (SELECT coalesce(max(centre_seq), 0) + 1 FROM events WHERE centre = @centreNumber))
       ON CONFLICT (id) DO NOTHING`,
    ),
    lastCentreSeq: db.prepare<[string], { n: number | null }>(
      'SELECT max(centre_seq) AS n FROM events WHERE centre = ?',
    ),
    centreSeqOf: db.prepare<[number], { n: number }>('SELECT centre_seq AS n FROM events WHERE seq = ?'),
    feed: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE centre = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    byTracking: db.prepare<[string], EventRow>('SELECT * FROM events WHERE tracking_number = ? ORDER BY seq'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events'),
    countCentre: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM events WHERE centre = ?'),
    ids: db.prepare<[], { id: string }>('SELECT id FROM events ORDER BY seq'),
    insertSms: db.prepare<[string, string, string, string, SmsOutcome, number]>(
      `INSERT INTO sms (event_id, centre, tracking_numbers, phone, outcome, due_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    pendingSms: db.prepare<[number], { event_id: string }>(
      'SELECT event_id FROM sms WHERE delivered_seq IS NULL AND due_at <= ? ORDER BY rowid',
    ),
    nextPendingDue: db.prepare<[], { due: number | null }>(
      'SELECT min(due_at) AS due FROM sms WHERE delivered_seq IS NULL',
    ),
    deliverSms: db.prepare<[number, string]>(
      `UPDATE sms SET delivered_seq = (SELECT coalesce(max(delivered_seq), 0) + 1 FROM sms), delivered_at = ?
       WHERE event_id = ? AND delivered_seq IS NULL`,
    ),
    dirField: db.prepare<[string, string, string, string], DirectoryRow>(
      'SELECT * FROM directory WHERE centre = ? AND kind = ? AND key = ? AND field = ?',
    ),
    dirPut: db.prepare(
      `INSERT INTO directory (centre, kind, key, field, id, value, at, by, device_id, seq)
       VALUES (@centre, @kind, @key, @field, @id, @value, @at, @by, @deviceId,
         (SELECT coalesce(max(seq), 0) + 1 FROM directory))
       ON CONFLICT (centre, kind, key, field) DO UPDATE SET id = excluded.id, value = excluded.value,
         at = excluded.at, by = excluded.by, device_id = excluded.device_id, seq = excluded.seq`,
    ),
    dirFeed: db.prepare<[string, number, number], DirectoryRow>(
      'SELECT * FROM directory WHERE centre = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    dirAll: db.prepare<[string], DirectoryRow>('SELECT * FROM directory WHERE centre = ? ORDER BY seq'),
    dirReject: db.prepare(
      `INSERT INTO directory_rejections (id, centre, kind, field, reason, at)
       VALUES (@id, @centre, @kind, @field, @reason, @at)`,
    ),
    dirRejections: db.prepare<
      [],
      { id: string; centre: string; kind: string; field: string; reason: string }
    >('SELECT id, centre, kind, field, reason FROM directory_rejections ORDER BY rowid'),
    smsFeed: db.prepare<[string, number, number], SmsRow>(
      `SELECT event_id, tracking_numbers, outcome, delivered_seq, delivered_at FROM sms
       WHERE centre = ? AND delivered_seq > ? ORDER BY delivered_seq LIMIT ?`,
    ),
  }

  return {
    db,
    tx: <T>(fn: () => T): T => db.transaction(fn)(),

    /** The centre a device is enrolled at, or null for a device never enrolled. */
    deviceCentre: (deviceId: string): string | null => q.deviceCentre.get(deviceId)?.centre ?? null,
    deviceInSlot: (centre: string, slot: string): string | null =>
      q.deviceBySlot.get(centre, slot)?.device_id ?? null,
    codeUse: (centre: string, code: string) => q.usedCode.get(centre, code) ?? null,
    useCode: (centre: string, code: string, deviceId: string, slot: string, now: number) =>
      q.useCode.run(centre, code, deviceId, slot, now),
    hasLiveToken: (deviceId: string, centre: string, slot: string): boolean =>
      q.liveToken.get(deviceId, centre, slot) !== undefined,
    /**
     * Puts the device in the slot (moving it from any earlier one, and taking the slot from any other device: callers
     * check first). Returns its live token for that slot, or — with `fresh`, or when it has none — a new token, which
     * revokes the device's earlier ones.
     */
    enrolDevice(centre: string, deviceId: string, slot: string, now: number, fresh = false): string {
      q.vacateSlot.run(centre, slot, deviceId)
      q.upsertDevice.run(deviceId, centre, slot, now)
      const existing = fresh ? undefined : q.liveToken.get(deviceId, centre, slot)
      if (existing) return existing.token
      q.revoke.run(deviceId)
      const token = randomBytes(32).toString('base64url')
      q.insertToken.run(token, deviceId, centre, slot, now)
      return token
    },
    tokenInfo(token: string): TokenInfo | null {
      const r = q.token.get(token)
      return r ? { token, deviceId: r.device_id, centreNumber: r.centre, workstationSlot: r.slot } : null
    },
    revokeDevice: (deviceId: string): number => q.revoke.run(deviceId).changes,

    eventExists: (id: string): boolean => q.eventExists.get(id) !== undefined,
    /** Stores the event unless its id is known; true when it was stored now. */
    insertEvent(e: CentralEvent, now: number): boolean {
      const info = q.insertEvent.run({ ...e, payload: JSON.stringify(e.payload), acceptedAt: now })
      return info.changes === 1
    },
    feed: (centre: string, afterSeq: number, limit: number): StoredEvent[] =>
      q.feed.all(centre, afterSeq, limit).map(toStored),
    /**
     * How many of the centre's events come after `afterSeq` (a seq of that centre, or 0): two index look-ups, not
     * a count, so a page of a million-event feed costs the same at its start as at its end.
     */
    remainingAfter(centre: string, afterSeq: number): number {
      const last = q.lastCentreSeq.get(centre)?.n ?? 0
      const at = afterSeq === 0 ? 0 : (q.centreSeqOf.get(afterSeq)?.n ?? 0)
      return Math.max(0, last - at)
    },
    eventsForTracking: (tn: string): StoredEvent[] => q.byTracking.all(tn).map(toStored),
    eventCount: (centre?: string): number =>
      (centre === undefined ? q.count.get() : q.countCentre.get(centre))?.n ?? 0,
    eventIds: (): string[] => q.ids.all().map((r) => r.id),

    addSms: (
      eventId: string,
      centre: string,
      tns: string[],
      phone: string,
      outcome: SmsOutcome,
      dueAt: number,
    ) => q.insertSms.run(eventId, centre, JSON.stringify(tns), phone, outcome, dueAt),
    /** Delivers every pending SMS due by `until` (all of them for Infinity); returns how many. */
    deliverDue(until: number, now: number): number {
      return db.transaction(() => {
        const due = q.pendingSms.all(Number.isFinite(until) ? until : Number.MAX_SAFE_INTEGER)
        for (const r of due) q.deliverSms.run(now, r.event_id)
        return due.length
      })()
    },
    nextSmsDue: (): number | null => q.nextPendingDue.get()?.due ?? null,
    outcomes(centre: string, afterSeq: number, limit: number): Array<NotificationOutcome & { seq: number }> {
      return q.smsFeed.all(centre, afterSeq, limit).map((r) => ({
        seq: r.delivered_seq,
        eventId: r.event_id,
        trackingNumbers: JSON.parse(r.tracking_numbers) as string[],
        outcome: r.outcome,
        at: r.delivered_at,
      }))
    },
    /** The field's winning change at the centre, or null. */
    directoryField: (centre: string, kind: string, key: string, field: string): DirectoryRow | null =>
      q.dirField.get(centre, kind, key, field) ?? null,
    /** Makes `c` the field's winner and moves it to the end of the feed. */
    putDirectory: (centre: string, c: DirectoryChangeIn): void => {
      q.dirPut.run({ centre, ...c, value: JSON.stringify(c.value) })
    },
    directoryFeed: (centre: string, afterSeq: number, limit: number): DirectoryRow[] =>
      q.dirFeed.all(centre, afterSeq, limit),
    directoryAll: (centre: string): DirectoryRow[] => q.dirAll.all(centre),
    rejectDirectory: (r: {
      id: string
      centre: string
      kind: string
      field: string
      reason: string
      at: number
    }) => q.dirReject.run(r),
    directoryRejections: () => q.dirRejections.all(),
    close: () => db.close(),
  }
}
export type SimStore = ReturnType<typeof openSimStore>
