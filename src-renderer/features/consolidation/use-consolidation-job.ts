/**
 * One export at a time per button: gathering the data (main thread, Dexie), writing the workbook
 * (consolidation.worker.ts), saving it (platform: desktop save dialog / browser download). Same
 * states as features/reports/use-report-job.ts; `cancel()` aborts whichever stage runs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { OperationError } from '../../db';
import { PlatformError, platform } from '../../platform';
import { ReportJobCancelled } from '../reports/report-jobs';
import { EXCEL_FILTERS, type JobState } from '../reports/use-report-job';
import { runConsolidationJob, type ConsolidationJob } from './consolidation-jobs';

export function useConsolidationJob(): {
  state: JobState;
  start: (prepare: () => Promise<{ job: ConsolidationJob; fileName: string }>) => Promise<void>;
  cancel: () => void;
} {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (prepare: () => Promise<{ job: ConsolidationJob; fileName: string }>) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    const live = () => controller.current === ac && !ac.signal.aborted;
    setState({ phase: 'reading' });
    try {
      const { job, fileName } = await prepare();
      if (!live()) throw new ReportJobCancelled();
      setState({ phase: 'writing', done: 0, total: 0 });
      const bytes = await runConsolidationJob(job, (p) => live() && setState({ phase: 'writing', done: p.done, total: p.total }), ac.signal);
      if (!live()) throw new ReportJobCancelled();
      setState({ phase: 'saving', fileName });
      const result = await platform.saveFile(fileName, bytes, EXCEL_FILTERS);
      if (controller.current !== ac) return;
      setState(result.saved ? { phase: 'saved', fileName, ...(result.path ? { path: result.path } : {}) } : { phase: 'not-saved', fileName });
    } catch (error) {
      if (controller.current !== ac) return;
      if (error instanceof ReportJobCancelled || ac.signal.aborted) setState({ phase: 'cancelled' });
      else setState({ phase: 'failed', message: failureMessage(error) });
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

  return { state, start, cancel };
}

function failureMessage(error: unknown): string {
  if (error instanceof OperationError) return `${error.message} Hãy kiểm tra kế hoạch và kỳ ở thanh trên rồi xuất lại.`;
  if (error instanceof PlatformError) return `Không lưu được tệp: ${error.message}`;
  if (error instanceof Error && /^(Không|Bộ tạo)/.test(error.message)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Không đọc được dữ liệu để xuất (${detail}). Hãy bấm xuất lại.`;
}
