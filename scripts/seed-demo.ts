import path from 'node:path'
import { parseArgs } from 'node:util'
import { seedDemo } from './demo-seed/seed-demo'

/**
 * `npm run seed:demo -- --documents N [--data-dir DIR] [--seed S] [--events]`: builds a synthetic centre with N
 * documents over five years in DIR (default .data/demo), for `npm run serve -- --data-dir DIR`. `--events` also
 * writes the history's event log (slower; retention can then erase the old customers' details).
 */
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '100000' },
    'data-dir': { type: 'string', default: '.data/demo' },
    seed: { type: 'string', default: '42' },
    events: { type: 'boolean', default: false },
  },
})
const documents = Number(values.documents)
const seed = Number(values.seed)
if (!Number.isSafeInteger(documents) || documents < 1 || documents > 20_000_000) {
  console.error('--documents must be a whole number from 1 to 20,000,000')
  process.exit(1)
}
if (!Number.isSafeInteger(seed)) {
  console.error('--seed must be a whole number')
  process.exit(1)
}
const dataDir = path.resolve(values['data-dir'])
try {
  const r = await seedDemo({
    dataDir,
    documents,
    seed,
    events: values.events,
    log: (line) => console.log(line),
  })
  console.log(
    `Seeded ${r.documents.toLocaleString('en')} documents in ${(r.ms / 1000).toFixed(1)} s: ${dataDir}`,
  )
  console.log(
    `  on the shelf: ${r.onShelf.toLocaleString('en')}, at the agency: ${r.atAgency.toLocaleString('en')}`,
  )
  if (values.events) console.log(`  events of the history: ${r.events.toLocaleString('en')}`)
  console.log('  sign in with (staff number / PIN):')
  for (const s of Object.values(r.staff))
    console.log(`    ${s.role.padEnd(8)} ${s.staffNumber} / ${s.pin}  (${s.name})`)
  console.log(`Open it: npm run serve -- --data-dir ${values['data-dir']}`)
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
}
