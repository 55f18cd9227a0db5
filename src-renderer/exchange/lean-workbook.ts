/**
 * The lean way to a workbook's grids: the zip inflated with fflate and each sheet read by one
 * SAX pass (saxes), without building ExcelJS's workbook, styles and cell objects. About half the
 * cost of ExcelJS's load for the files the app itself writes, which matters when a province
 * imports 2,000 of them.
 *
 *   readLeanWorkbook(bytes, entries) → { grids, date1904 } | null
 *
 * It gives the cells exactly as reader.ts's ExcelJS grids give them (ExcelJS 4.4's load: a
 * number styled with a date format is a Date, a shared string is its text with `_xHHHH_`
 * escapes decoded, a merged cell shows its master's value, an empty styled cell is null, the
 * row and column counts count rows and cells ExcelJS would create). Anything it does not
 * recognise — a part the app does not write, a formula, rich text, a hyperlink, an error or
 * inline rich cell, overlapping merges, XML that is not well formed or not closed — makes it
 * return null, and the caller reads the file with ExcelJS instead. So it never decides what a
 * strange file means; tests/unit/lean-workbook.test.ts proves both ways give the same data and
 * problems for every fixture and for generated reports.
 *
 * Pure module (fflate and saxes only).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipEntryInfo } from './guards';
import type { Grid } from './reader-sheets';

export interface LeanWorkbook {
  grids: Grid[];
  date1904: boolean;
}

/** Parts the app's writers (and ExcelJS generally) put in a workbook; any other part → ExcelJS. */
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const KNOWN_PARTS = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/app.xml',
  'docProps/core.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
  'xl/theme/theme1.xml',
]);
/** Parts ExcelJS parses as XML although their content does not matter here: they must be well formed. */
const CHECKED_PARTS = ['_rels/.rels', 'docProps/app.xml', 'docProps/core.xml'];

/** Thrown inside a pass when the file is not the shape this reader knows; caught below. */
class Unrecognised extends Error {}

/** The grids of a workbook of the app's own shape, or null (read it with ExcelJS). */
export function readLeanWorkbook(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): LeanWorkbook | null {
  try {
    return readParts(bytes, entries);
  } catch {
    // Unrecognised, or fflate/saxes/TextDecoder failing: ExcelJS reads it and says what is wrong.
    return null;
  }
}

function readParts(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): LeanWorkbook | null {
  const names = new Set<string>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (names.has(e.name) || !(KNOWN_PARTS.has(e.name) || SHEET_PART.test(e.name))) return null;
    names.add(e.name);
  }
  const files = unzipSync(bytes, { filter: (f) => names.has(f.name) });
  const decoder = new TextDecoder('utf-8');
  const text = (name: string): string | null => {
    const data = files[name];
    return data === undefined ? null : decoder.decode(data);
  };
  for (const name of CHECKED_PARTS) {
    const xml = text(name);
    if (xml !== null) parse(xml, () => {});
  }

  const book = readBook(text('xl/workbook.xml') ?? '');
  const rels = readRels(text('xl/_rels/workbook.xml.rels'));
  const stylesXml = text('xl/styles.xml');
  const dateStyles = stylesXml === null ? null : readDateStyles(stylesXml);
  const stringsXml = text('xl/sharedStrings.xml');
  const strings = stringsXml === null ? null : readSharedStrings(stringsXml);

  // Sheets in the order of workbook.xml, each through its relationship to its part; a sheet
  // whose part is missing is dropped, as ExcelJS drops it (a chart sheet, for instance).
  const parts = [...names].filter((n) => SHEET_PART.test(n));
  const used = new Set<string>();
  const ids = new Set<number>();
  const sheetNames = new Set<string>();
  const grids: Grid[] = [];
  for (const sheet of book.sheets) {
    const target = rels.get(sheet.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!names.has(part) || !SHEET_PART.test(part)) continue;
    if (used.has(part) || ids.has(sheet.id) || !Number.isInteger(sheet.id) || sheet.id < 1 || !plainSheetName(sheet.name, sheetNames)) return null;
    used.add(part);
    ids.add(sheet.id);
    sheetNames.add(sheet.name.toLowerCase());
    grids.push(readSheet(sheet.name, sheet.state, text(part)!, dateStyles, strings, book.date1904));
  }
  // A part no sheet points at is still parsed by ExcelJS (and may fail it): not this reader's case.
  if (parts.length !== used.size) return null;
  return { grids, date1904: book.date1904 };
}

/**
 * A name ExcelJS takes as it is: it refuses some names, cuts long ones and refuses one given
 * twice (Worksheet's name setter); those files are its to read.
 */
