import { TRACKING_NUMBER_LENGTH, formatTrackingNumber, isDammValid } from '../../../../common/tracking-number'

/**
 * A scanned code as the desk reads it: a valid tracking number in the groups printed on its label, anything else
 * exactly as scanned. Twelve digits with a wrong check digit are not a tracking number, so grouping them would make
 * an unknown code look like one.
 */
export function formatScannedCode(code: string): string {
  const isTrackingNumber = code.length === TRACKING_NUMBER_LENGTH && /^\d+$/.test(code) && isDammValid(code)
  return isTrackingNumber ? formatTrackingNumber(code) : code
}
