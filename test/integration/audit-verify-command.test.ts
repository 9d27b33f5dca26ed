/**
 * `npm run audit:verify -- <data dir>` (scripts/audit-verify.ts, through jiti as npm runs it) on a data folder a
 * real core wrote and closed: intact, then changed with an SQLite tool and committed, then no data folder at all.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDataDirDb } from '../../main/db/data-dir'
import { ok, shelfFixture, CLERK_KEY } from '../helpers/shelf-fixture'
import { tempDir } from '../helpers/temp-dir'

const ROOT = path.resolve(__dirname, '../..')
const JITI = path.join(ROOT, 'node_modules/jiti/lib/jiti-cli.mjs')

function auditVerify(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [JITI, path.join(ROOT, 'scripts/audit-verify.ts'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('npm run audit:verify', () => {
  it('says intact with the row count, names the first broken row of a committed change (exit 1), and refuses a folder without a database', async () => {
    const tmp = tempDir()
    try {
      const f = await shelfFixture(tmp.dir)
      const tn = await f.place({
        serviceCode: 'BIRTH_CERT',
        customerName: 'Achieng Odhiambo',
        phone: '0711000401',
        idNumber: '23000401',
        language: 'en',
        smsConsent: true,
        daysOnShelf: 2,
      })
      for (let i = 0; i < 5; i++) await ok(f.t.core, CLERK_KEY, 'application.get', { trackingNumber: tn })
      const rows = f.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
      f.t.core.close()

      const intact = auditVerify(tmp.dir)
      expect(intact.out).toContain(`Audit log intact: ${rows} rows checked`)
      expect(intact.code).toBe(0)

      const db = openDataDirDb(tmp.dir)
      db.exec('DROP TRIGGER audit_log_no_update')
      db.prepare("UPDATE audit_log SET action = 'nothing.happened' WHERE id = 3").run()
      db.close()
      const broken = auditVerify(tmp.dir)
      expect(broken.out).toContain('Audit log broken at row #3: changed since it was written')
      expect(broken.code).toBe(1)

      const empty = tempDir()
      try {
        const none = auditVerify(empty.dir)
        expect(none.out).toContain(`No tms.sqlite in ${empty.dir}`)
        expect(none.code).toBe(2)
        expect(fs.readdirSync(empty.dir)).toEqual([])
      } finally {
        empty.cleanup()
      }
    } finally {
      tmp.cleanup()
    }
  }, 120_000)
})
