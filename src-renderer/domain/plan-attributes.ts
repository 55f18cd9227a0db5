/**
 * Attributes of plan items: the lines printed under a task that say when, who leads, who helps,
 * what figure and what result ("Thời gian thực hiện: Quý I/2025", "Bộ phận chủ trì: Ban Nữ
 * công", "* Chỉ tiêu: 100% CĐCS"), and the columns of a task table ("STT | Nội dung | Thời
 * gian | Đơn vị chủ trì"). The parser reads them with these names, the checklist shows them as
 * printed, and the workbook gives each kind one column.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */
import type { PlanAttribute } from './plan-types';
import { fold } from './vn-text';

/** The kinds an attribute can be, each with the column it has in a workbook. */
export type AttributeKind = 'time' | 'lead' | 'partner' | 'target' | 'result' | 'budget' | 'place' | 'audience' | 'note';

/** Column header of each kind in the workbook's "Tiến độ" sheet, in the order the columns come. */
export const ATTRIBUTE_COLUMN_NAMES: Readonly<Record<AttributeKind, string>> = Object.freeze({
  time: 'Thời gian thực hiện',
  lead: 'Đơn vị chủ trì',
  partner: 'Đơn vị phối hợp',
  target: 'Chỉ tiêu',
  result: 'Kết quả cần đạt',
  budget: 'Kinh phí',
  place: 'Địa điểm',
  audience: 'Đối tượng',
  note: 'Ghi chú',
});
export const ATTRIBUTE_KINDS = Object.keys(ATTRIBUTE_COLUMN_NAMES) as AttributeKind[];

/**
 * Printed names of each kind, folded (fold(): lower case, no accents, đ → d). A line is an
 * attribute only when its whole name is one of these: "Thời gian thực hiện: Quý I" is one,
 * "Tổ chức hội nghị: mời 50 đại biểu" is not.
 */
const NAMES: readonly (readonly [AttributeKind, readonly string[]])[] = [
  ['time', ['thoi gian thuc hien', 'thoi gian hoan thanh', 'thoi gian to chuc', 'thoi gian trien khai', 'thoi gian', 'thoi han', 'thoi han hoan thanh', 'tien do thuc hien', 'tien do']],
  [
    'lead',
    [
      'don vi chu tri', 'bo phan chu tri', 'co quan chu tri', 'chu tri thuc hien', 'chu tri', 'don vi thuc hien',
      'bo phan thuc hien', 'nguoi thuc hien', 'phu trach', 'nguoi phu trach', 'bo phan phu trach', 'don vi phu trach',
      'trach nhiem thuc hien', 'don vi chu tri thuc hien',
    ],
  ],
  ['partner', ['don vi phoi hop', 'bo phan phoi hop', 'co quan phoi hop', 'phoi hop thuc hien', 'phoi hop', 'don vi phoi hop thuc hien']],
  ['target', ['chi tieu', 'chi tieu phan dau', 'chi tieu can dat']],
  ['result', ['ket qua can dat', 'ket qua du kien', 'san pham', 'san pham du kien', 'san pham dau ra', 'yeu cau can dat']],
  ['budget', ['kinh phi', 'nguon kinh phi', 'kinh phi thuc hien', 'du tru kinh phi']],
  ['place', ['dia diem', 'dia diem to chuc']],
  ['audience', ['doi tuong', 'doi tuong tham gia', 'thanh phan', 'thanh phan tham du']],
  ['note', ['ghi chu']],
];

const KIND_BY_NAME = new Map<string, AttributeKind>(NAMES.flatMap(([kind, names]) => names.map((n) => [n, kind] as const)));

/** A name folded for comparison: accents, case, punctuation and spacing ignored. */
function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The kind of an attribute name ("Bộ phận chủ trì" → 'lead'), or null for any other name. */
export function attributeKind(name: string): AttributeKind | null {
  return KIND_BY_NAME.get(nameKey(name)) ?? null;
}

/**
 * The workbook column an attribute goes in: its kind's column, or its own name (a task table's
 * other columns, "Sản phẩm đầu ra" aside, keep their headers).
 */
