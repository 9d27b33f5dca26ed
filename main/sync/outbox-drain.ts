import type { OutboxEventRow, SyncQueries } from '../db/queries/sync'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import { nextDelayMs } from './backoff'
import {
  type CentralClient,
  createCentralClient,
  type PostEventsOutcome,
  type SyncEndpoint,
} from './central-client'
import { type SendFailure, sendBisecting } from './send-batch'
import { type SyncStateUpdate, syncStateStore, SYNC_STATE_SCHEMAS, toEntries } from './sync-state'
import { MAX_BATCH, resultsProblem, type SyncEvent, SyncEventSchema, toSyncEvent } from './wire'

export type SyncState = 'not-configured' | 'online' | 'offline' | 'needs-enrolment'

export interface SyncStatus {
  state: SyncState
  queueDepth: number
  oldestUnsentAgeMs: number | null
  lastError: string | null
  lastSuccessAt: number | null
  deadLetters: number
}

/** What one `drainOnce` did. */
export type DrainResult =
  /** Nothing queued. */
  | { kind: 'empty' }
  /** No endpoint, or the centre is not set up: events wait. */
  | { kind: 'not-configured' }
  /** The API refused the token; nothing goes until `configure` is called again. */
  | { kind: 'needs-enrolment'; error: string }
  /** Backing off after a failure; nothing was sent. */
  | { kind: 'waiting'; nextAttemptAt: number }
  /** One batch answered. `rejected` counts events moved to the dead letters. */
  | { kind: 'sent'; sent: number; accepted: number; duplicate: number; rejected: number; remaining: number }
  /** The attempt failed; the unanswered part of the batch stays first in the queue. */
  | { kind: 'failed'; error: string; nextAttemptAt: number; delivered: number }

export interface DrainTotals {
  sent: number
  accepted: number
  duplicate: number
  rejected: number
  /** Why it stopped: the first result that was not a sent batch. */
  last: DrainResult
}

export interface ImportResult {
  accepted: number
  duplicate: number
  rejected: number
  rejections: Array<{ id: string; reason: string }>
}

/** A transfer file that cannot be imported; nothing was sent. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFileError'
  }
}

export interface OutboxDrainOptions {
  queries: SyncQueries
  clock: Clock
  logger: Logger
  createClient?: (endpoint: SyncEndpoint) => CentralClient
  /** Events per request, 1..500. */
  batchSize?: number
  /** Called when the status changes (state, depth, error, last success or dead letters). */
  onStatus?: (status: SyncStatus) => void
  /** [0, 1) source for backoff jitter. */
  random?: () => number
  /** Commits within this window leave together. */
  kickDelayMs?: number
  /** Real waiting, for `importFile` retries (which run without the persisted backoff). */
  sleep?: (ms: number) => Promise<void>
  /** Attempts per batch in `importFile` before it gives up. */
  importAttempts?: number
  /**
   * Test seam: runs after the API answered and before the outbox is touched. A throw here is a crash at the worst
   * moment (the API has the events, the outbox still has them too).
   */
  afterSend?: (events: readonly SyncEvent[]) => void
}

// A server asking for more than this is treated as asking for this; the queue must not sit for days on one header.
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000
// The loop re-reads the state at least this often even with nothing to wake it, so a clock jump cannot strand it.
const MAX_SLEEP_MS = 60_000

/**
 * The push side of sync: drains the transactional outbox to the central API in seq order, a batch at a time.
 * Delivered events (accepted or duplicate: the event id is the idempotency key) leave the outbox in the same
 * transaction that records the success; rejected ones move to the dead letters so they never block the queue; any
 * other failure leaves the batch first in line and backs off (full jitter, persisted, so a restart waits too).
 */
