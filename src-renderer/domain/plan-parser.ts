/**
 * The plan parser: plan text (markdown converted from a printed document, plain text copied
 * from Word, or the text form of a .docx from docx-to-text.ts) → the plan tree of plan-types.ts.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM. `parsePlan` never throws: whatever it
 * cannot understand ends up in `warnings`, and garbage gives an empty plan.
 *
 * How it reads a document, in order:
 * 1. Page furniture. Page numbers ("2", "- 2 -", "Trang 2/3"), form feeds and running headers or
 *    footers (the same line beside two or more page numbers) are dropped, with one warning naming
 *    them; the line after them is marked as following a page break (step 4).
 * 2. Lines. Each line is cleaned of markdown (headings' #, **bold**, *italic*, `_`, `code`,
 *    links, escapes, simple HTML tags) and classified by its marker: "Phần thứ nhất", Roman
 *    numeral ("III.", also "PHẦN III"), arabic number ("2."), dotted number ("1.1."), letter
 *    ("a)"), capital ("A."), bullet ("-", "*", "+", "•", "–") or none; an attribute line
 *    ("Thời gian thực hiện: …", plan-attributes.ts) is noted as such. Heading levels are
 *    ignored: the numbering decides. A task table ("STT | Nội dung | Thời gian | …", tabs as Word
 *    copies it, or markdown pipes) becomes one row line per task; its header row is not content.
 * 3. Paragraphs. A blank line ends a paragraph and a line with a marker starts one. Markdown
 *    (blank lines between paragraphs) joins other lines to the paragraph above (soft wraps and
 *    hard "  " breaks); text copied from Word (single newlines) makes every line a paragraph.
 *    "PHẦN I" and "A." are parts above the sections when Roman sections follow them.
 * 4. Zones. Before the first part or Roman section: the header (bodies, "Số:" also in brackets,
 *    place and date, document type, title, preamble). From the first "Trên đây là…", "Nơi
 *    nhận:" or signature line ("TM. BAN THƯỜNG VỤ") after it: the closing, recipients and
 *    signature. Between: the body.
 * 5. Page-break splits (body, preamble, closing). A paragraph that ends without terminal
 *    punctuation (. ; : ! ? ” … ") followed by an un-marked paragraph starting with a lower-case
 *    letter is joined to it with one space; so is one starting with a capital when the document
 *    otherwise ends its paragraphs with punctuation (the seed's "…Lao động Việt" + "Nam, …" split
 *    falls between two words, so a space is right; a trailing hyphen or soft hyphen is joined
 *    without one). A document that habitually omits final punctuation only gets lower-case joins,
 *    so that a lost bullet starting with a capital stays an item of its own. Whatever the next
 *    line starts with, a paragraph is joined when its last line was cut at the page's width (a
 *    PDF copy, wrapWidth) or ends on a word no sentence ends on ("của", "và"). A join across
 *    page furniture, or in a text that is not a PDF copy, is a warning.
 * 6. The tree. "Phần thứ…" and resolved parts → part; Roman → section (inside the open part);
 *    arabic inside a section → task group; "1.1." → an item of the current group (it numbers a
 *    sub-task of group "1.", i.e. the unit an officer ticks off); "1.1.1." → a subitem; bullets
 *    and un-marked paragraphs → items; "a)" → a subitem of the preceding item, or, when it opens
 *    a group (no item before it), an item of its own whose following bullets become its subitems
 *    (the same for "1.1." items); "+" after items marked otherwise, or a bullet indented deeper
 *    than the item above → subitem. An attribute line goes on the node above it; a table row is
 *    an item with its columns as attributes (a row with only a Roman number or a title in
 *    capitals is a group). A section whose numbered entries all lack children is a numbered list
 *    of tasks, so they become items. When no Roman numeral or part exists at all, arabic numbers
 *    play the sections' part.
 * 7. Ids from positions (plan-tree.ts `renumber`); which nodes are tracked follows the rule of
 *    plan-tracking.ts (the leaves of the task sections).
 */
import { cleanAttributeValue, isColumnNumberRow, parseAttributeLine, taskTableColumns, type TaskTableColumn } from './plan-attributes';
import type { ParsedPlan, PlanAttribute, PlanHeader, PlanNode } from './plan-types';
import { printedLabel, renumber } from './plan-tree';
import { applyTrackingRule, blocksOf } from './plan-tracking';
import { fold, isAllCaps, toNfc } from './vn-text';

// ---------------------------------------------------------------------------------------------
// Lines

type Marker =
  /** "III." (`word`: "PHẦN III" as printed, when the word "Phần" came first). */
  | { kind: 'roman'; label: string; word?: string }
  | { kind: 'arabic'; label: string }
  | { kind: 'dotted'; label: string; depth: number }
  | { kind: 'letter'; label: string }
  /** "A." / "B.": parts inside a section grouping its numbered tasks, or parts above sections. */
  | { kind: 'capital'; label: string }
  /** "Phần thứ nhất" as printed; or, once resolved, any heading of a part above the sections. */
  | { kind: 'part'; label: string }
  /** A row of a task table, its cells as printed. */
  | { kind: 'row'; cells: string[]; columns: readonly TaskTableColumn[] }
  | { kind: 'none' };

interface Line {
  /** Leading spaces (a tab counts 4). */
  indent: number;
  /** Was an ATX heading ("### …"). */
  heading: boolean;
  /** The whole line was bold ("**…**"): heading-like, never continued. */
  strong: boolean;
  /** Ends with a markdown hard break ("  " or "\"). */
  hardBreak: boolean;
  /** Bullet character, or null. */
  bullet: string | null;
  marker: Marker;
  /** Clean text with the number marker kept, bullet removed. */
  full: string;
  /** Clean text after the marker. */
  body: string;
  /** The raw line, trimmed. */
  raw: string;
  /** Page furniture (a page number, a running header) stood between this line and the one before. */
  afterPageBreak: boolean;
  /** Length of the raw line: a text cut into lines of one width (a PDF copy) is read by it. */
  width: number;
  /** The line reads "Thời gian thực hiện: …" (plan-attributes.ts): data about the node above. */
  attribute: boolean;
}

