/**
 * How the readable sheets print: the official header of Nghị định 30/2020/NĐ-CP, Phụ lục I
 * (see shared docs, domain.md "Official document form"), A4, Times New Roman, the table header
 * repeated on each page, "Trang n/N" in the footer.
 *
 * Legible on paper, whatever the width: every sheet prints at the fixed scale PRINT_SCALE, so a
 * cell's 12 pt text is 9.6 pt on paper (the floor is 9 pt), never shrunk to one page width. A
 * sheet wider than the page (the activity list: 23 columns and more) continues on a second page
 * across, its first columns (what identifies a row) repeated on it, pages numbered across then
 * down so that the two halves of the same rows follow each other; long cells wrap.
 *
 * Pure module: it only describes rows and settings; writer-layout.ts applies them to an ExcelJS
 * worksheet (in memory or streaming alike).
 */
import type ExcelJS from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME, vnUpper } from '@domain/official-form';
import type { ColumnDef } from './spec';

export const FONT_NAME = 'Times New Roman';
/** Body size of table cells (12–13 pt per the brief; 12 keeps wide tables legible on A4). */
export const BODY_SIZE = 12;

export type Orientation = 'portrait' | 'landscape';

/** ND 30/2020 margins: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm (in inches). */
export const PAGE_MARGINS = Object.freeze({ left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 });

/**
 * Percent at which every sheet prints: BODY_SIZE (12 pt) × 0.8 = 9.6 pt on paper, the smallest
 * header line 9.6 pt too. Text printed below 9 pt is not legible for everyone (domain.md).
 */
export const PRINT_SCALE = 80;

/**
 * Page setup of a printable sheet whose table header is row `headerRow`; `titleCols` leading
 * columns repeat on every page across (0: none).
 */
export function printPageSetup(orientation: Orientation, headerRow: number, titleCols = 0): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation,
    fitToPage: false,
    scale: PRINT_SCALE,
    pageOrder: 'overThenDown',
    margins: { ...PAGE_MARGINS },
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(titleCols > 0 ? { printTitlesColumn: `A:${String.fromCharCode(64 + titleCols)}` } : {}),
    horizontalCentered: true,
  };
}

/**
 * Points a column of width 1 takes on paper at 100 %: 7 pt in LibreOffice (measured on its PDF),
 * about 5.6 pt in Excel, whose columns are narrower. Layouts are planned with LibreOffice's, so
 * what fits there fits in Excel too.
 */
export const POINTS_PER_WIDTH = 7;
const PAGE_POINTS: Record<Orientation, number> = { portrait: 595.3, landscape: 841.9 };

/** Width available for the table on paper, in column-width units at PRINT_SCALE. */
export function printableWidth(orientation: Orientation): number {
  const points = PAGE_POINTS[orientation] - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
  return points / (POINTS_PER_WIDTH * (PRINT_SCALE / 100));
}

/**
 * How many leading columns print on the first page across: the official header is laid over
 * those only, so that it is never cut between two pages of a wide sheet. Hidden columns take
 * no room.
 */
export function firstPageColumns(columns: readonly Pick<ColumnDef, 'width'>[], orientation: Orientation, hidden: ReadonlySet<number> = new Set()): number {
  const room = printableWidth(orientation);
  let used = 0;
  for (let i = 0; i < columns.length; i++) {
    if (hidden.has(i + 1)) continue;
    used += columns[i]!.width;
    if (used > room) return Math.max(1, i);
  }
  return columns.length;
}

export const PAGE_FOOTER = `&C&"${FONT_NAME},Regular"&12Trang &P/&N`;

export function printHeaderFooter(): Partial<ExcelJS.HeaderFooter> {
  return { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER, firstFooter: PAGE_FOOTER };
}

/** What the official header says. */
export interface OfficialHeaderText {
  /** Parent body, e.g. "LĐLĐ huyện Dương Minh Châu" (printed in capitals, not bold). */
  parentBody: string;
  /** The issuing unit (printed in capitals, bold). */
  unitName: string;
  /** "Số: 12/BC-CĐCS" when the officer gave a number, else "" (the line stays blank). */
  documentNumberLine: string;
  /** "Dương Minh Châu, ngày 14 tháng 6 năm 2025" (italic). */
  placeAndDate: string;
  /** "BÁO CÁO". */
  documentType: string;
  /** "Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ — 6 tháng đầu năm 2025". */
  subject: string;
  /** What this sheet is: "Biểu 2. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ". */
  caption: string;
}

/** One styled, merged line of the header block. */
export interface HeaderCell {
  row: number;
  /** 1-based columns, inclusive. */
  fromCol: number;
  toCol: number;
  text: string;
  font: Partial<ExcelJS.Font>;
  align: 'left' | 'center';
}

/** Rows 1..HEADER_BLOCK_ROWS hold the official header; the table header is the next row. */
export const HEADER_BLOCK_ROWS = 6;
/** Heights (points) of the header block rows. */
export const HEADER_ROW_HEIGHTS: readonly number[] = [18, 20, 20, 22, 36, 20];

// The words of the official form live in the domain; re-exported for the writers.
export { placeAndDateLine, vnUpper } from '@domain/official-form';

/**
 * The header block for a table of these columns: left half (parent body over unit) and right
 * half (national name over motto) split where the columns' widths reach about 45 %.
 */
export function officialHeaderCells(columns: readonly Pick<ColumnDef, 'width'>[], text: OfficialHeaderText): HeaderCell[] {
  const n = columns.length;
  const total = columns.reduce((s, c) => s + c.width, 0);
  let split = 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += columns[i]!.width;
    split = i + 1;
    if (acc >= total * 0.42) break;
  }
  if (split >= n) split = Math.max(1, n - 1);
  const L = { fromCol: 1, toCol: split };
  const R = { fromCol: Math.min(split + 1, n), toCol: n };
  const all = { fromCol: 1, toCol: n };
  const f = (size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size, ...extra });
  const cells: HeaderCell[] = [
    { row: 1, ...L, text: vnUpper(text.parentBody), font: f(12), align: 'center' },
    { row: 1, ...R, text: NATIONAL_NAME, font: f(12, { bold: true }), align: 'center' },
    { row: 2, ...L, text: vnUpper(text.unitName), font: f(12, { bold: true }), align: 'center' },
    { row: 2, ...R, text: NATIONAL_MOTTO, font: f(13, { bold: true }), align: 'center' },
    { row: 3, ...L, text: text.documentNumberLine, font: f(13), align: 'center' },
    { row: 3, ...R, text: text.placeAndDate, font: f(13, { italic: true }), align: 'center' },
    { row: 4, ...all, text: text.documentType, font: f(14, { bold: true }), align: 'center' },
    { row: 5, ...all, text: text.subject, font: f(13, { bold: true }), align: 'center' },
    { row: 6, ...all, text: text.caption, font: f(12, { bold: true, italic: true }), align: 'center' },
  ];
  // With a single column there is no right half: stack everything in column 1.
  return n === 1 ? cells.map((c) => ({ ...c, fromCol: 1, toCol: 1 })) : cells;
}
