/**
 * Cell values as people leave them in a hand-filled workbook, turned into the app's values.
 *
 * Pure module. Input is whatever the spreadsheet library gives for a cell (ExcelJS: null,
 * number, string, boolean, Date, { richText }, { text, hyperlink }, { formula, result },
 * { sharedFormula, result }, { error }), typed `unknown` so that nothing here trusts it.
 *
 * Each parser returns `{ ok: true, value }` (value null when the cell is blank) or
 * `{ ok: false, shown, reason }`: `shown` is the cell as the officer sees it and `reason` the
 * Vietnamese end of the message, so the reader says
 * "Tệp «a.xlsx», trang «Hoạt động», dòng 12, cột «Ngày»: «31/02/2025» không phải ngày hợp lệ (nhập theo dd/mm/yyyy)".
 */
import { formatCount } from '@domain/fields';
import { cellReason, type CellFailure, type ProblemDetail } from './problems';
import { checkedIsoDate, isoDate, type IsoDate } from '@domain/periods';
import { isPlanItemId } from '@domain/ids';
import { cleanText, fold } from '@domain/vn-text';

/**
 * A failure carries its code (problems.ts CellFailure) and `reason`, the Vietnamese end of the
 * message built from it. `note`: the cell was read, but the officer should know how (e.g.
 * "1,200" taken as 1.200): the reader turns it into a warning at the cell.
 */
export type CellNote = Extract<ProblemDetail, { code: 'count-comma-thousands' }>;
export type CellParse<T> = { ok: true; value: T | null; note?: CellNote } | ({ ok: false; reason: string } & CellFailure);

const fail = (f: CellFailure): Extract<CellParse<never>, { ok: false }> => ({ ok: false, ...f, reason: cellReason(f) });

// ---------------------------------------------------------------------------------------------
// Unwrapping what the library gives.

/** A cell's value with rich text joined, hyperlinks reduced to their text and formulas to their result. */
export function unwrapCell(value: unknown): unknown {
  let v = value;
  for (let depth = 0; depth < 4 && v !== null && typeof v === 'object' && !(v instanceof Date); depth++) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as unknown[]).map((run) => (run && typeof run === 'object' ? String((run as { text?: unknown }).text ?? '') : '')).join('');
    }
    if ('formula' in o || 'sharedFormula' in o) v = o.result ?? null;
    else if ('hyperlink' in o || 'text' in o) v = o.text ?? null;
    else if ('error' in o) return { error: String(o.error) };
    else return null;
  }
  return v;
}

function isErrorValue(v: unknown): v is { error: string } {
  return v !== null && typeof v === 'object' && !(v instanceof Date) && 'error' in v;
}

const SPACES = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/gu;
// Neither holds DEL or a C1 control (U+007F–U+009F), which cleanText removes.
const PLAIN_LINE = /^(?:[\u0021-\u007e\u00a1-\u02ff\u1e00-\u1eff]+(?: [\u0021-\u007e\u00a1-\u02ff\u1e00-\u1eff]+)*)?$/;
const PLAIN_BLOCK = /^[\t\n\u0020-\u007e\u00a0-\u02ff\u1e00-\u1eff]*$/;

/**
 * Text as stored (domain cleanLine / cleanBlock): cleanText (NFC, no control or bidi
 * characters), zero-width spaces dropped, trimmed.
 * One-line text has every run of white space (non-breaking spaces included) made one space;
 * `multiline` text keeps its lines and inner spacing, line endings as "\n".
 */
export function normalizeText(text: string, multiline = false): string {
  // Fast path for the text nearly every cell holds, returned as it is because every step below
  // would leave it unchanged: only characters below U+0300 or in U+1E00–U+1EFF (no other NFC
  // form alone or side by side, see safe-cell.ts), no zero-width or non-breaking space, no CR;
  // one-line text with single spaces between words and none at the ends; multi-line text with
  // no white space at the ends.
  if (multiline ? PLAIN_BLOCK.test(text) && text.trim().length === text.length : PLAIN_LINE.test(text)) return text;
  const nfc = cleanText(text).replace(/[\u200b\ufeff]/gu, '');
  if (!multiline) return nfc.replace(SPACES, ' ').trim();
  return nfc.replace(/\r\n?/g, '\n').trim();
}

