import type { Database } from 'better-sqlite3-multiple-ciphers'
import { openKeyed } from '../../main/db/cipher'
import { KEY_FILE, readKey } from '../../main/db/key-file'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { isoWeek, serviceBin, weekSlotLabel } from '../../common/shelf-slot'
import { derivePermutationKey, mintTrackingNumber } from '../../common/tracking-number'
import { createCore } from '../../main/core/create-core'
import { REBUILD_ROLLUPS_SQL } from '../../main/db/migrations/0080-manager'
import { REBUILD_AGENCY_ROLLUPS_SQL } from '../../main/db/migrations/0220-agency-turnaround'
import { BACKFILL_NAME_KEYS_SQL } from '../../main/db/migrations/0140-name-search'
import { DB_FILE } from '../../main/db/open'
import { auditQueries } from '../../main/db/queries/audit'
import { registerSqlFunctions } from '../../main/db/sql-functions'
import { createKenyaCalendar } from '../../main/services/calendar/kenya-holidays'
import { addWorkingDays } from '../../main/services/calendar/working-days'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'
import { silentLogger } from '../../main/infra/logger'
import { historyEventWriter, type HistoryEventWriter, type SeededApplication } from './history-events'
import { FIRST_NAMES, LAST_NAMES, SERVICE_MIX, SMS_OUTCOME_ODDS } from './population'
import { exponential, logNormal, seededRandom } from './prng'

/**
 * Bump when the generated data changes, so cached benchmark databases are rebuilt (4: the file is encrypted; 5: the
 * agency lateness rollups of migration 0220).
 */
export const SEEDER_VERSION = 5

export const DEMO_STAFF = {
  admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619', role: 'admin' },
  manager: { staffNumber: 'MGR001', name: 'Joseph Mutua', pin: '391746', role: 'manager' },
  desk: { staffNumber: 'DSK001', name: 'Faith Chebet', pin: '6152', role: 'desk' },
  clerk: { staffNumber: 'CLK001', name: 'Brian Otieno', pin: '2739', role: 'clerk' },
} as const

export interface SeedDemoOptions {
  dataDir: string
  documents: number
  /** PRNG seed: the same seed and `now` build the same centre. */
  seed?: number
  /** The centre's "today" (epoch ms); five years of history end here. Default: the current time. */
  now?: number
  /** Years of history. Default 5. */
  years?: number
  /**
   * Also write every application's events as a real centre's PC holds them, all acknowledged by the central API
   * (`history-events.ts`), so each row is the fold of its events and retention can erase the history. Default
   * false: the benchmark centres stay as they are, and their load stays fast.
   */
  events?: boolean
  log?: (line: string) => void
}

export interface SeedDemoResult {
  dataDir: string
  documents: number
  onShelf: number
  atAgency: number
  staff: typeof DEMO_STAFF
  /** Events written for the history (0 unless `events`). */
  events: number
  ms: number
}

const DAY = 86_400_000
const HOUR = 3_600_000
const NAIROBI = 3 * HOUR
const BATCH = 25_000
const SEED_TABLES = ['applications', 'notifications', 'delivery_outcomes']

/**
 * Builds a synthetic centre in `dataDir`: the real app sets it up (centre, catalogue, staff), then years of
 * documents go in with prepared statements in large transactions, with the indexes and triggers of the three bulk
 * tables set aside during the load and put back after (building an index once is far faster than keeping it up to
 * date row by row). The manager rollups are then rebuilt in one pass. By default no `events` rows are written for
 * the history: it stands for what this centre already synced long ago, and the app's new work writes events as
 * usual. With `events` the history's events are written too, and each row is what they fold into.
 */
