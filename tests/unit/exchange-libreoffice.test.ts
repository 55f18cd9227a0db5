/**
 * A real spreadsheet program as the client: LibreOffice headless opens the written
 * report and template, prints them to PDF and exports every sheet to CSV. The PDF text must carry
 * the official header; the CSV must show the entered dates (dd/mm/yyyy) and the Vietnamese text
 * unchanged, formula-like text as typed. The PDF pages are rendered to PNG under
 * test-results/workbooks/writer-libreoffice/ to be looked at.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui) and poppler-utils; skipped with a message
 * when soffice is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { formatDateVn } from '@domain/periods';
import { activitySheetColumns, reportFileName, SHEET_NAMES, templateFileName } from '@exchange/spec';
import { type UnitReport } from '@domain/report';
import { writeTemplate } from '@exchange/template';
import { writeUnitReport } from '@exchange/writer';
import { planItems, sampleReport } from '../support/exchange-writer-fixtures';
import { parseCsv } from '../support/csv';
import { calibrate, smallestWord, wordsBelow } from '../support/pdf-size';
import { missingLines, pdfText } from '../support/pdf-text';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const SOFFICE = has('soffice');
if (!SOFFICE) {
  console.warn('exchange-libreoffice.test.ts: skipped — `soffice` not found (apt-get install -y libreoffice-calc-nogui).');
}

// Own sub-folder: other exchange tests write under test-results/workbooks too.
const OUT = resolve(import.meta.dirname, '../../test-results/workbooks/writer-libreoffice');
const PROFILE = join(tmpdir(), `lo-sokh-${process.pid}-${Date.now()}`);
/**
 * Every sheet (last token -1), UTF-8 (76), comma/quote separated, cells as shown (9th token:
 * without it LibreOffice writes dates in its own locale's default format, e.g. 12/15/2024).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const TRICKY_TITLE = '=HYPERLINK("http://example.invalid","bấm")';
const DATES = ['2024-12-15', '2025-06-14', '2025-01-01', '2024-12-31'];

function report(): UnitReport {
  const r = sampleReport(40);
  r.activities[0]!.title = TRICKY_TITLE;
  r.activities[1]!.title = 'Hội nghị người lao động năm 2025 — đợt bổ sung'.normalize('NFD');
  r.activities[2]!.location = '+84 276 3851 234';
  DATES.forEach((d, i) => (r.activities[i]!.date = d));
  return r;
}

function soffice(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const res = spawnSync(
    'soffice',
    ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${PROFILE}`, ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: res.status, stderr: res.stderr ?? '', stdout: res.stdout ?? '' };
}

describe.skipIf(!SOFFICE)('LibreOffice opens, prints and exports the written workbooks', () => {
  const r = report();
  const reportPath = join(OUT, reportFileName(r));
  const templatePath = join(OUT, templateFileName({ plan: r.plan, unit: r.unit, period: r.period }));
  const csvDir = join(OUT, 'csv');
  let pdfLog = '';
  let csvLog = '';

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(csvDir, { recursive: true });
    writeFileSync(reportPath, await writeUnitReport(r, { place: 'Dương Minh Châu', documentNumber: '12/BC-CĐCS' }));
    writeFileSync(
      templatePath,
      await writeTemplate({
        unit: r.unit,
        plan: r.plan,
        items: planItems(),
        period: r.period,
        indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit })),
        exportedAt: r.exportedAt,
        appVersion: r.appVersion,
        blankRows: 60,
      }),
    );
    const pdf = soffice(['--convert-to', 'pdf', '--outdir', OUT, reportPath, templatePath]);
    pdfLog = `${pdf.status} ${pdf.stdout} ${pdf.stderr}`;
    const csv = soffice(['--convert-to', CSV_FILTER, '--outdir', csvDir, reportPath]);
    csvLog = `${csv.status} ${csv.stdout} ${csv.stderr}`;
    for (const f of readdirSync(OUT).filter((n) => n.endsWith('.pdf'))) {
      execFileSync('pdftoppm', ['-r', '60', '-png', join(OUT, f), join(OUT, f.replace(/\.pdf$/, ''))]);
    }
  }, 90_000);

  afterAll(() => rmSync(PROFILE, { recursive: true, force: true }));

  it('converts without errors', () => {
    expect(pdfLog).toMatch(/^0 /);
    expect(pdfLog).not.toMatch(/\bError\b/i);
    expect(csvLog).toMatch(/^0 /);
    expect(existsSync(reportPath.replace(/\.xlsx$/, '.pdf'))).toBe(true);
    expect(existsSync(templatePath.replace(/\.xlsx$/, '.pdf'))).toBe(true);
  });

  it('prints the official header, on A4 pages numbered "Trang n/N"', () => {
    for (const path of [reportPath, templatePath]) {
      const pdf = path.replace(/\.xlsx$/, '.pdf');
      const text = pdfText(pdf);
      const expected = [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
        'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY THÀNH CÔNG',
        'BÁO CÁO',
        'Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025',
        'Trang 1/',
      ];
      expect(missingLines(text, expected), pdf).toEqual([]);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(3);
      const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
      for (const m of sizes.matchAll(/size:\s+([\d.]+) x ([\d.]+) pts/g)) {
        expect([Math.round(Number(m[1])), Math.round(Number(m[2]))].sort()).toEqual([595, 842]);
      }
      expect(missingLines(text, [`Trang ${pages}/${pages}`]), pdf).toEqual([]);
    }
    const reportText = pdfText(reportPath.replace(/\.xlsx$/, '.pdf'), { layout: false });
    expect(missingLines(reportText, ['Dương Minh Châu, ngày 14 tháng 6 năm 2025', 'Số: 12/BC-CĐCS'])).toEqual([]);
  });

  it('exports the entered dates and Vietnamese text unchanged (CSV of every sheet)', () => {
    const base = reportFileName(r).replace(/\.xlsx$/, '');
    const sheetCsv = (name: string) => parseCsv(readFileSync(join(csvDir, `${base}-${name}.csv`), 'utf8'));
    const rows = sheetCsv(SHEET_NAMES.activities);
    const cols = activitySheetColumns(r);
    const headerIndex = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[headerIndex]).toEqual(cols.map((c) => c.header));
    const at = (key: string) => cols.findIndex((c) => c.key === key);
    r.activities.forEach((a, i) => {
      const row = rows[headerIndex + 1 + i]!;
      expect(row[at('date')]).toBe(formatDateVn(a.date));
      expect(row[at('title')]).toBe(a.title.normalize('NFC'));
      expect(row[at('location')]).toBe(a.location);
      expect(row[at('itemIds')]).toBe(a.itemIds.join('; '));
      expect(row[at('rowId')]).toBe(a.id);
      expect(row[at('participants')]).toBe(a.participants === null ? '' : String(a.participants));
    });
    expect(rows[headerIndex + 1]![at('title')]).toBe(TRICKY_TITLE);
    const info = sheetCsv(SHEET_NAMES.info).map((row) => row.join('|'));
    expect(info).toContain(`Từ ngày|${formatDateVn(r.period.start)}`);
    expect(info).toContain(`Đến ngày|${formatDateVn(r.period.end)}`);
    expect(info).toContain(`Đơn vị|${r.unit.name}`);
    const machine = sheetCsv(SHEET_NAMES.machine).map((row) => row.join('|'));
    expect(machine).toContain('format|so-ke-hoach-cong-doan');
    expect(machine).toContain(`plan.fingerprint|${r.plan.fingerprint}`);
  });

  it('prints every word at 9 pt or more, on every page (pdftotext -bbox, calibrated on this machine)', async () => {
    const boxPerPoint = await calibrate(OUT);
    for (const path of [reportPath, templatePath]) {
      const pdf = path.replace(/\.xlsx$/, '.pdf');
      expect(wordsBelow(pdf, boxPerPoint, 9), pdf).toEqual([]);
      // The workbooks print at 80 %: 12 pt cells are 9.6 pt on paper.
      expect(smallestWord(pdf, boxPerPoint).size).toBeGreaterThanOrEqual(9.5);
    }
  }, 60_000);

  it('renders every PDF page to PNG for a look', () => {
    const pngs = readdirSync(OUT).filter((n) => n.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(5);
  });
});
