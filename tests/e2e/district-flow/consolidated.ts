/**
 * The consolidated workbook opened with ExcelJS and checked cell by cell against the ledger.
 * Sheets and columns are found by their header text (as FORMAT.md tells every reader to), never
 * by position; each expectation names the sheet, row and column it looked at.
 */
import ExcelJS from 'exceljs';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { expect } from '../fixtures';
import {
  activityCountOf,
  indicatorValuesOf,
  itemActivityCountsOf,
  statusCountsOf,
  STATUS_LABELS,
  totalsOf,
  type Status,
  type UnitEntry,
} from './ledger';

export interface Table {
  sheet: string;
  headerRow: number;
  /** Header text → column number. */
  columns: Map<string, number>;
  /** Data rows below the header, with their worksheet row numbers. */
  rows: { row: number; cells: Map<string, string | number | null> }[];
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A cell as a person reads it: numbers as numbers, dates as YYYY-MM-DD, text trimmed; blank is null. */
function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return squash(v) === '' ? null : squash(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return squash(v.richText.map((r) => r.text).join(''));
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  return squash(String(v));
}

/** The table of `sheet` whose header row holds `anchor` (searched in the first 40 rows). */
export function tableOf(wb: ExcelJS.Workbook, sheet: string, anchor: string): Table {
  const ws = wb.getWorksheet(sheet);
  expect(ws, `trang «${sheet}»`).toBeTruthy();
  let headerRow = 0;
  for (let r = 1; r <= 40 && !headerRow; r++) {
    ws!.getRow(r).eachCell((c) => {
      if (cellValue(c.value) === anchor) headerRow = r;
    });
  }
  expect(headerRow, `dòng tiêu đề có «${anchor}» trên trang «${sheet}»`).toBeGreaterThan(0);
  const columns = new Map<string, number>();
  ws!.getRow(headerRow).eachCell((c, col) => {
    const h = cellValue(c.value);
    if (typeof h === 'string') columns.set(h, col);
  });
  const rows: Table['rows'] = [];
  for (let r = headerRow + 1; r <= ws!.rowCount; r++) {
    const cells = new Map<string, string | number | null>();
    let any = false;
    for (const [h, col] of columns) {
      const v = cellValue(ws!.getRow(r).getCell(col).value);
      cells.set(h, v);
      if (v !== null) any = true;
    }
    if (any) rows.push({ row: r, cells });
  }
  return { sheet, headerRow, columns, rows };
}

/** One expected cell: a blank cell stands for 0 only where `blankIsZero`. */
function expectCell(t: Table, r: Table['rows'][number], header: string, want: number | string, blankIsZero = false): void {
  expect(t.columns.has(header), `«${t.sheet}»: cột «${header}»`).toBe(true);
  const got = r.cells.get(header) ?? null;
  const value = got === null && blankIsZero ? 0 : got;
  expect.soft(value, `«${t.sheet}» dòng ${r.row}, cột «${header}»`).toBe(want);
}

export interface Contributor {
  /** Code and name as the row of "Chỉ tiêu theo đơn vị" gives them. */
  code: string;
  name: string;
  /** The CĐCS whose reports this row stands for (one for a CĐCS, all of a district's). */
  units: readonly UnitEntry[];
}

/** The rows of "Chỉ tiêu theo đơn vị" before Tổng cộng, and the Tổng cộng row. */
function unitIndicatorRows(wb: ExcelJS.Workbook) {
  const ind = tableOf(wb, 'Chỉ tiêu theo đơn vị', 'Mã đơn vị');
  const totalRow = ind.rows.find((r) => r.cells.get('Tên đơn vị') === 'Tổng cộng' || r.cells.get('Mã đơn vị') === 'Tổng cộng');
  expect(totalRow, '«Chỉ tiêu theo đơn vị»: dòng Tổng cộng').toBeTruthy();
  return { ind, totalRow: totalRow!, unitRows: ind.rows.filter((r) => r.row < totalRow!.row) };
}

/**
 * The figures of "Chỉ tiêu theo đơn vị": every indicator of every contributor's row and of the
 * Tổng cộng row equals the ledger's sum (soft: every wrong cell is listed).
 */
export async function expectConsolidatedFigures(bytes: Buffer, contributors: readonly Contributor[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const { ind, totalRow, unitRows } = unitIndicatorRows(wb);
  for (const c of contributors) {
    const r = unitRows.find((x) => x.cells.get('Mã đơn vị') === c.code);
    expect(r, `«Chỉ tiêu theo đơn vị»: dòng ${c.code}`).toBeTruthy();
    const totals = totalsOf(c.units);
    for (const d of STANDARD_INDICATORS) expectCell(ind, r!, d.name, totals[d.code] ?? 0, true);
  }
  const all = totalsOf(contributors.flatMap((c) => c.units));
  for (const d of STANDARD_INDICATORS) expectCell(ind, totalRow, d.name, all[d.code] ?? 0, true);
}

/**
 * Checks a consolidated workbook against the ledger, all but the indicator figures (see
 * expectConsolidatedFigures): "Tổng hợp theo nhiệm vụ" (status counts, reports and activity
 * counts of every item), "Chỉ tiêu theo đơn vị" (one row per contributor with its name, reports
 * and activities, then Tổng cộng) and "Hoạt động" (every activity of every CĐCS, with its own
 * unit code and name, items, type, participants and indicator cells). Returns the workbook.
 */
export async function expectConsolidatedMatches(bytes: Buffer, contributors: readonly Contributor[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const units = contributors.flatMap((c) => c.units);

  // Tổng hợp theo nhiệm vụ.
  const items = tableOf(wb, 'Tổng hợp theo nhiệm vụ', 'Mã nhiệm vụ');
  const ids = items.rows.map((r) => String(r.cells.get('Mã nhiệm vụ')));
  expect(ids.length, 'số dòng nhiệm vụ').toBeGreaterThanOrEqual(28);
  const counts = statusCountsOf(units, ids);
  const byItem = itemActivityCountsOf(units);
  for (const r of items.rows) {
    const id = String(r.cells.get('Mã nhiệm vụ'));
    const c = counts.get(id)!;
    for (const s of Object.keys(STATUS_LABELS) as Status[]) expectCell(items, r, STATUS_LABELS[s], c[s], true);
    expectCell(items, r, 'Chưa báo cáo', c.none, true);
    expectCell(items, r, 'Số báo cáo', units.length, true);
    expectCell(items, r, 'Số hoạt động', byItem.get(id) ?? 0, true);
  }

  // Chỉ tiêu theo đơn vị.
  const { ind, totalRow, unitRows } = unitIndicatorRows(wb);
  expect(unitRows.map((r) => r.cells.get('Mã đơn vị')).sort(), '«Chỉ tiêu theo đơn vị»: các đơn vị').toEqual(
    contributors.map((c) => c.code).sort(),
  );
  for (const c of contributors) {
    const r = unitRows.find((x) => x.cells.get('Mã đơn vị') === c.code)!;
    expectCell(ind, r, 'Tên đơn vị', c.name);
    expectCell(ind, r, 'Số báo cáo', c.units.length);
    expectCell(ind, r, 'Số hoạt động', activityCountOf(c.units), true);
  }
  expectCell(ind, totalRow, 'Số báo cáo', units.length, true);
  expectCell(ind, totalRow, 'Số hoạt động', activityCountOf(units), true);

  // Hoạt động: the same activities, each under its own CĐCS.
  const act = tableOf(wb, 'Hoạt động', 'Ngày');
  const key = (code: string, date: string, title: string) => `${code}|${date}|${title}`;
  const written = new Map(act.rows.map((r) => [key(String(r.cells.get('Mã đơn vị')), String(r.cells.get('Ngày')), String(r.cells.get('Tên hoạt động'))), r]));
  expect(act.rows.length, '«Hoạt động»: số dòng').toBe(activityCountOf(units));
  for (const u of units) {
    for (const a of u.activities) {
      const r = written.get(key(u.code, a.date, a.title));
      expect(r, `«Hoạt động»: ${u.code} ${a.date} «${a.title}»`).toBeTruthy();
      expectCell(act, r!, 'Tên đơn vị', u.name);
      expectCell(act, r!, 'Nhiệm vụ', a.itemIds.join('; '));
      expectCell(act, r!, 'Loại hoạt động', a.typeLabel);
      if (a.participants !== null) expectCell(act, r!, 'Số lượt người', a.participants);
      const values = indicatorValuesOf(a);
      for (const d of STANDARD_INDICATORS) {
        // «Lượt người tham gia» is written only when typed in its own field.
        const want = d.code === 'participants' ? (a.indicators.participants ?? 0) : (values[d.code] ?? 0);
        if (act.columns.has(d.name)) expectCell(act, r!, d.name, want, true);
      }
    }
  }
  return wb;
}
