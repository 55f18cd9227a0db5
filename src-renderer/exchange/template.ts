/**
 * The blank template ("Mẫu nhập liệu") for a unit without the app: the unit report's sheets with
 * the identity and the plan's items pre-filled, "Hướng dẫn" first, pre-formatted empty rows in
 * "Hoạt động", drop-down lists, date and number validation, and protected structure cells.
 *
 * Choices (they must hold in Excel, LibreOffice and WPS):
 * - Protection without a password guards against slips, not people. "Thông tin" is fully
 *   protected (but for its three period cells in a template made without a period); in "Tiến
 *   độ" only Trạng thái, Đánh giá and Minh chứng are editable; in "Chỉ tiêu" only Kết quả,
 *   Điều chỉnh and Lý do điều chỉnh; "Hướng dẫn" and "_danhmuc" not at all. Every editable
 *   cell is read (FORMAT.md section 7 says how). "Hoạt động" is not protected: people must be
 *   able to insert, delete, sort and paste rows there, and LibreOffice and WPS refuse those in a
 *   protected sheet even when the flags allow them.
 * - Drop-downs read their lists from the hidden sheet "_danhmuc" (the item list can exceed the
 *   255 characters an inline list may hold). Status and activity type refuse other values; the
 *   plan item list only warns, because one activity may serve several items ("III.2.4; III.3.1").
 * - The date rule (between 01/01/2000 and 31/12/2100) only warns: an Excel set to a US locale
 *   reads "15/03/2025" as text, and the reader accepts text dates anyway.
 *
 * Pure module.
 */
import type { PlanReportItem } from './plan-items';
import { DIRECT_RESULT_REASON_TEMPLATE } from '@domain/indicators';
import { writePlansInMemory } from './writer';
import type { SheetPlan, WriteOptions } from './writer-layout';
import { hiddenSheetPlan, machineSheetPlan, reportSheetPlans } from './writer-plans';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_TYPE_CELL_LABELS,
  INDICATOR_COLUMNS,
  INFO_COLUMNS,
  INFO_FIELDS,
  SHEET_NAMES,
  TEMPLATE_REPORT_DATE_FIELD,
  type ColumnDef,
} from './spec';
import {
  formatVersionFor,
  WORKBOOK_STATUSES,
  WORKBOOK_STATUS_LABELS,
  type ReportPeriod,
  type ReportPlan,
  type ReportUnit,
  type UnitReport,
} from '@domain/report';

/** Pre-formatted empty rows in "Hoạt động" by default. */
export const TEMPLATE_BLANK_ROWS = 200;

export interface TemplateIndicator {
  code: string;
  name: string;
  unit: string;
  target?: number | null;
}

export interface TemplateInput {
  unit: ReportUnit;
  plan: ReportPlan;
  /** The plan's items (planReportItems), with their printed number and attributes when any. */
  items: PlanReportItem[];
  period?: ReportPeriod | null;
  indicators: TemplateIndicator[];
  /** ISO instant the template was made. */
  exportedAt: string;
  exportedBy?: string;
  appVersion: string;
  /** Empty rows in "Hoạt động" (default TEMPLATE_BLANK_ROWS). */
  blankRows?: number;
}

const EMPTY_PERIOD: ReportPeriod = { key: '', name: '', start: '', end: '' };

// The template lists a plan's items as the unit report does (plan-items.ts).
export { planReportItems } from './plan-items';

/** The template as report data (kind 'template'): items without status, no activities. */
export function templateReport(input: TemplateInput): UnitReport {
  return {
    kind: 'template',
    formatVersion: formatVersionFor('template'),
    unit: input.unit,
    plan: input.plan,
    period: input.period ?? EMPTY_PERIOD,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy ?? '',
    appVersion: input.appVersion,
    items: input.items.map((it) => ({ ...it, status: null, note: '', evidence: '', activityCount: 0 })),
    activities: [],
    indicators: input.indicators.map((d) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      value: 0,
      target: d.target ?? null,
      adjustment: 0,
      adjustmentReason: '',
    })),
  };
}

