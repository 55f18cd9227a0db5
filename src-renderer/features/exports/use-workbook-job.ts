/**
 * One export at a time per button: gathering the data (main thread, Dexie), writing the workbook,
 * saving it. On the desktop the shell writes it by streaming into a file and then offers it in
 * the save dialog (platform.workbookFiles), so a large workbook never sits whole in memory; in
 * the browser, and for the small template everywhere, workbook.worker.ts writes it in memory and
 * the bytes are saved (a download in the browser). The state
 * says which stage runs and how far the writer got; `cancel()` aborts whichever stage runs (the
 * worker is terminated, or the shell stops and drops its file), and leaving the screen cancels too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { OperationError } from '@db';
import { isStreamedJob } from '@exchange/workbook-job';
import { PlatformError, platform, type FileFilter, type SaveResult } from '@platform';
import { runWorkbookJob, WorkbookJobCancelled, type WorkbookJob } from './workbook-jobs';
import { officerMessage } from '@domain/officer-message';

export type JobState =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'writing'; done: number; total: number }
  | { phase: 'saving'; fileName: string }
  | { phase: 'saved'; fileName: string; path?: string }
  | { phase: 'not-saved'; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export const EXCEL_FILTERS: FileFilter[] = [{ name: 'Excel', extensions: ['xlsx'] }];

export interface PreparedJob {
  job: WorkbookJob;
  fileName: string;
}

export function isBusy(state: JobState): boolean {
  return state.phase === 'reading' || state.phase === 'writing' || state.phase === 'saving';
}

/** Percent done: 0 while reading, up to 90 while rows are written, 100 while saving. */
export function percentOf(state: JobState): number {
  // Rows are 90 %: after the last row ExcelJS still packs the zip, which takes a while.
  if (state.phase === 'writing') return state.total > 0 ? Math.min(90, Math.floor((state.done * 90) / state.total)) : 0;
  if (state.phase === 'saving') return 100;
  return 0;
}

/**
 * `start(prepare, failureHint)`: `prepare` reads what to write (it may throw an OperationError,
 * whose message is shown followed by `failureHint`, e.g. what to check before exporting again).
 */
export function useWorkbookJob(): {
  state: JobState;
  start: (prepare: () => Promise<PreparedJob>, failureHint: string) => Promise<void>;
  cancel: () => void;
  dismiss: () => void;
} {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (prepare: () => Promise<PreparedJob>, failureHint: string) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    const live = () => controller.current === ac && !ac.signal.aborted;
    setState({ phase: 'reading' });
    try {
      const { job, fileName } = await prepare();
      if (!live()) throw new WorkbookJobCancelled();
      setState({ phase: 'writing', done: 0, total: 0 });
      const onProgress = (done: number, total: number) => live() && setState({ phase: 'writing', done, total });
      const save = await writeWorkbook(job, onProgress, ac.signal);
      if (!live()) throw new WorkbookJobCancelled();
      setState({ phase: 'saving', fileName });
      const result = await save(fileName);
      if (controller.current !== ac) return;
      setState(
        result.saved ? { phase: 'saved', fileName, ...(result.path ? { path: result.path } : {}) } : { phase: 'not-saved', fileName },
      );
    } catch (error) {
      if (controller.current !== ac) return;
      if (error instanceof WorkbookJobCancelled || ac.signal.aborted) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', message: failureMessage(error, failureHint) });
    } finally {
      if (controller.current === ac) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    const ac = controller.current;
    if (!ac) return;
    ac.abort();
    controller.current = null;
    setState({ phase: 'cancelled' });
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, dismiss };
}

/** Writes the job where this platform writes workbooks; returns how to save what was written. */
async function writeWorkbook(
  job: WorkbookJob,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<(fileName: string) => Promise<SaveResult>> {
  const files = platform.workbookFiles;
  if (files && isStreamedJob(job)) {
    const written = await files.write(job, onProgress, signal);
    if (signal.aborted) {
      void written.discard();
      throw new WorkbookJobCancelled();
    }
    return (fileName) => written.save(fileName, EXCEL_FILTERS);
  }
  const bytes = await runWorkbookJob(job, (p) => onProgress(p.done, p.total), signal);
  return (fileName) => platform.saveFile(fileName, bytes, EXCEL_FILTERS);
}

function failureMessage(error: unknown, hint: string): string {
  if (error instanceof OperationError) return `${error.message} ${hint}`;
  if (error instanceof PlatformError) return `Không lưu được tệp: ${error.message}`;
  if (error instanceof Error && /^(Không|Bộ tạo)/.test(error.message)) return error.message;
  return `Không đọc được dữ liệu để xuất. ${officerMessage(error)} ${hint}`;
}
