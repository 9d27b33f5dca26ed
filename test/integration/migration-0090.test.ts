import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/**
 * Migration 0090 on a database that already has audit rows: the tracking numbers they name (alone or in a list)
 * are indexed for the viewer, and the new columns and tables are there and empty.
 */
describe('migration 0090 (campaigns and returns)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('migrates from the previous version, back-filling audit_tracking', () => {
    const previous = versionBefore(90)
    expect(migrate(db, previous)).toBe(previous)
    const insert = db.prepare(
      "INSERT INTO audit_log (at, staff_number, action, detail) VALUES (1, 'ADM001', ?, ?)",
    )
    insert.run('application.viewed', JSON.stringify({ trackingNumber: '042012003660' }))
    insert.run(
      'collection.handedOver',
      JSON.stringify({ trackingNumbers: ['042012003660', '042010000005', 7] }),
    )
    insert.run('auth.signIn', JSON.stringify({}))
    insert.run('odd', JSON.stringify({ trackingNumber: 42 }))

    expect(migrate(db, 90)).toBe(90)
    const rows = db
      .prepare<[], { audit_id: number; tracking_number: string }>(
        'SELECT audit_id, tracking_number FROM audit_tracking ORDER BY audit_id, tracking_number',
      )
      .all()
    expect(rows).toEqual([
      { audit_id: 1, tracking_number: '042012003660' },
      { audit_id: 2, tracking_number: '042010000005' },
      { audit_id: 2, tracking_number: '042012003660' },
    ])
    const columns = (table: string) =>
      db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((c) => c.name)
    expect(columns('applications')).toEqual(
      expect.arrayContaining(['last_reminder_at', 'return_manifest_id']),
    )
    expect(columns('notifications')).toContain('campaign_message_id')
    for (const t of ['campaigns', 'campaign_messages', 'return_manifests', 'return_manifest_items'])
      expect(db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()?.n, t).toBe(0)
  })
})
