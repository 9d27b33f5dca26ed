import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { chainHash, GENESIS_HASH } from '../../main/db/audit-chain'
import { migrate } from '../../main/db/migrations'
import { auditQueries } from '../../main/db/queries/audit'
import { checkAuditChain } from '../../main/services/audit/audit-check'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/** Migration 0180: the audit rows already there are hash-chained in id order, and a head record names the last. */
describe('migration 0180 (audit chain)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('chains the rows there in id order, keeps the log append-only, and the writer goes on from the head', async () => {
    const previous = versionBefore(180)
    expect(migrate(db, previous)).toBe(previous)
    const insert = db.prepare('INSERT INTO audit_log (at, staff_number, action, detail) VALUES (?, ?, ?, ?)')
    insert.run(1_000, 'ADM001', 'setup.centreCreated', '{"centreNumber":"042"}')
    insert.run(2_000, null, 'auth.signIn.failed', '{"reason":"unknown staff"}')
    insert.run(3_000, 'CLK001', 'application.viewed', '{"trackingNumber":"042010000018"}')
    expect(migrate(db, 180)).toBe(180)

    const rows = db
      .prepare('SELECT id, at, staff_number, action, detail, hash FROM audit_log ORDER BY id')
      .all() as {
      id: number
      at: number
      staff_number: string | null
      action: string
      detail: string
      hash: string
    }[]
    let prev = GENESIS_HASH
    for (const r of rows) {
      expect(r.hash).toBe(chainHash(prev, r))
      prev = r.hash
    }
    expect(db.prepare('SELECT last_id, count, hash FROM audit_head').all()).toEqual([
      { last_id: 3, count: 3, hash: prev },
    ])
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(
      'the audit log is append-only',
    )
    expect(() => insert.run(4_000, 'ADM001', 'auth.signIn', '{}')).toThrow('written by the audit writer')
    expect(() => db.prepare('DELETE FROM audit_head').run()).toThrow('the audit head record is kept')

    const audit = auditQueries(db)
    audit.write({ at: 4_000, staffNumber: 'ADM001', action: 'auth.signIn' })
    expect(audit.head()).toMatchObject({ last_id: 4, count: 4 })
    expect(await checkAuditChain(audit)).toEqual({ ok: true, rows: 4 })
  })

  it('an empty log gets a head at the start of the chain, and its first row is #1', async () => {
    expect(migrate(db, 180)).toBe(180)
    const audit = auditQueries(db)
    expect(audit.head()).toEqual({ last_id: 0, count: 0, hash: GENESIS_HASH })
    expect(await checkAuditChain(audit)).toEqual({ ok: true, rows: 0 })
    audit.write({
      at: 1,
      staffNumber: null,
      action: 'auth.signIn.failed',
      detail: { reason: 'unknown staff' },
    })
    expect(db.prepare('SELECT id FROM audit_log').pluck().all()).toEqual([1])
    expect(await checkAuditChain(audit)).toEqual({ ok: true, rows: 1 })
  })
})
