// ESLint flat config for the whole repository. Type-checked rules run per folder against the
// tsconfig that folder is compiled with, and `no-restricted-imports` holds the layer rules of
// docs/ARCHITECTURE.md so a wrong import fails `npm run lint` instead of a code review.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const root = fileURLToPath(new URL('.', import.meta.url));

// Each ESLint config object replaces the whole option list of a rule it sets, so the layer
// groups below use disjoint globs and every file gets exactly one list of forbidden imports.
const forbid = (regex, message) => ({ regex, message });

const dexie = forbid('^dexie(/|$)', 'Only src/data/ and src/sync/ import Dexie.');
const nodeBuiltins = forbid(
  `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/|$))`,
  'src/domain/ and src/protocol/ run in the browser and in Node: no Node built-ins.',
);

const layerRules = [
  {
    name: 'aisle/layers/components',
    files: ['src/components/**/*.ts'],
    patterns: [
      dexie,
      forbid(
        '(^|/)(data|sync)(/|$)',
        'Components render properties and emit events; views reach data through context.',
      ),
    ],
  },
  {
    name: 'aisle/layers/domain-protocol',
    files: ['src/domain/**/*.ts', 'src/protocol/**/*.ts'],
    patterns: [
      dexie,
      nodeBuiltins,
      forbid('^(lit|@lit/.*|lit-html|lit-element)(/|$)', 'Pure code: no UI library.'),
      forbid('^fastify(/|$)|^@fastify/', 'Pure code: no server framework.'),
      forbid(
        '(^|/)(data|views|components|sync|scan|app|controllers|sw|i18n)(/|$)',
        'src/domain/ and src/protocol/ depend on nothing but each other.',
      ),
    ],
  },
  {
    name: 'aisle/layers/client-other',
    files: ['src/**/*.ts'],
    ignores: [
      'src/components/**',
      'src/domain/**',
      'src/protocol/**',
      'src/data/**',
      'src/sync/**',
    ],
    patterns: [dexie],
  },
  {
    name: 'aisle/layers/server',
    files: ['server/**/*.ts'],
    patterns: [
      dexie,
      forbid('^(lit|@lit/.*|lit-html|lit-element)(/|$)', 'The server never imports UI code.'),
      forbid(
        '(^|/)src/(components|views|app|data|sync|scan|controllers|sw)(/|$)',
        'The server imports src/protocol/ and src/domain/ only.',
      ),
    ],
  },
].map(({ patterns, ...config }) => ({
  ...config,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

const typedProject = (name, files, project, extra = {}) => ({
  name,
  files,
  ...extra,
  languageOptions: {
    ...extra.languageOptions,
    parserOptions: { project, tsconfigRootDir: root },
  },
});

export default defineConfig(
  {
    name: 'aisle/ignores',
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.tmp/**',
      'coverage/**',
      'data/**',
      // Static files copied as-is into the build (wasm loaders, icons); not our source.
      'public/**',
      // The German templates, written by `npm run i18n:build` from src/i18n/xliff/de.xlf.
      'src/i18n/locales/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'aisle/base',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
      // A lost promise is a lost sale.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false },
      ],
      // Async functions without await are normal where an interface asks for a promise
      // (repositories, fake transports); the rule only produces noise there.
      '@typescript-eslint/require-await': 'off',
    },
  },
  typedProject('aisle/typed/client', ['src/**/*.ts', 'vite.config.ts'], './tsconfig.json', {
    languageOptions: { globals: { ...globals.browser } },
  }),
  typedProject('aisle/typed/server', ['server/**/*.ts'], './server/tsconfig.json', {
    languageOptions: { globals: { ...globals.node } },
  }),
  typedProject(
    'aisle/typed/tests',
    ['test/**/*.ts', 'bench/**/*.ts', '.ci/**/*.ts', 'playwright.config.ts', 'vitest.config.ts'],
    './tsconfig.test.json',
    // Specs and benches run code in the page through page.evaluate as well as in Node.
    { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  ),
  {
    name: 'aisle/service-worker',
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    name: 'aisle/lit',
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    name: 'aisle/wc',
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    name: 'aisle/lit-a11y',
    files: ['src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  layerRules,
  {
    // TypeBox is the server's validator; the client bundle takes only types from the schema
    // modules and its few constant values from src/protocol/wire-constants.ts (first-paint
    // budget, DESIGN §8). A separate rule from the layer rules, so both apply.
    name: 'aisle/typebox-out-of-the-client',
    files: ['src/**/*.ts'],
    ignores: ['src/protocol/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@sinclair/typebox(/|$)|(^|/)protocol/(schemas|sync-protocol)(\\.ts)?$',
              allowTypeImports: true,
              message:
                'Client code imports types only from the schema modules; values come from src/protocol/wire-constants.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'aisle/domain-protocol-globals',
    files: ['src/domain/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'indexedDB',
          'localStorage',
          'process',
          'Buffer',
        ].map((name) => ({
          name,
          message: 'src/domain/ and src/protocol/ run in the browser and Node.',
        })),
      ],
    },
  },
  {
    // Logging has one door on the client; the server has Fastify's logger (prefer it), and
    // benches and test scripts print their results.
    name: 'aisle/console-allowed',
    files: ['src/log.ts', 'server/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '.ci/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    name: 'aisle/tests-relaxed',
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Assertions on fixtures read loosely typed JSON; `expect(x).toBe(...)` passes methods.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    name: 'aisle/plain-js',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
