/**
 * Vietnamese text rules: NFC storage and accent-insensitive matching.
 *
 * Unicode decomposition alone does not fold đ/Đ (they are letters of their own, not d plus a
 * mark), so they are mapped explicitly.
 */

/** Text in NFC, so NFD input from macOS or some keyboards compares equal. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Characters that never belong in what an officer types or a file brings: C0 controls other than
 * tab and line feed (a NUL cuts a name short in other programs), DEL and the C1 controls, and the
 * bidirectional embeddings, overrides, isolates and marks (U+202E makes «gnp.exe» display as
 * «exe.png»). Vietnamese needs none of them.
 */
// eslint-disable-next-line no-control-regex
const UNWANTED_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it is stored, from any input edge (forms, workbooks, unit lists, plans, backups): NFC,
 * line endings as "\n", without the characters of UNWANTED_CHARS. Nothing else changes (no
 * trimming: callers decide about white space).
 */
export function cleanText(text: string): string {
  const nfc = text.normalize('NFC');
  return (nfc.includes('\r') ? nfc.replace(/\r\n?/g, '\n') : nfc).replace(UNWANTED_CHARS, '');
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Fold one string for matching: lower case, no tone or vowel marks, đ → d.
 * The result has exactly one UTF-16 unit per UTF-16 unit of the NFC input, so indexes found in
 * the folded text point at the same characters of the NFC text (see `findMatches`).
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += foldChar(ch);
  }
  return out;
}

/** The key two labels are compared by: folded, runs of whitespace as one space, trimmed. */
export function foldedKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * Folded form of each character seen so far. Text has few distinct characters (letters with
 * their tone marks, digits, punctuation), and normalizing each one is the costly part: the
 * cache makes folding 50,000 activities' search text about 5× faster. Bounded so that unusual
 * input (every CJK character, say) cannot grow it without end.
 */
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 4096;

function foldChar(ch: string): string {
  const cached = FOLD_CACHE.get(ch);
  if (cached !== undefined) return cached;
  const folded = foldCharUncached(ch);
  if (FOLD_CACHE.size < FOLD_CACHE_MAX) FOLD_CACHE.set(ch, folded);
  return folded;
}

function foldCharUncached(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  // A precomposed letter folds to one base letter; anything else keeps its length so that
  // positions stay aligned with the NFC text.
  return base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
}

/** Split a query into folded words, ignoring extra spaces and punctuation around words. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s,;.]+/u)
    .filter((w) => w.length > 0);
}

/** True when every word of the query occurs in the text, accents and case ignored. */
export function matchesQuery(text: string, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const hay = fold(text);
  return words.every((w) => hay.includes(w));
}

export interface MatchRange {
  start: number;
  end: number;
}

/**
 * Ranges of the NFC form of `text` that match words of the query, merged and sorted, for
 * highlighting. Returns [] unless every word occurs (the same rule as `matchesQuery`).
 */
export function findMatches(text: string, query: string): MatchRange[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const hay = fold(text);
  const ranges: MatchRange[] = [];
  for (const w of words) {
    let from = 0;
    let found = false;
    for (let at = hay.indexOf(w, from); at !== -1; at = hay.indexOf(w, from)) {
      ranges.push({ start: at, end: at + w.length });
      from = at + w.length;
      found = true;
    }
    if (!found) return [];
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MatchRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Written in capitals (at least two capital letters, no small one): "KẾ HOẠCH", "I. MỤC ĐÍCH". */
export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}[^]*\p{Lu}/u.test(text);
}

/** Lower-case ASCII form of any text for ids and file names: folded (đ → d), [a-z0-9] runs joined by '-'. */
export function asciiSlug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The order of names and codes in every list an officer reads: Vietnamese alphabetical order,
 * accents and case only after the letters, numbers by their value («số 2» before «số 10»).
 */
export const vnOrder = new Intl.Collator('vi', { numeric: true });
