import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectWorkbookBytes } from '@exchange/guards';
import { readLeanWorkbook, type LeanWorkbook } from '@exchange/lean-workbook';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { writeUnitReportStreaming } from '@exchange/writer-stream';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { generateReport, prng } from '../fixtures/workbooks/tools/generate-report';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';

// The lean reader must be invisible: for any file, reading it the lean way (when it takes the
// file) and with ExcelJS gives the same report, rows and problems, and the same cells.

const FIXTURES = join(import.meta.dirname, '../fixtures/workbooks');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(xlsx|xls|ods|pdf)$/.test(n) ? [p] : [];
  });
}

function lean(bytes: Uint8Array): LeanWorkbook | null {
  const guard = inspectWorkbookBytes(bytes, 'x.xlsx');
  return guard.ok ? readLeanWorkbook(bytes, guard.entries) : null;
}

/** Every cell of every sheet as ExcelJS's load gives it, beside the lean grids'. */
async function expectSameCells(bytes: Uint8Array, grids: LeanWorkbook, what: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(grids.date1904, what).toBe(Boolean((wb.properties as { date1904?: boolean }).date1904));
  expect(grids.grids.map((g) => [g.name, g.state]), what).toEqual(wb.worksheets.map((ws) => [ws.name, ws.state]));
  wb.worksheets.forEach((ws, i) => {
    const g = grids.grids[i]!;
    expect([g.rowCount, g.columnCount], `${what} «${ws.name}» size`).toEqual([ws.rowCount, Math.max(ws.columnCount, ws.actualColumnCount)]);
    for (let r = 1; r <= ws.rowCount + 1; r++) {
      for (let c = 1; c <= g.columnCount + 1; c++) {
        const v = ws.findRow(r)?.findCell(c)?.value;
        expect(g.value(r, c), `${what} «${ws.name}» R${r}C${c}`).toEqual(v === undefined ? null : v);
      }
    }
  });
}

async function expectSameRead(bytes: Uint8Array, fileName: string): Promise<void> {
  const viaLean = await readWorkbook(bytes, { fileName });
  const viaExcel = await readWorkbook(bytes, { fileName, engine: 'exceljs' });
  expect(viaLean, fileName).toEqual(viaExcel);
}

