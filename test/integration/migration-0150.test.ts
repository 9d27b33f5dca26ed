import Sqlite from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, migrate } from '../../main/db/migrations'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'
import { DEFAULT_SETTINGS } from '../../main/services/settings-service'
import { tempDir } from '../helpers/temp-dir'

/** The Kiswahili names the previous versions shipped, and what they say now (docs/KISWAHILI.md). */
const RENAMED = {
  ID_REPLACEMENT: ['Kitambulisho cha Taifa (nakala mbadala)', 'Kitambulisho cha Taifa (mbadala)'],
  GOOD_CONDUCT: ['Cheti cha Maadili Mema', 'Cheti cha Tabia Njema'],
  SHA_CARD: [
    'Kadi ya Bima ya Afya (SHA, zamani NHIF)',
    'Kadi ya Mamlaka ya Afya ya Jamii (SHA, zamani NHIF)',
  ],
} as const
const OLD_HOW_TO_CHECK =
  'Check your status by scanning the QR code or at any Huduma Centre with this receipt. / Angalia hali ya maombi yako kwa kuchanganua msimbo wa QR.'

describe('the shipped Kiswahili service names', () => {
  it('are the corrected ones in the default catalogue (and so in the central simulator, which copies it)', () => {
    for (const [code, [, now]] of Object.entries(RENAMED)) {
      expect(DEFAULT_CATALOGUE.find((s) => s.code === code)?.nameSw, code).toBe(now)
    }
    const all = DEFAULT_CATALOGUE.map((s) => s.nameSw).join(' | ')
    expect(all).not.toMatch(/Maadili|nakala/)
  })
})

describe('migration 0150 (Kiswahili wording)', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Sqlite.Database
  beforeEach(() => {
    tmp = tempDir()
    db = new Sqlite(`${tmp.dir}/m.sqlite`)
    const previous = MIGRATIONS.filter((m) => m.version < 150).at(-1)?.version ?? 0
    expect(migrate(db, previous)).toBe(previous)
  })
  afterEach(() => {
    db.close()
    tmp.cleanup()
  })

  const insertService = (code: string, nameSw: string, isDefault: 0 | 1): void => {
    db.prepare(
      `INSERT INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, retention_days, active,
         is_default, updated_at)
       VALUES (?, ?, ?, 'Agency', 10, 1, 90, 1, ?, 1)`,
    ).run(code, `${code} (English)`, nameSw, isDefault)
  }
  const nameSw = (code: string): string | undefined =>
    db.prepare<[string], { name_sw: string }>('SELECT name_sw FROM services WHERE code = ?').get(code)
      ?.name_sw
  const setting = (key: string): unknown => {
    const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)
    return row ? (JSON.parse(row.value) as unknown) : undefined
  }
  const putSetting = (key: string, value: unknown): void => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value))
  }

  it('updates the default services that still carry the old shipped names, and the stored old how-to-check text', () => {
    for (const [code, [old]] of Object.entries(RENAMED)) insertService(code, old, 1)
    insertService('BIRTH_CERT', 'Cheti cha Kuzaliwa', 1)
    putSetting('howToCheck', OLD_HOW_TO_CHECK)
    putSetting('idleLockMinutes', 7)

    expect(migrate(db, 150)).toBe(150)
    for (const [code, [, now]] of Object.entries(RENAMED)) expect(nameSw(code), code).toBe(now)
    expect(nameSw('BIRTH_CERT')).toBe('Cheti cha Kuzaliwa')
    expect(setting('howToCheck')).toBe(DEFAULT_SETTINGS.howToCheck)
    expect(setting('idleLockMinutes')).toBe(7)
  })

  it('leaves names pulled from the central catalogue or edited by an administrator, and a centre-written text', () => {
    // Pulled centrally: is_default = 0, even when the central name happens to be the old default.
    insertService('GOOD_CONDUCT', RENAMED.GOOD_CONDUCT[0], 0)
    // Edited at this centre: is_default = 0 with the administrator's own name.
    insertService('SHA_CARD', 'Kadi ya SHA', 0)
    // A default row whose name is not the old shipped text (nothing to correct).
    insertService('ID_REPLACEMENT', 'Kitambulisho mbadala', 1)
    const own = 'Piga *551# au tembelea kituo chetu. / Dial *551# or visit us.'
    putSetting('howToCheck', own)

    expect(migrate(db, 150)).toBe(150)
    expect(nameSw('GOOD_CONDUCT')).toBe(RENAMED.GOOD_CONDUCT[0])
    expect(nameSw('SHA_CARD')).toBe('Kadi ya SHA')
    expect(nameSw('ID_REPLACEMENT')).toBe('Kitambulisho mbadala')
    expect(setting('howToCheck')).toBe(own)
  })

  it('writes no how-to-check setting where none was stored (the current default applies)', () => {
    expect(migrate(db, 150)).toBe(150)
    expect(setting('howToCheck')).toBeUndefined()
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM services').get()?.n).toBe(0)
  })
})