/** The instructions on "Hướng dẫn", one line per row; lines starting with '#' are headings. */
export function guideLines(report: UnitReport): string[] {
  const period = report.period.name ? ` — ${report.period.name}` : '';
  return [
    '# HƯỚNG DẪN NHẬP LIỆU',
    `# Báo cáo kết quả thực hiện Kế hoạch${report.plan.number ? ` số ${report.plan.number}` : ''}${period}`,
    `Đơn vị: ${report.unit.name} (mã ${report.unit.code}).`,
    '',
    '# 1. Các trang tính',
    report.period.key === ''
      ? `• "${SHEET_NAMES.info}": thông tin đơn vị và kế hoạch — đã điền sẵn, không sửa; ghi kỳ báo cáo vào các ô "Kỳ báo cáo" (ví dụ: 6 tháng đầu năm 2025), "Từ ngày", "Đến ngày" (dd/mm/yyyy); ghi "${TEMPLATE_REPORT_DATE_FIELD.label}" (ngày/tháng/năm đơn vị hoàn thành báo cáo) ở dòng cuối. Không ghi thì ngày nộp là ngày cấp trên nhập tệp.`
      : `• "${SHEET_NAMES.info}": thông tin đơn vị, kế hoạch và kỳ báo cáo — đã điền sẵn, không sửa; chỉ ghi "${TEMPLATE_REPORT_DATE_FIELD.label}" (ngày/tháng/năm đơn vị hoàn thành báo cáo) ở dòng cuối. Không ghi thì ngày nộp là ngày cấp trên nhập tệp.`,
    `• "${SHEET_NAMES.progress}": mỗi dòng là một nhiệm vụ của kế hoạch. Chọn "Trạng thái" trong danh sách (${WORKBOOK_STATUSES.map((s) => WORKBOOK_STATUS_LABELS[s]).join(', ')}), ghi "Đánh giá, ghi chú" và "Minh chứng" (số, ký hiệu văn bản, tên tệp).`,
    `• "${SHEET_NAMES.activities}": mỗi dòng là một hoạt động đã thực hiện trong kỳ. Điền từ dòng trống đầu tiên; thiếu dòng thì chèn thêm dòng.`,
    `• "${SHEET_NAMES.indicators}": "Kết quả" là tổng của đơn vị trong kỳ cho từng chỉ tiêu. Đã ghi đủ các hoạt động ở trang "${SHEET_NAMES.activities}" thì để trống: phần mềm tự cộng. Ghi "Kết quả" khác tổng các hoạt động thì số ghi được dùng, phần chênh lệch được nhập là điều chỉnh với lý do "${DIRECT_RESULT_REASON_TEMPLATE}". "Điều chỉnh" là số cộng thêm (hoặc bớt) so với tổng từ các hoạt động, phải ghi "Lý do điều chỉnh".`,
    '',
    `# 2. Cách điền trang "${SHEET_NAMES.activities}"`,
    '• Ngày: ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/03/2025.',
    '• Nhiệm vụ: chọn mã nhiệm vụ trong danh sách (ví dụ III.2.4). Một hoạt động phục vụ nhiều nhiệm vụ thì ghi các mã cách nhau bằng dấu chấm phẩy: III.2.4; III.3.1.',
    '• Loại hoạt động: chọn trong danh sách.',
    '• Tên hoạt động: bắt buộc. Nội dung, Địa điểm, Số, ký hiệu văn bản, Tệp minh chứng: nếu có.',
    '• Số lượt người và các cột chỉ tiêu: chỉ ghi số nguyên không âm (0, 1, 2…), không ghi chữ hay đơn vị tính; để trống nếu không có.',
    '• Cột "Mã dòng" (ẩn, cuối bảng) do phần mềm dùng: không sửa, không xóa.',
    '',
    '# 3. Những điều không được làm',
    '• Không đổi tên, xóa hay đổi thứ tự các tiêu đề cột; không xóa các trang tính.',
    '• Không sửa mã nhiệm vụ, mã đơn vị, mã chỉ tiêu.',
    '• Có thể chèn, xóa, sắp xếp dòng trong trang "Hoạt động"; có thể đổi cỡ chữ, độ rộng cột.',
    '',
    '# 4. Gửi lại',
    '• Lưu tệp dạng Excel (.xlsx) — trong LibreOffice chọn "Giữ định dạng hiện tại" / Excel 2007-365; trong WPS chọn .xlsx.',
    `• Giữ nguyên tên tệp hoặc đặt tên có mã đơn vị ${report.unit.code}, rồi gửi về ${report.unit.parentName || 'đơn vị cấp trên'} qua thư điện tử hoặc USB.`,
    '• Mật khẩu bảo vệ trang tính: không có (bảo vệ chỉ để tránh sửa nhầm các ô cố định).',
  ];
}

