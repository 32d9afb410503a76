import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
  message: 'Node APIs live behind the IPC boundary (src/main).'
}
const electron = {
  group: ['electron'],
  message: 'Only src/main (and the preload) may import electron.'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'drizzle/**',
      'drizzle-pg/**',
      'test/.tmp/**',
      'bench/out/**',
      '.native/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{mjs,js}'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    settings: { react: { version: 'detect' } },
    plugins: { react, 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron] }]
    }
  },
  {
    // Shared code runs in main, the preload, the renderer and the CLI alike.
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron] }] }
  },
  {
    // Behind the IPC boundary only src/main/index.ts, security.ts and ipc/register.ts touch Electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/security.ts', 'src/main/ipc/register.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron] }] }
  },
  prettier
)
