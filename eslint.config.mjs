// Lint rules, including the environment boundaries of architecture.md: each file runs in one
// environment (main, preload, renderer DOM, pure), and a pure module (domain, exchange, the
// IPC contract) must not import React, Dexie, Electron, Node or the renderer's DOM layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    { group: ['**/db/**', '**/db', '**/features/**', '**/app/**', '**/state/**', '**/platform/*-platform*'], message: 'Pure modules must not import renderer layers.' },
  ],
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererRestrictions],
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
            { group: ['**/features/**', '**/app/**', '**/ui/**', '**/state/**'], message: 'The database layer must not import screens or UI state.' },
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
