/**
 * A workbook job as the report and sheet plans both writers apply: the in-memory one (writer.ts,
 * the browser's worker) and the streaming one (writer-stream.ts, the desktop main process writing
 * into the file), so the two make the same workbook from the same job.
 *
 * Pure module.
 */
import type { UnitReport } from '@domain/report';
import { templateReport, templateSheetPlans, TEMPLATE_BLANK_ROWS } from './template';
import type { WorkbookJob, WrittenWorkbookJob } from './workbook-job';
import type { WithActivityRows } from './activity-pack';
import { completenessSheetPlans, consolidatedSheetPlans } from './writer-consolidated';
import type { SheetPlan, WriteOptions } from './writer-layout';
import { reportSheetPlans } from './writer-plans';

/** The report written (its properties head the workbook) and its sheets, in order. */
export function planWorkbookJob(job: WorkbookJob | WrittenWorkbookJob, options: WriteOptions): { report: WithActivityRows<UnitReport>; plans: SheetPlan[] } {
  switch (job.type) {
    case 'unit-report':
      return { report: job.report, plans: reportSheetPlans(job.report, options) };
    case 'template': {
      const report = templateReport(job.input);
      return { report, plans: templateSheetPlans(report, job.input.blankRows ?? TEMPLATE_BLANK_ROWS, options) };
    }
    case 'consolidated':
      return { report: job.report, plans: consolidatedSheetPlans(job.report, options) };
    case 'completeness':
      return { report: job.report, plans: completenessSheetPlans(job.report, options) };
  }
}
