import type { Database } from 'better-sqlite3'

export interface CentreRow {
  number: string
  name: string
  workstation_slot: string
  device_id: string
  created_at: number
}

/** Queries on the single-row `centre` table and the key/value `settings` table. */
export function centreQueries(db: Database) {
  const get = db.prepare<[], CentreRow>(
    'SELECT number, name, workstation_slot, device_id, created_at FROM centre',
  )
  const insert = db.prepare(
    `INSERT INTO centre (id, number, name, workstation_slot, device_id, created_at)
     VALUES (1, @number, @name, @workstationSlot, @deviceId, @now)`,
  )
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  return {
    get: () => get.get() ?? null,
    insert: (p: { number: string; name: string; workstationSlot: string; deviceId: string; now: number }) =>
      insert.run(p),
    getSetting: (key: string): unknown => {
      const row = getSetting.get(key)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    putSetting: (key: string, value: unknown) => putSetting.run(key, JSON.stringify(value)),
  }
}
export type CentreQueries = ReturnType<typeof centreQueries>
