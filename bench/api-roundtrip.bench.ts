import { afterAll, beforeAll, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { startHttpHost, type RunningHost } from '../main/host/http-host'
import { silentLogger } from '../main/infra/logger'
import { setUpCentre, testCore } from '../test/helpers/core'
import { percentile, report } from './report'

/** The cost of one API call: through the dispatcher alone, and over the browser host's HTTP transport. */
let t: ReturnType<typeof testCore>
let host: RunningHost
let cookie = ''
let origin = ''

beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core, 'bench')
  const rendererDir = path.join(t.dir, 'renderer')
  fs.mkdirSync(rendererDir)
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>')
  host = await startHttpHost({
    core: t.core,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    allowRemote: false,
    logger: silentLogger,
  })
  origin = host.url
  const page = await fetch(host.url)
  cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
})

afterAll(async () => {
  await host.close()
  t.close()
})

it('api round trip', async () => {
  // The same method both ways, so the difference is the transport; every answer must be ok, or a fast error
  // would pass for a fast call.
  const inProcess: number[] = []
  for (let i = 0; i < 5000; i++) {
    const start = performance.now()
    const r = await t.core.dispatch('bench', 'app.status', {})
    inProcess.push(performance.now() - start)
    if (!r.ok) throw new Error(`app.status in process: ${r.error.message}`)
  }
  report('api.dispatch app.status p50', percentile(inProcess, 50), 'ms', 'informational')
  report('api.dispatch app.status p99', percentile(inProcess, 99), 'ms', 'informational')

  const overHttp: number[] = []
  for (let i = 0; i < 2000; i++) {
    const start = performance.now()
    const res = await fetch(`${host.url}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
      body: '{}',
    })
    const body = (await res.json()) as { ok: boolean; error?: { message: string } }
    overHttp.push(performance.now() - start)
    if (!body.ok) throw new Error(`app.status over HTTP: ${res.status} ${body.error?.message}`)
  }
  report('api.http app.status p50', percentile(overHttp, 50), 'ms', 'informational')
  report('api.http app.status p99', percentile(overHttp, 99), 'ms', '< 10 ms')
})
