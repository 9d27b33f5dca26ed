import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Whether `out/` was built from the sources as they are now, so `npm run serve` can skip a build (tens of seconds
 * on a counter PC). After a build, a stamp in `out/` records a hash of every build input and the size and mtime of
 * every file the build wrote. The build is current when both still match: a changed, added or removed source changes
 * the hash (content, not mtimes, so a checkout or a copy cannot fool it), and a build run some other way
 * (`npm run build` from other sources) changes the outputs, so the stamp no longer vouches for them.
 */

/** What the build reads: the three bundles' sources, and what decides how and with which packages they build. */
export const BUILD_INPUTS = [
  'main',
  'common',
  'preload',
  'renderer',
  'package.json',
  'package-lock.json',
  'electron.vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'tsconfig.common.json',
]

/** Files that must be in `out/` for the browser host to run at all. */
export const REQUIRED_OUTPUTS = ['main/serve.js', 'preload/index.js', 'renderer/index.html']

const STAMP = '.build-stamp.json'

interface Stamp {
  inputs: string
  outputs: Record<string, { size: number; mtimeMs: number }>
}

/** Every file under `dir` (relative, `/`-separated, sorted); none when it does not exist. */
function filesUnder(root: string, rel: string): string[] {
  const full = path.join(root, rel)
  let stat: fs.Stats
  try {
    stat = fs.statSync(full)
  } catch {
    return []
  }
  if (stat.isFile()) return [rel]
  if (!stat.isDirectory()) return []
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.posix.join(rel, name)))
}

/** One hash of the build inputs under `root`: each file's path and content. */
export function inputsHash(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256')
  for (const rel of inputs.flatMap((i) => filesUnder(root, i))) {
    hash.update(`${rel}\0`)
    hash.update(fs.readFileSync(path.join(root, rel)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function outputsOf(outDir: string): Stamp['outputs'] {
  const outputs: Stamp['outputs'] = {}
  for (const rel of filesUnder(outDir, '.')) {
    const name = path.posix.normalize(rel)
    if (name === STAMP) continue
    const s = fs.statSync(path.join(outDir, name))
    outputs[name] = { size: s.size, mtimeMs: s.mtimeMs }
  }
  return outputs
}

/** Why `out/` must be built again, or null when it is current. */
export function staleReason(
  root: string,
  outDir = path.join(root, 'out'),
  inputs: readonly string[] = BUILD_INPUTS,
): string | null {
  const missing = REQUIRED_OUTPUTS.filter((f) => !fs.existsSync(path.join(outDir, f)))
  if (missing.length > 0) return `not built yet (${missing.join(', ')} missing)`
  let stamp: Stamp
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP), 'utf8')) as Stamp
  } catch {
    return 'no record of what the last build was built from'
  }
  if (stamp.inputs !== inputsHash(root, inputs)) return 'the sources changed since the last build'
  if (JSON.stringify(stamp.outputs) !== JSON.stringify(outputsOf(outDir)))
    return 'the build output changed since it was recorded (built another way)'
  return null
}

/** Records that `out/` is the build of the sources as they are now (call right after a successful build). */
export function writeStamp(
  root: string,
  outDir = path.join(root, 'out'),
  inputs: readonly string[] = BUILD_INPUTS,
): void {
  const stamp: Stamp = { inputs: inputsHash(root, inputs), outputs: outputsOf(outDir) }
  fs.writeFileSync(path.join(outDir, STAMP), JSON.stringify(stamp))
}
