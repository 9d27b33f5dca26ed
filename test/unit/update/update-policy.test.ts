import { describe, expect, it } from 'vitest'
import type { UpdateState } from '../../../common/update-status'
import { UpdateRefusedError } from '../../../main/services/update/fetch-signed-manifest'
import type { UpdateManifest } from '../../../main/services/update/update-manifest'
import {
  createUpdatePolicy,
  UPDATE_TIMINGS,
  type FoundUpdate,
  type UpdatePolicy,
  type UpdaterPort,
} from '../../../main/services/update/update-policy'
import { manualScheduler } from '../../helpers/manual-scheduler'

const SHA = 'B'.repeat(86) + '=='
const FOUND: FoundUpdate = { version: '0.2.0', files: [{ url: 'setup-0.2.0.exe', sha512: SHA }] }
const SIGNED: UpdateManifest = {
  version: '0.2.0',
  files: [{ url: 'setup-0.2.0.exe', sha512: SHA, size: 10 }],
}
const ON: UpdatePolicy = { enabled: true, url: 'https://updates.example.go.ke/tms/', openWork: null }
const MIN = 60_000

/** A port that records what the policy asked for; verification answers are set per test. */
function recordingPort(
  answers: { found?: () => Promise<UpdateManifest>; file?: () => Promise<string | null> } = {},
) {
  const calls: string[] = []
  const states: UpdateState[] = []
  let quitInstall = false
  const port: UpdaterPort = {
    check: (url) => calls.push(`check ${url}`),
    verifyFound: () => (answers.found ?? (() => Promise.resolve(SIGNED)))(),
    download: () => calls.push('download'),
    cancelDownload: () => calls.push('cancel'),
    verifyDownloaded: () => (answers.file ?? (() => Promise.resolve(null)))(),
    installOnQuit: (allowed) => {
      quitInstall = allowed
    },
    install: () => calls.push('install'),
    report: (s) => states.push(s),
  }
  return { port, calls, states, last: () => states.at(-1), installOnQuit: () => quitInstall }
}

const flush = () => new Promise((r) => setImmediate(r))

function setup(answers?: Parameters<typeof recordingPort>[0], defaultUrl: string | null = null) {
  const rec = recordingPort(answers)
  const clock = manualScheduler()
  const policy = createUpdatePolicy({ port: rec.port, scheduler: clock, defaultUrl, keyProblem: null })
  return { ...rec, clock, policy }
}

/** Start, first check, found, verified, downloaded, verified: the update waits in `ready`. */
async function toReady(s: ReturnType<typeof setup>, openWork: string | null = null) {
  s.policy.policy({ ...ON, openWork })
  s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
  s.policy.found(FOUND)
  await flush()
  s.policy.downloaded('/cache/setup-0.2.0.exe')
  await flush()
}

describe('update policy: when it checks', () => {
  it('first checks two minutes after the core reports, then every four hours while up to date', () => {
    const s = setup()
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs - 1)
    expect(s.calls).toEqual([])
    s.clock.advance(1)
    expect(s.calls).toEqual([`check ${ON.url}`])
    expect(s.last()).toEqual({ kind: 'checking' })
    s.policy.notFound()
    expect(s.last()).toEqual({ kind: 'idle', checkedAt: s.clock.now() })
    s.clock.advance(UPDATE_TIMINGS.intervalMs)
    expect(s.calls).toEqual([`check ${ON.url}`, `check ${ON.url}`])
  })

  it('uses the build’s address when the centre gives none, and says so when neither has one', () => {
    const withDefault = setup(undefined, 'https://build.example/u/')
    withDefault.policy.policy({ ...ON, url: '' })
    withDefault.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    expect(withDefault.calls).toEqual(['check https://build.example/u/'])

    const none = setup()
    none.policy.policy({ ...ON, url: '' })
    none.clock.advance(UPDATE_TIMINGS.intervalMs)
    expect(none.calls).toEqual([])
    expect(none.last()).toMatchObject({
      kind: 'unavailable',
      detail: expect.stringMatching(/No update server/),
    })
  })

  it('switched off: no check, no download, the running download cancelled, nothing installed on quit', async () => {
    const s = setup()
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    s.policy.found(FOUND)
    await flush()
    expect(s.last()).toEqual({ kind: 'downloading', version: '0.2.0', percent: 0 })
    s.policy.policy({ ...ON, enabled: false })
    expect(s.calls).toEqual([`check ${ON.url}`, 'download', 'cancel'])
    expect(s.last()).toEqual({ kind: 'off' })
    s.policy.downloaded('/cache/setup-0.2.0.exe') // a late event of the cancelled download
    await flush()
    s.clock.advance(24 * 60 * MIN)
    expect(s.calls).toEqual([`check ${ON.url}`, 'download', 'cancel'])
    expect(s.last()).toEqual({ kind: 'off' })
    expect(s.installOnQuit()).toBe(false)
  })

  it('switched on again, or pointed at another server, it checks ten seconds later', () => {
    const s = setup()
    s.policy.policy({ ...ON, enabled: false })
    s.clock.advance(UPDATE_TIMINGS.intervalMs)
    expect(s.calls).toEqual([])
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.soonMs)
    expect(s.calls).toEqual([`check ${ON.url}`])
    s.policy.notFound()
    s.policy.policy({ ...ON, url: 'https://other.example/tms/' })
    s.clock.advance(UPDATE_TIMINGS.soonMs)
    expect(s.calls.at(-1)).toBe('check https://other.example/tms/')
  })

  it('a failed check is retried after 30 minutes, and the error says when', () => {
    const s = setup()
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    s.policy.failed(new Error('net::ERR_INTERNET_DISCONNECTED'))
    expect(s.last()).toEqual({
      kind: 'error',
      message: 'The update check failed: net::ERR_INTERNET_DISCONNECTED',
      at: s.clock.now(),
      retryAt: s.clock.now() + 30 * MIN,
    })
    s.clock.advance(30 * MIN)
    expect(s.calls).toEqual([`check ${ON.url}`, `check ${ON.url}`])
  })

  it('a build without the signing key never checks and says why', () => {
    const rec = recordingPort()
    const clock = manualScheduler()
    const p = createUpdatePolicy({ port: rec.port, scheduler: clock, defaultUrl: null, keyProblem: 'no key' })
    p.policy(ON)
    clock.advance(UPDATE_TIMINGS.intervalMs)
    expect(rec.calls).toEqual([])
    expect(p.state()).toEqual({ kind: 'unavailable', detail: 'Updates cannot be verified: no key.' })
  })
})

