import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { setUiLanguage } from '../../renderer/src/i18n/instance'
import { forgetServiceNames } from '../../renderer/src/ui/service-names-store'
import { fakeCore } from './fake-core'
// For the type of `window.tms` only: loading the client here would pick its transport before the fake is in place.
import type {} from '../../renderer/src/api/client'

/*
 * Runs before each renderer test file's own imports, so `renderer/src/api/client.ts` finds the fake core as
 * `window.tms` and picks it as it would pick the preload's bridge.
 */
window.tms = fakeCore.bridge

// What Mantine asks of a browser that jsdom does not implement.
window.matchMedia ??= (query: string): MediaQueryList =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

// Mantine's combobox scrolls the highlighted option into view.
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {}

// Mantine's autosizing textarea re-measures when web fonts load.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  })

afterEach(() => {
  cleanup()
  fakeCore.reset()
  // Each test starts in English, whatever the one before switched to.
  setUiLanguage('en')
  // And with no service names loaded: each test's catalogue is its own.
  forgetServiceNames()
})
