import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { staleReason, writeStamp } from './build-stamp'

/**
 * `npm run serve`: builds only when `out/` is not the build of the sources as they are (a fresh clone, or after a
 * change), then runs the browser host with the arguments given (`npm run serve -- --port 4800`).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const reason = staleReason(root)
if (reason) {
  console.log(`Building first: ${reason}.`)
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
  writeStamp(root)
} else {
  console.log('The build in out/ is current: starting without building (a source change rebuilds).')
}

const host = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
// Ctrl+C reaches both processes (same terminal); a SIGTERM to this one is passed on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.kill(signal))
host.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
