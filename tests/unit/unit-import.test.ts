import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyUnitImport, completeSetup, db, DEFAULT_SETUP, ensureSeeded } from '@db';
import { cellText, NOT_UTF8_MESSAGE, readUnitRows, UnitFileError } from '@features/units/read-unit-rows';
import { guessMapping, previewUnitImport, type UnitTable } from '@features/units/unit-import';

const OPTIONS = { level: 'grassroots' as const, parentName: 'LĐLĐ huyện Dương Minh Châu', ownCode: 'LDLD-DMC' };
const HEADERS = ['STT', 'Mã đơn vị', 'Tên CĐCS', 'Loại hình', 'Số đoàn viên', 'Chủ tịch', 'SĐT', 'Trạng thái'];

function table(rows: string[][], headers = HEADERS, firstRow = 4): UnitTable {
  return { headerRow: firstRow - 1, headers, rows: rows.map((cells, i) => ({ rowNumber: firstRow + i, cells })), warnings: [], sheetName: 'DS' };
}

describe('guessMapping', () => {
  it('maps Vietnamese headers accent- and case-insensitively, one column per field', () => {
    expect(guessMapping(HEADERS)).toEqual({ code: 1, name: 2, type: 3, members: 4, contact: 5, phone: 6, active: 7 });
    expect(guessMapping(['Ma', 'TEN DON VI', 'Doan vien', 'Nguoi lien he', 'Dien thoai', 'Hoat dong'])).toEqual({
      code: 0,
      name: 1,
      type: null,
      members: 2,
      contact: 3,
      phone: 4,
      active: 5,
    });
    expect(guessMapping(['Tên đơn vị', 'Tên người liên hệ', 'Số điện thoại']).contact).toBe(1);
  });
});

describe('previewUnitImport', () => {
  const mapping = guessMapping(HEADERS);

  it('adds, generates codes after every code the file names, and reports errors by row and column', () => {
    const p = previewUnitImport(
      table([
        ['1', '', 'CĐCS Công ty TNHH Hòa Bình', 'Doanh nghiệp ngoài nhà nước', '45', 'Nguyễn Văn An', '0912345678', 'Hoạt động'],
        ['2', 'CDCS-0007', 'CĐCS Trường TH Suối Đá', 'Trường học', '1.200', '', '', ''],
        ['3', 'cdcs 0007', 'CĐCS trùng mã', '', '', '', '', ''],
        ['4', 'CDCS-0020', 'CĐCS Trạm Y tế', '', '-5', '', '', ''],
        ['5', 'CDCS-0021', '', '', '', '', '', ''],
        ['6', 'CDCS-0022', 'CĐCS Bưu điện', 'Hợp tác', '', '', '', 'đang ngủ'],
      ]),
      mapping,
      [],
      OPTIONS,
    );
    expect(p.counts).toEqual({ add: 2, update: 0, unchanged: 0, error: 4 });
    expect(p.rows[0]).toMatchObject({ action: 'add', code: 'CDCS-0023', generatedCode: true });
    expect(p.rows[0]!.unit).toMatchObject({ type: 'non-state-enterprise', members: 45, contact: 'Nguyễn Văn An', level: 'grassroots' });
    expect(p.rows[1]!.unit).toMatchObject({ code: 'CDCS-0007', members: 1200, type: 'school' });
    expect(p.rows[2]!.messages).toEqual(['Dòng 6, cột «Mã đơn vị»: mã «CDCS-0007» đã có ở dòng 5']);
    expect(p.rows[3]!.messages).toEqual(['Dòng 7, cột «Số đoàn viên»: phải là số nguyên không âm']);
    expect(p.rows[4]!.messages).toEqual(['Dòng 8, cột «Tên CĐCS»: không được để trống']);
    expect(p.rows[5]!.messages).toHaveLength(2);
    expect(p.rows[5]!.messages[0]).toMatch(/^Dòng 9, cột «Trạng thái»|^Dòng 9, cột «Loại hình»/);
  });

  it('updates the unit holding the code (inactive included), or matching the name when no code', () => {
    const existing = [
      { code: 'CDCS-0007', name: 'CĐCS Trường TH Suối Đá', level: 'grassroots' as const, parentName: 'X', type: null, members: 30, contact: '', phone: '', active: false },
      { code: 'CDCS-0008', name: 'CĐCS Công ty Hòa Bình', level: 'grassroots' as const, parentName: 'X', type: null, members: null, contact: 'Lê Thị Hoa', phone: '', active: true },
    ];
    const p = previewUnitImport(
      table([
        ['1', 'CDCS-0007', 'CĐCS Trường TH Suối Đá', '', '32', '', '', ''],
        ['2', '', 'cđcs cong ty hoa binh', '', '', '', '', ''],
        ['3', 'LDLD-DMC', 'Chính mình', '', '', '', '', ''],
      ]),
      mapping,
      existing,
      OPTIONS,
    );
    expect(p.rows.map((r) => r.action)).toEqual(['update', 'update', 'error']);
    expect(p.rows[0]).toMatchObject({ code: 'CDCS-0007', changes: ['Số đoàn viên'] });
    expect(p.rows[0]!.unit).toMatchObject({ active: false, parentName: 'X', members: 32 });
    expect(p.rows[1]).toMatchObject({ code: 'CDCS-0008', changes: ['Tên đơn vị'] });
    expect(p.rows[1]!.unit!.contact).toBe('Lê Thị Hoa'); // empty cell keeps what is stored
  });
});