function guidePlan(report: UnitReport): SheetPlan {
  const lines = guideLines(report);
  // Narrow enough for portrait A4 at 100 %: LibreOffice did not apply fit-to-width to this one-column sheet.
  const column: ColumnDef = { key: 'text', header: SHEET_NAMES.guide, width: 80, kind: 'text' };
  return {
    key: 'guide',
    name: SHEET_NAMES.guide,
    state: 'visible',
    columns: [column],
    header: null,
    orientation: 'portrait',
    tableHeader: false,
    rowCount: lines.length,
    rows: function* () {
      for (const line of lines) yield [line.startsWith('# ') ? line.slice(2) : line === '' ? null : line];
    },
    blankRows: 0,
    rowBold: (i) => lines[i]?.startsWith('# ') ?? false,
    validations: [],
    editableCols: null,
    hiddenCols: new Set(),
    freezeHeader: false,
    autoFilter: false,
  };
}

/** Where each list lives on "_danhmuc" (column, rows 2..n+1). */
interface ListRanges {
  status: string;
  type: string;
  itemIds: string;
}

function listsPlan(report: UnitReport): { plan: SheetPlan; ranges: ListRanges } {
  const statuses = WORKBOOK_STATUSES.map((s) => WORKBOOK_STATUS_LABELS[s]);
  const types = [...ACTIVITY_TYPE_CELL_LABELS];
  const ids = report.items.map((i) => i.id);
  const rows = Math.max(statuses.length, types.length, ids.length);
  const sheet = `'${SHEET_NAMES.lists}'`;
  const range = (col: string, n: number) => `${sheet}!$${col}$2:$${col}$${Math.max(2, n + 1)}`;
  const columns: ColumnDef[] = [
    { key: 'status', header: 'Trạng thái', width: 18, kind: 'text' },
    { key: 'type', header: 'Loại hoạt động', width: 36, kind: 'text' },
    { key: 'itemId', header: 'Nhiệm vụ', width: 12, kind: 'text' },
  ];
  return {
    ranges: { status: range('A', statuses.length), type: range('B', types.length), itemIds: range('C', ids.length) },
    plan: hiddenSheetPlan('lists', columns, 'hidden', rows, function* () {
      for (let i = 0; i < rows; i++) yield [statuses[i] ?? null, types[i] ?? null, ids[i] ?? null];
    }),
  };
}

const col = (columns: readonly ColumnDef[], key: string): number => columns.findIndex((c) => c.key === key) + 1;

function listRule(range: string, strict: boolean, title: string, message: string): import('exceljs').DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: title,
    error: message,
  };
}

const COUNT_RULE: import('exceljs').DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Số không hợp lệ',
  error: 'Chỉ nhập số nguyên không âm (0, 1, 2…), không ghi chữ hay đơn vị tính.',
};

const DATE_RULE: import('exceljs').DataValidation = {
  type: 'date',
  operator: 'between',
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: 'Ngày không hợp lệ',
  error: 'Nhập ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), từ năm 2000 đến năm 2100, ví dụ 15/03/2025.',
  showInputMessage: true,
  promptTitle: 'Ngày',
  prompt: 'dd/mm/yyyy, ví dụ 15/03/2025',
};

