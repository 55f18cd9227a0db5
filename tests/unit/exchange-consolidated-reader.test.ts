/**
 * Reading consolidated reports that people (or other programs) touched: renamed sheets,
 * re-ordered rows, headers without accents, numbers stored as text, a lost machine sheet, a
 * missing total row; and the version rules (unit reports of version 1 and 2 read alike).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { isConsolidated, type ConsolidatedReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport } from '../fixtures/workbooks/tools/sample-report';

const HEADER_ROW = 7;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function colOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(HEADER_ROW);
  for (let c = 1; c <= ws.columnCount; c++) if (String(row.getCell(c).value ?? '') === header) return c;
  throw new Error(`no column ${header}`);
}

/** Rows `from..to` of a sheet, as plain values (for moving them around). */
function rowValues(ws: ExcelJS.Worksheet, r: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = [];
  for (let c = 1; c <= ws.columnCount; c++) out.push(ws.getRow(r).getCell(c).value);
  return out;
}

function setRow(ws: ExcelJS.Worksheet, r: number, values: ExcelJS.CellValue[]): void {
  values.forEach((v, i) => (ws.getRow(r).getCell(i + 1).value = v));
}

async function readSample(edit: (wb: ExcelJS.Workbook) => void, report = sampleConsolidated()) {
  const wb = await load(await writeConsolidatedReport(report));
  edit(wb);
  return readWorkbook(await save(wb), { fileName: 'tong-hop.xlsx' });
}