const BULLET_RE = /^(?:([-–—•·▪◦●○■□➢➤►✓√])(?:\s+|(?=[\p{L}\p{N}“"(]))|([*+])\s+)/u;
// "III." and "III -", also "III- " with the dash against the numeral (a common typed style).
const ROMAN_RE = /^(X{0,2}(?:IX|IV|V?I{0,3}))\s*(?:[.):/]|\s[-–—]|[-–—](?=\s|$))\s*(.*)$/su;
const DOTTED_RE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\)?(?:\s+|$)(.*)$/su;
// "2." and "2)", also "2- Tuyên truyền" / "2 - Tuyên truyền" when a capital follows (so that
// "5 - 10 người …" stays text).
const ARABIC_RE = /^(\d{1,2})(?:[.)](?:\s+|(?=\p{L})|$)|\s?[-–]\s+(?=\p{Lu}))(.*)$/su;
const LETTER_RE = /^([a-zđ])(?:\)|\.(?=\s))\s*(.*)$/su;
// Capitals A–G only, and a capitalised title after them: "H. Dương Minh Châu" is a place.
const CAPITAL_RE = /^([A-G])[.)]\s+(?=\p{Lu})(.*)$/su;
/** "PHẦN I." / "Phần II –": the Roman numeral after the word "Phần" still numbers a section. */
const PART_WORD_RE = /^((?:PHẦN|Phần)\s+)(?=[IVX]+\s*(?:[.):/]|[-–—]|$))/u;
/** "Phần thứ nhất", "PHẦN THỨ HAI: NHIỆM VỤ…": always a part above the sections. */
const PART_ORDINAL_RE = /^(phần\s+thứ\s+(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười))(?=$|[\s.:;,–—-])\s*[.:–—-]?\s*(.*)$/iu;
const SEPARATOR_RE = /^\s*([-*_=~])(?:\s*\1){2,}\s*$/u;
const ESCAPABLE_RE = /\\([!-/:-@[-`{-~])/g;
const PRIVATE_BASE = 0xe000;

/** Strip inline markdown and normalise spaces; keeps typographic quotes. */
export function cleanInline(input: string): string {
  let s = input.replace(/[\ue000-\ue07f\ue0f0]/g, '');
  // Escaped characters are literal: park them in the private-use area while markup is removed.
  s = s.replace(ESCAPABLE_RE, (_m, c: string) => String.fromCharCode(PRIVATE_BASE + c.charCodeAt(0)));
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|i|u|s|em|strong|span|sup|sub|mark|font|del|ins|p)\b[^>]*>/gi, '')
    .replace(/`+/g, '')
    .replace(/~~/g, '');
  // Every run of asterisks is emphasis, balanced or not (bold can span a hard line break),
  // except a lone "*" standing between spaces.
  s = s.replace(/\*+/g, (m, off: number, str: string) =>
    m.length === 1 && /\s/.test(str[off - 1] ?? ' ') && /\s/.test(str[off + 1] ?? ' ') && off > 0 && off < str.length - 1
      ? m
      : '',
  );
  // Underscores are emphasis at word edges, literal inside a word (snake_case, file names).
  s = s.replace(/_+/g, (m, off: number, str: string) => {
    const before = str[off - 1] ?? '';
    const after = str[off + m.length] ?? '';
    return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? m : '';
  });
  s = s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE_BASE));
  return s.replace(/\s+/g, ' ').trim();
}

function classify(text: string): { marker: Marker; body: string } {
  let m = PART_ORDINAL_RE.exec(text);
  if (m) return { marker: { kind: 'part', label: m[1]!.replace(/\s+/g, ' ') }, body: (m[2] ?? '').trim() };
  // "V/v …" (về việc) is the subject line of an official letter, not section V.
  const word = PART_WORD_RE.exec(text);
  m = /^V\/v\b/u.test(text) ? null : ROMAN_RE.exec(word ? text.slice(word[0].length) : text);
  if (m && m[1]) {
    const marker: Marker = word ? { kind: 'roman', label: m[1], word: `${word[1]!.trim()} ${m[1]}` } : { kind: 'roman', label: m[1] };
    return { marker, body: (m[2] ?? '').trim() };
  }
  m = DOTTED_RE.exec(text);
  if (m) {
    const label = m[1]!;
    return { marker: { kind: 'dotted', label, depth: label.split('.').length }, body: (m[2] ?? '').trim() };
  }
  m = ARABIC_RE.exec(text);
  if (m) return { marker: { kind: 'arabic', label: m[1]! }, body: (m[2] ?? '').trim() };
  m = LETTER_RE.exec(text);
  if (m) return { marker: { kind: 'letter', label: m[1]! }, body: (m[2] ?? '').trim() };
  m = CAPITAL_RE.exec(text);
  if (m) return { marker: { kind: 'capital', label: m[1]! }, body: (m[2] ?? '').trim() };
  return { marker: { kind: 'none' }, body: text };
}

/** null for blank and separator lines. */
function analyzeLine(rawLine: string): Line | null {
  const expanded = rawLine.replace(/\t/g, '    ');
  if (expanded.trim() === '' || SEPARATOR_RE.test(expanded)) return null;
  const indent = expanded.length - expanded.trimStart().length;
  const hardBreak = / {2,}$|\\$/.test(rawLine.replace(/\t+$/, ''));
  let s = rawLine.trim().replace(/\\$/, '').trim();
  const raw = s;
  // Block quotes carry no meaning in a plan.
  s = s.replace(/^(?:>\s?)+/, '');
  let heading = false;
  const h = /^#{1,6}(?:\s+|$)/.exec(s);
  if (h) {
    heading = true;
    s = s.slice(h[0].length).replace(/\s+#+\s*$/, '');
  }
  let bullet: string | null = null;
  const b = BULLET_RE.exec(s);
  if (b) {
    bullet = b[1] ?? b[2] ?? '-';
    s = s.slice(b[0].length);
  }
  const strong = /^(\*\*|__)\S/.test(s) && /\S(\*\*|__)\s*$/.test(s);
  const escapedStart = s.startsWith('\\') && !/^\\[.)]/.test(s) && !/^\d/.test(s.slice(1));
  const full = cleanInline(s);
  if (full === '' && bullet === null) return null;
  const { marker, body } =
    bullet !== null || escapedStart ? { marker: { kind: 'none' } as Marker, body: full } : classify(full);
  const attribute = marker.kind === 'none' && parseAttributeLine(body) !== null;
  return { indent, heading, strong, hardBreak, bullet, marker, full, body, raw, afterPageBreak: false, width: rawLine.trim().length, attribute };
}

// ---------------------------------------------------------------------------------------------
// Page furniture

/**
 * A form feed (a page break in a PDF's text) becomes a line of this one private-use character
 * (not white space, so trimming keeps it; cleanInline drops a stray one).
 */
const PAGE_BREAK_LINE = '\ue0f0';
// "2", "- 2 -", "Trang 2", "Trang 2/3", "Trang 2 / 3", "2/3", "Page 2 of 3".
const PAGE_NUMBER_RE =
  /^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^(?:trang|page)\s*\d{1,3}(?:\s*(?:\/|trên|of)\s*\d{1,3})?$|^\d{1,3}\s*\/\s*\d{1,3}$/iu;

/** The line before `i` (blank lines skipped) is "Phần thứ hai" or "III." with its title below it. */
function followsBareHeading(raw: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (raw[j]!.trim() === '') continue;
    const line = analyzeLine(raw[j]!);
    return line !== null && (line.marker.kind === 'part' || line.marker.kind === 'roman') && line.body === '';
  }
  return false;
}

function furnitureKey(line: string): string {
  return cleanInline(line).replace(/\s+/g, ' ').trim();
}

/**
 * Drops what a printed page adds around its text: page numbers, "Trang 2/3", form feeds, and
 * running headers or footers (a line met beside two or more page numbers, the same every time).
 * Returns the lines kept and, for each, whether furniture stood just before it (the parser then
 * knows a page break may have cut the paragraph above). One warning names what was dropped.
 */
