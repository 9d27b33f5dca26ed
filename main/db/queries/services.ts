import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { Service } from '../../../common/catalogue'

interface ServiceRow {
  code: string
  name_en: string
  name_sw: string
  agency: string
  turnaround_days: number
  id_required: 0 | 1
  agency_ref_pattern: string | null
  agency_ref_hint: string | null
  agency_ref_example: string | null
  retention_days: number
  active: 0 | 1
  is_default: 0 | 1
}

const toService = (r: ServiceRow): Service => ({
  code: r.code,
  nameEn: r.name_en,
  nameSw: r.name_sw,
  agency: r.agency,
  turnaroundDays: r.turnaround_days,
  idRequired: r.id_required === 1,
  agencyRefPattern: r.agency_ref_pattern,
  agencyRefHint: r.agency_ref_hint,
  agencyRefExample: r.agency_ref_example,
  retentionDays: r.retention_days,
  active: r.active === 1,
  isDefault: r.is_default === 1,
})

/** Queries on the `services` catalogue. */
export function serviceQueries(db: Database) {
  const all = db.prepare<[], ServiceRow>('SELECT * FROM services ORDER BY name_en')
  const byCode = db.prepare<[string], ServiceRow>('SELECT * FROM services WHERE code = ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM services')
  const upsert = db.prepare(
    `INSERT INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, agency_ref_pattern,
       agency_ref_hint, agency_ref_example, retention_days, active, is_default, updated_at)
     VALUES (@code, @nameEn, @nameSw, @agency, @turnaroundDays, @idRequired, @agencyRefPattern, @agencyRefHint,
       @agencyRefExample, @retentionDays, @active, @isDefault, @now)
     ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_sw = excluded.name_sw,
       agency = excluded.agency, turnaround_days = excluded.turnaround_days, id_required = excluded.id_required,
       agency_ref_pattern = excluded.agency_ref_pattern, agency_ref_hint = excluded.agency_ref_hint,
       agency_ref_example = excluded.agency_ref_example, retention_days = excluded.retention_days,
       active = excluded.active, is_default = excluded.is_default, updated_at = excluded.updated_at`,
  )
  return {
    all: () => all.all().map(toService),
    byCode: (code: string) => {
      const r = byCode.get(code)
      return r ? toService(r) : null
    },
    count: () => count.get()?.n ?? 0,
    upsert: (s: Service, now: number) =>
      upsert.run({
        ...s,
        idRequired: s.idRequired ? 1 : 0,
        active: s.active ? 1 : 0,
        isDefault: s.isDefault ? 1 : 0,
        now,
      }),
  }
}
export type ServiceQueries = ReturnType<typeof serviceQueries>
