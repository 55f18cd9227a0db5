/**
 * The workbook writer: written workbooks re-opened with ExcelJS in Node.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { HEADER_BLOCK_ROWS } from '@exchange/print';
import { isFormulaLike, safeText } from '@exchange/safe-cell';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_ROW_ID_COLUMN,
  activitySheetColumns,
  FORMAT_ID,
  formatIds,
  headerKey,
  INDICATOR_COLUMNS,
  INFO_COLUMNS,
  INFO_FIELDS,
  machineRows,
  parseIds,
  parseWorkbookStatus,
  PROGRESS_COLUMNS,
  reportFileName,
  SHEET_NAMES,
  templateFileName,
} from '@exchange/spec';
import { WORKBOOK_STATUS_LABELS, type UnitReport } from '@domain/report';
import { TEMPLATE_BLANK_ROWS, writeTemplate } from '@exchange/template';
import { writeUnitReport } from '@exchange/writer';
import { writeUnitReportStreaming } from '@exchange/writer-stream';
import { readWorkbook } from '@exchange/reader';
import { PLAN, planItems, sampleReport } from '../support/exchange-writer-fixtures';

const HEADER_ROW = HEADER_BLOCK_ROWS + 1;

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): unknown[] {
  const out: unknown[] = [];
  ws.getRow(r).eachCell({ includeEmpty: true }, (c) => out.push(c.value));
  return out;
}

/** Every cell value of every sheet, keyed "sheet!A1", with Dates as ISO text. */
function allValues(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const v = c.value;
        out[`${ws.name}!${c.address}`] = v instanceof Date ? v.toISOString() : v;
      }),
    );
  });
  return out;
}

const TRICKY = ['=HYPERLINK("http://evil","x")', '+84 912 345 678', '-5 người', '@SUM(A1:A2)', '\tTab', '\rCR', '=1+2'];

function trickyReport(): UnitReport {
  const r = sampleReport(TRICKY.length + 3);
  TRICKY.forEach((t, i) => {
    r.activities[i]!.title = t;
    r.activities[i]!.location = t;
  });
  const nfd = 'Tuyên truyền Nghị quyết về đoàn kết'.normalize('NFD');
  r.activities[TRICKY.length]!.title = nfd;
  r.items[0]!.note = 'Đánh giá: tốt'.normalize('NFD');
  return r;
}

