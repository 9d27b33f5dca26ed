/**
 * The audit log's hash chain and head record against tampering: a real core writes a few hundred audit rows through
 * real flows on a real (encrypted) SQLite file, then seeded random trials each change the file the way someone
 * with an SQLite tool could (triggers dropped first) — edit one field of a row, delete rows, swap rows, cut the
 * tail, forge a row, edit the head record — run the check, and roll the change back. Every trial must be detected,
 * at the row the change broke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditCheck } from '../../common/contract'
import { checkAuditChain } from '../../main/services/audit/audit-check'
import { chainHash } from '../../main/db/audit-chain'
import { seededRandom } from '../../scripts/demo-seed/prng'
import { ADMIN_KEY, CLERK_KEY, DESK_KEY, MANAGER_KEY, NOW, ok, shelfFixture } from '../helpers/shelf-fixture'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>
type Db = Fixture['db']

const TRIALS = 1_400
const SEED = 20_261_202

interface Row {
  id: number
  at: number
  staff_number: string | null
  action: string
  detail: string
  hash: string
}

/** A change to the file and the row the check must name (null: the head as a whole, no one row). */
interface Tamper {
  kind: string
  /** Returns the expected `brokenAt`. */
  apply(db: Db, rows: Row[], rand: () => number): number | null
}

const pick = (rand: () => number, n: number): number => Math.floor(rand() * n)
const hex64 = (rand: () => number): string =>
  Array.from({ length: 64 }, () => '0123456789abcdef'[pick(rand, 16)]).join('')

/** A string that differs from `s`: one character replaced, or one added. */
function mutate(s: string, rand: () => number): string {
  const chars = [...s]
  if (chars.length === 0 || rand() < 0.3) return s + 'abcxyz'[pick(rand, 6)]
  const i = pick(rand, chars.length)
  const was = chars[i]!
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.'
  let c = was
  while (c === was) c = alphabet[pick(rand, alphabet.length)]!
  chars[i] = c
  return chars.join('')
}

/** Valid JSON that differs from `detail` as text. */
function mutateDetail(detail: string, rand: () => number): string {
  const value = JSON.parse(detail) as Record<string, unknown>
  const r = rand()
  if (r < 0.25) return JSON.stringify({ ...value, note: 'x' })
  if (r < 0.5) {
    // Same data, other spacing: the hash covers the stored text.
    const spaced = JSON.stringify(value, null, 1)
    if (spaced !== detail) return spaced
  }
  const keys = Object.keys(value)
  if (r < 0.75 && keys.length > 0) {
    const k = keys[pick(rand, keys.length)]!
    const { [k]: _dropped, ...rest } = value
    return JSON.stringify(rest)
  }
  return JSON.stringify({ ...value, trackingNumber: '042010000018' })
}

const setField = (db: Db, id: number, field: keyof Row, value: unknown): void => {
  db.prepare(`UPDATE audit_log SET ${field} = ? WHERE id = ?`).run(value, id)
}

const randomRow = (rows: Row[], rand: () => number): Row => rows[pick(rand, rows.length)]!

