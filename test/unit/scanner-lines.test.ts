import { describe, expect, it } from 'vitest'
import { parseScannerConfig } from '../../common/scanner-config'
import { LineFramer, MAX_FRAME_BYTES } from '../../main/devices/scanner/framing'
import { knownScannerVendor } from '../../main/devices/scanner/known-vendors'
import {
  DuplicateSuppressor,
  filterLine,
  rawText,
  type LineFilterOptions,
} from '../../main/devices/scanner/line-filter'
import { listScannerPorts, samePortPath } from '../../main/devices/scanner/port-list'

const plain: LineFilterOptions = { prefix: '', suffix: '', stripAimId: true, maxLength: 64 }
const NON_PRINTABLE = 'The scanner sent unreadable characters (line noise?). Scan again.'
const NOISE = 'The scan is only spaces or one character repeated (line noise?): not a code. Scan again.'
const EMPTY = 'The scanner sent an empty scan. Scan again.'

const text = (frames: Uint8Array[]) => frames.map((f) => Buffer.from(f).toString('latin1'))

describe('filterLine', () => {
  it('accepts a printable code, with or without its line ending', () => {
    expect(filterLine('254012345678', plain)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine('254012345678\r', plain)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine('254012345678\r\n', plain)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine(Buffer.from('ABC-123\n'), plain)).toEqual({ ok: true, code: 'ABC-123' })
    expect(filterLine('  HDM 42  ', plain)).toEqual({ ok: true, code: 'HDM 42' })
  })

  it('strips the AIM symbology identifier at the start, only when asked', () => {
    expect(filterLine(']C0254012345678', plain)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine(']Q1https://example.ke/x', plain)).toEqual({ ok: true, code: 'https://example.ke/x' })
    expect(filterLine(']E05901234123457', plain)).toEqual({ ok: true, code: '5901234123457' })
    expect(filterLine(']C0254012345678', { ...plain, stripAimId: false })).toEqual({
      ok: true,
      code: ']C0254012345678',
    })
    // Not at the start: part of the code.
    expect(filterLine('12]C0', plain)).toEqual({ ok: true, code: '12]C0' })
  })

  it('strips the configured prefix and suffix, and the AIM id before or after the prefix', () => {
    const o = { ...plain, prefix: '#', suffix: '$' }
    expect(filterLine('#254012345678$', o)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine('#]C0254012345678$\r', o)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine(']C0#254012345678$', o)).toEqual({ ok: true, code: '254012345678' })
    // Missing prefix or suffix: the scan is taken as it is.
    expect(filterLine('254012345678', o)).toEqual({ ok: true, code: '254012345678' })
    expect(filterLine('#$', o)).toEqual({ ok: false, reason: 'empty', message: EMPTY })
  })

  it('refuses empty lines', () => {
    expect(filterLine('', plain)).toEqual({ ok: false, reason: 'empty', message: EMPTY })
    expect(filterLine('\r\n', plain)).toEqual({ ok: false, reason: 'empty', message: EMPTY })
    expect(filterLine(']C0', plain)).toEqual({ ok: false, reason: 'empty', message: EMPTY })
  })

  it('refuses control characters and bytes above 0x7E', () => {
    for (const raw of [
      Uint8Array.of(0x41, 0x00, 0x42),
      Uint8Array.of(0x1b, 0x5b, 0x41),
      Uint8Array.of(0x31, 0x32, 0x80),
      Uint8Array.of(0xff, 0xfe),
      Uint8Array.of(0x41, 0x7f),
      'ABC\tDEF',
      'ABC\rDEF',
      'Nairobi – Kenya',
    ])
      expect(filterLine(raw, plain)).toEqual({ ok: false, reason: 'non-printable', message: NON_PRINTABLE })
  })

  it('refuses a scan longer than 64 characters, saying how long it was', () => {
    expect(filterLine('7'.repeat(63) + '8', plain)).toEqual({ ok: true, code: '7'.repeat(63) + '8' })
    expect(filterLine('1234567890'.repeat(10), plain)).toEqual({
      ok: false,
      reason: 'too-long',
      message: 'The scan is too long (100 characters): not one of our codes. Scan again.',
    })
    expect(filterLine('A'.repeat(64) + 'B', plain)).toEqual({
      ok: false,
      reason: 'too-long',
      message: 'The scan is too long (65 characters): not one of our codes. Scan again.',
    })
    // Measured after the decorations come off.
    expect(filterLine(']C0#' + 'A1'.repeat(32) + '$', { ...plain, prefix: '#', suffix: '$' })).toEqual({
      ok: true,
      code: 'A1'.repeat(32),
    })
  })

  it('refuses line noise: only spaces, or one character repeated', () => {
    for (const raw of ['    ', ' ', '~~~~', '~~~', '0000000', '#~~~~~$'])
      expect(filterLine(raw, { ...plain, prefix: '#', suffix: '$' })).toEqual({
        ok: false,
        reason: 'noise',
        message: NOISE,
      })
    expect(filterLine('00', plain)).toEqual({ ok: true, code: '00' })
    expect(filterLine('A', plain)).toEqual({ ok: true, code: 'A' })
  })

  it('shows what arrived, escaping what cannot be shown', () => {
    expect(rawText(Uint8Array.of(0x41, 0x00, 0x1f, 0x80, 0xff, 0x5c))).toBe('A\\x00\\x1f\\x80\\xff\\\\')
    expect(rawText('ok 1')).toBe('ok 1')
  })
})