describe('spec helpers', () => {
  it('names files in ASCII by plan, unit and period', () => {
    const r = sampleReport(0);
    expect(reportFileName(r)).toBe('BaoCao_63-KH-LDLD_CDCS-0012_6T-2025.xlsx');
    expect(reportFileName({ ...r, period: { ...r.period, key: '2025-Y' } })).toBe('BaoCao_63-KH-LDLD_CDCS-0012_Nam-2025.xlsx');
    expect(reportFileName({ ...r, period: { ...r.period, key: '2026-Q1' } })).toBe('BaoCao_63-KH-LDLD_CDCS-0012_Q1-2026.xlsx');
    expect(templateFileName({ plan: r.plan, unit: r.unit, period: r.period })).toBe(
      'MauNhapLieu_63-KH-LDLD_CDCS-0012_6T-2025.xlsx',
    );
    expect(templateFileName({ plan: r.plan })).toBe('MauNhapLieu_63-KH-LDLD.xlsx');
    expect(reportFileName(r)).toMatch(/^[\x21-\x7e]+$/);
  });

  it('compares headers and statuses accent- and case-insensitively', () => {
    expect(headerKey('  MÃ   DÒNG: ')).toBe(headerKey('Mã dòng'));
    expect(headerKey('Đánh giá, ghi chú'.normalize('NFD'))).toBe('danh gia, ghi chu');
    expect(parseWorkbookStatus('da hoan thanh')).toBe('xong');
    expect(parseWorkbookStatus(WORKBOOK_STATUS_LABELS['khong-ap-dung'])).toBe('khong-ap-dung');
    expect(parseWorkbookStatus('')).toBeNull();
    expect(parseIds(formatIds(['III.2.4', 'III.3.1']))).toEqual(['III.2.4', 'III.3.1']);
    expect(parseIds('III.2.4,III.3.1\nIII.2.4')).toEqual(['III.2.4', 'III.3.1']);
  });

  it('keeps every header unique within its sheet (readers find columns by header)', () => {
    const r = sampleReport(3);
    for (const cols of [INFO_COLUMNS, PROGRESS_COLUMNS, activitySheetColumns(r), INDICATOR_COLUMNS]) {
      const keys = cols.map((c) => headerKey(c.header));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('flags formula-like text and cleans what XML cannot carry', () => {
    for (const t of TRICKY) expect(isFormulaLike(t)).toBe(true);
    expect(isFormulaLike('Bình thường')).toBe(false);
    expect(safeText('a\u0000b\u0007c\uD800')).toBe('abc');
    expect(safeText('e\u0301')).toBe('é');
    expect(safeText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it("cuts text at Excel's 32,767-character cell limit without splitting an emoji", () => {
    const cut = safeText('ă'.repeat(32_766) + '😀x');
    expect(cut).toBe('ă'.repeat(32_766));
    expect(safeText('😀'.repeat(20_000))).toBe('😀'.repeat(16_383));
    expect(safeText('ă'.repeat(32_765) + '😀x')).toBe('ă'.repeat(32_765) + '😀');
    expect(safeText('a'.repeat(40_000))).toHaveLength(32_767);
  });
});

describe('writeUnitReport', () => {
  it('writes the readable sheets in order and the machine sheet very hidden', async () => {
    const wb = await open(await writeUnitReport(sampleReport(5)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEET_NAMES.info,
      SHEET_NAMES.progress,
      SHEET_NAMES.activities,
      SHEET_NAMES.indicators,
      SHEET_NAMES.machine,
    ]);
    expect(wb.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'visible', 'visible', 'veryHidden']);
  });

  it('writes the spec headers on the row under the official header', async () => {
    const r = sampleReport(5);
    const wb = await open(await writeUnitReport(r));
    expect(rowTexts(sheet(wb, SHEET_NAMES.info), HEADER_ROW)).toEqual(INFO_COLUMNS.map((c) => c.header));
    expect(rowTexts(sheet(wb, SHEET_NAMES.progress), HEADER_ROW)).toEqual(PROGRESS_COLUMNS.map((c) => c.header));
    expect(rowTexts(sheet(wb, SHEET_NAMES.indicators), HEADER_ROW)).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    const act = sheet(wb, SHEET_NAMES.activities);
    const headers = rowTexts(act, HEADER_ROW);
    expect(headers).toEqual(activitySheetColumns(r).map((c) => c.header));
    expect(headers.slice(0, ACTIVITY_COLUMNS.length)).toEqual(ACTIVITY_COLUMNS.map((c) => c.header));
    expect(headers.at(-1)).toBe(ACTIVITY_ROW_ID_COLUMN.header);
    expect(headers).toContain(STANDARD_INDICATORS[0]!.name);
    expect(act.getColumn(headers.length).hidden).toBe(true);
    // Info labels in column A.
    const info = sheet(wb, SHEET_NAMES.info);
    INFO_FIELDS.forEach((f, i) => expect(info.getCell(HEADER_ROW + 1 + i, 1).value).toBe(f.label));
  });

  it('writes the machine rows: identity, version, fingerprint, indicator columns', async () => {
    const r = sampleReport(5);
    const wb = await open(await writeUnitReport(r));
    const ws = sheet(wb, SHEET_NAMES.machine);
    const rows: [unknown, unknown][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(1).value, row.getCell(2).value]);
    });
    expect(rows).toEqual(machineRows(r));
    expect(rows[0]).toEqual(['format', FORMAT_ID]);
    expect(rows.find(([k]) => k === 'plan.fingerprint')?.[1]).toMatch(/^fnv1a64:/);
  });

  it('carries the data: items with status labels, activities with ids, dates, counts, row UUIDs', async () => {
    const r = sampleReport(30);
    const wb = await open(await writeUnitReport(r));
    const prog = sheet(wb, SHEET_NAMES.progress);
    r.items.forEach((it, i) => {
      const row = prog.getRow(HEADER_ROW + 1 + i);
      expect(row.getCell(1).value).toBe(it.id);
      expect(row.getCell(4).value ?? null).toBe(it.status ? WORKBOOK_STATUS_LABELS[it.status] : null);
      expect(row.getCell(7).value).toBe(it.activityCount);
    });
    const act = sheet(wb, SHEET_NAMES.activities);
    const cols = activitySheetColumns(r);
    const at = (key: string) => cols.findIndex((c) => c.key === key) + 1;
    r.activities.forEach((a, i) => {
      const row = act.getRow(HEADER_ROW + 1 + i);
      expect(row.getCell(at('stt')).value).toBe(i + 1);
      const d = row.getCell(at('date')).value as Date;
      expect(d).toBeInstanceOf(Date);
      expect(d.toISOString().slice(0, 10)).toBe(a.date);
      expect(row.getCell(at('date')).numFmt).toBe('dd/mm/yyyy');
      expect(row.getCell(at('itemIds')).value).toBe(a.itemIds.join('; '));
      expect(row.getCell(at('participants')).value ?? null).toBe(a.participants);
      expect(row.getCell(at('rowId')).value).toBe(a.id);
      for (const [code, v] of Object.entries(a.indicators)) expect(row.getCell(at(`indicator:${code}`)).value).toBe(v);
    });
    const ind = sheet(wb, SHEET_NAMES.indicators);
    r.indicators.forEach((x, i) => {
      const row = ind.getRow(HEADER_ROW + 1 + i);
      expect([row.getCell(1).value, row.getCell(4).value, row.getCell(5).value ?? null, row.getCell(6).value]).toEqual([
        x.code,
        x.value,
        x.target,
        x.adjustment,
      ]);
    });
  });

  it('prints on A4 at 80 % (never shrunk to one page width), header row repeated, page numbers; frozen header and filter on screen', async () => {
    const wb = await open(await writeUnitReport(sampleReport(5)));
    const expected: Record<string, string> = {
      [SHEET_NAMES.info]: 'portrait',
      [SHEET_NAMES.progress]: 'landscape',
      [SHEET_NAMES.activities]: 'landscape',
      [SHEET_NAMES.indicators]: 'landscape',
    };
    for (const [name, orientation] of Object.entries(expected)) {
      const ws = sheet(wb, name);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe(orientation);
      expect(ws.pageSetup.fitToPage).toBeFalsy();
      expect(ws.pageSetup.scale).toBe(80);
      expect(ws.pageSetup.pageOrder).toBe('overThenDown');
      expect(ws.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
      expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      expect(view.ySplit).toBe(HEADER_ROW);
    }
    const act = sheet(wb, SHEET_NAMES.activities);
    expect(act.autoFilter).toBeTruthy();
    // Wider than a page: STT and Ngày repeat on the page across.
    expect(act.pageSetup.printTitlesColumn).toBe('A:B');
  });

  it('puts the official header on each printable sheet, in Times New Roman', async () => {
    const r = sampleReport(5);
    const wb = await open(await writeUnitReport(r, { place: 'Dương Minh Châu', documentNumber: '12/BC-CĐCS' }));
    for (const name of [SHEET_NAMES.info, SHEET_NAMES.progress, SHEET_NAMES.activities, SHEET_NAMES.indicators]) {
      const ws = sheet(wb, name);
      const texts = new Map<string, ExcelJS.Cell>();
      for (let rr = 1; rr <= HEADER_BLOCK_ROWS; rr++) {
        ws.getRow(rr).eachCell((c) => {
          if (typeof c.value === 'string') texts.set(c.value, c);
        });
      }
      const parent = texts.get('LĐLĐ HUYỆN DƯƠNG MINH CHÂU')!;
      expect(parent.font.bold ?? false).toBe(false);
      expect(texts.get('CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY THÀNH CÔNG')!.font.bold).toBe(true);
      expect(texts.get('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!.font.bold).toBe(true);
      expect(texts.get('Độc lập - Tự do - Hạnh phúc')!.font.bold).toBe(true);
      expect(texts.get('Dương Minh Châu, ngày 14 tháng 6 năm 2025')!.font.italic).toBe(true);
      expect(texts.get('Số: 12/BC-CĐCS')).toBeTruthy();
      expect(texts.get('BÁO CÁO')!.font.bold).toBe(true);
      expect(texts.has('Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025')).toBe(true);
      for (const c of texts.values()) expect(c.font.name).toBe('Times New Roman');
      expect(ws.getCell(HEADER_ROW, 1).font.name).toBe('Times New Roman');
      expect(ws.getCell(HEADER_ROW, 1).font.bold).toBe(true);
      expect(ws.getCell(HEADER_ROW + 1, 1).font.name).toBe('Times New Roman');
      expect(ws.getCell(HEADER_ROW + 1, 1).font.size).toBeGreaterThanOrEqual(12);
    }
  });

  it('writes formula-like text as plain string cells, never formulas', async () => {
    const r = trickyReport();
    const bytes = await writeUnitReport(r);
    const wb = await open(bytes);
    const act = sheet(wb, SHEET_NAMES.activities);
    const title = activitySheetColumns(r).findIndex((c) => c.key === 'title') + 1;
    TRICKY.forEach((t, i) => {
      const cell = act.getCell(HEADER_ROW + 1 + i, title);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(safeText(t));
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    });
    const zip = await JSZip.loadAsync(bytes);
    for (const f of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
      expect(await zip.file(f)!.async('string')).not.toContain('<f>');
    }
  });

  it('writes NFD input as NFC', async () => {
    const r = trickyReport();
    const wb = await open(await writeUnitReport(r));
    const act = sheet(wb, SHEET_NAMES.activities);
    const title = activitySheetColumns(r).findIndex((c) => c.key === 'title') + 1;
    const v = act.getCell(HEADER_ROW + 1 + TRICKY.length, title).value as string;
    expect(v).toBe('Tuyên truyền Nghị quyết về đoàn kết'.normalize('NFC'));
    expect(v).not.toBe(v.normalize('NFD'));
    expect(sheet(wb, SHEET_NAMES.progress).getCell(HEADER_ROW + 1, 5).value).toBe('Đánh giá: tốt'.normalize('NFC'));
  });

  it('reports progress up to the total and stops when aborted', async () => {
    const calls: [number, number][] = [];
    await writeUnitReport(sampleReport(2500), { onProgress: (w, t) => calls.push([w, t]) });
    expect(calls.length).toBeGreaterThan(2);
    const last = calls.at(-1)!;
    expect(last[0]).toBe(last[1]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    const ctl = new AbortController();
    ctl.abort(new Error('huỷ'));
    await expect(writeUnitReport(sampleReport(10), { signal: ctl.signal })).rejects.toThrow('huỷ');
  });
});

describe('writeUnitReportStreaming', () => {
  it('writes the same cells, styles and settings as the in-memory writer', async () => {
    const r = trickyReport();
    const a = await open(await writeUnitReport(r, { place: 'Dương Minh Châu' }));
    const b = await open((await writeUnitReportStreaming(r, { place: 'Dương Minh Châu' }))!);
    expect(allValues(b)).toEqual(allValues(a));
    expect(b.worksheets.map((w) => [w.name, w.state])).toEqual(a.worksheets.map((w) => [w.name, w.state]));
    for (const wsA of a.worksheets) {
      const wsB = sheet(b, wsA.name);
      expect(wsB.pageSetup.printTitlesRow).toBe(wsA.pageSetup.printTitlesRow);
      expect(wsB.pageSetup.orientation).toBe(wsA.pageSetup.orientation);
      expect(wsB.pageSetup.fitToWidth).toBe(wsA.pageSetup.fitToWidth);
      expect(wsB.views).toEqual(wsA.views);
      expect(wsB.model.merges).toEqual(wsA.model.merges);
      expect(wsB.columns?.map((c) => [c.width, c.hidden])).toEqual(wsA.columns?.map((c) => [c.width, c.hidden]));
      wsA.eachRow((row, n) =>
        row.eachCell((c, col) => {
          const d = wsB.getCell(n, col);
          expect([d.address, d.numFmt, d.font?.name, d.font?.bold, d.font?.italic]).toEqual([
            c.address,
            c.numFmt,
            c.font?.name,
            c.font?.bold,
            c.font?.italic,
          ]);
        }),
      );
    }
  });

  it('text holding XML entities ("&amp;", "&lt;b&gt;") reads back exactly, as in memory', async () => {
    const r = sampleReport(2);
    r.activities[0]!.title = 'Hội thao "A&amp;B" <b>&lt;b&gt;</b> & 1 < 2';
    r.activities[1]!.content = '&#39; &quot; &nbsp;';
    for (const bytes of [(await writeUnitReportStreaming(r))!, await writeUnitReport(r)]) {
      const back = await readWorkbook(bytes, { fileName: 'entities.xlsx' });
      expect(back.report?.activities.map((a) => [a.title, a.content])).toEqual(r.activities.map((a) => [a.title, a.content]));
    }
  });

  it('writes to a Node stream', async () => {
    const { PassThrough } = await import('node:stream');
    const pass = new PassThrough();
    const chunks: Buffer[] = [];
    pass.on('data', (c: Buffer) => chunks.push(c));
    const r = sampleReport(50);
    expect(await writeUnitReportStreaming(r, { stream: pass })).toBeNull();
    const wb = await open(new Uint8Array(Buffer.concat(chunks)));
    expect(sheet(wb, SHEET_NAMES.activities).rowCount).toBe(HEADER_ROW + 50);
  });
});

describe('writeTemplate', () => {
  async function template() {
    const r = sampleReport(0);
    const bytes = await writeTemplate({
      unit: r.unit,
      plan: r.plan,
      items: planItems(),
      period: r.period,
      indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: 5 })),
      exportedAt: r.exportedAt,
      appVersion: '0.1.0',
    });
    return { r, bytes, wb: await open(bytes) };
  }

  it('has the guide first, the identity and plan items pre-filled, lists hidden, machine very hidden', async () => {
    const { wb } = await template();
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SHEET_NAMES.guide, 'visible'],
      [SHEET_NAMES.info, 'visible'],
      [SHEET_NAMES.progress, 'visible'],
      [SHEET_NAMES.activities, 'visible'],
      [SHEET_NAMES.indicators, 'visible'],
      [SHEET_NAMES.lists, 'hidden'],
      [SHEET_NAMES.machine, 'veryHidden'],
    ]);
    const guide = sheet(wb, SHEET_NAMES.guide);
    const guideText: string[] = [];
    guide.eachRow((row) => guideText.push(String(row.getCell(1).value)));
    expect(guideText.join('\n')).toContain('dd/mm/yyyy');
    expect(guideText.join('\n')).toContain('Không đổi tên');
    const prog = sheet(wb, SHEET_NAMES.progress);
    const items = planItems();
    expect(items.length).toBeGreaterThan(5);
    items.forEach((it, i) => expect(prog.getCell(HEADER_ROW + 1 + i, 1).value).toBe(it.id));
    const machine = sheet(wb, SHEET_NAMES.machine);
    const kind = machine.getColumn(1).values.indexOf('kind');
    expect(machine.getCell(kind, 2).value).toBe('template');
    expect(PLAN.sections.length).toBeGreaterThan(0);
  });

  it('has pre-formatted empty activity rows with drop-downs and date and number validation', async () => {
    const { r, wb, bytes } = await template();
    const act = sheet(wb, SHEET_NAMES.activities);
    const cols = activitySheetColumns({ ...r, activities: [] });
    const first = HEADER_ROW + 1;
    const last = HEADER_ROW + TEMPLATE_BLANK_ROWS;
    expect(act.rowCount).toBe(last);
    expect(act.getCell(last, 2).border?.top?.style).toBe('thin');
    const at = (key: string) => cols.findIndex((c) => c.key === key) + 1;
    const dv = (key: string, row: number) => act.getCell(row, at(key)).dataValidation;
    for (const row of [first, last]) {
      expect(dv('date', row)).toMatchObject({ type: 'date', operator: 'between', errorStyle: 'warning' });
      expect(dv('type', row)).toMatchObject({ type: 'list', errorStyle: 'stop' });
      expect(dv('type', row).formulae?.[0]).toMatch(/_danhmuc'!\$B\$2:\$B\$12$/);
      expect(dv('itemIds', row)).toMatchObject({ type: 'list', errorStyle: 'warning' });
      expect(dv('participants', row)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
      expect(dv(`indicator:${STANDARD_INDICATORS[0]!.code}`, row)).toMatchObject({ type: 'whole' });
    }
    const dateRule = dv('date', first);
    expect((dateRule.formulae?.[0] as Date).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(dateRule.error).toMatch(/dd\/mm\/yyyy/);
    const status = sheet(wb, SHEET_NAMES.progress).getCell(first, 4).dataValidation;
    expect(status).toMatchObject({ type: 'list', errorStyle: 'stop' });
    const lists = sheet(wb, SHEET_NAMES.lists);
    expect(lists.getCell(2, 1).value).toBe('Chưa thực hiện');
    expect(lists.getCell(2, 3).value).toBe(planItems()[0]!.id);
    // Validations are stored as ranges, not one entry per cell.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
    expect((xml.match(/<dataValidation /g) ?? []).length).toBeLessThan(30);
  });

  it('protects structure cells without a password and leaves entry cells unlocked', async () => {
    const { wb, bytes } = await template();
    // ExcelJS does not read sheetProtection back: look at the XML (sheet order: guide, info, progress, activities, indicators, lists).
    const zip = await JSZip.loadAsync(bytes);
    const protection = async (n: number) =>
      /<sheetProtection [^>]*>/.exec(await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string'))?.[0] ?? null;
    for (const n of [1, 2, 3, 5, 6]) {
      const p = await protection(n);
      expect(p).toContain('sheet="1"');
      expect(p).not.toContain('hashValue');
      expect(p).not.toContain('password');
      expect(p).toContain('formatColumns="0"');
    }
    // «Hoạt động» alone stays open: people insert, delete and sort its rows.
    expect(await protection(4)).toBeNull();
    const info = sheet(wb, SHEET_NAMES.info);
    expect(info.getCell(HEADER_ROW + 1, 2).protection?.locked ?? true).toBe(true);
    const prog = sheet(wb, SHEET_NAMES.progress);
    expect(prog.getCell(HEADER_ROW + 1, 1).protection?.locked ?? true).toBe(true);
    expect(prog.getCell(HEADER_ROW + 1, 4).protection?.locked).toBe(false);
    expect(prog.getCell(HEADER_ROW + 1, 5).protection?.locked).toBe(false);
    const ind = sheet(wb, SHEET_NAMES.indicators);
    expect(ind.getCell(HEADER_ROW + 1, 1).protection?.locked ?? true).toBe(true);
    expect(ind.getCell(HEADER_ROW + 1, 4).protection?.locked).toBe(false);
  });
});

describe('FORMAT.md', () => {
  it('names every sheet, header, info label, machine key and status of spec.ts', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../src-renderer/exchange/FORMAT.md'), 'utf8');
    const r = sampleReport(1);
    const words = [
      ...Object.values(SHEET_NAMES),
      ...INFO_COLUMNS.map((c) => c.header),
      ...INFO_FIELDS.map((f) => f.label),
      ...PROGRESS_COLUMNS.map((c) => c.header),
      ...ACTIVITY_COLUMNS.map((c) => c.header),
      ACTIVITY_ROW_ID_COLUMN.header,
      ...INDICATOR_COLUMNS.map((c) => c.header),
      ...machineRows(r)
        .map(([k]) => k)
        .filter((k) => !k.startsWith('indicator:')),
      'indicator:',
      ...Object.values(WORKBOOK_STATUS_LABELS),
      FORMAT_ID,
    ];
    const missing = words.filter((w) => !doc.includes(w));
    expect(missing).toEqual([]);
  });
});
