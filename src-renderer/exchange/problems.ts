/**
 * Problems found while reading a workbook. Each has a stable code (tests, the command line's
 * --json and the import screen compare codes, never wording), a structured place (sheet, row,
 * column, the cell's value) and its Vietnamese message, built here and only here: DETAIL_TEXT
 * for what is found inside a workbook (after the place), FILE_TEXT for a whole file.
 *
 * Pure module.
 */

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  severity: ProblemSeverity;
  /** What is wrong, stable across wording changes: tests and tools compare this, not the message. */
  code: ProblemCode;
  /** The file's name as the officer knows it (no folders). */
  file: string;
  /** The sheet's name as it is in the file (it may have been renamed). */
  sheet?: string;
  /** 1-based row number as the spreadsheet program shows it. */
  row?: number;
  /** The column's header as it is in the file, e.g. "Ngày". */
  column?: string;
  /** The cell's content as the officer sees it, when the problem is about what a cell holds. */
  value?: string;
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

/** A problem at `place`: "<place>: <the detail's sentence>". */
export function problemAt(severity: ProblemSeverity, place: ProblemPlace, detail: ProblemDetail): Problem {
  const p: Problem = { severity, code: detail.code, file: place.file, message: `${placeText(place)}: ${detailText(detail)}` };
  if (place.sheet !== undefined) p.sheet = place.sheet;
  if (place.row !== undefined) p.row = place.row;
  if (place.column !== undefined) p.column = place.column;
  if ('shown' in detail) p.value = shownValue(detail.shown);
  return p;
}

/** A problem of the file as a whole: its sentence names the file itself. */
export function fileProblem(severity: ProblemSeverity, file: string, detail: FileDetail, sheet?: string): Problem {
  return { severity, code: detail.code, file, ...(sheet !== undefined ? { sheet } : {}), message: fileText(file, detail) };
}

// ---------------------------------------------------------------------------------------------
// The one table of the reader's sentences. A detail is a code and what its sentence names; the
// place ("Tệp «a.xlsx», trang …, dòng …, cột …") is put before it by problemAt.

/** Why a cell could not be read as what its column holds (cell-values.ts); `shown` is the cell as the officer sees it. */
export type CellFailure =
  | { code: 'date-invalid'; shown: string }
  | { code: 'date-year'; shown: string; min: number; max: number }
  | { code: 'count-invalid'; shown: string }
  | { code: 'count-negative'; shown: string }
  | { code: 'count-decimal'; shown: string }
  | { code: 'count-too-big'; shown: string }
  | { code: 'item-ids-invalid'; shown: string; bad: string }
  | { code: 'label-unknown'; shown: string; allowed: readonly string[] }
  | { code: 'cell-error-value'; shown: string };

/** The end of a cell failure's sentence, after the quoted cell ("không phải ngày hợp lệ …"). */
const CELL_REASON: { [C in CellFailure['code']]: (d: Extract<CellFailure, { code: C }>) => string } = {
  'date-invalid': () => 'không phải ngày hợp lệ (nhập theo dd/mm/yyyy)',
  'date-year': (d) => `không phải ngày hợp lệ (năm phải từ ${d.min} đến ${d.max}; nhập theo dd/mm/yyyy)`,
  'count-invalid': () => 'không phải số nguyên không âm (ví dụ 0, 12, 1.250)',
  'count-negative': () => 'là số âm; cần số nguyên không âm',
  'count-decimal': () => 'là số thập phân; cần số nguyên không âm',
  'count-too-big': () => 'quá lớn; cần số nguyên không âm nhỏ hơn 9.007.199.254.740.991',
  'item-ids-invalid': (d) => `có mã nhiệm vụ không hợp lệ «${d.bad}» (nhập như III.2.4; nhiều mã cách nhau bằng dấu ;)`,
  'label-unknown': (d) => `không có trong danh sách (chọn một trong: ${d.allowed.join('; ')})`,
  'cell-error-value': () => 'là lỗi công thức của bảng tính',
};

export function cellReason(f: CellFailure): string {
  return (CELL_REASON[f.code] as (d: CellFailure) => string)(f);
}

