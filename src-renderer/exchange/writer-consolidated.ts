/**
 * The consolidated report workbook (kind 'consolidated', format version 2) and the small
 * completeness workbook, in memory: `writeConsolidatedReport(report) → bytes` runs in the
 * browser's module worker and in Node alike. writer-consolidated-stream.ts writes the same
 * sheets through ExcelJS's streaming writer (desktop main process, large files).
 *
 * One layout for both: `consolidatedSheetPlans` describes every sheet as the unit report's
 * SheetPlans do (writer-layout.ts), and `writeSheets` applies them, so the official header, A4
 * set-up at a legible scale, repeated header row and columns, page numbers, frozen header, autofilter,
 * formula-safe NFC text and UTC calendar dates are exactly the unit report's.
 *
 * Pure module.
 */
import { UNIT_LEVEL_LABELS } from '@domain/units';
import { type OfficialHeaderText, type Orientation } from './print';
import { numberCell } from './safe-cell';
import { COMPLETENESS_COLUMNS, COMPLETENESS_MACHINE_KIND, CONSOLIDATED_INFO_FIELDS, consolidatedActivityColumns, consolidatedIndicatorColumns, consolidatedMachineRows, INFO_COLUMNS, ITEM_SUMMARY_COLUMNS, UNIT_INDICATOR_COLUMNS, UNIT_INDICATOR_TARGET_LABEL, UNIT_INDICATOR_TOTAL_LABEL, UNIT_INDICATOR_VALUE_WIDTH, type ColumnDef, type ConsolidatedInfoFieldKey, type SheetKey } from './spec';
import { COMPLETENESS_STATE_LABELS, completenessCounts, STATUS_COUNT_KEYS, type ConsolidatedReport } from '@domain/report';
import type { WithActivityRows } from './activity-pack';

/** A consolidated report as the writers read it (its activities counted and read in order). */
type Consolidated = WithActivityRows<ConsolidatedReport>;
import { formatInstantVn, vnDayOf } from '@domain/vn-time';
import { writePlansInMemory } from './writer';
import type { CellValue, RowValues, SheetPlan, WriteOptions } from './writer-layout';
import { ACTIVITY_TITLE_COLS, activitySheetRows, basePlan, dateCell, infoValues, machineRowsPlan, officialHeaderOf } from './writer-plans';
import { textCell } from './writer-text';

export type ProgressCallback = (written: number, total: number) => void;

export const CONSOLIDATED_CAPTIONS = Object.freeze({
  info: 'THÔNG TIN CHUNG',
  itemSummary: 'Biểu 1. TỔNG HỢP TIẾN ĐỘ THỰC HIỆN THEO NHIỆM VỤ',
  unitIndicators: 'Biểu 2. KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ',
  activities: 'Biểu 3. DANH SÁCH HOẠT ĐỘNG CỦA CÁC ĐƠN VỊ',
  completeness: 'Biểu 4. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ',
});

/**
 * "Tổng hợp kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025" (the completeness
 * list: "Tình hình nộp báo cáo kết quả thực hiện …").
 */
export function consolidatedSubject(report: Pick<ConsolidatedReport, 'plan' | 'period'>, lead = 'Tổng hợp kết quả'): string {
  const plan = report.plan.number.trim() !== '' ? `Kế hoạch số ${report.plan.number}` : report.plan.title || 'Kế hoạch';
  const what = `${lead} thực hiện ${plan}`;
  return report.period.name.trim() !== '' ? `${what} — ${report.period.name}` : what;
}

/** What the official header of each kind of workbook says above its tables. */
interface DocumentKind {
  documentType: string;
  subjectLead: string;
}
const CONSOLIDATED_DOCUMENT: DocumentKind = { documentType: 'BÁO CÁO TỔNG HỢP', subjectLead: 'Tổng hợp kết quả' };
const COMPLETENESS_DOCUMENT: DocumentKind = { documentType: 'DANH SÁCH NỘP BÁO CÁO', subjectLead: 'Tình hình nộp báo cáo kết quả' };

