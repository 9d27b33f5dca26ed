import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpHost, type RunningHost } from '../../main/host/http-host'
import { silentLogger } from '../../main/infra/logger'
import { testCore } from '../helpers/core'
import { tempDir } from '../helpers/temp-dir'

/**
 * Two tabs of one browser (one session cookie, two event streams) on the real HTTP host: a serial scan reaches only
 * the stream whose tab claimed the scanner's desk last, and the other tab when that one lets go.
 */
describe('browser host: serial scans go to the tab holding the desk', () => {
  let t: ReturnType<typeof testCore>
  let tmp: ReturnType<typeof tempDir>
  let host: RunningHost
  let base: string
  const aborts: AbortController[] = []

  beforeAll(async () => {
    t = testCore()
    tmp = tempDir()
    const rendererDir = path.join(tmp.dir, 'renderer')
    fs.mkdirSync(rendererDir, { recursive: true })
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
    host = await startHttpHost({
      core: t.core,
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      allowRemote: false,
      logger: silentLogger,
    })
    base = `http://127.0.0.1:${host.port}`
  })
  afterAll(async () => {
    for (const a of aborts) a.abort()
    await host.close()
    t.close()
    tmp.cleanup()
  })

  /** One tab's event stream: its connection id and the events it has received so far. */
  async function stream(cookie: string) {
    const abort = new AbortController()
    aborts.push(abort)
    const res = await fetch(`${base}/api/events`, { headers: { Cookie: cookie }, signal: abort.signal })
    const events: { event: string; data: unknown }[] = []
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done) return
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data) as unknown })
        }
      }
    })()
    await expect.poll(() => events.length).toBeGreaterThan(0)
    const connection = (events[0]!.data as { connection: string }).connection
    const scans = () =>
      events.filter((e) => e.event === 'scan.read').map((e) => (e.data as { code: string }).code)
    return { connection, scans, events }
  }

  const claim = (cookie: string, connection: string, claimed: boolean) =>
    fetch(`${base}/api/events/desk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base, Cookie: cookie },
      body: JSON.stringify({ connection, claimed }),
    })

  it('one cookie, two streams: the scan shows once, in the tab that claimed last', async () => {
    const page = await fetch(`${base}/`)
    await page.text()
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!
    const a = await stream(cookie)
    const b = await stream(cookie)
    expect(a.events[0]!.event).toBe('tms.connection')
    expect(a.connection).not.toBe(b.connection)

    expect((await claim(cookie, a.connection, true)).status).toBe(200)
    expect((await claim(cookie, b.connection, true)).status).toBe(200)
    t.core.hub.emitToDesk('scan.read', { code: 'ONE' })
    // A broadcast after it marks when both streams have had everything sent before.
    t.core.hub.broadcast('print.job', { job: null as never })
    const marked = (s: { events: { event: string }[] }) => s.events.some((e) => e.event === 'print.job')
    await expect.poll(() => marked(a) && marked(b)).toBe(true)
    expect({ a: a.scans(), b: b.scans() }).toEqual({ a: [], b: ['ONE'] })

    expect((await claim(cookie, b.connection, false)).status).toBe(200)
    t.core.hub.emitToDesk('scan.read', { code: 'TWO' })
    await expect.poll(() => a.scans()).toEqual(['TWO'])
    expect(b.scans()).toEqual(['ONE'])
  })

  it("refuses a claim for another session's stream", async () => {
    const mine = await fetch(`${base}/`)
    await mine.text()
    const other = await fetch(`${base}/`)
    await other.text()
    const cookieA = mine.headers.get('set-cookie')!.split(';')[0]!
    const cookieB = other.headers.get('set-cookie')!.split(';')[0]!
    const s = await stream(cookieA)
    expect((await claim(cookieB, s.connection, true)).status).toBe(404)
  })
})