describe('readWorkbook on consolidated reports people touched', () => {
  it('reads the report back exactly when nothing was touched', async () => {
    const report = sampleConsolidated();
    const r = await readWorkbook(await writeConsolidatedReport(report), { fileName: 'tong-hop.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report).toEqual(report);
    expect(r.counts).toMatchObject({ units: 3, reports: 3, items: report.items.length, activities: 4, errors: 0 });
    expect(r.sheetNames).toEqual({
      info: 'Thông tin',
      itemSummary: 'Tổng hợp theo nhiệm vụ',
      unitIndicators: 'Chỉ tiêu theo đơn vị',
      activities: 'Hoạt động',
      completeness: 'Tình hình nộp báo cáo',
    });
  });

  it('reads an indicator below zero (a unit whose negative adjustment took it there) as it is', async () => {
    const report = sampleConsolidated();
    const code = report.indicators[0]!.code;
    const before = report.consolidation.units[0]!.values[code] ?? 0;
    report.consolidation.units[0]!.values[code] = -3;
    report.indicators[0]!.value += -3 - before;
    const r = await readWorkbook(await writeConsolidatedReport(report), { fileName: 'tong-hop.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report).toEqual(report);
  });

  it('finds renamed sheets by their headers, headers without accents, rows in another order', async () => {
    const report = sampleConsolidated();
    const r = await readSample((wb) => {
      const items = wb.getWorksheet('Tổng hợp theo nhiệm vụ')!;
      items.name = 'Bieu 1';
      items.getRow(HEADER_ROW).getCell(colOf(items, 'Đã hoàn thành')).value = 'DA HOAN THANH';
      items.getRow(HEADER_ROW).getCell(colOf(items, 'Chưa báo cáo')).value = 'chua bao cao:';
      // Swap the first two item rows.
      const a = rowValues(items, 8);
      setRow(items, 8, rowValues(items, 9));
      setRow(items, 9, a);
      const units = wb.getWorksheet('Chỉ tiêu theo đơn vị')!;
      units.name = 'Bieu 2';
      // Totals row first, unit rows after it, in reverse order.
      const rows = [8, 9, 10, 11, 12].map((n) => rowValues(units, n));
      [rows[3]!, rows[4]!, rows[2]!, rows[1]!, rows[0]!].forEach((v, i) => setRow(units, 8 + i, v));
    }, report);
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Tệp «tong-hop.xlsx», trang «Bieu 1»: trang này được nhận là trang «Tổng hợp theo nhiệm vụ» (theo dòng tiêu đề)'],
      ['warning', 'Tệp «tong-hop.xlsx», trang «Bieu 2»: trang này được nhận là trang «Chỉ tiêu theo đơn vị» (theo dòng tiêu đề)'],
    ]);
    const got = r.report as ConsolidatedReport;
    const sortBy = <T extends object>(xs: T[], k: keyof T) => [...xs].sort((x, y) => String(x[k]).localeCompare(String(y[k])));
    expect(sortBy(got.consolidation.items, 'id')).toEqual(sortBy(report.consolidation.items, 'id'));
    expect(sortBy(got.consolidation.units, 'unitCode')).toEqual(sortBy(report.consolidation.units, 'unitCode'));
    expect(got.indicators).toEqual(report.indicators);
  });

  it('accepts counts stored as text ("1.250", " 3 ") and blank counts as 0', async () => {
    const r = await readSample((wb) => {
      const items = wb.getWorksheet('Tổng hợp theo nhiệm vụ')!;
      items.getRow(8).getCell(colOf(items, 'Chưa báo cáo')).value = '1.250';
      items.getRow(8).getCell(colOf(items, 'Số báo cáo')).value = null;
      items.getRow(9).getCell(colOf(items, 'Đang thực hiện')).value = null;
      items.getRow(9).getCell(colOf(items, 'Số báo cáo')).value = ' 3 ';
      const units = wb.getWorksheet('Chỉ tiêu theo đơn vị')!;
      units.getRow(8).getCell(colOf(units, 'Số báo cáo')).value = '1';
    });
    // "1.250" is read as 1250, which the status counts of that item then add up to (+1): more
    // than the 3 reports the file consolidates, so that row is flagged; nothing else is.
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', 'Tệp «tong-hop.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 8, cột «Số báo cáo»: các cột trạng thái cộng lại là 1251 nhưng số báo cáo được tổng hợp là 3 (dòng «Tổng cộng», cột «Số báo cáo» ở trang «Chỉ tiêu theo đơn vị»); số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo'],
    ]);
    const c = (r.report as ConsolidatedReport).consolidation;
    expect(c.items[0]!.counts.none).toBe(1250);
    expect(c.items[1]!.counts.dang).toBe(0);
    expect(c.units[0]!.reports).toBe(1);
  });

  it('without the machine sheet: read from «Thông tin» and the headers, submission times to the minute', async () => {
    const report = sampleConsolidated();
    const r = await readSample((wb) => wb.removeWorksheet(wb.getWorksheet('_sokh')!.id), report);
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Tệp «tong-hop.xlsx» không còn phần dữ liệu máy (trang ẩn «_sokh», thường do lưu lại bằng chương trình khác); đơn vị và kỳ được đọc từ trang «Thông tin», các hoạt động vẫn nhận theo cột «Mã dòng»'],
      ['warning', 'Tệp «tong-hop.xlsx», trang «Chỉ tiêu theo đơn vị», dòng 7, cột «Hộ nghèo được hỗ trợ»: cột không thuộc mẫu và không phải chỉ tiêu đã biết; bỏ qua khi đọc'],
      ['warning', 'Tệp «tong-hop.xlsx», trang «Hoạt động», dòng 7, cột «Hộ nghèo được hỗ trợ»: cột không thuộc mẫu và không phải chỉ tiêu đã biết; bỏ qua khi đọc'],
    ]);
    const got = r.report!;
    expect(isConsolidated(got)).toBe(true);
    const c = (got as ConsolidatedReport).consolidation;
    expect(got.formatVersion).toBe(2);
    expect(got.unit).toEqual(report.unit);
    expect(got.period).toEqual(report.period);
    expect(c.deadline).toBe('2025-06-16');
    expect(got.indicators.map((i) => i.code)).toEqual(report.indicators.map((i) => i.code).filter((code) => !code.startsWith('x-')));
    expect(got.indicators.find((i) => i.code === 'participants')).toEqual(report.indicators.find((i) => i.code === 'participants'));
    // "15/06/2025 16:05" Vietnam time, the seconds were only in "_sokh".
    expect(c.completeness[1]!.submittedAt).toBe('2025-06-15T09:05:00.000Z');
    expect(c.completeness[0]!.submittedAt).toBe('2025-06-14T02:30:00.000Z');
  });

  it('a time edited by hand wins over the exact one kept in "_sokh"', async () => {
    const r = await readSample((wb) => {
      const ws = wb.getWorksheet('Tình hình nộp báo cáo')!;
      ws.getRow(9).getCell(colOf(ws, 'Thời điểm nộp')).value = '16/06/2025 08:00';
    });
    expect(r.problems).toEqual([]);
    expect((r.report as ConsolidatedReport).consolidation.completeness[1]!.submittedAt).toBe('2025-06-16T01:00:00.000Z');
  });

  it('warns when the total row is gone and adds the unit rows up instead', async () => {
    const report = sampleConsolidated();
    const r = await readSample((wb) => {
      const ws = wb.getWorksheet('Chỉ tiêu theo đơn vị')!;
      for (const r of [11, 12]) for (let c = 1; c <= ws.columnCount; c++) ws.getRow(r).getCell(c).value = null;
    }, report);
    expect(r.problems.map((p) => p.message)).toEqual(['Tệp «tong-hop.xlsx», trang «Chỉ tiêu theo đơn vị»: không thấy dòng «Tổng cộng»; tổng được tính lại từ các đơn vị']);
    const got = r.report as ConsolidatedReport;
    expect(got.indicators.map((i) => i.value)).toEqual(report.indicators.map((i) => i.value));
    expect(got.indicators.every((i) => i.target === null)).toBe(true);
  });

  it('checks each item\'s status counts against the reports consolidated: the «Tổng cộng» row, else the unit rows, else not at all', async () => {
    const items = (wb: ExcelJS.Workbook) => wb.getWorksheet('Tổng hợp theo nhiệm vụ')!;
    const units = (wb: ExcelJS.Workbook) => wb.getWorksheet('Chỉ tiêu theo đơn vị')!;
    // One more "Chưa báo cáo" on row 9 and its "Số báo cáo" made to match: only the new check speaks.
    const bump = (wb: ExcelJS.Workbook) => {
      const ws = items(wb);
      const none = ws.getRow(9).getCell(colOf(ws, 'Chưa báo cáo'));
      none.value = Number(none.value ?? 0) + 1;
      ws.getRow(9).getCell(colOf(ws, 'Số báo cáo')).value = 4;
    };
    const byTotal = await readSample(bump);
    expect(byTotal.problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      ['error', 9, 'Số báo cáo', 'Tệp «tong-hop.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 9, cột «Số báo cáo»: các cột trạng thái cộng lại là 4 nhưng số báo cáo được tổng hợp là 3 (dòng «Tổng cộng», cột «Số báo cáo» ở trang «Chỉ tiêu theo đơn vị»); số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo'],
    ]);

    // Without "Tổng cộng" (and "Chỉ tiêu giao"): the unit rows say 3.
    const clearTotals = (wb: ExcelJS.Workbook) => {
      const ws = units(wb);
      for (const r of [11, 12]) for (let c = 1; c <= ws.columnCount; c++) ws.getRow(r).getCell(c).value = null;
    };
    const byUnits = await readSample((wb) => {
      bump(wb);
      clearTotals(wb);
    });
    expect(byUnits.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'Tệp «tong-hop.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 9, cột «Số báo cáo»: các cột trạng thái cộng lại là 4 nhưng số báo cáo được tổng hợp là 3 (cột «Số báo cáo» của các đơn vị ở trang «Chỉ tiêu theo đơn vị» cộng lại); số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo',
    ]);

    // Without "Tổng cộng" and with a unit row left out (its own error), the number is unknown:
    // only that row's error. Without the items' "Số báo cáo" column, the place is "Chưa báo cáo".
    const unknown = await readSample((wb) => {
      bump(wb);
      clearTotals(wb);
      units(wb).getRow(10).getCell(colOf(units(wb), 'Cấp')).value = 'Xã';
    });
    expect(unknown.problems.filter((p) => p.severity === 'error').map((p) => [p.sheet, p.row])).toEqual([['Chỉ tiêu theo đơn vị', 10]]);
    const noColumn = await readSample((wb) => {
      bump(wb);
      items(wb).spliceColumns(colOf(items(wb), 'Số báo cáo'), 1);
    });
    expect(noColumn.problems.map((p) => [p.severity, p.row, p.column])).toEqual([['error', 9, 'Chưa báo cáo']]);
  });

  it('takes a unit\'s figures and the totals beyond 1,000,000: they are sums, only one activity is capped', async () => {
    const report = sampleConsolidated();
    const u = report.consolidation.units[1]!;
    u.values.participants = 2 ** 31;
    const part = report.indicators.find((i) => i.code === 'participants')!;
    part.value = report.consolidation.units.reduce((s, x) => s + (x.values.participants ?? 0), 0);
    const r = await readWorkbook(await writeConsolidatedReport(report), { fileName: 'tong-hop.xlsx' });
    expect(r.problems).toEqual([]);
    expect((r.report as ConsolidatedReport).consolidation.units[1]!.values.participants).toBe(2 ** 31);
    expect(r.report!.indicators.find((i) => i.code === 'participants')!.value).toBe(part.value);
    // One activity of the file, though, is held to 1,000,000 like any activity.
    const over = sampleConsolidated();
    over.activities[0]!.participants = 1_000_001;
    const bad = await readWorkbook(await writeConsolidatedReport(over), { fileName: 'tong-hop.xlsx' });
    expect(bad.problems.map((p) => [p.severity, p.sheet, p.column, p.message.split(': ').at(-1)])).toEqual([
      ['error', 'Hoạt động', 'Số lượt người', '«1000001» lớn hơn mức tối đa 1.000.000 cho một hoạt động (có thể gõ nhầm số)'],
    ]);
  });

  it('flags a unit row without a code, a repeated unit, an unknown level and a state not in the list', async () => {
    const r = await readSample((wb) => {
      const units = wb.getWorksheet('Chỉ tiêu theo đơn vị')!;
      units.getRow(9).getCell(colOf(units, 'Mã đơn vị')).value = 'cdcs 0012';
      units.getRow(10).getCell(colOf(units, 'Cấp')).value = 'Xã';
      const comp = wb.getWorksheet('Tình hình nộp báo cáo')!;
      comp.getRow(9).getCell(colOf(comp, 'Tình trạng')).value = 'Đã gửi';
      comp.getRow(10).getCell(colOf(comp, 'Mã đơn vị')).value = null;
    });
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', 'Tệp «tong-hop.xlsx», trang «Chỉ tiêu theo đơn vị», dòng 9, cột «Mã đơn vị»: mã đơn vị «CDCS-0012» đã có ở dòng 8; mỗi đơn vị chỉ ghi một dòng'],
      ['error', 'Tệp «tong-hop.xlsx», trang «Chỉ tiêu theo đơn vị», dòng 10, cột «Cấp»: «Xã» không phải cấp đơn vị (CĐCS, LĐLĐ huyện hoặc LĐLĐ tỉnh)'],
      ['error', 'Tệp «tong-hop.xlsx», trang «Tình hình nộp báo cáo», dòng 9, cột «Tình trạng»: «Đã gửi» không có trong danh sách (chọn một trong: Đã nộp; Nộp muộn; Chưa nộp)'],
      ['error', 'Tệp «tong-hop.xlsx», trang «Tình hình nộp báo cáo», dòng 10, cột «Mã đơn vị»: thiếu mã đơn vị (ví dụ CDCS-0012)'],
    ]);
    const c = (r.report as ConsolidatedReport).consolidation;
    expect(c.units.map((u) => u.unitCode)).toEqual(['CDCS-0012']);
    expect(c.completeness.map((e) => e.unitCode)).toEqual(['CDCS-0012', 'CDCS-0058']);
  });
});

describe('format versions', () => {
  it('reads a unit report of version 1 and one marked version 2 alike', async () => {
    const report = sampleReport();
    expect(report.formatVersion).toBe(1);
    const v1 = await readWorkbook(await writeUnitReport(report), { fileName: 'v1.xlsx' });
    expect(v1.problems).toEqual([]);
    expect(v1.report).toEqual(report);
    const v2 = await readWorkbook(await writeUnitReport({ ...report, formatVersion: 2 }), { fileName: 'v2.xlsx' });
    expect(v2.problems).toEqual([]);
    expect(v2.report).toEqual({ ...report, formatVersion: 2 });
    expect(v2.counts).toMatchObject({ units: 0, reports: 1 });
  });
});

import { compareItemIds } from '@exchange/reader-consolidated';

describe('compareItemIds', () => {
  it('orders item ids as a plan numbers them', () => {
    const ids = ['III.1.10', 'IV.1', 'III.1.2', 'II.3', 'III.1', 'IX.1', 'V.2'];
    expect([...ids].sort(compareItemIds)).toEqual(['II.3', 'III.1', 'III.1.2', 'III.1.10', 'IV.1', 'V.2', 'IX.1']);
  });
});
