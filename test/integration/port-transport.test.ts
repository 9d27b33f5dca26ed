import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PUSH_EVENT_NAMES } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { servePort, type ServerPort } from '../../main/core/port-server'
import { silentLogger } from '../../main/infra/logger'
import { CORE_RESTARTED, createPortClient, type ClientPort } from '../../preload/port-client'
import { ADMIN, setUpCentre, testCore } from '../helpers/core'

/**
 * The desktop transport without Electron: the preload's port client and the core's port server over a real
 * worker_threads MessageChannel, a real core (SQLite, dispatcher, hub) behind the server. Node's MessagePort takes
 * `onmessage` and `start()` as the preload's DOM port does; on the core's side it hands `on('message')` the data
 * itself where Electron's MessagePortMain hands an event, which the four-line adapter below absorbs.
 */

function serverEnd(port: MessagePort): ServerPort {
  return {
    postMessage: (m) => port.postMessage(m),
    onMessage: (listener) => port.on('message', listener),
    onClose: (listener) => port.on('close', listener),
    start: () => port.start(),
  }
}

const clientEnd = (port: MessagePort): ClientPort => port as unknown as ClientPort

let t: ReturnType<typeof testCore>
const open: MessagePort[] = []
/** Every request the core was asked to dispatch, by connection key. */
let dispatched: { key: string; method: unknown }[]

beforeEach(() => {
  t = testCore()
  dispatched = []
})

afterEach(() => {
  for (const port of open.splice(0)) port.close()
  t.close()
})

/** A fresh channel to the core, as main hands a window on each load: the client's end. */
function connect(key: string): MessagePort {
  const { port1, port2 } = new MessageChannel()
  open.push(port1, port2)
  const core: Pick<Core, 'dispatch' | 'hub' | 'disconnect'> = {
    dispatch: (k, method, input) => {
      dispatched.push({ key: k, method })
      return t.core.dispatch(k, method, input)
    },
    hub: t.core.hub,
    disconnect: (k) => t.core.disconnect(k),
  }
  servePort(serverEnd(port2), { core, logger: silentLogger, newKey: () => key })
  return port1
}

/** A channel whose far end nobody serves: the core died. Records what reaches it. */
function deadCore(): { port: MessagePort; received: unknown[] } {
  const { port1, port2 } = new MessageChannel()
  open.push(port1, port2)
  const received: unknown[] = []
  port2.on('message', (m) => received.push(m))
  return { port: port1, received }
}

const client = () => createPortClient(PUSH_EVENT_NAMES)

