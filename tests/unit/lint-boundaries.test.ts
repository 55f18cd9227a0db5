import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The environment boundaries are lint rules (eslint.config.mjs); these tests make sure the
// rules actually fire, so a config edit cannot silently switch them off.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

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

  it('allows what pure modules may use', async () => {
    const code = "import { z } from 'zod';\nimport { fold } from './vn-text';\nexport const used = [z, fold];\n";
    expect(await restrictedImports('src-renderer/domain/example.ts', code)).toEqual([]);
  });
});
