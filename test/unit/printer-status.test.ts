import { describe, expect, it } from 'vitest'
import {
  ByteInbox,
  isStatusByte,
  parseOfflineCauseByte,
  parsePrinterStatusByte,
  parseRollPaperByte,
  queryEscposStatus,
  statusFromAnswers,
  statusRequest,
  type StatusChannel,
} from '../../main/devices/printer/escpos-status'
import { NO_PRINTER_STATUS, printerStatusOrPreview } from '../../main/devices/printer/null-printer'
import { PrintError, refusalFor, seconds } from '../../main/devices/printer/printer'
import { hostProblem, parsePrinterConfig, printerPortProblem } from '../../common/printer-config'

describe('DLE EOT requests', () => {
  it('are 0x10 0x04 n', () => {
    expect([...statusRequest(1)]).toEqual([0x10, 0x04, 0x01])
    expect([...statusRequest(2)]).toEqual([0x10, 0x04, 0x02])
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 0x04])
  })
})

describe('DLE EOT answers: fixed bits', () => {
  it('accepts bytes with bit0=0, bit1=1, bit4=1, bit7=0', () => {
    for (const b of [0x12, 0x16, 0x1a, 0x1e, 0x32, 0x52, 0x72, 0x7e])
      expect(isStatusByte(b), `0x${b.toString(16)}`).toBe(true)
  })
  it('rejects anything else', () => {
    for (const b of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92, 0x11, 0x03, 0x0a, -1, 256, 1.5])
      expect(isStatusByte(b), String(b)).toBe(false)
    expect(parsePrinterStatusByte(0x00)).toBeNull()
    expect(parseOfflineCauseByte(0xff)).toBeNull()
    expect(parseRollPaperByte(0x92)).toBeNull()
  })
})

describe('DLE EOT 1: printer status', () => {
  it('0x12 online, drawer pin low', () => {
    expect(parsePrinterStatusByte(0x12)).toEqual({
      drawerPin3High: false,
      offline: false,
      waitingForRecovery: false,
      feedButtonPressed: false,
    })
  })
  it('0x16 drawer pin 3 high; 0x1a offline; 0x3a waiting for recovery; 0x5a feed button', () => {
    expect(parsePrinterStatusByte(0x16)?.drawerPin3High).toBe(true)
    expect(parsePrinterStatusByte(0x1a)?.offline).toBe(true)
    expect(parsePrinterStatusByte(0x3a)?.waitingForRecovery).toBe(true)
    expect(parsePrinterStatusByte(0x5a)?.feedButtonPressed).toBe(true)
  })
})

describe('DLE EOT 2: offline cause', () => {
  it('decodes cover, feed, paper-end stop and error bits', () => {
    expect(parseOfflineCauseByte(0x12)).toEqual({
      coverOpen: false,
      feedingByButton: false,
      stoppedForPaperEnd: false,
      errorOccurred: false,
    })
    expect(parseOfflineCauseByte(0x16)?.coverOpen).toBe(true)
    expect(parseOfflineCauseByte(0x1a)?.feedingByButton).toBe(true)
    expect(parseOfflineCauseByte(0x32)?.stoppedForPaperEnd).toBe(true)
    expect(parseOfflineCauseByte(0x52)?.errorOccurred).toBe(true)
  })
})

describe('DLE EOT 4: roll paper sensor', () => {
  it('0x12 paper fine; 0x1e near end; 0x72 end; 0x7e both', () => {
    expect(parseRollPaperByte(0x12)).toEqual({ nearEnd: false, paperEnd: false })
    expect(parseRollPaperByte(0x1e)).toEqual({ nearEnd: true, paperEnd: false })
    expect(parseRollPaperByte(0x72)).toEqual({ nearEnd: false, paperEnd: true })
    expect(parseRollPaperByte(0x7e)).toEqual({ nearEnd: true, paperEnd: true })
  })
  it('either bit of a sensor pair counts (0x16, 0x1a near end; 0x32, 0x52 end)', () => {
    expect(parseRollPaperByte(0x16)?.nearEnd).toBe(true)
    expect(parseRollPaperByte(0x1a)?.nearEnd).toBe(true)
    expect(parseRollPaperByte(0x32)?.paperEnd).toBe(true)
    expect(parseRollPaperByte(0x52)?.paperEnd).toBe(true)
  })
})

