import fs from 'node:fs'
import type { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UpdateState } from '../../common/update-status'
import { channelFileFor, parseUpdateManifest } from '../../main/services/update/update-manifest'
import { UPDATE_TIMINGS } from '../../main/services/update/update-policy'
import { generateUpdateKeyPair, signManifest } from '../../main/services/update/verify-update'
import { silentLogger } from '../../main/infra/logger'
import { manualScheduler } from '../helpers/manual-scheduler'
import { tempDir } from '../helpers/temp-dir'
import { writeRelease } from '../helpers/update-release'
import { startUpdateServer, type UpdateServer } from '../peers/update-server/update-server'

/**
 * The Electron glue of the update (main/electron/auto-update.ts) with `electron` and `electron-updater` mocked:
 * neither can load here (no Electron binary). The fake autoUpdater only records calls and emits the events the
 * test gives it; the signed manifest is fetched over real HTTP from the update server peer on 127.0.0.1, and the
 * "downloaded" file is a real file. So this proves our wiring and checks, not electron-updater's download or install.
 */
interface FakeUpdater extends EventEmitter {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  allowDowngrade: boolean
}
const fake = vi.hoisted(() => ({
  updater: null as null | FakeUpdater,
  calls: [] as string[],
}))

vi.mock('electron', () => ({
  app: { isPackaged: true },
  net: { fetch: (input: string, init?: RequestInit) => fetch(input, init) },
}))
vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const updater = Object.assign(new Emitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    logger: null as unknown,
    setFeedURL: (o: { provider: string; url: string }) =>
      fake.calls.push(`setFeedURL ${o.provider} ${o.url}`),
    checkForUpdates: () => {
      fake.calls.push('checkForUpdates')
      return Promise.resolve(null)
    },
    downloadUpdate: () => {
      fake.calls.push('downloadUpdate')
      return Promise.resolve([])
    },
    quitAndInstall: (silent: boolean, runAfter: boolean) =>
      fake.calls.push(`quitAndInstall ${silent} ${runAfter}`),
  })
  fake.updater = updater
  class CancellationToken {
    cancel() {
      fake.calls.push('cancel')
    }
  }
  return { autoUpdater: updater, CancellationToken }
})

const { startAutoUpdate } = await import('../../main/electron/auto-update')

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
beforeEach(() => {
  fake.calls.length = 0
  fake.updater?.removeAllListeners()
})

async function world() {
  const dir = tempDir('tms-glue-')
  cleanups.push(dir.cleanup)
  const keys = generateUpdateKeyPair()
  const channel = channelFileFor(process.platform, process.arch)
  const r = await writeRelease(dir.dir, { version: '0.2.0', channelFile: channel })
  fs.writeFileSync(`${r.manifest}.sig`, signManifest(fs.readFileSync(r.manifest), keys.privateKeyPem))
  const server: UpdateServer = await startUpdateServer(dir.dir)
  cleanups.push(() => server.close())
  const parsed = parseUpdateManifest(r.manifestText)
  if (!parsed.ok) throw new Error(parsed.problem)
  const states: UpdateState[] = []
  const scheduler = manualScheduler()
  const glue = startAutoUpdate({
    logger: silentLogger,
    onState: (s) => states.push(s),
    scheduler,
    publicKeyPem: keys.publicKeyPem,
    resourcesPath: dir.dir, // no app-update.yml there: the centre's address is the only one
  })
  const emit = (event: string, ...args: unknown[]) => fake.updater?.emit(event, ...args)
  return { ...r, server, glue, states, scheduler, emit, info: parsed.manifest, channel }
}

