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
      "import { Other } from '@features/example';",
      "import { Notice } from '@ui/notice';",
      "import { x } from '../../src-main/ipc';",
      "import { readFileSync } from 'node:fs';",
      'export const used = [useState, useLiveQuery, create, Screen, Other, Notice, x, readFileSync];',
    ].join('\n');
    expect(await restrictedImports('src-renderer/db/example.ts', code)).toHaveLength(8);
    expect(await restrictedImports('src-renderer/db/example.ts', "import Dexie from 'dexie';\nimport { fold } from '../domain/vn-text';\nexport const used = [Dexie, fold];\n")).toEqual([]);
  });

  it('allows what pure modules may use', async () => {
    const code = "import { z } from 'zod';\nimport { fold } from './vn-text';\nexport const used = [z, fold];\n";
    expect(await restrictedImports('src-renderer/domain/example.ts', code)).toEqual([]);
  });
});

describe('rooms', () => {
  const roomRule = (rule: string, filePath: string, code: string) => ruleMessages(`rooms/${rule}`, filePath, code);

  it('keeps the domain from importing the formats, storage, screens, shared UI and UI state', async () => {
    const imports = [
      "import { SHEET_NAMES } from '../exchange/spec';",
      "import { FORMAT_ID } from '@exchange/spec';",
      "import { docx } from '../document/docx-writer';",
      "import { platform } from '../platform';",
      "import { DESKTOP_API_GLOBAL } from '@contract';",
      "import { db } from '../db';",
      "import { Screen } from '../features/example/Screen';",
      "import { App } from '../app/App';",
      "import { Modal } from '../ui/Modal';",
      "import { useUi } from '../state';",
      "import { writeDocx } from '@document/docx-writer';",
      "import { platformOf } from '@platform';",
      "import { dbOf } from '@db';",
      "import { ops } from '@db/plan-ops';",
      "import { OtherScreen } from '@features/example';",
      "import { Shell } from '@app/Shell';",
      "import { Notice } from '@ui/notice';",
      "import { useStore } from '@state';",
    ];
    const code = `${imports.join('\n')}\nexport const used = [SHEET_NAMES, FORMAT_ID, docx, platform, DESKTOP_API_GLOBAL, db, Screen, App, Modal, useUi, writeDocx, platformOf, dbOf, ops, OtherScreen, Shell, Notice, useStore];\n`;
    const messages = await restrictedImports('src-renderer/domain/example.ts', code);
    expect(messages).toHaveLength(imports.length);
    // The rule is the domain's: the format itself may import both the domain and its own files.
    expect(await restrictedImports('src-renderer/exchange/example.ts', "import { SHEET_NAMES } from './spec';\nimport { fold } from '../domain/vn-text';\nexport const used = [SHEET_NAMES, fold];\n")).toEqual([]);
  });

  it('lets a feature use another only through its index.ts', async () => {
    const file = 'src-renderer/features/reports/Example.tsx';
    const inner = "import { useWorkbookJob } from '../exports/use-workbook-job';\nexport const used = useWorkbookJob;\n";
    expect(await roomRule('feature-internals', file, inner)).toHaveLength(1);
    expect(await roomRule('feature-internals', 'src-renderer/features/reports/deeper/Example.tsx', inner.replace("'../exports", "'../../exports"))).toHaveLength(1);
    expect(await roomRule('feature-internals', file, "export { useWorkbookJob } from '../exports/use-workbook-job';\n")).toHaveLength(1);
    expect(await roomRule('feature-internals', file, "export const load = () => import('../plan-import/PlanImportDialog');\n")).toHaveLength(1);
    expect(await roomRule('feature-internals', file, "import { useWorkbookJob } from '@features/exports/use-workbook-job';\nexport const used = useWorkbookJob;\n")).toHaveLength(1);
    const allowed = [
      "import { useWorkbookJob } from '../exports';",
      "import { isBusy } from '../exports/index';",
      "import { percentOf } from '@features/exports';",
      "import { ReportsScreen } from './ReportsScreen';",
      "import { fold } from '@domain/vn-text';",
      'export const used = [useWorkbookJob, isBusy, percentOf, ReportsScreen, fold];',
    ].join('\n');
    expect(await roomRule('feature-internals', file, allowed)).toEqual([]);
    // The shell mounts screens; the rule is between features.
    expect(await roomRule('feature-internals', 'src-renderer/app/Example.tsx', inner.replace("'../exports", "'../features/exports"))).toEqual([]);
  });

  it('keeps schema versions frozen, and live code away from them', async () => {
    const version = 'src-renderer/db/versions/v99.ts';
    const live = "import { isConsolidated } from '@domain/report';\nimport { sha } from '../import-ops';\nexport const used = [isConsolidated, sha];\n";
    expect(await roomRule('frozen-migrations', version, live)).toHaveLength(2);
    expect(await roomRule('frozen-migrations', version, "import type { Transaction } from 'dexie';\nimport { V5_STORES } from './v5';\nexport type T = [Transaction, typeof V5_STORES];\n")).toEqual([]);
    const borrow = "import { upgradeToV5 } from './versions/v5';\nexport const used = upgradeToV5;\n";
    expect(await roomRule('frozen-migrations', 'src-renderer/db/import-ops.ts', borrow)).toHaveLength(1);
    expect(await roomRule('frozen-migrations', 'src-renderer/features/example/x.ts', "import { upgradeToV5 } from '@db/versions/v5';\nexport const used = upgradeToV5;\n")).toHaveLength(1);
    // The schema registers every version, and a backup of an older version is read with its stores.
    expect(await roomRule('frozen-migrations', 'src-renderer/db/schema.ts', borrow)).toEqual([]);
    expect(await roomRule('frozen-migrations', 'src-renderer/db/backup-format.ts', borrow)).toEqual([]);
  });

});