describe('applyUnitImport with a preview', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await completeSetup(DEFAULT_SETUP);
  });

  const rows = [
    ['1', 'CDCS-0001', 'CĐCS Công ty Cao su Tây Ninh', 'DNNN', '320', 'Trần Văn Bình', '0276 3851 234', ''],
    ['2', '', 'CĐCS Trường THCS Thị trấn', 'Trường học', '48', '', '', ''],
    ['3', '', 'CĐCS UBND xã Suối Đá', 'HCSN', '25', '', '', 'Ngừng hoạt động'],
  ];

  it('writes, then a re-import is all unchanged and adds no duplicate', async () => {
    const existing = () => db.units.toArray();
    const first = previewUnitImport(table(rows), guessMapping(HEADERS), await existing(), OPTIONS);
    expect(first.counts).toEqual({ add: 3, update: 0, unchanged: 0, error: 0 });
    expect(await applyUnitImport(first.rows)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await db.units.count()).toBe(4);
    expect((await db.units.get('CDCS-0003'))!.active).toBe(false);
    const again = previewUnitImport(table(rows), guessMapping(HEADERS), await existing(), OPTIONS);
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 3, error: 0 });
    await applyUnitImport(again.rows);
    expect(await db.units.count()).toBe(4);
    const changed = previewUnitImport(table([['1', 'cdcs-0001', 'CĐCS Công ty Cao su Tây Ninh', '', '350', '', '', '']]), guessMapping(HEADERS), await existing(), OPTIONS);
    expect(changed.counts.update).toBe(1);
    await applyUnitImport(changed.rows);
    expect(await db.units.get('CDCS-0001')).toMatchObject({ members: 350, contact: 'Trần Văn Bình', type: 'state-enterprise' });
    expect(await db.units.count()).toBe(4);
  });

  it('a file with one error writes nothing', async () => {
    const p = previewUnitImport(table([...rows, ['4', '', 'CĐCS Lỗi', '', 'nhiều', '', '', '']]), guessMapping(HEADERS), await db.units.toArray(), OPTIONS);
    expect(p.counts.error).toBe(1);
    await expect(applyUnitImport(p.rows)).rejects.toThrow(/Còn 1 dòng lỗi/);
    expect(await db.units.count()).toBe(1);
  });
});

