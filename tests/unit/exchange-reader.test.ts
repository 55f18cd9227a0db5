import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport, withAppResults } from '../fixtures/workbooks/tools/sample-report';

describe('readWorkbook on what the writer writes', () => {
  it('reads back the same report, no problems', async () => {
    const report = sampleReport();
    const bytes = await writeUnitReport(report);
    const r = await readWorkbook(bytes, { fileName: 'a.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report).toEqual(report);
  });
});

import { findHeaderRow, gridOfRows, locateSheets } from '@exchange/reader-sheets';
import { ACTIVITY_COLUMNS, PROGRESS_COLUMNS } from '@exchange/spec';
import { craftZip, MINIMAL_PARTS } from '../fixtures/workbooks/tools/zip-craft';

describe('finding headers and sheets', () => {
  it('finds the header row below a document header, by text, accents and case ignored', () => {
    const grid = gridOfRows('x', [
      ['LĐLĐ HUYỆN DƯƠNG MINH CHÂU'],
      [],
      ['Biểu 2. DANH SÁCH HOẠT ĐỘNG'],
      ['STT', 'ngay *', 'Ma nhiem vu', 'LOẠI HOẠT ĐỘNG', 'Te\u0302n hoa\u0323t đo\u0323\u0302ng:', 'Ghi chú riêng'],
      [1, '15/3/2025', 'III.1.1', 'Khác', 'A'],
    ]);
    const h = findHeaderRow(grid, ACTIVITY_COLUMNS)!;
    expect(h.row).toBe(4);
    expect(h.missing).toEqual([]);
    expect([...h.columns.entries()]).toEqual([
      ['stt', 1],
      ['date', 2],
      ['itemIds', 3],
      ['type', 4],
      ['title', 5],
    ]);
  });

  it('reports the required columns a header row lacks', () => {
    const h = findHeaderRow(gridOfRows('x', [['Mã nhiệm vụ', 'Nội dung nhiệm vụ']]), PROGRESS_COLUMNS)!;
    expect(h.missing.map((d) => d.header)).toEqual(['Trạng thái']);
    expect(findHeaderRow(gridOfRows('x', [['a', 'b']]), PROGRESS_COLUMNS)).toBeNull();
  });

  it('finds sheets by name first, then a renamed one by its header row; ignores helper sheets', () => {
    const progress = gridOfRows('tien do', [['Mã nhiệm vụ', 'Trạng thái']]);
    const renamed = gridOfRows('Sheet3', [['Ngày', 'Nhiệm vụ', 'Loại hoạt động', 'Tên hoạt động']]);
    const lists = gridOfRows('_danhmuc', [['Trạng thái', 'Loại hoạt động', 'Nhiệm vụ']]);
    const found = locateSheets([lists, renamed, progress]);
    expect(found.progress?.grid).toBe(progress);
    expect(found.progress?.renamed).toBe(false);
    expect(found.activities?.grid).toBe(renamed);
    expect(found.activities?.renamed).toBe(true);
    expect(found.info).toBeUndefined();
  });
});

describe('readWorkbook never throws', () => {
  it('turns an ExcelJS failure on broken XML into a problem', async () => {
    const zip = craftZip([
      ...MINIMAL_PARTS.slice(0, 1),
      { name: '_rels/.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"' },
    ]);
    const r = await readWorkbook(zip, { fileName: 'hong.xlsx' });
    expect(r.report).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toBe(
      "Tệp «hong.xlsx» không đọc được như bảng tính Excel: cấu trúc bên trong bị hỏng hoặc không đúng chuẩn. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại. [chi tiết kỹ thuật: Cannot read properties of undefined (reading 'sheets')]",
    );
  });

  it('handles a Uint8Array view into a larger buffer and a folder in the file name', async () => {
    const bytes = await writeUnitReport(sampleReport());
    const big = new Uint8Array(bytes.length + 100);
    big.set(bytes, 50);
    const r = await readWorkbook(big.subarray(50, 50 + bytes.length), { fileName: 'C:\\Users\\x\\Downloads\\a.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report?.activities).toHaveLength(2);
  });

  it('warns when the importer expects another plan, and when activities fall outside the period', async () => {
    const report = sampleReport();
    report.activities[0]!.date = '2025-06-15';
    // Outside the period it counts nowhere: the results as the app would write them.
    withAppResults(report);
    const r = await readWorkbook(await writeUnitReport(report), { fileName: 'a.xlsx', expectedPlan: { id: 'ke-hoach-khac', fingerprint: report.plan.fingerprint } });
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'Tệp «a.xlsx»: tệp thuộc một kế hoạch khác với kế hoạch đang chọn'],
      ['warning', 'Tệp «a.xlsx», trang «Hoạt động», dòng 8, cột «Ngày»: ngày 15/06/2025 nằm ngoài kỳ báo cáo (15/12/2024 – 14/06/2025)'],
    ]);
    expect(r.report?.activities).toHaveLength(2);
  });
});

describe('a unit report whose "Mã dòng" column was deleted', () => {
  it('still reads every activity, as new, and warns that none can be matched with an earlier import', async () => {
    const report = sampleReport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeUnitReport(report)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Hoạt động')!;
    let idCol = 0;
    ws.eachRow((row) => row.eachCell((cell, c) => { if (cell.value === 'Mã dòng') idCol = c; }));
    expect(idCol).toBeGreaterThan(0);
    ws.spliceColumns(idCol, 1);
    const r = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'b.xlsx' });
    expect(r.report!.activities).toHaveLength(report.activities.length);
    expect(r.report!.activities.every((a) => a.id === '')).toBe(true);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: `Tệp «b.xlsx», trang «Hoạt động»: không còn cột «Mã dòng»; ${report.activities.length} hoạt động được coi là hoạt động mới, không đối chiếu được với các lần nhập trước`,
      }),
    ]);
  });
});
