import type { ScannerInfo } from '../../common/contract'
import { AppError } from '../../common/errors'
import { parseScannerConfig, type ScannerConfig } from '../../common/scanner-config'
import type { Store } from '../db/store'
import {
  listScannerPorts,
  samePortPath,
  scannerPortProblem,
  type ListSerialPorts,
  type ScannerPortListing,
} from '../devices/scanner/port-list'
import { SerialScanner, type ScannerStatus } from '../devices/scanner/serial-scanner'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'

const SETTINGS_KEY = 'scanner'

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  /** Where good reads and rejected lines go (the desk that claimed the scanner: core/event-hub.ts); and status
   * changes (the status bar). */
  onScan: (code: string) => void
  onRejected: (message: string) => void
  /** The same code read again inside the repeat window: shown as such, never acted on. */
  onRepeat: (code: string) => void
  onStatus: () => void
  /** The system's serial port list (default: serialport's); tests pass one that fails. */
  listPorts?: ListSerialPorts
  /** Why a port path cannot be this computer's scanner port, or null (default: port-list.ts, this OS). */
  portProblem?: (path: string) => string | null
}

/**
 * The serial / USB virtual-COM scanner of this workstation: built from saved settings, restarted when they change,
 * reporting reads, rejected lines and connection state. Keyboard-mode scanners need none of this.
 */
export function createScannerService({
  store,
  clock,
  logger,
  onScan,
  onRejected,
  onRepeat,
  onStatus,
  listPorts,
  portProblem = scannerPortProblem,
}: Deps) {
  const load = (): ScannerConfig => {
    const saved = parseScannerConfig(store.centre.getSetting(SETTINGS_KEY) ?? {})
    if (saved.ok) return saved.config
    logger.warn('saved scanner settings are invalid; serial scanner off', { problems: saved.problems })
    const off = parseScannerConfig({})
    if (!off.ok) throw new Error('default scanner settings do not validate')
    return off.config
  }
  let config = load()
  let scanner: SerialScanner | null = null

  const start = (): void => {
    if (!config.enabled) return
    const s = new SerialScanner(config, { logger, clock })
    s.onScan(onScan)
    s.onRejected((r) => onRejected(r.message))
    s.onRepeat(onRepeat)
    s.onStatus(onStatus)
    s.start()
    scanner = s
  }
  start()
  const currentStatus = (): ScannerStatus | null => (scanner ? scanner.status() : null)

  return {
    info: (): ScannerInfo => ({ config, status: currentStatus() }),
    status: currentStatus,
    /** Never fails: when the system list cannot be read, the ports the file system shows, and why. */
    ports: async (): Promise<ScannerPortListing> => {
      const listing = await listScannerPorts(listPorts)
      if (listing.listError) logger.warn('scanner: the serial port list failed', { error: listing.listError })
      return listing
    },
    async configure(input: unknown, by: string): Promise<ScannerConfig> {
      const parsed = parseScannerConfig(input)
      if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.problems[0] ?? 'Invalid scanner settings')
      // A typed path is checked here, where the port is, when the scanner is turned on or its port changes (a
      // scanner that is off may keep any path; one unplugged just now keeps its port while its baud is changed).
      const next = parsed.config
      const checkPort = next.enabled && (!config.enabled || !samePortPath(next.path, config.path))
      const problem = checkPort ? portProblem(next.path) : null
      if (problem) throw new AppError('INVALID_INPUT', problem, 'path')
      store.tx(() => {
        store.centre.putSetting(SETTINGS_KEY, parsed.config)
        store.audit.write({
          at: clock.now(),
          staffNumber: by,
          action: 'scanner.configured',
          detail: { ...parsed.config },
        })
      })
      await scanner?.stop()
      scanner = null
      config = parsed.config
      start()
      onStatus()
      return config
    },
    async stop(): Promise<void> {
      await scanner?.stop()
      scanner = null
    },
  }
}
export type ScannerService = ReturnType<typeof createScannerService>
