import { randomBytes } from 'node:crypto'

/** How long a browser session may go unused before it is forgotten (a tab left open overnight keeps working). */
export const SESSION_IDLE_EXPIRY_MS = 24 * 60 * 60 * 1000
/**
 * How long a session whose cookie never came back may live. Every cookie-less page request gets one, and most such
 * requests are never followed by an API call (a crawler, a health check, a script); keeping each for 24 h let
 * 20,000 requests hold 40 MB.
 */
export const UNCLAIMED_EXPIRY_MS = 10 * 60 * 1000
/** Sessions kept at most; past it the least recently used goes, unclaimed ones first. A centre PC has a few tabs. */
export const MAX_BROWSER_SESSIONS = 200

interface Entry {
  lastUsed: number
  /** The cookie has been presented back at least once (the page loaded and called the API). */
  claimed: boolean
}

/**
 * The browser host's session cookies. Bounded in number and in time, so no stream of requests can grow it; the
 * caller is told which ids were dropped so the core can sign them out.
 */
export class BrowserSessions {
  /** Insertion order is use order: a use moves the entry to the end, so the first entries are the least recent. */
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly now: () => number,
    private readonly onDropped: (id: string) => void,
    private readonly max = MAX_BROWSER_SESSIONS,
  ) {}

  get size(): number {
    return this.entries.size
  }

  /** A new session id, after forgetting expired ones and making room. */
  issue(): string {
    this.expire()
    while (this.entries.size >= this.max) this.evictOne()
    const id = randomBytes(32).toString('base64url')
    this.entries.set(id, { lastUsed: this.now(), claimed: false })
    return id
  }

  /** Whether `id` is a live session; if so it counts as used now. */
  use(id: string): boolean {
    const e = this.entries.get(id)
    if (!e) return false
    if (this.expired(e, this.now())) {
      this.drop(id)
      return false
    }
    this.entries.delete(id)
    this.entries.set(id, { lastUsed: this.now(), claimed: true })
    return true
  }

  private expired(e: Entry, now: number): boolean {
    return now - e.lastUsed > (e.claimed ? SESSION_IDLE_EXPIRY_MS : UNCLAIMED_EXPIRY_MS)
  }

  private expire(): void {
    const now = this.now()
    for (const [id, e] of this.entries) if (this.expired(e, now)) this.drop(id)
  }

  private evictOne(): void {
    for (const [id, e] of this.entries) {
      if (!e.claimed) {
        this.drop(id)
        return
      }
    }
    const oldest = this.entries.keys().next()
    if (!oldest.done) this.drop(oldest.value)
  }

  private drop(id: string): void {
    this.entries.delete(id)
    this.onDropped(id)
  }
}
