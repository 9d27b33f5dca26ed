import path from 'node:path'

/** What the shell decides differently in an installed app; kept free of electron so it is tested in plain Node. */
export interface ShellOptions {
  /** DevTools in the window, and the menu item that opens them. Never in an installed app on a counter PC. */
  devTools: boolean
  /** The data folder to use instead of Electron's userData, or undefined for userData. */
  dataDir: string | undefined
  /** electron-vite's dev server, to load the renderer from; only when running from the sources. */
  devServerUrl: string | undefined
  /** The window icon (Linux shows it in the task bar; Windows takes the exe's). */
  windowIcon: string
  /** Environment variables set but ignored, to be logged, so nobody wonders why one did nothing. */
  ignoredEnv: string[]
}

/**
 * The packaged-build guards. Installed (`app.isPackaged`): no DevTools, and `TMS_DATA_DIR` and
 * `ELECTRON_RENDERER_URL` ignored, so nobody at a counter PC can point the app at another data folder (and its
 * database key file) or another page by setting a variable. From the sources (`npm start`, the tests and
 * multi-instance demos) both are honoured and DevTools are there.
 */
export function shellOptions(opts: {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  /** process.resourcesPath: where extraResources (resources/) land in an installed app. */
  resourcesPath: string
  /** The folder of the built main bundle (out/main), to find resources/ from the sources. */
  mainDir: string
}): ShellOptions {
  const set = (name: string): string | undefined => {
    const value = opts.env[name]
    return value === undefined || value === '' ? undefined : value
  }
  const windowIcon = opts.isPackaged
    ? path.join(opts.resourcesPath, 'icon.png')
    : path.join(opts.mainDir, '../../resources/icon.png')
  if (opts.isPackaged) {
    return {
      devTools: false,
      dataDir: undefined,
      devServerUrl: undefined,
      windowIcon,
      ignoredEnv: ['TMS_DATA_DIR', 'ELECTRON_RENDERER_URL'].filter((n) => set(n) !== undefined),
    }
  }
  return {
    devTools: true,
    dataDir: set('TMS_DATA_DIR'),
    devServerUrl: set('ELECTRON_RENDERER_URL'),
    windowIcon,
    ignoredEnv: [],
  }
}
