import type { MethodInput, MethodName, MethodOutput, PushEventName } from '../../common/contract'
import type { ApiFailure, ApiResult } from '../../common/errors'

type Answer<K extends MethodName> = (input: MethodInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>

/**
 * The core as the renderer sees it, for component tests: `window.tms` (what the preload exposes) answering from
 * handlers a test sets, so `renderer/src/api/client.ts` picks it exactly as it picks the real bridge. A method no
 * test answered fails the way the core fails an unknown call, and every call is recorded.
 */
class FakeCore {
  readonly calls: { method: string; input: unknown }[] = []
  private answers = new Map<string, (input: unknown) => unknown>()
  private failures = new Map<string, ApiFailure>()
  private listeners = new Map<string, Set<(data: unknown) => void>>()

  answer<K extends MethodName>(method: K, fn: Answer<K>): void {
    this.failures.delete(method)
    this.answers.set(method, fn as (input: unknown) => unknown)
  }

  fail(method: MethodName, failure: ApiFailure): void {
    this.answers.delete(method)
    this.failures.set(method, failure)
  }

  callsOf<K extends MethodName>(method: K): MethodInput<K>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<K>)
  }

  push(event: PushEventName, data: unknown): void {
    for (const l of this.listeners.get(event) ?? []) l(data)
  }

  reset(): void {
    this.calls.length = 0
    this.answers.clear()
    this.failures.clear()
    this.listeners.clear()
  }

  private async respond(method: string, input: unknown): Promise<ApiResult<unknown>> {
    this.calls.push({ method, input })
    const failure = this.failures.get(method)
    if (failure) return { ok: false, error: failure }
    const fn = this.answers.get(method)
    if (!fn)
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `The fake core has no answer for ${method}` },
      }
    return { ok: true, value: await fn(input) }
  }

  /** Windows that hold the serial scanner's desk (the preload's `claimDesk`); each claim's release lowers it. */
  deskClaims = 0

  /** The shape of `window.tms`: one function per method name, `on` for push events, and `claimDesk`. */
  readonly bridge = {
    claimDesk: (): (() => void) => {
      this.deskClaims++
      return () => {
        this.deskClaims--
      }
    },
    methods: new Proxy({} as Record<string, (input: unknown) => Promise<ApiResult<unknown>>>, {
      get: (_, method) => (input: unknown) => this.respond(String(method), input),
    }),
    on: (event: string, listener: (data: unknown) => void): (() => void) => {
      const set = this.listeners.get(event) ?? new Set()
      this.listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
}

export const fakeCore = new FakeCore()