describe('statusFromAnswers', () => {
  const state = (printer?: number, offlineCause?: number, paper?: number) =>
    statusFromAnswers({ printer, offlineCause, paper }).state

  it('ready: 0x12 0x12 0x12 (and drawer pin high 0x16 is still ready)', () => {
    expect(statusFromAnswers({ printer: 0x12, offlineCause: 0x12, paper: 0x12 })).toEqual({
      state: 'ready',
      detail: 'The printer is ready.',
    })
    expect(state(0x16, 0x12, 0x12)).toBe('ready')
  })
  it('cover open: 0x1a 0x16 0x12', () => expect(state(0x1a, 0x16, 0x12)).toBe('cover-open'))
  it('cover open wins over paper out: 0x1a 0x36 0x7e', () =>
    expect(state(0x1a, 0x36, 0x7e)).toBe('cover-open'))
  it('paper out by the sensor: 0x1a 0x32 0x7e', () => expect(state(0x1a, 0x32, 0x7e)).toBe('paper-out'))
  it('paper out by the stop bit alone: 0x1a 0x32 0x12', () =>
    expect(state(0x1a, 0x32, 0x12)).toBe('paper-out'))
  it('paper out even when only the paper answer came: 0x12 - 0x72', () =>
    expect(state(0x12, undefined, 0x72)).toBe('paper-out'))
  it('error: 0x1a 0x52 0x12', () => expect(state(0x1a, 0x52, 0x12)).toBe('error'))
  it('offline without a cause: 0x1a 0x12 0x12', () => expect(state(0x1a, 0x12, 0x12)).toBe('offline'))
  it('offline while feeding: 0x1a 0x1a', () =>
    expect(statusFromAnswers({ printer: 0x1a, offlineCause: 0x1a }).detail).toMatch(/feeding paper/))
  it('paper low: 0x12 0x12 0x1e', () => expect(state(0x12, 0x12, 0x1e)).toBe('paper-low'))
  it('only the printer status answered: 0x12 → ready, 0x1a → offline', () => {
    expect(state(0x12)).toBe('ready')
    expect(state(0x1a)).toBe('offline')
  })
  it('no answer → unknown', () =>
    expect(statusFromAnswers({})).toEqual({
      state: 'unknown',
      detail: 'The printer did not report its status.',
    }))
  it('a byte without the 0x12 fixed-bit pattern → unknown, naming the byte', () => {
    expect(statusFromAnswers({ printer: 0x00 })).toEqual({
      state: 'unknown',
      detail: 'The printer gave an unexpected status answer (0x00).',
    })
    expect(state(0x12, 0xff, 0x12)).toBe('unknown')
    expect(state(0x12, 0x12, 0x93)).toBe('unknown')
  })
})

/** A channel whose far end answers from a script. */
function scripted(
  answers: Record<number, number | 'silent' | 'hang-up'>,
): StatusChannel & { sent: number[] } {
  const inbox = new ByteInbox()
  const sent: number[] = []
  return {
    sent,
    send(bytes) {
      sent.push(...bytes)
      const n = bytes[2] ?? 0
      const a = answers[n]
      if (a === 'hang-up') inbox.fail(new PrintError('refused', 'hung up'))
      else if (typeof a === 'number') queueMicrotask(() => inbox.push(Uint8Array.of(a)))
    },
    readByte: (ms) => inbox.readByte(ms),
  }
}

describe('queryEscposStatus', () => {
  it('asks 1, 2 and 4 in turn and maps the answers', async () => {
    const ch = scripted({ 1: 0x1a, 2: 0x12, 4: 0x72 })
    expect(await queryEscposStatus(ch, 50)).toEqual({
      status: { state: 'paper-out', detail: 'The printer is out of paper. Load a new roll.' },
      answered: true,
    })
    expect(ch.sent).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04])
  })
  it('stops at the first silence and maps what it has', async () => {
    const ch = scripted({ 1: 0x12, 2: 'silent' })
    expect(await queryEscposStatus(ch, 20)).toEqual({
      status: { state: 'ready', detail: 'The printer is ready.' },
      answered: false,
    })
    expect(ch.sent).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02])
  })
  it('a printer that never answers is unknown', async () => {
    const r = await queryEscposStatus(scripted({}), 20)
    expect(r).toEqual({
      status: { state: 'unknown', detail: 'The printer did not report its status.' },
      answered: false,
    })
  })
  it('rejects with the link error when the printer hangs up', async () => {
    await expect(queryEscposStatus(scripted({ 1: 'hang-up' }), 50)).rejects.toMatchObject({
      reason: 'refused',
    })
  })
})

describe('refusalFor', () => {
  it('refuses cover open, paper out, error and offline; prints on paper low, ready and unknown', () => {
    expect(refusalFor({ state: 'cover-open', detail: '' })?.reason).toBe('cover-open')
    expect(refusalFor({ state: 'paper-out', detail: '' })?.reason).toBe('paper-out')
    expect(refusalFor({ state: 'error', detail: 'jam' })).toMatchObject({ reason: 'offline', message: 'jam' })
    expect(refusalFor({ state: 'offline', detail: 'x' })?.reason).toBe('offline')
    for (const state of ['paper-low', 'ready', 'unknown'] as const)
      expect(refusalFor({ state, detail: '' })).toBeNull()
  })
  it('formats seconds for messages', () => {
    expect(seconds(5000)).toBe('5 s')
    expect(seconds(300)).toBe('0.3 s')
    expect(seconds(1500)).toBe('1.5 s')
  })
})