async function xlsxBytes(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Danh sách'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readUnitRows', () => {
  it('reads .xlsx: header under a merged title, rich text, numbers as text, formulas, NFD, blank and total rows', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.getCell('A1').value = 'DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC';
      ws.mergeCells('A1:F1');
      ws.getCell('A2').value = 'Năm 2025';
      ws.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị ', 'Số đoàn viên', 'Điện thoại', 'Ngày thành lập']);
      ws.addRow([1, 'CDCS-0001', { richText: [{ text: 'CĐCS Công ty ', font: { bold: true } }, { text: 'Hòa Bình' }] }, '120', 912345678, new Date(Date.UTC(2020, 4, 1))]);
      ws.addRow([]);
      ws.addRow([2, 'CDCS-0002', 'CĐCS Trường Tiểu học Phước Minh  '.normalize('NFD'), { formula: 'D4+5', result: 125 }, '0276 3851 234', '']);
      ws.addRow(['Tổng cộng', '', '', 245]);
    });
    const t = await readUnitRows(bytes, 'danh-sach.xlsx');
    expect(t.headerRow).toBe(3);
    expect(t.headers).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Điện thoại', 'Ngày thành lập']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(t.rows[0]!.cells).toEqual(['1', 'CDCS-0001', 'CĐCS Công ty Hòa Bình', '120', '912345678', '01/05/2020']);
    expect(t.rows[1]!.cells[2]).toBe('CĐCS Trường Tiểu học Phước Minh');
    expect(t.rows[1]!.cells[2]).toBe(t.rows[1]!.cells[2]!.normalize('NFC'));
    expect(t.rows[1]!.cells[3]).toBe('125');
    expect(t.warnings).toEqual([expect.stringContaining('Dòng 7')]);
    const p = previewUnitImport(t, guessMapping(t.headers), [], OPTIONS);
    expect(p.rows[0]!.unit).toMatchObject({ phone: '0912345678', members: 120 });
  });

  it('reads .csv in UTF-8 with a BOM, comma or semicolon', async () => {
    const text = '\uFEFFDanh sách đơn vị\nMã;Tên đơn vị;Đoàn viên\nCDCS-0001;CĐCS Công ty Hòa Bình;45\n;"CĐCS Trường; Mầm non";12\n';
    const t = await readUnitRows(new TextEncoder().encode(text), 'ds.csv');
    expect(t.headers).toEqual(['Mã', 'Tên đơn vị', 'Đoàn viên']);
    expect(t.rows).toEqual([
      { rowNumber: 3, cells: ['CDCS-0001', 'CĐCS Công ty Hòa Bình', '45'] },
      { rowNumber: 4, cells: ['', 'CĐCS Trường; Mầm non', '12'] },
    ]);
    const commas = await readUnitRows(new TextEncoder().encode('Mã,Tên\r\nA1,"Công ty, Hòa Bình"\r\n'), 'x.csv');
    expect(commas.rows[0]!.cells).toEqual(['A1', 'Công ty, Hòa Bình']);
  });

  it('reads a two-column ";" list (Excel with Vietnamese regional settings), also in Windows-1258', async () => {
    // Papaparse alone counts the blank line after the last row as a one-field row, finds no
    // consistent delimiter and falls back to ",": every row became one cell «Mã;Tên».
    const utf8 = await readUnitRows(new TextEncoder().encode('Mã đơn vị;Tên đơn vị\r\nTH01;Trường THCS Đà\r\n\r\nTH02;Trường TH Suối Đá\r\n'), 'ds.csv');
    expect(utf8.headers).toEqual(['Mã đơn vị', 'Tên đơn vị']);
    expect(utf8.rows).toEqual([
      { rowNumber: 2, cells: ['TH01', 'Trường THCS Đà'] },
      { rowNumber: 4, cells: ['TH02', 'Trường TH Suối Đá'] },
    ]);
    // "Tên;Mã\r\nTrường;A1\r\n" in Windows-1258: ê = EA, ư = FD, ơ = F5, combining grave = CC.
    const bytes = new Uint8Array([0x54, 0xea, 0x6e, 0x3b, 0x4d, 0x61, 0x0d, 0x0a, 0x54, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x3b, 0x41, 0x31, 0x0d, 0x0a]);
    const legacy = await readUnitRows(bytes, 'cu.csv');
    expect(legacy.headers).toEqual(['Tên', 'Ma']);
    expect(legacy.rows).toEqual([{ rowNumber: 2, cells: ['Trường', 'A1'] }]);
  });

  it('says a CSV is not UTF-8 (read as Windows-1258), and refuses .xls and headerless files', async () => {
    // "Mã,Tên\nA,Hòa" in Windows-1258: ã = E3, ê = EA, ò = o + combining grave (CC), read back as NFC.
    const bytes = new Uint8Array([0x4d, 0xe3, 0x2c, 0x54, 0xea, 0x6e, 0x0a, 0x41, 0x2c, 0x48, 0x6f, 0xcc, 0x61, 0x0a]);
    const t = await readUnitRows(bytes, 'cu.csv');
    expect(t.warnings[0]).toContain(NOT_UTF8_MESSAGE);
    expect(t.rows[0]!.cells).toEqual(['A', 'Hòa']);
    await expect(readUnitRows(new Uint8Array([1, 2]), 'cu.xls')).rejects.toBeInstanceOf(UnitFileError);
    await expect(readUnitRows(new TextEncoder().encode('1,2\n3,4\n'), 'so.csv')).rejects.toThrow(/dòng tiêu đề/);
    await expect(readUnitRows(new Uint8Array([1, 2, 3]), 'hong.xlsx')).rejects.toThrow(/Không đọc được tệp Excel/);
  });
});

describe('cellText of a unit list', () => {
  it('reads every cell kind as the officer sees it', () => {
    expect(cellText('  CĐCS\u00a0Trường   THCS ')).toBe('CĐCS Trường THCS');
    expect(cellText({ richText: [{ text: 'Công ty ' }, { font: { bold: true }, text: 'Hòa Bình' }] })).toBe('Công ty Hòa Bình');
    expect(cellText({ formula: 'A1&B1', result: 'CĐCS-01' })).toBe('CĐCS-01');
    expect(cellText({ text: 'cdcs@example.vn', hyperlink: 'mailto:cdcs@example.vn' })).toBe('cdcs@example.vn');
    expect(cellText(120)).toBe('120');
    expect(cellText(new Date(Date.UTC(1975, 3, 30)))).toBe('30/04/1975');
    expect(cellText(true)).toBe('Có');
    expect(cellText({ formula: 'A1=1', result: false })).toBe('Không');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(null)).toBe('');
  });
});