const LEVEL_HINT = 'CĐCS, LĐLĐ huyện hoặc LĐLĐ tỉnh';
const RE_EXPORT = 'số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo';

/** Every problem the reader finds inside a workbook it could open. */
export type ProblemDetail =
  | CellFailure
  // A cell read, with a word on how.
  | { code: 'count-comma-thousands'; shown: string; value: string }
  | { code: 'formula-value'; formula: string; shown: string }
  | { code: 'formula-no-value'; formula: string }
  | { code: 'formulas-more'; count: number }
  | { code: 'column-outside-table'; column: string; rows: string }
  // The workbook's structure.
  | { code: 'sheet-renamed'; sheet: string }
  | { code: 'header-missing'; required: string }
  | { code: 'column-missing'; header: string }
  | { code: 'column-unknown' }
  // Identity and plan.
  | { code: 'plan-version-differs' }
  | { code: 'plan-other' }
  | { code: 'items-edited'; read: 'statuses' | 'figures' }
  | { code: 'unit-code-missing' }
  | { code: 'unit-level-missing' }
  | { code: 'unit-level-invalid'; shown: string }
  | { code: 'unit-name-missing' }
  | { code: 'machine-differs'; shown: string; used: string }
  | { code: 'report-date-invalid'; cause: CellFailure; shown: string }
  | { code: 'deadline-invalid'; cause: CellFailure; shown: string }
  // Rows.
  | { code: 'row-partial'; filled: readonly string[]; needs: string }
  | { code: 'item-id-missing'; of: 'statuses' | 'figures' }
  | { code: 'item-id-invalid'; shown: string }
  | { code: 'item-id-duplicate'; id: string; first: number }
  | { code: 'item-id-not-in-plan'; id: string }
  | { code: 'indicator-code-missing' }
  | { code: 'indicator-code-duplicate'; indicator: string; first: number }
  | { code: 'count-over-limit'; shown: string; limit: string; what: string }
  | { code: 'result-adjustment-too-big'; result: string; fromActivities: string; limit: string; sheet: string }
  | { code: 'result-differs'; edited: boolean; result: string; fromActivities: string; typedAdjustment: string; used: string }
  | { code: 'adjustment-reason-unused' }
  | { code: 'activities-deleted'; written: number; now: number }
  | { code: 'date-missing' }
  | { code: 'item-ids-missing'; itemsSheet: string }
  | { code: 'item-ids-unknown'; ids: readonly string[]; itemsSheet: string }
  | { code: 'type-missing' }
  | { code: 'title-missing' }
  | { code: 'text-too-long'; shown: string; length: string; max: string }
  | { code: 'activity-unit-differs'; shown: string; unit: string }
  | { code: 'row-id-invalid'; shown: string }
  | { code: 'row-id-duplicate'; first: number }
  | { code: 'date-outside-period'; date: string; start: string; end: string }
  | { code: 'row-id-column-missing'; header: string; count: number }
  // A consolidated report.
  | { code: 'status-sum-differs'; sum: number; reports: number; source: string }
  | { code: 'reports-count-differs'; reports: number; sum: number }
  | { code: 'total-row-twice'; label: string }
  | { code: 'total-row-missing'; label: string }
  | { code: 'total-differs'; label: string; declared: number; sum: number }
  | { code: 'row-unit-code-missing' }
  | { code: 'unit-code-duplicate'; unit: string; first: number }
  | { code: 'state-missing'; options: readonly string[] }
  | { code: 'instant-invalid'; shown: string };

const quoted = (shown: string) => `«${shownValue(shown)}»`;

