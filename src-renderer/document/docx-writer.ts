/**
 * Writes a ResultDocument (domain/result-report.ts) as a Word file with the `docx` package:
 * every block of the model becomes one paragraph or table, nothing is added or dropped, so the
 * file says what the preview shows. Typesetting per Nghị định 30/2020/NĐ-CP, Phụ lục I
 * (PAGE below): A4, margins 20/20/30/15 mm, Times New Roman 14 pt body, justified, first-line
 * indent 1.27 cm, 6 pt after each paragraph, line spacing 1.15; page numbers centred in the top
 * margin from page 2 on (a different first page); the header of two halves; tables whose header
 * row repeats on every page and whose rows never split across pages.
 *
 * Pure module (no DOM, no Node): it runs in the report worker and in Node (tests, benchmark).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { DocAlign, DocBlock, DocColumn, DocRun, ResultDocument } from '@domain/result-report';

/** The page, in millimetres and points (NĐ 30/2020 Phụ lục I). */
export const PAGE = Object.freeze({
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  /** Where the page number sits, from the top edge. */
  headerMm: 10,
  font: 'Times New Roman',
  bodyPt: 14,
  tablePt: 12,
  /** First-line indent of body paragraphs. */
  indentMm: 12.7,
  afterPt: 6,
  /** Line spacing in lines. */
  line: 1.15,
});

const twip = (mm: number) => Math.round(convertMillimetersToTwip(mm));
const half = (pt: number) => pt * 2;
const TEXT_WIDTH = twip(PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<DocAlign, unknown>;

/** A run of the model as docx writes it (a line break inside text becomes a break). */
function run(r: DocRun, sizePt = PAGE.bodyPt, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text: r.text,
    bold: r.bold,
    italics: r.italic,
    size: half(sizePt),
    ...(r.mark ? { highlight: 'yellow' as const } : {}),
    ...extra,
  });
}

/** A centred line of the header or the signature block (no indent, no space after). */
function line(text: string, opts: { sizePt: number; bold?: boolean; italic?: boolean; after?: number; before?: number }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: half(opts.sizePt) })],
  });
}

/** The short rule under the issuing body and under the motto: a bottom border between indents. */
function rule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side, firstLine: 0 },
    spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: LINE },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

/** Share of the text width taken by the left half of the header (parent and issuing body). */
export const HEADER_LEFT_SHARE = 0.4;

function headerTable(doc: ResultDocument): Table {
  const left = Math.round(TEXT_WIDTH * HEADER_LEFT_SHARE);
  const right = TEXT_WIDTH - left;
  const h = doc.header;
  const leftLines: Paragraph[] = [];
  if (h.parentBody !== '') leftLines.push(line(h.parentBody, { sizePt: 12 }));
  leftLines.push(line(h.issuingBody, { sizePt: 12, bold: true }), rule(left, twip(25)));
  leftLines.push(line(h.numberLine === '' ? ' ' : h.numberLine, { sizePt: 13, before: 60 }));
  const rightLines = [
    line(h.nationalName, { sizePt: 12, bold: true }),
    line(h.motto, { sizePt: 13, bold: true }),
    rule(right, twip(58)),
    line(h.placeAndDate, { sizePt: 13, italic: true, before: 60 }),
  ];
  // No cell margins: the Quốc hiệu needs the whole half to stay on one line.
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 0, right: 0 }, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftLines), cell(right, rightLines)] })],
  });
}

const BODY_PARAGRAPH: IParagraphOptions = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: twip(PAGE.indentMm) },
  spacing: { before: 0, after: PAGE.afterPt * 20, line: Math.round(PAGE.line * 240), lineRule: LineRuleType.AUTO },
};

function bodyBlock(b: DocBlock): Paragraph | Table {
  if (b.kind === 'heading') {
    return new Paragraph({
      ...BODY_PARAGRAPH,
      keepNext: true,
      spacing: { ...BODY_PARAGRAPH.spacing, before: b.level === 1 ? 120 : 60 },
      children: [run({ text: b.text, bold: true, italic: b.level === 3 })],
    });
  }
  if (b.kind === 'paragraph') return new Paragraph({ ...BODY_PARAGRAPH, children: b.runs.map((r) => run(r)) });
  return dataTable(b.columns, b.rows);
}

function cellParagraph(text: string, align: DocAlign, bold = false): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    indent: { firstLine: 0 },
    spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold, size: half(PAGE.tablePt) })],
  });
}

function dataTable(columns: readonly DocColumn[], rows: readonly (readonly string[])[]): Table {
  const widths = columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80 },
      children: [cellParagraph(text, header ? 'center' : columns[i]!.align, header)],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

/** Nơi nhận on the left, the signature block on the right, kept on one page. */
function closingTable(doc: ResultDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({
      indent: { firstLine: 0 },
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: half(12) })],
    }),
    ...doc.recipients.map(
      (r) => new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 0 }, children: [new TextRun({ text: r, size: half(11) })] }),
    ),
  ];
  const s = doc.signature;
  const signature = [
    line(s.signingFor, { sizePt: 14, bold: true }),
    line(s.title, { sizePt: 14, bold: true }),
    // Room for the signature and the seal.
    line(' ', { sizePt: 14, before: 0, after: 1700 }),
    line(s.name === '' ? ' ' : s.name, { sizePt: 14, bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: recipients }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, borders: NO_BORDERS, children: signature }),
        ],
      }),
    ],
  });
}

/** The docx Document of a ResultDocument (exported for the benchmark; the app calls writeResultDocx). */
export function resultDocx(doc: ResultDocument): Document {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    children: [new TextRun({ children: [PageNumber.CURRENT], size: half(13) })],
  });
  return new Document({
    creator: 'Sổ Kế hoạch Công đoàn',
    title: `${doc.documentType} ${doc.subject}`,
    styles: {
      default: {
        document: {
          run: { font: PAGE.font, size: half(PAGE.bodyPt) },
          paragraph: { spacing: { after: PAGE.afterPt * 20 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
            margin: {
              top: twip(PAGE.marginTopMm),
              bottom: twip(PAGE.marginBottomMm),
              left: twip(PAGE.marginLeftMm),
              right: twip(PAGE.marginRightMm),
              header: twip(PAGE.headerMm),
              footer: twip(PAGE.headerMm),
            },
          },
        },
        headers: {
          default: new Header({ children: [pageNumber] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerTable(doc),
          line(doc.documentType, { sizePt: 14, bold: true, before: 360 }),
          line(doc.subject, { sizePt: 14, bold: true }),
          rule(TEXT_WIDTH, twip(40)),
          new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 120 }, children: [] }),
          ...doc.body.map(bodyBlock),
          new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 120 }, children: [] }),
          closingTable(doc),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function writeResultDocx(doc: ResultDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(resultDocx(doc)));
}
