import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface CentreRow {
  number: string
  name: string
  workstation_slot: string
  device_id: string
  created_at: number
  permutation_key: string
  next_counter: number
}

/** Queries on the single-row `centre` table and the key/value `settings` table. */
export function centreQueries(db: Database) {
  const get = db.prepare<[], CentreRow>(
    'SELECT number, name, workstation_slot, device_id, created_at, permutation_key, next_counter FROM centre',
  )
  const insert = db.prepare(
    `INSERT INTO centre (id, number, name, workstation_slot, device_id, created_at, permutation_key)
     VALUES (1, @number, @name, @workstationSlot, @deviceId, @now, @permutationKey)`,
  )
  // Advances the workstation counter and hands back the value to mint with.
  const takeCounter = db.prepare<[], { counter: number }>(
    `UPDATE centre SET next_counter = next_counter + 1 WHERE id = 1 AND next_counter < 1000000
     RETURNING next_counter - 1 AS counter`,
  )
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  return {
    get: () => get.get() ?? null,
    insert: (p: {
      number: string
      name: string
      workstationSlot: string
      deviceId: string
      now: number
      permutationKey: string
    }) => insert.run(p),
    /** The counter value to mint with, or null when the range is used up. Inside the registering transaction only. */
    takeCounter: (): number | null => {
      if (!db.inTransaction) throw new Error('takeCounter must run inside the registering transaction')
      return takeCounter.get()?.counter ?? null
    },
    getSetting: (key: string): unknown => {
      const row = getSetting.get(key)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    putSetting: (key: string, value: unknown) => putSetting.run(key, JSON.stringify(value)),
  }
}
export type CentreQueries = ReturnType<typeof centreQueries>