describe('port client ↔ port server over a MessageChannel', () => {
  it('a call made before the port arrives is sent when it does and answered by the core', async () => {
    const c = client()
    const answer = c.call('app.status', {})
    expect(dispatched).toEqual([])
    c.attach(clientEnd(connect('w1')))
    const r = await answer
    expect(r.ok ? 'ok' : r.error).toBe('ok')
    expect(dispatched).toEqual([{ key: 'w1', method: 'app.status' }])
  })

  it('a call in flight when the core goes is failed with "check whether it was saved", not sent to the new core', async () => {
    await setUpCentre(t.core, 'admin')
    const c = client()
    const dead = deadCore()
    c.attach(clientEnd(dead.port))
    const lost = c.call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
    await expect.poll(() => dead.received.length).toBe(1)

    c.attach(clientEnd(connect('w2')))
    await expect(lost).resolves.toEqual(CORE_RESTARTED)
    // The new core is asked only what is asked of it from now on.
    await expect(c.call('auth.session', {})).resolves.toMatchObject({ ok: true, value: null })
    expect(dispatched).toEqual([{ key: 'w2', method: 'auth.session' }])
  })

  it('a malformed message is dropped and the connection keeps working', async () => {
    const port = connect('w3')
    port.postMessage({ id: 'x', method: 'app.status' })
    const c = client()
    c.attach(clientEnd(port))
    await expect(c.call('app.status', {})).resolves.toMatchObject({ ok: true })
    expect(dispatched).toEqual([{ key: 'w3', method: 'app.status' }])
  })

  it('push events reach every subscriber; one that unsubscribed gets no more', async () => {
    await setUpCentre(t.core, 'admin')
    const c = client()
    c.attach(clientEnd(connect('w4')))
    const kept: unknown[] = []
    const dropped: unknown[] = []
    c.on('session.changed', (d) => kept.push(d))
    const off = c.on('session.changed', (d) => dropped.push(d))

    await c.call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
    // The core posts the event before the answer, and a port keeps order: both have arrived.
    expect(kept).toMatchObject([{ session: { staff: { staffNumber: ADMIN.staffNumber } } }])
    expect(dropped).toEqual(kept)

    off()
    await c.call('auth.signOut', {})
    expect(kept).toMatchObject([
      { session: { staff: { staffNumber: ADMIN.staffNumber } } },
      { session: null },
    ])
    expect(dropped).toHaveLength(1)
  })

  it('refuses to subscribe to an event the contract does not push', () => {
    expect(() => client().on('not.an.event', () => undefined)).toThrow('Unknown event not.an.event')
  })

  it('a closed port ends its session: the core forgets the sign-in', async () => {
    await setUpCentre(t.core, 'admin')
    const c = client()
    const port = connect('w5')
    c.attach(clientEnd(port))
    const session = async (): Promise<unknown> => {
      const r = await t.core.dispatch('w5', 'auth.session', {})
      return r.ok ? r.value : r.error.code
    }
    await c.call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
    expect(await session()).toMatchObject({ staff: { staffNumber: ADMIN.staffNumber } })
    port.close()
    await expect.poll(session).toBeNull()
  })
})

describe('the scanner desk over ports', () => {
  /** A window with its scan-read log; `sync()` returns once everything the core sent it before has arrived. */
  function window(key: string) {
    const c = client()
    c.attach(clientEnd(connect(key)))
    const reads: string[] = []
    c.on('scan.read', (d) => reads.push((d as { code: string }).code))
    const sync = async (): Promise<void> => {
      await c.call('app.status', {})
    }
    return { c, reads, sync }
  }

  it('a scan goes to the window that claimed the desk last, then back to the other when it lets go', async () => {
    const a = window('a')
    const b = window('b')
    a.c.claimDesk()
    const releaseB = b.c.claimDesk()
    // Claims and calls share each port's order: after a round trip on each, the core has both claims.
    await Promise.all([a.sync(), b.sync()])

    t.core.hub.emitToDesk('scan.read', { code: 'FIRST' })
    await Promise.all([a.sync(), b.sync()])
    expect({ a: a.reads, b: b.reads }).toEqual({ a: [], b: ['FIRST'] })

    releaseB()
    await b.sync()
    t.core.hub.emitToDesk('scan.read', { code: 'SECOND' })
    await Promise.all([a.sync(), b.sync()])
    expect({ a: a.reads, b: b.reads }).toEqual({ a: ['SECOND'], b: ['FIRST'] })
  })

  it('a desk claimed before the core restarted is claimed again on the new port', async () => {
    const c = client()
    c.attach(clientEnd(deadCore().port))
    c.claimDesk()
    const reads: string[] = []
    c.on('scan.read', (d) => reads.push((d as { code: string }).code))
    c.attach(clientEnd(connect('restarted')))
    await c.call('app.status', {})
    t.core.hub.emitToDesk('scan.read', { code: 'AFTER' })
    await c.call('app.status', {})
    expect(reads).toEqual(['AFTER'])
  })

  it('with no scan page open a scan reaches nobody', async () => {
    const a = window('a')
    t.core.hub.emitToDesk('scan.read', { code: 'NOBODY' })
    await a.sync()
    expect(a.reads).toEqual([])
  })
})
