/**
 * Every cell a person may edit is read into the data or refused with a message naming its
 * sheet, row and column — never ignored.
 *
 * The blank template: every unlocked cell of its protected sheets, and every cell of the
 * pre-formatted rows of «Hoạt động» (not protected, so every cell of it is editable), is typed
 * (ExcelJS, as a program would), the file read back, and each typed value looked for in the
 * report. The app's unit report (no protection at all): every cell of «Thông tin»'s values and
 * of every table row is typed with a new value, and each is found in the report or named by a
 * problem at its row. FORMAT.md section 7 says the rule of each column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '@domain/activity';
import { activitySums, DIRECT_RESULT_REASON_TEMPLATE } from '@domain/indicators';
import { readWorkbook, type ReadResult } from '@exchange/reader';
import { WORKBOOK_STATUS_LABELS, WORKBOOK_STATUSES, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../fixtures/workbooks/tools/sample-report';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';
import { openWorkbook, workbookBytes } from '../support/excel';

type Cell = { sheet: string; row: number; col: number; header: string };

/** The header row (the first row holding `first` in column A…) and header text by column. */
function headerOf(ws: ExcelJS.Worksheet, first: string): { row: number; headers: Map<number, string> } {
  for (let r = 1; r <= 40; r++) {
    const row = ws.getRow(r);
    const headers = new Map<number, string>();
    row.eachCell((c, n) => headers.set(n, String(c.value ?? '')));
    if ([...headers.values()].includes(first)) return { row: r, headers };
  }
  throw new Error(`no header row with ${first} on ${ws.name}`);
}

const isProtected = (ws: ExcelJS.Worksheet) => Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);

/** The cells a person can type into: unlocked cells of protected sheets, the table rows of the others. */
function editableCells(wb: ExcelJS.Workbook): Cell[] {
  const out: Cell[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    if (isProtected(ws)) {
      for (let r = 1; r <= ws.rowCount; r++) {
        for (let c = 1; c <= ws.columnCount; c++) {
          if (ws.getRow(r).getCell(c).style?.protection?.locked === false) out.push({ sheet: ws.name, row: r, col: c, header: '' });
        }
      }
    } else {
      const first = ws.name === 'Thông tin' ? 'Mục' : ws.name === 'Tiến độ' ? 'Mã nhiệm vụ' : ws.name === 'Chỉ tiêu' ? 'Mã chỉ tiêu' : 'Ngày';
      const h = headerOf(ws, first);
      for (let r = h.row + 1; r <= ws.rowCount; r++) {
        for (const c of h.headers.keys()) {
          // «Thông tin»: its labels identify the rows; the values are what is typed.
          if (ws.name === 'Thông tin' && h.headers.get(c) === 'Mục') continue;
          out.push({ sheet: ws.name, row: r, col: c, header: '' });
        }
      }
    }
  }
  // The header each cell sits under.
  for (const cell of out) {
    const ws = wb.getWorksheet(cell.sheet)!;
    const first = cell.sheet === 'Thông tin' ? 'Mục' : cell.sheet === 'Tiến độ' ? 'Mã nhiệm vụ' : cell.sheet === 'Chỉ tiêu' ? 'Mã chỉ tiêu' : 'Ngày';
    cell.header = headerOf(ws, first).headers.get(cell.col) ?? '';
  }
  return out;
}

const uuid = (n: number) => `5e0c${String(n).padStart(4, '0')}-1a2b-4c3d-8e4f-${String(n).padStart(12, '0')}`;
const STATUS_LABELS = WORKBOOK_STATUSES.map((s) => WORKBOOK_STATUS_LABELS[s]);

