/**
 * The sheet plans of a unit report (template.ts adds to these): what each sheet holds, row by
 * row, for the write engine (writer-layout.ts) to write.
 *
 * Pure module.
 */
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { UNIT_LEVEL_LABELS } from '@domain/units';
import { placeAndDateLine, type OfficialHeaderText } from './print';
import { numberCell } from './safe-cell';
import { ACTIVITY_COLUMNS, activitySheetColumns, ATTRIBUTE_COLUMN_PREFIX, calendarDateToCell, formatIds, indicatorColumns, INDICATOR_COLUMNS, INFO_COLUMNS, INFO_FIELDS, MACHINE_COLUMNS, machineRows, PROGRESS_LABEL_COLUMN, progressColumns, SHEET_NAMES, type ColumnDef, type IndicatorColumn, type InfoFieldKey, type SheetKey } from './spec';
import { formatInstantVn, vnDayOf } from '@domain/vn-time';
import { WORKBOOK_STATUS_LABELS, type ReportActivity, type UnitReport } from '@domain/report';
import { textsAlreadySafe, type WithActivityRows } from './activity-pack';
import { knownSafeTextCell, textCell } from './writer-text';
import type { CellValue, RowValues, SheetPlan, WriteOptions } from './writer-layout';

// ---------------------------------------------------------------------------------------------
// Sheet plans of a unit report (template.ts adds to these).

export const SHEET_CAPTIONS: Readonly<Record<'info' | 'progress' | 'activities' | 'indicators', string>> = {
  info: 'THÔNG TIN CHUNG',
  progress: 'Biểu 1. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
  activities: 'Biểu 2. DANH SÁCH HOẠT ĐỘNG',
  indicators: 'Biểu 3. KẾT QUẢ CÁC CHỈ TIÊU',
};


export function reportSubject(report: Pick<UnitReport, 'plan' | 'period'>): string {
  const plan = report.plan.number.trim() !== '' ? `Kế hoạch số ${report.plan.number}` : report.plan.title || 'Kế hoạch';
  return report.period.name.trim() !== '' ? `Kết quả thực hiện ${plan} — ${report.period.name}` : `Kết quả thực hiện ${plan}`;
}

function headerText(report: WithActivityRows<UnitReport>, options: WriteOptions, caption: string): OfficialHeaderText {
  const date = options.documentDate ?? (report.kind === 'template' ? null : vnDayOf(report.exportedAt));
  return officialHeaderOf(report.unit, options, date, 'BÁO CÁO', reportSubject(report), caption);
}

/** The official header above a sheet's table (print.ts lays it out): who issues it, its number, place and date, type and subject. */
export function officialHeaderOf(
  unit: Pick<UnitReport['unit'], 'parentName' | 'name'>,
  options: WriteOptions,
  date: string | null,
  documentType: string,
  subject: string,
  caption: string,
): OfficialHeaderText {
  const number = options.documentNumber?.trim() ?? '';
  return {
    parentBody: textCell(unit.parentName) ?? '',
    unitName: textCell(unit.name) ?? '',
    documentNumberLine: number === '' ? '' : `Số: ${textCell(number) ?? ''}`,
    placeAndDate: placeAndDateLine(textCell(options.place ?? '') ?? '', date),
    documentType,
    subject: textCell(subject) ?? '',
    caption,
  };
}

/** A calendar date cell ('' → empty). */
export function dateCell(date: string): Date | null {
  return date === '' ? null : calendarDateToCell(date);
}