export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now()
  const log = opts.log ?? (() => undefined)
  const now = opts.now ?? Date.now()
  const rand = seededRandom(opts.seed ?? 42)
  mkdirSync(opts.dataDir, { recursive: true })
  const file = path.join(opts.dataDir, DB_FILE)
  if (existsSync(file)) throw new Error(`${file} already exists: seed into an empty data directory`)

  await setUpWithTheApp(opts.dataDir, now)

  // The app made the file encrypted, with its key file beside it (main/db/key-file.ts): the seeder writes through it.
  const db = openKeyed(file, readKey(path.join(opts.dataDir, KEY_FILE)))
  registerSqlFunctions(db)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = OFF')
    db.pragma('foreign_keys = OFF')
    db.pragma('cache_size = -400000')
    db.pragma('temp_store = MEMORY')
    const setAside = setAsideIndexesAndTriggers(db)
    const counts = generate(
      db,
      rand,
      now,
      opts.documents,
      opts.years ?? 5,
      log,
      opts.events ? (opts.seed ?? 42) : null,
    )
    log('building indexes…')
    for (const sql of setAside.indexes) db.exec(sql)
    for (const sql of setAside.triggers) db.exec(sql)
    log('building manager rollups…')
    db.exec(`BEGIN; ${REBUILD_ROLLUPS_SQL} ${REBUILD_AGENCY_ROLLUPS_SQL} COMMIT;`)
    log('building name search keys…')
    db.exec(`BEGIN; ${BACKFILL_NAME_KEYS_SQL} COMMIT;`)
    db.prepare('UPDATE centre SET next_counter = ?').run(counts.thisPcCounter)
    // Through the audit writer: the row joins the hash chain (migration 0180).
    auditQueries(db).write({
      at: now,
      staffNumber: null,
      action: 'demo.seeded',
      detail: {
        documents: opts.documents,
        seed: opts.seed ?? 42,
        version: SEEDER_VERSION,
        ...(opts.events ? { events: true } : {}),
      },
    })
    db.pragma('wal_checkpoint(TRUNCATE)')
    return {
      dataDir: opts.dataDir,
      documents: opts.documents,
      onShelf: counts.onShelf,
      atAgency: counts.atAgency,
      staff: DEMO_STAFF,
      events: counts.events,
      ms: Date.now() - started,
    }
  } finally {
    db.close()
  }
}

/** First-run setup and staff through the app's own API, so the data dir is exactly what the app would make. */
async function setUpWithTheApp(dataDir: string, now: number): Promise<void> {
  const core = createCore({
    dataDir,
    logger: silentLogger,
    version: 'seed',
    clock: { now: () => now },
    tickMs: 0,
  })
  try {
    const { admin } = DEMO_STAFF
    const setup = await core.dispatch('seed', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO (demo)',
      workstationSlot: '01',
      admin: { staffNumber: admin.staffNumber, name: admin.name, pin: admin.pin },
    })
    if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`)
    for (const s of [DEMO_STAFF.manager, DEMO_STAFF.desk, DEMO_STAFF.clerk]) {
      const r = await core.dispatch('seed', 'staff.create', { ...s })
      if (!r.ok) throw new Error(`adding ${s.staffNumber} failed: ${r.error.message}`)
    }
  } finally {
    core.close()
  }
}

function setAsideIndexesAndTriggers(db: Database): { indexes: string[]; triggers: string[] } {
  const marks = SEED_TABLES.map(() => '?').join(', ')
  const rows = db
    .prepare<string[], { type: string; name: string; sql: string }>(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
       AND tbl_name IN (${marks})`,
    )
    .all(...SEED_TABLES)
  for (const r of rows) db.exec(`DROP ${r.type.toUpperCase()} ${r.name}`)
  return {
    indexes: rows.filter((r) => r.type === 'index').map((r) => r.sql),
    triggers: rows.filter((r) => r.type === 'trigger').map((r) => r.sql),
  }
}

const columnsOf = (db: Database, table: string): Set<string> =>
  new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((c) => c.name),
  )