function headerText(report: Consolidated, options: WriteOptions, caption: string, doc: DocumentKind): OfficialHeaderText {
  const date = options.documentDate ?? vnDayOf(report.exportedAt);
  return officialHeaderOf(report.unit, options, date, doc.documentType, consolidatedSubject(report, doc.subjectLead), caption);
}

function plan(
  key: SheetKey,
  columns: ColumnDef[],
  header: OfficialHeaderText,
  orientation: Orientation,
  rowCount: number,
  rows: () => Iterable<RowValues>,
  extra: Partial<SheetPlan> = {},
): SheetPlan {
  return { ...basePlan(key, columns), header, orientation, rowCount, rows, ...extra };
}

function consolidatedInfoValues(report: Consolidated): Record<ConsolidatedInfoFieldKey, CellValue> {
  const c = report.consolidation;
  const counts = completenessCounts(c);
  return {
    ...infoValues(report),
    deadline: dateCell(c.deadline),
    unitsExpected: c.completeness.length,
    unitsOnTime: counts['da-nop'],
    unitsLate: counts['nop-muon'],
    unitsMissing: counts['chua-nop'],
    reportsSummed: c.units.reduce((sum, u) => sum + u.reports, 0),
  };
}

function infoPlan(report: Consolidated, options: WriteOptions, doc: DocumentKind): SheetPlan {
  return plan(
    'info',
    [...INFO_COLUMNS],
    headerText(report, options, CONSOLIDATED_CAPTIONS.info, doc),
    'portrait',
    CONSOLIDATED_INFO_FIELDS.length,
    function* () {
      const values = consolidatedInfoValues(report);
      for (const f of CONSOLIDATED_INFO_FIELDS) yield [f.label, values[f.key]];
    },
    { autoFilter: false },
  );
}

function completenessPlan(report: Consolidated, options: WriteOptions, caption: string, doc: DocumentKind): SheetPlan {
  const entries = report.consolidation.completeness;
  return plan('completeness', [...COMPLETENESS_COLUMNS], headerText(report, options, caption, doc), 'portrait', entries.length, function* () {
    let n = 0;
    for (const e of entries) {
      n++;
      yield [
        n,
        textCell(e.unitCode),
        textCell(e.unitName),
        COMPLETENESS_STATE_LABELS[e.state] ?? textCell(e.state),
        e.submittedAt === '' ? null : formatInstantVn(e.submittedAt),
        numberCell(e.activityCount),
      ];
    }
  });
}


