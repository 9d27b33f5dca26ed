import fs from 'node:fs'
import path from 'node:path'
import { Minimatch } from 'minimatch'
import type { BuilderConfig } from './builder-config'

/**
 * The files electron-builder would put in the package, computed without packaging (which needs Electron's binary).
 * It follows app-builder-lib 26's own rules (out/fileMatcher.js, out/util/filter.js, out/util/NodeModuleCopyHelper.js,
 * out/util/appFileCopier.js): the `files` patterns over the project, last match wins; the production dependencies of
 * package-lock.json with only the negated `files` patterns applied, less the names and extensions electron-builder
 * always leaves out; `extraResources` beside app.asar; `asarUnpack` marking what stays outside the archive.
 */

export type Platform = 'win32' | 'linux'

export interface PackagedFile {
  /** Where it lands: inside the app (`out/main/index.js`, `node_modules/zod/...`) or `resources/<name>` beside it. */
  dest: string
  /** Where it comes from, absolute. */
  src: string
  size: number
  /** Outside app.asar: extraResources, and app files matched by asarUnpack. */
  unpacked: boolean
}

// app-builder-lib/out/fileMatcher.js: excludedNames and excludedExts.
export const EXCLUDED_NAMES = (
  '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,' +
  '.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,.yarn-integrity,.yarn-metadata.json,yarn-error.log,' +
  'yarn.lock,package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,' +
  'circle.yml,.nyc_output,.husky,.github,electron-builder.env'
).split(',')
export const EXCLUDED_EXTS =
  'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,mk,a,o,obj,forge-meta'.split(',')

// app-builder-lib/out/util/NodeModuleCopyHelper.js: left out of every dependency, at any depth / at its top level.
const MODULE_EXCLUDED_FILES = new Set([
  '.DS_Store',
  'node_modules',
  'CHANGELOG.md',
  'ChangeLog',
  'changelog.md',
  'Changelog.md',
  'Changelog',
  'binding.gyp',
  '.npmignore',
  'node_gyp_bins',
  ...EXCLUDED_NAMES,
])
const MODULE_TOP_LEVEL_EXCLUDED = new Set([
  'karma.conf.js',
  '.coveralls.yml',
  'README.md',
  'readme.markdown',
  'README',
  'readme.md',
  'Readme.md',
  'Readme',
  'readme',
  'test',
  'tests',
  '__tests__',
  'powered-test',
  'example',
  'examples',
  '.bin',
])

const GLOB = { dot: true }

/** app-builder-lib's minimatchAll: patterns in order, a negated one can only take a match away, last match wins. */
function matchesAll(rel: string, patterns: Minimatch[]): boolean {
  let match = false
  for (const p of patterns) {
    if (match !== p.negate) continue
    match = p.match(rel)
  }
  return match
}

function compile(patterns: string[]): Minimatch[] {
  const out: Minimatch[] = []
  for (const raw of patterns) {
    const pattern = path.posix.normalize(raw.startsWith('./') ? raw.slice(2) : raw)
    const m = new Minimatch(pattern, GLOB)
    out.push(m)
    // A plain folder name (no dot, no glob) means the whole folder (electron-builder issue #545).
    if (!pattern.includes('.') && !m.hasMagic()) out.push(new Minimatch(`${pattern}/**/*`, GLOB))
  }
  return out
}

/** Every file under `dir`, relative with `/`, skipping the folders `skip` names (at any depth). */
function walk(dir: string, skip: (rel: string, name: string) => boolean, rel = ''): string[] {
  const out: string[] = []
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const childRel = rel ? `${rel}/${name}` : name
    if (skip(childRel, name)) continue
    const stat = fs.statSync(path.join(dir, childRel))
    if (stat.isDirectory()) out.push(...walk(dir, skip, childRel))
    else out.push(childRel)
  }
  return out
}

function stringPatterns(list: BuilderConfig['files']): string[] {
  return (list ?? []).filter((p): p is string => typeof p === 'string')
}

