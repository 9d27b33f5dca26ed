import fs from 'node:fs'
import type { FileSet, PackagedFile, Platform } from './file-set'

/**
 * The native binaries each package must carry, where the drivers' loaders look for them at run time:
 * better-sqlite3-multiple-ciphers' lib/binding.js loads prebuilds/<platform>-<arch>.node, @serialport/bindings-cpp
 * loads prebuilds/<platform>-<arch>/*.node through node-gyp-build (on Linux the glibc one; counter PCs are not musl).
 */
export const NATIVE_BINARIES: Readonly<Record<Platform, string[]>> = {
  win32: [
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node',
    'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
  ],
  linux: [
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
    'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
  ],
}

/** What the file's header says it is: a Windows x64 DLL, a Linux x86-64 shared object, or something else. */
export function binaryKind(head: Buffer): 'pe-x64' | 'elf-x86-64' | 'other' {
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c)
    if (head.length >= pe + 6 && head.toString('latin1', pe, pe + 4) === 'PE\0\0')
      return head.readUInt16LE(pe + 4) === 0x8664 ? 'pe-x64' : 'other'
  }
  // ELF, 64-bit (class 2), little-endian, e_machine 62 = x86-64.
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46 && head[4] === 2 && head[5] === 1)
    return head.readUInt16LE(18) === 62 ? 'elf-x86-64' : 'other'
  return 'other'
}

export interface NativeFinding {
  dest: string
  problem: string | null
  kind?: string
  size?: number
}

const WANTED_KIND: Record<Platform, string> = { win32: 'pe-x64', linux: 'elf-x86-64' }

/**
 * Checks each native binary of the platform: in the package, outside app.asar (a .node cannot be loaded from
 * inside it), built for the platform's CPU, and an N-API module (it exports napi_register_module_v1), so it loads
 * in Electron's Node without a rebuild for Electron's ABI.
 */
export function checkNativeBinaries(set: FileSet): NativeFinding[] {
  const byDest = new Map<string, PackagedFile>(set.files.map((f) => [f.dest, f]))
  return NATIVE_BINARIES[set.platform].map((dest) => {
    const file = byDest.get(dest)
    if (!file) return { dest, problem: 'not in the package' }
    const bytes = fs.readFileSync(file.src)
    const kind = binaryKind(bytes.subarray(0, 4096))
    const base = { dest, kind, size: file.size }
    if (!file.unpacked) return { ...base, problem: 'inside app.asar: asarUnpack must cover it' }
    if (kind !== WANTED_KIND[set.platform])
      return { ...base, problem: `a ${kind} file, not ${WANTED_KIND[set.platform]}` }
    if (!bytes.includes('napi_register_module_v1'))
      return { ...base, problem: 'not an N-API module: it would need a rebuild for Electron' }
    return { ...base, problem: null }
  })
}

/** The npm package a bare module specifier names (`libphonenumber-js/max` → `libphonenumber-js`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

/** Packages the built bundles load at run time (`require("x")` of the CommonJS output), less electron and node:. */
export function requiredPackages(set: FileSet): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const f of set.files) {
    if (!/^out\/(main|preload)\/.*\.js$/.test(f.dest)) continue
    const text = fs.readFileSync(f.src, 'utf8')
    for (const m of text.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const spec = m[1] as string
      if (spec.startsWith('node:') || spec === 'electron') continue
      const pkg = packageOf(spec)
      found.set(pkg, [...(found.get(pkg) ?? []), f.dest])
    }
  }
  return found
}

/**
 * What the bundles need against what ships: every package they load must be in node_modules of the package, and
 * every direct dependency should be loaded by them (the renderer's packages are bundled by Vite and belong in
 * devDependencies, or electron-builder ships them a second time in node_modules).
 */
export function dependencyProblems(
  set: FileSet,
  dependencies: Record<string, string>,
): { missing: string[]; unused: string[] } {
  const required = requiredPackages(set)
  const shipped = new Set(
    set.files
      .filter((f) => /^node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f.dest))
      .map((f) => f.dest.slice('node_modules/'.length, -'/package.json'.length)),
  )
  const missing = [...required.keys()].filter((p) => !shipped.has(p)).sort()
  const unused = Object.keys(dependencies)
    .filter((d) => !required.has(d))
    .sort()
  return { missing, unused }
}