describe('DuplicateSuppressor', () => {
  it('folds the same code within the window into one scan', () => {
    const d = new DuplicateSuppressor(1500)
    expect(d.accept('A', 10_000)).toBe(true)
    expect(d.accept('A', 10_100)).toBe(false)
    expect(d.accept('A', 11_000)).toBe(false)
  })

  it('counts the same code again once the window has passed since the last read', () => {
    const d = new DuplicateSuppressor(1500)
    expect(d.accept('A', 0)).toBe(true)
    expect(d.accept('A', 1499)).toBe(false)
    // Measured from the latest read: a code held under the scanner stays one scan.
    expect(d.accept('A', 2900)).toBe(false)
    expect(d.accept('A', 4400)).toBe(true)
  })

  it('a different code is a new scan and resets the window', () => {
    const d = new DuplicateSuppressor(1500)
    expect(d.accept('A', 0)).toBe(true)
    expect(d.accept('B', 100)).toBe(true)
    expect(d.accept('A', 200)).toBe(true)
    expect(d.accept('A', 300)).toBe(false)
  })

  it('window 0 counts every read; a clock going backwards never hides a scan; reset forgets', () => {
    const zero = new DuplicateSuppressor(0)
    expect(zero.accept('A', 0)).toBe(true)
    expect(zero.accept('A', 0)).toBe(true)
    const d = new DuplicateSuppressor(1500)
    expect(d.accept('A', 5000)).toBe(true)
    expect(d.accept('A', 4000)).toBe(true)
    d.reset()
    expect(d.accept('A', 4001)).toBe(true)
  })
})

describe('LineFramer', () => {
  it('ends a line at CR, LF or CR+LF, never giving empty lines, across chunk boundaries', () => {
    const f = new LineFramer('lines')
    expect(text(f.push(Buffer.from('AB\r\nCD\rEF\nGH')))).toEqual(['AB', 'CD', 'EF'])
    expect(f.pendingBytes).toBe(2)
    expect(text(f.push(Buffer.from('\r')))).toEqual(['GH'])
    expect(text(f.push(Buffer.from('\n')))).toEqual([])
    expect(text(f.push(Buffer.from('\r\n\r\n\n\rX\n')))).toEqual(['X'])
  })

  it('caps a line that never ends and drops the rest up to the next line end', () => {
    const f = new LineFramer('lines')
    const frames = f.push(new Uint8Array(MAX_FRAME_BYTES + 500).fill(0x41))
    expect(frames.map((x) => x.length)).toEqual([MAX_FRAME_BYTES])
    expect(f.pendingBytes).toBe(0)
    expect(text(f.push(Buffer.from('AAAA\rOK\r')))).toEqual(['OK'])
  })

  it('in timeout mode gathers everything until flushed', () => {
    const f = new LineFramer('timeout')
    expect(f.push(Buffer.from('AB\rC'))).toEqual([])
    expect(text([f.flush() ?? new Uint8Array()])).toEqual(['AB\rC'])
    expect(f.flush()).toBeNull()
    f.push(Buffer.from('X'))
    f.reset()
    expect(f.flush()).toBeNull()
  })
})

