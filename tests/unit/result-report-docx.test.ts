/**
 * The written «Báo cáo kết quả» (.docx) read by two other programs:
 * - mammoth (the app's own .docx reader): every paragraph and table cell, in order, equals the
 *   document model's printed lines; headings bold; one table per model table;
 * - LibreOffice Writer headless prints it to PDF: A4, the margins of NĐ 30/2020 (no word outside
 *   them but the page number, which is centred in the top margin from page 2 and absent on page
 *   1), no text under 9 pt, and pdftotext finds the header lines, the trích yếu, every task group
 *   heading, every figure of the tables and Nơi nhận; the header row of a table that runs over
 *   several pages is printed again on each of them.
 * The PDF pages are rendered to PNG under test-results/result-report/ to be looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import {
  buildResultDocument,
  documentLines,
  emptyTexts,
  reportFacts,
  reportGroups,
  type DocBlock,
  type Letterhead,
  type ResultDocument,
} from '@domain/result-report';
import { HEADER_LEFT_SHARE, PAGE, writeResultDocx } from '@document/docx-writer';
import { missingLines, pdfText, squashed } from '../support/pdf-text';
import { districtReport } from '../support/result-report-fixtures';
import { sampleReport } from '../support/exchange-writer-fixtures';

const OUT = resolve(import.meta.dirname, '../../test-results/result-report');
const PROFILE = join(tmpdir(), `lo-sokh-docx-${process.pid}-${Date.now()}`);
const GROUPS = reportGroups(BUILTIN_PLAN.plan);
const MM = 72 / 25.4;

const LETTERHEAD: Letterhead = {
  parentBody: 'LĐLĐ tỉnh Tây Ninh',
  issuingBody: 'LĐLĐ huyện Dương Minh Châu',
  number: '27',
  symbol: 'BC-LĐLĐ',
  place: 'Dương Minh Châu',
  date: '2025-06-25',
  recipients: ['LĐLĐ tỉnh Tây Ninh', 'Ban TG-NC LĐLĐ tỉnh', 'TT Huyện ủy', 'Lưu: VP'],
  signingFor: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Trần Văn Đức',
};

function unitDocument(): ResultDocument {
  const r = sampleReport(40);
  r.unit.name = 'CĐCS Công ty TNHH Giày da Hưng Thịnh';
  return buildResultDocument({
    facts: reportFacts(r, GROUPS),
    texts: {
      ...emptyTexts(),
      strengths: 'Ban Chấp hành quan tâm chỉ đạo; đoàn viên hưởng ứng tích cực.\nPhối hợp tốt với người sử dụng lao động.',
      weaknesses: 'Một số nhiệm vụ chưa triển khai: tập huấn kỹ năng thương lượng.'.normalize('NFD'),
      directions: 'Tổ chức Hội nghị người lao động; tiếp tục tuyên truyền Nghị quyết 43-NQ/TW.',
    },
    letterhead: { ...LETTERHEAD, parentBody: 'LĐLĐ huyện Dương Minh Châu', issuingBody: r.unit.name, symbol: 'BC-CĐCS', signingFor: 'TM. BAN CHẤP HÀNH', signerTitle: 'CHỦ TỊCH' },
  });
}

function districtDocument(): ResultDocument {
  const companies = ['Ánh Dương', 'Hưng Thịnh', 'Phước Ninh', 'Đồng Khởi'];
  const report = districtReport({
    units: 40,
    missing: new Set([2, 9, 21, 33]),
    activities: () => 12,
    exportedAt: (i) => (i % 6 === 0 ? '2025-06-23T03:00:00.000Z' : '2025-06-12T03:00:00.000Z'),
    name: (i) => `CĐCS số ${i} – Công ty ${companies[i % 4]}`,
    targets: { 'new-members': 120 },
  });
  return buildResultDocument({ facts: reportFacts(report, GROUPS), texts: emptyTexts(), letterhead: LETTERHEAD });
}

function soffice(args: string[]) {
  return spawnSync('soffice', ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${PROFILE}`, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box (points from the top-left corner) and page. */
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else out.push({ page: pages.length, text: m[7]!, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return { pages, words: out };
}


/** Words in reading order: by line (yMin within 2 pt), then left to right. */
function reading(ws: readonly Word[]): Word[] {
  return [...ws].sort((a, b) => a.page - b.page || (Math.abs(a.yMin - b.yMin) > 2 ? a.yMin - b.yMin : a.xMin - b.xMin));
}
const joined = (ws: readonly Word[]) => squashed(reading(ws).map((w) => w.text).join(''));
const centre = (w: Word) => (w.xMin + w.xMax) / 2;
const LEFT_EDGE = PAGE.marginLeftMm * MM;
const TEXT_PT = (PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm) * MM;

/** The x range (points) of each column of a full-width table with these shares (percent). */
function columnRanges(widths: readonly number[]): [number, number][] {
  let x = LEFT_EDGE;
  return widths.map((w) => {
    const from = x;
    x += (TEXT_PT * w) / 100;
    return [from, x];
  });
}

const modelTables = (doc: ResultDocument) => doc.body.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');

const CASES = [
  { name: 'cdcs', doc: unitDocument() },
  { name: 'huyen', doc: districtDocument() },
] as const;

describe('the written .docx', () => {
  const files = new Map<string, { bytes: Uint8Array; pdf: string }>();

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const paths: string[] = [];
    for (const c of CASES) {
      const bytes = await writeResultDocx(c.doc);
      const path = join(OUT, `bao-cao-ket-qua-${c.name}.docx`);
      writeFileSync(path, bytes);
      paths.push(path);
      files.set(c.name, { bytes, pdf: path.replace(/\.docx$/, '.pdf') });
    }
    const res = soffice(['--convert-to', 'pdf', '--outdir', OUT, ...paths]);
    if (res.status !== 0) throw new Error(`soffice failed (is libreoffice-writer-nogui installed?): ${res.stderr}`);
    for (const f of readdirSync(OUT).filter((f) => f.endsWith('.pdf'))) {
      execFileSync('pdftoppm', ['-r', '60', '-png', join(OUT, f), join(OUT, f.replace(/\.pdf$/, ''))]);
    }
  }, 180_000);

  afterAll(() => rmSync(PROFILE, { recursive: true, force: true }));

  for (const c of CASES) {
    describe(c.name, () => {
      it('reads back with mammoth paragraph for paragraph and cell for cell as the model', async () => {
        const buffer = Buffer.from(files.get(c.name)!.bytes);
        const raw = (await mammoth.extractRawText({ buffer })).value;
        const paragraphs = raw
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '');
        expect(paragraphs).toEqual(documentLines(c.doc));
        const html = (await mammoth.convertToHtml({ buffer })).value;
        // The header and the closing (Nơi nhận, signature) are layout tables around the model's.
        expect(html.match(/<table>/g)?.length).toBe(modelTables(c.doc).length + 2);
        for (const b of c.doc.body) {
          if (b.kind !== 'heading') continue;
          const inner = b.text.replace(/&/g, '&amp;');
          expect(html).toContain(b.level === 3 ? `<strong><em>${inner}</em></strong>` : `<strong>${inner}</strong>`);
        }
      });

      it('prints on A4 within the margins, page numbers centred at the top from page 2, nothing under 9 pt', () => {
        const { pages, words: all } = words(files.get(c.name)!.pdf);
        expect(pages.length).toBeGreaterThan(1);
        for (const p of pages) {
          expect(p.width).toBeCloseTo(PAGE.widthMm * MM, 0);
          expect(p.height).toBeCloseTo(PAGE.heightMm * MM, 0);
        }
        const left = PAGE.marginLeftMm * MM;
        const right = (PAGE.widthMm - PAGE.marginRightMm) * MM;
        const top = PAGE.marginTopMm * MM;
        const bottom = (PAGE.heightMm - PAGE.marginBottomMm) * MM;
        const inHeader = (w: Word) => w.yMax <= top;
        for (const w of all) {
          expect(w.xMin, `«${w.text}» p.${w.page}`).toBeGreaterThanOrEqual(left - 1);
          expect(w.xMax, `«${w.text}» p.${w.page}`).toBeLessThanOrEqual(right + 1);
          expect(w.yMax, `«${w.text}» p.${w.page}`).toBeLessThanOrEqual(bottom + 1);
          if (!inHeader(w)) expect(w.yMin, `«${w.text}» p.${w.page}`).toBeGreaterThanOrEqual(top - 1);
          // A word box is about 1.15 × the font size tall: 9 pt text is at least ~10 pt tall.
          expect(w.yMax - w.yMin, `«${w.text}» p.${w.page}`).toBeGreaterThanOrEqual(10);
        }
        const numbers = all.filter(inHeader);
        expect(numbers.filter((w) => w.page === 1)).toEqual([]);
        for (let p = 2; p <= pages.length; p++) {
          const onPage = numbers.filter((w) => w.page === p);
          expect(onPage.map((w) => w.text)).toEqual([String(p)]);
          expect((onPage[0]!.xMin + onPage[0]!.xMax) / 2).toBeCloseTo((left + right) / 2, -1);
        }
      });

      it('has the header lines, the trích yếu, every task group heading, every table figure and Nơi nhận in the PDF text', () => {
        const file = files.get(c.name)!.pdf;
        const { words: all } = words(file);
        const h = c.doc.header;
        // The header's two halves, each read on its own (a long name wraps inside its half).
        const title = all.find((w) => w.page === 1 && w.text === 'BÁO')!;
        const headerWords = all.filter((w) => w.page === 1 && w.yMax < title.yMin);
        const split = LEFT_EDGE + TEXT_PT * HEADER_LEFT_SHARE;
        const leftText = joined(headerWords.filter((w) => centre(w) < split));
        const rightText = joined(headerWords.filter((w) => centre(w) > split));
        for (const l of [h.parentBody, h.issuingBody, h.numberLine]) expect(leftText).toContain(squashed(l));
        for (const l of [h.nationalName, h.motto, h.placeAndDate]) expect(rightText).toContain(squashed(l));
        expect(rightText.startsWith(squashed(h.nationalName + h.motto))).toBe(true);

        const text = pdfText(file);
        const expected = [
          'BÁO CÁO',
          c.doc.subject,
          ...c.doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text),
          'Nơi nhận:',
          ...c.doc.recipients,
          c.doc.signature.signingFor,
          c.doc.signature.title,
          c.doc.signature.name,
        ];
        expect(missingLines(text, expected)).toEqual([]);
        // Part I's sentences with figures in them.
        const sentences = c.doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [])).filter((s) => /\d/.test(s));
        expect(sentences.length).toBeGreaterThan(5);
        expect(missingLines(text, sentences)).toEqual([]);
        // Every table cell, read down its own column, in row order.
        for (const t of modelTables(c.doc)) {
          columnRanges(t.columns.map((col) => col.width)).forEach(([from, to], k) => {
            const column = joined(all.filter((w) => centre(w) > from && centre(w) < to));
            let at = 0;
            for (const row of t.rows) {
              const cell = squashed(row[k]!);
              if (cell === '') continue;
              const found = column.indexOf(cell, at);
              expect(found, `column «${t.columns[k]!.header}», cell «${row[k]}»`).toBeGreaterThanOrEqual(0);
              at = found + cell.length;
            }
          });
        }
        // A wrong figure would be caught: the comparison is not just permissive.
        expect(squashed(text).includes(squashed('hoàn thành 999/28 nhiệm vụ'))).toBe(false);
      });

      it('repeats the header row of a table on every page it runs over', () => {
        const { pages, words: all } = words(files.get(c.name)!.pdf);
        for (const t of modelTables(c.doc)) {
          const ranges = columnRanges(t.columns.map((col) => col.width));
          const [from, to] = ranges[0]!;
          const [from2, to2] = ranges[1]!;
          // A row: its number in the first column beside the first word of its second cell.
          const firstWord = new Map(t.rows.map((r) => [r[0]!, r[1]!.split(/\s+/)[0]!]));
          for (let p = 1; p <= pages.length; p++) {
            const onPage = all.filter((w) => w.page === p);
            const inFirst = onPage.filter((w) => centre(w) > from && centre(w) < to);
            const rows = inFirst.filter(
              (w) =>
                firstWord.has(w.text) &&
                onPage.some((v) => v.xMin > from2 && v.xMin < to2 && Math.abs(v.yMin - w.yMin) < 3 && v.text === firstWord.get(w.text)),
            );
            if (rows.length === 0) continue;
            const firstRow = Math.min(...rows.map((w) => w.yMin));
            // The header row right above this page's first row.
            const stt = inFirst.filter((w) => w.text === 'STT' && w.yMin < firstRow).sort((a, b) => b.yMin - a.yMin)[0];
            expect(stt, `page ${p}: rows of «${t.columns[1]!.header}» without a header row`).toBeDefined();
            ranges.forEach(([a, b], k) => {
              const head = all.filter((w) => w.page === p && centre(w) > a && centre(w) < b && w.yMin >= stt!.yMin - 10 && w.yMax < firstRow);
              expect(joined(head), `page ${p}`).toBe(squashed(t.columns[k]!.header));
            });
          }
        }
      });
    });
  }

  it('runs a long table over several pages (so the repeated header is really tested)', () => {
    const { words: all } = words(files.get('huyen')!.pdf);
    const pagesWithTimes = new Set(all.filter((w) => /^\d\d:\d\d$/.test(w.text)).map((w) => w.page));
    expect(pagesWithTimes.size).toBeGreaterThanOrEqual(2);
  });
});