/** The values of the "Thông tin" rows every report has (a consolidated one adds its own). */
export function infoValues(report: WithActivityRows<UnitReport>): Record<InfoFieldKey, CellValue> {
  return {
    unitName: textCell(report.unit.name),
    unitCode: textCell(report.unit.code),
    unitLevel: textCell(report.unit.levelName || (UNIT_LEVEL_LABELS[report.unit.level] ?? report.unit.level)),
    parentName: textCell(report.unit.parentName),
    planNumber: textCell(report.plan.number),
    planTitle: textCell(report.plan.title),
    periodName: textCell(report.period.name),
    periodStart: dateCell(report.period.start),
    periodEnd: dateCell(report.period.end),
    exportedAt: report.exportedAt === '' ? null : formatInstantVn(report.exportedAt) + ' (giờ Việt Nam)',
    exportedBy: textCell(report.exportedBy),
    appVersion: textCell(report.appVersion),
    formatVersion: report.formatVersion,
  };
}

/** A visible table sheet: header row, frozen, filtered; the caller adds its rows, header and orientation. */
export function basePlan(key: SheetKey, columns: ColumnDef[]): Omit<SheetPlan, 'rowCount' | 'rows' | 'header' | 'orientation'> {
  return {
    key,
    name: SHEET_NAMES[key],
    state: 'visible',
    columns,
    tableHeader: true,
    blankRows: 0,
    validations: [],
    editableCols: null,
    hiddenCols: new Set(),
    freezeHeader: true,
    autoFilter: true,
  };
}

/** "STT" and "Ngày": what names an activity's row on the second page across of its sheet. */
export const ACTIVITY_TITLE_COLS = 2;

/** The sheets of a unit report, in workbook order. */
export function reportSheetPlans(report: WithActivityRows<UnitReport>, options: WriteOptions = {}): SheetPlan[] {
  const info: SheetPlan = {
    ...basePlan('info', [...INFO_COLUMNS]),
    header: headerText(report, options, SHEET_CAPTIONS.info),
    orientation: 'portrait',
    autoFilter: false,
    rowCount: INFO_FIELDS.length,
    rows: function* () {
      const values = infoValues(report);
      for (const f of INFO_FIELDS) yield [f.label, values[f.key]];
    },
    rowBold: () => false,
  };

  // "Số mục" and the attribute columns only when the plan printed numbers or attributes.
  const progressCols = progressColumns(report.items);
  const withLabels = progressCols.some((c) => c.key === PROGRESS_LABEL_COLUMN.key);
  const attributeNames = progressCols.filter((c) => c.key.startsWith(ATTRIBUTE_COLUMN_PREFIX)).map((c) => c.header);
  const progress: SheetPlan = {
    ...basePlan('progress', progressCols),
    header: headerText(report, options, SHEET_CAPTIONS.progress),
    orientation: 'landscape',
    rowCount: report.items.length,
    rows: function* () {
      for (const it of report.items) {
        yield [
          textCell(it.id),
          ...(withLabels ? [textCell(it.label ?? '')] : []),
          textCell(it.groupTitle),
          textCell(it.text),
          it.status ? WORKBOOK_STATUS_LABELS[it.status] : null,
          textCell(it.note),
          textCell(it.evidence),
          report.kind === 'template' ? null : numberCell(it.activityCount),
          ...attributeNames.map((name) => textCell(it.attributes?.[name] ?? '')),
        ];
      }
    },
  };

  // indicatorColumns looks at every activity: once here, then the columns from its result (the
  // same columns activitySheetColumns(report) gives: a report of exactly these indicators and no
  // activity yields exactly these indicator columns).
  const indCols = indicatorColumns(report);
  const activityColumns = activitySheetColumns({
    indicators: indCols.map((c) => ({ code: c.code, name: c.header, unit: '', value: 0, target: null, adjustment: 0, adjustmentReason: '' })),
    activities: [],
  });
  const activities: SheetPlan = {
    ...basePlan('activities', activityColumns),
    header: headerText(report, options, SHEET_CAPTIONS.activities),
    orientation: 'landscape',
    hiddenCols: new Set([activityColumns.length]),
    printTitleCols: ACTIVITY_TITLE_COLS,
    rowCount: report.activities.length,
    rows: () => activitySheetRows(report.activities, indCols),
  };

  const indicators: SheetPlan = {
    ...basePlan('indicators', [...INDICATOR_COLUMNS]),
    header: headerText(report, options, SHEET_CAPTIONS.indicators),
    orientation: 'landscape',
    rowCount: report.indicators.length,
    rows: function* () {
      const template = report.kind === 'template';
      for (const ind of report.indicators) {
        yield [
          textCell(ind.code),
          textCell(ind.name),
          textCell(ind.unit),
          template ? null : numberCell(ind.value),
          numberCell(ind.target),
          template ? null : numberCell(ind.adjustment),
          textCell(ind.adjustmentReason),
        ];
      }
    },
  };

  return [info, progress, activities, indicators, machineSheetPlan(report, indCols)];
}

