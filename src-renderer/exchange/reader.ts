/**
 * The workbook reader: bytes of a unit report or a filled template → UnitReport + problems.
 *
 *   readWorkbook(bytes, { fileName, limits?, expectedPlan? }) → Promise<ReadResult>
 *
 * Pure module (ExcelJS is loaded on first use, so importing this module costs nothing until a
 * file is read; in the app it runs in the exchange worker). It never throws for bad input: the
 * guards' refusals, ExcelJS's errors and every cell it cannot use become problems. It never
 * changes anything: it only returns data.
 *
 * Steps: guards (guards.ts: the zip directory, then a streaming inflate that stops at the
 * first part producing more than it declared) → grids (lean-workbook.ts for a file of the app's
 * own shape, else ExcelJS's load) → machine sheet "_sokh" (format, version,
 * kind) → the version's reader (READERS; version 1: reader-v1.ts) → counts.
 * A newer version than this build knows is refused with a message asking to update the app;
 * an older one goes through its own reader once one exists (each version keeps its reader, or
 * an adapter onto the next one).
 *
 * `report` is null only when the file as a whole cannot be read (refused by the guards,
 * unreadable by ExcelJS, a newer or unknown format, not one of our workbooks). Otherwise it
 * holds every row that read cleanly, and `problems` says what was left out and why.
 *
 * Identity of activity rows: `report.activities[i].id` is the UUID of "Mã dòng", or '' for a
 * row added by hand (or copied from another row): the importer assigns a new UUID to those.
 * `activityRows[i]` is the sheet row it came from, for pointing at it in the import preview.
 */
import type ExcelJS from 'exceljs';
import { inspectWorkbookBytes, baseName, verifyInflatedSizes, type WorkbookLimits } from './guards';
import { readLeanWorkbook } from './lean-workbook';
import { fileProblem, problemAt, type FileDetail, type Problem } from './problems';
import { readConsolidated } from './reader-consolidated';
import { findMachineGrid, keyValueRows, locateConsolidatedSheets, locateSheets, type Grid, type LocatedSheet } from './reader-sheets';
import { adderOf, noteSheetCells, type ExpectedPlan } from './reader-cells';
import { readV1 } from './reader-v1';
import {
  COMPLETENESS_MACHINE_KIND,
  FORMAT_ID,
  FORMAT_VERSION,
  INFO_FIELDS,
  MACHINE_KEYS,
  SHEET_NAMES,
  headerKey,
  type ConsolidatedSheetKey,
  type ReadableSheetKey,
} from './spec';
import { formatVersionFor, isConsolidated, WORKBOOK_KINDS, type UnitReport, type WorkbookKind } from '@domain/report';
import { cellText } from './cell-values';

export type { Problem } from './problems';
export type { ExpectedPlan } from './reader-cells';

export interface ReadOptions {
  /** The file's name as the officer knows it; used in every message (folders are dropped). */
  fileName: string;
  limits?: Partial<WorkbookLimits>;
  /** The plan the importer expects: a different fingerprint or id is a warning. */
  expectedPlan?: ExpectedPlan;
  /**
   * 'auto' (default): the lean reader (lean-workbook.ts) for a workbook of the app's own shape,
   * ExcelJS for anything else. 'exceljs': ExcelJS always (the tests proving both agree).
   */
  engine?: 'auto' | 'exceljs';
}

export interface ReadCounts {
  /** Plan item rows read. */
  items: number;
  /** Of those, items with a status. */
  itemsWithStatus: number;
  /** Activity rows read (without errors). */
  activities: number;
  /** Of those, rows without a row id (new, the importer assigns ids). */
  newActivities: number;
  /** Indicator rows read. */
  indicators: number;
  /** Rows of "Chỉ tiêu theo đơn vị" read (consolidated report; 0 otherwise). */
  units: number;
  /** Unit reports the file stands for: 1 for a unit report or template, the sum for a consolidated one. */
  reports: number;
  errors: number;
  warnings: number;
}