/** What a person types in `cell` (n: the cell's data row counted from 1), valid for its column. */
function typedValue(cell: Cell, n: number, itemIds: readonly string[], unitCode: string, indicatorIndex: (header: string) => number): ExcelJS.CellValue {
  // «Thông tin» opens one value: «Ngày lập báo cáo», the day the unit finished its report.
  if (cell.sheet === 'Thông tin') return '20/06/2025';
  switch (cell.header) {
    case 'STT':
      return n;
    case 'Ngày':
      return new Date(Date.UTC(2025, 2, 1 + (n % 28)));
    case 'Mã đơn vị':
      return unitCode;
    case 'Nhiệm vụ':
      return itemIds[n % itemIds.length]!;
    case 'Loại hoạt động':
      return ACTIVITY_TYPES[n % ACTIVITY_TYPES.length]!.label;
    case 'Tên hoạt động':
      return `Hoạt động gõ tay số ${n}`;
    case 'Nội dung':
      return `Nội dung của hoạt động ${n}`;
    case 'Địa điểm':
      return `Địa điểm ${n}`;
    case 'Số lượt người':
      return 10 * n;
    case 'Số, ký hiệu văn bản':
      return `${n}/BC-CĐCS`;
    case 'Tệp minh chứng':
      return `minh-chung-${n}.pdf`;
    case 'Mã dòng':
      return uuid(n);
    case 'Trạng thái':
      return STATUS_LABELS[n % STATUS_LABELS.length]!;
    case 'Đánh giá, ghi chú':
      return `Đánh giá dòng ${n}`;
    case 'Minh chứng':
      return `Văn bản số ${n}`;
    case 'Kết quả':
      return 5000 + n;
    case 'Điều chỉnh':
      return n % 3 === 0 ? null : n;
    case 'Lý do điều chỉnh':
      return `Lý do số ${n}`;
    default: {
      const k = indicatorIndex(cell.header);
      if (k >= 0) return n + k;
      throw new Error(`no value to type under «${cell.header}» on ${cell.sheet}`);
    }
  }
}

function named(r: ReadResult, cell: Pick<Cell, 'sheet' | 'row'> & { column?: string }): boolean {
  return r.problems.some((p) => p.sheet === cell.sheet && p.row === cell.row && (cell.column === undefined || p.column === cell.column));
}

