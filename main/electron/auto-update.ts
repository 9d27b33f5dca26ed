import { app, net } from 'electron'
import { autoUpdater, CancellationToken } from 'electron-updater'
import fs from 'node:fs'
import path from 'node:path'
import type { UpdateState } from '../../common/update-status'
import type { Logger } from '../infra/logger'
import { fetchSignedManifest, UpdateRefusedError } from '../services/update/fetch-signed-manifest'
import { UPDATE_PUBLIC_KEY_PEM } from '../services/update/update-key'
import { buildUpdateUrl, channelFileFor, foundUpdateProblem } from '../services/update/update-manifest'
import { createUpdatePolicy, type Scheduler, type UpdatePolicy } from '../services/update/update-policy'
import { downloadedFileProblem, publicKeyProblem } from '../services/update/verify-update'

/**
 * The Electron glue of the automatic update: electron-updater's autoUpdater wired to the update policy
 * (main/services/update/update-policy.ts), which makes every decision and is tested without Electron. Nothing here
 * decides; it only translates between the two.
 */
export function startAutoUpdate(opts: {
  logger: Logger
  onState: (state: UpdateState) => void
  /** Tests only (test/unit/update-glue.test.ts): a hand-moved clock, their own key, their own resources folder. */
  scheduler?: Scheduler
  publicKeyPem?: string | null
  resourcesPath?: string
}): {
  policy(p: UpdatePolicy): void
  state(): UpdateState
} {
  const { logger } = opts
  if (!app.isPackaged) {
    const state: UpdateState = {
      kind: 'unavailable',
      detail: 'This is a development run: only the installed app updates itself.',
    }
    opts.onState(state)
    return { policy: () => undefined, state: () => state }
  }

  const publicKeyPem = opts.publicKeyPem === undefined ? UPDATE_PUBLIC_KEY_PEM : opts.publicKeyPem
  const keyProblem =
    publicKeyPem === null
      ? 'this build carries no update signing key (docs/UPDATES.md)'
      : publicKeyProblem(publicKeyPem)
  let appUpdateYml: string | null = null
  try {
    appUpdateYml = fs.readFileSync(
      path.join(opts.resourcesPath ?? process.resourcesPath, 'app-update.yml'),
      'utf8',
    )
  } catch {
    // No publish setting in the build: the centre's updateUrl is then the only address.
  }

  // electron-updater must not act on its own: the policy says when to download and when to install.
  autoUpdater.autoDownload = false
  autoUpdater.autoInstallOnAppQuit = false
  autoUpdater.allowDowngrade = false
  autoUpdater.allowPrerelease = false
  autoUpdater.logger = {
    info: (m: unknown) => logger.info('updater', { message: String(m) }),
    warn: (m: unknown) => logger.warn('updater', { message: String(m) }),
    error: (m: unknown) => logger.error('updater', { message: String(m) }),
  }

  let token: CancellationToken | null = null
  const machine = createUpdatePolicy({
    defaultUrl: buildUpdateUrl(appUpdateYml),
    keyProblem,
    onProblem: (text) => logger.warn('update refused or failed', { text }),
    scheduler: opts.scheduler ?? {
      now: () => Date.now(),
      after(ms, fn) {
        const t = setTimeout(fn, ms)
        return () => clearTimeout(t)
      },
    },
    port: {
      check(url) {
        autoUpdater.setFeedURL({ provider: 'generic', url })
        autoUpdater.checkForUpdates().catch((err: unknown) => machine.failed(err))
      },
      async verifyFound(url, found) {
        const signed = await fetchSignedManifest({
          baseUrl: url,
          channelFile: channelFileFor(process.platform, process.arch),
          publicKeyPem: publicKeyPem ?? '',
          // Electron's network stack: the PC's proxy settings, as electron-updater's own requests use.
          fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
        })
        const problem = foundUpdateProblem(signed, found)
        if (problem) throw new UpdateRefusedError(`Update refused: ${problem}`)
        return signed
      },
      download() {
        const mine = new CancellationToken()
        token = mine
        autoUpdater.downloadUpdate(mine).catch((err: unknown) => {
          // A download we cancelled ends in an error too; by then the policy may be on a new check, which it must
          // not fail.
          if (token === mine) machine.failed(err)
        })
      },
      cancelDownload() {
        token?.cancel()
        token = null
      },
      verifyDownloaded: (file, signed) => downloadedFileProblem(file, signed),
      installOnQuit(allowed) {
        autoUpdater.autoInstallOnAppQuit = allowed
      },
      install() {
        // Silent (the NSIS installer's own pages are not shown again) and started again afterwards.
        autoUpdater.quitAndInstall(true, true)
      },
      report: (state) => opts.onState(state),
    },
  })

  autoUpdater.on('update-available', (info) => machine.found(info))
  autoUpdater.on('update-not-available', () => machine.notFound())
  autoUpdater.on('download-progress', (p) => machine.progress(p.percent))
  autoUpdater.on('update-downloaded', (e) => machine.downloaded(e.downloadedFile))
  autoUpdater.on('error', (err) => machine.failed(err))
  opts.onState(machine.state())
  return { policy: (p) => machine.policy(p), state: () => machine.state() }
}