export interface ReadResult {
  report: UnitReport | null;
  problems: Problem[];
  counts: ReadCounts;
  /** For each report.activities[i], its row in the activity sheet. */
  activityRows: number[];
  /** The sheets as found in the file (names as the file has them), for messages and previews. */
  sheetNames: Partial<Record<ReadableSheetKey | ConsolidatedSheetKey, string>>;
}

/** Reads one file. Never throws for a bad file. */
export async function readWorkbook(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const file = baseName(options.fileName);
  const problems: Problem[] = [];
  const fail = (detail: FileDetail): ReadResult => finish(null, [...problems, fileProblem('error', file, detail)], [], {});
  const refused = (r: { code: Problem['code']; message: string }): ReadResult => finish(null, [...problems, { severity: 'error', code: r.code, file, message: r.message }], [], {});

  const guard = inspectWorkbookBytes(bytes, file, options.limits);
  if (!guard.ok) return refused(guard);
  const inflated = await verifyInflatedSizes(bytes, file, guard.entries, options.limits);
  if (!inflated.ok) return refused(inflated);

  let grids: Grid[];
  let date1904: boolean;
  const lean = options.engine === 'exceljs' ? null : readLeanWorkbook(bytes, guard.entries);
  if (lean) ({ grids, date1904 } = lean);
  else {
    let wb: ExcelJS.Workbook;
    try {
      wb = await loadWorkbook(bytes);
    } catch (err) {
      const { gist, detail } = describeLoadError(err);
      return fail({ code: 'unreadable', gist, detail });
    }
    grids = wb.worksheets.map(gridOf);
    date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  }

  try {
    return readGrids(grids, date1904, file, options, problems);
  } catch (err) {
    // A bug of ours or a shape nobody foresaw: still a message, never a crash of the caller.
    return fail({ code: 'unexpected', detail: err instanceof Error ? err.message : String(err) });
  }
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const mod = await import('exceljs');
  const Excel = (mod as unknown as { default?: typeof ExcelJS }).default ?? (mod as unknown as typeof ExcelJS);
  const wb = new Excel.Workbook();
  // ExcelJS wants an ArrayBuffer-like of exactly the file (Node: a Buffer; browser: ArrayBuffer).
  const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  await wb.xlsx.load(exact as ArrayBuffer);
  return wb;
}

/** What went wrong in Vietnamese, and the library's own words (kept, in brackets, for support). */
function describeLoadError(err: unknown): { gist: string; detail: string } {
  const msg = err instanceof Error ? err.message : String(err);
  if (/end of central directory|corrupted zip|invalid (zip|signature)|crc32|uncompressed size/i.test(msg)) return { gist: 'tệp nén bị hỏng', detail: msg };
  return { gist: 'cấu trúc bên trong bị hỏng hoặc không đúng chuẩn', detail: msg };
}

function gridOf(ws: ExcelJS.Worksheet): Grid {
  return {
    name: ws.name,
    state: ws.state,
    rowCount: ws.rowCount,
    columnCount: Math.max(ws.columnCount, ws.actualColumnCount),
    value: (row, col) => {
      const r = ws.findRow(row);
      if (!r) return null;
      const v = r.findCell(col)?.value;
      return v === undefined ? null : v;
    },
  };
}

