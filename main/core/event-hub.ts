import type { PushEventMap, PushEventName } from '../../common/contract'

export type PushListener = <E extends PushEventName>(event: E, data: PushEventMap[E]) => void

/**
 * Routes pushed events to transport connections. A connection subscribes under its session key; one key may have
 * several listeners (several browser tabs share one HTTP session cookie), and each listener is one connection.
 *
 * The serial scanner has one desk: its reads go to the one connection whose scan page (arrivals, hand-over, shelf
 * audit) claimed it most recently, never to all of them, or two tabs on one batch would both act on one scan. A page
 * claims when it opens and again when the clerk works in it; when it closes, or its connection goes, the desk falls
 * back to the claimant before it that is still there.
 */
export function createEventHub() {
  const listeners = new Map<string, Set<PushListener>>()
  // Oldest first; the last one owns the desk. A connection is in it at most once.
  const deskClaims: PushListener[] = []
  const release = (listener: PushListener): void => {
    const at = deskClaims.indexOf(listener)
    if (at !== -1) deskClaims.splice(at, 1)
  }
  const subscribed = (listener: PushListener): boolean => {
    for (const set of listeners.values()) if (set.has(listener)) return true
    return false
  }
  return {
    subscribe(key: string, listener: PushListener): () => void {
      let set = listeners.get(key)
      if (!set) listeners.set(key, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(key)
        release(listener)
      }
    },
    emitTo<E extends PushEventName>(key: string, event: E, data: PushEventMap[E]): void {
      for (const l of listeners.get(key) ?? []) l(event, data)
    },
    broadcast<E extends PushEventName>(event: E, data: PushEventMap[E]): void {
      for (const set of listeners.values()) for (const l of set) l(event, data)
    },
    /** The connection of `listener` takes the scanner's desk (again); only a subscribed connection can. */
    claimDesk(listener: PushListener): void {
      if (!subscribed(listener)) return
      release(listener)
      deskClaims.push(listener)
    },
    releaseDesk: release,
    /** A serial scanner event: to the desk's owner only, or to nobody when no scan page is open. */
    emitToDesk<E extends PushEventName>(event: E, data: PushEventMap[E]): void {
      deskClaims.at(-1)?.(event, data)
    },
  }
}
export type EventHub = ReturnType<typeof createEventHub>
