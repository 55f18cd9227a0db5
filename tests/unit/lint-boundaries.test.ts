import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The environment boundaries are lint rules (eslint.config.mjs); these tests make sure the
// rules actually fire, so a config edit cannot silently switch them off.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const restrictedImports = (filePath: string, code: string) => ruleMessages('no-restricted-imports', filePath, code);
const restrictedGlobals = (filePath: string, code: string) => ruleMessages('no-restricted-globals', filePath, code);

describe('environment boundaries', () => {
  it('keeps React, Dexie, Electron and Node out of pure domain modules', async () => {
    const code = [
      "import { useState } from 'react';",
      "import Dexie from 'dexie';",
      "import { app } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      'export const used = [useState, Dexie, app, readFileSync];',
    ].join('\n');
    const messages = await restrictedImports('src-renderer/domain/example.ts', code);
    expect(messages).toHaveLength(4);
  });

  it('keeps the exchange format and the IPC contract pure', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const used = ipcMain;\n";
    expect(await restrictedImports('src-renderer/exchange/example.ts', code)).toHaveLength(1);
    expect(await restrictedImports('src-renderer/platform/contract.ts', code)).toHaveLength(1);
  });

  it('keeps the renderer away from Electron and main-process files', async () => {
    const code = "import { app } from 'electron';\nimport { x } from '../../src-main/ipc';\nexport const used = [app, x];\n";
    expect(await restrictedImports('src-renderer/features/example/Screen.tsx', code)).toHaveLength(2);
  });

  it('keeps page globals out of pure modules, which also run in workers and Node', async () => {
    const code = 'export const used = [window.innerWidth, document.title, localStorage.length];\n';
    expect(await restrictedGlobals('src-renderer/domain/example.ts', code)).toHaveLength(3);
    expect(await restrictedGlobals('src-renderer/exchange/example.ts', code)).toHaveLength(3);
    expect(await restrictedGlobals('src-renderer/features/example/Screen.tsx', code)).toEqual([]);
  });

  it('keeps React, UI state and screens out of the database layer', async () => {
    const code = [
      "import { useState } from 'react';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import { create } from 'zustand';",
      "import { Screen } from '../features/example/Screen';",
      "import { x } from '../../src-main/ipc';",
      "import { readFileSync } from 'node:fs';",
      'export const used = [useState, useLiveQuery, create, Screen, x, readFileSync];',
    ].join('\n');
    expect(await restrictedImports('src-renderer/db/example.ts', code)).toHaveLength(6);
    expect(await restrictedImports('src-renderer/db/example.ts', "import Dexie from 'dexie';\nimport { fold } from '../domain/vn-text';\nexport const used = [Dexie, fold];\n")).toEqual([]);
  });

  it('allows what pure modules may use', async () => {
    const code = "import { z } from 'zod';\nimport { fold } from './vn-text';\nexport const used = [z, fold];\n";
    expect(await restrictedImports('src-renderer/domain/example.ts', code)).toEqual([]);
  });
});
