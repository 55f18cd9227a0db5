import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { ALL_TONES } from '../fixtures/workbooks/tools/generate-report';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';

// LibreOffice itself fills the blank template (python3-uno, headless): see
// tests/fixtures/workbooks/tools/lo_fill_template.py. Needs the Debian packages
// libreoffice-calc-nogui and python3-uno; without them this test fails saying so.
const SCRIPT = join(import.meta.dirname, '../fixtures/workbooks/tools/lo_fill_template.py');
const dir = mkdtempSync(join(tmpdir(), 'sokh-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function requireLibreOffice(): void {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const unoOk = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { encoding: 'utf8' }).status === 0;
  if (soffice.status !== 0 || !unoOk) {
    throw new Error('LibreOffice headless with python3-uno is needed: apt-get install -y libreoffice-calc-nogui python3-uno');
  }
}

describe('the template filled in LibreOffice Calc', () => {
  it('reads back what LibreOffice typed: text dates, an inserted row, counts as text, NFD', { timeout: 120_000 }, async () => {
    requireLibreOffice();
    const template = join(dir, 'mau.xlsx');
    const filled = join(dir, 'da-dien.xlsx');
    writeFileSync(template, await builtinTemplate());
    const run = spawnSync('/usr/bin/python3', [SCRIPT, 'fill', template, filled], { encoding: 'utf8', timeout: 100_000 });
    expect(run.status, run.stderr).toBe(0);

    const r = await readWorkbook(new Uint8Array(readFileSync(filled)), { fileName: 'da-dien.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rep = r.report!;
    expect(rep.kind).toBe('template');
    expect(rep.unit).toMatchObject({ code: 'CDCS-0012', level: 'grassroots' });
    expect(rep.period).toMatchObject({ key: '2025-H1', start: '2024-12-15', end: '2025-06-14' });
    expect(rep.activities.map((a) => [a.date, a.title, a.itemIds, a.type, a.participants])).toEqual([
      ['2025-03-15', 'Tuyên truyền Nghị quyết 43', ['III.1.1'], 'propaganda', 1250],
      ['2025-03-16', 'Hội nghị quán triệt', ['III.1.2', 'III.1.3'], 'conference', 80],
      ['2025-03-20', 'Dòng chèn thêm', ['III.2.1'], 'other', null],
      ['2025-03-17', 'Tập huấn', ['III.1.1'], 'training', null],
    ]);
    expect(rep.activities[2]!.content).toBe('=1+1 không phải công thức');
    expect(rep.activities[3]!.indicators).toEqual({ 'propaganda-sessions': 2 });
    expect(rep.activities.every((a) => a.id === '' && a.unitCode === 'CDCS-0012')).toBe(true);
    const status = new Map(rep.items.map((i) => [i.id, i]));
    expect(status.get('III.1.1')).toMatchObject({ status: 'xong', note: 'Tổ chức 2 buổi' });
    expect(status.get('III.1.2')?.status).toBe('dang');
    expect(rep.items).toHaveLength(28);
    expect(r.counts).toMatchObject({ activities: 4, newActivities: 4, itemsWithStatus: 2, indicators: 11 });
  });
});

describe('a unit report opened and saved again in LibreOffice Calc', () => {
  it('reads back the same report', { timeout: 120_000 }, async () => {
    requireLibreOffice();
    const { writeUnitReport } = await import('@exchange/writer');
    const { sampleReport } = await import('../fixtures/workbooks/tools/sample-report');
    const report = sampleReport();
    // Text LibreOffice could take for formulas, numbers or dates if it re-parsed cells.
    report.activities[1]!.content = '+84 912 345 678\n-5\n@x\n15/3/2025\n1.250\nTRUE';
    report.activities[1]!.location = '=SUM(A1:A3)';
    report.activities[0]!.title = ALL_TONES;
    const src = join(dir, 'bao-cao.xlsx');
    const out = join(dir, 'bao-cao-lo.xlsx');
    writeFileSync(src, await writeUnitReport(report));
    const run = spawnSync('/usr/bin/python3', [SCRIPT, 'resave', src, out], { encoding: 'utf8', timeout: 100_000 });
    expect(run.status, run.stderr).toBe(0);
    const r = await readWorkbook(new Uint8Array(readFileSync(out)), { fileName: 'bao-cao-lo.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report).toEqual(report);
  });
});