function dropPageFurniture(raw: readonly string[], warnings: string[]): { lines: string[]; afterBreak: boolean[] } {
  const isMark = raw.map((l) => {
    const t = l.trim();
    return t === PAGE_BREAK_LINE || (t !== '' && PAGE_NUMBER_RE.test(furnitureKey(t)));
  });
  // Running headers: the non-blank lines just around each page mark, counted once per mark.
  const marksBeside = new Map<string, Set<number>>();
  const near = (from: number, step: number, mark: number): void => {
    let seen = 0;
    for (let i = from; i >= 0 && i < raw.length && seen < 2; i += step) {
      const t = raw[i]!.trim();
      if (t === '') continue;
      if (isMark[i]) break;
      seen++;
      const line = analyzeLine(raw[i]!);
      // A bullet, a numbered heading, an attribute or a heading's title on the line after
      // "Phần thứ hai" is content even when it repeats.
      if (!line || line.bullet !== null || line.marker.kind !== 'none' || parseAttributeLine(line.full) || followsBareHeading(raw, i)) continue;
      const key = furnitureKey(t);
      // A header starts like a title and is no sentence: a line going on in lower case, or one
      // ending like a sentence («Ban Nữ công.»), ends a sentence the page cut, even when two
      // pages happen to start with the same words.
      if (key.length > 120 || /^\p{Ll}/u.test(key) || /[.;:,!?]$/u.test(key)) continue;
      const set = marksBeside.get(key) ?? new Set<number>();
      set.add(step * (mark + 1));
      marksBeside.set(key, set);
    }
  };
  isMark.forEach((mark, i) => {
    if (!mark) return;
    near(i - 1, -1, i);
    near(i + 1, 1, i);
  });
  const running = new Set([...marksBeside].filter(([, set]) => [...set].filter((v) => v > 0).length >= 2 || [...set].filter((v) => v < 0).length >= 2).map(([k]) => k));

  const lines: string[] = [];
  const afterBreak: boolean[] = [];
  const dropped: string[] = [];
  let pending = false;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!.trim();
    if (isMark[i] || (t !== '' && running.has(furnitureKey(t)))) {
      if (t !== PAGE_BREAK_LINE) dropped.push(furnitureKey(t));
      pending = true;
      continue;
    }
    // Blank lines around the furniture belong to the page layout, not to the text.
    if (pending && t === '') continue;
    lines.push(raw[i]!);
    afterBreak.push(pending);
    pending = false;
  }
  if (dropped.length > 0) {
    const distinct = [...new Set(dropped)];
    const shown = distinct.slice(0, 6).map((d) => `«${snippetStart(d)}»`).join(', ');
    warnings.push(
      `Đã bỏ ${dropped.length} dòng số trang, đầu trang, chân trang: ${shown}${distinct.length > 6 ? ', …' : ''}.`,
    );
  }
  return { lines, afterBreak };
}

// ---------------------------------------------------------------------------------------------
// Task tables

/** The cells of a line copied from a table: tab-separated (Word), or "| a | b |" (markdown). */
function tableCells(rawLine: string): string[] | null {
  if (rawLine.includes('\t')) return rawLine.replace(/\s+$/u, '').split('\t').map((c) => cleanInline(c));
  const t = rawLine.trim();
  if (/^\|.*\|$/u.test(t) && t.length > 2) return t.slice(1, -1).split('|').map((c) => cleanInline(c));
  return null;
}

const PIPE_RULE_RE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/u;

/**
 * The lines as the parser reads them: page furniture dropped, each task table's rows as
 * 'row' lines (the header row and its repeats dropped, its column names kept on the rows).
 */
function readLines(raw: readonly string[], warnings: string[]): (Line | null)[] {
  const { lines: kept, afterBreak } = dropPageFurniture(raw, warnings);
  const out: (Line | null)[] = [];
  let table: { columns: readonly TaskTableColumn[]; headerKey: string } | null = null;
  const repeats: string[] = [];
  // For each line, the next line that is not blank (kept.length when none): one pass, so a text
  // of many blank lines inside a table still costs linear time.
  const nextFilled = new Array<number>(kept.length + 1).fill(kept.length);
  for (let i = kept.length - 1; i >= 0; i--) nextFilled[i] = kept[i]!.trim() === '' ? nextFilled[i + 1]! : i;
  for (let i = 0; i < kept.length; i++) {
    const rawLine = kept[i]!;
    const cells = tableCells(rawLine);
    if (table) {
      if (PIPE_RULE_RE.test(rawLine.trim())) continue;
      if (cells && cells.some((c) => c !== '') && !endsTable(rawLine, cells)) {
        const key = cells.join('\t');
        if (key === table.headerKey || isColumnNumberRow(cells)) repeats.push(cells.filter(Boolean).join(' | '));
        else out.push(rowLine(rawLine, cells, table.columns, afterBreak[i]!));
        continue;
      }
      // A blank line inside a table (a text pasted with blank lines between paragraphs).
      const next = kept[nextFilled[i]!];
      if (rawLine.trim() === '' && next !== undefined && tableCells(next)) continue;
      table = null;
    }
    const columns = cells ? taskTableColumns(cells) : null;
    if (cells && columns) {
      table = { columns, headerKey: cells.join('\t') };
      continue;
    }
    const line = analyzeLine(rawLine);
    if (line) line.afterPageBreak = afterBreak[i]!;
    out.push(line);
  }
  if (repeats.length > 0) {
    warnings.push(`Đã bỏ ${repeats.length} dòng tiêu đề cột của bảng (lặp lại, hoặc số thứ tự cột): «${snippetStart(repeats[0]!)}».`);
  }
  return out;
}

/** A tabbed line that is not a row even right after a table: a bullet, the recipients or signature. */
function endsTable(rawLine: string, cells: readonly string[]): boolean {
  if (analyzeLine(rawLine)?.bullet != null) return true;
  return isRecipientsStart(cells[0] ?? '') || cells.some((c) => isSignatureLine(c)) || /^tren day la\b/.test(foldStart(cells[0] ?? ''));
}

