import { app, ipcMain, session, type BrowserWindow } from 'electron'

export const APP_ORIGIN = 'app://tms'

/** True for our packaged pages, and for the dev server's when running unpackaged under `electron-vite dev`. */
export function isOurUrl(url: string | undefined, devUrl: string | undefined): boolean {
  if (!url) return false
  return url.startsWith(APP_ORIGIN + '/') || (devUrl !== undefined && url.startsWith(devUrl))
}

/**
 * Denies every permission, popup, foreign navigation and webview, and answers the one IPC message we accept (a
 * window asking for its core port) only from our own window's main frame on our own origin.
 */
export function lockDown(opts: {
  devUrl: string | undefined
  getWindow: () => BrowserWindow | null
  connect: (win: BrowserWindow) => void
}): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event, url) => {
      if (!isOurUrl(url, opts.devUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  ipcMain.on('tms:request-port', (event) => {
    const win = opts.getWindow()
    if (!win || event.sender !== win.webContents || event.senderFrame !== win.webContents.mainFrame) return
    if (!isOurUrl(event.senderFrame?.url, opts.devUrl)) return
    opts.connect(win)
  })
}
