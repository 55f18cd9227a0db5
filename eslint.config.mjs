// Lint rules, including the environment boundaries of architecture.md: each file runs in one
// environment (main, preload, renderer DOM, pure), and a pure module (domain, exchange, the
// IPC contract) must not import React, Dexie, Electron, Node or the renderer's DOM layers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import patterns naming a room of src-renderer, by relative path or by its alias. */
const room = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`, `@${n}`, `@${n}/*`]);

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'buffer', 'util', 'worker_threads'];

// Everything in the renderer: no Electron (only the preload contract), no main-process file, no Node.
const rendererRestrictions = {
  paths: [{ name: 'electron', message: 'The renderer reaches the shell only through the preload contract.' }],
  patterns: [
    { group: ['**/src-main/**', '../../src-main/*'], message: 'The renderer must not import main-process files.' },
    { group: nodeBuiltins, message: 'The renderer has no Node.' },
  ],
};

// What only a page has: a pure module that used one would fail in a worker or in Node.
const pageGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'location', 'history', 'alert', 'confirm'];

const pureRestrictions = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'Pure modules must not import React.' },
    { group: ['dexie', 'dexie-react-hooks', 'zustand', 'zustand/*'], message: 'Pure modules must not import storage or UI state.' },
    { group: ['electron', 'electron/*'], message: 'Pure modules must not import Electron.' },
    { group: nodeBuiltins, message: 'Pure modules must not import Node built-ins.' },
    { group: [...room('db', 'features', 'app', 'state'), '**/platform/*-platform*', '@platform/*-platform*', '@platform'], message: 'Pure modules must not import renderer layers.' },
  ],
};

// The domain is the innermost room: pure rules about plans, units, reports and periods. Nothing
// it imports may know about files, storage, screens or the shell (the format maps the domain,
// never the other way round).
const domainRestrictions = {
  patterns: [
    ...pureRestrictions.patterns,
    {
      // (`@platform`, the platform's index, is a renderer layer for every pure module: pureRestrictions.)
      group: [...room('exchange', 'document'), '**/platform', '**/platform/**', '@platform/*', '@contract'],
      message: 'The domain must not import the file formats or the platform: they import the domain.',
    },
    // Storage, screens, UI state and the shell are kept out of every pure module (pureRestrictions).
    { group: room('ui'), message: 'The domain must not import shared UI.' },
  ],
};

const rendererRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src-renderer');
const featuresRoot = path.join(rendererRoot, 'features');
const versionsRoot = path.join(rendererRoot, 'db', 'versions');

/** The live files that read the frozen store lists of every schema version. */
const READS_MIGRATIONS = [path.join(rendererRoot, 'db', 'schema.ts'), path.join(rendererRoot, 'db', 'backup-format.ts')];

/** Calls `check(node, specifier)` for every static import, re-export and dynamic import of a file. */
function eachImport(check) {
  return {
    ImportDeclaration: (node) => check(node, node.source.value),
    ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
    ExportAllDeclaration: (node) => check(node, node.source.value),
    ImportExpression: (node) => node.source.type === 'Literal' && typeof node.source.value === 'string' && check(node, node.source.value),
  };
}

/** The renderer's path aliases (tsconfig.base.json, their one home): `@room/…` is src-renderer/room/…. */
const ALIAS = /^@(app|db|document|domain|exchange|features|platform|state|ui)(?=\/|$)/;

/** The file a relative or aliased specifier names, without its extension; null for a package. */
function resolved(fromFile, specifier) {
  if (specifier === '@contract') return path.join(rendererRoot, 'platform', 'contract');
  const alias = ALIAS.exec(specifier);
  const file = alias
    ? path.join(rendererRoot, alias[1], specifier.slice(alias[0].length))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(fromFile), specifier)
      : null;
  return file && file.replace(/\.(?:tsx?|mts|jsx?|mjs)$/, '');
}

function inside(root, file) {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep) : null;
}

// Rules about which room may use which, where a file's own place decides (a pattern cannot).
const rooms = {
  rules: {
    // A feature is used by another only through its index.ts, so its files can change freely.
    'feature-internals': {
      meta: { type: 'problem', schema: [], messages: { internal: "Import «{{feature}}» through its index.ts, not its file «{{file}}»; a feature's other files are its own." } },
      create(context) {
        const own = inside(featuresRoot, context.filename)?.[0];
        if (!own) return {};
        return eachImport((node, specifier) => {
          const target = resolved(context.filename, specifier);
          const parts = target && inside(featuresRoot, target);
          if (!parts || parts[0] === own) return;
          const [feature, ...rest] = parts;
          const file = rest.join('/');
          if (file === '' || file === 'index') return;
          context.report({ node, messageId: 'internal', data: { feature, file } });
        });
      },
    },
    // A schema version is frozen once shipped: it imports only Dexie's types and the version
    // before it, and live code does not borrow from it (a later edit of live code would change an
    // upgrade that already ran on people's databases).
    'frozen-migrations': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          live: 'A schema version imports nothing live («{{specifier}}»): keep a private copy of what it needs.',
          migration: 'Live code must not import a schema version («{{specifier}}»); the version keeps its own copy, and so does live code.',
        },
      },
      create(context) {
        const isVersion = inside(versionsRoot, context.filename) !== null;
        if (!isVersion && READS_MIGRATIONS.includes(context.filename)) return {};
        return eachImport((node, specifier) => {
          const target = resolved(context.filename, specifier);
          if (isVersion) {
            const fine = specifier === 'dexie' || (target !== null && inside(versionsRoot, target) !== null);
            if (!fine) context.report({ node, messageId: 'live', data: { specifier } });
          } else if (target !== null && inside(versionsRoot, target) !== null) {
            context.report({ node, messageId: 'migration', data: { specifier } });
          }
        });
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, rooms },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererRestrictions],
      'rooms/feature-internals': 'error',
      'rooms/frozen-migrations': 'error',
    },
  },
  {
    // Pure: the domain rules, the workbook exchange format, the Word report writer and the IPC contract. They also run in
    // workers and in Node, so no page globals either (tsconfig.pure.json has no DOM library).
    files: ['src-renderer/domain/**/*.ts', 'src-renderer/exchange/**/*.ts', 'src-renderer/document/**/*.ts', 'src-renderer/platform/contract.ts'],
    ignores: ['src-renderer/exchange/**/*.worker.ts', 'src-renderer/exchange/worker/**'],
    rules: {
      'no-restricted-imports': ['error', pureRestrictions],
      'no-restricted-globals': ['error', ...pageGlobals.map((name) => ({ name, message: 'Pure modules run in workers and Node too: no page globals.' }))],
    },
  },
  {
    files: ['src-renderer/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', domainRestrictions] },
  },
  {
    // The database layer serves the screens; it does not render them.
    files: ['src-renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererRestrictions.paths,
          patterns: [
            ...rendererRestrictions.patterns,
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie-react-hooks', 'zustand', 'zustand/*'], message: 'The database layer must not import React or UI state.' },
            { group: room('features', 'app', 'ui', 'state'), message: 'The database layer must not import screens or UI state.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.{ts,mts,mjs}', 'tests/**/*.{ts,mts,mjs}', '*.{ts,mts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The sandboxed preload: only Electron's renderer-side modules, no Node.
    files: ['src-main/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: nodeBuiltins, message: 'A sandboxed preload has no Node built-ins.' }] }],
    },
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/bench/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
