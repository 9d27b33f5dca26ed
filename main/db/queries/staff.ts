import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { Role } from '../../../common/roles'
import type { UiLanguage } from '../../../common/i18n'

export interface StaffRow {
  id: number
  staff_number: string
  name: string
  role: Role
  pin_hash: string
  active: 0 | 1
  failed_attempts: number
  locked_until: number | null
  last_sign_in_at: number | null
  ui_language: UiLanguage
}

/** Queries on the `staff` table. */
export function staffQueries(db: Database) {
  const byNumber = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE staff_number = ?')
  const all = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY name COLLATE NOCASE')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff')
  const insert = db.prepare(
    `INSERT INTO staff (staff_number, name, role, pin_hash, created_at, updated_at)
     VALUES (@staffNumber, @name, @role, @pinHash, @now, @now)`,
  )
  const update = db.prepare(
    `UPDATE staff SET name = @name, role = @role, active = @active, updated_at = @now WHERE staff_number = @staffNumber`,
  )
  const setPin = db.prepare(
    `UPDATE staff SET pin_hash = @pinHash, failed_attempts = 0, locked_until = NULL, updated_at = @now
     WHERE staff_number = @staffNumber`,
  )
  const failure = db.prepare(
    `UPDATE staff SET failed_attempts = @attempts, locked_until = @lockedUntil, updated_at = @now
     WHERE staff_number = @staffNumber`,
  )
  const success = db.prepare(
    `UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = @now WHERE staff_number = @staffNumber`,
  )
  const setLanguage = db.prepare(
    `UPDATE staff SET ui_language = @language, updated_at = @now WHERE staff_number = @staffNumber`,
  )
  return {
    byNumber: (staffNumber: string) => byNumber.get(staffNumber),
    all: () => all.all(),
    count: () => count.get()?.n ?? 0,
    insert: (p: { staffNumber: string; name: string; role: Role; pinHash: string; now: number }) =>
      insert.run(p),
    update: (p: { staffNumber: string; name: string; role: Role; active: 0 | 1; now: number }) =>
      update.run(p),
    setPin: (p: { staffNumber: string; pinHash: string; now: number }) => setPin.run(p),
    recordFailure: (p: { staffNumber: string; attempts: number; lockedUntil: number | null; now: number }) =>
      failure.run(p),
    recordSuccess: (p: { staffNumber: string; now: number }) => success.run(p),
    setLanguage: (p: { staffNumber: string; language: UiLanguage; now: number }) => setLanguage.run(p),
  }
}
export type StaffQueries = ReturnType<typeof staffQueries>
