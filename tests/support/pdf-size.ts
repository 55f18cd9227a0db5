/**
 * How big text prints in a PDF that LibreOffice made from a workbook: every word's box from
 * `pdftotext -bbox` (poppler-utils), turned into a font size in points.
 *
 * A word's box is taller than its font size by a ratio that depends on the font's metrics
 * (about 1.30 for Liberation Serif, which stands in for Times New Roman). Rather than trusting a
 * constant that another font version could change, the ratio is measured on the machine: a
 * one-cell workbook at 12 pt, printed at 100 % by the same LibreOffice with the same fonts
 * (`calibrate`). Sizes are then good to a few hundredths of a point.
 *
 *   const ratio = calibrate(dir);                  // once per test file
 *   const small = smallestWords(pdfPath, ratio);   // the smallest printed words, page by page
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export interface PdfWord {
  page: number;
  text: string;
  /** Height of the word's box, in points. */
  box: number;
}

export interface PrintedWord {
  page: number;
  text: string;
  /** Font size on paper, in points. */
  size: number;
}

/** Every word of the PDF with its page and box height (pdftotext -bbox). */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: PdfWord[] = [];
  let page = 0;
  const re = /<page\b|<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0] === '<page') page++;
    else out.push({ page, text: decode(m[3]!), box: Number(m[2]) - Number(m[1]) });
  }
  return out;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').normalize('NFC');
}

/** Converts `files` to PDF in `outDir` with a LibreOffice of its own (profile under tmp). */
export function libreOfficePdf(files: readonly string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-pdf-size-'));
  try {
    const r = spawnSync('soffice', ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`LibreOffice could not print ${files.join(', ')}: ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of the calibration cell; its words are measured. */
const CALIBRATION_TEXT = 'Hiệu chuẩn cỡ chữ';
const CALIBRATION_POINTS = 12;

/**
 * Box height per point of font size, as this machine's LibreOffice and fonts print the
 * workbooks' font (Times New Roman, or what stands in for it): a workbook of one 12 pt cell at
 * 100 %, printed to PDF in `dir` and measured.
 */
export async function calibrate(dir: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('a', { pageSetup: { paperSize: 9, orientation: 'portrait', scale: 100, fitToPage: false } });
  const cell = ws.getCell('A1');
  cell.value = CALIBRATION_TEXT;
  cell.font = { name: 'Times New Roman', size: CALIBRATION_POINTS };
  const path = join(dir, 'hieu-chuan-co-chu.xlsx');
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  libreOfficePdf([path], dir);
  const words = pdfWords(path.replace(/\.xlsx$/, '.pdf'));
  if (words.length === 0) throw new Error('the calibration PDF holds no text');
  return Math.max(...words.map((w) => w.box)) / CALIBRATION_POINTS;
}

/** Every word with the size it prints at (box height / `boxPerPoint`). */
export function printedWords(pdf: string, boxPerPoint: number): PrintedWord[] {
  return pdfWords(pdf).map((w) => ({ page: w.page, text: w.text, size: Math.round((w.box / boxPerPoint) * 100) / 100 }));
}

/** The words printed below `minPoints` (none when the PDF is legible throughout). */
export function wordsBelow(pdf: string, boxPerPoint: number, minPoints: number): PrintedWord[] {
  return printedWords(pdf, boxPerPoint).filter((w) => w.size < minPoints);
}

/** The smallest size any word prints at, and where. */
export function smallestWord(pdf: string, boxPerPoint: number): PrintedWord {
  const words = printedWords(pdf, boxPerPoint);
  if (words.length === 0) throw new Error(`${pdf} holds no text`);
  return words.reduce((a, b) => (b.size < a.size ? b : a));
}