/** The app's own files (not node_modules): `files`, plus package.json, less electron-builder's default exclusions. */
function appFiles(root: string, config: BuilderConfig): string[] {
  const own = stringPatterns(config.files)
  if (!own.includes('package.json')) own.push('package.json')
  const output = config['directories'] as { output?: string; buildResources?: string } | undefined
  const patterns = compile([
    '!**/node_modules/**',
    `!${output?.buildResources ?? 'build'}{,/**/*}`,
    `!${output?.output ?? 'dist'}{,/**/*}`,
    ...own,
    `!**/*.{${EXCLUDED_EXTS.join(',')},pdb}`,
    '!**/._*',
    '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
    `!**/{${EXCLUDED_NAMES.join(',')}}`,
    '!.yarn{,/**/*}',
    '!.editorconfig',
    '!.yarnrc.yml',
  ])
  return walk(root, (rel, name) => name === 'node_modules' || rel === '.git').filter((rel) =>
    matchesAll(rel, patterns),
  )
}

/** A production package: where package-lock.json puts it, relative to the project (`node_modules/a/node_modules/b`). */
export interface ProductionPackage {
  location: string
  name: string
  optional: boolean
}

/** The packages `npm ci --omit=dev` installs, from package-lock.json (what electron-builder's npm collector lists). */
export function productionPackages(root: string): ProductionPackage[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; optional?: boolean; link?: boolean; name?: string }>
  }
  return Object.entries(lock.packages)
    .filter(([location, entry]) => location.startsWith('node_modules/') && !entry.dev && !entry.link)
    .map(([location, entry]) => ({
      location,
      name: entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length),
      optional: entry.optional === true,
    }))
    .sort((a, b) => a.location.localeCompare(b.location))
}

function moduleFiles(root: string, location: string, patterns: Minimatch[], platform: Platform): string[] {
  const exts = ['.o', '.obj', ...EXCLUDED_EXTS.map((e) => `.${e}`), '.pdb']
  // app-builder-lib issue #1738: Windows binaries are left out of the other platforms' packages.
  if (platform !== 'win32') exts.push('.dll', '.exe')
  const dir = path.join(root, location)
  const skip = (rel: string, name: string): boolean => {
    if (MODULE_EXCLUDED_FILES.has(name) || name.startsWith('._')) return true
    if (exts.some((e) => name.endsWith(e))) return true
    if (!rel.includes('/') && MODULE_TOP_LEVEL_EXCLUDED.has(name)) return true
    return !matchesAll(`${location}/${rel}`, patterns) && !fs.statSync(path.join(dir, rel)).isDirectory()
  }
  return walk(dir, skip).map((rel) => `${location}/${rel}`)
}

export interface FileSet {
  platform: Platform
  files: PackagedFile[]
  /** Production packages package-lock.json names that are not installed (an optional one may be absent). */
  missingPackages: ProductionPackage[]
}

/** What the package for `platform` would contain, from the built `out/`, node_modules and the configuration. */
export function packagedFiles(root: string, config: BuilderConfig, platform: Platform): FileSet {
  const unpack = compile(
    Array.isArray(config.asarUnpack) ? config.asarUnpack : config.asarUnpack ? [config.asarUnpack] : [],
  )
  const isUnpacked = (dest: string): boolean => unpack.some((m) => m.match(dest))
  const entry = (dest: string, src: string, unpacked: boolean): PackagedFile => ({
    dest,
    src,
    size: fs.statSync(src).size,
    unpacked,
  })

  const files: PackagedFile[] = appFiles(root, config).map((rel) =>
    entry(rel, path.join(root, rel), isUnpacked(rel)),
  )

  const negated = stringPatterns(config.files).filter((p) => p.startsWith('!'))
  const modulePatterns = compile(['**/*', ...negated])
  const missingPackages: ProductionPackage[] = []
  for (const pkg of productionPackages(root)) {
    if (!fs.existsSync(path.join(root, pkg.location, 'package.json'))) {
      missingPackages.push(pkg)
      continue
    }
    for (const rel of moduleFiles(root, pkg.location, modulePatterns, platform))
      files.push(entry(rel, path.join(root, rel), isUnpacked(rel)))
  }

  for (const res of config.extraResources ?? []) {
    const set = typeof res === 'string' ? { from: res, to: undefined, filter: undefined } : res
    const from = path.join(root, set.from)
    if (!fs.existsSync(from)) continue
    const filter = compile(set.filter ?? ['**/*'])
    for (const rel of walk(from, () => false).filter((r) => matchesAll(r, filter))) {
      const to = set.to && set.to !== '.' ? `${set.to}/${rel}` : rel
      files.push(entry(`resources/${to}`, path.join(from, rel), true))
    }
  }
  return { platform, files, missingPackages }
}
