/**
 * The preview of a file older than the one already imported for its unit, plan and period shows
 * nothing as changing: applying it writes no data (at most it is kept as history), whatever its
 * rows say. Fixtures: tests/fixtures/workbooks/import/bao-cao-moi.xlsx (imported first) and
 * bao-cao-cu.xlsx (exported earlier, before one activity was renamed, one removed, one status
 * changed). `REGENERATE_IMPORT_FIXTURES=1` writes them again (tools/older-pair.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@db/db';
import { applySubmission, previewImport } from '@db/import-ops';
import { ensureSeeded } from '@db/plan-ops';
import { diffCounts } from '@domain/merge';
import { readWorkbook } from '@exchange/reader';
import { OLDER_PAIR } from '../fixtures/workbooks/tools/older-pair';

const DIR = join(import.meta.dirname, '../fixtures/workbooks/import');

beforeAll(async () => {
  if (!process.env.REGENERATE_IMPORT_FIXTURES) return;
  for (const [name, make] of Object.entries(OLDER_PAIR)) writeFileSync(join(DIR, name), await make());
});

beforeEach(async () => {
  await db.delete();
  await db.open();
  await ensureSeeded();
});

async function preview(name: string) {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  const r = await readWorkbook(bytes, { fileName: name });
  expect(r.problems).toEqual([]);
  return previewImport(r.report!, bytes, name);
}

describe('the preview of an older file', () => {
  it('shows nothing as new, changed or gone, and says why', async () => {
    // Before the newer one is imported, the older file alone would change things.
    const alone = await preview('bao-cao-cu.xlsx');
    expect([alone.plan.decision, diffCounts(alone.plan.activityDiff)]).toEqual(['new', { new: 3, changed: 0, unchanged: 0, gone: 0 }]);

    await applySubmission(await preview('bao-cao-moi.xlsx'), { addUnit: true });
    const p = await preview('bao-cao-cu.xlsx');
    expect(p.plan.decision).toBe('older');
    expect(p.plan.reason).toBe(
      'Tệp này được xuất trước báo cáo đang dùng của đơn vị (bản đang dùng xuất lúc 01/07/2025 09:00, tệp này 14/06/2025 09:30): không ghi đè dữ liệu mới hơn, chỉ có thể lưu vào lịch sử.',
    );
    expect(diffCounts(p.plan.activityDiff)).toEqual({ new: 0, changed: 0, unchanged: 2, gone: 0 });
    expect(diffCounts(p.plan.statusDiff)).toEqual({ new: 0, changed: 0, unchanged: 3, gone: 0 });
  });
});