export function createOutboxDrain(opts: OutboxDrainOptions) {
  const { queries, clock, logger } = opts
  const state = syncStateStore(queries, logger)
  // The clock goes to the client too: a Retry-After date is measured against the same time the backoff uses.
  const makeClient =
    opts.createClient ?? ((e: SyncEndpoint) => createCentralClient(e, { now: () => clock.now() }))
  const batchSize = Math.min(MAX_BATCH, Math.max(1, Math.floor(opts.batchSize ?? MAX_BATCH)))
  const random = opts.random ?? Math.random
  const kickDelayMs = opts.kickDelayMs ?? 50
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const importAttempts = Math.max(1, opts.importAttempts ?? 6)

  let client: { key: string; client: CentralClient } | null = null
  const clientFor = (endpoint: SyncEndpoint): CentralClient => {
    const key = `${endpoint.baseUrl}\n${endpoint.token}`
    if (client?.key !== key) {
      client?.client.close()
      client = { key, client: makeClient(endpoint) }
    }
    return client.client
  }

  let lastEmitted = ''
  const emitStatus = (): void => {
    if (!opts.onStatus) return
    const s = status()
    const { oldestUnsentAgeMs: _age, ...material } = s
    const text = JSON.stringify(material)
    if (text === lastEmitted) return
    lastEmitted = text
    try {
      opts.onStatus(s)
    } catch (err) {
      logger.error('sync status listener failed', { error: String(err) })
    }
  }

  function status(): SyncStatus {
    const endpoint = state.get('endpoint')
    const backoff = state.get('backoff')
    const needsEnrolment = state.get('needsEnrolment')
    const configured = endpoint !== null && queries.centreNumber() !== null
    return {
      state: !configured
        ? 'not-configured'
        : needsEnrolment
          ? 'needs-enrolment'
          : backoff && backoff.attempt > 0
            ? 'offline'
            : 'online',
      queueDepth: queries.depth(),
      oldestUnsentAgeMs: queries.oldestUnsentAgeMs(clock.now()),
      lastError: state.get('lastError')?.message ?? null,
      lastSuccessAt: state.get('lastSuccessAt'),
      deadLetters: queries.deadLetterCount(),
    }
  }

  /** Records a failed attempt and when the next may start, in one transaction. */
  function recordFailure(
    failure: SendFailure,
    seqs: readonly number[],
    usedToken: string,
  ): { nextAttemptAt: number } {
    const now = clock.now()
    const attempt = (state.get('backoff')?.attempt ?? 0) + 1
    const update: SyncStateUpdate = { lastError: { message: failure.message, at: now } }
    let nextAttemptAt = now
    if (failure.kind === 'unauthorized') {
      // A token replaced by `configure` while this batch was out is not the one the API refused.
      if (state.get('endpoint')?.token === usedToken)
        update.needsEnrolment = { since: now, message: failure.message }
      logger.warn('the central API refused the token: sync stops until the PC is enrolled again', {
        error: failure.message,
      })
    } else {
      const delay =
        failure.kind === 'retry-after'
          ? Math.min(Math.max(0, failure.ms), MAX_RETRY_AFTER_MS)
          : nextDelayMs(attempt, random)
      nextAttemptAt = now + delay
      update.backoff = { attempt, nextAttemptAt }
      if (attempt === 1 || attempt % 10 === 0) {
        logger.warn('sending events failed; will retry', {
          error: failure.message,
          attempt,
          retryInMs: delay,
        })
      }
    }
    queries.markAttempt(seqs, failure.message, toEntries(update))
    return { nextAttemptAt }
  }

  async function drainBatch(): Promise<DrainResult> {
    const endpoint = state.get('endpoint')
    const centreNumber = queries.centreNumber()
    if (!endpoint || !centreNumber) return { kind: 'not-configured' }
    const enrolment = state.get('needsEnrolment')
    if (enrolment) return { kind: 'needs-enrolment', error: enrolment.message }
    const backoff = state.get('backoff')
    if (backoff && backoff.nextAttemptAt > clock.now()) {
      return { kind: 'waiting', nextAttemptAt: backoff.nextAttemptAt }
    }
    const rows = queries.dueBatch(batchSize)
    if (rows.length === 0) return { kind: 'empty' }

    const seqById = new Map<string, number>()
    const events = rows.map((row: OutboxEventRow) => {
      seqById.set(row.id, row.seq)
      return toSyncEvent(row, centreNumber)
    })
    const api = clientFor(endpoint)
    const tally = { accepted: 0, duplicate: 0, rejected: 0 }
    const answered = new Set<number>()
    const successState = (): SyncStateUpdate => ({
      backoff: null,
      lastError: null,
      lastSuccessAt: clock.now(),
    })

    const failure = await sendBisecting(
      events,
      async (part) => {
        const outcome: PostEventsOutcome = await api.postEvents(part)
        opts.afterSend?.(part)
        // Checked here too, not only in the client: an answer that skips or invents ids must never touch the outbox.
        const problem = outcome.kind === 'results' ? resultsProblem(part, outcome.results) : null
        return problem
          ? { kind: 'failed', message: `the central API's answer is unusable: ${problem}` }
          : outcome
      },
      {
        results(_part, results) {
          const now = clock.now()
          const delivered: number[] = []
          const rejected: Array<{ seq: number; reason: string }> = []
          for (const r of results) {
            const seq = seqById.get(r.id)!
            answered.add(seq)
            if (r.outcome === 'rejected') {
              tally.rejected++
              rejected.push({ seq, reason: r.reason || 'rejected by the central API (no reason given)' })
            } else {
              tally[r.outcome]++
              delivered.push(seq)
            }
          }
          queries.applyResults(delivered, rejected, now, toEntries(successState()))
          for (const r of rejected) {
            logger.warn('the central API rejected an event: moved to dead letters', {
              seq: r.seq,
              reason: r.reason,
            })
          }
        },
        badEvent(event, detail) {
          const seq = seqById.get(event.id)!
          answered.add(seq)
          tally.rejected++
          queries.applyResults([], [{ seq, reason: detail }], clock.now(), toEntries(successState()))
          logger.error('the central API refused an event as malformed: moved to dead letters', {
            seq,
            type: event.type,
            detail,
          })
        },
      },
    )

    if (failure) {
      const unanswered = rows.map((r) => r.seq).filter((s) => !answered.has(s))
      const { nextAttemptAt } = recordFailure(failure, unanswered, endpoint.token)
      if (failure.kind === 'unauthorized') return { kind: 'needs-enrolment', error: failure.message }
      return { kind: 'failed', error: failure.message, nextAttemptAt, delivered: answered.size }
    }
    if (backoff) logger.info('sending events works again', { afterAttempts: backoff.attempt })
    return { kind: 'sent', sent: events.length, ...tally, remaining: queries.depth() }
  }

  let inFlight: Promise<DrainResult> | null = null
  /** Sends at most one batch (bisecting it if the API refuses it as a whole). Concurrent calls share one run. */
  function drainOnce(): Promise<DrainResult> {
    inFlight ??= drainBatch().finally(() => {
      inFlight = null
      emitStatus()
    })
    return inFlight
  }

  async function runUntilEmpty(): Promise<DrainTotals> {
    const totals = { sent: 0, accepted: 0, duplicate: 0, rejected: 0 }
    for (;;) {
      const r = await drainOnce()
      if (r.kind !== 'sent') return { ...totals, last: r }
      totals.sent += r.sent
      totals.accepted += r.accepted
      totals.duplicate += r.duplicate
      totals.rejected += r.rejected
      if (r.remaining === 0) return { ...totals, last: { kind: 'empty' } }
    }
  }

  // The background loop: drains while there is work and the backoff allows, then sleeps until the next due time or a
  // kick. Kicks that land while a batch is in flight are remembered, so a commit made during a send is not missed.
  let running = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null
  let kickPending = false
  let kickTimer: ReturnType<typeof setTimeout> | null = null

  const sleepUntilKick = (ms: number): Promise<void> => {
    if (kickPending || !running) {
      kickPending = false
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        wake = null
        resolve()
      }
      const timer = setTimeout(done, Math.max(0, Math.min(ms, MAX_SLEEP_MS)))
      timer.unref?.()
      wake = done
    })
  }

  async function runLoop(): Promise<void> {
    let internalFailures = 0
    while (running) {
      kickPending = false
      let wait = MAX_SLEEP_MS
      try {
        const r = await drainOnce()
        internalFailures = 0
        if (r.kind === 'sent') continue
        if (r.kind === 'waiting' || r.kind === 'failed') wait = r.nextAttemptAt - clock.now()
      } catch (err) {
        // A fault on this side (database, a bug): the batch stays queued; wait so the loop does not spin.
        internalFailures++
        wait = nextDelayMs(internalFailures, random) + 1000
        logger.error('the outbox drain failed', { error: err instanceof Error ? err.message : String(err) })
      }
      if (!running) break
      await sleepUntilKick(wait)
    }
  }

  /** Something was committed: drain soon. Kicks within `kickDelayMs` collapse into one wake-up. */
  function kick(): void {
    if (kickTimer) return
    kickTimer = setTimeout(() => {
      kickTimer = null
      if (wake) wake()
      else kickPending = true
    }, kickDelayMs)
    kickTimer.unref?.()
  }

  return {
    kick,
    drainOnce,
    runUntilEmpty,
    start(): void {
      if (running) return
      running = true
      loop = runLoop()
    },
    /** Stops the loop, waits for a batch in flight to finish, and closes the HTTP client. */
    async stop(): Promise<void> {
      running = false
      if (kickTimer) clearTimeout(kickTimer)
      kickTimer = null
      wake?.()
      await loop
      loop = null
      await inFlight?.catch(() => undefined)
      client?.client.close()
      client = null
    },
    status,
    /**
     * Points sync at the central API with a fresh token (after enrolment). Clears a needs-enrolment stop and the
     * backoff, so the queue goes at once.
     */
    configure(
      endpoint: SyncEndpoint,
      enrolment?: { deviceId: string; centreNumber: string; enrolledAt: number },
    ) {
      const parsed = SYNC_STATE_SCHEMAS.endpoint.safeParse(endpoint)
      if (!parsed.success)
        throw new Error(parsed.error.issues[0]?.message ?? 'the central API endpoint is not valid')
      state.put({
        endpoint: parsed.data,
        needsEnrolment: null,
        backoff: null,
        ...(enrolment ? { enrolment } : {}),
      })
      emitStatus()
      kick()
    },
    /** Stops sync: events keep queuing in the outbox. */
    unconfigure(): void {
      state.put({ endpoint: null, backoff: null, needsEnrolment: null })
      client?.client.close()
      client = null
      emitStatus()
    },
    deadLetters: (limit?: number) => queries.deadLetters(limit),
    /** Puts a dead letter back in the queue (after the cause was fixed on the far side). */
    retryDeadLetter(seq: number): boolean {
      const moved = queries.retryDeadLetter(seq, clock.now())
      if (moved) {
        emitStatus()
        kick()
      }
      return moved
    },
    /** Every queued event as JSON lines, oldest first: the offline transfer file. */
    exportPending(): string {
      const centreNumber = queries.centreNumber()
      if (!centreNumber) throw new Error('the centre is not set up: there is nothing to export')
      const lines: string[] = []
      for (const row of queries.pending()) lines.push(JSON.stringify(toSyncEvent(row, centreNumber)))
      return lines.length === 0 ? '' : lines.join('\n') + '\n'
    },
    /**
     * Sends a transfer file made by `exportPending` on another PC. Every line is checked first; one bad line and
     * nothing is sent. The API's idempotency on event ids makes a repeated import (or the other PC coming online
     * later) harmless: what already arrived comes back as duplicate.
     */
    async importFile(text: string): Promise<ImportResult> {
      const events = parseTransferFile(text)
      const endpoint = state.get('endpoint')
      if (!endpoint) throw new Error('the central API is not configured on this PC: cannot import')
      if (state.get('needsEnrolment')) throw new Error('this PC must be enrolled again before it can import')
      const api = clientFor(endpoint)
      const result: ImportResult = { accepted: 0, duplicate: 0, rejected: 0, rejections: [] }
      const postWithRetries = async (part: readonly SyncEvent[]): Promise<PostEventsOutcome> => {
        for (let attempt = 1; ; attempt++) {
          const outcome = await api.postEvents(part)
          if (outcome.kind !== 'failed' && outcome.kind !== 'retry-after') return outcome
          if (attempt >= importAttempts) return outcome
          await sleep(
            outcome.kind === 'retry-after'
              ? Math.min(outcome.ms, MAX_RETRY_AFTER_MS)
              : nextDelayMs(attempt, random),
          )
        }
      }
      for (let i = 0; i < events.length; i += batchSize) {
        const failure = await sendBisecting(events.slice(i, i + batchSize), postWithRetries, {
          results(_part, results) {
            for (const r of results) {
              result[r.outcome]++
              if (r.outcome === 'rejected')
                result.rejections.push({ id: r.id, reason: r.reason || 'rejected' })
            }
          },
          badEvent(event, detail) {
            result.rejected++
            result.rejections.push({ id: event.id, reason: detail })
          },
        })
        if (failure) {
          const done = result.accepted + result.duplicate + result.rejected
          throw new Error(
            `import stopped after ${done} of ${events.length} events: ${failure.message}. ` +
              'Run it again later; events already sent will count as duplicates.',
          )
        }
      }
      return result
    },
  }
}
export type OutboxDrain = ReturnType<typeof createOutboxDrain>

/** Checks a transfer file line by line; throws `ImportFileError` naming the first bad line. */
export function parseTransferFile(text: string): SyncEvent[] {
  const events: SyncEvent[] = []
  const lineOf = new Map<string, number>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    const n = i + 1
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      throw new ImportFileError(`line ${n}: not valid JSON`)
    }
    const parsed = SyncEventSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
      throw new ImportFileError(`line ${n}: ${where}${issue?.message ?? 'not an event'}`)
    }
    const earlier = lineOf.get(parsed.data.id)
    if (earlier !== undefined)
      throw new ImportFileError(`line ${n}: event ${parsed.data.id} is already on line ${earlier}`)
    lineOf.set(parsed.data.id, n)
    events.push(parsed.data)
  }
  return events
}
