/**
 * Reading back the text of a PDF that LibreOffice printed, in a way that does not depend on how
 * pdftotext splits glyph runs. With some fonts (a Times New Roman substitute without Vietnamese
 * glyphs, where another font fills in «Ơ» and «Ị») pdftotext prints «ĐƠN VỊ» as «Đ ƠN V Ị».
 * Comparing NFC text with every white space removed keeps letters, diacritics and their order
 * significant, so a missing or misspelt line still fails, while a split inside it does not.
 */
import { execFileSync } from 'node:child_process';

/** pdftotext's text of `pdf` (layout mode keeps one printed line on one text line), NFC. */
export function pdfText(pdf: string, options: { layout?: boolean } = {}): string {
  const args = options.layout === false ? [pdf, '-'] : ['-layout', pdf, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).normalize('NFC');
}

/** `text` in NFC without any white space: what two renderings of the same words share. */
export function squashed(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

/** The lines of `expected` that `text` does not contain, compared squashed (empty when all are there). */
export function missingLines(text: string, expected: readonly string[]): string[] {
  const haystack = squashed(text);
  return expected.filter((line) => !haystack.includes(squashed(line)));
}
