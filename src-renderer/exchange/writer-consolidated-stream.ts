/**
 * The consolidated report (and the completeness workbook) through the streaming writer: the
 * desktop app's path (writer-stream.ts writeWorkbookStreaming) for one kind of report each, with
 * the in-memory writers' signature (writer-consolidated.ts). The same sheets, rows and styles.
 *
 * Pure module (by the lint rule's definition): the caller hands in a file name or a writable
 * stream, or gets the bytes back.
 */
import type { ConsolidatedReport } from '@domain/report';
import { withProgress, type ProgressCallback } from './writer-consolidated';
import type { WriteOptions } from './writer-layout';
import { writeWorkbookStreaming, type StreamTarget } from './writer-stream';

/** The bytes when no filename or stream is given, else null once the file is complete. */
export function writeConsolidatedReportStreaming(report: ConsolidatedReport, options: WriteOptions & StreamTarget = {}, onProgress?: ProgressCallback): Promise<Uint8Array | null> {
  return writeWorkbookStreaming({ type: 'consolidated', report }, withProgress(options, onProgress));
}

export function writeCompletenessWorkbookStreaming(report: ConsolidatedReport, options: WriteOptions & StreamTarget = {}, onProgress?: ProgressCallback): Promise<Uint8Array | null> {
  return writeWorkbookStreaming({ type: 'completeness', report }, withProgress(options, onProgress));
}
