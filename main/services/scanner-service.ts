import type { ScannerInfo } from '../../common/contract'
import { AppError } from '../../common/errors'
import { parseScannerConfig, type ScannerConfig } from '../../common/scanner-config'
import type { Store } from '../db/store'
import { listScannerPorts } from '../devices/scanner/port-list'
import { SerialScanner, type ScannerStatus } from '../devices/scanner/serial-scanner'
import type { Clock } from './clock'
import type { Logger } from './logger'

const SETTINGS_KEY = 'scanner'

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  /** Where good reads and rejected lines go (the desk on screen); and status changes (the status bar). */
  onScan: (code: string) => void
  onRejected: (message: string) => void
  /** The same code read again inside the repeat window: shown as such, never acted on. */
  onRepeat: (code: string) => void
  onStatus: () => void
}

/**
 * The serial / USB virtual-COM scanner of this workstation: built from saved settings, restarted when they change,
 * reporting reads, rejected lines and connection state. Keyboard-mode scanners need none of this.
 */
export function createScannerService({ store, clock, logger, onScan, onRejected, onRepeat, onStatus }: Deps) {
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
    ports: () => listScannerPorts(),
    async configure(input: unknown, by: string): Promise<ScannerConfig> {
      const parsed = parseScannerConfig(input)
      if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.problems[0] ?? 'Invalid scanner settings')
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
