import { chainHash, GENESIS_HASH, type AuditChainRow } from '../audit-chain'
import type { Migration } from './types'

const PAGE = 1000

/**
 * The tamper-evident audit log (main/db/audit-chain.ts): `audit_log.hash` chains each row to the one before, and
 * `audit_head` (one row) holds the newest id, its hash and the row count, moved by the audit writer in the same
 * transaction as the row. The rows already there are chained here in id order. The append-only trigger is lifted
 * for that and put back, and a new one refuses a row without a hash (anything writing around the audit writer).
 */
export const migration0180: Migration = {
  version: 180,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      CREATE TABLE audit_head (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        last_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, 'the audit head record is kept'); END;
      DROP TRIGGER audit_log_no_update;
    `)
    const page = db.prepare<[number, number], Omit<AuditChainRow, 'hash'>>(
      'SELECT id, at, staff_number, action, detail FROM audit_log WHERE id > ? ORDER BY id LIMIT ?',
    )
    const setHash = db.prepare<[string, number]>('UPDATE audit_log SET hash = ? WHERE id = ?')
    let last = { id: 0, hash: GENESIS_HASH }
    let count = 0
    for (;;) {
      const rows = page.all(last.id, PAGE)
      for (const r of rows) {
        const hash = chainHash(last.hash, r)
        setHash.run(hash, r.id)
        last = { id: r.id, hash }
        count++
      }
      if (rows.length < PAGE) break
    }
    db.prepare('INSERT INTO audit_head (one, last_id, count, hash) VALUES (1, ?, ?, ?)').run(
      last.id,
      count,
      last.hash,
    )
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'audit rows are written by the audit writer, which chains them'); END;
    `)
  },
}
