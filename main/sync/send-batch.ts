import type { PostEventsOutcome } from './central-client'
import type { EventResult, SyncEvent } from './wire'

/** A failure that stops sending: the rest of the batch waits (in order) for the next attempt. */
export type SendFailure = Extract<PostEventsOutcome, { kind: 'unauthorized' | 'retry-after' | 'failed' }>

export interface SendHandlers {
  /** The API answered for these events; apply before anything later is sent. */
  results(events: readonly SyncEvent[], results: readonly EventResult[]): void
  /** The API refused this single event with a 4xx problem: it is bad in itself. */
  badEvent(event: SyncEvent, detail: string): void
}

/**
 * Sends `events` in order. A 4xx problem for a batch means some event in it is bad, and the API will not say
 * which: the batch is halved and each half sent in turn (left first, so order holds) until the bad events stand
 * alone. A batch of n with one bad event costs about 2·log2(n) extra requests. Any other failure stops at once;
 * halves already answered stay answered, and what was not sent is returned to the queue by the caller.
 */
export async function sendBisecting(
  events: readonly SyncEvent[],
  post: (events: readonly SyncEvent[]) => Promise<PostEventsOutcome>,
  handlers: SendHandlers,
): Promise<SendFailure | null> {
  if (events.length === 0) return null
  const outcome = await post(events)
  switch (outcome.kind) {
    case 'results':
      handlers.results(events, outcome.results)
      return null
    case 'bad-request': {
      if (events.length === 1) {
        handlers.badEvent(events[0]!, outcome.detail)
        return null
      }
      const mid = Math.ceil(events.length / 2)
      const left = await sendBisecting(events.slice(0, mid), post, handlers)
      if (left) return left
      return sendBisecting(events.slice(mid), post, handlers)
    }
    default:
      return outcome
  }
}