describe('update policy: signature verified before download and before install', () => {
  it('downloads only after the signed manifest vouches for what was found, reporting whole percents', async () => {
    const s = setup()
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    s.policy.found(FOUND)
    expect(s.calls).toEqual([`check ${ON.url}`]) // still verifying
    await flush()
    expect(s.calls).toEqual([`check ${ON.url}`, 'download'])
    s.policy.progress(41.7)
    expect(s.last()).toEqual({ kind: 'downloading', version: '0.2.0', percent: 41 })
  })

  it('a refused manifest is never downloaded; the next try is at the next regular check', async () => {
    const s = setup({
      found: () => Promise.reject(new UpdateRefusedError('Update refused: the signature does not match')),
    })
    s.policy.policy(ON)
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    s.policy.found(FOUND)
    await flush()
    expect(s.calls).toEqual([`check ${ON.url}`])
    expect(s.last()).toMatchObject({
      kind: 'error',
      message: 'Update refused: the signature does not match',
      retryAt: s.clock.now() + UPDATE_TIMINGS.intervalMs,
    })
    expect(s.installOnQuit()).toBe(false)
  })

  it('a downloaded file that fails its check is never installed, not even on quit', async () => {
    const s = setup({
      file: () => Promise.resolve('the downloaded file is not one the signed update manifest lists'),
    })
    await toReady(s)
    s.clock.advance(UPDATE_TIMINGS.quietMs * 10)
    expect(s.calls).not.toContain('install')
    expect(s.installOnQuit()).toBe(false)
    expect(s.last()).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Update 0.2.0 refused and not installed: the downloaded file/),
    })
  })

  it('a verified download may install on quit, and installs after a quiet minute with nothing open', async () => {
    const s = setup()
    await toReady(s)
    expect(s.installOnQuit()).toBe(true)
    expect(s.last()).toEqual({ kind: 'ready', version: '0.2.0', waitingFor: null })
    s.clock.advance(UPDATE_TIMINGS.quietMs - 1)
    expect(s.calls).not.toContain('install')
    s.clock.advance(1)
    expect(s.calls.at(-1)).toBe('install')
    expect(s.last()).toEqual({ kind: 'installing', version: '0.2.0' })
  })
})

describe('update policy: never mid hand-over or registration', () => {
  it('waits while a hand-over is open, and installs a quiet minute after it closes', async () => {
    const s = setup()
    await toReady(s, 'a hand-over')
    expect(s.last()).toEqual({ kind: 'ready', version: '0.2.0', waitingFor: 'a hand-over' })
    s.clock.advance(8 * 60 * MIN)
    expect(s.calls).not.toContain('install')
    s.policy.policy({ ...ON, openWork: null })
    s.clock.advance(UPDATE_TIMINGS.quietMs)
    expect(s.calls.at(-1)).toBe('install')
  })

  it('a registration opened during the quiet minute puts the install off again', async () => {
    const s = setup()
    await toReady(s)
    s.clock.advance(UPDATE_TIMINGS.quietMs - 1000)
    s.policy.policy({ ...ON, openWork: 'a registration' })
    s.clock.advance(5 * MIN)
    expect(s.calls).not.toContain('install')
    expect(s.last()).toEqual({ kind: 'ready', version: '0.2.0', waitingFor: 'a registration' })
    s.policy.policy({ ...ON, openWork: null })
    s.clock.advance(UPDATE_TIMINGS.quietMs - 1)
    expect(s.calls).not.toContain('install')
    s.clock.advance(1)
    expect(s.calls.at(-1)).toBe('install')
  })

  it('checks and downloads go on in the background while work is open', async () => {
    const s = setup()
    s.policy.policy({ ...ON, openWork: 'a registration' })
    s.clock.advance(UPDATE_TIMINGS.firstCheckMs)
    s.policy.found(FOUND)
    await flush()
    expect(s.calls).toEqual([`check ${ON.url}`, 'download'])
  })

  it('switched off while waiting: nothing installs, now or on quit', async () => {
    const s = setup()
    await toReady(s, 'a hand-over')
    s.policy.policy({ ...ON, enabled: false, openWork: null })
    s.clock.advance(UPDATE_TIMINGS.intervalMs)
    expect(s.calls).not.toContain('install')
    expect(s.installOnQuit()).toBe(false)
    expect(s.last()).toEqual({ kind: 'off' })
  })
})