function rowLine(rawLine: string, cells: string[], columns: readonly TaskTableColumn[], afterPageBreak: boolean): Line {
  const full = cells.filter(Boolean).join(' ');
  return {
    indent: 0,
    heading: false,
    strong: false,
    hardBreak: false,
    bullet: null,
    marker: { kind: 'row', cells, columns },
    full,
    body: full,
    raw: rawLine.trim(),
    afterPageBreak,
    width: 0,
    attribute: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

interface Para {
  lines: Line[];
  indent: number;
  heading: boolean;
  strong: boolean;
  bullet: string | null;
  marker: Marker;
  /** Text after the marker, lines joined with one space. */
  body: string;
  /** Text with the number marker, lines joined with one space. */
  full: string;
  /** Page furniture stood just before the paragraph. */
  afterPageBreak: boolean;
  /** Width of the paragraph's last line (see Line.width). */
  lastWidth: number;
  /** The paragraph is an attribute line ("Thời gian thực hiện: …"). */
  attribute: boolean;
}

function hasMarker(line: Line): boolean {
  return line.heading || line.bullet !== null || line.marker.kind !== 'none' || line.attribute;
}

function toParagraphs(lines: (Line | null)[]): Para[] {
  // Markdown separates paragraphs with blank lines; Word's plain text with single newlines.
  let blankSeparators = 0;
  let softPairs = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    if (line && prev && !hasMarker(line)) softPairs++;
    if (line && !prev) {
      for (let j = i - 1; j >= 0; j--) {
        if (lines[j]) {
          blankSeparators++;
          break;
        }
      }
    }
  }
  const wordMode = blankSeparators === 0 || softPairs > blankSeparators;

  const paras: Para[] = [];
  let current: Para | null = null;
  let closed = false;
  for (const line of lines) {
    if (!line) {
      current = null;
      continue;
    }
    const startsNew =
      current === null || closed || wordMode || hasMarker(line) || line.strong || isAllCaps(line.full);
    if (startsNew) {
      current = {
        lines: [line],
        indent: line.indent,
        heading: line.heading,
        strong: line.strong,
        bullet: line.bullet,
        marker: line.marker,
        body: line.body,
        full: line.full,
        afterPageBreak: line.afterPageBreak,
        lastWidth: line.width,
        attribute: line.attribute,
      };
      paras.push(current);
    } else if (current) {
      current.lines.push(line);
      current.strong = false;
      current.body = `${current.body} ${line.full}`.trim();
      current.full = `${current.full} ${line.full}`.trim();
      current.lastWidth = line.width;
    }
    closed =
      line.heading ||
      line.strong ||
      line.marker.kind === 'roman' ||
      line.marker.kind === 'part' ||
      line.marker.kind === 'row' ||
      isAllCaps(line.full);
  }
  return paras;
}

// ---------------------------------------------------------------------------------------------
// Page-break joins

const TERMINAL_RE = /[.;:!?”…"»]$/u;

function snippetEnd(s: string): string {
  return s.length > 40 ? `…${s.slice(-40)}` : s;
}
function snippetStart(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Paragraphs that may hold the first half of a split. */
function canBeContinued(p: Para): 'any' | 'lower' | 'no' {
  if (p.heading || p.strong || p.marker.kind === 'roman' || isAllCaps(p.full)) return 'no';
  if (p.marker.kind === 'none') return 'any';
  return 'lower';
}

function isContinuation(p: Para): boolean {
  return !p.heading && p.bullet === null && p.marker.kind === 'none' && !p.strong && !p.attribute && !isAllCaps(p.full);
}

/**
 * 'yes' when most paragraphs of the kind that can be split end with punctuation, 'no' when they
 * do not, 'unknown' when too few paragraphs tell.
 */
function punctuationHabit(paras: readonly Para[]): 'yes' | 'no' | 'unknown' {
  // A paragraph followed by an un-marked one may be the first half of a split: it says nothing
  // about the document's habit (counting it, a text copied from a PDF with many lines cut before
  // a capital, "… đoàn viên của" + "Liên đoàn Lao động huyện …", looked unpunctuated).
  const candidates = paras.filter(
    (p, i) => (canBeContinued(p) === 'any' || p.bullet !== null) && !(paras[i + 1] && isContinuation(paras[i + 1]!)),
  );
  if (candidates.length < 3) return 'unknown';
  const terminated = candidates.filter((p) => TERMINAL_RE.test(p.body)).length;
  return terminated / candidates.length >= 0.8 ? 'yes' : 'no';
}

/** How a text copied from printed pages was cut: its line width, and how many cuts showed it. */
interface Wrap {
  width: number;
  cuts: number;
}

/**
 * The width a text copied from printed pages (a PDF) was cut at, or null for a text whose lines
 * are its paragraphs (Word, a web page, markdown). In such a text no line is much wider than a
 * printed line, and the lines left without final punctuation for the next line to go on (the
 * evidence of a cut) are nearly all as wide as the widest lines; a Word copy split only at page
 * breaks has too few of them.
 */
function wrapWidth(lines: readonly (Line | null)[]): Wrap | null {
  const text = lines.filter((l): l is Line => l !== null && l.marker.kind !== 'row');
  const widths = text.filter((l) => l.width >= 20).map((l) => l.width).sort((a, b) => a - b);
  if (widths.length < 4) return null;
  const width = widths[Math.floor((widths.length - 1) * 0.95)]!;
  if (width > 140) return null;
  // A line without final punctuation that another line without a marker follows: cut there.
  // Only from the first section on: the header's lines (bodies, motto, place) are laid out, not cut.
  const start = lines.findIndex((l) => l !== null && (l.marker.kind === 'roman' || l.marker.kind === 'part'));
  const cuts: number[] = [];
  for (let i = Math.max(1, start + 1); i < lines.length; i++) {
    const line = lines[i];
    const before = lines[i - 1];
    if (!line || !before || line.bullet !== null || line.marker.kind !== 'none' || line.attribute || isAllCaps(line.full)) continue;
    if (before.heading || before.marker.kind === 'roman' || before.marker.kind === 'part' || isAllCaps(before.full)) continue;
    if (!TERMINAL_RE.test(before.full)) cuts.push(before.width);
  }
  if (cuts.length === 0) return null;
  return cuts.filter((w) => w >= 0.8 * width).length >= 0.75 * cuts.length ? { width, cuts: cuts.length } : null;
}

/** Words a sentence cannot end on: a paragraph ending with one goes on in the next. */
const DANGLING_WORDS = new Set([
  'của', 'và', 'với', 'cho', 'các', 'những', 'trong', 'tại', 'về', 'để', 'theo', 'từ', 'đến', 'là', 'được', 'có',
  'do', 'bởi', 'hoặc', 'cùng', 'thuộc', 'trên', 'dưới', 'giữa', 'như', 'nhằm', 'gồm', 'vào', 'hay', 'mà', 'đối', 'tới',
]);

function endsDangling(text: string): boolean {
  const last = /([\p{L}]+)$/u.exec(text);
  return last !== null && DANGLING_WORDS.has(last[1]!.toLowerCase());
}

/**
 * Joins the halves of paragraphs that a page break or a line cut split (see the header comment
 * for when). `wrap` is wrapWidth() of the document's lines.
 */
function joinPageBreaks(paras: readonly Para[], warnings: string[], wrap: Wrap | null = null): Para[] {
  const habit = punctuationHabit(paras);
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && isContinuation(p) && !TERMINAL_RE.test(prev.body) && prev.body !== '') {
      const mode = canBeContinued(prev);
      const lower = /^\p{Ll}/u.test(p.body);
      const upper = /^\p{Lu}/u.test(p.body);
      // A line cut at the page's width, or before a word no sentence ends on, goes on whatever
      // the next line starts with ("… thành lập tổ chức" + "Công đoàn Việt Nam.").
      const cut = mode !== 'no' && ((wrap !== null && prev.lastWidth >= 0.8 * wrap.width) || endsDangling(prev.body));
      // Across page furniture a capital goes on too, unless the text is known to leave its
      // paragraphs unpunctuated (then it is more likely a paragraph of its own).
      const capitalGoesOn = upper && (habit === 'yes' || (habit === 'unknown' && p.afterPageBreak));
      if (cut || (mode === 'any' && (lower || capitalGoesOn)) || (mode === 'lower' && lower)) {
        const hyphenated = /[\p{L}][-\u00ad]$/u.test(prev.body);
        const glue = (a: string): string => (hyphenated ? a.replace(/[-\u00ad]$/u, '') : `${a} `);
        // A split across page furniture is a page break; the many line cuts of a PDF copy are
        // not worth a warning each, but a text with only a cut or two may not be one.
        if (p.afterPageBreak || wrap === null || wrap.cuts < 3) {
          warnings.push(`Đã nối đoạn bị ngắt trang: “${snippetEnd(prev.body)}” + “${snippetStart(p.body)}”.`);
        }
        out[out.length - 1] = {
          ...prev,
          lines: [...prev.lines, ...p.lines],
          body: glue(prev.body) + p.body,
          full: glue(prev.full) + p.full,
          lastWidth: p.lastWidth,
        };
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Zones

function foldStart(s: string): string {
  return fold(s.slice(0, 40)).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
}

function isClosingStart(p: Para): boolean {
  if (p.bullet !== null || p.marker.kind !== 'none') return false;
  return foldStart(p.full).startsWith('tren day la') || foldStart(p.full).startsWith('tren day ');
}

function isRecipientsStart(text: string): boolean {
  return foldStart(text).startsWith('noi nhan');
}

// "TM. BAN THƯỜNG VỤ", also typed "T/M BAN CHẤP HÀNH" or "TM BAN THƯỜNG VỤ" without the dot.
const SIGNATURE_TITLE_RE =
  /^(?:(?:T\/M|TM|KT|TL|TUQ)(?:\s*[.:]\s*|\s+)\p{Lu}|Q\s*[.:]\s*\p{Lu}|(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|BÍ\s+THƯ|GIÁM\s+ĐỐC)\s*$)/u;
/** "TM. Ban Thường vụ" in sentence case: the abbreviation with its dot is enough. */
const SIGNATURE_ABBREVIATION_RE = /^(?:T\/M|TM|KT|TL|TUQ)\s*[.:]\s*\p{Lu}/u;

function isSignatureLine(text: string): boolean {
  return (isAllCaps(text) && SIGNATURE_TITLE_RE.test(text)) || (text.length <= 80 && SIGNATURE_ABBREVIATION_RE.test(text));
}

function isSignatureStart(p: Para): boolean {
  return p.bullet === null && p.marker.kind === 'none' && p.lines.length > 0 && isSignatureLine(p.lines[0]!.full);
}

// ---------------------------------------------------------------------------------------------
// Header

const DOC_TYPES = [
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'CHƯƠNG TRÌNH',
  'BÁO CÁO',
  'HƯỚNG DẪN',
  'QUYẾT ĐỊNH',
  'THÔNG BÁO',
  'CÔNG VĂN',
  'ĐỀ ÁN',
  'NGHỊ QUYẾT',
  'CHỈ THỊ',
  'TỜ TRÌNH',
  'PHƯƠNG ÁN',
];

function docTypeOf(text: string): { type: string; rest: string } | null {
  if (!isAllCaps(text.split(/\s+/).slice(0, 4).join(' '))) return null;
  for (const type of DOC_TYPES) {
    if (text === type) return { type, rest: '' };
    if (text.startsWith(`${type} `) && isAllCaps(text)) return { type, rest: text.slice(type.length).trim() };
  }
  return null;
}

function isMotto(text: string): boolean {
  const f = fold(text).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  return f.includes('cong hoa xa hoi chu nghia viet nam') || f.includes('doc lap tu do hanh phuc');
}

const NUMBER_RE = /^Số\s*[:.]?\s*(\S*)\s*(.*)$/u;
const PLACE_DATE_RE = /ngày\s*[\d\s.…_/-]*\s*tháng\s*[\d\s.…_]*\s*năm\s*\d{4}|ngày\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/iu;

/** Split a header line into cells: Word copies the two-column header table with tabs. */
function cells(line: Line): string[] {
  return line.raw
    .split(/\t+| {3,}/)
    .map((c) => cleanInline(c.replace(/^#{1,6}\s+/, '')))
    .filter((c) => c !== '' && !SEPARATOR_RE.test(c));
}

const REFERENCE_RE = new RegExp(
  String.raw`(?:Kế hoạch|Chương trình hành động|Chương trình|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Hướng dẫn|Công văn|Thông tri|Thông báo|Đề án|Nghị định|Thông tư|Luật)` +
    String.raw`(?:\s+số)?\s+(\d[\p{L}\p{N}]*(?:[-/.][\p{L}\p{N}]+)+)` +
    String.raw`(?:\s*,?\s*ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?`,
  'gu',
);

/** References to the documents a plan implements, deduplicated by number, in order of appearance. */
export function extractReferences(texts: readonly string[], ownNumber: string | null): string[] {
  const byCode = new Map<string, number>();
  const out: string[] = [];
  const own = ownNumber ? fold(ownNumber) : null;
  for (const text of texts) {
    for (const m of text.matchAll(REFERENCE_RE)) {
      const code = fold(m[1]!);
      if (code === own) continue;
      const ref = m[0].trim();
      const seen = byCode.get(code);
      if (seen === undefined) {
        byCode.set(code, out.length);
        out.push(ref);
      } else if (m[2] && !/ngày/u.test(out[seen]!)) {
        // A later mention with the date is more useful than an earlier bare one.
        out[seen] = ref;
      }
    }
  }
  return out;
}

interface HeaderResult {
  header: PlanHeader;
}

/** "(Số: 08/KH-CĐCS)", "(Số 08/KH-CĐCS, ngày 10/01/2025)": the number printed in brackets under the title. */
const PAREN_NUMBER_RE = /\(\s*Số\s*[:.]?\s*(\d[\p{L}\p{N}.-]*\/[\p{L}\p{N}./-]*[\p{L}\p{N}])\s*(?:[,;]?\s*(ngày[^)]*))?\)/u;

/** A plan header with nothing found yet. */
function emptyHeader(): PlanHeader {
  return {
    issuingBody: null,
    parentBody: null,
    number: null,
    placeAndDate: null,
    documentType: null,
    title: null,
    implements: [],
    preamble: null,
  };
}

function parseHeader(headerParas: readonly Para[], warnings: string[], wrap: Wrap | null = null): HeaderResult {
  const header = emptyHeader();
  const bodies: string[] = [];

  // The bracketed number is taken out of its line wherever it stands (under the title, after the
  // document type); a line that held nothing else goes.
  const takeBracketed = (text: string): string => {
    const m = PAREN_NUMBER_RE.exec(text);
    if (!m) return text;
    if (header.number === null) header.number = m[1]!;
    if (m[2] && header.placeAndDate === null) header.placeAndDate = m[2].replace(/\s+/g, ' ').trim();
    return `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  };
  const paras = headerParas
    .map((p) => {
      if (!PAREN_NUMBER_RE.test(p.full)) return p;
      const lines = p.lines
        .map((l) => ({ ...l, raw: takeBracketed(l.raw), full: takeBracketed(l.full), body: takeBracketed(l.body) }))
        .filter((l) => cleanInline(l.full) !== '');
      return { ...p, lines, full: takeBracketed(p.full), body: takeBracketed(p.body) };
    })
    .filter((p) => cleanInline(p.full) !== '');

  /** Takes header meta (number, place and date, motto) from a cell; false when it is none. */
  const takeMeta = (cell: string): boolean => {
    if (isMotto(cell)) return true;
    const n = NUMBER_RE.exec(cell);
    // "Số: 12/KH-CĐCS", also "Số 12/KH-CĐCS" typed without the colon (a number with a slash follows).
    if (n && (/^Số\s*[:.]/u.test(cell) || /^Số\s+\d+[\p{L}\p{N}.-]*\/\S/u.test(cell))) {
      if (header.number === null) header.number = n[1] || null;
      const rest = (n[2] ?? '').trim();
      if (rest && PLACE_DATE_RE.test(rest) && header.placeAndDate === null) header.placeAndDate = rest;
      return true;
    }
    if (PLACE_DATE_RE.test(cell) && cell.length <= 80 && !TERMINAL_RE.test(cell.replace(/\.$/, 'x'))) {
      if (header.placeAndDate === null) header.placeAndDate = cell;
      return true;
    }
    return false;
  };

  const docIndex = paras.findIndex((p) => p.lines.some((l) => docTypeOf(l.full) !== null));
  const before = docIndex === -1 ? [] : paras.slice(0, docIndex);
  let after = docIndex === -1 ? [...paras] : paras.slice(docIndex + 1);

  for (const p of before) {
    for (const line of p.lines) {
      for (const cell of cells(line)) {
        if (takeMeta(cell)) continue;
        if (isAllCaps(cell)) bodies.push(cell);
        else warnings.push(`Không rõ dòng ở phần đầu văn bản: “${snippetStart(cell)}”.`);
      }
    }
  }

  if (docIndex !== -1) {
    const docPara = paras[docIndex]!;
    for (const line of docPara.lines) {
      const dt = docTypeOf(line.full);
      if (dt && header.documentType === null) {
        header.documentType = dt.type;
        if (dt.rest) header.title = dt.rest;
      } else {
        for (const cell of cells(line)) if (!takeMeta(cell)) bodies.push(cell);
      }
    }
  } else {
    // No document type: leading upper-case and meta lines are still the header.
    while (after.length > 0) {
      const p = after[0]!;
      const leftovers = p.lines.flatMap(cells).filter((c) => !takeMeta(c));
      if (!leftovers.every(isAllCaps)) break;
      bodies.push(...leftovers);
      after = after.slice(1);
    }
  }

  // Meta lines printed after the document type (unusual, but seen).
  after = after.filter((p) => !(p.lines.length === 1 && p.bullet === null && cells(p.lines[0]!).every(takeMeta)));

  if (docIndex !== -1 && header.title === null && after.length > 0) {
    const first = after[0]!;
    const titleParts = [first.full];
    let taken = 1;
    if (first.strong) {
      while (taken < after.length && after[taken]!.strong) titleParts.push(after[taken++]!.full);
    } else {
      // An upper-case title often continues over a second line; so does a title in sentence
      // case whose first line has no final punctuation and whose next line goes on in lower case
      // ("Tổ chức các hoạt động chào mừng ngày 8/3" + "và kỷ niệm 50 năm …").
      while (taken < after.length && isAllCaps(first.full) && isAllCaps(after[taken]!.full)) {
        titleParts.push(after[taken++]!.full);
      }
      while (
        taken < after.length &&
        !isAllCaps(first.full) &&
        isContinuation(after[taken]!) &&
        /^\p{Ll}/u.test(after[taken]!.body) &&
        !TERMINAL_RE.test(titleParts[titleParts.length - 1]!)
      ) {
        titleParts.push(after[taken++]!.full);
      }
    }
    header.title = titleParts.join(' ');
    after = after.slice(taken);
  }

  const preamble = joinPageBreaks(after, warnings, wrap).map((p) => (p.bullet !== null ? `- ${p.full}` : p.full));
  header.preamble = preamble.length > 0 ? preamble.join('\n') : null;

  if (bodies.length === 1) header.issuingBody = bodies[0]!;
  else if (bodies.length >= 2) {
    header.parentBody = bodies[0]!;
    header.issuingBody = bodies.slice(1).join(' ');
  }
  header.implements = extractReferences(
    [header.title ?? '', header.preamble ?? ''],
    header.number,
  );
  return { header };
}

// ---------------------------------------------------------------------------------------------
// Body

interface Container {
  node: PlanNode;
  lastItem: PlanNode | null;
  lastItemIndent: number;
  lastItemBullet: string | null;
  /** The container's items are headed by "a)" or "1.1.": bullets after them are their subitems. */
  headed: boolean;
}

function newNode(kind: PlanNode['kind'], label: string | null, text: string): PlanNode {
  return { id: '', kind, label, text, trackable: false, children: [] };
}

function addAttribute(node: PlanNode, attribute: PlanAttribute): void {
  node.attributes = [...(node.attributes ?? []), attribute];
}

/** The line after "Phần thứ nhất" or a bare "III-" that holds its title. */
function isTitleLine(p: Para | undefined): boolean {
  return p !== undefined && p.marker.kind === 'none' && p.bullet === null && !p.attribute && (isAllCaps(p.full) || (p.full.length <= 120 && !TERMINAL_RE.test(p.full)));
}

/** The "+" (or deeper) lines under "Chỉ tiêu:" that hold its figures. */
function isAttributeListLine(p: Para | undefined, attribute: Para): boolean {
  if (!p || p.bullet === null || p.attribute) return false;
  return p.bullet === '+' || p.indent >= attribute.indent + 2 || (attribute.bullet !== null && p.bullet !== attribute.bullet);
}

/** One row of a task table as its number, content and attributes. */
function rowParts(m: Extract<Marker, { kind: 'row' }>): { label: string | null; content: string; attributes: PlanAttribute[] } {
  let label = '';
  let content = '';
  const attributes: PlanAttribute[] = [];
  m.columns.forEach((column, ci) => {
    const cell = (m.cells[ci] ?? '').trim();
    if (column.role === 'number') label = cell;
    else if (column.role === 'content') content = cell;
    else if (cell !== '') attributes.push({ name: column.name, value: cleanAttributeValue(cell) });
  });
  // Cells beyond the header's columns (a merged cell split on copy) still belong to the task.
  const extra = m.cells.slice(m.columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) content = [content, ...extra].filter(Boolean).join(' ');
  return { label: label.replace(/[.)]+$/u, '') || null, content, attributes };
}

/**
 * Resolves what only the rest of the document tells: "PHẦN I" and "A." are parts above the
 * sections when plain Roman sections follow them, else ("PHẦN I- MỤC ĐÍCH" with bullets, "A.
 * Công tác tuyên truyền" with "1.", "2.") they stay a section and a group.
 */
function resolveParts(paras: readonly Para[]): Para[] {
  const plainRoman = (p: Para): boolean => p.marker.kind === 'roman' && p.marker.word === undefined;
  const wordRoman = (p: Para): boolean => p.marker.kind === 'roman' && p.marker.word !== undefined;
  // "PHẦN I … PHẦN II": all parts as soon as one of them holds Roman sections (one pass).
  let wordParts = false;
  let inWordPart = false;
  for (const p of paras) {
    if (wordRoman(p)) inWordPart = true;
    else if (p.marker.kind === 'part') inWordPart = false;
    else if (inWordPart && plainRoman(p)) wordParts = true;
  }
  // "A. KẾT QUẢ … B. NHIỆM VỤ": capitals in capitals are all parts as soon as one is followed
  // by a Roman section (before any Roman section, a capital can only be a part too). The next
  // paragraph with a marker or bullet, for each paragraph, from one pass backwards.
  const nextMarked = new Array<number>(paras.length + 1).fill(-1);
  for (let i = paras.length - 1; i >= 0; i--) {
    const q = paras[i + 1];
    nextMarked[i] = q === undefined ? -1 : !(q.marker.kind === 'none' && q.bullet === null) ? i + 1 : nextMarked[i + 1]!;
  }
  let romanSeen = false;
  const capitalPart = paras.map((p, i) => {
    if (plainRoman(p)) romanSeen = true;
    if (p.marker.kind !== 'capital' || !(isAllCaps(p.body) || !romanSeen)) return false;
    const next = paras[nextMarked[i]!];
    return next !== undefined && plainRoman(next);
  });
  const capitalParts = capitalPart.some(Boolean);
  return paras.map((p, i) => {
    const m = p.marker;
    if (m.kind === 'roman' && m.word !== undefined && wordParts) return { ...p, marker: { kind: 'part', label: m.word } };
    if (m.kind === 'capital' && (capitalPart[i] || (capitalParts && isAllCaps(p.body)))) return { ...p, marker: { kind: 'part', label: m.label } };
    return p;
  });
}

function buildBody(paras: readonly Para[], warnings: string[]): PlanNode[] {
  const roots: PlanNode[] = [];
  let part: Container | null = null;
  /** The open block: a section, or a part until a section opens inside it. */
  let section: Container | null = null;
  let container: Container | null = null;
  /** The current section is divided into "A.", "B." parts: its "1.", "2." are their tasks. */
  let inCapitals = false;
  /** The node an attribute line below belongs to. */
  let last: PlanNode | null = null;

  const open = (node: PlanNode): Container => ({
    node,
    lastItem: null,
    lastItemIndent: 0,
    lastItemBullet: null,
    headed: false,
  });

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const m = p.marker;
    if (m.kind === 'part' || m.kind === 'roman') {
      let title = p.body;
      if (title === '' && isTitleLine(paras[i + 1])) title = paras[++i]!.full;
      if (m.kind === 'part') {
        const node = newNode('part', m.label, title);
        roots.push(node);
        part = open(node);
        section = part;
        last = node;
      } else {
        const node = newNode('section', m.label, title);
        (part ? part.node.children : roots).push(node);
        section = open(node);
        last = node;
      }
      container = section;
      inCapitals = false;
      continue;
    }
    if (!section || !container) continue; // unreachable: the body starts at a section or part
    if (p.attribute && last) {
      const attribute = parseAttributeLine(p.body);
      if (attribute) {
        const values = attribute.value === '' ? [] : [attribute.value];
        while (attribute.value === '' && isAttributeListLine(paras[i + 1], p)) values.push(cleanAttributeValue(paras[++i]!.body));
        if (values.length > 0) {
          addAttribute(last, { name: attribute.name, value: values.join('; ') });
          continue;
        }
      }
    }
    if (m.kind === 'row') {
      const row = rowParts(m);
      if (row.content === '') {
        if (row.attributes.length > 0 || row.label) warnings.push(`Bỏ qua dòng bảng không có nội dung công việc: «${snippetStart(p.full)}».`);
        continue;
      }
      const heading = row.attributes.length === 0 && ((row.label !== null && /^(?:[IVXLC]+|[A-G])$/u.test(row.label)) || isAllCaps(row.content));
      const node = newNode(heading ? 'group' : 'item', row.label, row.content);
      if (row.attributes.length > 0) node.attributes = row.attributes;
      if (heading) {
        section.node.children.push(node);
        container = open(node);
      } else {
        container.node.children.push(node);
        // A bullet after the table is a task of its own, not a sub-point of the last row.
        container.lastItem = null;
      }
      last = node;
      continue;
    }
    if (m.kind === 'capital') {
      const node = newNode('group', m.label, p.body);
      section.node.children.push(node);
      container = open(node);
      inCapitals = true;
      last = node;
      continue;
    }
    if (m.kind === 'arabic' && !inCapitals) {
      const node = newNode('group', m.label, p.body);
      section.node.children.push(node);
      container = open(node);
      last = node;
      continue;
    }
    const c: Container = container;
    const addItem = (label: string | null, headed: boolean): void => {
      const node = newNode('item', label, p.body);
      c.node.children.push(node);
      c.lastItem = node;
      c.lastItemIndent = p.indent;
      c.lastItemBullet = p.bullet;
      c.headed = headed;
      last = node;
    };
    const addSubitem = (label: string | null): void => {
      const node = newNode('subitem', label, p.body);
      c.lastItem!.children.push(node);
      last = node;
    };
    if (m.kind === 'arabic') {
      addItem(m.label, true);
    } else if (m.kind === 'dotted') {
      if (m.depth >= 3 && c.lastItem) addSubitem(m.label);
      else addItem(m.label, true);
    } else if (m.kind === 'letter') {
      if (c.lastItem && !c.headed) addSubitem(m.label);
      else addItem(m.label, true);
    } else if (p.bullet !== null) {
      const deeper = c.lastItem !== null && p.indent >= c.lastItemIndent + 2;
      const plusUnderOther = p.bullet === '+' && c.lastItem !== null && c.lastItemBullet !== '+';
      if (c.lastItem && (deeper || plusUnderOther || c.headed)) addSubitem(null);
      else addItem(null, false);
    } else if (c.lastItem && c.headed) {
      addSubitem(null);
    } else {
      addItem(null, false);
    }
  }

  for (const { node: s } of blocksOf(roots)) {
    // "phần III", or the part's own words ("Phần thứ ba") for a part without sections.
    const where = s.kind === 'part' ? printedLabel(s) || 'phần' : `phần ${s.label ?? ''}`.trim();
    const entry = (g: PlanNode): string => (s.kind === 'part' ? `${printedLabel(g)} trong ${where}` : `${s.label ?? ''}.${g.label ?? ''}`);
    const groups = s.children.filter((n) => n.kind === 'group');
    if (groups.length > 0 && groups.every((g) => g.children.length === 0)) {
      // "IV. TỔ CHỨC THỰC HIỆN / 1. Ban Tuyên giáo chủ trì…": a numbered list of tasks.
      for (const g of groups) g.kind = 'item';
      warnings.push(
        `Các đầu mục đánh số trong ${where} không có nội dung con nên được coi là mục công việc.`,
      );
    } else {
      let groupBefore = false;
      for (const g of groups) {
        if (g.children.length === 0 && !groupBefore) {
          // "1) Tổ chức gặp mặt …" before "2) Tổ chức thi …" that has bullets: the childless
          // entry is itself a task. Kept as a group it could never be ticked off. Only before the
          // section's first real group: an item after a group belongs to that group in the
          // outline the preview edits (plan-edit.ts), so there it stays a group, with a warning.
          g.kind = 'item';
          warnings.push(
            `Đầu mục ${entry(g)} “${snippetStart(g.text)}” không có nội dung con nên được coi là mục công việc.`,
          );
        } else if (g.children.length === 0) {
          warnings.push(`Nhóm nhiệm vụ ${entry(g)} “${snippetStart(g.text)}” không có nội dung con.`);
        } else {
          groupBefore = true;
        }
      }
    }
  }
  return roots;
}

// ---------------------------------------------------------------------------------------------
// Closing

interface ClosingResult {
  closing: string | null;
  recipients: string[];
  signature: string[];
}

function cleanRecipient(s: string): string {
  return s.replace(/^[-–—•+*]\s*/u, '').replace(/\s*[;.,]+$/u, '').trim();
}

/** Signature block lines: titles in capitals, "(Đã ký)", a person's name. */
function isSignatureLike(l: Line): boolean {
  if (l.marker.kind !== 'none' || l.full.length > 80) return false;
  return isAllCaps(l.full) || (!/\d/.test(l.full) && !/[.;:!?]$/.test(l.full));
}

function parseClosing(paras: readonly Para[], warnings: string[], wrap: Wrap | null = null): ClosingResult {
  const closingParts: Para[] = [];
  const recipients: string[] = [];
  const signature: string[] = [];
  let inClosing = true;
  let seenRecipients = false;

  const stop = (pi: number, what: string): void => {
    // Most likely a second document pasted after this one's signature: not this plan's.
    warnings.push(`Bỏ qua ${paras.length - pi} đoạn sau phần ký của kế hoạch, từ “${snippetStart(what)}”.`);
  };
  paragraphs: for (const [pi, p] of paras.entries()) {
    if (inClosing && !isRecipientsStart(p.full) && !isSignatureStart(p)) {
      if (p.marker.kind === 'roman') {
        stop(pi, p.full);
        break;
      }
      closingParts.push(p);
      continue;
    }
    inClosing = false;
    for (const line of p.lines) {
      // Word copies the recipients | signature table row by row, cells separated by tabs.
      const lineCells = cells(line);
      for (const [ci, cell] of lineCells.entries()) {
        const l = analyzeLine(cell);
        if (!l) continue;
        if (isRecipientsStart(l.full)) {
          seenRecipients = true;
          const rest = l.full.replace(/^[^:]*:\s*/u, '');
          if (rest !== l.full && rest !== '') recipients.push(cleanRecipient(rest));
          continue;
        }
        const isRecipient =
          l.bullet !== null ||
          (seenRecipients &&
            !isAllCaps(l.full) &&
            ((ci === 0 && lineCells.length > 1) || /;$/.test(l.full) || /^Lưu\b/u.test(l.full)));
        if (isRecipient) recipients.push(cleanRecipient(l.full));
        else if (isSignatureLike(l)) signature.push(l.full);
        else {
          stop(pi, l.full);
          break paragraphs;
        }
      }
    }
  }
  if (recipients.length === 0 && seenRecipients) warnings.push('Phần “Nơi nhận” không có dòng nào.');
  const joined = joinPageBreaks(closingParts, warnings, wrap).map((p) => p.full);
  return {
    closing: joined.length > 0 ? joined.join('\n') : null,
    recipients: recipients.filter((r) => r !== ''),
    signature,
  };
}

// ---------------------------------------------------------------------------------------------
// Entry point

function emptyPlan(warnings: string[]): ParsedPlan {
  return {
    header: emptyHeader(),
    sections: [],
    closing: null,
    recipients: [],
    signature: [],
    warnings,
  };
}

// Vertical tab and form feed come from Word's manual line and page breaks; other control
// characters from broken files. Matching them is the point, hence the lint exceptions.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_RE = /\r\n?|[\u2028\u2029\u000b\u0085]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function normalizeInput(text: string): string {
  return toNfc(text)
    .replace(LINE_BREAKS_RE, '\n')
    .replace(/\f/g, `\n${PAGE_BREAK_LINE}\n`)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(CONTROL_RE, '')
    .replace(/\u00a0/g, ' ');
}

/** Parse a plan's text into its tree. Never throws. */
export function parsePlan(text: string): ParsedPlan {
  try {
    return parseUnsafe(typeof text === 'string' ? text : String(text ?? ''));
  } catch (error) {
    return emptyPlan([`Không đọc được văn bản kế hoạch (${error instanceof Error ? error.message : String(error)}).`]);
  }
}

function parseUnsafe(input: string): ParsedPlan {
  const warnings: string[] = [];
  const normalized = normalizeInput(input);
  if (normalized.trim() === '') return emptyPlan(['Văn bản trống.']);

  const lines = readLines(normalized.split('\n'), warnings);
  const wrap = wrapWidth(lines);
  let paras = resolveParts(toParagraphs(lines));
  const opens = (p: Para): boolean => p.marker.kind === 'roman' || p.marker.kind === 'part';

  if (!paras.some(opens)) {
    // No Roman numerals: a short plan numbered "1.", "2." at the top, "1.1." below.
    const hasArabic = paras.some((p) => p.marker.kind === 'arabic');
    if (hasArabic) {
      warnings.push('Không có phần đánh số La Mã (I., II., …): các đầu mục “1.”, “2.” được coi là các phần.');
      paras = paras.map((p) => {
        const m = p.marker;
        if (m.kind === 'arabic') return { ...p, marker: { kind: 'roman', label: m.label } };
        if (m.kind === 'dotted' && m.depth === 2) return { ...p, marker: { kind: 'arabic', label: m.label } };
        return p;
      });
    }
  }

  const first = paras.findIndex(opens);
  if (first === -1) {
    const plan = emptyPlan(warnings);
    plan.header = parseHeader(paras, []).header;
    warnings.push('Không tìm thấy phần nào đánh số La Mã (I., II., III., …): văn bản không có mục nào để theo dõi.');
    return plan;
  }
  let end = paras.length;
  let lastOpen = -1;
  paras.forEach((p, i) => {
    if (opens(p)) lastOpen = i;
  });
  for (let i = first + 1; i < paras.length; i++) {
    const p = paras[i]!;
    if (isClosingStart(p) || (p.bullet === null && isRecipientsStart(p.full)) || isSignatureStart(p)) {
      end = i;
      break;
    }
    // "./." ends an official document's text: whatever follows (a name, a signature the
    // patterns above missed) is not a task. Not when a section still follows (a stray "./.").
    if (/\.\/\.$/u.test(p.full) && !opens(p) && i > lastOpen) {
      end = i + 1;
      break;
    }
  }

  const { header } = parseHeader(paras.slice(0, first), warnings, wrap);
  const sections = renumber(buildBody(joinPageBreaks(paras.slice(first, end), warnings, wrap), warnings));
  applyTrackingRule(sections);
  const closing = parseClosing(paras.slice(end), warnings, wrap);
  if (!sections.some((s) => s.children.length > 0)) warnings.push('Các phần của kế hoạch không có nội dung.');

  return { header, sections, ...closing, warnings };
}