const TAMPERS: Tamper[] = [
  {
    kind: 'edit at',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      const delta = (1 + pick(rand, 86_400_000)) * (rand() < 0.5 ? -1 : 1)
      setField(db, r.id, 'at', r.at + delta)
      return r.id
    },
  },
  {
    kind: 'edit staff_number',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      const next = r.staff_number === null ? 'ADM001' : rand() < 0.2 ? null : mutate(r.staff_number, rand)
      setField(db, r.id, 'staff_number', next)
      return r.id
    },
  },
  {
    kind: 'edit action',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      setField(db, r.id, 'action', mutate(r.action, rand))
      return r.id
    },
  },
  {
    kind: 'edit detail',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      setField(db, r.id, 'detail', mutateDetail(r.detail, rand))
      return r.id
    },
  },
  {
    kind: 'edit hash',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      setField(db, r.id, 'hash', rand() < 0.5 ? mutate(r.hash, rand) : hex64(rand))
      return r.id
    },
  },
  {
    kind: 'delete a row',
    apply(db, rows, rand) {
      const r = randomRow(rows, rand)
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(r.id)
      return r.id
    },
  },
  {
    kind: 'delete a run of rows',
    apply(db, rows, rand) {
      const from = pick(rand, rows.length - 1)
      const to = Math.min(rows.length - 1, from + 1 + pick(rand, 20))
      db.prepare('DELETE FROM audit_log WHERE id BETWEEN ? AND ?').run(rows[from]!.id, rows[to]!.id)
      return rows[from]!.id
    },
  },
  {
    kind: 'swap two rows (ids)',
    apply(db, rows, rand) {
      const i = pick(rand, rows.length - 1)
      const j = i + 1 + pick(rand, rows.length - 1 - i)
      const [a, b] = [rows[i]!.id, rows[j]!.id]
      db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(a)
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(a, b)
      db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(b)
      return a
    },
  },
  {
    kind: 'swap two rows (content, hashes kept)',
    apply(db, rows, rand) {
      for (;;) {
        const i = pick(rand, rows.length - 1)
        const j = i + 1 + pick(rand, rows.length - 1 - i)
        const [a, b] = [rows[i]!, rows[j]!]
        const same = a.at === b.at && a.staff_number === b.staff_number && a.action === b.action
        if (same && a.detail === b.detail) continue
        const put = db.prepare(
          'UPDATE audit_log SET at = ?, staff_number = ?, action = ?, detail = ? WHERE id = ?',
        )
        put.run(b.at, b.staff_number, b.action, b.detail, a.id)
        put.run(a.at, a.staff_number, a.action, a.detail, b.id)
        return a.id
      }
    },
  },
  {
    kind: 'move a row to the end',
    apply(db, rows, rand) {
      const r = rows[pick(rand, rows.length - 1)]!
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(rows.at(-1)!.id + 1 + pick(rand, 5), r.id)
      return r.id
    },
  },
  {
    kind: 'truncate the tail',
    apply(db, rows, rand) {
      const keep = pick(rand, rows.length)
      const firstCut = rows[keep]!.id
      db.prepare('DELETE FROM audit_log WHERE id >= ?').run(firstCut)
      return firstCut
    },
  },
  {
    kind: 'forge a row at the end',
    apply(db, rows, rand) {
      const last = rows.at(-1)!
      const row = {
        id: last.id + 1,
        at: last.at + 1,
        staff_number: 'ADM001',
        action: 'auth.signIn',
        detail: '{}',
      }
      // Half of them with the hash the app would have written: only the head record can tell.
      const hash = rand() < 0.5 ? chainHash(last.hash, row) : hex64(rand)
      db.prepare(
        'INSERT INTO audit_log (id, at, staff_number, action, detail, hash) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(row.id, row.at, row.staff_number, row.action, row.detail, hash)
      return row.id
    },
  },
  {
    kind: 'edit the head record',
    apply(db, rows, rand) {
      const last = rows.at(-1)!
      const r = rand()
      if (r < 0.25) {
        const lastId = pick(rand, last.id)
        db.prepare('UPDATE audit_head SET last_id = ?').run(lastId)
        return rows.find((x) => x.id > lastId)!.id
      }
      if (r < 0.5) {
        db.prepare('UPDATE audit_head SET last_id = ?').run(last.id + 1 + pick(rand, 10))
        return last.id + 1
      }
      if (r < 0.75) {
        db.prepare('UPDATE audit_head SET hash = ?').run(hex64(rand))
        return last.id
      }
      db.prepare('UPDATE audit_head SET count = count + ?').run(rand() < 0.5 ? -(1 + pick(rand, 5)) : 1)
      return null
    },
  },
  {
    kind: 'delete the head record',
    apply(db) {
      db.prepare('DELETE FROM audit_head').run()
      return null
    },
  },
]

