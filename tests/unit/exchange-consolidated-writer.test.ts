/**
 * The consolidated report writer: written workbooks re-opened with ExcelJS in Node,
 * in memory and streaming, and the completeness workbook.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_BLOCK_ROWS } from '@exchange/print';
import {
  COMPLETENESS_COLUMNS,
  COMPLETENESS_MACHINE_KIND,
  CONSOLIDATED_MACHINE_KEYS,
  MACHINE_INDICATOR_UNIT_PREFIX,
  MACHINE_SUBMITTED_PREFIX,
  UNIT_INDICATOR_TARGET_LABEL,
  UNIT_INDICATOR_TOTAL_LABEL,
  consolidatedFileName,
  consolidatedMachineRows,
  CONSOLIDATED_INFO_FIELDS,
  FORMAT_ID,
  ITEM_SUMMARY_COLUMNS,
  SHEET_NAMES,
  UNIT_INDICATOR_COLUMNS,
} from '@exchange/spec';
import { COMPLETENESS_STATE_LABELS, STATUS_COUNT_KEYS, STATUS_COUNT_LABELS } from '@domain/report';
import { writeCompletenessWorkbook, writeConsolidatedReport } from '@exchange/writer-consolidated';
import { writeCompletenessWorkbookStreaming, writeConsolidatedReportStreaming } from '@exchange/writer-consolidated-stream';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';

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

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(HEADER_ROW).eachCell({ includeEmpty: true }, (c) => out.push(String(c.value ?? '')));
  return out;
}

function values(ws: ExcelJS.Worksheet, r: number): unknown[] {
  const out: unknown[] = [];
  const row = ws.getRow(r);
  for (let c = 1; c <= ws.columnCount; c++) out.push(row.getCell(c).value);
  return out;
}

/** Every cell of every sheet, keyed "sheet!A1" (Dates as ISO text). */
function allValues(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out[`${ws.name}!${cell.address}`] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      });
    });
  });
  return out;
}