export function attributeColumnName(name: string): string {
  const kind = attributeKind(name);
  return kind ? ATTRIBUTE_COLUMN_NAMES[kind] : name.normalize('NFC').trim();
}

const LINE_RE = /^([^:：]{2,40})[:：]\s*(.*)$/su;

/**
 * "Thời gian thực hiện: Quý I/2025." → { name: 'Thời gian thực hiện', value: 'Quý I/2025' }: the
 * text of a line (bullet and markup already removed) read as an attribute, or null when its name
 * is not one of the attribute names. The value loses one final "." or ";" (the line's end, not
 * part of the value); it may be '' ("Chỉ tiêu:" with the figures on the lines below).
 */
export function parseAttributeLine(text: string): PlanAttribute | null {
  const m = LINE_RE.exec(text.trim());
  if (!m) return null;
  const name = m[1]!.trim();
  if (!attributeKind(name)) return null;
  return { name, value: cleanAttributeValue(m[2] ?? '') };
}

/** An attribute's value as stored: NFC, one space between words, no final "." or ";". */
export function cleanAttributeValue(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.\/)(?<!\.\.)[.;,]$/u, '')
    .trim();
}

/**
 * Attributes as one line each, "Name: value" (what the preview edits and the checklist shows as
 * text), and back. `parseAttributeLines` returns the line numbers (1-based) it could not read.
 */
export function formatAttributeLines(attributes: readonly PlanAttribute[] | undefined): string {
  return (attributes ?? []).map((a) => `${a.name}: ${a.value}`).join('\n');
}

export function parseAttributeLines(text: string): { attributes: PlanAttribute[]; badLines: number[] } {
  const attributes: PlanAttribute[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([^:：]+)[:：](.*)$/su.exec(line.trim());
    const name = m ? m[1]!.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
    const value = m ? cleanAttributeValue(m[2]!) : '';
    if (!m || name === '' || value === '') badLines.push(i + 1);
    else attributes.push({ name, value });
  });
  return { attributes, badLines };
}

// ---------------------------------------------------------------------------------------------
// Task tables.

/** What a column of a task table holds. */
export type TaskTableColumn = { role: 'number' } | { role: 'content' } | { role: 'attribute'; name: string };

const NUMBER_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'muc']);
const CONTENT_HEADERS = new Set([
  'noi dung', 'noi dung cong viec', 'noi dung nhiem vu', 'noi dung hoat dong', 'noi dung thuc hien', 'noi dung cong tac',
  'cong viec', 'nhiem vu', 'ten cong viec', 'ten nhiem vu', 'hoat dong', 'ten hoat dong', 'cac hoat dong', 'nhiem vu giai phap',
  'noi dung chu yeu', 'noi dung chinh',
]);

/**
 * The columns of a task table when `cells` is its header row ("STT", "Nội dung", "Thời gian",
 * "Đơn vị chủ trì", …), or null when it is not one. A header row has a content column and at
 * least one attribute column, and every cell is a short name (a data row holds sentences).
 */
export function taskTableColumns(cells: readonly string[]): TaskTableColumn[] | null {
  if (cells.length < 2) return null;
  let content = 0;
  let attributes = 0;
  const columns: TaskTableColumn[] = [];
  for (const raw of cells) {
    const cell = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = nameKey(cell);
    if (cell.length > 40 || /[.;]$/u.test(cell)) return null;
    if (NUMBER_HEADERS.has(key)) columns.push({ role: 'number' });
    else if (CONTENT_HEADERS.has(key) && content === 0) {
      content++;
      columns.push({ role: 'content' });
    } else {
      if (attributeKind(cell)) attributes++;
      columns.push({ role: 'attribute', name: cell });
    }
  }
  return content === 1 && attributes >= 1 ? columns : null;
}

/** A row of column numbers only ("(1) (2) (3)", "1 2 3 4"), printed under some tables' headers. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((c, i) => c.replace(/[()]/g, '') === String(i + 1));
}