describe('scanner settings', () => {
  it('defaults to off, CR, 9600 baud, 1.5 s repeat window, 64 characters', () => {
    expect(parseScannerConfig({})).toEqual({
      ok: true,
      config: {
        enabled: false,
        path: '',
        baudRate: 9600,
        lineEnding: 'CR',
        interByteTimeoutMs: 50,
        prefix: '',
        suffix: '',
        stripAimId: true,
        duplicateWindowMs: 1500,
        maxLength: 64,
      },
    })
  })

  it('explains each bad value', () => {
    const r = parseScannerConfig({
      enabled: true,
      path: 'COM4',
      baudRate: 9601,
      lineEnding: 'ETX',
      interByteTimeoutMs: 5,
      prefix: '123456789',
      suffix: '\x02',
      duplicateWindowMs: 20_000,
      maxLength: 100,
      colour: 'blue',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toEqual([
      'The baud rate is one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 (as set on the scanner, usually 9600)',
      'The line ending is what the scanner sends after each code: CR, LF, CR+LF or none',
      'The pause that ends a scan is at least 20 ms',
      'The scanner prefix is at most 8 characters (leave it empty if the scanner adds none)',
      'The scanner suffix may only contain letters, digits, spaces and symbols (no control characters)',
      'The repeat-scan window is at most 10000 ms',
      'The longest scan is fixed at 64 characters',
      'Unknown scanner setting: colour',
    ])
  })

  it('needs a port when the scanner is on', () => {
    expect(parseScannerConfig({ enabled: true })).toEqual({
      ok: false,
      problems: ["Enter the scanner's port, e.g. COM4 or /dev/ttyACM0, or turn the serial scanner off"],
    })
    const r = parseScannerConfig({ enabled: true, path: ' /dev/ttyACM0 ', lineEnding: 'none' })
    expect(r.ok && r.config.path).toBe('/dev/ttyACM0')
  })
})

describe('scanner ports', () => {
  it('marks known scanner makers by USB vendor id and lists them first', async () => {
    const { ports, listError } = await listScannerPorts(async () => [
      { path: 'COM10', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
      { path: 'COM3' },
      { path: 'COM7', vendorId: '0C2E', productId: '0B61', manufacturer: 'Honeywell' },
      { path: 'COM4', vendorId: '05e0', productId: '1701', manufacturer: ' Zebra ' },
    ])
    expect(ports).toEqual([
      {
        path: 'COM4',
        vendorId: '05e0',
        productId: '1701',
        manufacturer: 'Zebra',
        knownScanner: 'Zebra (Symbol)',
      },
      {
        path: 'COM7',
        vendorId: '0c2e',
        productId: '0b61',
        manufacturer: 'Honeywell',
        knownScanner: 'Honeywell (Metrologic)',
      },
      { path: 'COM3', vendorId: null, productId: null, manufacturer: null, knownScanner: null },
      { path: 'COM10', vendorId: '0403', productId: '6001', manufacturer: 'FTDI', knownScanner: null },
    ])
    expect(listError).toBeNull()
  })

  it('knows vendor ids in any spelling; Windows port names in any case', () => {
    expect(knownScannerVendor('0x0536')).toBe('Honeywell (Hand Held Products)')
    expect(knownScannerVendor(0x1eab)).toBe('Newland')
    expect(knownScannerVendor('1a86')).toBeNull()
    expect(knownScannerVendor('nope')).toBeNull()
    expect(knownScannerVendor(undefined)).toBeNull()
    expect(samePortPath('com4', 'COM4')).toBe(true)
    expect(samePortPath('\\\\.\\COM4', 'COM4')).toBe(true)
    expect(samePortPath('/dev/ttyACM0', '/dev/ttyacm0')).toBe(false)
  })
})