describe('writeConsolidatedReport', () => {
  it('writes the sheets in order, the machine sheet very hidden, kind consolidated version 2', async () => {
    const report = sampleConsolidated();
    const wb = await open(await writeConsolidatedReport(report));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SHEET_NAMES.info, 'visible'],
      [SHEET_NAMES.itemSummary, 'visible'],
      [SHEET_NAMES.unitIndicators, 'visible'],
      [SHEET_NAMES.activities, 'visible'],
      [SHEET_NAMES.completeness, 'visible'],
      [SHEET_NAMES.machine, 'veryHidden'],
    ]);
    const machine = sheet(wb, SHEET_NAMES.machine);
    const rows = new Map<string, string>();
    machine.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value ?? '')));
    expect(rows.get('format')).toBe(FORMAT_ID);
    expect(rows.get('version')).toBe('2');
    expect(rows.get('kind')).toBe('consolidated');
    expect(rows.get('deadline')).toBe('2025-06-16');
    expect(rows.get('units.count')).toBe('3');
    expect(rows.get('reports.count')).toBe('3');
    expect(rows.get('indicator.unit:x-ho-ngheo-duoc-ho-tro')).toBe('hộ');
    expect(rows.get('submitted:CDCS-0031')).toBe('2025-06-15T09:05:10.000Z');
    expect(rows.has('submitted:CDCS-0058')).toBe(false);
    expect([...rows.keys()]).toEqual(['key', ...consolidatedMachineRows(report).map(([k]) => k)]);
    expect(consolidatedFileName(report)).toBe('TongHop_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx');
  });

  it('writes "Thông tin" with the deadline and the completeness counts', async () => {
    const wb = await open(await writeConsolidatedReport(sampleConsolidated(), { place: 'Dương Minh Châu' }));
    const ws = sheet(wb, SHEET_NAMES.info);
    const got = new Map<string, unknown>();
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) got.set(String(ws.getRow(r).getCell(1).value), ws.getRow(r).getCell(2).value);
    expect([...got.keys()]).toEqual(CONSOLIDATED_INFO_FIELDS.map((f) => f.label));
    expect((got.get('Hạn nộp') as Date).toISOString()).toBe('2025-06-16T00:00:00.000Z');
    expect(got.get('Số đơn vị phải nộp')).toBe(4);
    expect(got.get('Số đơn vị đã nộp đúng hạn')).toBe(2);
    expect(got.get('Số đơn vị nộp muộn')).toBe(1);
    expect(got.get('Số đơn vị chưa nộp')).toBe(1);
    expect(got.get('Số báo cáo được tổng hợp')).toBe(3);
    expect(got.get('Thời điểm xuất')).toBe('20/06/2025 10:15 (giờ Việt Nam)');
    expect(got.get('Phiên bản định dạng')).toBe(2);
    // The official header: parent body and unit in capitals, national name and motto, place and date.
    expect(ws.getCell('A1').value).toBe('LĐLĐ TỈNH TÂY NINH');
    expect(ws.getCell('A2').value).toBe('LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU');
    const right = [ws.getRow(1), ws.getRow(2), ws.getRow(3)].map((row) => {
      const vals: unknown[] = [];
      row.eachCell((c) => vals.push(c.value));
      return vals.at(-1);
    });
    expect(right).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Dương Minh Châu, ngày 20 tháng 6 năm 2025']);
    expect(ws.getCell('A4').value).toBe('BÁO CÁO TỔNG HỢP');
  });

  it('writes "Tổng hợp theo nhiệm vụ": one column per status, the sum and the activities', async () => {
    const report = sampleConsolidated();
    const wb = await open(await writeConsolidatedReport(report));
    const ws = sheet(wb, SHEET_NAMES.itemSummary);
    expect(headers(ws)).toEqual(ITEM_SUMMARY_COLUMNS.map((c) => c.header));
    expect(headers(ws).slice(3, 8)).toEqual(STATUS_COUNT_KEYS.map((k) => STATUS_COUNT_LABELS[k]));
    const it0 = report.consolidation.items[0]!;
    const row = values(ws, HEADER_ROW + 1);
    const sum = STATUS_COUNT_KEYS.reduce((s, k) => s + it0.counts[k], 0);
    expect(row).toEqual([it0.id, it0.groupTitle, it0.text, ...STATUS_COUNT_KEYS.map((k) => it0.counts[k]), sum, it0.activityCount]);
    expect(ws.rowCount).toBe(HEADER_ROW + report.consolidation.items.length);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('writes "Chỉ tiêu theo đơn vị" with a "Tổng cộng" row of plain numbers and the targets', async () => {
    const report = sampleConsolidated();
    const bytes = await writeConsolidatedReport(report);
    const wb = await open(bytes);
    const ws = sheet(wb, SHEET_NAMES.unitIndicators);
    const h = headers(ws);
    expect(h.slice(0, UNIT_INDICATOR_COLUMNS.length)).toEqual(UNIT_INDICATOR_COLUMNS.map((c) => c.header));
    expect(h.slice(UNIT_INDICATOR_COLUMNS.length)).toEqual(report.indicators.map((i) => i.name));
    const units = report.consolidation.units;
    expect(values(ws, HEADER_ROW + 1).slice(0, 6)).toEqual([1, 'CDCS-0012', units[0]!.unitName, 'CĐCS', 1, 2]);
    const total = values(ws, HEADER_ROW + units.length + 1);
    expect(total.slice(0, 6)).toEqual([null, null, 'Tổng cộng', null, 3, 4]);
    expect(total.slice(6)).toEqual(report.indicators.map((i) => i.value));
    const part = report.indicators.findIndex((i) => i.code === 'participants');
    expect(total[6 + part]).toBe(1_000_000 + 120 + 38);
    const target = values(ws, HEADER_ROW + units.length + 2);
    expect(target[2]).toBe('Chỉ tiêu giao');
    expect(target.slice(6)).toEqual(report.indicators.map((i) => i.target));
    // Blank where a unit gave no value; 0 where it gave 0.
    expect(values(ws, HEADER_ROW + 2)[6]).toBeNull();
    // Values, never formulas.
    const zip = await JSZip.loadAsync(bytes);
    for (const f of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(f)!.async('string')).not.toContain('<f>');
    }
  });

  it('writes "Hoạt động" with "Tên đơn vị" after "Mã đơn vị" and the hidden "Mã dòng"', async () => {
    const report = sampleConsolidated();
    report.activities[2]!.title = '=HYPERLINK("http://x","bấm")';
    report.activities[3]!.title = 'Hội nghị người lao động'.normalize('NFD');
    const wb = await open(await writeConsolidatedReport(report));
    const ws = sheet(wb, SHEET_NAMES.activities);
    const h = headers(ws);
    expect(h.slice(0, 5)).toEqual(['STT', 'Ngày', 'Mã đơn vị', 'Tên đơn vị', 'Nhiệm vụ']);
    expect(h.at(-1)).toBe('Mã dòng');
    expect(ws.getColumn(h.length).hidden).toBe(true);
    const r3 = values(ws, HEADER_ROW + 3);
    expect(r3[2]).toBe('CDCS-0031');
    expect(r3[3]).toBe('CĐCS Công ty TNHH Giày da Hưng Thịnh');
    expect(r3[6]).toBe('=HYPERLINK("http://x","bấm")');
    expect(ws.getRow(HEADER_ROW + 3).getCell(7).formula).toBeUndefined();
    expect(values(ws, HEADER_ROW + 4)[6]).toBe('Hội nghị người lao động'.normalize('NFC'));
    expect((r3[1] as Date).toISOString()).toBe('2025-03-08T00:00:00.000Z');
  });

  it('writes "Tình hình nộp báo cáo" with states and Vietnam times', async () => {
    const wb = await open(await writeConsolidatedReport(sampleConsolidated()));
    const ws = sheet(wb, SHEET_NAMES.completeness);
    expect(headers(ws)).toEqual(COMPLETENESS_COLUMNS.map((c) => c.header));
    expect(values(ws, HEADER_ROW + 2)).toEqual([2, 'CDCS-0031', 'CĐCS Công ty TNHH Giày da Hưng Thịnh', 'Đã nộp', '15/06/2025 16:05', 1]);
    expect(values(ws, HEADER_ROW + 3)[3]).toBe('Nộp muộn');
    expect(values(ws, HEADER_ROW + 4)).toEqual([4, 'CDCS-0058', 'CĐCS Bệnh viện Đa khoa huyện', 'Chưa nộp', null, 0]);
  });

  it('streaming and in memory give the same cells; progress reaches the total', async () => {
    const report = sampleConsolidated();
    // Enough rows for intermediate progress calls (every 1000 rows).
    const a0 = report.activities[0]!;
    report.activities = Array.from({ length: 2500 }, (_, i) => ({ ...a0, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const calls: [number, number][] = [];
    const mem = await writeConsolidatedReport(report, {}, (w, t) => calls.push([w, t]));
    const streamCalls: [number, number][] = [];
    const streamed = await writeConsolidatedReportStreaming(report, { onProgress: (w, t) => streamCalls.push([w, t]) });
    expect(allValues(await open(streamed!))).toEqual(allValues(await open(mem)));
    const total = calls.at(-1)![1];
    expect(calls.map((c) => c[0])).toEqual([1000, 2000, total]);
    expect(calls.at(-1)).toEqual([total, total]);
    expect(streamCalls).toEqual(calls);
  });
});

describe('writeCompletenessWorkbook', () => {
  it('holds "Thông tin" and "Tình hình nộp báo cáo", its machine kind completeness; streaming writes the same', async () => {
    const bytes = await writeCompletenessWorkbook(sampleConsolidated());
    expect(allValues(await open((await writeCompletenessWorkbookStreaming(sampleConsolidated()))!))).toEqual(allValues(await open(bytes)));
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.info, SHEET_NAMES.completeness, SHEET_NAMES.machine]);
    const machine = sheet(wb, SHEET_NAMES.machine);
    let kind = '';
    machine.eachRow((row) => {
      if (row.getCell(1).value === 'kind') kind = String(row.getCell(2).value);
    });
    expect(kind).toBe(COMPLETENESS_MACHINE_KIND);
    expect(sheet(wb, SHEET_NAMES.completeness).getCell('A4').value).toBe('DANH SÁCH NỘP BÁO CÁO');
    expect(sheet(wb, SHEET_NAMES.completeness).getCell('A5').value).toBe('Tình hình nộp báo cáo kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025');
    expect(sheet(wb, SHEET_NAMES.info).getCell('A5').value).toBe('Tình hình nộp báo cáo kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025');
  });
});

