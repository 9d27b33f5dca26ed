import { createRequire } from 'node:module'
import path from 'node:path'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration

/** Cruises the app's four source trees under `baseDir` with the project's rules, as `npm run lint` does. */
async function violations(baseDir: string, renderer: string) {
  const { output } = await cruise(['main', 'common', 'preload', renderer], {
    ...config.options,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    baseDir,
  })
  return (output as ICruiseResult).summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    // npm packages resolve through node_modules, wherever it lies (a worktree's may be a link elsewhere).
    to: v.to.replace(/^.*node_modules\//, 'node_modules/'),
  }))
}

describe('layer map (.dependency-cruiser.cjs)', () => {
  it('the app itself breaks no rule', async () => {
    expect(await violations(root, 'renderer/src')).toEqual([])
  })

  it('flags each broken rule of the fixture tree, on resolved paths', async () => {
    const found = await violations(path.join(root, 'test/fixtures/layers'), 'renderer')
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: 'common-no-node', from: 'common/settings-file.ts', to: 'fs' },
        { rule: 'common-only-common', from: 'common/today.ts', to: 'main/infra/clock.ts' },
        {
          rule: 'db-below-services',
          from: 'main/db/returns.ts',
          to: 'main/services/reminder-selection.ts',
        },
        { rule: 'no-circular', from: 'main/db/returns.ts', to: 'main/services/reminder-selection.ts' },
        {
          rule: 'electron-only-in-shell',
          from: 'main/services/window.ts',
          to: 'node_modules/electron/index.js',
        },
        {
          rule: 'updater-only-in-main-shell',
          from: 'main/services/updater.ts',
          to: expect.stringMatching(/^node_modules\/electron-updater\//),
        },
        { rule: 'renderer-own-and-common', from: 'renderer/src/due-list.ts', to: 'main/db/returns.ts' },
        { rule: 'preload-contract-only', from: 'preload/index.ts', to: 'main/infra/clock.ts' },
        {
          rule: 'electron-main-no-sqlite',
          from: 'main/electron/database-key.ts',
          to: expect.stringMatching(/^node_modules\/better-sqlite3-multiple-ciphers\//),
        },
      ]),
    )
    // Nothing else: main/infra/clock.ts, main/db/store.ts and the services' import of the store are allowed.
    expect(found).toHaveLength(9)
  })
})
