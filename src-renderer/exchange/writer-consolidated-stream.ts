/**
 * The consolidated report (and the completeness workbook) through ExcelJS's streaming writer,
 * for large files in Node (the desktop main process): the same sheets, rows and styles as
 * writer-consolidated.ts, both built by its sheet plans and applied by writer-stream.ts's
 * writePlansStreaming (shared strings; see there why).
 *
 * Pure module (by the lint rule's definition): the caller hands in a file name or a writable
 * stream, or gets the bytes back.
 */
import type { ConsolidatedReport } from '../domain/report';
import { completenessSheetPlans, consolidatedSheetPlans, withProgress, type ConsolidatedPlans, type ProgressCallback } from './writer-consolidated';
import type { WriteOptions } from './writer-layout';
import { writePlansStreaming, type StreamTarget } from './writer-stream';

/** The streaming writer of `plans`: the bytes when no filename or stream is given, else null once the file is complete. */
function streaming(plans: ConsolidatedPlans) {
  return (report: ConsolidatedReport, options: WriteOptions & StreamTarget = {}, onProgress?: ProgressCallback): Promise<Uint8Array | null> => {
    const opts = withProgress(options, onProgress);
    return writePlansStreaming(report, plans(report, opts), opts);
  };
}

export const writeConsolidatedReportStreaming = streaming(consolidatedSheetPlans);

export const writeCompletenessWorkbookStreaming = streaming(completenessSheetPlans);