/** The template's sheet plans: the report's, adjusted, plus "Hướng dẫn" and "_danhmuc". */
export function templateSheetPlans(report: UnitReport, blankRows: number, options: WriteOptions = {}): SheetPlan[] {
  const [info, progress, activities, indicators] = reportSheetPlans(report, options) as [
    SheetPlan,
    SheetPlan,
    SheetPlan,
    SheetPlan,
    SheetPlan,
  ];
  const lists = listsPlan(report);

  info.editableCols = new Set();
  // «Ngày lập báo cáo»: the row of "Thông tin" the unit fills (its report's date of handing in),
  // and, in a template made without a period, the three period cells: only their values open.
  const infoRows = info.rows;
  info.rows = function* () {
    yield* infoRows();
    yield [TEMPLATE_REPORT_DATE_FIELD.label, null];
  };
  info.rowCount += 1;
  const reportDateRow = info.rowCount - 1;
  const openPeriod = report.period.key === '' ? new Set(PERIOD_FIELDS.map((k) => INFO_FIELDS.findIndex((f) => f.key === k))) : new Set<number>();
  const valueCol = col(INFO_COLUMNS, 'value');
  info.editableCells = (index, c) => c === valueCol && (index === reportDateRow || openPeriod.has(index));

  // The sheet's own columns: "Số mục" may stand after "Mã nhiệm vụ" (progressColumns).
  const pCols = progress.columns;
  progress.editableCols = new Set([col(pCols, 'status'), col(pCols, 'note'), col(pCols, 'evidence')]);
  progress.validations = [
    {
      col: col(pCols, 'status'),
      validation: listRule(lists.ranges.status, true, 'Trạng thái không hợp lệ', 'Chọn trạng thái trong danh sách.'),
    },
  ];

  activities.blankRows = blankRows;
  const aCols = activities.columns;
  activities.validations = [
    { col: col(ACTIVITY_COLUMNS, 'date'), validation: DATE_RULE },
    {
      col: col(ACTIVITY_COLUMNS, 'itemIds'),
      validation: listRule(
        lists.ranges.itemIds,
        false,
        'Mã nhiệm vụ',
        'Chọn mã nhiệm vụ trong danh sách; nhiều nhiệm vụ thì ghi các mã cách nhau bằng dấu chấm phẩy (III.2.4; III.3.1).',
      ),
    },
    {
      col: col(ACTIVITY_COLUMNS, 'type'),
      validation: listRule(lists.ranges.type, true, 'Loại hoạt động không hợp lệ', 'Chọn loại hoạt động trong danh sách.'),
    },
    { col: col(ACTIVITY_COLUMNS, 'participants'), validation: COUNT_RULE },
    ...aCols.flatMap((c, i) => (c.key.startsWith('indicator:') ? [{ col: i + 1, validation: COUNT_RULE }] : [])),
  ];

  indicators.editableCols = new Set([
    col(INDICATOR_COLUMNS, 'value'),
    col(INDICATOR_COLUMNS, 'adjustment'),
    col(INDICATOR_COLUMNS, 'adjustmentReason'),
  ]);
  indicators.validations = [
    { col: col(INDICATOR_COLUMNS, 'value'), validation: COUNT_RULE },
    {
      col: col(INDICATOR_COLUMNS, 'adjustment'),
      validation: { ...COUNT_RULE, operator: 'between', formulae: [-1e12, 1e12], error: 'Chỉ nhập số nguyên (có thể âm).' },
    },
  ];

  return [protectWhole(guidePlan(report)), info, progress, activities, indicators, protectWhole(lists.plan), machineSheetPlan(report)];
}

/** The "Thông tin" fields a unit fills in on a template made without a period. */
const PERIOD_FIELDS = ['periodName', 'periodStart', 'periodEnd'] as const;

/** Nothing on the guide and the lists is data: protected whole, like the fixed cells elsewhere. */
function protectWhole(plan: SheetPlan): SheetPlan {
  return { ...plan, editableCols: new Set() };
}

/** The blank template workbook, as .xlsx bytes. */
export async function writeTemplate(input: TemplateInput, options: WriteOptions = {}): Promise<Uint8Array> {
  const report = templateReport(input);
  const plans = templateSheetPlans(report, input.blankRows ?? TEMPLATE_BLANK_ROWS, options);
  return writePlansInMemory(report, plans, options);
}
