/** Prints one benchmark figure as `BENCH <name> <value> <unit> target <target>` so runs can be compared by grep. */
export function report(name: string, value: number, unit: string, target: string): void {
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2)
  process.stdout.write(`BENCH ${name.padEnd(44)} ${shown.padStart(10)} ${unit.padEnd(8)} target ${target}\n`)
}

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? NaN
}
