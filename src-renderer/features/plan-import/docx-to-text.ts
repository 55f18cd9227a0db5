/**
 * A Word file (.docx) → the plan text that `parsePlan` reads.
 *
 * mammoth's raw text loses Word's automatic numbering ("1.", "a)", "-" exist only as list
 * definitions), which is exactly what the parser needs, so we take mammoth's HTML and write it
 * back as light markdown ourselves: headings as "#", bold as "**", paragraphs separated by blank
 * lines, bulleted list items as "- " (nested: "+ "), numbered list items with their numbers, and
 * table rows as lines whose cells are separated by a tab, the way Word copies them: in the
 * two-column header and signature tables of an official document, the n-th paragraphs of the
 * cells make the n-th line; in a task table ("STT | Nội dung | Thời gian | …", which the parser
 * reads as one item per row) each row is one line, its cells' paragraphs joined.
 *
 * mammoth knows whether a list is ordered but not its format (decimal, upper Roman, letters).
 * Top-level numbered items written in capitals ("MỤC ĐÍCH, YÊU CẦU") are section titles and get
 * Roman numerals; other top-level items get "1.", "2."; an item nested under a Roman one gets
 * "1.", under an arabic one "1.1.", deeper "a)". Word continues a list's numbering across
 * paragraphs that interrupt it, while mammoth starts a new <ol>, so the top-level counters run on
 * until the next heading or Roman section. Works in Node and in the browser (no DOM used).
 */
import mammoth from 'mammoth';
import { taskTableColumns } from '@domain/plan-attributes';
import { toRoman } from '@domain/plan-tree';
import { isAllCaps } from '@domain/vn-text';

export async function docxToPlanText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const arrayBuffer =
    bytes instanceof Uint8Array
      ? (u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer)
      : bytes;
  // Node's mammoth reads `buffer` (any Uint8Array works for its zip reader), the browser build
  // reads `arrayBuffer`; giving both serves either.
  const input = { buffer: u8, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, { ignoreEmptyParagraphs: true });
  return htmlToPlanText(result.value);
}

// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** A table whose first row names a task table's columns ("STT", "Nội dung", "Thời gian"…). */
function isTaskTable(rows: readonly (readonly (readonly string[])[])[]): boolean {
  const header = rows[0];
  return header !== undefined && taskTableColumns(header.map((cell) => cell.join(' ').replace(/\*+/g, ''))) !== null;
}

interface ListFrame {
  ordered: boolean;
  /** Items seen in this list. */
  count: number;
  /** Label of the enclosing ordered item ("2" or "III"), or null. */
  parentLabel: string | null;
  parentRoman: boolean;
  /** Label of the current item of this list. */
  label: string | null;
  roman: boolean;
}

/** mammoth's HTML (simple, well-formed) → plan text. Exported for tests. */
export function htmlToPlanText(html: string): string {
  const blocks: string[] = [];
  let buf = '';
  let prefix = '';
  let inBlock = false;
  const lists: ListFrame[] = [];
  // Top-level counters that run on across interrupted lists (see the header comment).
  let topArabic = 0;
  let topRoman = 0;
  // Tables: rows of cells, each cell a list of paragraphs.
  let table: string[][][] | null = null;
  let cell: string[] | null = null;

  const flush = (): void => {
    if (!inBlock) return;
    const text = buf.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '  \n').trim();
    inBlock = false;
    buf = '';
    if (text.replace(/\*/g, '').trim() === '') return;
    if (cell) {
      cell.push(text.replace(/ {2}\n/g, ' '));
      return;
    }
    let line = prefix + text;
    const top = lists[0];
    if (lists.length === 1 && top && top.ordered && top.label === '?') {
      // Decide Roman or arabic from the item's own text.
      const plain = text.replace(/\*+/g, '');
      if (isAllCaps(plain)) {
        top.roman = true;
        top.label = toRoman(++topRoman);
        topArabic = 0;
      } else {
        top.roman = false;
        top.label = String(++topArabic);
      }
      line = `${top.label}. ${text}`;
    }
    blocks.push(line);
  };
  const start = (p: string): void => {
    flush();
    inBlock = true;
    prefix = p;
    buf = '';
  };

  const itemPrefix = (): string => {
    const frame = lists[lists.length - 1]!;
    frame.count++;
    if (!frame.ordered) {
      const bulletsAbove = lists.slice(0, -1).filter((f) => !f.ordered).length;
      frame.label = null;
      return bulletsAbove === 0 ? '- ' : '+ ';
    }
    if (lists.length === 1) {
      frame.label = '?'; // decided in flush from the text
      return '';
    }
    if (frame.parentRoman) {
      frame.label = String(frame.count);
      return `${frame.label}. `;
    }
    if (frame.parentLabel && /^\d+$/.test(frame.parentLabel)) {
      frame.label = `${frame.parentLabel}.${frame.count}`;
      return `${frame.label}. `;
    }
    frame.label = String.fromCharCode(0x60 + Math.min(frame.count, 26));
    return `${frame.label}) `;
  };

  const tokens = html.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token) continue;
    if (token[0] !== '<') {
      if (!inBlock) start('');
      buf += decodeEntities(token);
      continue;
    }
    const m = /^<(\/?)([a-zA-Z0-9]+)/.exec(token);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case 'p':
        if (closing) flush();
        else start(inBlock && buf.trim() === '' ? prefix : '');
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) flush();
        else {
          start(`${'#'.repeat(Number(tag[1]))} `);
          topArabic = 0;
        }
        break;
      case 'ul':
      case 'ol':
        if (closing) {
          flush();
          lists.pop();
        } else {
          flush();
          const parent = lists[lists.length - 1];
          lists.push({
            ordered: tag === 'ol',
            count: 0,
            parentLabel: parent && parent.ordered ? parent.label : null,
            parentRoman: parent ? parent.roman : false,
            label: null,
            roman: false,
          });
        }
        break;
      case 'li':
        if (closing) flush();
        else if (lists.length > 0) start(itemPrefix());
        else start('- ');
        break;
      case 'strong':
      case 'b':
        if (!inBlock) start('');
        buf += '**';
        break;
      case 'em':
      case 'i':
        if (!inBlock) start('');
        buf += '*';
        break;
      case 'br':
        buf += '\n';
        break;
      case 'table':
        flush();
        if (closing) {
          if (table && isTaskTable(table)) {
            // One line per task, as Word copies a row: a cell's paragraphs are one text.
            for (const row of table) {
              const line = row.map((c) => c.join(' ')).join('\t').trimEnd();
              if (line.trim()) blocks.push(line);
            }
          } else if (table) {
            for (const row of table) {
              const height = Math.max(0, ...row.map((c) => c.length));
              const lines: string[] = [];
              for (let i = 0; i < height; i++) lines.push(row.map((c) => c[i] ?? '').join('\t').trimEnd());
              const text = lines.filter((l) => l.trim() !== '').join('\n');
              if (text) blocks.push(text);
            }
          }
          table = null;
        } else table = [];
        break;
      case 'tr':
        flush();
        if (!closing && table) table.push([]);
        break;
      case 'td':
      case 'th':
        flush();
        if (closing) cell = null;
        else if (table) {
          cell = [];
          const row = table[table.length - 1] ?? (table.push([]), table[table.length - 1]!);
          row.push(cell);
        }
        break;
      default:
        break;
    }
  }
  flush();
  return blocks.join('\n\n') + (blocks.length > 0 ? '\n' : '');
}
