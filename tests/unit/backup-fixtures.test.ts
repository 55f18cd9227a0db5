/**
 * The backup fixtures (tests/fixtures/backups, README there): forged records of every table and
 * a truncated file are refused with their exact message and change nothing, replace and merge
 * alike; «Gộp» of two installations that imported overlapping reports keeps one active report
 * per unit and period, exactly as importing the other installation's files would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import { activitiesOfPlan, db, loadConsolidation } from '@db';
import { BACKUP_TABLES, inspectBackup, restoreBackup } from '@db/backup';
import {
  A_FILES,
  A_WITHDRAWN,
  importFiles,
  installationA,
  installationB,
  PLAN_ID,
  stateSummary,
  withdrawFiles,
} from '../fixtures/backups/tools/installations';
import { createBackup } from '@db/backup';

const DIR = resolve(import.meta.dirname, '../fixtures/backups');
const file = (name: string) => new Uint8Array(readFileSync(resolve(DIR, name)));
const expected = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as {
  refused: Record<string, string>;
  mergeAIntoB: Record<string, unknown>;
};

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
  return out;
}

const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 });

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('forged and damaged backups', () => {
  it('the base backup is good: it restores, replace and merge', async () => {
    expect(await inspectBackup(file('base.json'))).toMatchObject({ ok: true, schemaVersion: 9 });
    await restoreBackup(file('base.json'), 'replace');
    expect(await db.activities.count()).toBe(1);
    await restoreBackup(file('base.json'), 'merge');
    expect(await db.submissions.count()).toBe(1);
  });

  it('has a forgery for every table of the backup', () => {
    for (const t of BACKUP_TABLES) expect(expected.refused[`forged-${t}.json`], t).toBeDefined();
  });

  for (const [name, message] of Object.entries(expected.refused)) {
    it(`${name}: refused with its exact message, nothing changed (preview, replace, merge)`, async () => {
      await installationB();
      const before = await snapshot();
      const refusal = await inspectBackup(file(name));
      expect(refusal).toEqual({ ok: false, reason: name === 'truncated.json' ? 'tampered' : 'invalid', message });
      for (const mode of ['replace', 'merge'] as const) {
        await expect(restoreBackup(file(name), mode)).rejects.toThrow(message);
        expect(await snapshot()).toEqual(before);
      }
    });
  }
});

describe('a forged backup of an older schema version', () => {
  it('is staged and upgraded, then refused with the same message as at the current version, nothing changed', async () => {
    await installationB();
    const before = await snapshot();
    expect(await inspectBackup(file('v5-forged-plans.json'))).toMatchObject({ ok: true, schemaVersion: 5, needsUpgrade: true });
    for (const mode of ['replace', 'merge'] as const) {
      await expect(restoreBackup(file('v5-forged-plans.json'), mode)).rejects.toThrow(expected.refused['forged-plans.json']);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe('«Gộp» of two installations with overlapping imports', () => {
  async function mergedAIntoB(): Promise<void> {
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(file('installation-b.json'), 'replace');
    const result = await restoreBackup(file('installation-a.json'), 'merge');
    expect(result.notFiled).toEqual([]);
  }

  it('keeps one active report per unit and period; the older export goes to history (the fixture files)', async () => {
    await mergedAIntoB();
    expect(await stateSummary()).toMatchObject(expected.mergeAIntoB);
    // Not 8 + 7 + 5 + … twice: the log shows the active reports' activities once.
    expect((await activitiesOfPlan(PLAN_ID)).length).toBe(6 + 5 + 7 + 8 + 1);
  });

  it('gives the same state as importing A\'s files into B (and A\'s withdrawal), and «Tổng hợp» consolidates it', async () => {
    await mergedAIntoB();
    const merged = await stateSummary();
    const mergedTotals = (await loadConsolidation({ planId: PLAN_ID, period: H1, now: new Date('2025-06-22T00:00:00.000Z') })).result;

    await installationB();
    await importFiles(A_FILES);
    await withdrawFiles(A_WITHDRAWN);
    expect(merged).toEqual(await stateSummary());
    const imported = (await loadConsolidation({ planId: PLAN_ID, period: H1, now: new Date('2025-06-22T00:00:00.000Z') })).result;
    expect(mergedTotals.contributors.map((c) => [c.unitCode, c.activityCount, c.values])).toEqual(imported.contributors.map((c) => [c.unitCode, c.activityCount, c.values]));
    expect(mergedTotals.contributors).toHaveLength(5);
  });

  it('the same with backups made now (A and B built afresh), and merging twice changes nothing more', async () => {
    await installationA();
    const a = await createBackup();
    await installationB();
    await restoreBackup(a.bytes, 'merge');
    const once = await stateSummary();
    expect(once).toMatchObject(expected.mergeAIntoB);
    const second = await restoreBackup(a.bytes, 'merge');
    expect(second.written.submissions).toBe(0);
    expect(await stateSummary()).toEqual(once);
  });
});
