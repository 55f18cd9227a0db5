/**
 * Problems found while reading a workbook, and the Vietnamese wording of every message the
 * guards and the reader produce. One place for the wording so that the tests' table of bad
 * files and the UI show exactly the same text.
 *
 * Pure module.
 */

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  severity: ProblemSeverity;
  /** The file's name as the officer knows it (no folders). */
  file: string;
  /** The sheet's name as it is in the file (it may have been renamed). */
  sheet?: string;
  /** 1-based row number as the spreadsheet program shows it. */
  row?: number;
  /** The column's header as it is in the file, e.g. "Ngày". */
  column?: string;
  /** The whole message, in Vietnamese, naming file, sheet, row and column. */
  message: string;
}

export interface ProblemPlace {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** "Tệp «a.xlsx», trang «Hoạt động», dòng 12, cột «Ngày»" */
export function placeText(place: ProblemPlace): string {
  const parts = [`Tệp «${place.file}»`];
  if (place.sheet !== undefined) parts.push(`trang «${place.sheet}»`);
  if (place.row !== undefined) parts.push(`dòng ${place.row}`);
  if (place.column !== undefined) parts.push(`cột «${place.column}»`);
  return parts.join(', ');
}

/** A problem at `place`: "<place>: <detail>". */
export function problemAt(severity: ProblemSeverity, place: ProblemPlace, detail: string): Problem {
  const p: Problem = { severity, file: place.file, message: `${placeText(place)}: ${detail}` };
  if (place.sheet !== undefined) p.sheet = place.sheet;
  if (place.row !== undefined) p.row = place.row;
  if (place.column !== undefined) p.column = place.column;
  return p;
}

/** How a cell's content is quoted in a message: trimmed, one line, at most 60 characters. */
export function shownValue(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/**
 * A Vietnamese message that says what to do, then — only after it, in brackets — a program's own
 * words (usually English, such as an XML parser's "2:151: undefined entity"), which help whoever
 * supports the officer. `detail` is shortened to one line of at most 160 characters.
 */
export function withDetail(sentence: string, detail: string): string {
  const d = detail.replace(/\s+/gu, ' ').trim();
  if (d === '') return sentence;
  return `${sentence} [chi tiết kỹ thuật: ${d.length > 160 ? `${d.slice(0, 159)}…` : d}]`;
}

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} MB`.replace('.', ',');
}

/** Messages of the guards (the file as a whole, before any spreadsheet library reads it). */
export const guardMessages = {
  empty: (file: string) => `Tệp «${file}» trống (0 byte), không phải bảng tính Excel (.xlsx)`,
  notWorkbook: (file: string) => `Tệp «${file}» không phải bảng tính Excel (.xlsx)`,
  wordDocument: (file: string) =>
    `Tệp «${file}» là văn bản Word, không phải bảng tính Excel (.xlsx)`,
  openDocument: (file: string) =>
    `Tệp «${file}» là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dạng .xlsx (Excel 2007-365)`,
  oldXls: (file: string) =>
    `Tệp «${file}» là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
  oldOffice: (file: string) =>
    `Tệp «${file}» là tài liệu Office 97-2003, không phải bảng tính Excel (.xlsx)`,
  password: (file: string) => `Tệp «${file}» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại`,
  truncated: (file: string) =>
    `Tệp «${file}» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại`,
  corrupt: (file: string) => `Tệp «${file}» bị hỏng (cấu trúc tệp nén không hợp lệ); hãy xin đơn vị gửi lại`,
  tooLarge: (file: string, size: number, max: number) =>
    `Tệp «${file}» quá lớn (${mb(size)}; tối đa ${mb(max)})`,
  expandsTooMuch: (file: string, total: number, max: number) =>
    `Tệp «${file}» khi giải nén quá lớn (${mb(total)}; tối đa ${mb(max)}), có thể là tệp độc hại; không đọc`,
  suspiciousRatio: (file: string, entry: string) =>
    `Tệp «${file}» có phần «${entry}» nén bất thường (tỉ lệ giải nén quá 100 lần), có thể là tệp độc hại; không đọc`,
  lyingSizes: (file: string, entry: string) =>
    `Tệp «${file}» có phần «${entry}» giải nén ra nhiều hơn kích thước ghi trong tệp, có thể là tệp độc hại; không đọc`,
  tooManyEntries: (file: string, count: number) =>
    `Tệp «${file}» chứa quá nhiều phần (${count}), không phải bảng tính bình thường; không đọc`,
  missingPart: (file: string, part: string) =>
    `Tệp «${file}» không phải bảng tính Excel hợp lệ (thiếu phần «${part}»); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
  /** `gist` in Vietnamese ("tệp nén bị hỏng"); `detail` the library's own words (English), or ''. */
  unreadable: (file: string, gist: string, detail: string) =>
    withDetail(`Tệp «${file}» không đọc được như bảng tính Excel: ${gist}. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại.`, detail),
  unexpected: (file: string, detail: string) =>
    withDetail(`Tệp «${file}»: lỗi không mong đợi khi đọc. Hãy gửi tệp này cho người hỗ trợ.`, detail),
} as const;
