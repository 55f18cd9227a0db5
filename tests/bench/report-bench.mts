/**
 * npm run bench:report — «Báo cáo kết quả» of a district over 100 units × 500 activities.
 *
 * Input (not timed): 100 generated unit reports of 500 activities each (the built-in plan,
 * statuses, indicators, Vietnamese text), 110 expected units (10 have not reported), consolidated
 * by domain/consolidate.ts as «Tổng hợp» does.
 *
 *   ours   draft + write: reportFacts + buildResultDocument (domain/result-report.ts) from the
 *          ConsolidatedReport, then writeResultDocx (document/docx-writer.ts) → .docx bytes
 *   bare   bare `docx`: the same paragraphs and tables with the same formatting (runs, sizes,
 *          indents, spacing, header row repeated, fixed widths, cell margins, the header and
 *          closing tables with their rules, page setup and page numbers), built with docx's own
 *          classes from strings prepared before the timing → .docx bytes. After the first run
 *          the bench reads both files back with mammoth and checks they hold the same text.
 *
 * So `ratio` is the cost of our layer (the facts, the sentences, the model and its mapping).
 * Also printed: the consolidation itself (shared with the consolidated workbook, measured with it
 * in bench:workbook) and consolidation + draft + write, the whole wait after «Xuất Word».
 *
 * Each side runs --reps times (default 9), alternating which goes first, after one warm-up each;
 * times are wall-clock medians with min–max, CPU medians beside them (CPU time counts every
 * thread, the garbage collector's helpers still busy with the generated input too, so on a
 * shared machine it runs high for both sides); the load average is printed before and after. Targets: ours ≤ 1.3× bare; consolidation + draft + write < 2 s.
 * Prints "targets met" or "targets missed: …" and exits 0 either way (a measurement, not a test).
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  AlignmentType,
  BorderStyle,
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
} from 'docx';
import mammoth from 'mammoth';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { buildResultDocument, emptyTexts, reportFacts, reportGroups, type DocAlign, type Letterhead, type ResultDocument } from '@domain/result-report';
import { writeResultDocx } from '@document/docx-writer';
import type { ConsolidatedReport, UnitReport } from '@domain/report';
import { districtReport } from '../support/result-report-fixtures';

const UNITS = 100;
const ACTIVITIES = 500;
const MISSING = 10;

const LETTERHEAD: Letterhead = {
  parentBody: 'LĐLĐ tỉnh Tây Ninh',
  issuingBody: 'LĐLĐ huyện Dương Minh Châu',
  number: '31',
  symbol: 'BC-LĐLĐ',
  place: 'Dương Minh Châu',
  date: '2025-06-25',
  recipients: ['LĐLĐ tỉnh Tây Ninh', 'Ban TG-NC LĐLĐ tỉnh', 'TT Huyện ủy', 'Lưu: VP'],
  signingFor: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn An',
};
const TEXTS = {
  ...emptyTexts(),
  strengths: 'Các CĐCS chủ động triển khai kế hoạch, phối hợp chặt chẽ với chuyên môn.\nPhong trào thi đua được duy trì.',
  weaknesses: 'Một số đơn vị nộp báo cáo chậm.',
  directions: 'Tiếp tục tuyên truyền Nghị quyết 43-NQ/TW; đôn đốc các đơn vị báo cáo đúng hạn.',
};

function generate(): { consolidateNow: () => ConsolidatedReport } {
  // The units' reports are made once; consolidateNow() repeats only the consolidation.
  const made = new Map<number, UnitReport>();
  const options = {
    units: UNITS + MISSING,
    missing: new Set(Array.from({ length: MISSING }, (_, k) => UNITS + k)),
    activities: () => ACTIVITIES,
    exportedAt: (k: number) => `2025-06-${String(10 + (k % 15)).padStart(2, '0')}T02:00:00.000Z`,
    targets: { 'new-members': 5000 },
  };
  districtReport({ ...options, made });
  return { consolidateNow: () => districtReport({ ...options, made }) };
}

const GROUPS = reportGroups(BUILTIN_PLAN.plan);

async function ours(report: ConsolidatedReport): Promise<Uint8Array> {
  const doc = buildResultDocument({ facts: reportFacts(report, GROUPS), texts: TEXTS, letterhead: LETTERHEAD });
  return writeResultDocx(doc);
}

// ---------------------------------------------------------------------------------------------
// Bare docx: the same paragraphs and tables, with the same formatting, from prepared strings.

interface Prepared {
  header: [string[], string[]];
  title: [string, string];
  body: ({ kind: 'p'; keepNext: boolean; before: number; runs: { text: string; bold?: boolean; italic?: boolean; mark?: boolean }[] } | { kind: 't'; widths: number[]; aligns: DocAlign[]; head: string[]; rows: string[][] })[];
  recipients: string[];
  signature: string[];
}

const TW = 9355; // text width in twips: 210 − 30 − 15 mm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NONE_ALL = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ONE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: ONE, bottom: ONE, left: ONE, right: ONE, insideHorizontal: ONE, insideVertical: ONE };
const ALIGNS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function prepare(doc: ResultDocument): Prepared {
  const h = doc.header;
  return {
    header: [
      [h.parentBody, h.issuingBody, h.numberLine],
      [h.nationalName, h.motto, h.placeAndDate],
    ],
    title: [doc.documentType, doc.subject],
    body: doc.body.map((b) =>
      b.kind === 'table'
        ? { kind: 't' as const, widths: b.columns.map((c) => Math.round((TW * c.width) / 100)), aligns: b.columns.map((c) => c.align), head: b.columns.map((c) => c.header), rows: b.rows }
        : b.kind === 'heading'
          ? { kind: 'p' as const, keepNext: true, before: b.level === 1 ? 120 : 60, runs: [{ text: b.text, bold: true, italic: b.level === 3 }] }
          : { kind: 'p' as const, keepNext: false, before: 0, runs: b.runs },
    ),
    recipients: doc.recipients,
    signature: [doc.signature.signingFor, doc.signature.title, ' ', doc.signature.name],
  };
}

const centred = (text: string, size: number, o: { bold?: boolean; italics?: boolean; before?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size })],
  });
const underline = (cell: number, width: number) =>
  new Paragraph({
    indent: { left: (cell - width) / 2, right: (cell - width) / 2, firstLine: 0 },
    spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' } },
    children: [new TextRun({ text: '', size: 4 })],
  });
const layoutTable = (widths: number[], cells: Paragraph[][], margins?: { left: number; right: number }) =>
  new Table({
    width: { size: TW, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NONE_ALL,
    ...(margins ? { margins } : {}),
    rows: [new TableRow({ cantSplit: true, children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: NONE_ALL, ...(margins ? { margins } : {}), children })) })],
  });

async function bare(prep: Prepared): Promise<Uint8Array> {
  const [hl, hr] = prep.header;
  const left = Math.round(TW * 0.4);
  const head = layoutTable(
    [left, TW - left],
    [
      [centred(hl[0]!, 24), centred(hl[1]!, 24, { bold: true }), underline(left, 1417), centred(hl[2]!, 26, { before: 60 })],
      [centred(hr[0]!, 24, { bold: true }), centred(hr[1]!, 26, { bold: true }), underline(TW - left, 3288), centred(hr[2]!, 26, { italics: true, before: 60 })],
    ],
    { left: 0, right: 0 },
  );
  const cellPara = (text: string, align: DocAlign, bold: boolean) =>
    new Paragraph({ alignment: ALIGNS[align], indent: { firstLine: 0 }, spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, bold, size: 24 })] });
  const body = prep.body.map((b) => {
    if (b.kind === 'p') {
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 720 },
        keepNext: b.keepNext || undefined,
        spacing: { before: b.before, after: 120, line: 276, lineRule: LineRuleType.AUTO },
        children: b.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size: 28, ...(r.mark ? { highlight: 'yellow' as const } : {}) })),
      });
    }
    const cell = (text: string, i: number, header: boolean) =>
      new TableCell({ width: { size: b.widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: { left: 80, right: 80 }, children: [cellPara(text, header ? 'center' : b.aligns[i]!, header)] });
    return new Table({
      width: { size: TW, type: WidthType.DXA },
      columnWidths: b.widths,
      layout: TableLayoutType.FIXED,
      borders: GRID,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((t, i) => cell(t, i, true)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.head.map((_, i) => cell(r[i] ?? '', i, false)) })),
      ],
    });
  });
  const left2 = Math.round(TW * 0.45);
  const plain = (text: string, size: number, bold = false, italics = false) =>
    new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 0 }, children: [new TextRun({ text, bold, italics, size })] });
  const [sf, st, , sn] = prep.signature;
  const closing = layoutTable(
    [left2, TW - left2],
    [
      [plain('Nơi nhận:', 24, true, true), ...prep.recipients.map((r) => plain(r, 22))],
      [centred(sf!, 28, { bold: true }), centred(st!, 28, { bold: true }), centred(' ', 28, { after: 1700 }), centred(sn!, 28, { bold: true })],
    ],
  );
  const doc = new Document({
    creator: 'Sổ Kế hoạch Công đoàn',
    title: `${prep.title[0]} ${prep.title[1]}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 }, paragraph: { spacing: { after: 120 } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          head,
          centred(prep.title[0], 28, { bold: true, before: 360 }),
          centred(prep.title[1], 28, { bold: true }),
          underline(TW, 2268),
          new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 120 }, children: [] }),
          ...body,
          new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 120 }, children: [] }),
          closing,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

// ---------------------------------------------------------------------------------------------

interface Timing {
  wall: number;
  cpu: number;
  bytes: number;
}

async function time(fn: () => Promise<Uint8Array> | Uint8Array): Promise<Timing> {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, bytes: out.byteLength };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const range = (xs: readonly number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function main(): Promise<number> {
  const repsArg = process.argv.indexOf('--reps');
  const reps = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 9;
  const loadBefore = loadavg();
  const started = performance.now();
  const { consolidateNow } = generate();
  const report = consolidateNow();
  const prepared = prepare(buildResultDocument({ facts: reportFacts(report, GROUPS), texts: TEXTS, letterhead: LETTERHEAD }));
  const activities = report.activities.length;
  const rows = prepared.body.reduce((s, b) => s + (b.kind === 't' ? b.rows.length : 0), 0);
  const paragraphs = prepared.body.filter((b) => b.kind === 'p').length;

  // Warm-up (JIT, docx's module state), and proof that the baseline writes what we write.
  const textOf = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  const same = (await textOf(await ours(report))) === (await textOf(await bare(prepared)));
  const o: Timing[] = [];
  const b: Timing[] = [];
  const c: Timing[] = [];
  const d: Timing[] = [];
  const w: Timing[] = [];
  const model = buildResultDocument({ facts: reportFacts(report, GROUPS), texts: TEXTS, letterhead: LETTERHEAD });
  for (let i = 0; i < reps; i++) {
    d.push(await time(() => (buildResultDocument({ facts: reportFacts(report, GROUPS), texts: TEXTS, letterhead: LETTERHEAD }), new Uint8Array(0))));
    w.push(await time(() => writeResultDocx(model)));
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      if (k === 0) o.push(await time(() => ours(report)));
      else b.push(await time(() => bare(prepared)));
    }
    c.push(await time(() => (consolidateNow(), new Uint8Array(0))));
  }

  const ratio = median(o.map((t) => t.wall)) / median(b.map((t) => t.wall));
  const cpuRatio = median(o.map((t) => t.cpu)) / median(b.map((t) => t.cpu));
  const total = median(c.map((t) => t.wall)) + median(o.map((t) => t.wall));
  console.log(`bench:report — district «Báo cáo kết quả», ${UNITS} units × ${ACTIVITIES} activities (${activities.toLocaleString('en')} consolidated), ${MISSING} units missing`);
  console.log(`document: ${paragraphs} paragraphs, ${rows} table rows, ${(o[0]!.bytes / 1024).toFixed(0)} KB (bare: ${(b[0]!.bytes / 1024).toFixed(0)} KB); ${reps} runs each; same text read back by mammoth: ${same ? 'yes' : 'NO'}`);
  console.log('');
  console.log('case                                   wall median (min–max)      CPU median');
  console.log(`ours: draft + write .docx              ${ms(median(o.map((t) => t.wall))).padEnd(9)} (${range(o.map((t) => t.wall))})`.padEnd(66) + ms(median(o.map((t) => t.cpu))));
  console.log(`bare docx: same paragraphs and tables  ${ms(median(b.map((t) => t.wall))).padEnd(9)} (${range(b.map((t) => t.wall))})`.padEnd(66) + ms(median(b.map((t) => t.cpu))));
  console.log(`  of which draft (facts + model)       ${ms(median(d.map((t) => t.wall))).padEnd(9)} (${range(d.map((t) => t.wall))})`.padEnd(66) + ms(median(d.map((t) => t.cpu))));
  console.log(`  of which write (model → .docx)       ${ms(median(w.map((t) => t.wall))).padEnd(9)} (${range(w.map((t) => t.wall))})`.padEnd(66) + ms(median(w.map((t) => t.cpu))));
  console.log(`consolidate (shared with the workbook) ${ms(median(c.map((t) => t.wall))).padEnd(9)} (${range(c.map((t) => t.wall))})`.padEnd(66) + ms(median(c.map((t) => t.cpu))));
  console.log('');
  const missed: string[] = [];
  if (!same) missed.push('the baseline does not write the same text');
  if (ratio > 1.3) missed.push(`ours/bare ${ratio.toFixed(2)}× > 1.3×`);
  if (total >= 2000) missed.push(`consolidate + draft + write ${ms(total)} ≥ 2 s`);
  const best = Math.min(...o.map((t) => t.wall)) / Math.min(...b.map((t) => t.wall));
  console.log(`ours / bare: ${ratio.toFixed(2)}× wall (${cpuRatio.toFixed(2)}× CPU; fastest runs ${best.toFixed(2)}×), target ≤ 1.3× (judged on the wall-clock medians)`);
  console.log(`consolidate + draft + write: ${ms(total)} (medians), target < 2 s`);
  console.log(missed.length === 0 ? 'targets met' : `targets missed: ${missed.join('; ')}`);
  console.log(
    `node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s, load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
