import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The Electron glue, with `electron` mocked: the real binary cannot be downloaded on build machines, and what we
 * check here is our own wiring (what is denied, who gets a port), not Electron itself.
 */
type Handler = (...args: unknown[]) => void
const state = vi.hoisted(() => ({
  appHandlers: new Map<string, Handler>(),
  ipcHandlers: new Map<string, Handler>(),
  permissionRequest: null as null | Handler,
  permissionCheck: null as null | ((...a: unknown[]) => boolean),
}))

vi.mock('electron', () => ({
  app: { on: (name: string, h: Handler) => state.appHandlers.set(name, h) },
  ipcMain: { on: (name: string, h: Handler) => state.ipcHandlers.set(name, h) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: Handler) => (state.permissionRequest = h),
      setPermissionCheckHandler: (h: (...a: unknown[]) => boolean) => (state.permissionCheck = h),
    },
  },
}))

const { isOurUrl, lockDown } = await import('../../main/electron/security')
const { resolveAppFile } = await import('../../main/electron/app-files')

function fakeContents() {
  const handlers = new Map<string, Handler>()
  let openHandler: (() => unknown) | null = null
  return {
    handlers,
    openResult: () => openHandler?.(),
    setWindowOpenHandler: (h: () => unknown) => (openHandler = h),
    on: (name: string, h: Handler) => handlers.set(name, h),
  }
}

describe('Electron security glue', () => {
  const mainFrame = { url: 'app://tms/index.html' }
  const webContents = { mainFrame }
  const win = { webContents }
  const connect = vi.fn()

  beforeEach(() => {
    state.appHandlers.clear()
    state.ipcHandlers.clear()
    connect.mockClear()
    lockDown({ devUrl: undefined, getWindow: () => win as never, connect })
  })

  it('denies every permission request and check', () => {
    const answer = vi.fn()
    state.permissionRequest?.({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(state.permissionCheck?.({}, 'notifications')).toBe(false)
  })

  it('denies popups, foreign navigation and webviews in every web contents', () => {
    const contents = fakeContents()
    state.appHandlers.get('web-contents-created')?.({}, contents)
    expect(contents.openResult()).toEqual({ action: 'deny' })

    const foreign = { preventDefault: vi.fn() }
    contents.handlers.get('will-navigate')?.(foreign, 'https://evil.example/')
    expect(foreign.preventDefault).toHaveBeenCalled()
    const ours = { preventDefault: vi.fn() }
    contents.handlers.get('will-navigate')?.(ours, 'app://tms/index.html')
    expect(ours.preventDefault).not.toHaveBeenCalled()

    const webview = { preventDefault: vi.fn() }
    contents.handlers.get('will-attach-webview')?.(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('hands a core port only to our own window’s main frame on our origin', () => {
    const ask = state.ipcHandlers.get('tms:request-port')
    ask?.({ sender: {}, senderFrame: mainFrame })
    ask?.({ sender: webContents, senderFrame: { url: 'app://tms/index.html' } })
    ask?.({ sender: webContents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } })
    expect(connect).not.toHaveBeenCalled()
    ask?.({ sender: webContents, senderFrame: mainFrame })
    expect(connect).toHaveBeenCalledWith(win)
  })

  it('recognises only our own origin (and the dev server when given)', () => {
    expect(isOurUrl('app://tms/index.html', undefined)).toBe(true)
    expect(isOurUrl('app://tmsx/index.html', undefined)).toBe(false)
    expect(isOurUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isOurUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isOurUrl(undefined, undefined)).toBe(false)
  })
})

describe('app:// file mapping', () => {
  const dir = path.resolve('/srv/renderer')
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(dir, '/assets/index.js')).toBe(path.join(dir, 'assets/index.js'))
  })
  it('answers routes and escapes with index.html', () => {
    for (const p of ['/', '/settings', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd.txt', '/%E0%A4%A']) {
      expect(resolveAppFile(dir, p)).toBe(path.join(dir, 'index.html'))
    }
  })
})