describe('the blank template: every unlocked cell typed, read back, found', () => {
  it('reads what was typed in each of them', async () => {
    const wb = await openWorkbook(await builtinTemplate({ blankRows: 30 }));
    const cells = editableCells(wb);
    // What is editable, sheet by sheet: a change here must be deliberate (and read).
    const count = (s: string) => cells.filter((c) => c.sheet === s).length;
    expect([count('Hướng dẫn'), count('Thông tin'), count('Tiến độ'), count('Chỉ tiêu')]).toEqual([0, 1, 28 * 3, 11 * 3]);
    const activityHeaders = [...new Set(cells.filter((c) => c.sheet === 'Hoạt động').map((c) => c.header))];
    expect(activityHeaders).toHaveLength(23);
    expect(count('Hoạt động')).toBe(30 * 23);
    expect(new Set(cells.filter((c) => c.sheet !== 'Hoạt động').map((c) => `${c.sheet}/${c.header}`))).toEqual(
      new Set(['Thông tin/Nội dung', 'Tiến độ/Trạng thái', 'Tiến độ/Đánh giá, ghi chú', 'Tiến độ/Minh chứng', 'Chỉ tiêu/Kết quả', 'Chỉ tiêu/Điều chỉnh', 'Chỉ tiêu/Lý do điều chỉnh']),
    );

    const progress = wb.getWorksheet('Tiến độ')!;
    const itemIds: string[] = [];
    for (let r = headerOf(progress, 'Mã nhiệm vụ').row + 1; r <= progress.rowCount; r++) itemIds.push(String(progress.getRow(r).getCell(1).value));
    const indicatorHeaders = activityHeaders.slice(11, -1);
    const firstRow = (s: string) => Math.min(...cells.filter((c) => c.sheet === s).map((c) => c.row));
    const typed = new Map<string, ExcelJS.CellValue>();
    for (const cell of cells) {
      const v = typedValue(cell, cell.row - firstRow(cell.sheet) + 1, itemIds, 'CDCS-0012', (h) => indicatorHeaders.indexOf(h));
      wb.getWorksheet(cell.sheet)!.getRow(cell.row).getCell(cell.col).value = v;
      typed.set(`${cell.sheet}/${cell.row}/${cell.col}`, v);
    }
    // One more row of «Hoạt động», below the pre-formatted ones, with only its number.
    const act = wb.getWorksheet('Hoạt động')!;
    const sttRow = act.rowCount + 1;
    act.getRow(sttRow).getCell(1).value = 999;

    const r = await readWorkbook(await workbookBytes(wb), { fileName: 'mau-go-tay.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rep = r.report!;

    // Hoạt động: one activity per row, every field as typed.
    expect(rep.activities).toHaveLength(30);
    const typedAt = (c: Cell) => typed.get(`${c.sheet}/${c.row}/${c.col}`);
    for (const cell of cells.filter((c) => c.sheet === 'Hoạt động')) {
      const i = r.activityRows.indexOf(cell.row);
      expect(i, `row ${cell.row}`).toBeGreaterThanOrEqual(0);
      const a = rep.activities[i]!;
      const v = typedAt(cell);
      const k = indicatorHeaders.indexOf(cell.header);
      const found: Record<string, unknown> = {
        STT: i + 1, // the number of the row among the activities: its order
        Ngày: a.date,
        'Mã đơn vị': a.unitCode,
        'Nhiệm vụ': a.itemIds[0],
        'Loại hoạt động': ACTIVITY_TYPES.find((t) => t.code === a.type)?.label,
        'Tên hoạt động': a.title,
        'Nội dung': a.content,
        'Địa điểm': a.location,
        'Số lượt người': a.participants,
        'Số, ký hiệu văn bản': a.evidenceDoc,
        'Tệp minh chứng': a.evidenceFile,
        'Mã dòng': a.id,
      };
      const got = k >= 0 ? a.indicators[rep.indicators.find((x) => x.name === cell.header)?.code ?? cell.header] : found[cell.header];
      expect(got, `${cell.sheet} row ${cell.row} «${cell.header}»`).toEqual(cell.header === 'Ngày' ? (v as Date).toISOString().slice(0, 10) : v);
    }
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: 'Hoạt động', row: sttRow, column: 'STT' }));

    // Thông tin: «Ngày lập báo cáo».
    expect(rep.reportDate).toBe('2025-06-20');

    // Tiến độ: status, note, evidence of each item.
    for (const cell of cells.filter((c) => c.sheet === 'Tiến độ')) {
      const id = String(progress.getRow(cell.row).getCell(1).value);
      const item = rep.items.find((it) => it.id === id)!;
      const v = typedAt(cell);
      if (cell.header === 'Trạng thái') expect(WORKBOOK_STATUS_LABELS[item.status!]).toBe(v);
      else expect(cell.header === 'Minh chứng' ? item.evidence : item.note).toBe(v);
    }

    // Chỉ tiêu: «Kết quả» is the unit's total; «Điều chỉnh» and its reason kept, the rest of
    // the difference from the activities explained by the template's reason.
    const sums = activitySums(rep.activities, rep.period);
    const ind = wb.getWorksheet('Chỉ tiêu')!;
    for (const cell of cells.filter((c) => c.sheet === 'Chỉ tiêu')) {
      const code = String(ind.getRow(cell.row).getCell(1).value);
      const got = rep.indicators.find((x) => x.code === code)!;
      const v = typedAt(cell);
      if (cell.header === 'Kết quả') {
        expect(got.value).toBe(v);
        expect(got.adjustment).toBe((v as number) - (sums[code] ?? 0));
      } else if (cell.header === 'Lý do điều chỉnh') {
        // The reason typed beside an adjustment is kept; one without an adjustment is named.
        const adjTyped = typed.get(`${cell.sheet}/${cell.row}/${cells.find((c) => c.sheet === 'Chỉ tiêu' && c.header === 'Điều chỉnh')!.col}`);
        if (adjTyped === null) {
          expect(got.adjustmentReason).toBe(DIRECT_RESULT_REASON_TEMPLATE);
        } else expect(got.adjustmentReason).toBe(`${String(v)}; ${DIRECT_RESULT_REASON_TEMPLATE}`);
      } else {
        // «Điều chỉnh» typed with a «Kết quả» that does not match it: said at the row.
        if (v !== null) expect(named(r, { sheet: 'Chỉ tiêu', row: cell.row, column: 'Kết quả' }), `row ${cell.row}`).toBe(true);
      }
    }
  });

  it('a template made without a period leaves its three period cells open (and «Ngày lập báo cáo»), and reads them', async () => {
    const wb = await openWorkbook(await builtinTemplate({ period: null }));
    const cells = editableCells(wb).filter((c) => c.sheet === 'Thông tin');
    const info = wb.getWorksheet('Thông tin')!;
    expect(cells.map((c) => String(info.getRow(c.row).getCell(1).value))).toEqual(['Kỳ báo cáo', 'Từ ngày', 'Đến ngày', 'Ngày lập báo cáo']);
    const [name, start, end] = cells;
    info.getRow(name!.row).getCell(name!.col).value = 'Năm 2025';
    info.getRow(start!.row).getCell(start!.col).value = '15/12/2024';
    info.getRow(end!.row).getCell(end!.col).value = '14/12/2025';
    const r = await readWorkbook(await workbookBytes(wb), { fileName: 'mau-khong-ky.xlsx' });
    expect(r.report?.period).toEqual({ key: '2025-Y', name: 'Năm 2025', start: '2024-12-15', end: '2025-12-14' });
  });
});

