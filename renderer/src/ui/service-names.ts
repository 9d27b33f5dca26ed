import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import {
  forgetServiceNames,
  serviceLabel,
  serviceNamesGeneration,
  serviceNamesLoaded,
  serviceNamesSnapshot,
  setServiceNamesSession,
  storeServiceNames,
  subscribeServiceNames,
} from './service-names-store'

export { serviceLabel } from './service-names-store'

/** The load under way, and the generation of the names it is for. */
let loading: { generation: number; done: Promise<void> } | null = null

/**
 * Loads the catalogue's names once for this session (`catalogue.list`, which every signed-in staff member may
 * call). A failed load leaves the English names of the summaries; the next screen that needs names tries again.
 */
export function loadServiceNames(): Promise<void> {
  const generation = serviceNamesGeneration()
  if (serviceNamesLoaded()) return Promise.resolve()
  if (loading && loading.generation === generation) return loading.done
  const mine = {
    generation,
    done: api
      .call('catalogue.list', {})
      .then(
        (services) => storeServiceNames(generation, services),
        () => undefined,
      )
      .finally(() => {
        if (loading === mine) loading = null
      }),
  }
  loading = mine
  return mine.done
}

/** Loads the names again now (after the catalogue was edited on this PC). */
export function reloadServiceNames(): Promise<void> {
  forgetServiceNames()
  return loadServiceNames()
}

/**
 * The app tells who is signed in: the names are loaded for each session and forgotten at its end. A layout effect,
 * so the session is set before the desks' own effects ask for the names (they would load them twice otherwise).
 */
export function useServiceNamesSession(staffNumber: string | null): void {
  useLayoutEffect(() => setServiceNamesSession(staffNumber), [staffNumber])
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
  }, [names.generation])
  const language = i18n.language
  return useMemo(() => {
    // Read at each call; made anew when the names or the language change, so memoised rows follow.
    void names
    void language
    return (code: string | null | undefined, englishName: string) => serviceLabel(code, englishName)
  }, [names, language])
}
