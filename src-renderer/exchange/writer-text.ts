/**
 * Text longer than an Excel cell holds (MAX_CELL_CHARS): cut, with a visible note saying how
 * long the whole text was, so a reader of the file (and our reader) knows the cell is
 * incomplete. The write engine (writer-layout.ts) reports each cut through onTextCut.
 *
 * Pure module.
 */
import { formatCount } from '@domain/fields';
import { toNfc } from '@domain/vn-text';
import { MAX_CELL_CHARS, textCell as safeTextCell } from './safe-cell';

/** A text cell cut at Excel's limit: where it is and how long the whole text was. */
export interface TextCut {
  sheet: string;
  row: number;
  column: string;
  /** Characters of the whole text (NFC), before the cut. */
  length: number;
}

// ---------------------------------------------------------------------------------------------
// Text longer than a cell holds.

/** Opens the note that ends a cut text; a cut cell is the only one ending with CUT_NOTE_END. */
export const CUT_NOTE_START = ' … [ĐÃ CẮT BỚT:';
const CUT_NOTE_END = ' ký tự]';

/** The visible note at the end of a text cut at Excel's cell limit. */
export function cutNote(fullLength: number): string {
  return `${CUT_NOTE_START} một ô chỉ chứa được ${formatCount(MAX_CELL_CHARS)} ký tự, bản đầy đủ dài ${formatCount(fullLength)}${CUT_NOTE_END}`;
}

// The characters safeText (safe-cell.ts) drops; the same expression, to measure the whole text.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters of the text as a cell would hold it with no limit (NFC, XML-safe, LF line ends). */
export function fullCellLength(text: string): number {
  return toNfc(text).replace(XML_ILLEGAL, '').replace(/\r\n?/g, '\n').length;
}

/**
 * A text cell's value (safe-cell.ts textCell: formula-safe, NFC, null when empty). Text longer
 * than Excel's 32,767 characters per cell cannot be written whole: it is cut, and instead of
 * silently, its end is replaced by a visible note ("… [ĐÃ CẮT BỚT: một ô chỉ chứa được 32.767
 * ký tự, bản đầy đủ dài 40.000 ký tự]") that anyone opening the file reads, and writeSheets
 * reports the cell through WriteOptions.onTextCut. The app's own forms keep every field far
 * below the limit (domain/activity.ts ACTIVITY_TEXT_LIMITS); this is for data from elsewhere.
 */
export function textCell(text: string | null | undefined): string | null {
  const s = safeTextCell(text);
  // safeText's result is at most MAX_CELL_CHARS long, one less when it would have cut an astral
  // character in half: only such a result can have been cut. Nearly every cell stops here.
  if (s === null || s.length < MAX_CELL_CHARS - 1) return s;
  const full = fullCellLength(text!);
  if (full <= s.length) return s;
  const note = cutNote(full);
  let kept = s.slice(0, MAX_CELL_CHARS - note.length);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return kept + note;
}

/**
 * textCell of a text known to be one safeText leaves as it is (safe-cell.ts isAlreadySafe): the
 * same value, without looking at its characters again.
 */
export function knownSafeTextCell(text: string): string | null {
  if (text === '') return null;
  return text.length < MAX_CELL_CHARS - 1 ? text : textCell(text);
}

/** The whole length a cut cell's note gives, or null when the value is not a cut text. */
export function cutLengthOf(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < MAX_CELL_CHARS - 200 || !value.endsWith(CUT_NOTE_END)) return null;
  const at = value.lastIndexOf(CUT_NOTE_START);
  if (at < 0) return null;
  const m = /bản đầy đủ dài ([\d.]+) ký tự\]$/.exec(value.slice(at));
  return m ? Number(m[1]!.replace(/\./g, '')) : null;
}

