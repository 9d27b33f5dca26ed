import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { shellOptions } from '../../main/electron/packaged-options'

/** The packaged-build guards of the Electron shell, decided in a file that does not load electron. */
const resourcesPath = path.resolve('/opt/Track My Service/resources')
const mainDir = path.resolve('/src/tms/out/main')
const env = { TMS_DATA_DIR: '/tmp/other-centre', ELECTRON_RENDERER_URL: 'http://localhost:5173' }

describe('shellOptions', () => {
  it('installed: no DevTools, TMS_DATA_DIR and the dev server ignored and named as ignored', () => {
    expect(shellOptions({ isPackaged: true, env, resourcesPath, mainDir })).toEqual({
      devTools: false,
      dataDir: undefined,
      devServerUrl: undefined,
      windowIcon: path.join(resourcesPath, 'icon.png'),
      ignoredEnv: ['TMS_DATA_DIR', 'ELECTRON_RENDERER_URL'],
    })
  })

  it('installed with neither variable set: nothing to report as ignored', () => {
    expect(shellOptions({ isPackaged: true, env: {}, resourcesPath, mainDir }).ignoredEnv).toEqual([])
  })

  it('from the sources: DevTools, TMS_DATA_DIR and the dev server honoured, the icon from resources/', () => {
    expect(shellOptions({ isPackaged: false, env, resourcesPath, mainDir })).toEqual({
      devTools: true,
      dataDir: '/tmp/other-centre',
      devServerUrl: 'http://localhost:5173',
      windowIcon: path.resolve('/src/tms/resources/icon.png'),
      ignoredEnv: [],
    })
  })

  it('from the sources, an empty TMS_DATA_DIR means userData, as when it is not set', () => {
    expect(
      shellOptions({ isPackaged: false, env: { TMS_DATA_DIR: '' }, resourcesPath, mainDir }).dataDir,
    ).toBe(undefined)
  })

  it('the window icon it names from the sources is the one resources/ holds', () => {
    const fromSources = shellOptions({
      isPackaged: false,
      env: {},
      resourcesPath,
      mainDir: path.resolve(import.meta.dirname, '../../out/main'),
    })
    expect(fs.existsSync(fromSources.windowIcon)).toBe(true)
  })

  it('main/electron/index.ts reads the environment only through shellOptions and takes DevTools from it', () => {
    const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../main/electron/index.ts'), 'utf8')
    expect(src).not.toMatch(/process\.env\[|process\.env\.[A-Z]/)
    expect(src).toContain('devTools: options.devTools')
    expect(src).not.toContain('openDevTools')
  })
})
