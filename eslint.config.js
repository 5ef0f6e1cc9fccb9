// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The boundaries of DESIGN.md, enforced: core is pure; widgets see only core's public API;
// adapters may use core's public API and the outside world; nothing imports widgets.
const otherPackagesInternals = {
  group: ['@eduset/*/src', '@eduset/*/src/**', '**/packages/*/src/**'],
  message: 'Import the package public API, not its source files.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'docs/api/**',
      '.data/**',
      '**/*.d.ts',
      'packages/widgets/custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit', message: 'core is pure: no UI.' },
            { name: 'pg', message: 'core is pure: no storage.' },
            { name: 'fs', message: 'core is pure: no I/O.' },
            { name: 'path', message: 'core is pure: no I/O.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'core is pure: no node:* modules.' },
            { group: ['lit/*', '@lit/*'], message: 'core is pure: no UI.' },
            {
              group: ['@electric-sql/*', 'fastify', '@fastify/*', 'papaparse', 'exceljs'],
              message: 'core is pure: no I/O.',
            },
            { group: ['@eduset/*'], message: 'core imports no other eduset package.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'core is pure: no DOM.' },
        { name: 'window', message: 'core is pure: no DOM.' },
        { name: 'fetch', message: 'core is pure: no network.' },
        { name: 'localStorage', message: 'core is pure: no storage.' },
        { name: 'process', message: 'core is pure: no process.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'core takes a `seed` as an argument.' },
      ],
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'widgets run in the browser.' },
            {
              group: ['@eduset/adapters', '@eduset/adapters/*'],
              message: 'widgets import only @eduset/core.',
            },
            {
              group: ['pg', '@electric-sql/*', 'fastify', '@fastify/*', 'exceljs', 'papaparse'],
              message: 'widgets import only @eduset/core and lit.',
            },
            otherPackagesInternals,
            {
              group: ['../../core/**', '../../../core/**'],
              message: 'widgets import only @eduset/core public API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/adapters/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@eduset/widgets', '@eduset/widgets/*', 'lit', 'lit/*'],
              message: 'adapters do not import widgets.',
            },
            {
              group: ['fastify', '@fastify/*', '@eduset/server', '@eduset/server/*'],
              message: 'adapters are a library without a web server: HTTP lives in @eduset/server.',
            },
            otherPackagesInternals,
            {
              group: ['../../core/**', '../../../core/**'],
              message: 'adapters import only @eduset/core public API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@eduset/widgets', '@eduset/widgets/*', 'lit', 'lit/*'],
              message: 'the server does not import widgets.',
            },
            otherPackagesInternals,
            {
              group: [
                '../../core/**',
                '../../../core/**',
                '../../adapters/**',
                '../../../adapters/**',
              ],
              message:
                'the server imports only the public API of @eduset/core and @eduset/adapters.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['examples/**/*.js', 'packages/widgets/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
