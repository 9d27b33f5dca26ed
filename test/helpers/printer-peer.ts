import net from 'node:net'

/**
 * A receipt printer on 127.0.0.1 for tests: a real net.Server speaking raw port-9100 style. It answers
 * DLE EOT n (0x10 0x04 n, n = 1..4) wherever it appears in the stream, as a real printer does, and strips
 * those requests from the recorded job. `jobs` holds the bytes of each connection that ended cleanly (FIN)
 * and carried job bytes; `connections` counts every accepted connection.
 *
 * Modes (read when a connection arrives):
 * - accept: read everything, record the job when the client ends, then close.
 * - refuse-after-accept: accept, then reset the connection at once (a printer busy with another host).
 * - hang: accept, never read (socket.pause()), never close — until close().
 * - drop-mid-job: reset the connection after `dropAfterBytes` job bytes (default 100).
 */
export type PeerMode = 'accept' | 'refuse-after-accept' | 'hang' | 'drop-mid-job'

export interface PeerStatus {
  cover?: boolean
  paperOut?: boolean
  paperLow?: boolean
  offline?: boolean
  /** An unrecoverable/auto-recoverable error (DLE EOT 2 bit 6). */
  error?: boolean
}

export interface PrinterPeerOptions {
  mode?: PeerMode
  status?: PeerStatus
  /** False: a printer that ignores DLE EOT (requests are still stripped from the job). Default true. */
  answerStatus?: boolean
  dropAfterBytes?: number
}

export interface PrinterPeer {
  readonly port: number
  readonly host: '127.0.0.1'
  readonly jobs: Buffer[]
  /** Every DLE EOT n received, in order. */
  readonly statusRequests: number[]
  readonly connections: number
  setMode(mode: PeerMode): void
  setStatus(status: PeerStatus): void
  setAnswerStatus(answer: boolean): void
  /** A 127.0.0.1 port nothing listens on (bound, then released), for "connection refused". */
  refusedPort(): Promise<number>
  close(): Promise<void>
}

/** The answer byte a printer with `s` gives to DLE EOT n (fixed bits 0x12 always set). */
export function statusAnswer(n: number, s: PeerStatus): number {
  const offline = Boolean(s.offline || s.cover || s.paperOut || s.error)
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0)
    case 2:
      return 0x12 | (s.cover ? 0x04 : 0) | (s.paperOut ? 0x20 : 0) | (s.error ? 0x40 : 0)
    case 3:
      return 0x12
    default:
      return 0x12 | (s.paperLow || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0)
  }
}

export async function startPrinterPeer(opts: PrinterPeerOptions = {}): Promise<PrinterPeer> {
  let mode: PeerMode = opts.mode ?? 'accept'
  let status: PeerStatus = { ...opts.status }
  let answerStatus = opts.answerStatus ?? true
  const dropAfter = opts.dropAfterBytes ?? 100
  const jobs: Buffer[] = []
  const statusRequests: number[] = []
  const sockets = new Set<net.Socket>()
  let connections = 0

  const server = net.createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('error', () => {}) // resets from clients are part of the tests
    socket.on('close', () => sockets.delete(socket))
    const connMode = mode

    if (connMode === 'refuse-after-accept') {
      socket.resetAndDestroy()
      return
    }
    if (connMode === 'hang') {
      socket.pause()
      return
    }

    const parts: Buffer[] = []
    let jobBytes = 0
    let pending: Buffer = Buffer.alloc(0)
    const keep = (b: Buffer): void => {
      if (b.length === 0) return
      parts.push(b)
      jobBytes += b.length
    }

    socket.on('data', (chunk: Buffer) => {
      const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk
      pending = Buffer.alloc(0)
      let start = 0
      for (;;) {
        const i = buf.indexOf(0x10, start)
        if (i < 0) {
          keep(buf.subarray(start))
          break
        }
        if (i + 2 >= buf.length) {
          // A request may be split across packets: hold the tail until the next chunk.
          keep(buf.subarray(start, i))
          pending = Buffer.from(buf.subarray(i))
          break
        }
        const n = buf[i + 2] ?? 0
        if (buf[i + 1] === 0x04 && n >= 1 && n <= 4) {
          keep(buf.subarray(start, i))
          statusRequests.push(n)
          if (answerStatus) socket.write(Uint8Array.of(statusAnswer(n, status)))
          start = i + 3
        } else {
          keep(buf.subarray(start, i + 1))
          start = i + 1
        }
      }
      if (connMode === 'drop-mid-job' && jobBytes >= dropAfter) socket.resetAndDestroy()
    })
    socket.on('end', () => {
      keep(pending)
      if (jobBytes > 0) jobs.push(Buffer.concat(parts))
      socket.end()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('printer peer: no TCP address')

  return {
    port: address.port,
    host: '127.0.0.1',
    jobs,
    statusRequests,
    get connections() {
      return connections
    },
    setMode: (m) => {
      mode = m
    },
    setStatus: (s) => {
      status = { ...s }
    },
    setAnswerStatus: (a) => {
      answerStatus = a
    },
    refusedPort: async () => {
      const probe = net.createServer()
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()))
      const a = probe.address()
      await new Promise<void>((resolve) => probe.close(() => resolve()))
      if (a === null || typeof a === 'string') throw new Error('printer peer: no probe address')
      return a.port
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
