/**
 * The consolidated report (and the completeness workbook) through ExcelJS's streaming writer,
 * for large files in Node (the desktop main process): the same sheets, rows and styles as
 * writer-consolidated.ts, both built by its sheet plans and applied by writeSheets.
 *
 * Why not writer-stream.ts's writePlansStreaming: it streams with `useSharedStrings: false`,
 * so ExcelJS writes every text cell as `t="str"`, and ExcelJS's reader XML-decodes such a value
 * a second time: a text holding "&amp;" or "&lt;" comes back as "&" or "<" (the round-trip
 * property test found it). Excel and LibreOffice decode it once and are not affected. Shared
 * strings (`t="s"`) read back exactly, so this writer uses them; the in-memory writer does too.
 *
 * Pure module (by the lint rule's definition): the caller hands in a file name or a writable
 * stream, or gets the bytes back.
 */
import ExcelJS from 'exceljs';
import type { ConsolidatedReport } from './spec';
import { workbookProperties } from './writer';
import { completenessSheetPlans, consolidatedSheetPlans, type ProgressCallback } from './writer-consolidated';
import { totalRows, writeSheets, type SheetPlan, type WriteOptions } from './writer-layout';
import type { StreamTarget } from './writer-stream';

interface BufferedStream {
  read(): Uint8Array | null;
}

async function streamPlans(report: ConsolidatedReport, plans: SheetPlan[], options: WriteOptions & StreamTarget): Promise<Uint8Array | null> {
  options.signal?.throwIfAborted();
  const streamApi = (ExcelJS as { stream?: typeof ExcelJS.stream }).stream;
  if (!streamApi?.xlsx?.WorkbookWriter) throw new Error('The streaming workbook writer exists only in Node.');
  const target: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> = { useStyles: true, useSharedStrings: true };
  if (options.filename) target.filename = options.filename;
  else if (options.stream) target.stream = options.stream as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions['stream'];
  const wb = new streamApi.xlsx.WorkbookWriter(target);
  const props = workbookProperties(report);
  wb.creator = props.creator;
  wb.lastModifiedBy = props.creator;
  wb.title = props.title;
  wb.created = props.created;
  wb.modified = props.modified;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  await writeSheets(wb, plans, { written: 0, total: totalRows(plans), onProgress: options.onProgress, signal: options.signal });
  await wb.commit();
  if (options.filename || options.stream) return null;
  const buf = (wb as unknown as { stream: BufferedStream }).stream.read();
  return buf ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array();
}

/** Returns the bytes when no filename or stream is given, else null once the file is complete. */
export async function writeConsolidatedReportStreaming(
  report: ConsolidatedReport,
  options: WriteOptions & StreamTarget = {},
  onProgress?: ProgressCallback,
): Promise<Uint8Array | null> {
  const opts = onProgress ? { ...options, onProgress } : options;
  return streamPlans(report, consolidatedSheetPlans(report, opts), opts);
}

export async function writeCompletenessWorkbookStreaming(
  report: ConsolidatedReport,
  options: WriteOptions & StreamTarget = {},
  onProgress?: ProgressCallback,
): Promise<Uint8Array | null> {
  const opts = onProgress ? { ...options, onProgress } : options;
  return streamPlans(report, completenessSheetPlans(report, opts), opts);
}
