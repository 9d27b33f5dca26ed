import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBuilderConfig, schemaProblems, type BuilderConfig } from '../../scripts/packaging/builder-config'
import { policyProblems, REQUIRED_FUSES } from '../../scripts/packaging/policy'

/**
 * electron-builder.yml, checked without packaging (which needs Electron's binary): against electron-builder's own
 * JSON schema (app-builder-lib/scheme.json, with the Ajv options electron-builder validates with), and against the
 * release rules of issue #16, which must fail when someone flips a fuse or drops a target.
 */
const root = path.resolve(import.meta.dirname, '../..')
const config = readBuilderConfig(root)

function changed(edit: (c: BuilderConfig) => void): BuilderConfig {
  const copy = structuredClone(config)
  edit(copy)
  return copy
}

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('is accepted by the schema electron-builder 26 validates with', () => {
    expect(schemaProblems(config, root)).toEqual([])
  })

  it('the schema check refuses a misspelt fuse and a fuse that is not a boolean', () => {
    const misspelt = changed((c) => {
      c.electronFuses = { ...c.electronFuses, runAsnode: false }
    })
    expect(schemaProblems(misspelt, root).join('\n')).toMatch(/electronFuses.*runAsnode/)
    const notBoolean = changed((c) => {
      ;(c.electronFuses as Record<string, unknown>)['onlyLoadAppFromAsar'] = { on: true }
    })
    expect(schemaProblems(notBoolean, root).join('\n')).toMatch(/onlyLoadAppFromAsar/)
  })
})

describe('electron-builder.yml keeps the release rules', () => {
  it('breaks none of them', () => {
    expect(policyProblems(config)).toEqual([])
  })

  it('sets every fuse, to the value issue #16 asks', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('names every fuse electron-builder and the installed @electron/fuses know, so a new one gets decided', () => {
    const require = createRequire(path.join(root, 'package.json'))
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } }
    }
    const builderFuses = Object.keys(schema.definitions.FuseOptionsV1.properties).filter(
      (k) => k !== 'resetAdHocDarwinSignature', // a macOS signing step, not a fuse
    )
    expect(Object.keys(REQUIRED_FUSES).sort()).toEqual(builderFuses.sort())
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, string | number> }
    const wires = Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)))
      .map((k) => k[0]?.toLowerCase() + k.slice(1))
    expect(Object.keys(REQUIRED_FUSES).sort()).toEqual(wires.sort())
  })

  it.each(Object.keys(REQUIRED_FUSES))('fails when the fuse %s is flipped or left out', (fuse) => {
    const flipped = changed((c) => {
      c.electronFuses = { ...c.electronFuses, [fuse]: !REQUIRED_FUSES[fuse] }
    })
    expect(policyProblems(flipped)).toEqual([expect.stringContaining(`fuse ${fuse} must be`)])
    const dropped = changed((c) => {
      delete c.electronFuses?.[fuse]
    })
    expect(policyProblems(dropped)).toEqual([expect.stringContaining(`fuse ${fuse} must be`)])
  })

  it('builds NSIS x64 per machine for Windows and AppImage and deb x64 for Linux', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false })
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(policyProblems(changed((c) => (c.nsis = { ...c.nsis, perMachine: false })))).toEqual([
      'nsis.perMachine must be true',
    ])
    expect(
      policyProblems(changed((c) => (c.win = { ...c.win, target: [{ target: 'nsis', arch: ['ia32'] }] }))),
    ).toEqual(['win.target must be nsis for x64 (only)'])
    expect(
      policyProblems(
        changed((c) => (c.linux = { ...c.linux, target: [{ target: 'AppImage', arch: ['x64'] }] })),
      ),
    ).toEqual(['linux.target must include deb for x64 (only)'])
  })

  it('packs the app in asar with its integrity hash, unpacks both native drivers and never rebuilds them', () => {
    expect(config.asar).toBe(true)
    expect(config.disableAsarIntegrity).toBeUndefined()
    expect(config.npmRebuild).toBe(false)
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3-multiple-ciphers/**',
        'node_modules/@serialport/**',
      ]),
    )
    expect(policyProblems(changed((c) => (c.asar = false)))).toEqual(['asar must be true'])
    expect(policyProblems(changed((c) => (c.disableAsarIntegrity = true)))).toEqual([
      expect.stringContaining('disableAsarIntegrity'),
    ])
    expect(policyProblems(changed((c) => (c.asarUnpack = ['node_modules/@serialport/**'])))).toEqual([
      expect.stringContaining('node_modules/better-sqlite3-multiple-ciphers/**'),
    ])
    expect(policyProblems(changed((c) => delete c.npmRebuild))).toEqual([
      expect.stringContaining('npmRebuild'),
    ])
  })

  it('ships the built bundles, package.json and resources/, and publishes to a generic https server', () => {
    expect(config.files?.slice(0, 2)).toEqual(['out/**', '!out/main/serve.js'])
    expect(config.files).toContain('package.json')
    expect(config.extraResources).toEqual([{ from: 'resources', to: '.', filter: ['**/*', '!README.md'] }])
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })])
    expect(policyProblems(changed((c) => (c.files = ['package.json'])))).toEqual([
      'files must include out/**',
    ])
    expect(
      policyProblems(changed((c) => (c.publish = [{ provider: 'generic', url: 'http://updates.example/' }]))),
    ).toEqual(['the generic publish url must be https://'])
  })
})
