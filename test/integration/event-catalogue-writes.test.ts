import { afterEach, beforeEach, expect, it } from 'vitest'
import { uuidv7 } from '../../main/infra/uuidv7'
import { silentLogger } from '../../main/infra/logger'
import { createEventWriter, type DomainEvent } from '../../main/services/event-writer'
import { createProjector } from '../../main/services/projection/projector'
import { rowCounts } from '../helpers/db-counts'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterEach(() => t.close())

it('the event writer refuses a payload that does not fit its type, and its transaction writes nothing', () => {
  const write = createEventWriter(t.core.store, t.clock, () => undefined)
  const before = rowCounts(t.core.store.db)
  // The cast stands for a caller that got past the compiler (a spread of an untyped object).
  const bad = { type: 'staff.created', staffNumber: 'ADM001', payload: { staffNumber: 'X1', role: 'boss' } }
  expect(() => t.core.store.tx(() => write(bad as unknown as DomainEvent))).toThrow(
    /refused to write staff.created: payload.name/,
  )
  expect(rowCounts(t.core.store.db)).toEqual(before)
})

it('a replicated event that does not fit the catalogue is kept in the log, recorded as an issue, and not applied', () => {
  const projector = createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger })
  const at = Date.UTC(2026, 10, 2, 7)
  const e = {
    id: uuidv7(at),
    type: 'application.callLogged',
    occurredAt: at,
    staffNumber: 'MGR001',
    deviceId: '01936b2e-0000-7000-8000-000000000003',
    trackingNumber: '042022005417',
    payload: { outcome: 'shouted' },
  }
  expect(t.core.store.tx(() => projector.applyReplicated([e]))).toEqual({ stored: 1, projected: 0 })
  expect(t.core.store.db.prepare('SELECT event_id, type, reason FROM replication_issues').all()).toEqual([
    { event_id: e.id, type: 'application.callLogged', reason: expect.stringMatching(/^payload.outcome/) },
  ])
  expect(t.core.store.db.prepare('SELECT count(*) AS n FROM call_log').get()).toEqual({ n: 0 })
})
