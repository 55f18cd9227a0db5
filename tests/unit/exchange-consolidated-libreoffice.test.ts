/**
 * A real spreadsheet program as the client of the consolidated report: LibreOffice
 * headless opens the written workbook, prints it to PDF, exports every sheet to CSV and saves it
 * again as .xlsx. The PDF carries the official header on A4 pages (landscape for the wide
 * sheets); the CSV shows the same numbers and Vietnamese text, the totals as plain values;
 * the re-saved file reads back to the same consolidation. The PDF pages are rendered to PNG
 * under test-results/workbooks/consolidated-libreoffice/ to be looked at.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui) and poppler-utils; skipped with a message
 * when soffice is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVn } from '@domain/periods';
import { readWorkbook } from '@exchange/reader';
import {
  COMPLETENESS_COLUMNS,
  completenessFileName,
  consolidatedFileName,
  ITEM_SUMMARY_COLUMNS,
  SHEET_NAMES,
  UNIT_INDICATOR_COLUMNS,
} from '@exchange/spec';
import { COMPLETENESS_STATE_LABELS, STATUS_COUNT_KEYS, type ConsolidatedReport } from '@domain/report';
import { formatInstantVn } from '@domain/vn-time';
import { writeCompletenessWorkbook, writeConsolidatedReport } from '@exchange/writer-consolidated';
import { expectedConsolidatedOf } from '../fixtures/workbooks/tools/generate-consolidated';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { parseCsv } from '../support/csv';
import { missingLines, pdfText } from '../support/pdf-text';
import { calibrate, libreOfficePdf, smallestWord, wordsBelow } from '../support/pdf-size';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const SOFFICE = has('soffice');
if (!SOFFICE) {
  console.warn('exchange-consolidated-libreoffice.test.ts: skipped — `soffice` not found (apt-get install -y libreoffice-calc-nogui).');
}

const OUT = resolve(import.meta.dirname, '../../test-results/workbooks/consolidated-libreoffice');
const PROFILE = join(tmpdir(), `lo-sokh-th-${process.pid}-${Date.now()}`);
/** Every sheet, UTF-8, comma/quote separated, cells as shown (see exchange-libreoffice.test.ts). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
const TRICKY_TITLE = '=HYPERLINK("http://example.invalid","bấm")';

/** The sample district plus enough CĐCS for "Chỉ tiêu theo đơn vị" to span pages. */
function report(): ConsolidatedReport {
  const r = sampleConsolidated();
  r.activities[2]!.title = TRICKY_TITLE;
  r.activities[3]!.title = 'Hội nghị người lao động năm 2025 — đợt bổ sung'.normalize('NFD');
  for (let i = 0; i < 40; i++) {
    const code = `CDCS-${String(100 + i).padStart(4, '0')}`;
    const name = `Công đoàn cơ sở Công ty Cổ phần Thương mại Dịch vụ số ${i + 1} Tây Ninh`;
    r.consolidation.units.push({ unitCode: code, unitName: name, level: 'grassroots', reports: 1, activityCount: i % 4, values: { participants: 10 * i, 'new-members': i % 3 } });
    r.consolidation.completeness.push({ unitCode: code, unitName: name, state: i % 5 === 0 ? 'nop-muon' : 'da-nop', submittedAt: `2025-06-1${i % 7}T0${i % 10}:1${i % 6}:00.000Z`, activityCount: i % 4 });
  }
  for (const ind of r.indicators) ind.value = r.consolidation.units.reduce((s, u) => s + (u.values[ind.code] ?? 0), 0);
  // Each added CĐCS is one more report behind every item (as consolidate() counts them): one in
  // five finished it, the others gave it no status. Every item then adds up to the 43 reports.
  for (const it of r.consolidation.items) {
    it.counts.xong += 8;
    it.counts.none += 32;
  }
  return r;
}

