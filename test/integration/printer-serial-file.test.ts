import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SerialPort } from 'serialport'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FilePrinter } from '../../main/devices/printer/file-printer'
import { PrintError } from '../../main/devices/printer/printer'
import { SerialPrinter, type SerialPrinterOptions } from '../../main/devices/printer/serial-printer'
import { silentLogger } from '../../main/infra/logger'
import { statusAnswer } from '../helpers/printer-peer'
import { tempDir } from '../helpers/temp-dir'

const SOCAT = '/usr/bin/socat'

async function failure(p: Promise<unknown>): Promise<PrintError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PrintError)
  return err as PrintError
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  return (await failure(p)).reason
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('file printer', () => {
  const tmp = tempDir('tms-printer-file-')
  afterAll(() => tmp.cleanup())

  it('writes the job bytes to an existing device file', async () => {
    const device = path.join(tmp.dir, 'lp0')
    fs.writeFileSync(device, '')
    const job = crypto.randomBytes(64 * 1024)
    const printer = new FilePrinter({ path: device, writeTimeoutMs: 2000 })
    await printer.print(job)
    expect(fs.readFileSync(device).equals(job)).toBe(true)
    expect((await printer.status()).state).toBe('unknown')
  })

  it('is "not-found" for a missing directory or device, and creates nothing', async () => {
    const inMissingDir = new FilePrinter({ path: path.join(tmp.dir, 'nope', 'lp0'), writeTimeoutMs: 2000 })
    expect(await reasonOf(inMissingDir.print(Uint8Array.of(1, 2, 3)))).toBe('not-found')
    const missingDevice = path.join(tmp.dir, 'lp9')
    const p = new FilePrinter({ path: missingDevice, writeTimeoutMs: 2000 })
    expect(await reasonOf(p.print(Uint8Array.of(1)))).toBe('not-found')
    expect(fs.existsSync(missingDevice)).toBe(false)
    expect((await p.status()).state).toBe('offline')
    expect((await failure(p.print(Uint8Array.of(1)))).mayHavePrinted).toBe(false)
  })

  it('a device that never opens times out with nothing sent, and writes nothing when it opens late', async () => {
    // A FIFO with no reader: opening it for writing blocks, as a printer share that never answers does.
    const fifo = path.join(tmp.dir, 'stuck')
    execFileSync('mkfifo', [fifo])
    const err = await failure(new FilePrinter({ path: fifo, writeTimeoutMs: 200 }).print(Uint8Array.of(0x41)))
    expect([err.reason, err.mayHavePrinted]).toEqual(['timeout', false])
    // A reader unblocks the abandoned open: it must close again without sending the job.
    const read = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = []
      fs.createReadStream(fifo)
        .on('data', (c) => chunks.push(Buffer.from(c)))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject)
    })
    expect(read.length).toBe(0)
  })
})

describe('serial printer through a real pty pair (socat)', () => {
  const tmp = tempDir('tms-printer-pty-')
  const printerEnd = path.join(tmp.dir, 'a')
  const hostEnd = path.join(tmp.dir, 'b')
  let socat: ChildProcess | undefined
  let far: SerialPort | undefined
  const received: Buffer[] = []
  /** When set, the far end answers DLE EOT n like a printer with this status. */
  let answer: Parameters<typeof statusAnswer>[1] | null = null

  beforeAll(async () => {
    if (!fs.existsSync(SOCAT))
      throw new Error(`${SOCAT} is missing: the serial printer tests need socat. Run \`npm run tools\`.`)
    socat = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${printerEnd}`, `pty,raw,echo=0,link=${hostEnd}`])
    socat.stderr?.resume()
    await until(() => fs.existsSync(printerEnd) && fs.existsSync(hostEnd), 5000, 'socat pty links')
    // The far end plays the printer: it keeps what arrives and can answer status requests.
    far = new SerialPort({ path: hostEnd, baudRate: 9600, autoOpen: false })
    await new Promise<void>((resolve, reject) => far?.open((err) => (err ? reject(err) : resolve())))
    far.on('data', (chunk: Buffer) => {
      for (let i = 0; i + 2 < chunk.length; i++)
        if (answer && chunk[i] === 0x10 && chunk[i + 1] === 0x04)
          far?.write(Uint8Array.of(statusAnswer(chunk[i + 2] ?? 0, answer)))
      received.push(chunk)
    })
  })

  afterAll(async () => {
    if (far?.isOpen) await new Promise<void>((resolve) => far?.close(() => resolve()))
    if (socat && socat.exitCode === null) {
      const exited = new Promise((resolve) => socat?.once('exit', resolve))
      socat.kill('SIGTERM')
      await exited
    }
    tmp.cleanup()
  })

  const options = (over: Partial<SerialPrinterOptions> = {}): SerialPrinterOptions => ({
    path: printerEnd,
    baudRate: 9600,
    openTimeoutMs: 2000,
    writeTimeoutMs: 5000,
    statusTimeoutMs: 300,
    queryStatus: false,
    ...over,
  })

  it('writes, drains and closes: the bytes arrive at the other end intact', async () => {
    received.length = 0
    const job = crypto.randomBytes(20_000)
    await new SerialPrinter(options(), { logger: silentLogger }).print(job)
    await until(() => Buffer.concat(received).length >= job.length, 5000, 'bytes at the far end')
    expect(Buffer.concat(received).equals(job)).toBe(true)
  })

  it('queries DLE EOT status over the line and refuses to print on paper out', async () => {
    answer = { paperOut: true }
    received.length = 0
    const p = new SerialPrinter(options({ queryStatus: true }), { logger: silentLogger })
    expect((await p.status()).state).toBe('paper-out')
    const refused = await failure(p.print(Uint8Array.of(0x41, 0x42)))
    expect([refused.reason, refused.mayHavePrinted]).toEqual(['paper-out', false])
    answer = {}
    expect((await p.status()).state).toBe('ready')
    answer = null
    expect((await p.status()).state).toBe('unknown') // nobody answers
    const requests = Buffer.concat(received)
    expect(requests.includes(Buffer.from([0x41, 0x42]))).toBe(false)
  })

  it('a missing serial port is "not-found", and status says offline', async () => {
    const p = new SerialPrinter(options({ path: path.join(tmp.dir, 'ttyUSB9') }), { logger: silentLogger })
    expect(await reasonOf(p.print(Uint8Array.of(1)))).toBe('not-found')
    expect((await p.status()).state).toBe('offline')
  })
})
