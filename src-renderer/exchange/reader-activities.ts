/**
 * The sheet «Hoạt động», as both readers read it (a unit report or template: reader-v1.ts; a
 * consolidated report: reader-consolidated.ts). In three steps:
 *   1. activityTable: the table, its «Mã dòng» column, and which indicator each extra column is;
 *   2. readActivityRow, per row: its cells (a failed one said at the cell, the row left out),
 *      its unit and its identity («Mã dòng»);
 *   3. the sheet as a whole: a unit report whose «Mã dòng» column is gone says so.
 *
 * Decisions: a row without a «Mã dòng», or with something that is not a UUID, is a new activity
 * (`id` ''); a UUID seen a second time (a copied row) makes that later row new too. A blank «Mã
 * đơn vị» means the report's unit. Counts and texts are capped as the activity form caps them
 * (domain/activity.ts). Pure module.
 */
import { formatDateVn } from '@domain/periods';
import { isUuid } from '@domain/ids';
import { parseActivityType, ACTIVITY_TEXT_LIMITS, ACTIVITY_TYPES, type ActivityType } from '@domain/activity';
import { formatCount } from '@domain/fields';
import { normalizeUnitCode } from '@domain/units';
import { cellText, parseCellDate, parseItemIds, parseLabel, type CellParse, type LabelOption } from './cell-values';
import type { ProblemDetail } from './problems';
import { mapIndicatorColumns, rowIsBlank, table, take, takeCapped, noteSkippedRow, type Add, type IndicatorCol, type Table } from './reader-cells';
import type { LocatedSheet } from './reader-sheets';
import { ACTIVITY_COLUMNS, ACTIVITY_ROW_ID_COLUMN, headerKey, SHEET_NAMES, type ColumnDef } from './spec';
import { type ReportActivity, type UnitReport, type WorkbookKind } from '@domain/report';

/** What reading the sheet needs of the workbook (reader-v1.ts V1Input has it). */
export interface ActivitiesInput {
  kind: WorkbookKind;
  machine: ReadonlyMap<string, string> | null;
  sheets: { activities?: LocatedSheet };
  date1904: boolean;
}

export interface ActivitiesRead {
  activities: ReportActivity[];
  /** Sheet row of each activity, same order. */
  rows: number[];
  /** False when the sheet (or a required column) is missing: nothing could be read. */
  readable: boolean;
}

const TYPE_OPTIONS: LabelOption<ActivityType>[] = ACTIVITY_TYPES.map((t) => ({ code: t.code, label: t.label }));


type LimitedText = keyof typeof ACTIVITY_TEXT_LIMITS;
const LIMITED_TEXTS = Object.keys(ACTIVITY_TEXT_LIMITS) as LimitedText[];

export function readActivities(
  input: ActivitiesInput,
  report: UnitReport,
  knownItemIds: ReadonlySet<string>,
  add: Add,
  itemsSheet: string = SHEET_NAMES.progress,
): ActivitiesRead {
  const sheet = activityTable(input, report, add);
  if (!sheet) return { activities: [], rows: [], readable: false };
  const ctx: RowContext = { ...sheet, input, report, knownItemIds, itemsSheet, add, seenIds: new Map(), directTypes: new Map(), unitCodes: new Map() };
  const { t, cRowId, substantive } = sheet;
  const activities: ReportActivity[] = [];
  const rows: number[] = [];
  for (let r = t.firstRow; r <= t.grid.rowCount; r++) {
    if (rowIsBlank(t, r, substantive)) {
      noteSkippedRow(t, r, substantive, cRowId === undefined ? new Set<number>() : new Set([cRowId]), 'ngày, nhiệm vụ, loại và tên hoạt động', add);
      continue;
    }
    const activity = readActivityRow(ctx, r);
    if (!activity) continue;
    activities.push(activity);
    rows.push(r);
  }
  // A unit report whose "Mã dòng" column was deleted (or lost when the rows were copied into
  // another file): no activity can be matched with what an earlier import of this report holds.
  if (input.kind !== 'template' && cRowId === undefined && activities.length > 0) {
    add('warning', { sheet: t.grid.name }, { code: 'row-id-column-missing', header: ACTIVITY_ROW_ID_COLUMN.header, count: activities.length });
  }
  return { activities, rows, readable: true };
}

