import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'net',
  'child_process',
  'worker_threads',
  'util',
]

/**
 * Layer rules (see docs/ARCHITECTURE.md), enforced here rather than remembered:
 * - common/ imports nothing of ours outside common/, and no electron, Node built-ins, React or DOM;
 * - main/ services, db, api, host, core never import electron (only main/electron/ and preload/ may);
 * - renderer/ never imports Node, electron or main/;
 * - raw ipcMain/ipcRenderer only in main/electron/ and preload/.
 */
export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../../*',
                '../main/*',
                '../renderer/*',
                '../preload/*',
                '**/main/**',
                '**/renderer/**',
              ],
              message: 'common/ imports only common/ (and zod).',
            },
            {
              group: ['electron', 'react', 'react-dom', ...nodeBuiltins],
              message: 'common/ is pure TypeScript: no electron, Node or React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'Services never import electron: keep Electron glue in main/electron/.',
            },
            { group: ['**/renderer/**', '**/preload/**'], message: 'main/ does not import UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ does not import UI code.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer is a sandboxed web page: no Node, no electron.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks to the core only through renderer/src/api/client.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No Node globals in the renderer.' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // The glue's unit test stands in a fake ipcMain for the real one.
    ignores: ['main/electron/**', 'preload/**', 'test/unit/electron-glue.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'ipcMain only in main/electron/.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'ipcRenderer only in preload/.' },
      ],
    },
  },
)
