/**
 * «Kết quả» typed in the blank template, with no activity behind it, is what the unit reports:
 * the reader turns the difference from its activities into an adjustment with the reason
 * «Số liệu đơn vị nhập trực tiếp trong mẫu», and the import stores it, so the unit's totals
 * equal what it typed. Fixture: tests/fixtures/workbooks/filled/mau-ket-qua.xlsx (LibreOffice).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@db/db';
import { applySubmission, previewImport } from '@db/import-ops';
import { indicatorSummary } from '@db/indicator-ops';
import { ensureSeeded } from '@db/plan-ops';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { readWorkbook } from '@exchange/reader';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';

const FIXTURE = join(import.meta.dirname, '../fixtures/workbooks/filled/mau-ket-qua.xlsx');
const TOOLS = join(import.meta.dirname, '../fixtures/workbooks/tools');

beforeAll(async () => {
  if (!process.env.REGENERATE_FILLED) return;
  const dir = mkdtempSync(join(tmpdir(), 'sokh-filled-'));
  try {
    writeFileSync(join(dir, 'mau.xlsx'), await builtinTemplate());
    const run = spawnSync('/usr/bin/python3', [join(TOOLS, 'lo_fill_template.py'), 'results', join(dir, 'mau.xlsx'), FIXTURE], { encoding: 'utf8', timeout: 100_000 });
    if (run.status !== 0) throw new Error(`LibreOffice could not fill the template: ${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

const read = () => readWorkbook(new Uint8Array(readFileSync(FIXTURE)), { fileName: 'mau-ket-qua.xlsx' });

describe('a template with only «Kết quả» typed (LibreOffice)', () => {
  it('reads each result as the unit total, through an adjustment with the template reason', async () => {
    const r = await read();
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      [
        'warning',
        'Tệp «mau-ket-qua.xlsx», trang «Chỉ tiêu», dòng 10, cột «Kết quả»: ghi 7 nhưng các hoạt động cộng lại là 0 và «Điều chỉnh» +2; dùng 7 (điều chỉnh +7 với lý do «Kết nạp bổ sung sau ngày chốt số liệu; Số liệu đơn vị nhập trực tiếp trong mẫu»)',
      ],
    ]);
    expect(r.report!.kind).toBe('template');
    expect(r.report!.activities).toEqual([]);
    expect(r.report!.indicators.filter((i) => i.value !== 0 || i.adjustment !== 0).map((i) => [i.code, i.value, i.adjustment, i.adjustmentReason])).toEqual([
      ['propaganda-sessions', 12, 12, 'Số liệu đơn vị nhập trực tiếp trong mẫu'],
      ['participants', 1250, 1250, 'Số liệu đơn vị nhập trực tiếp trong mẫu'],
      ['new-members', 7, 7, 'Kết nạp bổ sung sau ngày chốt số liệu; Số liệu đơn vị nhập trực tiếp trong mẫu'],
    ]);
  });

  describe('imported', () => {
    beforeEach(async () => {
      await db.delete();
      await db.open();
      await ensureSeeded();
    });

    it("makes the unit's «Chỉ tiêu» totals what it typed", async () => {
      const bytes = new Uint8Array(readFileSync(FIXTURE));
      const r = await readWorkbook(bytes, { fileName: 'mau-ket-qua.xlsx' });
      const preview = await previewImport(r.report!, bytes, 'mau-ket-qua.xlsx');
      const applied = await applySubmission(preview, { addUnit: true, acceptMismatches: true });
      expect(applied.outcome).toBe('applied');
      const period = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' };
      const summary = await indicatorSummary(BUILTIN_PLAN.id, 'CDCS-0012', period);
      const total = (code: string) => summary.rows.find((row) => row.def.code === code)!;
      expect([total('propaganda-sessions').total, total('participants').total, total('new-members').total]).toEqual([12, 1250, 7]);
      expect(total('propaganda-sessions').adjustments.map((a) => a.reason)).toEqual(['Số liệu đơn vị nhập trực tiếp trong mẫu']);
      expect(total('propaganda-sessions').fromActivities).toBe(0);
    });
  });
});