interface ActivityTable {
  t: Table;
  /** The «Mã dòng» column, found by its header (it is not one of ACTIVITY_COLUMNS). */
  cRowId: number | undefined;
  indicatorCols: IndicatorCol[];
  /** The columns whose content makes a row an activity (an empty one is skipped). */
  substantive: number[];
}

/** Step 1: the sheet's table and what its columns are; null when it cannot be read. */
function activityTable(input: ActivitiesInput, report: UnitReport, add: Add): ActivityTable | null {
  const t = table(input.sheets.activities);
  if (!t) return null;
  const header = t.sheet.header!;
  let cRowId: number | undefined;
  for (const [c, text] of header.headers) if (headerKey(text) === headerKey(ACTIVITY_ROW_ID_COLUMN.header)) cRowId = c;
  // Indicator columns: every other header after the fixed ones.
  const fixed = new Set<number>([...header.columns.values(), ...(cRowId ? [cRowId] : [])]);
  const indicatorCols = mapIndicatorColumns(input, report.indicators, header.headers, fixed, t, add);
  const substantive = (ACTIVITY_COLUMNS as readonly ColumnDef[])
    .filter((d) => !d.derived && d.key !== 'unitCode')
    .map((d) => t.col(d.key))
    .filter((c): c is number => c !== undefined)
    .concat(indicatorCols.map((ic) => ic.col));
  return { t, cRowId, indicatorCols, substantive };
}

interface RowContext extends ActivityTable {
  input: ActivitiesInput;
  report: UnitReport;
  knownItemIds: ReadonlySet<string>;
  itemsSheet: string;
  add: Add;
  /** «Mã dòng» already met (lower case) → its row. */
  seenIds: Map<string, number>;
  /** A sheet holds a handful of distinct type labels and unit codes: each is parsed once. */
  directTypes: Map<string, ActivityType | null>;
  unitCodes: Map<string, string>;
}

/** Step 2: one non-blank row as an activity, or null when a cell failed (said at the cell). */
function readActivityRow(ctx: RowContext, r: number): ReportActivity | null {
  const cells = activityCells(ctx, r);
  const unitCode = activityUnit(ctx, r);
  const id = activityRowId(ctx, r);
  if (!cells) return null;
  const { report, t, add } = ctx;
  const { date } = cells;
  if (report.period.start !== '' && report.period.end !== '' && (date < report.period.start || date > report.period.end)) {
    add('warning', { sheet: t.grid.name, row: r, column: t.headerOf(t.col('date')!) }, { code: 'date-outside-period', date: formatDateVn(date), start: formatDateVn(report.period.start), end: formatDateVn(report.period.end) });
  }
  const { itemIds, type, title, content, location, participants, evidenceDoc, evidenceFile, indicators } = cells;
  return { id, date, unitCode, itemIds, type, title, content, location, participants, evidenceDoc, evidenceFile, indicators };
}

type ActivityCells = Omit<ReportActivity, 'id' | 'unitCode'>;