/**
 * The rows of a "Hoạt động" sheet, in the columns of ACTIVITY_COLUMNS: STT, date, unit code,
 * then — only when `unitName` is given (the consolidated report) — the unit's name, then item
 * ids, type, title, content, location, participants, document, file; one cell per indicator
 * column; "Mã dòng" last.
 */
export function* activitySheetRows(
  activities: Iterable<ReportActivity>,
  indCols: readonly IndicatorColumn[],
  unitName?: (unitCode: string) => string,
): Generator<RowValues> {
  // Indicator code → its index in a row (after the fixed columns, before "Mã dòng").
  const firstIndicator = ACTIVITY_COLUMNS.length + (unitName ? 1 : 0);
  const indIndex = new Map(indCols.map((c, k) => [c.code, firstIndicator + k]));
  let n = 0;
  // One Date per calendar day: a period has a few hundred days and ExcelJS only reads them.
  const dates = new Map<string, Date>();
  // Texts known to be safe (checked once, all together) need only what textCell does to those.
  const text = textsAlreadySafe(activities) ? knownSafeTextCell : textCell;
  for (const a of activities) {
    n++;
    let date = dates.get(a.date);
    if (date === undefined) {
      date = calendarDateToCell(a.date);
      dates.set(a.date, date);
    }
    const row: RowValues = [n, date, text(a.unitCode)];
    if (unitName) row.push(textCell(unitName(a.unitCode)));
    row.push(
      // Item ids joined by IDS_SEPARATOR ('; '): safe when each id is.
      text(formatIds(a.itemIds)),
      ACTIVITY_TYPE_LABELS[a.type] ?? text(a.type),
      text(a.title),
      text(a.content),
      text(a.location),
      numberCell(a.participants),
      text(a.evidenceDoc),
      text(a.evidenceFile),
    );
    // Indicator columns: empty, then the activity's few values put in place (an activity
    // has 0–4 of them; looking each column up in every activity's object costs more).
    for (let k = 0; k < indCols.length; k++) row.push(null);
    for (const code in a.indicators) {
      const at = indIndex.get(code);
      if (at !== undefined) row[at] = numberCell(a.indicators[code]);
    }
    row.push(text(a.id));
    yield row;
  }
}

export function machineSheetPlan(report: WithActivityRows<UnitReport>, indicators?: readonly IndicatorColumn[]): SheetPlan {
  return machineRowsPlan(machineRows(report, indicators));
}

/** The very hidden machine sheet of any workbook: its key/value rows. */
export function machineRowsPlan(rows: readonly (readonly [string, string])[]): SheetPlan {
  return hiddenSheetPlan('machine', [...MACHINE_COLUMNS], 'veryHidden', rows.length, function* () {
    for (const [k, v] of rows) yield [textCell(k), textCell(v)];
  });
}

/** A sheet not meant for reading or printing (lists behind drop-downs, machine data): no header, not frozen, no filter. */
export function hiddenSheetPlan(key: SheetKey, columns: ColumnDef[], state: 'hidden' | 'veryHidden', rowCount: number, rows: () => Iterable<RowValues>): SheetPlan {
  return { ...basePlan(key, columns), state, header: null, orientation: 'portrait', freezeHeader: false, autoFilter: false, rowCount, rows };
}

