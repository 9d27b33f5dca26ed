import {
  app,
  BrowserWindow,
  Menu,
  MessageChannelMain,
  net,
  protocol,
  safeStorage,
  utilityProcess,
} from 'electron'
import type { UtilityProcess } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../host/security-headers'
import { parseUpdatePolicyMessage, type UpdateStateMessage } from '../core/update-messages'
import { systemClock } from '../infra/clock'
import { processLogger } from '../infra/process-logger'
import { resolveAppFile } from './app-files'
import { startAutoUpdate } from './auto-update'
import { desktopDatabaseKey } from './database-key'
import { shellOptions } from './packaged-options'
import { APP_ORIGIN, lockDown } from './security'

/**
 * Electron main process: a thin shell. It owns the window and hands that window a MessagePort to the core, which
 * runs in a utility process so synchronous SQLite work never freezes the UI. No service code lives here.
 */

const rendererDir = path.join(__dirname, '../renderer')
// Installed, DevTools are off and TMS_DATA_DIR / ELECTRON_RENDERER_URL are ignored (main/electron/packaged-options.ts).
const options = shellOptions({
  isPackaged: app.isPackaged,
  env: process.env,
  resourcesPath: process.resourcesPath,
  mainDir: __dirname,
})
const devUrl = options.devServerUrl
// Tests and multi-instance demos point the app (run from the sources) at their own data directory.
if (options.dataDir) app.setPath('userData', options.dataDir)

// Main's own lines (window, core process, key) go to <data dir>/logs/main.<n>.log beside the core's.
const { logger } = processLogger({ dataDir: app.getPath('userData'), process: 'main', clock: systemClock })
if (options.ignoredEnv.length > 0)
  logger.warn('ignored in the installed app', { variables: options.ignoredEnv })
process.on('uncaughtExceptionMonitor', (err, origin) =>
  logger.error('the main process failed', { origin, error: err }),
)

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let core: UtilityProcess | null = null
let mainWindow: BrowserWindow | null = null
let updater: ReturnType<typeof startAutoUpdate> | null = null

/** Where the update stands, to the core's status snapshot (main/core/update-messages.ts). */
function sendUpdateState(child: UtilityProcess | null): void {
  if (!child || !updater) return
  const message: UpdateStateMessage = { type: 'update-state', state: updater.state() }
  child.postMessage(message)
}

function startCore(): UtilityProcess {
  const child = utilityProcess.fork(
    path.join(__dirname, 'core.js'),
    ['--data-dir', app.getPath('userData')],
    {
      serviceName: 'Track My Service core',
    },
  )
  // First message: the database key, unsealed here by the OS keyring (safeStorage is the main process's only).
  const key = desktopDatabaseKey(app.getPath('userData'), safeStorage, logger)
  child.postMessage({ type: 'key', key: key.toString('hex') })
  // The core tells the centre's update settings and what is open at the desks; a restarted core hears the state back.
  child.on('message', (data: unknown) => {
    const policy = parseUpdatePolicyMessage(data)
    if (!policy || !updater) return
    updater.policy(policy.policy)
    sendUpdateState(child)
  })
  child.on('exit', (code) => {
    if (code !== 0) logger.error('the core process ended', { code })
    if (core !== child) return
    core = null
    // The core holds no window state: restart it and give the window a fresh port; the UI returns to sign-in.
    if (code !== 0 && mainWindow) {
      core = startCore()
      connect(mainWindow)
    }
  })
  return child
}

function connect(win: BrowserWindow): void {
  if (!core) core = startCore()
  const { port1, port2 } = new MessageChannelMain()
  core.postMessage({ type: 'connect' }, [port1])
  win.webContents.postMessage('tms:core-port', null, [port2])
}

function serveApp(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url)
    const file = resolveAppFile(rendererDir, pathname)
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Track My Service',
    backgroundColor: '#f4f6f8',
    icon: options.windowIcon,
    webPreferences: {
      devTools: options.devTools,
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.on('render-process-gone', (_e, details) =>
    logger.error('the window’s renderer ended', { reason: details.reason, exitCode: details.exitCode }),
  )
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'File', submenu: [{ role: 'quit' }] },
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { role: 'togglefullscreen' },
          ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        ],
      },
    ]),
  )
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void app.whenReady().then(() => {
    logger.info('app starting', {
      version: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      packaged: app.isPackaged,
    })
    lockDown({ devUrl, getWindow: () => mainWindow, connect })
    serveApp()
    buildMenu()
    updater = startAutoUpdate({ logger, onState: () => sendUpdateState(core) })
    core = startCore()
    mainWindow = createWindow()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    const child = core
    core = null
    child?.kill()
  })
}
