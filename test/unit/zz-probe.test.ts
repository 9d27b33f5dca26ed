import Sqlite from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { it } from 'vitest'
import { openDatabase } from '../../main/db/open'
import { manualClock } from '../../main/services/clock'
import { silentLogger } from '../../main/services/logger'
import { verifyPin } from '../../main/services/pin-hash'
import { tempDir } from '../helpers/temp-dir'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

it('probe', async () => {
  const tmp = tempDir()
  const file = path.join(tmp.dir, 'tms.sqlite')
  const d = new Sqlite(file)
  d.exec('CREATE TABLE x (a)')
  d.pragma('user_version = 999')
  d.close()
  const before = fs.readFileSync(file)
  try { openDatabase(tmp.dir, manualClock(), silentLogger) } catch (e) { console.log('threw', (e as Error).name) }
  const after = fs.readFileSync(file)
  console.log('identical', before.equals(after), fs.readdirSync(tmp.dir), before[18], after[18], before[19], after[19])
  for (const h of ['scrypt$abc$8$1$AAAA$AAAA', 'scrypt$1000$8$1$AAAA$AAAA', 'scrypt$16384$8$1$!!$??', 'x']) {
    try { console.log(h, await verifyPin('1234', h)) } catch (e) { console.log(h, 'REJECTS', (e as Error).message) }
  }
  const t = testCore()
  const admin = await setUpCentre(t.core)
  const a2 = await signedIn(t.core, admin, 'a2', 'admin')
  console.log(await t.core.dispatch(admin, 'staff.update', { staffNumber: a2.staffNumber, role: 'clerk', active: false }))
  console.log('demoted+deactivated still creates', await t.core.dispatch('a2', 'staff.create', { staffNumber: 'ZZZ111', name: 'Zed Zed', role: 'admin', pin: '7315' }))
  const c = t.core
  const p = await Promise.all([
    c.dispatch(admin, 'staff.create', { staffNumber: 'DUP001', name: 'Dup One', role: 'clerk', pin: '7315' }),
    c.dispatch(admin, 'staff.create', { staffNumber: 'DUP001', name: 'Dup Two', role: 'clerk', pin: '7315' }),
  ])
  console.log(JSON.stringify(p))
  t.close()
})
