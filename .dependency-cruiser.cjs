/**
 * The layer map of docs/ARCHITECTURE.md ("Layers"), checked on resolved paths (after TypeScript's module
 * resolution, type-only imports included), not on import strings. `npm run lint` runs it over the app's sources and
 * test/unit/layers.test.ts runs it over a fixture where every rule must fire.
 *
 * Paths are relative to the directory cruised. npm packages are matched anywhere in the path (`node_modules/x/`)
 * because a worktree's node_modules may be a link to another checkout's.
 */

/** The pure rules that the store and replication share with the services: calendar arithmetic and the event fold. */
const SHARED_RULES = '^main/services/(calendar/|projection/application-reducer\\.ts$)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form no cycle: a layer can be read, tested and moved without the ones above it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves, so no rule below is skipped by a path the resolver could not follow.',
      from: {},
      to: { couldNotResolve: true },
    },

    // common/: pure TypeScript shared by every process.
    {
      name: 'common-only-common',
      severity: 'error',
      comment: 'common/ imports only common/ and npm packages.',
      from: { path: '^common/' },
      to: { pathNot: ['^common/', 'node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'common-no-node',
      severity: 'error',
      comment: 'common/ runs in the sandboxed renderer too: no Node built-ins.',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-pure-packages',
      severity: 'error',
      comment:
        'common/ uses only pure packages (zod, re2js, libphonenumber-js, i18next): no electron, React or Node drivers.',
      from: { path: '^common/' },
      to: { path: 'node_modules/', pathNot: 'node_modules/(zod|re2js|libphonenumber-js|i18next)/' },
    },

    // main/, low to high: infra, shared rules, db, devices and receipts, sync, services, api, core, host, electron.
    {
      name: 'main-only-main-and-common',
      severity: 'error',
      comment: 'main/ never imports the UI, the preload or test and tool code.',
      from: { path: '^main/' },
      to: { path: '^(renderer|preload|test|scripts|bench)/' },
    },
    {
      name: 'infra-lowest',
      severity: 'error',
      comment: 'main/infra/ (clock, logger, uuidv7, session store) sits under everything else in main/.',
      from: { path: '^main/infra/' },
      to: { path: '^main/', pathNot: '^main/infra/' },
    },
    {
      name: 'shared-rules-pure',
      severity: 'error',
      comment: 'The calendar and the event fold depend on nothing of main/ but each other.',
      from: { path: SHARED_RULES },
      to: { path: '^main/', pathNot: SHARED_RULES },
    },
    {
      name: 'db-below-services',
      severity: 'error',
      comment:
        'main/db/ uses infra and the shared rules only: never devices, receipts, sync, services or above.',
      from: { path: '^main/db/' },
      to: { path: '^main/(devices|receipts|sync|services|api|core|host|electron)/', pathNot: SHARED_RULES },
    },
    {
      name: 'devices-below-services',
      severity: 'error',
      comment:
        'Device drivers use infra only; services are handed a driver, drivers never reach into the app.',
      from: { path: '^main/devices/' },
      to: { path: '^main/', pathNot: '^main/(devices|infra)/' },
    },
    {
      name: 'receipts-below-services',
      severity: 'error',
      comment: 'Receipt rendering is data in, bytes out: it uses infra at most.',
      from: { path: '^main/receipts/' },
      to: { path: '^main/', pathNot: '^main/(receipts|infra)/' },
    },
    {
      name: 'sync-below-services',
      severity: 'error',
      comment:
        'main/sync/ uses the store, infra, the shared rules and the projector; services/sync-service.ts drives it.',
      from: { path: '^main/sync/' },
      to: {
        path: '^main/(devices|receipts|services|api|core|host|electron)/',
        pathNot: [SHARED_RULES, '^main/services/projection/projector\\.ts$'],
      },
    },
    {
      name: 'services-below-api',
      severity: 'error',
      comment: 'Services know nothing of the dispatcher, the core wiring or the hosts.',
      from: { path: '^main/services/' },
      to: { path: '^main/(api|core|host|electron)/' },
    },
    {
      name: 'api-below-core',
      severity: 'error',
      comment: 'The dispatcher and handlers are given their services; they do not build or host them.',
      from: { path: '^main/api/' },
      to: { path: '^main/(core|host|electron)/' },
    },
    {
      name: 'core-below-hosts',
      severity: 'error',
      comment: 'createCore runs the same under the browser host and in the desktop utility process.',
      from: { path: '^main/core/' },
      to: { path: '^main/(host|electron)/' },
    },
    {
      name: 'host-not-electron',
      severity: 'error',
      comment:
        'The browser host runs without Electron; the desktop shell may reuse the host (its security headers).',
      from: { path: '^main/host/' },
      to: { path: '^main/electron/' },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment:
        'Only main/electron/ and preload/ load electron: the core, services and tests run in plain Node.',
      from: { pathNot: '^(main/electron|preload)/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'updater-only-in-main-shell',
      severity: 'error',
      comment:
        'electron-updater loads electron: only main/electron/ wires it; the update decisions are in main/services/update/.',
      from: { pathNot: '^main/electron/' },
      to: { path: 'node_modules/electron-updater/' },
    },

    {
      name: 'electron-main-no-sqlite',
      severity: 'error',
      comment:
        'The desktop main process is a thin shell: it unseals the database key but never loads the native SQLite module (the core process does).',
      from: { path: '^main/electron/(index|database-key)\\.ts$' },
      to: { path: 'node_modules/better-sqlite3', reachable: true },
    },

    // preload/ and renderer/.
    {
      name: 'preload-contract-only',
      severity: 'error',
      comment: 'The preload exposes the contract and nothing else: electron and common/ contract types only.',
      from: { path: '^preload/' },
      to: { pathNot: ['^preload/', '^common/(contract/|errors\\.ts$)', 'node_modules/electron/'] },
    },
    {
      name: 'renderer-own-and-common',
      severity: 'error',
      comment:
        'The renderer reaches the core only through renderer/src/api/client.ts: never main/ or preload/.',
      from: { path: '^renderer/' },
      to: { pathNot: ['^(renderer|common)/', 'node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer is a sandboxed web page: no Node built-ins.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-ui-packages',
      severity: 'error',
      comment:
        'The renderer uses UI packages (React, Mantine, Tabler icons, Recharts, i18next) and zod, not the main side ones.',
      from: { path: '^renderer/' },
      to: {
        path: 'node_modules/',
        pathNot:
          'node_modules/(react|react-dom|@mantine/[^/]+|@tabler/icons-react|recharts|zod|i18next|react-i18next)/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
}