describe('FORMAT.md', () => {
  it('names every consolidated sheet, header, info label, row label, machine key and state', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../src-renderer/exchange/FORMAT.md'), 'utf8');
    const words = [
      SHEET_NAMES.itemSummary,
      SHEET_NAMES.unitIndicators,
      SHEET_NAMES.completeness,
      ...CONSOLIDATED_INFO_FIELDS.map((f) => f.label),
      ...ITEM_SUMMARY_COLUMNS.map((c) => c.header),
      ...UNIT_INDICATOR_COLUMNS.map((c) => c.header),
      ...COMPLETENESS_COLUMNS.map((c) => c.header),
      'Tên đơn vị',
      UNIT_INDICATOR_TOTAL_LABEL,
      UNIT_INDICATOR_TARGET_LABEL,
      ...Object.values(CONSOLIDATED_MACHINE_KEYS),
      MACHINE_INDICATOR_UNIT_PREFIX,
      MACHINE_SUBMITTED_PREFIX,
      COMPLETENESS_MACHINE_KIND,
      ...Object.values(COMPLETENESS_STATE_LABELS),
      ...Object.values(STATUS_COUNT_LABELS),
      'formatVersionFor',
      'version 2',
      'phiên bản 2',
    ];
    expect(words.filter((w) => !doc.includes(w))).toEqual([]);
  });
});