function plainSheetName(name: string, taken: ReadonlySet<string>): boolean {
  return name !== '' && name !== 'History' && name.length <= 31 && !/[*?:/\\[\]]/.test(name) && !/(^')|('$)/.test(name) && !taken.has(name.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// XML.

type Open = (tag: SaxesTagPlain, path: readonly string[]) => void;
interface Handlers {
  open?: Open;
  text?: (text: string, path: readonly string[]) => void;
  close?: (name: string, path: readonly string[]) => void;
}

/**
 * One SAX pass as ExcelJS makes it (saxes, no namespaces, CDATA not read). Unlike ExcelJS, a
 * document that does not close its root is refused rather than read as far as it goes.
 */
function parse(xml: string, on: Handlers | (() => void)): void {
  const h: Handlers = typeof on === 'function' ? {} : on;
  const parser = new SaxesParser();
  const path: string[] = [];
  let failed: unknown = null;
  let closedRoot = false;
  parser.on('error', (e) => {
    failed ??= e;
  });
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    h.open?.(tag as SaxesTagPlain, path);
  });
  if (h.text) {
    const onText = h.text;
    parser.on('text', (t) => onText(t, path));
  }
  parser.on('closetag', (tag) => {
    h.close?.(tag.name, path);
    path.pop();
    if (path.length === 0) closedRoot = true;
  });
  parser.write(xml);
  if (failed !== null || !closedRoot) throw new Unrecognised('not well formed');
}

const at = (path: readonly string[], ...names: string[]): boolean =>
  path.length === names.length && names.every((n, i) => path[i] === n);

interface BookSheet {
  name: string;
  id: number;
  state: string;
  rId: string;
}

function readBook(xml: string): { sheets: BookSheet[]; date1904: boolean } {
  const sheets: BookSheet[] = [];
  let date1904 = false;
  parse(xml, {
    open: (tag, path) => {
      if (tag.name === 'workbookPr') date1904 = tag.attributes.date1904 === '1';
      else if (tag.name === 'sheet') {
        if (!at(path, 'workbook', 'sheets', 'sheet')) throw new Unrecognised('sheet outside <sheets>');
        const a = tag.attributes;
        sheets.push({ name: a.name ?? '', id: parseInt(a.sheetId ?? '', 10), state: a.state || 'visible', rId: a['r:id'] ?? '' });
      }
    },
  });
  return { sheets, date1904 };
}

function readRels(xml: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === null) return out;
  parse(xml, {
    open: (tag) => {
      if (tag.name !== 'Relationship') return;
      const { Id, Target } = tag.attributes;
      if (Id === undefined || Target === undefined || out.has(Id)) throw new Unrecognised('relationship');
      out.set(Id, Target);
    },
  });
  return out;
}

/**
 * For each cell style (cellXfs index), whether ExcelJS shows its numbers as dates: the style's
 * number format, its own or built in, judged by ExcelJS's isDateFmt.
 */
function readDateStyles(xml: string): boolean[] {
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  parse(xml, {
    open: (tag, path) => {
      if (at(path, 'styleSheet', 'numFmts', 'numFmt')) {
        const code = tag.attributes.formatCode;
        if (code === undefined) throw new Unrecognised('numFmt without a code');
        formats.set(parseInt(tag.attributes.numFmtId ?? '', 10), code.replace(/[\\](.)/g, '$1'));
      } else if (at(path, 'styleSheet', 'cellXfs', 'xf')) xfs.push(parseInt(tag.attributes.numFmtId ?? '', 10));
    },
  });
  return xfs.map((id) => (id ? isDateFormat(formats.get(id) || BUILTIN_FORMATS[id]) : false));
}

