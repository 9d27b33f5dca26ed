/**
 * `npm run soak`: the long kill soak and the long fault drain (docs/RELIABILITY.md). Options:
 *   --kills N (300)  --events N (1000000)  --fault-rate F (0.25)  --seed N (1)  --scanner-cycles N (50)  --printer-cycles N (50)
 * Prints one line per figure and exits non-zero when anything was lost, repeated or reordered.
 */
import { runFaultDrain } from './soak/fault-drain'
import { runPrinterCycles } from './soak/printer-cycles'
import { runScannerCycles } from './soak/scanner-cycles'
import { runSoak } from './soak/soak'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number`)
  return v
}

async function main(): Promise<void> {
  const kills = arg('--kills', 300)
  const events = arg('--events', 1_000_000)
  const faultRate = arg('--fault-rate', 0.25)
  const seed = arg('--seed', 1)
  const soak = await runSoak({ kills, faultRate, seed, runMs: [300, 3000], log: (l) => console.log(l) })
  console.log(JSON.stringify(soak))
  const drain = await runFaultDrain({ events, faultRate, seed, log: (l) => console.log(l) })
  console.log(JSON.stringify(drain))
  const scanner = await runScannerCycles({ cycles: arg('--scanner-cycles', 50) })
  console.log(JSON.stringify(scanner))
  const printer = await runPrinterCycles({ cycles: arg('--printer-cycles', 50) })
  console.log(JSON.stringify(printer))
  const bad =
    soak.lost.length +
    soak.integrityProblems.length +
    soak.duplicateNumbers +
    soak.missingAtApi +
    soak.duplicatesAtApi +
    soak.outOfOrder +
    drain.missing +
    drain.duplicates +
    drain.outOfOrder +
    (drain.replayRecognised ? 0 : 1) +
    printer.withoutReceipt +
    printer.twoOriginals +
    printer.waitedForPrinter +
    scanner.lost +
    scanner.duplicated +
    // The bound for a reconnect after a re-plug.
    (scanner.reconnectMsMax <= 5000 ? 0 : 1)
  console.log(bad === 0 ? 'soak: 0 lost, 0 repeated, 0 out of order' : `soak: ${bad} problems`)
  process.exit(bad === 0 ? 0 : 1)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err))
  process.exit(1)
})
