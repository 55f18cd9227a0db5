/**
 * Reads the office's list of units from .xlsx (ExcelJS) or .csv (papaparse) into a UnitTable:
 * the header row found, and every non-blank row below it as trimmed NFC text.
 *
 * Runs inside unit-file.worker.ts (so ExcelJS stays out of the main chunk) and in Node tests.
 * No React, no Dexie, no DOM.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fold } from '@domain/vn-text';
import { cellText as workbookCellText, unwrapCell } from '@exchange/cell-values';
import type { UnitTable } from './unit-import';

/** A file that cannot be read, with a Vietnamese message saying what to do. */
export class UnitFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitFileError';
  }
}

export const NOT_UTF8_MESSAGE = 'Tệp CSV không phải UTF-8';

/**
 * The text of one cell value as the officer sees it: the workbook reader's cellText (rich text,
 * formulas' results, hyperlinks, dates as dd/mm/yyyy), except that a yes/no cell reads «Có» /
 * «Không» and an error cell (#N/A…) reads as blank, since a unit list has no use for either.
 */
export function cellText(value: unknown): string {
  const v = unwrapCell(value);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return '';
  return workbookCellText(v);
}

/** Index of the header: the first row with at least two non-empty text (not number) cells. */
function headerIndex(grid: readonly { cells: string[]; numeric: boolean[] }[]): number {
  return grid.findIndex((r) => r.cells.filter((c, i) => c !== '' && !r.numeric[i] && !/^[\d.,\s]+$/.test(c)).length >= 2);
}

const TOTAL_RE = /^(tong cong|tong so|tong|cong)$/;

function tableOf(grid: { rowNumber: number; cells: string[]; numeric: boolean[] }[], sheetName: string, warnings: string[]): UnitTable {
  const h = headerIndex(grid);
  if (h < 0) {
    throw new UnitFileError(
      'Không tìm thấy dòng tiêu đề cột (một dòng có ít nhất hai ô chữ, ví dụ «Mã đơn vị», «Tên đơn vị»). Hãy thêm tiêu đề cột vào tệp rồi chọn lại.',
    );
  }
  const header = grid[h]!;
  const width = Math.max(header.cells.length, ...grid.slice(h + 1).map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => header.cells[i] ?? '');
  const rows: UnitTable['rows'] = [];
  for (const r of grid.slice(h + 1)) {
    const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
    if (cells.every((c) => c === '')) continue;
    const first = cells.find((c) => c !== '') ?? '';
    if (TOTAL_RE.test(fold(first).replace(/[^a-z ]+/g, '').trim())) {
      warnings.push(`Dòng ${r.rowNumber} («${first}») là dòng tổng, đã bỏ qua.`);
      continue;
    }
    rows.push({ rowNumber: r.rowNumber, cells });
  }
  return { headerRow: header.rowNumber, headers, rows, warnings, sheetName };
}

async function readXlsx(bytes: Uint8Array): Promise<UnitTable> {
  const wb = new ExcelJS.Workbook();
  try {
    // A copy that owns its buffer exactly: ExcelJS's zip reader takes the whole buffer.
    await wb.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new UnitFileError('Không đọc được tệp Excel này (tệp hỏng hoặc không phải .xlsx). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.');
  }
  let lastError: UnitFileError | null = null;
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' && wb.worksheets.length > 1) continue;
    const grid: { rowNumber: number; cells: string[]; numeric: boolean[] }[] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const numeric: boolean[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged range (a title across the sheet) has its text in its first cell only.
        const slave = cell.isMerged && cell.master !== cell;
        const value = slave ? null : cell.value;
        cells.push(cellText(value));
        const raw = value && typeof value === 'object' && 'result' in value ? value.result : value;
        numeric.push(typeof raw === 'number');
      }
      while (cells.length > 0 && cells[cells.length - 1] === '') {
        cells.pop();
        numeric.pop();
      }
      grid.push({ rowNumber, cells, numeric });
    });
    if (grid.length === 0) continue;
    try {
      return tableOf(grid, ws.name, []);
    } catch (e) {
      if (e instanceof UnitFileError) lastError = e;
      else throw e;
    }
  }
  throw lastError ?? new UnitFileError('Tệp Excel không có dữ liệu.');
}

/** UTF-8 (BOM or not); otherwise Windows-1258, said plainly so the officer checks the accents. */
function decodeCsv(bytes: Uint8Array, warnings: string[]): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes); // drops a BOM
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    const text = new TextDecoder('windows-1258').decode(bytes);
    warnings.push(
      `${NOT_UTF8_MESSAGE}: đã đọc theo bảng mã Windows-1258. Hãy kiểm tra dấu tiếng Việt ở bảng xem trước; nếu sai, mở tệp bằng Excel và lưu lại dạng «CSV UTF-8».`,
    );
    return text;
  } catch {
    throw new UnitFileError(`${NOT_UTF8_MESSAGE}. Hãy mở tệp bằng Excel và lưu lại dạng «CSV UTF-8 (phân cách bằng dấu phẩy)».`);
  }
}

function readCsv(bytes: Uint8Array): UnitTable {
  const warnings: string[] = [];
  const text = decodeCsv(bytes, warnings).replace(/^\uFEFF/, '');
  // Papaparse guesses the delimiter: ',' (Excel, LibreOffice) or ';' (Excel in some locales) or tab.
  // The guess is made with blank lines skipped: the blank line after the last row counts as a
  // one-field row otherwise, and a two-column ';' list («Mã;Tên») then falls back to ','.
  // The parse itself keeps blank lines so that row numbers match the file.
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: 200 }).meta;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const grid = parsed.data.map((cells, i) => ({
    rowNumber: i + 1,
    cells: cells.map((c) => cellText(c)),
    numeric: cells.map(() => false),
  }));
  return tableOf(grid, '', warnings);
}

/** Reads the list from a file's bytes; `fileName` says which format. Throws UnitFileError. */
export async function readUnitRows(bytes: Uint8Array, fileName: string): Promise<UnitTable> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return readXlsx(bytes);
  if (ext === 'csv' || ext === 'txt') return readCsv(bytes);
  if (ext === 'xls') {
    throw new UnitFileError('Tệp .xls (Excel 97–2003) chưa đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.');
  }
  throw new UnitFileError('Chỉ đọc được tệp .xlsx hoặc .csv.');
}