describe('no printer configured', () => {
  it('is preview-only: status says receipts show on screen', async () => {
    expect(await printerStatusOrPreview(null)).toEqual(NO_PRINTER_STATUS)
    expect(NO_PRINTER_STATUS).toEqual({
      state: 'unknown',
      detail: 'No printer set up: receipts show on screen.',
    })
  })
})

describe('printer settings', () => {
  it('defaults to no printer, 48 columns, ESC/POS, status checks on', () => {
    expect(parsePrinterConfig({})).toEqual({
      ok: true,
      config: {
        connection: { kind: 'none' },
        paperColumns: 48,
        commandSet: 'escpos',
        connectTimeoutMs: 5000,
        writeTimeoutMs: 15000,
        statusTimeoutMs: 1000,
        queryStatus: true,
      },
    })
  })
  it('fills port 9100 and trims the host', () => {
    const r = parsePrinterConfig({ connection: { kind: 'tcp', host: ' 192.168.1.50 ' } })
    expect(r.ok && r.config.connection).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 })
  })
  it('accepts IPv4 addresses and host names', () => {
    for (const h of [
      '192.168.1.50',
      '10.0.0.1',
      '255.255.255.255',
      'printer',
      'receipt-printer-1.local',
      'EPSON1A2B3C.',
    ])
      expect(hostProblem(h), h).toBeNull()
  })
  it('rejects bad hosts with a message a person can act on', () => {
    expect(hostProblem('')).toMatch(/IP address/)
    expect(hostProblem('192.168.1.256')).toMatch(/not a valid IP address/)
    expect(hostProblem('192.168.1')).toMatch(/not a valid IP address/)
    expect(hostProblem('192.168.1.50:9100')).toMatch(/Port field/)
    expect(hostProblem('http://192.168.1.50')).toMatch(/without http/)
    expect(hostProblem('my printer')).toMatch(/not a valid printer name/)
    expect(hostProblem('-bad-.local')).toMatch(/not a valid printer name/)
  })
  it('reports every problem as a sentence', () => {
    const r = parsePrinterConfig({
      connection: { kind: 'tcp', host: '300.1.1.1', port: 70000 },
      paperColumns: 40,
      commandSet: 'zpl',
      connectTimeoutMs: 5,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toEqual([
      '"300.1.1.1" is not a valid IP address: four numbers from 0 to 255 separated by dots, e.g. 192.168.1.50',
      'The printer port is from 1 to 65535, usually 9100',
      'Paper width is 48 columns (80 mm paper) or 32 columns (58 mm paper)',
      'The printer language is ESC/POS (Epson and most others) or Star',
      'The connection timeout is at least 100 ms',
    ])
  })
  it('refuses a port out of range as typed (99999 is not clamped to 65535), and saves nothing of it', () => {
    const r = parsePrinterConfig({ connection: { kind: 'tcp', host: '192.168.1.50', port: 99999 } })
    expect(r).toEqual({ ok: false, problems: ['The printer port is from 1 to 65535, usually 9100'] })
    for (const typed of [99999, '99999', 65536, 0, '0'])
      expect(printerPortProblem(typed), String(typed)).toBe(
        'The printer port is from 1 to 65535, usually 9100',
      )
    expect(printerPortProblem('')).toBe('Enter the printer port, usually 9100')
    expect(printerPortProblem(9100.5)).toBe('The printer port is a whole number, usually 9100')
    for (const fine of [1, 9100, '9100', 65535]) expect(printerPortProblem(fine), String(fine)).toBeNull()
  })
  it('validates serial and file connections', () => {
    expect(parsePrinterConfig({ connection: { kind: 'serial', path: 'COM3' } })).toMatchObject({
      ok: true,
      config: { connection: { kind: 'serial', path: 'COM3', baudRate: 9600 } },
    })
    const badBaud = parsePrinterConfig({ connection: { kind: 'serial', path: 'COM3', baudRate: 12345 } })
    expect(badBaud.ok === false && badBaud.problems[0]).toMatch(/baud rate is one of/)
    const noPath = parsePrinterConfig({ connection: { kind: 'file', path: '  ' } })
    expect(noPath.ok === false && noPath.problems[0]).toMatch(/Enter the printer device or share/)
    const badKind = parsePrinterConfig({ connection: { kind: 'usb' } })
    expect(badKind.ok === false && badKind.problems[0]).toMatch(/Choose how the printer is connected/)
  })
})
