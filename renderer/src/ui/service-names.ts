import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import {
  forgetServiceNames,
  serviceLabel,
  serviceNamesLoaded,
  serviceNamesSession,
  serviceNamesSnapshot,
  setServiceNamesSession,
  storeServiceNames,
  subscribeServiceNames,
} from './service-names-store'

export { serviceLabel } from './service-names-store'

/** The load under way, and the session it is for (a load that ends after a sign-out is dropped). */
let loading: { session: string | null | undefined; done: Promise<void> } | null = null
/** Raised by a reload, so a load begun before it does not put back the names it replaced. */
let generation = 0

/**
 * Loads the catalogue's names once for this session (`catalogue.list`, which every signed-in staff member may
 * call). A failed load leaves the English names of the summaries; the next screen that needs names tries again.
 */
export function loadServiceNames(): Promise<void> {
  const session = serviceNamesSession()
  if (serviceNamesLoaded()) return Promise.resolve()
  if (loading && loading.session === session) return loading.done
  const started = generation
  const done = api.call('catalogue.list', {}).then(
    (services) => {
      if (serviceNamesSession() === session && generation === started) storeServiceNames(services)
    },
    () => undefined,
  )
  const mine = { session, done: done.finally(() => (loading = loading === mine ? null : loading)) }
  loading = mine
  return mine.done
}

/** Loads the names again now (after the catalogue was edited on this PC). */
export function reloadServiceNames(): Promise<void> {
  generation++
  loading = null
  forgetServiceNames()
  return loadServiceNames()
}

/** The app tells who is signed in: the names are loaded for each session and forgotten at its end. */
export function useServiceNamesSession(staffNumber: string | null): void {
  useEffect(() => setServiceNamesSession(staffNumber), [staffNumber])
}

/**
 * `label(code, englishName)`: a service's name in the window's language (see serviceLabel). The component renders
 * again when the names arrive or the language changes.
 */
export function useServiceLabel(): (code: string | null | undefined, englishName: string) => string {
  const { i18n } = useTranslation()
  const names = useSyncExternalStore(subscribeServiceNames, serviceNamesSnapshot)
  useEffect(() => {
    void loadServiceNames()
  }, [names.session])
  const language = i18n.language
  return useMemo(() => {
    // Read at each call; made anew when the names or the language change, so memoised rows follow.
    void names
    void language
    return (code: string | null | undefined, englishName: string) => serviceLabel(code, englishName)
  }, [names, language])
}