const DETAIL_TEXT: { [C in ProblemDetail['code']]: (d: Extract<ProblemDetail, { code: C }>) => string } = {
  'date-invalid': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'date-year': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'count-invalid': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'count-negative': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'count-decimal': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'count-too-big': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'item-ids-invalid': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'label-unknown': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'cell-error-value': (d) => `${quoted(d.shown)} ${cellReason(d)}`,
  'count-comma-thousands': (d) =>
    `«${d.shown}» được đọc là ${d.value} (dấu phẩy được hiểu là dấu phân cách hàng nghìn, như «${d.value}»); nếu không phải số này, hãy sửa ô`,
  'formula-value': (d) => `ô chứa công thức ${d.formula}; đọc giá trị đã tính «${d.shown.length > 60 ? `${d.shown.slice(0, 57)}…` : d.shown}»`.replace('  ', ' '),
  'formula-no-value': (d) =>
    `ô chứa công thức ${d.formula} nhưng tệp không lưu giá trị của nó; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại (hoặc ghi giá trị thay cho công thức)`.replace('  ', ' '),
  'formulas-more': (d) => `còn ${d.count} ô khác chứa công thức; mỗi ô được đọc theo giá trị đã tính`,
  'column-outside-table': (d) =>
    `cột ${d.column} không có tiêu đề (nằm ngoài bảng) nhưng có số liệu ở dòng ${d.rows}; bộ đọc không dùng các ô này — nếu là số liệu cần gửi, hãy chép vào đúng cột của bảng`,
  'sheet-renamed': (d) => `trang này được nhận là trang «${d.sheet}» (theo dòng tiêu đề)`,
  'header-missing': (d) => `không thấy dòng tiêu đề cột (cần các cột ${d.required})`,
  'column-missing': (d) => `thiếu cột «${d.header}» (không được xóa hay đổi tên cột này)`,
  'column-unknown': () => 'cột không thuộc mẫu và không phải chỉ tiêu đã biết; bỏ qua khi đọc',
  'plan-version-differs': () => 'tệp được lập theo một phiên bản khác của kế hoạch (danh sách nhiệm vụ khác với kế hoạch đang dùng); kiểm tra kỹ trước khi nhập',
  'plan-other': () => 'tệp thuộc một kế hoạch khác với kế hoạch đang chọn',
  'items-edited': (d) => `danh sách hoặc nội dung nhiệm vụ đã bị sửa so với lúc xuất tệp; ${d.read === 'statuses' ? 'trạng thái' : 'số liệu'} được đọc theo mã nhiệm vụ`,
  'unit-code-missing': () => 'chưa ghi mã đơn vị (ví dụ CDCS-0012)',
  'unit-level-missing': () => `chưa ghi cấp đơn vị (${LEVEL_HINT})`,
  'unit-level-invalid': (d) => `${quoted(d.shown)} không phải cấp đơn vị (${LEVEL_HINT})`,
  'unit-name-missing': () => 'chưa ghi tên đơn vị',
  'machine-differs': (d) =>
    `${quoted(d.shown)} khác với phần dữ liệu máy của tệp («${d.used}»); ô này do ứng dụng ghi nên bộ đọc dùng «${d.used}». Muốn đổi, hãy sửa trong ứng dụng rồi xuất lại tệp`,
  'report-date-invalid': (d) => `${quoted(d.shown)} ${cellReason(d.cause)}; thời điểm nộp sẽ tính là lúc nhập tệp`,
  'deadline-invalid': (d) => `${quoted(d.shown)} ${cellReason(d.cause)}`,
  'row-partial': (d) => `dòng này chỉ ghi ${d.filled.map((h) => `«${h}»`).join(', ')}, không có ${d.needs}; bỏ qua dòng này`,
  'item-id-missing': (d) => `thiếu mã nhiệm vụ (không biết ${d.of === 'statuses' ? 'trạng thái' : 'số liệu'} ghi cho nhiệm vụ nào)`,
  'item-id-invalid': (d) => `${quoted(d.shown)} không phải mã nhiệm vụ (ví dụ III.2.4)`,
  'item-id-duplicate': (d) => `mã nhiệm vụ «${d.id}» đã có ở dòng ${d.first}; mỗi nhiệm vụ chỉ ghi một dòng`,
  'item-id-not-in-plan': (d) => `mã nhiệm vụ «${d.id}» không có trong kế hoạch đang dùng; dòng này bị bỏ qua`,
  'indicator-code-missing': () => 'thiếu mã chỉ tiêu',
  'indicator-code-duplicate': (d) => `mã chỉ tiêu «${d.indicator}» đã có ở dòng ${d.first}`,
  'count-over-limit': (d) => `${quoted(d.shown)} lớn hơn mức tối đa ${d.limit} ${d.what} (có thể gõ nhầm số)`,
  'result-adjustment-too-big': (d) =>
    `«${d.result}» khác tổng các hoạt động (${d.fromActivities}) quá mức tối đa ${d.limit} cho một lần điều chỉnh (có thể gõ nhầm số); nếu đúng, hãy ghi các hoạt động đã làm ở trang «${d.sheet}»`,
  'result-differs': (d) => `${d.edited ? 'đã bị sửa sau khi xuất: ' : ''}ghi ${d.result} nhưng các hoạt động cộng lại là ${d.fromActivities}${d.typedAdjustment}; dùng ${d.result} (${d.used})`,
  'adjustment-reason-unused': () => 'có lý do điều chỉnh nhưng không có số điều chỉnh; lý do này không được dùng',
  'activities-deleted': (d) => `tệp xuất ra có ${d.written} hoạt động nhưng nay chỉ còn ${d.now}; có thể đã có dòng bị xóa`,
  'date-missing': () => 'chưa nhập ngày (nhập theo dd/mm/yyyy)',
  'item-ids-missing': (d) => `chưa ghi mã nhiệm vụ (ví dụ III.2.4; xem trang «${d.itemsSheet}»)`,
  'item-ids-unknown': (d) => `mã nhiệm vụ «${d.ids.join('; ')}» không có trong kế hoạch (xem cột mã ở trang «${d.itemsSheet}»)`,
  'type-missing': () => 'chưa chọn loại hoạt động',
  'title-missing': () => 'chưa ghi tên hoạt động',
  'text-too-long': (d) => `${quoted(d.shown)} dài ${d.length} ký tự; tối đa ${d.max} ký tự`,
  'activity-unit-differs': (d) =>
    `mã đơn vị ${quoted(d.shown)} khác đơn vị của tệp («${d.unit}»); hoạt động được tính cho ${d.unit} — hoạt động của đơn vị khác phải do đơn vị đó báo cáo`,
  'row-id-invalid': (d) => `${quoted(d.shown)} không phải mã dòng do ứng dụng ghi; dòng được nhập như hoạt động mới`,
  'row-id-duplicate': (d) => `trùng mã dòng với dòng ${d.first} (dòng được sao chép); dòng này được nhập như hoạt động mới`,
  'date-outside-period': (d) => `ngày ${d.date} nằm ngoài kỳ báo cáo (${d.start} – ${d.end})`,
  'row-id-column-missing': (d) =>
    `không còn cột «${d.header}»; ${d.count} hoạt động được coi là hoạt động mới, không đối chiếu được với các lần nhập trước`,
  'status-sum-differs': (d) => `các cột trạng thái cộng lại là ${d.sum} nhưng số báo cáo được tổng hợp là ${d.reports} (${d.source}); ${RE_EXPORT}`,
  'reports-count-differs': (d) => `ghi ${d.reports} báo cáo nhưng các cột trạng thái cộng lại là ${d.sum}; số theo từng trạng thái được dùng`,
  'total-row-twice': (d) => `dòng «${d.label}» ghi hai lần; dòng này bị bỏ qua`,
  'total-row-missing': (d) => `không thấy dòng «${d.label}»; tổng được tính lại từ các đơn vị`,
  'total-differs': (d) => `dòng «${d.label}» ghi ${d.declared} nhưng các đơn vị cộng lại là ${d.sum}; ${RE_EXPORT}`,
  'row-unit-code-missing': () => 'thiếu mã đơn vị (ví dụ CDCS-0012)',
  'unit-code-duplicate': (d) => `mã đơn vị «${d.unit}» đã có ở dòng ${d.first}; mỗi đơn vị chỉ ghi một dòng`,
  'state-missing': (d) => `chưa ghi tình trạng (${d.options.join('; ')})`,
  'instant-invalid': (d) => `${quoted(d.shown)} không phải thời điểm (ghi theo dd/mm/yyyy hh:mm, giờ Việt Nam)`,
};