/** How a number reads in a text cell: integers in full (no exponent), others as JS prints them. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** A cell as plain text, whatever it holds ('' when blank). Dates read back as dd/mm/yyyy. */
export function cellText(value: unknown, multiline = false): string {
  const v = unwrapCell(value);
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return normalizeText(v, multiline);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const d = dateOfInstant(v);
    return d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '';
  }
  if (isErrorValue(v)) return v.error;
  return '';
}

/** True when a cell holds nothing an officer typed (blank, spaces only, empty rich text). */
export function isBlankCell(value: unknown): boolean {
  return cellText(value) === '';
}

// ---------------------------------------------------------------------------------------------
// Dates.

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * The calendar day of a Date the library made from a date cell. Excel stores no time zone and
 * ExcelJS reads the serial as UTC, so the UTC fields are the day the officer typed. Rounded to
 * the nearest second first: serials computed in floating point can land a hair before midnight.
 */
function dateOfInstant(d: Date): IsoDate | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const r = new Date(Math.round(t / 1000) * 1000);
  return isoDate(r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate());
}

/** The calendar day of an Excel serial number (1900 system unless `date1904`). */
export function dateOfSerial(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Excel's fictitious 29/02/1900 (serial 60) shifts serials below 61 by a day; those are far
  // outside the accepted years anyway.
  const ms = epoch + Math.round(serial * 86_400) * 1000;
  return dateOfInstant(new Date(ms));
}

// A cell may also carry a time after the date (a pasted timestamp), and its separators must match.
const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const VN_TEXT = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A calendar date from a cell: a date cell, a serial number, or text "15/3/2025", "15-03-2025",
 * "15.3.2025", "2025-03-15" (a time after it is ignored). Years outside 1990–2100 are refused
 * as typos.
 */
export function parseCellDate(value: unknown, date1904 = false): CellParse<IsoDate> {
  const v = unwrapCell(value);
  const shown = cellText(value);
  if (shown === '' && !(v instanceof Date)) return { ok: true, value: null };
  let date: IsoDate | null = null;
  if (v instanceof Date) date = dateOfInstant(v);
  else if (typeof v === 'number') date = dateOfSerial(v, date1904);
  else if (typeof v === 'string') {
    const text = normalizeText(v);
    let m = ISO_TEXT.exec(text);
    if (m) date = checkedIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    else if ((m = VN_TEXT.exec(text))) date = checkedIsoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  }
  if (date === null) return fail({ code: isErrorValue(v) ? 'cell-error-value' : 'date-invalid', shown });
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return fail({ code: 'date-year', shown, min: MIN_YEAR, max: MAX_YEAR });
  return { ok: true, value: date };
}

// ---------------------------------------------------------------------------------------------
// Integers.

const PLAIN_INT = /^[+-]?\d+$/;
/** Thousands grouped by '.', ',' or a space (Vietnamese "1.250", English "1,250", "1 250"). */
const GROUPED_INT = /^[+-]?\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/u;
const DECIMAL = /^[+-]?\d*[.,]\d+$/;

/**
 * A count: a non-negative integer from a number cell or text ("1.250", "1,250", " 12 ").
 * `allowNegative` for signed values such as adjustments.
 */
