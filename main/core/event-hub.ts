import type { PushEventMap, PushEventName } from '../../common/contract'

export type PushListener = <E extends PushEventName>(event: E, data: PushEventMap[E]) => void

/**
 * Routes pushed events to transport connections. A connection subscribes under its session key; one key may have
 * several listeners (several browser tabs share one HTTP session cookie).
 */
export function createEventHub() {
  const listeners = new Map<string, Set<PushListener>>()
  return {
    subscribe(key: string, listener: PushListener): () => void {
      let set = listeners.get(key)
      if (!set) listeners.set(key, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(key)
      }
    },
    emitTo<E extends PushEventName>(key: string, event: E, data: PushEventMap[E]): void {
      for (const l of listeners.get(key) ?? []) l(event, data)
    },
    broadcast<E extends PushEventName>(event: E, data: PushEventMap[E]): void {
      for (const set of listeners.values()) for (const l of set) l(event, data)
    },
  }
}
export type EventHub = ReturnType<typeof createEventHub>