function readGrids(grids: readonly Grid[], date1904: boolean, file: string, options: ReadOptions, problems: Problem[]): ReadResult {
  const sheets = locateSheets(grids);
  const machineGrid = findMachineGrid(grids);
  const machine = machineGrid ? keyValueRows(machineGrid) : null;
  const namesOf = (found: Partial<Record<string, LocatedSheet>>) =>
    Object.fromEntries(Object.entries(found).map(([k, s]) => [k, (s as LocatedSheet).grid.name])) as ReadResult['sheetNames'];
  let sheetNames = namesOf(sheets);
  const fail = (detail: FileDetail): ReadResult => finish(null, [...problems, fileProblem('error', file, detail)], [], sheetNames);
  // Sheets only a consolidated report has, by name (a renamed one is found by its headers later).
  const hasConsolidatedSheet = grids.some((g) => [SHEET_NAMES.itemSummary, SHEET_NAMES.unitIndicators].some((n) => headerKey(n) === headerKey(g.name)));

  // Is it one of ours, which version and kind?
  let version: number;
  let kind: WorkbookKind;
  if (machine) {
    const format = machine.get(MACHINE_KEYS.format) ?? '';
    if (format !== FORMAT_ID) {
      return fail({ code: 'format-foreign', sheet: machineGrid!.name, format });
    }
    const v = parseVersion(machine.get(MACHINE_KEYS.version) ?? '');
    if (v === null) return fail({ code: 'version-invalid', shown: machine.get(MACHINE_KEYS.version) ?? '' });
    version = v;
    const k = machine.get(MACHINE_KEYS.kind) ?? '';
    if (k === COMPLETENESS_MACHINE_KIND) {
      return fail({ code: 'completeness-list' });
    }
    if (version <= FORMAT_VERSION && !(WORKBOOK_KINDS as readonly string[]).includes(k)) {
      return fail({ code: 'kind-unknown', kind: k });
    }
    kind = k as WorkbookKind;
    // A kind exists from the version that introduced it on: a consolidated report "of version 1"
    // was edited by hand or made by something else.
    if (version < formatVersionFor(kind)) {
      return fail({ code: 'kind-too-old', version, since: formatVersionFor(kind) });
    }
  } else {
    const found = Object.keys(sheets).length + (hasConsolidatedSheet ? 1 : 0);
    if (found === 0) {
      return fail({ code: 'not-app-workbook', sheets: [SHEET_NAMES.info, SHEET_NAMES.progress, SHEET_NAMES.activities, SHEET_NAMES.indicators] });
    }
    if (!sheets.info) {
      return fail({ code: 'identity-missing', info: SHEET_NAMES.info, machine: SHEET_NAMES.machine });
    }
    const infoVersion = infoValue(sheets.info, 'formatVersion');
    const v = infoVersion === '' ? FORMAT_VERSION : parseVersion(infoVersion);
    version = v ?? FORMAT_VERSION;
    // Without "_sokh" the workbook is read like a filled template (identity from "Thông tin"),
    // or as a consolidated report when it has that report's sheets and no «Tiến độ».
    kind = hasConsolidatedSheet && !sheets.progress ? 'consolidated' : 'template';
    if (kind === 'consolidated' && version < formatVersionFor(kind)) version = formatVersionFor(kind);
    problems.push(fileProblem('warning', file, { code: 'machine-missing', machine: SHEET_NAMES.machine, info: sheets.info.grid.name }));
  }
  if (version > FORMAT_VERSION) {
    return fail({ code: 'version-newer', version, max: FORMAT_VERSION });
  }

  if (kind === 'consolidated') {
    const cSheets = locateConsolidatedSheets(grids);
    sheetNames = namesOf(cSheets);
    checkStructure(file, cSheets, CONSOLIDATED_STRUCTURE, problems);
    const out = readConsolidated({ file, version, machine, sheets: cSheets, date1904, expectedPlan: options.expectedPlan }, problems);
    for (const s of Object.values(cSheets)) noteSheetCells(s, adderOf(file, problems));
    return finish(out.report, problems, out.activityRows, sheetNames);
  }

  checkStructure(file, sheets, UNIT_STRUCTURE, problems);
  const reader = READERS[version];
  if (!reader) return fail({ code: 'version-unsupported', version });
  const out = reader({ file, kind, version, machine, sheets, date1904, expectedPlan: options.expectedPlan }, problems);
  for (const s of Object.values(sheets)) noteSheetCells(s, adderOf(file, problems));
  return finish(out.report, problems, out.activityRows, sheetNames);
}

type Structure<K extends string> = readonly { key: K; missing: 'error' | 'warning'; skipped?: string; required: string }[];