/** The sheets of a consolidated report, in workbook order. */
export function consolidatedSheetPlans(report: Consolidated, options: WriteOptions = {}): SheetPlan[] {
  const c = report.consolidation;
  const docType = CONSOLIDATED_DOCUMENT;

  const itemSummary = plan(
    'itemSummary',
    [...ITEM_SUMMARY_COLUMNS],
    headerText(report, options, CONSOLIDATED_CAPTIONS.itemSummary, docType),
    'landscape',
    c.items.length,
    function* () {
      for (const it of c.items) {
        const row: RowValues = [textCell(it.id), textCell(it.groupTitle), textCell(it.text)];
        let sum = 0;
        for (const k of STATUS_COUNT_KEYS) {
          const v = it.counts[k] ?? 0;
          sum += v;
          row.push(v);
        }
        row.push(sum, numberCell(it.activityCount));
        yield row;
      }
    },
  );

  // Headers are cell text too: NFC, nothing XML cannot carry (the machine sheet maps them back).
  const indCols = consolidatedIndicatorColumns(report).map((ic) => ({ code: ic.code, header: textCell(ic.header) ?? ic.code }));
  const unitColumns: ColumnDef[] = [
    ...UNIT_INDICATOR_COLUMNS,
    ...indCols.map((ic): ColumnDef => ({ key: `indicator:${ic.code}`, header: ic.header, width: UNIT_INDICATOR_VALUE_WIDTH, kind: 'int' })),
  ];
  const hasTargets = report.indicators.some((i) => i.target !== null && indCols.some((ic) => ic.code === i.code));
  const unitIndicators = plan(
    'unitIndicators',
    unitColumns,
    headerText(report, options, CONSOLIDATED_CAPTIONS.unitIndicators, docType),
    'landscape',
    c.units.length + 1 + (hasTargets ? 1 : 0),
    function* () {
      let n = 0;
      let reports = 0;
      let activities = 0;
      const totals = indCols.map(() => 0);
      for (const u of c.units) {
        n++;
        reports += u.reports;
        activities += u.activityCount;
        const row: RowValues = [n, textCell(u.unitCode), textCell(u.unitName), UNIT_LEVEL_LABELS[u.level] ?? textCell(u.level), u.reports, numberCell(u.activityCount)];
        indCols.forEach((ic, i) => {
          const v = u.values[ic.code];
          if (typeof v === 'number' && Number.isFinite(v)) totals[i]! += v;
          row.push(numberCell(v));
        });
        yield row;
      }
      // Plain numbers, not formulas: every program and our reader see them without recalculating.
      yield [null, null, UNIT_INDICATOR_TOTAL_LABEL, null, reports, activities, ...totals];
      if (hasTargets) {
        const targets = new Map(report.indicators.map((i) => [i.code, i.target]));
        yield [null, null, UNIT_INDICATOR_TARGET_LABEL, null, null, null, ...indCols.map((ic) => numberCell(targets.get(ic.code) ?? null))];
      }
    },
    // STT, Mã đơn vị, Tên đơn vị: what names a row on the page across.
    { rowBold: (index) => index >= c.units.length, printTitleCols: 3 },
  );

  const activityColumns = consolidatedActivityColumns(indCols);
  const activities = plan(
    'activities',
    activityColumns,
    headerText(report, options, CONSOLIDATED_CAPTIONS.activities, docType),
    'landscape',
    report.activities.length,
    () => activitySheetRows(report.activities, indCols, (code) => report.consolidation.unitNames[code] ?? ''),
    { hiddenCols: new Set([activityColumns.length]), printTitleCols: ACTIVITY_TITLE_COLS },
  );

  return [
    infoPlan(report, options, docType),
    itemSummary,
    unitIndicators,
    activities,
    completenessPlan(report, options, CONSOLIDATED_CAPTIONS.completeness, docType),
    machineRowsPlan(consolidatedMachineRows(report)),
  ];
}

/** The sheets of the completeness workbook: "Thông tin", "Tình hình nộp báo cáo", "_sokh". */
export function completenessSheetPlans(report: Consolidated, options: WriteOptions = {}): SheetPlan[] {
  const docType = COMPLETENESS_DOCUMENT;
  return [
    infoPlan(report, options, docType),
    completenessPlan(report, options, 'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ', docType),
    machineRowsPlan(consolidatedMachineRows(report, COMPLETENESS_MACHINE_KIND)),
  ];
}

/** The sheets a consolidated workbook is made of (the report's, or the completeness list's). */
export type ConsolidatedPlans = (report: ConsolidatedReport, options: WriteOptions) => SheetPlan[];

/** `options` with `onProgress` (the writers' third argument) when one is given. */
export function withProgress(options: WriteOptions, onProgress?: ProgressCallback): WriteOptions {
  return onProgress ? { ...options, onProgress } : options;
}

/** The in-memory writer of `plans`: .xlsx bytes; progress every PROGRESS_EVERY rows and at the end. */
function inMemory(plans: ConsolidatedPlans) {
  return (report: ConsolidatedReport, options: WriteOptions = {}, onProgress?: ProgressCallback): Promise<Uint8Array> => {
    const opts = withProgress(options, onProgress);
    return writePlansInMemory(report, plans(report, opts), opts);
  };
}

/** The consolidated report workbook, as .xlsx bytes. */
export const writeConsolidatedReport = inMemory(consolidatedSheetPlans);

/** The completeness workbook ("Thông tin" + "Tình hình nộp báo cáo"); not meant to be imported. */
export const writeCompletenessWorkbook = inMemory(completenessSheetPlans);
