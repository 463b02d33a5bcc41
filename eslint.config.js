import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.e2e/', 'bench/results/', 'bench/.cache/', 'coverage/', '**/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Architecture: IndexedDB only through src/app/db.
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Use the query functions of src/app/db.' }] }],
    },
  },
  // Architecture: no Node in the browser or in shared code.
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'better-sqlite3', 'pg', 'kysely', 'fastify', '@fastify/*'], message: 'No Node or server module in app or shared code.' },
            { group: ['**/hub/**'], message: 'The app and shared code never import the hub.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/hub/**'], message: 'Browser code.' }] }],
    },
  },
  // SQL only in repositories (and migrations / the db plugin).
  {
    files: ['src/hub/routes/**/*.ts', 'src/hub/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kysely', importNames: ['sql'], message: 'SQL lives in src/hub/repositories.' }] }],
    },
  },
);