describe('lean reader = ExcelJS reader', () => {
  const files = filesUnder(FIXTURES);

  it('reads every fixture (good, hand-edited, hostile) to the same data and problems', { timeout: 120_000 }, async () => {
    let taken = 0;
    for (const path of files) {
      const bytes = new Uint8Array(readFileSync(path));
      await expectSameRead(bytes, path.slice(FIXTURES.length + 1));
      const grids = lean(bytes);
      if (grids) {
        taken++;
        await expectSameCells(bytes, grids, path);
      }
    }
    expect(files.length).toBeGreaterThan(40);
    // The lean way really is taken for the app's own files (most fixtures are), not skipped.
    expect(taken).toBeGreaterThan(files.length / 2);
  });

  it('takes the files the app writes: unit report (in memory and streaming), template, consolidated report', async () => {
    const report = generateReport(7);
    const made = {
      memory: await writeUnitReport(report),
      streaming: (await writeUnitReportStreaming(report))!,
      template: await builtinTemplate(),
      consolidated: await writeConsolidatedReport(sampleConsolidated()),
    };
    for (const [what, bytes] of Object.entries(made)) {
      const grids = lean(bytes);
      expect(grids, what).not.toBeNull();
      await expectSameCells(bytes, grids!, what);
      await expectSameRead(bytes, `${what}.xlsx`);
    }
  });

  it('leaves to ExcelJS what it does not know: formulas, rich text, hyperlinks, overlapping shapes', async () => {
    const base = await writeUnitReport(generateReport(3));
    const edits: [string, (ws: ExcelJS.Worksheet) => void][] = [
      ['formula', (ws) => (ws.getCell('B9').value = { formula: 'A1+1', result: 2 } as ExcelJS.CellFormulaValue)],
      ['rich text', (ws) => (ws.getCell('B9').value = { richText: [{ text: 'in ' }, { font: { bold: true }, text: 'đậm' }] })],
      ['hyperlink', (ws) => (ws.getCell('B9').value = { text: 'trang', hyperlink: 'https://example.org' })],
      ['error', (ws) => (ws.getCell('B9').value = { error: '#N/A' } as ExcelJS.CellErrorValue)],
    ];
    for (const [what, edit] of edits) {
      const bytes = await edited(base, edit);
      expect(lean(bytes), what).toBeNull();
      await expectSameRead(bytes, `${what}.xlsx`);
    }
  });

  // Property: generated reports, then hand edits of random cells (numbers, dates, booleans, text
  // with XML's and Excel's special characters, emptied cells, merges, rows far below), saved by
  // ExcelJS as a spreadsheet program would: both ways read the same.
  const CASES = Number(process.env.LEAN_CASES ?? 30);
  const BASE = Number(process.env.LEAN_SEED ?? Math.floor(Math.random() * 1_000_000));
  it(`reads ${CASES} generated and hand-edited reports the same (seeds ${BASE}…)`, { timeout: 180_000 }, async () => {
    let leanTaken = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = BASE + i;
      const rnd = prng(seed);
      const report = generateReport(seed);
      const bytes = rnd() < 0.5 ? await writeUnitReport(report) : (await writeUnitReportStreaming(report))!;
      const what = `seed ${seed} (LEAN_SEED=${seed} LEAN_CASES=1 replays it)`;
      await expectSameRead(bytes, `${what}.xlsx`);
      const changed = await edited(bytes, (ws, wb) => handEdits(ws, wb, rnd));
      const grids = lean(changed);
      if (grids) {
        leanTaken++;
        await expectSameCells(changed, grids, what);
      }
      await expectSameRead(changed, `${what} edited.xlsx`);
    }
    expect(leanTaken).toBeGreaterThan(CASES / 2);
  });
});

async function edited(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb.getWorksheet('Hoạt động')!, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const TEXTS = ['a & b < c > d', '_x000D_ và _x0041_', '  khoảng trắng  ', 'dòng 1\ndòng 2', '"trích"', "'nháy", '😀 Đoàn', '12', '1e3', '', 'TRUE'];

function handEdits(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, rnd: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows = Math.max(ws.rowCount, 10);
  const edits = 1 + Math.floor(rnd() * 12);
  for (let k = 0; k < edits; k++) {
    const r = 1 + Math.floor(rnd() * (rows + 5));
    const c = 1 + Math.floor(rnd() * 16);
    const cell = ws.getCell(r, c);
    const kind = Math.floor(rnd() * 7);
    if (kind === 0) cell.value = Math.round(rnd() * 1e6) / (rnd() < 0.5 ? 1 : 100);
    else if (kind === 1) {
      cell.value = new Date(Date.UTC(2025, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
      cell.numFmt = pick(['dd/mm/yyyy', 'd-mmm-yy', 'yyyy-mm-dd hh:mm']);
    } else if (kind === 2) cell.value = rnd() < 0.5;
    else if (kind === 3) cell.value = pick(TEXTS);
    else if (kind === 4) cell.value = null;
    else if (kind === 5) {
      // A styled number shown as a number, or a custom text format.
      cell.value = Math.floor(rnd() * 100);
      cell.numFmt = pick(['#,##0', '0.00', '@', '"ngày" 0']);
    } else if (!ws.getCell(r, c).isMerged && !ws.getCell(r, c + 1).isMerged && !ws.getCell(r + 1, c).isMerged && !ws.getCell(r + 1, c + 1).isMerged) {
      ws.mergeCells(r, c, r + 1, c + 1);
    }
  }
  if (rnd() < 0.2) wb.properties.date1904 = true;
}
