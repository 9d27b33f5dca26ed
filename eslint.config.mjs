import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layer map (docs/ARCHITECTURE.md, "Layers") is checked on resolved paths by dependency-cruiser
 * (.dependency-cruiser.cjs, `npm run lint:layers`). ESLint keeps what shows best in the editor:
 * - electron only in main/electron/ and preload/, electron-updater only in main/electron/ (the layer check says the
 *   same on resolved paths);
 * - raw ipcMain/ipcRenderer only there too: the core is reached by a MessagePort;
 * - no Node `process` global in the renderer (a global is not an import, so the layer check cannot see it).
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
  },
  {
    files: ['common/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only main/electron/ and preload/ import electron: the core and the UI run without it.',
            },
            {
              name: 'electron-updater',
              message:
                'Only main/electron/ imports electron-updater (it loads electron): decisions live in main/services/update/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
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