/** The sheets of a unit report or template, what a missing one means and its required columns. */
const UNIT_STRUCTURE: Structure<ReadableSheetKey> = [
  { key: 'info', missing: 'error', required: '«Mục», «Nội dung»' },
  { key: 'progress', missing: 'error', required: '«Mã nhiệm vụ», «Trạng thái»' },
  { key: 'activities', missing: 'error', required: '«Ngày», «Nhiệm vụ», «Loại hoạt động», «Tên hoạt động»' },
  { key: 'indicators', missing: 'warning', skipped: 'bỏ qua phần chỉ tiêu', required: '«Mã chỉ tiêu», «Kết quả»' },
];

/** The sheets of a consolidated report. */
const CONSOLIDATED_STRUCTURE: Structure<ConsolidatedSheetKey> = [
  { key: 'info', missing: 'error', required: '«Mục», «Nội dung»' },
  { key: 'itemSummary', missing: 'error', required: '«Mã nhiệm vụ», «Đã hoàn thành», «Đang thực hiện», «Chưa thực hiện», «Không áp dụng», «Chưa báo cáo»' },
  { key: 'unitIndicators', missing: 'error', required: '«Mã đơn vị», «Số báo cáo»' },
  { key: 'activities', missing: 'error', required: '«Ngày», «Nhiệm vụ», «Loại hoạt động», «Tên hoạt động»' },
  { key: 'completeness', missing: 'warning', skipped: 'bỏ qua phần tình hình nộp báo cáo', required: '«Mã đơn vị», «Tình trạng»' },
];

/** Structure: every readable sheet, with its required columns. */
function checkStructure<K extends ReadableSheetKey | ConsolidatedSheetKey>(
  file: string,
  sheets: Partial<Record<K, LocatedSheet>>,
  structure: Structure<K>,
  problems: Problem[],
): void {
  for (const { key, missing, skipped, required } of structure) {
    const s = sheets[key];
    if (!s) {
      problems.push(fileProblem(missing, file, { code: 'sheet-missing', sheet: SHEET_NAMES[key], skipped: skipped ?? '' }, SHEET_NAMES[key]));
      continue;
    }
    if (s.renamed) {
      problems.push(problemAt('warning', { file, sheet: s.grid.name }, { code: 'sheet-renamed', sheet: SHEET_NAMES[key] }));
    }
    if (!s.header) {
      problems.push(problemAt('error', { file, sheet: s.grid.name }, { code: 'header-missing', required }));
    } else {
      for (const miss of s.header.missing) {
        problems.push(problemAt('error', { file, sheet: s.grid.name, row: s.header.row }, { code: 'column-missing', header: miss.header }));
      }
    }
  }
}

/**
 * One reader of unit reports and templates per format version this build reads. Version 2 left
 * them unchanged (it added the consolidated kind, read by reader-consolidated.ts).
 */
const READERS: Record<number, typeof readV1> = { 1: readV1, 2: readV1 };

function parseVersion(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}

function infoValue(sheet: LocatedSheet, field: (typeof INFO_FIELDS)[number]['key']): string {
  const label = INFO_FIELDS.find((f) => f.key === field)!.label;
  const lc = sheet.header?.columns.get('label') ?? 1;
  const vc = sheet.header?.columns.get('value') ?? 2;
  for (let r = (sheet.header?.row ?? 0) + 1; r <= sheet.grid.rowCount; r++) {
    if (headerKey(cellText(sheet.grid.value(r, lc))) === headerKey(label)) return cellText(sheet.grid.value(r, vc));
  }
  return '';
}

function finish(
  report: UnitReport | null,
  problems: Problem[],
  activityRows: number[],
  sheetNames: ReadResult['sheetNames'],
): ReadResult {
  const counts: ReadCounts = {
    items: report?.items.length ?? 0,
    itemsWithStatus: report?.items.filter((i) => i.status !== null).length ?? 0,
    activities: report?.activities.length ?? 0,
    newActivities: report?.activities.filter((a) => a.id === '').length ?? 0,
    indicators: report?.indicators.length ?? 0,
    units: report && isConsolidated(report) ? report.consolidation.units.length : 0,
    reports: report === null ? 0 : isConsolidated(report) ? report.consolidation.units.reduce((s, u) => s + u.reports, 0) : 1,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
  return { report, problems, counts, activityRows, sheetNames };
}