function generate(
  db: Database,
  rand: () => number,
  now: number,
  total: number,
  years: number,
  log: (l: string) => void,
  /** The seed, when the history's events are written too; null for rows only. */
  eventsSeed: number | null,
) {
  const appCols = columnsOf(db, 'applications')
  const notCols = columnsOf(db, 'notifications')
  // The key is made at random at setup; a synthetic centre takes one from its seed so its numbers repeat too.
  const key = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('')
  db.prepare('UPDATE centre SET permutation_key = ?').run(key)
  const roundKeys = derivePermutationKey(key)
  const cols = [
    'tracking_number',
    'service_code',
    'customer_name',
    'phone',
    'id_number',
    'agency_ref',
    'language',
    'sms_consent',
    'status',
    'registered_at',
    'registered_by',
    'expected_ready',
    'arrived_at',
    'arrived_by',
    'collected_at',
    'collected_by',
    'collector',
    'shelf_slot',
    'updated_at',
    'sms_outcome',
    'sms_outcome_at',
    ...(appCols.has('returned_at') ? ['returned_at'] : []),
    ...(appCols.has('last_reminder_at') ? ['last_reminder_at'] : []),
  ]
  const insertApp = db.prepare(
    `INSERT INTO applications (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  )
  const withEventId = notCols.has('event_id')
  const insertNote = db.prepare(
    `INSERT INTO notifications (tracking_number, kind, due_at, status, sent_at${withEventId ? ', event_id' : ''})
     VALUES (?, ?, ?, 'sent', ?${withEventId ? ', ?' : ''})`,
  )
  const insertOutcome = db.prepare(
    'INSERT INTO delivery_outcomes (event_id, tracking_number, outcome, at) VALUES (?, ?, ?, ?)',
  )

  const catalogue = new Map(DEFAULT_CATALOGUE.map((s) => [s.code, s]))
  const mixTotal = SERVICE_MIX.reduce((s, m) => s + m.weight, 0)
  const pickService = () => {
    let r = rand() * mixTotal
    for (const m of SERVICE_MIX) if ((r -= m.weight) < 0) return m
    return SERVICE_MIX[0]!
  }
  const calendar = createKenyaCalendar()
  const expectedCache = new Map<string, string>()
  const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
  const expectedReady = (regDay: number, code: string): string => {
    const k = `${regDay}|${code}`
    let v = expectedCache.get(k)
    if (v === undefined) {
      v = addWorkingDays(dateOf(regDay), catalogue.get(code)!.turnaroundDays, calendar)
      expectedCache.set(k, v)
    }
    return v
  }
  const weekCache = new Map<number, { year: number; week: number }>()
  /** The arrival-week slot, as the desk's assignSlot gives it (ISO week-year and week, service bin). */
  const weekSlot = (day: number, serviceCode: string): string => {
    let w = weekCache.get(day)
    if (w === undefined) {
      w = isoWeek(dateOf(day))
      weekCache.set(day, w)
    }
    return weekSlotLabel(w.year, w.week, serviceBin(serviceCode))
  }

  // Registrations per day: none on Sundays, a half day on Saturdays, and a centre that grows by half over the years.
  const today = Math.floor((now + NAIROBI) / DAY)
  const firstDay = today - Math.round(years * 365.25)
  const weights: number[] = []
  for (let d = firstDay; d <= today; d++) {
    const dow = (d + 4) % 7
    const growth = 0.8 + (0.4 * (d - firstDay)) / (today - firstDay)
    weights.push(dow === 0 ? 0 : dow === 6 ? 0.4 * growth : growth)
  }
  const weightSum = weights.reduce((a, b) => a + b, 0)

  const pcs = Math.max(4, Math.ceil(total / 800_000) + 1)
  const counters = new Array<number>(pcs).fill(0)
  let eventSeq = 0
  const eventId = (): string => {
    eventSeq++
    const hex = eventSeq.toString(16).padStart(12, '0')
    return `0190a000-0000-7000-8000-${hex}`
  }
  const smsOutcome = (): 'delivered' | 'failed' | 'invalid-number' | null => {
    const r = rand()
    if (r < SMS_OUTCOME_ODDS.delivered) return 'delivered'
    if (r < SMS_OUTCOME_ODDS.delivered + SMS_OUTCOME_ODDS.failed) return 'failed'
    if (r < SMS_OUTCOME_ODDS.delivered + SMS_OUTCOME_ODDS.failed + SMS_OUTCOME_ODDS.invalid)
      return 'invalid-number'
    return null
  }
  const history = eventsSeed === null ? null : historyWriterFor(db, pcs + 1)
  // Details only the events carry come from a PRNG of their own, so the rows' draws stay those of a centre
  // seeded without events.
  const eventRand = seededRandom((eventsSeed ?? 0) ^ 0x5eed_e7e5)

  let made = 0
  let onShelf = 0
  let atAgency = 0
  let carry = 0
  const row: unknown[] = new Array<unknown>(cols.length)
  const colIndex = new Map(cols.map((c, i) => [c, i]))
  const set = (name: string, v: unknown) => {
    const i = colIndex.get(name)
    if (i !== undefined) row[i] = v
  }
  const got = (name: string): unknown => row[colIndex.get(name)!]
  let inTx = false
  const begin = () => {
    db.exec('BEGIN')
    inTx = true
  }
  begin()
  for (let i = 0, d = firstDay; d <= today && made < total; i++, d++) {
    carry += (weights[i]! / weightSum) * total
    let n = Math.floor(carry)
    carry -= n
    if (d === today) n = total - made
    n = Math.min(n, total - made)
    if (n <= 0) continue
    const dayStart = d * DAY - NAIROBI
    const times: number[] = []
    for (let k = 0; k < n; k++) times.push(dayStart + 8 * HOUR + Math.floor(rand() * 9 * HOUR))
    times.sort((a, b) => a - b)
    for (const registeredAt of times) {
      const pc = made % pcs
      const counter = counters[pc]!++
      const tn = mintTrackingNumber({
        centreNumber: '042',
        workstationSlot: String(pc + 1).padStart(2, '0'),
        counter,
        key: roundKeys,
      })
      const mix = pickService()
      const svc = catalogue.get(mix.code)!
      const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!
      const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!
      const consent = rand() < 0.95
      row.fill(null)
      set('tracking_number', tn)
      set('service_code', mix.code)
      set('customer_name', `${first} ${last}`)
      set('phone', `+2547${String(Math.floor(rand() * 100_000_000)).padStart(8, '0')}`)
      set('id_number', svc.idRequired ? String(10_000_000 + Math.floor(rand() * 30_000_000)) : null)
      set('agency_ref', mix.code === 'ID_NEW' ? String(100_000_000 + Math.floor(rand() * 800_000_000)) : null)
      set('language', rand() < 0.7 ? 'en' : 'sw')
      set('sms_consent', consent ? 1 : 0)
      set('registered_at', registeredAt)
      set('registered_by', 'CLK001')
      set('expected_ready', expectedReady(d, mix.code))
      set('updated_at', registeredAt)
      const doc: SeededApplication | null = history && {
        trackingNumber: tn,
        workstation: pc + 1,
        serviceCode: mix.code,
        agency: svc.agency,
        retentionDays: svc.retentionDays,
        customerName: got('customer_name') as string,
        phone: got('phone') as string,
        idNumber: got('id_number') as string | null,
        agencyRef: got('agency_ref') as string | null,
        language: got('language') as 'en' | 'sw',
        smsConsent: consent,
        expectedReady: got('expected_ready') as string,
        registeredAt,
        arrivedAt: null,
        slot: null,
        messages: [],
        collectedAt: null,
        returnedAt: null,
        cancelledAt: null,
      }

      let delay = logNormal(rand, mix.medianDays, 0.35)
      if (rand() < mix.lateChance) delay += 14 + rand() * 56
      let arrivalDay = d + Math.max(0, Math.round(delay))
      if ((arrivalDay + 4) % 7 === 0) arrivalDay++
      const arrivedAt = arrivalDay * DAY - NAIROBI + 9 * HOUR + Math.floor(rand() * 7 * HOUR)
      if (rand() < 0.01) {
        set('status', 'cancelled')
        if (doc) {
          // The central service's cancellation, within days of the registration; the row last changed then.
          doc.cancelledAt = Math.max(
            registeredAt,
            Math.min(now, registeredAt + Math.floor(eventRand() * 5 * DAY)),
          )
          set('updated_at', doc.cancelledAt)
        }
      } else if (arrivedAt > now) {
        set('status', 'registered')
        atAgency++
      } else {
        set('arrived_at', arrivedAt)
        set('arrived_by', 'DSK001')
        set('shelf_slot', weekSlot(arrivalDay, mix.code))
        set('updated_at', arrivedAt)
        if (doc) {
          doc.arrivedAt = arrivedAt
          doc.slot = got('shelf_slot') as string
        }
        // Most come within days; a long tail takes months; some never come.
        const r = rand()
        const waitDays =
          r < 0.55
            ? exponential(rand, 2.5)
            : r < 0.8
              ? 7 + rand() * 23
              : r < 0.92
                ? 30 + exponential(rand, 40)
                : null
        const collectedAt =
          waitDays === null ? null : arrivedAt + Math.floor(waitDays * DAY) + Math.floor(rand() * 4 * HOUR)
        let lastOutcome: string | null = null
        let lastOutcomeAt: number | null = null
        let sent = false
        // Messages about documents handed over more than a year ago are summed up in sms_outcome only: nothing
        // shows them row by row, and leaving them out halves the load.
        const keepRows = collectedAt === null || collectedAt > now - 365 * DAY
        const sms = (kind: 'ready' | 'reminder', at: number) => {
          const id = eventId()
          doc?.messages.push({ kind, at, id })
          if (keepRows) {
            if (withEventId) insertNote.run(tn, kind, at, at, id)
            else insertNote.run(tn, kind, at, at)
          }
          sent = true
          const o = smsOutcome()
          if (o) {
            const oAt = at + 5_000 + Math.floor(rand() * 120_000)
            if (keepRows) insertOutcome.run(id, tn, o, oAt)
            lastOutcome = o
            lastOutcomeAt = oAt
          }
        }
        if (consent && arrivedAt + 30 * 60_000 <= now) sms('ready', arrivedAt + 30 * 60_000)
        const reminderAt = arrivedAt + 14 * DAY
        if (
          consent &&
          reminderAt <= now &&
          (collectedAt === null || collectedAt > reminderAt) &&
          rand() < 0.6
        ) {
          sms('reminder', reminderAt)
          set('last_reminder_at', reminderAt)
        }
        set('sms_outcome', lastOutcome ?? (sent ? 'pending' : null))
        set('sms_outcome_at', lastOutcomeAt)
        if (collectedAt !== null && collectedAt <= now) {
          set('status', 'collected')
          set('collected_at', collectedAt)
          set('collected_by', 'DSK001')
          set('collector', '{"kind":"owner"}')
          set('updated_at', collectedAt)
          if (doc) doc.collectedAt = collectedAt
        } else if (
          collectedAt === null &&
          now - arrivedAt > (svc.retentionDays + 30) * DAY &&
          rand() < 0.85
        ) {
          // The manager's return runs sent most of the never-collected back; the rest is the backlog to clear.
          const returnedAt = Math.min(now, arrivedAt + (svc.retentionDays + Math.floor(rand() * 30)) * DAY)
          set('status', 'returned')
          set('returned_at', returnedAt)
          set('updated_at', returnedAt)
          if (doc) {
            doc.returnedAt = returnedAt
            // A confirmed return clears the slot (the fold of the return says so). Rows seeded without events
            // keep it, so the benchmark centres and their caches stay as they were.
            set('shelf_slot', null)
          }
        } else {
          set('status', 'arrived')
          onShelf++
        }
      }
      insertApp.run(row)
      if (doc && history) history.write(doc)
      made++
      if (made % BATCH === 0) {
        db.exec('COMMIT')
        inTx = false
        if (made % (BATCH * 20) === 0) log(`${made.toLocaleString('en')} documents…`)
        begin()
      }
    }
  }
  if (inTx) db.exec('COMMIT')
  return { onShelf, atAgency, thisPcCounter: counters[0]!, events: history?.written() ?? 0 }
}

/** The history's event writer for this centre: its own device id and name as the app's setup made them. */
function historyWriterFor(db: Database, backOfficeSlot: number): HistoryEventWriter {
  const centre = db
    .prepare<[], { device_id: string; name: string }>('SELECT device_id, name FROM centre')
    .get()
  if (!centre) throw new Error('the centre is not set up: no events can be written for its history')
  return historyEventWriter(db, { ownDeviceId: centre.device_id, backOfficeSlot, centreName: centre.name })
}
