/**
 * What a text cell may hold, so that no spreadsheet program ever runs it and every program
 * shows what the officer typed.
 *
 * Pure module.
 *
 * - A formula-like text ("=HYPERLINK(…)", "+84…", "-5", "@SUM", a leading tab or CR) is written
 *   as a plain string value. ExcelJS writes a string `cell.value` as a shared or inline string
 *   (t="s" / t="inlineStr"), never as <f>; only an object value { formula } becomes a formula, and
 *   this module only ever returns strings. tests/unit/exchange-writer.test.ts checks the XML.
 * - ExcelJS 4.4 cannot write the `quotePrefix` style attribute, so the writer gives every text
 *   column the Text number format ('@', TEXT_NUMFMT) instead: a program that re-parses a cell when
 *   a person edits it (F2, Enter) keeps it as text too, and "12/5" or "1.2" typed in the template
 *   stay text rather than turning into a date or a number.
 * - Line ends are LF (a CR would come back as LF from any XML parser anyway).
 * - Text is NFC. Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone
 *   surrogates; U+FFFE/U+FFFF) are dropped, because a file containing them cannot be opened.
 * - A cell holds at most 32,767 characters (Excel's limit); longer text is cut there.
 */
import { toNfc } from '@domain/vn-text';

/** Number format of text columns: "Text" in Excel, LibreOffice and WPS. */
export const TEXT_NUMFMT = '@';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when a spreadsheet program would read this text as the start of a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text that safeText leaves as it is: tab, LF and printable characters below U+0300 (Latin, with
 * ă â đ ê ô ơ ư) or in U+1E00–U+1EFF (the precomposed Vietnamese vowels with tone marks). None of
 * these has another NFC form, alone or next to another one of them (a combining mark, which
 * could compose, is outside both ranges), and none is XML-illegal or a CR. Nearly every string
 * a report holds is like this, so the writer skips normalize() and the replacements for it.
 */
const ALREADY_SAFE = /^[\t\n\u0020-\u02FF\u1E00-\u1EFF]*$/;

/** True when safeText leaves `text` as it is, but for the length limit (see ALREADY_SAFE). */
export function isAlreadySafe(text: string): boolean {
  return ALREADY_SAFE.test(text);
}

/** Text as a cell holds it: NFC, without XML-illegal characters, at most MAX_CELL_CHARS. */
export function safeText(text: string): string {
  if (ALREADY_SAFE.test(text)) return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
  let out = toNfc(text).replace(XML_ILLEGAL, '');
  // XML parsers turn a raw CR into LF, so write line ends as LF: what is read back is what was written.
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (out.length > MAX_CELL_CHARS) {
    out = out.slice(0, MAX_CELL_CHARS);
    // Never cut an astral character (emoji) in half: a lone high surrogate would be written as U+FFFD.
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/** A text cell's value: the safe string, or null for an empty one (the cell stays blank). */
export function textCell(text: string | null | undefined): string | null {
  if (text == null) return null;
  const s = safeText(text);
  return s === '' ? null : s;
}

/** A count cell's value: a finite number, or null for none. */
export function numberCell(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