/** ExcelJS's built-in number formats that have one code (lib/xlsx/defaultnumformats.js). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** ExcelJS's utils.isDateFmt. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Plain shared strings (one <t> each); rich text or anything else → ExcelJS. */
function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let parts: string[] | null = null;
  let ts = 0;
  parse(xml, {
    open: (tag, path) => {
      if (at(path, 'sst', 'si')) {
        parts = [];
        ts = 0;
      } else if (at(path, 'sst', 'si', 't')) ts++;
      else if (path.length > 2) throw new Unrecognised(`<${tag.name}> in a shared string`);
    },
    text: (t, path) => {
      if (at(path, 'sst', 'si', 't')) parts!.push(t);
    },
    close: (name, path) => {
      if (!at(path, 'sst', 'si')) return;
      if (ts !== 1) throw new Unrecognised('shared string without exactly one <t>');
      out.push(parts!.join('').replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
      parts = null;
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// A sheet.

const CELL_REF = /^([A-Z]{1,3})(\d+)$/;
const RANGE_REF = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/;
/** Sheet elements that change what ExcelJS gives as a cell's value, or need parts not read here. */
const REFUSED_SHEET_ELEMENTS = new Set(['hyperlinks', 'tableParts', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls']);

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function readSheet(
  name: string,
  state: string,
  xml: string,
  dateStyles: readonly boolean[] | null,
  strings: readonly string[] | null,
  date1904: boolean,
): Grid {
  // rows[r - 1][c - 1]: undefined = no cell (ExcelJS creates none), null = an empty styled cell.
  const rows: (unknown[] | undefined)[] = [];
  const merges: [number, number, number, number][] = [];
  let row: unknown[] | null = null;
  let sheetData = 0;
  // The cell being read.
  let col = 0;
  let type: string | undefined;
  let styleId = 0;
  let value: string | undefined;
  let inValue = false;

  parse(xml, {
    open: (tag, path) => {
      const n = tag.name;
      const a = tag.attributes;
      if (REFUSED_SHEET_ELEMENTS.has(n)) throw new Unrecognised(`<${n}>`);
      if (path.length === 2) {
        if (n === 'sheetData' && ++sheetData > 1) throw new Unrecognised('two <sheetData>');
        return;
      }
      // ExcelJS finds these by name wherever they are; here only where the format puts them.
      if ((n === 'sheetData' || n === 'mergeCells') && path.length !== 2) throw new Unrecognised(`<${n}> out of place`);
      if (path[1] === 'sheetData') {
        if (path.length === 3) {
          if (n !== 'row') throw new Unrecognised(`<${n}> in <sheetData>`);
          const r = Number(a.r);
          if (!Number.isInteger(r) || r < 1 || String(r) !== a.r) throw new Unrecognised('row number');
          // A row given twice: ExcelJS keeps the later one.
          row = [];
          rows[r - 1] = row;
        } else if (path.length === 4 && path[2] === 'row') {
          if (n !== 'c') throw new Unrecognised(`<${n}> in a row`);
          const ref = CELL_REF.exec(a.r ?? '');
          if (!ref) throw new Unrecognised('cell reference');
          col = columnNumber(ref[1]!);
          type = a.t;
          styleId = a.s ? parseInt(a.s, 10) : 0;
          value = undefined;
        } else if (path[3] === 'c') {
          // Inside a cell: its value, or an inline string's plain text.
          if (n === 'v' || (n === 't' && path.length === 6 && path[4] === 'is')) inValue = true;
          else if (n !== 'is' || path.length !== 5) throw new Unrecognised(`<${n}> in a cell`);
        }
      } else if (at(path, 'worksheet', 'mergeCells', 'mergeCell')) {
        const m = RANGE_REF.exec(a.ref ?? '');
        if (!m) throw new Unrecognised('merge reference');
        const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3]!), Number(m[4])];
        merges.push([Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)]);
      }
    },
    text: (t) => {
      if (inValue) value = value ? value + t : t;
    },
    close: (n, path) => {
      if (n === 'v' || n === 't') inValue = false;
      else if (n === 'c' && path.length === 4 && row) {
        const v = cellValue();
        if (v !== undefined) row[col - 1] = v;
      }
    },
  });

  /** The cell's value as ExcelJS gives it; undefined when ExcelJS creates no cell. */
  function cellValue(): unknown {
    if (value === undefined) return styleId ? null : undefined;
    switch (type) {
      case 's': {
        const i = Number(value);
        if (strings === null || !Number.isInteger(i) || String(i) !== value || i < 0 || i >= strings.length) throw new Unrecognised('shared string index');
        return strings[i];
      }
      case 'inlineStr':
        return value;
      case 'b':
        return parseInt(value, 10) !== 0;
      case undefined:
      case 'n': {
        const num = parseFloat(value);
        return styleId && dateStyles?.[styleId] ? excelToDate(num, date1904) : num;
      }
      default:
        // 'str' (a formula's text), 'e' (an error), 'd' (an ISO date) or unknown.
        throw new Unrecognised(`cell type ${type}`);
    }
  }

  // Merged ranges, as ExcelJS applies them: every cell of the range is created, the others show
  // the top-left cell's value. Ranges that overlap make ExcelJS fail: its message, not ours.
  for (let i = 0; i < merges.length; i++) {
    const [t, l, b, r] = merges[i]!;
    for (let j = 0; j < i; j++) {
      const [t2, l2, b2, r2] = merges[j]!;
      if (t <= b2 && t2 <= b && l <= r2 && l2 <= r) throw new Unrecognised('overlapping merges');
    }
    const master = (rows[t - 1] ??= []);
    if (master[l - 1] === undefined) master[l - 1] = null;
    const v = master[l - 1];
    for (let y = t; y <= b; y++) {
      const cells = (rows[y - 1] ??= []);
      for (let x = l; x <= r; x++) if (y !== t || x !== l) cells[x - 1] = v;
    }
  }

  let columnCount = 0;
  for (const cells of rows) if (cells && cells.length > columnCount) columnCount = cells.length;
  let rowCount = rows.length;
  while (rowCount > 0 && rows[rowCount - 1] === undefined) rowCount--;
  return {
    name,
    state,
    rowCount,
    columnCount,
    value: (r, c) => {
      const v = rows[r - 1]?.[c - 1];
      return v === undefined ? null : v;
    },
  };
}
