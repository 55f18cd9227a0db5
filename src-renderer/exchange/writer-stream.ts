/**
 * The streaming writer of the desktop app's exports (src-main/export/workbook-export.ts runs it in
 * the main process): the same sheets, rows and styles as writer.ts (both come from
 * writer-layout.ts), written through ExcelJS's stream.xlsx.WorkbookWriter, which keeps only the
 * rows not yet zipped in memory. `writeWorkbookStreaming(job, …)` is the entry; the others are
 * the same path for one kind of report.
 *
 * ExcelJS's browser build has no streaming writer; calling this there throws a plain error.
 * The module imports no Node built-in itself: the caller hands in a file name or a writable
 * stream, or gets the bytes back.
 *
 * Shared strings (`useSharedStrings: true`): without them ExcelJS writes text cells as `t="str"`,
 * and ExcelJS's own reader (ours) XML-decodes such a value a second time, so a text holding
 * "&amp;" or "&lt;" came back as "&" or "<" (Excel and LibreOffice decode it once). The
 * consolidated round-trip property test found it; exchange-writer.test.ts keeps it fixed.
 *
 * Pure module (by the lint rule's definition).
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from './writer';
import { type SheetPlan, type WriteOptions } from './writer-layout';
import type { UnitReport } from '@domain/report';
import type { WrittenWorkbookJob } from './workbook-job';
import type { WithActivityRows } from './activity-pack';
import { planWorkbookJob } from './workbook-job-plans';

export interface StreamTarget {
  /** Write to this file (ExcelJS opens it). */
  filename?: string;
  /** Or to this Node writable stream. Without either, the bytes are returned. */
  stream?: ExcelJS.stream.xlsx.WorkbookStreamWriterOptions['stream'];
}

interface BufferedStream {
  read(): Uint8Array | null;
}

/** The part of ExcelJS's streaming WorksheetWriter that printOptionsOnEverySheet reaches into. */
interface StreamedSheet {
  pageSetup: Partial<ExcelJS.PageSetup>;
  stream: { write(xml: string): void };
  _writePageMargins(): void;
}

/** `<printOptions …/>` as ExcelJS's in-memory writer renders it (same attributes, same order), or ''. */
export function printOptionsXml(setup: Partial<ExcelJS.PageSetup>): string {
  const flags: [string, boolean | undefined][] = [
    ['headings', setup.showRowColHeaders],
    ['gridLines', setup.showGridLines],
    ['horizontalCentered', setup.horizontalCentered],
    ['verticalCentered', setup.verticalCentered],
  ];
  const attributes = flags.filter(([, on]) => on).map(([name]) => ` ${name}="1"`);
  return attributes.length > 0 ? `<printOptions${attributes.join('')}/>` : '';
}

/**
 * ExcelJS's streaming WorksheetWriter never writes <printOptions> (ExcelJS #1045 was fixed in the
 * in-memory writer only), so a sheet set to print centred on the page would print flush left.
 * Each sheet of `wb` writes it where the schema puts it, just before <pageMargins>, as the
 * in-memory writer does.
 */
export function printOptionsOnEverySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const addWorksheet = wb.addWorksheet.bind(wb);
  wb.addWorksheet = (name?: string, options?: Partial<ExcelJS.AddWorksheetOptions>) => {
    const ws = addWorksheet(name, options);
    const sheet = ws as unknown as StreamedSheet;
    const writeMargins = sheet._writePageMargins.bind(sheet);
    sheet._writePageMargins = () => {
      const xml = printOptionsXml(sheet.pageSetup);
      if (xml !== '') sheet.stream.write(xml);
      writeMargins();
    };
    return ws;
  };
}

export async function writePlansStreaming(
  report: WithActivityRows<UnitReport>,
  plans: SheetPlan[],
  options: WriteOptions & StreamTarget,
): Promise<Uint8Array | null> {
  options.signal?.throwIfAborted();
  const streamApi = (ExcelJS as { stream?: typeof ExcelJS.stream }).stream;
  if (!streamApi?.xlsx?.WorkbookWriter) throw new Error('The streaming workbook writer exists only in Node.');
  const target: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> = { useStyles: true, useSharedStrings: true };
  if (options.filename) target.filename = options.filename;
  else if (options.stream) target.stream = options.stream;
  const wb = new streamApi.xlsx.WorkbookWriter(target);
  printOptionsOnEverySheet(wb);
  await fillWorkbook(wb, report, plans, options);
  await wb.commit();
  if (options.filename || options.stream) return null;
  // ExcelJS's own in-memory buffer (StreamBuf) when no target was given.
  const buf = (wb as unknown as { stream: BufferedStream }).stream.read();
  return buf ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array();
}

/**
 * A workbook job through the streaming writer (not the template: see StreamedWorkbookJob). Returns the bytes when no filename or stream is
 * given, else null once the file or stream is complete.
 */
export async function writeWorkbookStreaming(job: WrittenWorkbookJob, options: WriteOptions & StreamTarget = {}): Promise<Uint8Array | null> {
  const { report, plans } = planWorkbookJob(job, options);
  return writePlansStreaming(report, plans, options);
}

/** The unit's report through the streaming writer (see writeWorkbookStreaming). */
export async function writeUnitReportStreaming(report: UnitReport, options: WriteOptions & StreamTarget = {}): Promise<Uint8Array | null> {
  return writeWorkbookStreaming({ type: 'unit-report', report }, options);
}
