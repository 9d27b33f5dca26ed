import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const SOCAT = '/usr/bin/socat'

/**
 * A pair of linked pseudo-terminals made by socat: what goes into one comes out of the other, like two serial
 * ports joined by a null-modem cable. `scannerPath` is the port the app opens; the test plays the scanner by
 * writing to `hostPath`. `stop()` ends socat, which removes both links: to the app that looks like an unplug
 * (its open port fails, and the path is gone). `restart()` brings the pair back under the same link paths.
 */
export interface PtyPair {
  scannerPath: string
  hostPath: string
  /** Sends bytes as the scanner would (strings as Latin-1, one byte per character). */
  write(data: string | Uint8Array): Promise<void>
  /** Ends socat and waits for it to exit and its links to go. Safe to call twice. */
  stop(): Promise<void>
  /** Starts socat again with the same link paths (after `stop()`). */
  restart(): Promise<void>
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export async function startPtyPair(dir: string): Promise<PtyPair> {
  if (!fs.existsSync(SOCAT)) throw new Error('socat is missing: run `npm run tools`')
  const scannerPath = path.join(dir, 'scanner')
  const hostPath = path.join(dir, 'host')
  let socat: ChildProcess | null = null
  let hostFd: number | null = null
  let stderr = ''

  const launch = async () => {
    stderr = ''
    const child = spawn(SOCAT, [
      '-d',
      '-d',
      `pty,raw,echo=0,link=${scannerPath}`,
      `pty,raw,echo=0,link=${hostPath}`,
    ])
    socat = child
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000)
    })
    child.stdout.resume()
    try {
      await until(
        () => {
          if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}): ${stderr}`)
          return fs.existsSync(scannerPath) && fs.existsSync(hostPath)
        },
        5000,
        'the socat pty links',
      )
    } catch (err) {
      await stop()
      throw err
    }
    // Held open for the pair's life: O_NOCTTY so the pty never becomes the test process's terminal.
    hostFd = fs.openSync(hostPath, fs.constants.O_RDWR | fs.constants.O_NOCTTY)
  }

  const stop = async () => {
    if (hostFd !== null) {
      fs.closeSync(hostFd)
      hostFd = null
    }
    const child = socat
    socat = null
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await until(() => !fs.existsSync(scannerPath) && !fs.existsSync(hostPath), 5000, 'the pty links to go')
  }

  await launch()
  return {
    scannerPath,
    hostPath,
    write: async (data) => {
      if (hostFd === null) throw new Error('the pty pair is stopped')
      const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data)
      let written = 0
      while (written < bytes.length) written += fs.writeSync(hostFd, bytes, written)
    },
    stop,
    restart: async () => {
      if (socat) throw new Error('the pty pair is already running')
      await launch()
    },
  }
}
