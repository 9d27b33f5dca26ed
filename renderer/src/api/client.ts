import type {
  MethodInput,
  MethodName,
  MethodOutput,
  PushEventMap,
  PushEventName,
} from '../../../common/contract'
import type { ApiFailure, ApiResult, ErrorCode } from '../../../common/errors'
import { contractText } from '../i18n/contract-text'
import { i18n } from '../i18n/instance'

/** How calls travel: the Electron preload's MessagePort, or HTTP to the browser host. */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<ApiResult<unknown>>
  on(event: PushEventName, listener: (data: unknown) => void): () => void
  /**
   * Takes the serial scanner's desk for this window or tab: the core sends serial scans to the one connection that
   * claimed it last (main/core/event-hub.ts). Calling it again while held claims it again; the returned function
   * gives this hold up.
   */
  claimDesk(): () => void
}

/** What the preload exposes as `window.tms` (see preload/index.ts). */
interface ElectronBridge {
  methods: Record<string, (input: unknown) => Promise<ApiResult<unknown>>>
  on(event: string, listener: (data: unknown) => void): () => void
  claimDesk(): () => void
}

/**
 * A failed call. `message` is for the person at the window: a contract rule's or the core's own message (the core
 * answers in English) in the window's language, found by `contractText`; a text neither catalogue holds (an
 * operating system's error) as it came. `wireMessage` is the core's English.
 */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined
  readonly wireMessage: string
  constructor(failure: ApiFailure) {
    super(contractText(failure.message))
    this.name = 'ApiError'
    this.code = failure.code
    this.field = failure.field
    this.wireMessage = failure.message
  }
}

export function electronTransport(bridge: ElectronBridge): Transport {
  return {
    call: (method, input) => {
      const fn = bridge.methods[method]
      if (!fn)
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: i18n.t('ui.api.unknownMethod', { method }) },
        })
      return fn(input)
    },
    on: (event, listener) => bridge.on(event, listener),
    claimDesk: () => bridge.claimDesk(),
  }
}

/** Made when it happens, so it is in the language the window shows then. */
const offline = (): ApiFailure => ({ code: 'INTERNAL', message: i18n.t('ui.api.offline') })

export function httpTransport(base = ''): Transport {
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(data: unknown) => void>>()
  // The host names each event stream first (main/host/http-host.ts); the desk is claimed for that stream, this tab's.
  let connection: string | null = null
  let deskHolds = 0
  // One after another, so a claim and the release just after it reach the host in that order.
  let deskCalls: Promise<unknown> = Promise.resolve()
  const tellDesk = (claimed: boolean): void => {
    const stream = connection
    if (!stream) return
    deskCalls = deskCalls.then(() =>
      fetch(`${base}/api/events/desk`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ connection: stream, claimed }),
        credentials: 'same-origin',
      }).catch(() => undefined),
    )
  }
  const ensureSource = (): EventSource => {
    if (source) return source
    const fresh = new EventSource(`${base}/api/events`)
    fresh.addEventListener('tms.connection', (e) => {
      connection = (JSON.parse((e as MessageEvent<string>).data) as { connection: string }).connection
      // A stream that reconnected is a new connection to the host: a held desk is claimed for it again.
      if (deskHolds > 0) tellDesk(true)
    })
    return (source = fresh)
  }
  const listen = (event: string): void => {
    if (listeners.has(event)) return
    listeners.set(event, new Set())
    ensureSource().addEventListener(event, (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as unknown
      for (const l of listeners.get(event) ?? []) l(data)
    })
  }
  return {
    async call(method, input) {
      try {
        const res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        })
        return (await res.json()) as ApiResult<unknown>
      } catch {
        return { ok: false, error: offline() }
      }
    },
    on(event, listener) {
      listen(event)
      listeners.get(event)?.add(listener)
      return () => listeners.get(event)?.delete(listener)
    },
    claimDesk() {
      ensureSource()
      deskHolds++
      tellDesk(true)
      let held = true
      return () => {
        if (!held) return
        held = false
        deskHolds--
        if (deskHolds === 0) tellDesk(false)
      }
    },
  }
}

export interface Api {
  /** Calls a contract method; resolves with its output or throws ApiError with the core's code and message. */
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>>
  on<E extends PushEventName>(event: E, listener: (data: PushEventMap[E]) => void): () => void
  /** See Transport.claimDesk: the serial scanner's reads come to this window or tab while it holds the desk. */
  claimDesk(): () => void
}

export function createApi(transport: Transport): Api {
  return {
    async call(method, input) {
      const result = await transport.call(method, input)
      if (!result.ok) throw new ApiError(result.error)
      return result.value as never
    },
    on: (event, listener) => transport.on(event, listener as (data: unknown) => void),
    claimDesk: () => transport.claimDesk(),
  }
}

declare global {
  interface Window {
    tms?: ElectronBridge
  }
}

/** The app's single API client: Electron when the preload is there, HTTP otherwise. */
export const api: Api = createApi(window.tms ? electronTransport(window.tms) : httpTransport())