/** The row's own cells, each checked; null when any failed (every failure is said). */
function activityCells(ctx: RowContext, r: number): ActivityCells | null {
  const { t, add, input, itemsSheet, knownItemIds, indicatorCols } = ctx;
  let failed = false;
  const at = (key: string) => t.col(key)!;
  const place = (c: number) => ({ sheet: t.grid.name, row: r, column: t.headerOf(c) });
  const v = (key: string) => t.grid.value(r, at(key));
  const need = <T>(key: string, parsed: CellParse<T>, missing: ProblemDetail): T | null => {
    const value = take(t, r, at(key), parsed, add);
    if (value === undefined) {
      failed = true;
      return null;
    }
    if (value === null || (Array.isArray(value) && value.length === 0)) {
      add('error', place(at(key)), missing);
      failed = true;
      return null;
    }
    return value;
  };

  const date = need('date', parseCellDate(v('date'), input.date1904), { code: 'date-missing' });
  const itemIds = need('itemIds', parseItemIds(v('itemIds')), { code: 'item-ids-missing', itemsSheet });
  if (itemIds && knownItemIds.size > 0) {
    const unknown = itemIds.filter((id) => !knownItemIds.has(id));
    if (unknown.length > 0) {
      add('error', place(at('itemIds')), { code: 'item-ids-unknown', ids: unknown, itemsSheet });
      failed = true;
    }
  }
  const type = need('type', typeOf(ctx, v('type')), { code: 'type-missing' });
  const title = cellText(v('title'));
  if (title === '') {
    add('error', place(at('title')), { code: 'title-missing' });
    failed = true;
  }
  // Text cells as the form limits them (ACTIVITY_TEXT_LIMITS): a longer one is refused.
  const texts: Record<LimitedText, string> = { title, content: '', location: '', evidenceDoc: '', evidenceFile: '' };
  for (const key of LIMITED_TEXTS) {
    const c = t.col(key);
    if (c === undefined) continue;
    if (key !== 'title') texts[key] = cellText(t.grid.value(r, c), key === 'content');
    const max = ACTIVITY_TEXT_LIMITS[key];
    if (texts[key].length > max) {
      add('error', place(c), { code: 'text-too-long', shown: texts[key], length: formatCount(texts[key].length), max: formatCount(max) });
      failed = true;
    }
  }
  let participants: number | null = null;
  const cPart = t.col('participants');
  if (cPart !== undefined) {
    const p = takeCapped(t, r, cPart, false, 'cho một hoạt động', add);
    if (p === undefined) failed = true;
    else participants = p;
  }
  const indicators: Record<string, number> = {};
  for (const ic of indicatorCols) {
    const n = takeCapped(t, r, ic.col, false, 'cho một hoạt động', add);
    if (n === undefined) failed = true;
    else if (n !== null && n !== 0) indicators[ic.code] = n;
  }
  if (failed || !date || !itemIds || !type) return null;
  const { content, location, evidenceDoc, evidenceFile } = texts;
  return { date, itemIds, type, title, content, location, participants, evidenceDoc, evidenceFile, indicators };
}

/** The type cell: the app's own label (parseActivityType) first, else any label or alias. */
function typeOf(ctx: RowContext, cell: unknown): CellParse<ActivityType> {
  const text = cellText(cell);
  let direct = ctx.directTypes.get(text);
  if (direct === undefined) {
    direct = parseActivityType(text);
    ctx.directTypes.set(text, direct);
  }
  return direct ? { ok: true, value: direct } : parseLabel(cell, TYPE_OPTIONS);
}

/** The unit the row is counted for: its «Mã đơn vị», blank meaning the report's unit. */
function activityUnit(ctx: RowContext, r: number): string {
  const { t, report, add, input } = ctx;
  const c = t.col('unitCode');
  const unitText = c === undefined ? '' : cellText(t.grid.value(r, c));
  if (unitText === '') return report.unit.code;
  let code = ctx.unitCodes.get(unitText);
  if (code === undefined) {
    code = normalizeUnitCode(unitText);
    ctx.unitCodes.set(unitText, code);
  }
  // A unit's report is about that unit: an activity is counted for it whatever code the row
  // gives (a consolidated report lists every unit's activities under their own codes).
  if (input.kind !== 'consolidated' && code !== report.unit.code && report.unit.code !== '') {
    add('warning', { sheet: t.grid.name, row: r, column: t.headerOf(c!) }, { code: 'activity-unit-differs', shown: unitText, unit: report.unit.code });
  }
  return code;
}

/** The row's identity: its «Mã dòng» when it is one the app wrote and not a copy, else '' (new). */
function activityRowId(ctx: RowContext, r: number): string {
  const { t, cRowId, add, seenIds } = ctx;
  if (cRowId === undefined) return '';
  const raw = cellText(t.grid.value(r, cRowId));
  if (raw === '') return '';
  const place = { sheet: t.grid.name, row: r, column: t.headerOf(cRowId) };
  if (!isUuid(raw)) {
    add('warning', place, { code: 'row-id-invalid', shown: raw });
    return '';
  }
  const lower = raw.toLowerCase();
  const first = seenIds.get(lower);
  if (first !== undefined) {
    add('warning', place, { code: 'row-id-duplicate', first });
    return '';
  }
  seenIds.set(lower, r);
  return lower;
}