describe('electron-updater glue (electron and electron-updater mocked, the update server real)', () => {
  it('takes the decisions away from electron-updater: no download or install of its own', async () => {
    await world()
    expect(fake.updater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
    })
  })

  it('checks the centre’s server, downloads after the signed manifest verified, installs once the hand-over closed', async () => {
    const w = await world()
    w.glue.policy({ enabled: true, url: w.server.url, openWork: 'a hand-over' })
    w.scheduler.advance(UPDATE_TIMINGS.firstCheckMs)
    expect(fake.calls).toEqual([`setFeedURL generic ${w.server.url}`, 'checkForUpdates'])
    w.emit('update-available', { version: w.info.version, files: w.info.files })
    await vi.waitFor(() => expect(fake.calls.at(-1)).toBe('downloadUpdate'))
    expect(w.server.requests).toEqual([w.channel, `${w.channel}.sig`])
    w.emit('download-progress', { percent: 55.5 })
    w.emit('update-downloaded', { version: '0.2.0', files: w.info.files, downloadedFile: w.installer })
    await vi.waitFor(() =>
      expect(w.glue.state()).toEqual({ kind: 'ready', version: '0.2.0', waitingFor: 'a hand-over' }),
    )
    expect(fake.updater?.autoInstallOnAppQuit).toBe(true)
    w.scheduler.advance(UPDATE_TIMINGS.quietMs * 5)
    expect(fake.calls).not.toContain('quitAndInstall true true')
    w.glue.policy({ enabled: true, url: w.server.url, openWork: null })
    w.scheduler.advance(UPDATE_TIMINGS.quietMs)
    expect(fake.calls.at(-1)).toBe('quitAndInstall true true')
    const kinds = w.states.map((s) => s.kind).filter((k, i, all) => k !== all[i - 1])
    expect(kinds).toEqual(['idle', 'checking', 'downloading', 'ready', 'installing'])
    expect(w.states).toContainEqual({ kind: 'downloading', version: '0.2.0', percent: 55 })
  })

  it('a manifest changed on the server after signing: never downloaded, never installed', async () => {
    const w = await world()
    w.server.put(w.channel, w.manifestText.replace('version: 0.2.0', 'version: 0.2.1'))
    w.glue.policy({ enabled: true, url: w.server.url, openWork: null })
    w.scheduler.advance(UPDATE_TIMINGS.firstCheckMs)
    w.emit('update-available', { version: '0.2.1', files: w.info.files })
    await vi.waitFor(() => expect(w.glue.state()).toMatchObject({ kind: 'error' }))
    expect(w.glue.state()).toMatchObject({ message: expect.stringMatching(/signature does not match/) })
    expect(fake.calls).toEqual([`setFeedURL generic ${w.server.url}`, 'checkForUpdates'])
    expect(fake.updater?.autoInstallOnAppQuit).toBe(false)
  })

  it('a downloaded file that is not the signed one is refused and not installed on quit', async () => {
    const w = await world()
    w.glue.policy({ enabled: true, url: w.server.url, openWork: null })
    w.scheduler.advance(UPDATE_TIMINGS.firstCheckMs)
    w.emit('update-available', { version: w.info.version, files: w.info.files })
    await vi.waitFor(() => expect(fake.calls.at(-1)).toBe('downloadUpdate'))
    fs.appendFileSync(w.installer, 'tampered')
    w.emit('update-downloaded', { version: '0.2.0', files: w.info.files, downloadedFile: w.installer })
    await vi.waitFor(() => expect(w.glue.state()).toMatchObject({ kind: 'error' }))
    w.scheduler.advance(UPDATE_TIMINGS.quietMs * 5)
    expect(fake.calls).not.toContain('quitAndInstall true true')
    expect(fake.updater?.autoInstallOnAppQuit).toBe(false)
  })

  it('with no centre address, checks the one the build wrote into app-update.yml', async () => {
    const dir = tempDir('tms-glue-resources-')
    cleanups.push(dir.cleanup)
    fs.writeFileSync(
      `${dir.dir}/app-update.yml`,
      'provider: generic\nurl: https://updates.example.go.ke/tms/\nupdaterCacheDirName: tms-updater\n',
    )
    const scheduler = manualScheduler()
    const glue = startAutoUpdate({
      logger: silentLogger,
      onState: () => undefined,
      scheduler,
      publicKeyPem: generateUpdateKeyPair().publicKeyPem,
      resourcesPath: dir.dir,
    })
    glue.policy({ enabled: true, url: '', openWork: null })
    scheduler.advance(UPDATE_TIMINGS.firstCheckMs)
    expect(fake.calls).toEqual(['setFeedURL generic https://updates.example.go.ke/tms/', 'checkForUpdates'])
  })

  it('a build without the signing key never checks, and says why', async () => {
    const scheduler = manualScheduler()
    const glue = startAutoUpdate({
      logger: silentLogger,
      onState: () => undefined,
      scheduler,
      publicKeyPem: null,
    })
    glue.policy({ enabled: true, url: 'https://updates.example.go.ke/tms/', openWork: null })
    scheduler.advance(UPDATE_TIMINGS.intervalMs)
    expect(fake.calls).toEqual([])
    expect(glue.state()).toEqual({
      kind: 'unavailable',
      detail: 'Updates cannot be verified: this build carries no update signing key (docs/UPDATES.md).',
    })
  })

  it('an electron-updater error becomes the error state', async () => {
    const w = await world()
    w.glue.policy({ enabled: true, url: w.server.url, openWork: null })
    w.scheduler.advance(UPDATE_TIMINGS.firstCheckMs)
    w.emit('error', new Error('HttpError: 503'))
    expect(w.glue.state()).toMatchObject({
      kind: 'error',
      message: 'The update check failed: HttpError: 503',
    })
  })
})
