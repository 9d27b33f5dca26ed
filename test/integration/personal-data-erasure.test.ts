import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import { ERASED_PHONE, ERASED_TEXT } from '../../common/erased-personal-data'
import { keyOf } from '../../main/db/cipher'
import { silentLogger } from '../../main/infra/logger'
import { createEventWriter } from '../../main/services/event-writer'
import { erasePersonalData } from '../../main/services/privacy/erase-personal-data'
import { createProjector } from '../../main/services/projection/projector'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { decryptedPages } from '../helpers/sqlcipher-pages'

/** The erasure primitive on a real file: what it erases, what it keeps, and what it refuses. */

const CANARY = { name: 'Zawadi Qxcanary Mwende', phone: '0799123457', id: '39876541' }
const PROXY = { name: 'Pendo Qxproxy Atieno', id: '28765432', ref: 'QXAUTH-77' }

let t: ReturnType<typeof testCore>
beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterEach(() => t.close())

async function ok<K extends MethodName>(
  key: string,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const r = await t.core.dispatch(key, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as MethodOutput<K>
}

async function collectedByProxy(): Promise<{ tn: string; onShelf: string; manager: string }> {
  await signedIn(t.core, 'admin-window', 'clerk', 'clerk')
  await signedIn(t.core, 'admin-window', 'desk', 'desk')
  const boss = await signedIn(t.core, 'admin-window', 'manager', 'manager')
  const reg = async (name: string, phone: string, idNumber: string) =>
    (
      await ok('clerk', 'application.register', {
        serviceCode: 'ID_NEW',
        customerName: name,
        phone,
        idNumber,
        language: 'en',
        smsConsent: true,
        notes: `call ${name} after 5`,
        confirmDuplicate: true,
      })
    ).application.trackingNumber
  const tn = await reg(CANARY.name, CANARY.phone, CANARY.id)
  const onShelf = await reg('Baraka Otieno', '0711000222', '11223344')
  const batch = await ok('desk', 'arrivals.openBatch', { agency: 'NRB', expected: [] })
  for (const code of [tn, onShelf]) await ok('desk', 'arrivals.scan', { batchId: batch.id, code })
  await ok('desk', 'arrivals.closeBatch', { batchId: batch.id })
  await ok('manager', 'backlog.logCall', {
    trackingNumber: tn,
    outcome: 'reached',
    note: `spoke to ${CANARY.name}`,
  })
  await ok('desk', 'collection.handOver', {
    trackingNumbers: [tn],
    collector: {
      kind: 'proxy',
      name: PROXY.name,
      idNumber: PROXY.id,
      relationship: 'sister',
      authorisationRef: PROXY.ref,
    },
  })
  return { tn, onShelf, manager: boss.staffNumber }
}

function erase(tns: string[], by: string) {
  const projector = createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger })
  const writeEvent = createEventWriter(t.core.store, t.clock, (tn) => projector.project(tn))
  return erasePersonalData({ store: t.core.store, clock: t.clock, writeEvent }, tns, {
    reason: 'request',
    by,
  })
}

const canaries = [
  CANARY.name,
  CANARY.phone,
  CANARY.id,
  PROXY.name,
  PROXY.id,
  PROXY.ref,
  'Qxcanary',
  'qxcanary',
]

it('after erasure no canary is in any page of the database file, free pages included, nor in its -wal (secure_delete on)', async () => {
  const db = t.core.store.db
  expect(db.pragma('secure_delete', { simple: true })).toBe(1)
  const { tn, manager } = await collectedByProxy()
  db.pragma('wal_checkpoint(TRUNCATE)')
  const file = join(t.dir, 'tms.sqlite')
  // Decrypted here page by page, free space included (SQLite's own decrypting copy would rewrite the pages).
  const pages = () => decryptedPages(file, keyOf(db))
  expect(pages().toString('latin1')).toContain(CANARY.name) // the canary is there to be found

  expect(erase([tn], manager).erased).toEqual([tn])
  db.pragma('wal_checkpoint(TRUNCATE)')
  const found = (bytes: string) => canaries.filter((c) => bytes.includes(c))
  expect(found(pages().toString('latin1'))).toEqual([])
  const wal = `${file}-wal`
  expect(existsSync(wal) ? found(readFileSync(wal).toString('latin1')) : []).toEqual([])
})

it('erases the row and every payload of the application, keeps its dates and refuses one still on the shelf', async () => {
  const { tn, onShelf, manager } = await collectedByProxy()
  const db = t.core.store.db
  const row = () =>
    db.prepare('SELECT * FROM applications WHERE tracking_number = ?').get(tn) as Record<string, unknown>
  // Everything but the personal fields (and the time of the last change, which the erasure is) stays.
  const PERSONAL = ['customer_name', 'phone', 'id_number', 'notes', 'collector', 'updated_at']
  const kept = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !PERSONAL.includes(k)))
  const was = row()

  const r = erase([tn, onShelf, '000000000000'], manager)
  expect(r.erased).toEqual([tn])
  expect(r.refused.map((x) => x.trackingNumber)).toEqual([onShelf, '000000000000'])
  const now = row()
  expect(now).toMatchObject({ customer_name: ERASED_TEXT, phone: ERASED_PHONE, id_number: null, notes: null })
  expect(JSON.parse(now.collector as string)).toMatchObject({ kind: 'proxy', name: ERASED_TEXT })
  expect(kept(now)).toEqual(kept(was))
  const logText = db
    .prepare('SELECT group_concat(payload) AS p FROM events WHERE tracking_number = ?')
    .get(tn) as { p: string }
  expect(canaries.filter((c) => logText.p.includes(c))).toEqual([])
  expect(db.prepare('SELECT note FROM call_log WHERE tracking_number = ?').get(tn)).toEqual({ note: null })
  // The other customer is untouched, and the central API is told through the outbox.
  expect(db.prepare('SELECT customer_name FROM applications WHERE tracking_number = ?').get(onShelf)).toEqual(
    {
      customer_name: 'Baraka Otieno',
    },
  )
  const sent = db
    .prepare(
      `SELECT count(*) AS n FROM outbox o JOIN events e ON e.seq = o.event_seq WHERE e.type = 'application.personalDataErased'`,
    )
    .get()
  expect(sent).toEqual({ n: 1 })
  expect(erase([tn], manager)).toEqual({ erased: [], alreadyErased: [tn], refused: [] })
})

it("an event's payload can be rewritten only once its application's erasure is in the log", async () => {
  const { onShelf } = await collectedByProxy()
  const db = t.core.store.db
  expect(() => db.prepare(`UPDATE events SET payload = '{}' WHERE tracking_number = ?`).run(onShelf)).toThrow(
    /append-only/,
  )
})
