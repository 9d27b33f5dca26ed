import type { BuilderConfig } from './builder-config'

/**
 * Every Electron fuse and the value the counter app ships with (electron-builder.yml says why for each). A fuse
 * left out of the configuration keeps Electron's default, so all of them are required, not only the ones that differ.
 */
export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
}

/** The packages with native code; their prebuilt binaries must reach the package unpacked (asar cannot dlopen). */
export const NATIVE_PACKAGES = ['better-sqlite3-multiple-ciphers', '@serialport/bindings-cpp'] as const

/** The app's own files the package must carry: the three bundles' entries, as package.json and Electron load them. */
export const REQUIRED_APP_FILES = [
  'package.json',
  'out/main/index.js',
  'out/main/core.js',
  'out/preload/index.js',
  'out/renderer/index.html',
]

interface Target {
  target: string
  arch: string[]
}

function targets(value: unknown): Target[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.map((t) =>
    typeof t === 'string'
      ? { target: t, arch: [] }
      : {
          target: String((t as { target?: unknown }).target),
          arch: ((t as { arch?: unknown }).arch as string[] | undefined) ?? [],
        },
  )
}

function asList(value: string[] | string | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/**
 * What in the configuration breaks the release rules of issue #16, one sentence each; none when it keeps them all.
 * The schema check (schemaProblems) says whether electron-builder accepts the file; this says whether it builds
 * what we promised: every fuse, asar with its integrity hash, the native modules unpacked and not rebuilt, the
 * installers for Windows (NSIS x64, per machine) and Linux (AppImage and deb x64), and updates from a generic server.
 */
export function policyProblems(config: BuilderConfig): string[] {
  const problems: string[] = []
  const fuses = config.electronFuses ?? {}
  for (const [fuse, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== wanted)
      problems.push(
        `fuse ${fuse} must be ${wanted} (it is ${fuses[fuse] ?? 'not set, so Electron’s default'})`,
      )
  }
  if (config.asar !== true) problems.push('asar must be true')
  if (config.disableAsarIntegrity === true)
    problems.push('disableAsarIntegrity must not be set: the integrity fuse would check nothing')
  if (config.npmRebuild !== false)
    problems.push(
      'npmRebuild must be false: the native modules ship N-API prebuilds, a rebuild compiles SQLite',
    )

  const unpack = asList(config.asarUnpack)
  for (const pkg of NATIVE_PACKAGES) {
    const scope = pkg.startsWith('@') ? pkg.split('/')[0] : pkg
    if (!unpack.some((p) => p === `node_modules/${pkg}/**` || p === `node_modules/${scope}/**`))
      problems.push(
        `asarUnpack must unpack node_modules/${pkg}/** (its loader lists its prebuilds at run time)`,
      )
  }

  const files = (config.files ?? []).filter((f): f is string => typeof f === 'string')
  for (const wanted of ['out/**', 'package.json'])
    if (!files.includes(wanted)) problems.push(`files must include ${wanted}`)
  // Whether an exclusion takes a bundle away is for the file set to say (npm run package:files, REQUIRED_APP_FILES).
  const resources = (config.extraResources ?? []).map((r) => (typeof r === 'string' ? r : r.from))
  if (!resources.includes('resources')) problems.push('extraResources must ship the resources/ folder')

  const win = targets(config.win?.target)
  if (!win.some((t) => t.target === 'nsis' && t.arch.length === 1 && t.arch[0] === 'x64'))
    problems.push('win.target must be nsis for x64 (only)')
  if (config.nsis?.['perMachine'] !== true) problems.push('nsis.perMachine must be true')
  if (config.nsis?.['oneClick'] !== false)
    problems.push('nsis.oneClick must be false (per-machine asks for elevation)')
  if (config.nsis?.['deleteAppDataOnUninstall'] === true)
    problems.push('nsis.deleteAppDataOnUninstall must not be true: the centre’s data outlives a reinstall')

  const linux = targets(config.linux?.target)
  for (const wanted of ['AppImage', 'deb'])
    if (!linux.some((t) => t.target === wanted && t.arch.length === 1 && t.arch[0] === 'x64'))
      problems.push(`linux.target must include ${wanted} for x64 (only)`)
  if (!config.linux?.maintainer) problems.push('linux.maintainer must be set (a deb needs one)')

  const publish = Array.isArray(config.publish) ? config.publish : [config.publish]
  const generic = publish.find(
    (p): p is { provider: string; url?: unknown } =>
      typeof p === 'object' && p !== null && (p as { provider?: unknown }).provider === 'generic',
  )
  if (!generic) problems.push('publish must name a generic provider (the ministry’s update server)')
  else if (typeof generic.url !== 'string' || !generic.url.startsWith('https://'))
    problems.push('the generic publish url must be https://')
  return problems
}
