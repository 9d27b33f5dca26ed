import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host'
import { parseServeOptions, TEST_CLOCK_SWITCH } from '../../main/host/serve-options'
import { silentLogger } from '../../main/infra/logger'
import { ADMIN } from '../helpers/core'
import { tempDir } from '../helpers/temp-dir'
import { openDataDirDb } from '../../main/db/data-dir'

/** Tuesday 2 March 2027, 10:00 in Nairobi. */
const START = '2027-03-02T07:00:00Z'
const START_MS = Date.UTC(2027, 2, 2, 7, 0, 0)
const REFUSED = `--fixed-start is for tests only: it runs the host on a clock that is not this computer's. Set ${TEST_CLOCK_SWITCH}=1 to use it; never on a centre's PC.`

const ROOT = path.resolve(__dirname, '../..')
const JITI = path.join(ROOT, 'node_modules/jiti/lib/jiti-cli.mjs')

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** `npm run serve`'s entry point (main/host/serve.ts, through jiti on this Node): its exit code and output. */
function runServe(args: string[], env: NodeJS.ProcessEnv, untilOutput?: RegExp) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [JITI, path.join(ROOT, 'main/host/serve.ts'), ...args], { env })
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve.ts neither exited nor printed ${String(untilOutput)}:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (untilOutput?.test(output)) child.kill('SIGTERM')
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

function envWithout(name: string): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env[name]
  return env
}

describe('serve --fixed-start (test clock)', () => {
  it('is refused unless TMS_ALLOW_TEST_CLOCK=1, with a message saying why', () => {
    expect(() => parseServeOptions(['--fixed-start', START], {})).toThrow(REFUSED)
    expect(() => parseServeOptions(['--fixed-start', START], { [TEST_CLOCK_SWITCH]: 'true' })).toThrow(
      REFUSED,
    )
    expect(() => parseServeOptions(['--fixed-start', START], { [TEST_CLOCK_SWITCH]: '0' })).toThrow(REFUSED)
    expect(parseServeOptions([], { [TEST_CLOCK_SWITCH]: '1' }).fixedStart).toBeNull()
  })

  it('with the switch, reads an instant with its zone; without a zone or time it is refused', () => {
    const allow = { [TEST_CLOCK_SWITCH]: '1' }
    expect(parseServeOptions(['--fixed-start', START], allow).fixedStart).toBe(START_MS)
    expect(parseServeOptions(['--fixed-start', '2027-03-02T10:00:00+03:00'], allow).fixedStart).toBe(START_MS)
    for (const bad of ['2027-03-02', '2027-03-02T07:00:00', 'tomorrow', '2027-02-30T07:00:00Z', ''])
      expect(() => parseServeOptions(['--fixed-start', bad], allow)).toThrow(
        `--fixed-start is an instant with its time zone, e.g. 2027-03-02T07:00:00Z or 2027-03-02T10:00:00+03:00, not "${bad}"`,
      )
  })

  it('the host started with it runs its core from that instant, forward: the records it writes carry that time', async () => {
    const tmp = tempDir('tms-test-clock-')
    cleanups.push(() => tmp.cleanup())
    const opts = parseServeOptions(['--port', '0', '--data-dir', tmp.dir, '--fixed-start', START], {
      [TEST_CLOCK_SWITCH]: '1',
    })
    const origin = Date.now()
    const host: BrowserHost = await startBrowserHost(opts, {
      logger: silentLogger,
      rendererDir: tmp.dir,
      origin,
    })
    cleanups.push(() => host.close())
    const first = host.clock.now()
    expect(first).toBeGreaterThanOrEqual(START_MS)
    expect(first - START_MS).toBeLessThanOrEqual(Date.now() - origin)
    const r = await host.core.dispatch('admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: ADMIN,
    })
    expect(r.ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(host.clock.now()).toBeGreaterThan(first)
    const db = openDataDirDb(tmp.dir, { readonly: true })
    const times = db.prepare('SELECT occurred_at AS at FROM events').all() as { at: number }[]
    db.close()
    expect(times.length).toBeGreaterThan(0)
    for (const { at } of times) {
      expect(at).toBeGreaterThanOrEqual(START_MS)
      expect(at).toBeLessThan(START_MS + 60_000)
    }
  })

  it('the serve entry point (serve.ts) given it without the switch exits at once with the message', async () => {
    const tmp = tempDir('tms-test-clock-')
    cleanups.push(() => tmp.cleanup())
    const run = await runServe(
      ['--port', '0', '--data-dir', tmp.dir, '--fixed-start', START],
      envWithout(TEST_CLOCK_SWITCH),
    )
    expect(run.code).toBe(1)
    expect(run.output.trim()).toBe(REFUSED)
  })

  it('the serve entry point given it with the switch starts, and says its clock is a test clock', async () => {
    const tmp = tempDir('tms-test-clock-')
    cleanups.push(() => tmp.cleanup())
    const run = await runServe(
      ['--port', '0', '--data-dir', tmp.dir, '--fixed-start', START],
      { ...process.env, [TEST_CLOCK_SWITCH]: '1' },
      /is at http:\/\//,
    )
    expect(run.output).toContain(`TEST CLOCK: this host's time started at 2027-03-02T07:00:00.000Z`)
    expect(run.output).toMatch(/Track My Service is at http:\/\/127\.0\.0\.1:\d+/)
    expect(run.code).toBe(0)
  })

  it('the Electron app has no way to it: its entry points use neither the option nor a test clock', () => {
    const dir = path.join(ROOT, 'main/electron')
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8')
      expect(source, file).not.toMatch(
        /fixed-start|fixedStart|clockFrom|serve-options|browser-host|TMS_ALLOW_TEST_CLOCK/,
      )
    }
  })
})
