import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';
import { openWorkbook, workbookBytes } from '../support/excel';

// The blank template changed the way people change it in Excel, LibreOffice or WPS, then read.
const HEADER_ROW = 7;

const load = openWorkbook;
const save = workbookBytes;

/** Column number of a header in a sheet's header row. */
function colOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(HEADER_ROW);
  for (let c = 1; c <= ws.columnCount; c++) if (String(row.getCell(c).value ?? '').trim() === header) return c;
  throw new Error(`no column ${header}`);
}

function fill(ws: ExcelJS.Worksheet, row: number, values: Record<string, ExcelJS.CellValue>): void {
  for (const [header, v] of Object.entries(values)) ws.getRow(row).getCell(colOf(ws, header)).value = v;
}

function rowOfItem(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) return r;
  throw new Error(`no item ${id}`);
}

describe('a template filled by hand', () => {
  it('reads dates typed as text or real dates, numbers as text, blank rows, spaces, NFD, rich text', async () => {
    const wb = await load(await builtinTemplate());
    const act = wb.getWorksheet('Hoạt động')!;
    const base = HEADER_ROW + 1;
    const rows: Record<string, ExcelJS.CellValue>[] = [
      { Ngày: '15/3/2025', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Tuyên truyền', 'Tên hoạt động': 'Tuyên truyền NQ 43  ', 'Số lượt người': '1.250' },
      { Ngày: '15-03-2025', 'Nhiệm vụ': 'iii.1.2, III.1.3', 'Loại hoạt động': 'hoi nghi, quan triet', 'Tên hoạt động': 'Hội nghị'.normalize('NFD'), 'Số lượt người': ' 12 ' },
      { Ngày: '15.3.2025', 'Nhiệm vụ': 'III.1.1;\nIII.1.2', 'Loại hoạt động': 'TẬP HUẤN, BỒI DƯỠNG ', 'Tên hoạt động': { richText: [{ text: 'Tập ' }, { font: { bold: true }, text: 'huấn' }] }, 'Số lượt người': 30 },
      { Ngày: new Date(Date.UTC(2025, 2, 15)), 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'Ngày thật', 'Tệp minh chứng': { text: 'bb.pdf', hyperlink: 'bb.pdf' } },
      { Ngày: '2025-03-15', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'Ngày ISO', 'Số cuộc tuyên truyền': '2', 'Đoàn viên kết nạp mới': 1 },
      { Ngày: 45731, 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'Số seri', 'Nội dung': 'dòng 1\r\ndòng 2 ' },
    ];
    // Blank rows between the filled ones.
    rows.forEach((values, i) => fill(act, base + i * 2, values));

    const prog = wb.getWorksheet('Tiến độ')!;
    fill(prog, rowOfItem(prog, 'III.1.1'), { 'Trạng thái': 'Đã hoàn thành', 'Đánh giá, ghi chú': '  Tốt  ' });
    fill(prog, rowOfItem(prog, 'III.1.2'), { 'Trạng thái': 'dang thuc hien ' });
    const ind = wb.getWorksheet('Chỉ tiêu')!;
    ind.getRow(HEADER_ROW + 1).getCell(4).value = '3';

    const r = await readWorkbook(await save(wb), { fileName: 'tay.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const a = r.report!.activities;
    expect(a.map((x) => x.date)).toEqual(Array(6).fill('2025-03-15'));
    expect(a.map((x) => x.id)).toEqual(Array(6).fill(''));
    expect(a.map((x) => x.unitCode)).toEqual(Array(6).fill('CDCS-0012'));
    expect(a[0]).toMatchObject({ title: 'Tuyên truyền NQ 43', participants: 1250, type: 'propaganda', itemIds: ['III.1.1'] });
    expect(a[1]).toMatchObject({ title: 'Hội nghị', participants: 12, type: 'conference', itemIds: ['III.1.2', 'III.1.3'] });
    expect(a[2]).toMatchObject({ title: 'Tập huấn', participants: 30, type: 'training', itemIds: ['III.1.1', 'III.1.2'] });
    expect(a[3]).toMatchObject({ evidenceFile: 'bb.pdf', participants: null });
    expect(a[4]!.indicators).toEqual({ 'propaganda-sessions': 2, 'new-members': 1 });
    expect(a[5]!.content).toBe('dòng 1\ndòng 2');
    expect(r.activityRows).toEqual([8, 10, 12, 14, 16, 18]);
    const items = new Map(r.report!.items.map((i) => [i.id, i]));
    expect(items.get('III.1.1')).toMatchObject({ status: 'xong', note: 'Tốt' });
    expect(items.get('III.1.2')?.status).toBe('dang');
    expect(items.get('III.1.3')?.status).toBeNull();
    expect(r.report!.indicators[0]).toMatchObject({ code: 'propaganda-sessions', value: 3 });
    expect(r.counts).toMatchObject({ activities: 6, newActivities: 6, itemsWithStatus: 2, indicators: 11 });
  });

  it('tolerates rows inserted, deleted and reordered, columns moved, an extra sheet, a renamed and reordered sheet', async () => {
    const wb = await load(await builtinTemplate());
    const act = wb.getWorksheet('Hoạt động')!;
    fill(act, 8, { Ngày: '01/02/2025', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'A' });
    fill(act, 9, { Ngày: '02/02/2025', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'B', 'Địa điểm': 'Xã Phước Minh' });
    // A title row inserted above the header, a row inserted between the activities.
    act.spliceRows(1, 0, ['Báo cáo của CĐCS, điền ngày 20/6']);
    act.spliceRows(10, 0, []);
    // Columns moved: "Tên hoạt động" cut and pasted in front of "Ngày"; "STT" deleted.
    const titleCol = colOfRow(act, HEADER_ROW + 1, 'Tên hoạt động');
    const titleValues = columnValues(act, titleCol);
    act.spliceColumns(titleCol, 1);
    act.spliceColumns(2, 0, titleValues);
    act.spliceColumns(1, 1);
    act.name = 'HĐ 6 tháng';

    // Tiến độ: a row deleted, two swapped, a blank row inserted.
    const prog = wb.getWorksheet('Tiến độ')!;
    const statusCol = colOf(prog, 'Trạng thái');
    prog.getRow(rowOfItem(prog, 'III.1.1')).getCell(statusCol).value = 'Đã hoàn thành';
    prog.getRow(rowOfItem(prog, 'III.1.3')).getCell(statusCol).value = 'Không áp dụng';
    const r1 = rowOfItem(prog, 'III.1.1');
    const v1 = prog.getRow(r1).values;
    const v3 = prog.getRow(r1 + 2).values;
    prog.getRow(r1).values = v3 as ExcelJS.CellValue[];
    prog.getRow(r1 + 2).values = v1 as ExcelJS.CellValue[];
    prog.spliceRows(r1 + 1, 1);
    prog.spliceRows(r1 + 1, 0, []);

    // An extra sheet with a "Ngày" column of its own, first in the workbook.
    const extra = wb.addWorksheet('Ghi chú');
    extra.addRow(['Ngày', 'Việc cần làm']);
    extra.addRow(['31/02/2025', 'không phải dữ liệu báo cáo']);
    (extra as unknown as { orderNo: number }).orderNo = -1;

    const bytes = await save(wb);
    expect((await load(bytes)).worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Ghi chú', 'Hướng dẫn']);
    const r = await readWorkbook(bytes, { fileName: 'tay2.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.sheetNames.activities).toBe('HĐ 6 tháng');
    expect(r.problems.map((p) => p.message)).toContain('Tệp «tay2.xlsx», trang «HĐ 6 tháng»: trang này được nhận là trang «Hoạt động» (theo dòng tiêu đề)');
    expect(r.report!.activities.map((a) => [a.title, a.date, a.location])).toEqual([
      ['A', '2025-02-01', ''],
      ['B', '2025-02-02', 'Xã Phước Minh'],
    ]);
    const items = new Map(r.report!.items.map((i) => [i.id, i.status]));
    expect(items.get('III.1.1')).toBe('xong');
    expect(items.get('III.1.3')).toBe('khong-ap-dung');
    expect(items.has('III.1.2')).toBe(false);
    expect(r.report!.items.length).toBe(27);
  });

  it('reads a file whose machine sheet was lost, with a warning, identity from «Thông tin»', async () => {
    const wb = await load(await builtinTemplate());
    wb.removeWorksheet(wb.getWorksheet('_sokh')!.id);
    fill(wb.getWorksheet('Hoạt động')!, 8, { Ngày: '01/02/2025', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'A', 'Lượt người tham gia': 5 });
    const r = await readWorkbook(await save(wb), { fileName: 'mat.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(r.report).toMatchObject({
      kind: 'template',
      formatVersion: 1,
      unit: { code: 'CDCS-0012', level: 'grassroots', name: 'CĐCS Trường THCS Phan Bội Châu' },
      plan: { id: '', number: '63/KH-LĐLĐ', fingerprint: '' },
      period: { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' },
      exportedAt: '2025-01-05T01:00:00.000Z',
    });
    expect(r.report!.activities[0]!.indicators).toEqual({ participants: 5 });
  });

  it('still refuses a newer format named only on «Thông tin» when the machine sheet is gone', async () => {
    const wb = await load(await builtinTemplate());
    wb.removeWorksheet(wb.getWorksheet('_sokh')!.id);
    const info = wb.getWorksheet('Thông tin')!;
    for (let r = 8; r <= info.rowCount; r++) if (info.getRow(r).getCell(1).value === 'Phiên bản định dạng') info.getRow(r).getCell(2).value = 3;
    const r = await readWorkbook(await save(wb), { fileName: 'moi-hon.xlsx' });
    expect(r.report).toBeNull();
    expect(r.problems.map((p) => p.message).at(-1)).toBe(
      'Tệp «moi-hon.xlsx» được tạo bởi phiên bản mới hơn của ứng dụng (định dạng phiên bản 3; phiên bản này đọc đến 2); hãy cập nhật Sổ Kế hoạch Công đoàn rồi mở lại',
    );
  });

  it('takes the unit an officer wrote on «Thông tin» of a template made without one', async () => {
    const wb = await load(await builtinTemplate({ unit: { code: '', name: '', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' } }));
    const info = wb.getWorksheet('Thông tin')!;
    info.getRow(8).getCell(2).value = 'CĐCS Công ty May Tây Ninh';
    info.getRow(9).getCell(2).value = 'cđcs 77';
    const r = await readWorkbook(await save(wb), { fileName: 'moi.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report!.unit).toMatchObject({ code: 'CDCS-77', name: 'CĐCS Công ty May Tây Ninh' });

    const blank = await readWorkbook(await builtinTemplate({ unit: { code: '', name: '', level: 'grassroots', parentName: '' } }), { fileName: 'trong.xlsx' });
    expect(blank.problems.map((p) => p.message)).toEqual([
      'Tệp «trong.xlsx», trang «Thông tin», dòng 9, cột «Nội dung»: chưa ghi mã đơn vị (ví dụ CDCS-0012)',
      'Tệp «trong.xlsx», trang «Thông tin», dòng 8, cột «Nội dung»: chưa ghi tên đơn vị',
    ]);
  });
});

function colOfRow(ws: ExcelJS.Worksheet, row: number, header: string): number {
  const r = ws.getRow(row);
  for (let c = 1; c <= ws.columnCount; c++) if (String(r.getCell(c).value ?? '').trim() === header) return c;
  throw new Error(`no column ${header}`);
}

function columnValues(ws: ExcelJS.Worksheet, col: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(ws.getRow(r).getCell(col).value);
  return out;
}

describe('a unit report edited by hand', () => {
  it('ignores a column someone added (with a warning), takes a row added by hand as new, leaves the bytes alone', async () => {
    const { writeUnitReport } = await import('@exchange/writer');
    const { sampleReport } = await import('../fixtures/workbooks/tools/sample-report');
    const wb = await load(await writeUnitReport(sampleReport()));
    const act = wb.getWorksheet('Hoạt động')!;
    const extraCol = act.columnCount + 1;
    act.getRow(HEADER_ROW).getCell(extraCol).value = 'Ghi chú của tôi';
    act.getRow(8).getCell(extraCol).value = 'xem lại';
    fill(act, 10, { Ngày: '20/5/2025', 'Nhiệm vụ': 'III.1.1', 'Loại hoạt động': 'Khác', 'Tên hoạt động': 'Thêm tay' });
    const bytes = await save(wb);
    const copy = bytes.slice();
    const r = await readWorkbook(bytes, { fileName: 'sua.xlsx' });
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Tệp «sua.xlsx», trang «Hoạt động», dòng 7, cột «Ghi chú của tôi»: cột không thuộc mẫu và không phải chỉ tiêu đã biết; bỏ qua khi đọc'],
    ]);
    expect(r.report!.activities.map((a) => [a.title, a.id !== ''])).toEqual([
      ['Tuyên truyền Nghị quyết 43-NQ/TW', true],
      ['=1+1 hội nghị quán triệt', true],
      ['Thêm tay', false],
    ]);
    expect(r.counts.newActivities).toBe(1);
    expect(bytes).toEqual(copy);
  });
});