/** The detail's sentence (Vietnamese), without the place. */
export function detailText(d: ProblemDetail): string {
  return (DETAIL_TEXT[d.code] as (d: ProblemDetail) => string)(d);
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

/**
 * What makes a file unreadable as a whole (the guards, before any spreadsheet library reads it,
 * and the reader when the workbook is not ours), or what it says of the whole file.
 */
export type FileDetail =
  | { code: 'empty' }
  | { code: 'not-workbook' }
  | { code: 'word-document' }
  | { code: 'open-document' }
  | { code: 'old-xls' }
  | { code: 'old-office' }
  | { code: 'password' }
  | { code: 'truncated' }
  | { code: 'corrupt' }
  | { code: 'too-large'; size: number; max: number }
  /** `entry`: a part that inflates to more than it declares; else the whole file's `total`. */
  | { code: 'expands-too-much'; total: number; max: number; entry?: undefined }
  | { code: 'expands-too-much'; entry: string }
  | { code: 'suspicious-ratio'; entry: string }
  | { code: 'too-many-entries'; count: number }
  | { code: 'missing-part'; part: string }
  /** `gist` in Vietnamese ("tệp nén bị hỏng"); `detail` the library's own words (English), or ''. */
  | { code: 'unreadable'; gist: string; detail: string }
  | { code: 'unexpected'; detail: string }
  | { code: 'not-app-workbook'; sheets: readonly string[] }
  | { code: 'identity-missing'; info: string; machine: string }
  | { code: 'machine-missing'; machine: string; info: string }
  | { code: 'format-foreign'; sheet: string; format: string }
  | { code: 'version-invalid'; shown: string }
  | { code: 'completeness-list' }
  | { code: 'kind-unknown'; kind: string }
  | { code: 'kind-too-old'; version: number; since: number }
  | { code: 'version-newer'; version: number; max: number }
  | { code: 'version-unsupported'; version: number }
  | { code: 'sheet-missing'; sheet: string; skipped: string }
  /** The file itself could not be opened (the command line reads from disk). */
  | { code: 'file-unopenable'; why: 'missing' | 'directory' | 'no-permission' | 'other'; detail: string };

export type ProblemCode = ProblemDetail['code'] | FileDetail['code'];

const FILE_TEXT: { [C in FileDetail['code']]: (f: string, d: Extract<FileDetail, { code: C }>) => string } = {
  empty: (f) => `Tệp «${f}» trống (0 byte), không phải bảng tính Excel (.xlsx)`,
  'not-workbook': (f) => `Tệp «${f}» không phải bảng tính Excel (.xlsx)`,
  'word-document': (f) => `Tệp «${f}» là văn bản Word, không phải bảng tính Excel (.xlsx)`,
  'open-document': (f) => `Tệp «${f}» là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dạng .xlsx (Excel 2007-365)`,
  'old-xls': (f) => `Tệp «${f}» là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
  'old-office': (f) => `Tệp «${f}» là tài liệu Office 97-2003, không phải bảng tính Excel (.xlsx)`,
  password: (f) => `Tệp «${f}» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại`,
  truncated: (f) => `Tệp «${f}» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại`,
  corrupt: (f) => `Tệp «${f}» bị hỏng (cấu trúc tệp nén không hợp lệ); hãy xin đơn vị gửi lại`,
  'too-large': (f, d) => `Tệp «${f}» quá lớn (${mb(d.size)}; tối đa ${mb(d.max)})`,
  'expands-too-much': (f, d) =>
    d.entry !== undefined
      ? `Tệp «${f}» có phần «${d.entry}» giải nén ra nhiều hơn kích thước ghi trong tệp, có thể là tệp độc hại; không đọc`
      : `Tệp «${f}» khi giải nén quá lớn (${mb(d.total)}; tối đa ${mb(d.max)}), có thể là tệp độc hại; không đọc`,
  'suspicious-ratio': (f, d) => `Tệp «${f}» có phần «${d.entry}» nén bất thường (tỉ lệ giải nén quá 100 lần), có thể là tệp độc hại; không đọc`,
  'too-many-entries': (f, d) => `Tệp «${f}» chứa quá nhiều phần (${d.count}), không phải bảng tính bình thường; không đọc`,
  'missing-part': (f, d) =>
    `Tệp «${f}» không phải bảng tính Excel hợp lệ (thiếu phần «${d.part}»); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
  unreadable: (f, d) =>
    withDetail(`Tệp «${f}» không đọc được như bảng tính Excel: ${d.gist}. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại.`, d.detail),
  unexpected: (f, d) => withDetail(`Tệp «${f}»: lỗi không mong đợi khi đọc. Hãy gửi tệp này cho người hỗ trợ.`, d.detail),
  'not-app-workbook': (f, d) =>
    `Tệp «${f}» không phải báo cáo hay mẫu nhập liệu của Sổ Kế hoạch Công đoàn (không thấy các trang ${d.sheets.map((x) => `«${x}»`).join(', ')})`,
  'identity-missing': (f, d) => `Tệp «${f}» thiếu cả trang «${d.info}» lẫn phần dữ liệu máy «${d.machine}»: không xác định được đơn vị và kỳ báo cáo`,
  'machine-missing': (f, d) =>
    `Tệp «${f}» không còn phần dữ liệu máy (trang ẩn «${d.machine}», thường do lưu lại bằng chương trình khác); đơn vị và kỳ được đọc từ trang «${d.info}», các hoạt động vẫn nhận theo cột «Mã dòng»`,
  'format-foreign': (f, d) => `Tệp «${f}» có trang «${d.sheet}» nhưng không phải định dạng của Sổ Kế hoạch Công đoàn («${d.format}»)`,
  'version-invalid': (f, d) => `Tệp «${f}»: phiên bản định dạng «${d.shown}» không hợp lệ`,
  'completeness-list': (f) =>
    `Tệp «${f}» là danh sách tình hình nộp báo cáo, chỉ để xem và in, không nhập được; hãy nhập báo cáo tổng hợp (tệp TongHop_….xlsx) hoặc báo cáo của từng đơn vị`,
  'kind-unknown': (f, d) => `Tệp «${f}»: loại tệp «${d.kind}» không rõ (cần báo cáo đơn vị, báo cáo tổng hợp hoặc mẫu nhập liệu)`,
  'kind-too-old': (f, d) =>
    `Tệp «${f}» ghi là báo cáo tổng hợp theo định dạng phiên bản ${d.version}, nhưng báo cáo tổng hợp chỉ có từ phiên bản ${d.since}; tệp đã bị sửa hoặc không do Sổ Kế hoạch Công đoàn tạo ra`,
  'version-newer': (f, d) =>
    `Tệp «${f}» được tạo bởi phiên bản mới hơn của ứng dụng (định dạng phiên bản ${d.version}; phiên bản này đọc đến ${d.max}); hãy cập nhật Sổ Kế hoạch Công đoàn rồi mở lại`,
  'version-unsupported': (f, d) => `Tệp «${f}»: phiên bản định dạng ${d.version} không được hỗ trợ`,
  'file-unopenable': (f, d) =>
    d.why === 'other'
      ? withDetail(`Không mở được tệp «${f}». Hãy kiểm tra đường dẫn và quyền đọc tệp.`, d.detail)
      : `Không mở được tệp «${f}»: ${{ missing: 'không có tệp này', directory: 'đây là thư mục', 'no-permission': 'không có quyền đọc' }[d.why]}`,
  'sheet-missing': (f, d) => `Tệp «${f}»: không thấy trang «${d.sheet}»${d.skipped ? `; ${d.skipped}` : ''}`,
};

/** The whole sentence of a problem of the file `file` (Vietnamese). */
export function fileText(file: string, d: FileDetail): string {
  return (FILE_TEXT[d.code] as (f: string, d: FileDetail) => string)(file, d);
}

/** Every code a problem inside a workbook can have, and every code of a whole file's problem. */
export const DETAIL_CODES = Object.keys(DETAIL_TEXT) as ProblemDetail['code'][];
export const FILE_CODES = Object.keys(FILE_TEXT) as FileDetail['code'][];
