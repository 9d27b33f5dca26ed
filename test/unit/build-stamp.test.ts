import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { staleReason, writeStamp } from '../../scripts/build-stamp'
import { tempDir } from '../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

/** A project in a temp dir: a few sources and, once `build()` runs, the files a build writes to out/. */
function project() {
  const tmp = tempDir('tms-build-stamp-')
  cleanups.push(tmp.cleanup)
  const root = tmp.dir
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  write('package.json', '{"name":"x"}')
  write('main/host/serve.ts', 'export const a = 1\n')
  write('renderer/src/app.tsx', 'export const App = () => null\n')
  write('renderer/index.html', '<div id="root"></div>')
  write('test/unit/ignored.test.ts', 'tests are not build inputs\n')
  const build = (marker = '1') => {
    write('out/main/serve.js', `serve ${marker}`)
    write('out/preload/index.js', `preload ${marker}`)
    write('out/renderer/index.html', `index ${marker}`)
  }
  return { root, write, build }
}

describe('serve skips the build when out/ is current', () => {
  it('a fresh clone (no out/) is built first; a build without a stamp is built again', () => {
    const p = project()
    expect(staleReason(p.root)).toBe(
      'not built yet (main/serve.js, preload/index.js, renderer/index.html missing)',
    )
    p.build()
    expect(staleReason(p.root)).toBe('no record of what the last build was built from')
  })

  it('right after a build it is current, and stays so when only mtimes or non-inputs change', () => {
    const p = project()
    p.build()
    writeStamp(p.root)
    expect(staleReason(p.root)).toBeNull()
    const later = new Date(Date.UTC(2030, 0, 1))
    fs.utimesSync(path.join(p.root, 'main/host/serve.ts'), later, later)
    p.write('test/unit/ignored.test.ts', 'changed, but not read by the build\n')
    expect(staleReason(p.root)).toBeNull()
  })

  it('a changed, added or removed source makes it stale; putting the source back makes it current again', () => {
    const p = project()
    p.build()
    writeStamp(p.root)
    p.write('main/host/serve.ts', 'export const a = 2\n')
    expect(staleReason(p.root)).toBe('the sources changed since the last build')
    p.write('main/host/serve.ts', 'export const a = 1\n')
    expect(staleReason(p.root)).toBeNull()
    p.write('common/new-module.ts', 'export {}\n')
    expect(staleReason(p.root)).toBe('the sources changed since the last build')
    fs.rmSync(path.join(p.root, 'common/new-module.ts'))
    expect(staleReason(p.root)).toBeNull()
    fs.rmSync(path.join(p.root, 'renderer/src/app.tsx'))
    expect(staleReason(p.root)).toBe('the sources changed since the last build')
  })

  it('an output rewritten by a build the stamp did not see (npm run build from other sources) is stale', () => {
    const p = project()
    p.build()
    writeStamp(p.root)
    p.build('from other sources')
    expect(staleReason(p.root)).toBe('the build output changed since it was recorded (built another way)')
  })
})
