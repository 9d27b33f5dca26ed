import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readBuilderConfig, schemaProblems } from './packaging/builder-config'
import { packagedFiles, type FileSet, type Platform } from './packaging/file-set'
import { checkNativeBinaries, dependencyProblems } from './packaging/native-check'
import { policyProblems, REQUIRED_APP_FILES } from './packaging/policy'

/**
 * `npm run package:files [-- --list] [-- --platform win32|linux]`, after `npm run build`: the files the Windows and
 * Linux packages would contain (electron-builder's rules, scripts/packaging/file-set.ts), with the checks that can be
 * made without Electron's binary: electron-builder.yml valid and keeping the release rules, the app's bundles there,
 * every package the bundles load shipped, and the native drivers' binaries present, unpacked, x64 and N-API.
 * Exits 1 when anything is wrong, saying what.
 */
const { values } = parseArgs({
  options: { list: { type: 'boolean', default: false }, platform: { type: 'string' } },
})
const root = path.resolve(import.meta.dirname, '..')
const platforms: Platform[] =
  values.platform === undefined ? ['win32', 'linux'] : [values.platform as Platform]
if (!platforms.every((p) => p === 'win32' || p === 'linux')) {
  console.error(`--platform must be win32 or linux, not ${values.platform}`)
  process.exit(2)
}
if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  console.error('out/ has no build: run `npm run build` first.')
  process.exit(1)
}

const problems: string[] = []
const config = readBuilderConfig(root)
problems.push(...schemaProblems(config, root).map((p) => `electron-builder.yml (schema): ${p}`))
problems.push(...policyProblems(config).map((p) => `electron-builder.yml: ${p}`))
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`

function report(set: FileSet): void {
  const total = set.files.reduce((n, f) => n + f.size, 0)
  const unpacked = set.files.filter((f) => f.unpacked)
  console.log(`\n== ${set.platform}-x64: ${set.files.length} files, ${mib(total)}`)
  console.log(
    `   in app.asar: ${set.files.length - unpacked.length} files; outside it: ${unpacked.length} (${mib(unpacked.reduce((n, f) => n + f.size, 0))})`,
  )
  const app = set.files.filter((f) => !f.dest.startsWith('node_modules/'))
  console.log('   app and resources:')
  for (const f of app) console.log(`     ${f.unpacked ? '[unpacked] ' : ''}${f.dest}  (${f.size} B)`)
  const perPackage = new Map<string, { files: number; bytes: number }>()
  for (const f of set.files) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f.dest)
    if (!m?.[1]) continue
    const s = perPackage.get(m[1]) ?? { files: 0, bytes: 0 }
    perPackage.set(m[1], { files: s.files + 1, bytes: s.bytes + f.size })
  }
  const biggest = [...perPackage].sort((a, b) => b[1].bytes - a[1].bytes)
  console.log(`   node_modules: ${perPackage.size} top-level packages; the largest:`)
  for (const [name, s] of biggest.slice(0, 10)) console.log(`     ${name}: ${s.files} files, ${mib(s.bytes)}`)
  if (values.list) {
    console.log('   every file:')
    for (const f of set.files) console.log(`     ${f.unpacked ? 'U ' : '  '}${f.dest}`)
  }

  const dests = new Set(set.files.map((f) => f.dest))
  for (const wanted of REQUIRED_APP_FILES)
    if (!dests.has(wanted)) problems.push(`${set.platform}: ${wanted} is not in the package`)
  for (const missing of set.missingPackages)
    if (!missing.optional)
      problems.push(`${set.platform}: ${missing.location} (production) is not installed: run npm ci`)
  console.log('   native binaries:')
  for (const n of checkNativeBinaries(set)) {
    console.log(`     ${n.problem ? 'FAIL' : 'ok  '} ${n.dest}${n.kind ? ` (${n.kind}, ${n.size} B)` : ''}`)
    if (n.problem) problems.push(`${set.platform}: ${n.dest}: ${n.problem}`)
  }
  const deps = dependencyProblems(set, pkg.dependencies ?? {})
  for (const m of deps.missing)
    problems.push(`${set.platform}: the bundles load ${m}, which the package does not ship`)
  for (const u of deps.unused)
    problems.push(
      `${set.platform}: dependency ${u} is shipped in node_modules but out/main and out/preload never load it (a renderer-only package belongs in devDependencies: Vite bundles it)`,
    )
}

for (const platform of platforms) report(packagedFiles(root, config, platform))

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(
  '\nNo problems: every fuse set, the bundles and their packages there, the native binaries in place.',
)