describe("the app's unit report: every cell typed anew, found in the report or named at its row", () => {
  it('reads or names each of them', async () => {
    const report: UnitReport = sampleReport();
    const wb = await openWorkbook(await writeUnitReport(report));
    const cells = editableCells(wb);
    expect(new Set(cells.map((c) => c.sheet))).toEqual(new Set(['Thông tin', 'Tiến độ', 'Hoạt động', 'Chỉ tiêu']));
    const info = wb.getWorksheet('Thông tin')!;
    const labelAt = (row: number) => String(info.getRow(row).getCell(1).value);
    const itemIds = report.items.map((i) => i.id);
    const activityHeaders = [...new Set(cells.filter((c) => c.sheet === 'Hoạt động').map((c) => c.header))];
    const indicatorHeaders = activityHeaders.slice(11, -1);
    const typed = new Map<string, ExcelJS.CellValue>();
    const INFO: Record<string, ExcelJS.CellValue> = {
      'Đơn vị': 'CĐCS Trường THCS Phan Bội Châu (tên mới)',
      'Mã đơn vị': 'CDCS-9999',
      'Cấp đơn vị': 'LĐLĐ huyện',
      'Đơn vị cấp trên': 'LĐLĐ tỉnh Tây Ninh',
      'Số kế hoạch': '99/KH-LĐLĐ',
      'Tên kế hoạch': 'Kế hoạch đã đổi tên',
      'Kỳ báo cáo': 'Năm 2025',
      'Từ ngày': '01/01/2025',
      'Đến ngày': '31/12/2025',
      'Thời điểm xuất': '01/07/2025 08:00 (giờ Việt Nam)',
      'Người xuất': 'Trần Văn Bình',
      'Phiên bản ứng dụng': '9.9.9',
      'Phiên bản định dạng': 2,
    };
    for (const cell of cells) {
      const ws = wb.getWorksheet(cell.sheet)!;
      const first = cell.sheet === 'Tiến độ' ? 'Mã nhiệm vụ' : cell.sheet === 'Chỉ tiêu' ? 'Mã chỉ tiêu' : cell.sheet === 'Thông tin' ? 'Mục' : 'Ngày';
      const n = cell.row - headerOf(ws, first).row;
      let v: ExcelJS.CellValue;
      if (cell.sheet === 'Thông tin') v = INFO[labelAt(cell.row)]!;
      else if (cell.header === 'Mã nhiệm vụ') v = itemIds[n - 1]!; // identity: typed as it is
      else if (cell.header === 'Nhóm nhiệm vụ') v = `Nhóm sửa ${n}`;
      else if (cell.header === 'Nội dung nhiệm vụ') v = `Nội dung sửa ${n}`;
      else if (cell.header === 'Số hoạt động') v = 40 + n;
      else if (cell.header === 'Mã chỉ tiêu') v = String(ws.getRow(cell.row).getCell(cell.col).value); // identity
      else if (cell.header === 'Tên chỉ tiêu') v = `Tên sửa ${n}`;
      else if (cell.header === 'Đơn vị tính') v = `đơn vị ${n}`;
      else if (cell.header === 'Chỉ tiêu giao') v = 300 + n;
      else v = typedValue(cell, n, itemIds, 'CDCS-0012', (h) => indicatorHeaders.indexOf(h));
      ws.getRow(cell.row).getCell(cell.col).value = v;
      typed.set(`${cell.sheet}/${cell.row}/${cell.col}`, v);
    }
    const r = await readWorkbook(await workbookBytes(wb), { fileName: 'bao-cao-sua.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rep = r.report!;

    const missing: string[] = [];
    for (const cell of cells) {
      const v = typed.get(`${cell.sheet}/${cell.row}/${cell.col}`);
      const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      let found = false;
      if (cell.sheet === 'Thông tin') {
        const label = labelAt(cell.row);
        found =
          named(r, { sheet: cell.sheet, row: cell.row, column: cell.header }) ||
          [rep.unit.name, rep.unit.parentName, rep.plan.title, rep.exportedBy, rep.period.name].includes(text);
        if (!found) missing.push(`Thông tin «${label}»`);
        continue;
      }
      if (cell.sheet === 'Hoạt động') {
        const i = r.activityRows.indexOf(cell.row);
        const a = rep.activities[i];
        found = a !== undefined && (cell.header === 'STT' ? i === Number(v) - 1 : JSON.stringify(a).includes(JSON.stringify(cell.header === 'Ngày' ? text : v).replace(/^"|"$/g, '')) || (cell.header === 'Loại hoạt động' && ACTIVITY_TYPES.find((t) => t.code === a.type)?.label === v));
      } else if (cell.sheet === 'Tiến độ') {
        const it = rep.items.find((x) => x.id === String(wb.getWorksheet('Tiến độ')!.getRow(cell.row).getCell(1).value));
        found = it !== undefined && (cell.header === 'Trạng thái' ? WORKBOOK_STATUS_LABELS[it.status!] === v : JSON.stringify(it).includes(JSON.stringify(v).replace(/^"|"$/g, '')));
      } else {
        const code = String(wb.getWorksheet('Chỉ tiêu')!.getRow(cell.row).getCell(1).value);
        const x = rep.indicators.find((i) => i.code === code);
        const atRow = named(r, { sheet: cell.sheet, row: cell.row });
        found =
          x !== undefined &&
          ({
            'Mã chỉ tiêu': true,
            'Tên chỉ tiêu': x.name === v,
            'Đơn vị tính': x.unit === v,
            'Kết quả': x.value === v,
            'Chỉ tiêu giao': x.target === v,
            'Điều chỉnh': x.adjustment === v || atRow,
            'Lý do điều chỉnh': x.adjustmentReason.includes(String(v)) || atRow,
          }[cell.header] ??
            false);
      }
      if (!found) missing.push(`${cell.sheet} dòng ${cell.row} «${cell.header}» = ${text}`);
    }
    expect(missing).toEqual([]);
  });
});
