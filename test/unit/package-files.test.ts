import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBuilderConfig } from '../../scripts/packaging/builder-config'
import {
  EXCLUDED_EXTS,
  EXCLUDED_NAMES,
  packagedFiles,
  productionPackages,
  type FileSet,
} from '../../scripts/packaging/file-set'
import {
  binaryKind,
  checkNativeBinaries,
  dependencyProblems,
  packageOf,
} from '../../scripts/packaging/native-check'

/**
 * The file set `npm run package:files` computes, against this checkout's real node_modules, package-lock.json,
 * electron-builder.yml and resources/, with a stand-in out/ (the tests do not build): the bundles load the same
 * packages the real build does.
 */
const repo = path.resolve(import.meta.dirname, '../..')
let root: string
let win: FileSet
let linux: FileSet

const BUNDLES: Record<string, string> = {
  // The shell also loads the updater and the manifest reader (main/electron/auto-update.ts), as the real build does.
  'out/main/index.js':
    'const { app } = require("electron");\nconst path = require("node:path");\n' +
    'require("electron-updater");\nrequire("yaml");',
  'out/main/core.js': [
    'axios',
    'better-sqlite3-multiple-ciphers',
    'date-holidays',
    'i18next',
    'libphonenumber-js/max',
    'pino',
    'pino-roll',
    're2js',
    'receiptline',
    'serialport',
    'zod',
  ]
    .map((p) => `require("${p}");`)
    .join('\n'),
  'out/main/serve.js': 'require("node:http");',
  'out/main/chunks/version-abc.js': 'module.exports = "0.1.0";',
  'out/preload/index.js': 'require("electron");',
  'out/renderer/index.html': '<!doctype html>',
  'out/renderer/assets/index-abc.js': 'import "react";',
  'out/.build-stamp.json': '{}',
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-package-files-'))
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    fs.copyFileSync(path.join(repo, f), path.join(root, f))
  fs.cpSync(path.join(repo, 'resources'), path.join(root, 'resources'), { recursive: true })
  fs.cpSync(path.join(repo, 'build'), path.join(root, 'build'), { recursive: true })
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir')
  for (const [rel, text] of Object.entries(BUNDLES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  fs.writeFileSync(path.join(root, 'README.md'), '# not shipped')
  const config = readBuilderConfig(root)
  win = packagedFiles(root, config, 'win32')
  linux = packagedFiles(root, config, 'linux')
})

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const dests = (set: FileSet): Set<string> => new Set(set.files.map((f) => f.dest))

describe('the packaged file set', () => {
  it('ships the bundles and package.json, not the browser host, the build stamp, sources or build/', () => {
    for (const set of [win, linux]) {
      const app = set.files.filter((f) => !f.dest.startsWith('node_modules/')).map((f) => f.dest)
      expect(app).toEqual([
        'out/main/chunks/version-abc.js',
        'out/main/core.js',
        'out/main/index.js',
        'out/preload/index.js',
        'out/renderer/assets/index-abc.js',
        'out/renderer/index.html',
        'package.json',
        'resources/icon.png',
      ])
    }
  })

  it('ships resources/ outside app.asar, without its README', () => {
    const icon = win.files.find((f) => f.dest === 'resources/icon.png')
    expect(icon?.unpacked).toBe(true)
    expect(dests(win).has('resources/README.md')).toBe(false)
  })

  it('ships every production package of package-lock.json and no development one', () => {
    const prod = productionPackages(root)
    expect(win.missingPackages).toEqual([])
    for (const pkg of prod) expect(dests(win).has(`${pkg.location}/package.json`)).toBe(true)
    for (const dev of ['electron', 'electron-builder', 'react', '@tabler/icons-react', 'vitest'])
      expect(dests(win).has(`node_modules/${dev}/package.json`)).toBe(false)
  })

  it('leaves out what electron-builder always leaves out of node_modules and what electron-builder.yml excludes', () => {
    const all = [...dests(win), ...dests(linux)]
    expect(all.filter((d) => /^node_modules\/(@[^/]+\/)?[^/]+\/README\.md$/i.test(d))).toEqual([])
    expect(all.filter((d) => d.endsWith('.d.ts') || d.endsWith('/binding.gyp'))).toEqual([])
    expect(all.filter((d) => d.startsWith('node_modules/better-sqlite3-multiple-ciphers/deps/'))).toEqual([])
    expect(
      all.filter((d) => /prebuilds\/(darwin|android|linuxmusl|win32-ia32|win32-arm64|linux-arm)/.test(d)),
    ).toEqual([])
  })

  it('finds both native drivers’ binaries for each platform, unpacked, of the right CPU and N-API', () => {
    expect(checkNativeBinaries(win)).toEqual([
      expect.objectContaining({ kind: 'pe-x64', problem: null }),
      expect.objectContaining({ kind: 'pe-x64', problem: null }),
    ])
    expect(checkNativeBinaries(linux)).toEqual([
      expect.objectContaining({ kind: 'elf-x86-64', problem: null }),
      expect.objectContaining({ kind: 'elf-x86-64', problem: null }),
    ])
  })

  it('reports a native binary that is missing or left inside app.asar', () => {
    const sqlite = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node'
    const without: FileSet = { ...win, files: win.files.filter((f) => f.dest !== sqlite) }
    expect(checkNativeBinaries(without)[0]).toEqual({ dest: sqlite, problem: 'not in the package' })
    const packed: FileSet = {
      ...win,
      files: win.files.map((f) => (f.dest === sqlite ? { ...f, unpacked: false } : f)),
    }
    expect(checkNativeBinaries(packed)[0]?.problem).toMatch(/inside app\.asar/)
  })

  it('reports a package the bundles load that does not ship, and a dependency nothing loads', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    expect(dependencyProblems(win, pkg.dependencies)).toEqual({ missing: [], unused: [] })
    const core = win.files.find((f) => f.dest === 'out/main/core.js')
    fs.appendFileSync(core?.src as string, '\nrequire("@mantine/core");')
    expect(dependencyProblems(win, { ...pkg.dependencies, recharts: '3.11.1' })).toEqual({
      missing: ['@mantine/core'],
      unused: ['recharts'],
    })
  })
})

describe('helpers', () => {
  it('leaves out the names and extensions the installed electron-builder leaves out', () => {
    const matcher = createRequire(path.join(repo, 'package.json'))('app-builder-lib/out/fileMatcher.js') as {
      excludedNames: string
      excludedExts: string
    }
    expect(EXCLUDED_NAMES).toEqual(matcher.excludedNames.split(','))
    expect(EXCLUDED_EXTS).toEqual(matcher.excludedExts.split(','))
  })

  it('names the package of a specifier', () => {
    expect(packageOf('libphonenumber-js/max')).toBe('libphonenumber-js')
    expect(packageOf('@serialport/bindings-cpp/dist/x')).toBe('@serialport/bindings-cpp')
    expect(packageOf('zod')).toBe('zod')
  })

  it('tells a file’s kind from its header only', () => {
    expect(
      binaryKind(Buffer.from('not a binary at all, just text of some length........................')),
    ).toBe('other')
    const elfArm = Buffer.alloc(64)
    elfArm.writeUInt32BE(0x7f454c46, 0)
    elfArm[4] = 2
    elfArm[5] = 1
    elfArm.writeUInt16LE(183, 18) // aarch64
    expect(binaryKind(elfArm)).toBe('other')
    elfArm.writeUInt16LE(62, 18)
    expect(binaryKind(elfArm)).toBe('elf-x86-64')
  })
})