export function parseCellCount(value: unknown, allowNegative = false): CellParse<number> {
  const v = unwrapCell(value);
  const shown = cellText(value);
  if (shown === '') return { ok: true, value: null };
  let n: number;
  // "1,200" is a thousand and two hundred in English and an error in Vietnamese, where a comma
  // is the decimal mark ("1,5"): read as the English grouping (as "1.200" is read), said aloud.
  let comma = false;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = normalizeText(v).replace(/\s+/g, ' ');
    const grouped = GROUPED_INT.exec(s);
    if (PLAIN_INT.test(s)) n = Number(s);
    else if (grouped) {
      n = Number(s.replace(/[.,\s]/g, ''));
      comma = grouped[1] === ',';
    } else if (DECIMAL.test(s)) return fail({ code: 'count-decimal', shown });
    else return fail({ code: isErrorValue(v) ? 'cell-error-value' : 'count-invalid', shown });
  } else return fail({ code: isErrorValue(v) ? 'cell-error-value' : 'count-invalid', shown });
  if (!Number.isFinite(n)) return fail({ code: 'count-invalid', shown });
  if (!Number.isInteger(n)) return fail({ code: 'count-decimal', shown });
  if (!Number.isSafeInteger(n)) return fail({ code: 'count-too-big', shown });
  if (n < 0 && !allowNegative) return fail({ code: 'count-negative', shown });
  const count = n === 0 ? 0 : n; // no -0
  return comma ? { ok: true, value: count, note: { code: 'count-comma-thousands', shown, value: formatCount(count) } } : { ok: true, value: count };
}

// ---------------------------------------------------------------------------------------------
// Plan item ids.

/**
 * Plan item ids from one cell: "III.2.4; III.3.1", commas, spaces or line breaks between them,
 * lower case, a trailing dot ("III.2.4.") forgiven. Duplicates dropped, order kept.
 */
export function parseItemIds(value: unknown): CellParse<string[]> {
  const shown = cellText(value, true);
  if (shown === '') return { ok: true, value: null };
  const ids: string[] = [];
  for (const raw of shown.split(/[;,\s]+/u)) {
    if (raw === '') continue;
    const id = raw.toUpperCase().replace(/\.+$/, '');
    if (!isPlanItemId(id)) return fail({ code: 'item-ids-invalid', shown: cellText(value), bad: raw });
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.length === 0 ? { ok: true, value: null } : { ok: true, value: ids };
}

// ---------------------------------------------------------------------------------------------
// Labels from a fixed list (status, activity type, level), accents and case ignored.

export interface LabelOption<C extends string> {
  code: C;
  label: string;
  /** Other spellings accepted (folded when compared). */
  aliases?: readonly string[];
}

/** The key two spellings of a label share: folded, punctuation and spaces collapsed. */
export function labelKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A code from its label, its code or an alias, accents, case, spaces and punctuation ignored. */
export function parseLabel<C extends string>(value: unknown, options: readonly LabelOption<C>[]): CellParse<C> {
  const shown = cellText(value);
  if (shown === '') return { ok: true, value: null };
  const key = labelKey(shown);
  for (const o of options) {
    if (key === labelKey(o.label) || key === labelKey(o.code)) return { ok: true, value: o.code };
    if (o.aliases?.some((a) => labelKey(a) === key)) return { ok: true, value: o.code };
  }
  return fail({ code: 'label-unknown', shown, allowed: options.map((o) => o.label) });
}

// ---------------------------------------------------------------------------------------------
// Formulas.

/**
 * What the officer must be told about a formula cell, or null for any other cell. A formula is
 * read as the value the spreadsheet program computed and saved with it (warning); a formula saved
 * without that value (a file written by a program that does not compute, never opened in Excel
 * or LibreOffice since) cannot be read at all (error). A formula whose value is empty text reads
 * as a blank cell and needs no word.
 */
export function formulaNote(value: unknown): { severity: 'warning' | 'error'; detail: ProblemDetail } | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  const o = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
  if (!('formula' in o) && !('sharedFormula' in o)) return null;
  const formula = typeof o.formula === 'string' ? `«=${o.formula.length > 40 ? `${o.formula.slice(0, 39)}…` : o.formula}»` : '';
  if (o.result === undefined || o.result === null) return { severity: 'error', detail: { code: 'formula-no-value', formula } };
  const shown = cellText(value);
  if (shown === '') return null;
  return { severity: 'warning', detail: { code: 'formula-value', formula, shown } };
}
