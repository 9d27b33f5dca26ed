import type { Service } from '../../../common/catalogue'
import { uiLanguage } from '../i18n/instance'

/**
 * The catalogue's names of each service, English and Kiswahili, as this window last loaded them. The core's lists
 * name a service in English only (`serviceName`, what its log and files have always said); the window shows the
 * name in its own language from here. Kept apart from the loader (service-names.ts) so that the message look-up
 * (i18n/contract-text.ts), which the API client uses, can read it without importing the client.
 */

interface Names {
  en: string
  sw: string
}

interface State {
  /** The staff member the names are for; undefined before any session is known (a test's window). */
  session: string | null | undefined
  /** Raised each time the names are forgotten, so a load begun before does not put back what was forgotten. */
  generation: number
  byCode: ReadonlyMap<string, Names> | null
  byEnglish: ReadonlyMap<string, Names>
}

let state: State = { session: undefined, generation: 0, byCode: null, byEnglish: new Map() }
const listeners = new Set<() => void>()

function set(next: State): void {
  state = next
  for (const l of listeners) l()
}

export function subscribeServiceNames(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Changes whenever the names are loaded or forgotten (for useSyncExternalStore). */
export const serviceNamesSnapshot = (): State => state

export const serviceNamesGeneration = (): number => state.generation
export const serviceNamesLoaded = (): boolean => state.byCode !== null

/** A new session (another person, or nobody) forgets the names: they are loaded again for the next one. */
export function setServiceNamesSession(session: string | null): void {
  if (session === state.session) return
  set({ session, generation: state.generation + 1, byCode: null, byEnglish: new Map() })
}

/** Forgets the names of this session (to load them again). */
export function forgetServiceNames(): void {
  set({ ...state, generation: state.generation + 1, byCode: null, byEnglish: new Map() })
}

/** The names a load begun at `generation` found; dropped when they were forgotten since. */
export function storeServiceNames(generation: number, services: readonly Service[]): void {
  if (generation !== state.generation) return
  const byCode = new Map<string, Names>()
  const byEnglish = new Map<string, Names>()
  for (const s of services) {
    const names = { en: s.nameEn, sw: s.nameSw }
    byCode.set(s.code, names)
    // Two services of one English name: the first keeps it (a message names the service by that name only).
    if (!byEnglish.has(s.nameEn)) byEnglish.set(s.nameEn, names)
  }
  set({ ...state, byCode, byEnglish })
}

const pick = (names: Names): string => (uiLanguage() === 'sw' ? names.sw : names.en)

/**
 * The service's name in the window's language; `englishName` (what the core's summary says) when the catalogue
 * has not loaded or does not know the code (a service removed since, or a code of another centre).
 */
export function serviceLabel(code: string | null | undefined, englishName: string): string {
  const names = code ? state.byCode?.get(code) : undefined
  return names ? pick(names) : englishName
}

/** A service named by its English name (as the core's messages name it) in the window's language, or null. */
export function serviceLabelOfEnglish(englishName: string): string | null {
  const names = state.byEnglish.get(englishName)
  return names ? pick(names) : null
}