describe('tamper-evident audit log', () => {
  let f: Fixture
  let rows: Row[]

  beforeAll(async () => {
    f = await shelfFixture()
    const docs: string[] = []
    for (let i = 0; i < 4; i++)
      docs.push(
        await f.place({
          serviceCode: 'BIRTH_CERT',
          customerName: `Wanjiku Kamau ${'ABCD'[i]}`,
          phone: `071100030${i}`,
          idNumber: `2300030${i}`,
          language: 'en',
          smsConsent: true,
          daysOnShelf: 1 + i,
        }),
      )
    // A few hundred rows from the flows that write them: drawers opened, hand-over look-ups, lists looked at,
    // settings saved, windows locked and unlocked.
    for (let i = 0; (f.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number) < 320; i++) {
      f.t.clock.set(NOW + i * 7_000)
      const tn = docs[i % docs.length]!
      await ok(f.t.core, CLERK_KEY, 'application.get', { trackingNumber: tn })
      if (i % 3 === 0) await ok(f.t.core, DESK_KEY, 'collection.lookup', { code: tn })
      if (i % 5 === 0) await ok(f.t.core, MANAGER_KEY, 'returns.due', {})
      if (i % 7 === 0) await ok(f.t.core, ADMIN_KEY, 'settings.update', { idleLockMinutes: 58 + (i % 3) })
      if (i % 40 === 0) {
        await ok(f.t.core, MANAGER_KEY, 'auth.lock', {})
        await ok(f.t.core, MANAGER_KEY, 'auth.unlock', { pin: f.manager.pin })
      }
    }
    rows = f.db
      .prepare<[], Row>('SELECT id, at, staff_number, action, detail, hash FROM audit_log ORDER BY id')
      .all()
  })

  afterAll(() => f.t.close())

  it('the log the flows wrote checks out: every row, ids one after the other, and the head', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(320)
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1))
    expect(new Set(rows.map((r) => r.action)).size).toBeGreaterThan(5)
    expect(await checkAuditChain(f.t.core.store.audit)).toEqual({ ok: true, rows: rows.length })
  })

  it(`${TRIALS} seeded random tamper trials are all detected, at the row each one broke`, async () => {
    const db = f.db
    const triggers = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_head')",
      )
      .all()
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'audit_head_no_delete',
      'audit_log_chained',
      'audit_log_no_delete',
      'audit_log_no_update',
    ])
    const rand = seededRandom(SEED)
    const tally = new Map<string, { trials: number; detected: number; rightRow: number }>()
    const misses: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const tamper = TAMPERS[trial % TAMPERS.length]!
      let expected: number | null
      let result: AuditCheck
      db.exec('BEGIN')
      try {
        // Foreign keys (audit_tracking → audit_log) are checked at COMMIT, which never comes.
        db.pragma('defer_foreign_keys = ON')
        for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
        expected = tamper.apply(db, rows, rand)
        result = await checkAuditChain(f.t.core.store.audit)
      } finally {
        db.exec('ROLLBACK')
      }
      const t = tally.get(tamper.kind) ?? { trials: 0, detected: 0, rightRow: 0 }
      t.trials++
      if (!result.ok) t.detected++
      if (!result.ok && result.brokenAt === expected) t.rightRow++
      else
        misses.push(`trial ${trial} (${tamper.kind}): expected #${expected}, got ${JSON.stringify(result)}`)
      tally.set(tamper.kind, t)
    }
    const total = [...tally.values()].reduce(
      (s, t) => ({
        trials: s.trials + t.trials,
        detected: s.detected + t.detected,
        rightRow: s.rightRow + t.rightRow,
      }),
      { trials: 0, detected: 0, rightRow: 0 },
    )
    console.log(
      `audit tamper trials (seed ${SEED}, ${rows.length} rows): detected ${total.detected}/${total.trials}, ` +
        `first broken row right ${total.rightRow}/${total.trials}\n` +
        [...tally]
          .map(([k, t]) => `  ${k}: ${t.detected}/${t.trials} detected, ${t.rightRow} at the right row`)
          .join('\n'),
    )
    expect(misses.slice(0, 5)).toEqual([])
    expect(total).toEqual({ trials: TRIALS, detected: TRIALS, rightRow: TRIALS })
    // Every change was rolled back: the file is as the flows left it.
    expect(await checkAuditChain(f.t.core.store.audit)).toEqual({ ok: true, rows: rows.length })
  })

  it('audit.verify answers an administrator or manager and records the check; a clerk is refused and nothing is written', async () => {
    const n = rows.length
    const refused = await f.t.core.dispatch(CLERK_KEY, 'audit.verify', {})
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
    expect(f.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(n)
    expect(await ok(f.t.core, MANAGER_KEY, 'audit.verify', {})).toEqual({ ok: true, rows: n })
    const [last] = await ok(f.t.core, ADMIN_KEY, 'audit.list', { limit: 1 })
    expect(last).toMatchObject({
      staffNumber: f.manager.staffNumber,
      action: 'audit.checked',
      detail: { ok: true, rows: n },
    })
    expect(await ok(f.t.core, ADMIN_KEY, 'audit.verify', {})).toEqual({ ok: true, rows: n + 1 })
  })
})