function soffice(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const res = spawnSync('soffice', ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${PROFILE}`, ...args], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: res.status, stderr: res.stderr ?? '', stdout: res.stdout ?? '' };
}

describe.skipIf(!SOFFICE)('LibreOffice opens, prints, exports and re-saves the consolidated report', () => {
  const r = report();
  const path = join(OUT, consolidatedFileName(r));
  const pdfPath = path.replace(/\.xlsx$/, '.pdf');
  const csvDir = join(OUT, 'csv');
  const resavedDir = join(OUT, 'resaved');
  const logs: string[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(csvDir, { recursive: true });
    mkdirSync(resavedDir, { recursive: true });
    writeFileSync(path, await writeConsolidatedReport(r, { place: 'Dương Minh Châu', documentNumber: '45/BC-LĐLĐ' }));
    for (const args of [
      ['--convert-to', 'pdf', '--outdir', OUT, path],
      ['--convert-to', CSV_FILTER, '--outdir', csvDir, path],
      ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', resavedDir, path],
    ]) {
      const res = soffice(args);
      logs.push(`${res.status} ${res.stdout} ${res.stderr}`);
    }
    if (existsSync(pdfPath)) execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, pdfPath.replace(/\.pdf$/, '')]);
  }, 240_000);

  afterAll(() => rmSync(PROFILE, { recursive: true, force: true }));

  it('converts without errors or repairs', () => {
    for (const log of logs) {
      expect(log).toMatch(/^0 /);
      expect(log).not.toMatch(/\b(Error|repair|corrupt)/i);
    }
    expect(existsSync(pdfPath)).toBe(true);
  });

  it('prints the official header on numbered A4 pages, landscape for the wide sheets', () => {
    const text = pdfText(pdfPath);
    const expected = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'LĐLĐ TỈNH TÂY NINH',
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      'Số: 45/BC-LĐLĐ',
      'BÁO CÁO TỔNG HỢP',
      'Tổng hợp kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025',
      'Biểu 1. TỔNG HỢP TIẾN ĐỘ THỰC HIỆN THEO NHIỆM VỤ',
      'Biểu 2. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ',
      'Biểu 3. DANH SÁCH HOẠT ĐỘNG CỦA CÁC ĐƠN VỊ',
      'Biểu 4. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'Trang 1/',
    ];
    expect(missingLines(text, expected)).toEqual([]);
    expect(missingLines(pdfText(pdfPath, { layout: false }), ['Dương Minh Châu, ngày 20 tháng 6 năm 2025'])).toEqual([]);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(missingLines(text, [`Trang ${pages}/${pages}`])).toEqual([]);
    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdfPath], { encoding: 'utf8' }).matchAll(/size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
      (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as const,
    );
    expect(sizes.length).toBe(pages);
    for (const [w, h] of sizes) expect([w, h].sort()).toEqual([595, 842]);
    // "Thông tin" is portrait (page 1), "Tổng hợp theo nhiệm vụ" landscape (page 2).
    expect(sizes[0]).toEqual([595, 842]);
    expect(sizes[1]).toEqual([842, 595]);
  });

  it('exports the same numbers and text (CSV of every sheet), totals as values', () => {
    const base = consolidatedFileName(r).replace(/\.xlsx$/, '');
    const sheetCsv = (name: string) => parseCsv(readFileSync(join(csvDir, `${base}-${name}.csv`), 'utf8'));
    const c = r.consolidation;

    const items = sheetCsv(SHEET_NAMES.itemSummary);
    const ih = items.findIndex((row) => row[0] === 'Mã nhiệm vụ');
    expect(items[ih]).toEqual(ITEM_SUMMARY_COLUMNS.map((col) => col.header));
    c.items.forEach((it, i) => {
      const row = items[ih + 1 + i]!;
      expect(row[0]).toBe(it.id);
      expect(row.slice(3, 8)).toEqual(STATUS_COUNT_KEYS.map((k) => String(it.counts[k])));
      expect(row[8]).toBe(String(STATUS_COUNT_KEYS.reduce((s, k) => s + it.counts[k], 0)));
    });

    const units = sheetCsv(SHEET_NAMES.unitIndicators);
    const uh = units.findIndex((row) => row[0] === 'STT');
    const fixed = UNIT_INDICATOR_COLUMNS.length;
    expect(units[uh]!.slice(fixed)).toEqual(r.indicators.map((i) => i.name));
    c.units.forEach((u, i) => {
      const row = units[uh + 1 + i]!;
      expect(row.slice(1, 3)).toEqual([u.unitCode, u.unitName]);
      expect(row.slice(fixed)).toEqual(r.indicators.map((ind) => (u.values[ind.code] === undefined ? '' : String(u.values[ind.code]))));
    });
    const total = units[uh + 1 + c.units.length]!;
    expect(total[2]).toBe('Tổng cộng');
    expect(total.slice(4, 6)).toEqual([String(c.units.length), String(c.units.reduce((s, u) => s + u.activityCount, 0))]);
    // 2,147,483,648 + …: shown in full, not as 2.15E+09.
    expect(total.slice(fixed)).toEqual(r.indicators.map((i) => String(i.value)));

    const acts = sheetCsv(SHEET_NAMES.activities);
    const ah = acts.findIndex((row) => row[0] === 'STT');
    expect(acts[ah]!.slice(0, 5)).toEqual(['STT', 'Ngày', 'Mã đơn vị', 'Tên đơn vị', 'Nhiệm vụ']);
    r.activities.forEach((a, i) => {
      const row = acts[ah + 1 + i]!;
      expect(row[1]).toBe(formatDateVn(a.date));
      expect(row[3]).toBe(c.unitNames[a.unitCode]);
      expect(row[6]).toBe(a.title.normalize('NFC'));
    });
    expect(acts[ah + 3]![6]).toBe(TRICKY_TITLE);

    const comp = sheetCsv(SHEET_NAMES.completeness);
    const ch = comp.findIndex((row) => row[0] === 'STT');
    expect(comp[ch]).toEqual(COMPLETENESS_COLUMNS.map((col) => col.header));
    c.completeness.forEach((e, i) => {
      expect(comp[ch + 1 + i]).toEqual([String(i + 1), e.unitCode, e.unitName, COMPLETENESS_STATE_LABELS[e.state], e.submittedAt ? formatInstantVn(e.submittedAt) : '', String(e.activityCount)]);
    });
    const info = sheetCsv(SHEET_NAMES.info).map((row) => row.join('|'));
    expect(info).toContain('Hạn nộp|16/06/2025');
    expect(info).toContain(`Số đơn vị phải nộp|${c.completeness.length}`);
  });

  it('reads the file LibreOffice saved again back to the same consolidation', async () => {
    const resaved = join(resavedDir, consolidatedFileName(r));
    const got = await readWorkbook(new Uint8Array(readFileSync(resaved)), { fileName: 'resaved.xlsx' });
    expect(got.problems).toEqual([]);
    expect(got.report).toEqual(expectedConsolidatedOf(r));
  });

  it('prints every word at 9 pt or more, on every page (pdftotext -bbox, calibrated on this machine)', async () => {
    const boxPerPoint = await calibrate(OUT);
    expect(wordsBelow(pdfPath, boxPerPoint, 9)).toEqual([]);
    expect(smallestWord(pdfPath, boxPerPoint).size).toBeGreaterThanOrEqual(9.5);
  }, 60_000);

  it('prints the completeness list at 9 pt or more too', async () => {
    const listPath = join(OUT, completenessFileName(r));
    writeFileSync(listPath, await writeCompletenessWorkbook(r, { place: 'Dương Minh Châu' }));
    libreOfficePdf([listPath], OUT);
    const listPdf = listPath.replace(/\.xlsx$/, '.pdf');
    execFileSync('pdftoppm', ['-r', '60', '-png', listPdf, listPdf.replace(/\.pdf$/, '')]);
    const boxPerPoint = await calibrate(OUT);
    expect(wordsBelow(listPdf, boxPerPoint, 9)).toEqual([]);
    expect(smallestWord(listPdf, boxPerPoint).size).toBeGreaterThanOrEqual(9.5);
  }, 90_000);

  it('renders every PDF page to PNG for a look', () => {
    expect(readdirSync(OUT).filter((n) => n.endsWith('.png')).length).toBeGreaterThan(5);
  });
});
