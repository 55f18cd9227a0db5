/**
 * Every workbook the app exports, as one job: the unit's report, the blank template, the
 * consolidated report and the completeness list (workbook-job-plans.ts turns a job into sheets).
 * Types, zod and the job's IPC form here, no ExcelJS: the desktop renderer sends a job to the
 * main process to be streamed (`export:write`) as a WireWorkbookJob (`toWireJob`: its activities
 * packed, activity-pack.ts), the IPC contract checks it with `wireWorkbookJobSchema`, and the
 * main process writes `fromWireJob` of it.
 *
 * Pure module.
 */
import { z } from 'zod';
import type { ConsolidatedReport, UnitReport } from '@domain/report';
import { isPackedActivities, packActivities, packedActivityRows, type ActivityRows, type PackedActivities } from './activity-pack';
import type { TemplateInput } from './template';
import type { WriteOptions } from './writer-layout';

/** What may travel with a job (no callbacks, no signal). */
export type WorkbookWriteOptions = Pick<WriteOptions, 'place' | 'documentDate' | 'documentNumber'>;

export type WorkbookJob =
  /** "Xuất báo cáo đơn vị". */
  | { type: 'unit-report'; report: UnitReport; options?: WorkbookWriteOptions }
  /** "Mẫu nhập liệu". */
  | { type: 'template'; input: TemplateInput; options?: WorkbookWriteOptions }
  /** "Xuất báo cáo tổng hợp": the consolidated workbook for the upper level. */
  | { type: 'consolidated'; report: ConsolidatedReport; options?: WorkbookWriteOptions }
  /** "Xuất tình hình nộp": who handed in, when, late or not. */
  | { type: 'completeness'; report: ConsolidatedReport; options?: WorkbookWriteOptions };

/**
 * The jobs the desktop app writes by streaming, each part the XML the in-memory writer writes
 * (tests/unit/exchange-writer-stream.test.ts). Not the template: ExcelJS's streaming writer leaves
 * out a row that has styles but no value, and the template's pre-formatted blank rows (unlocked
 * on a protected sheet) are exactly that. A template is small; the in-memory writer makes it.
 */
export type StreamedWorkbookJob = Exclude<WorkbookJob, { type: 'template' }>;

export function isStreamedJob(job: WorkbookJob): job is StreamedWorkbookJob {
  return job.type !== 'template';
}

/** A streamed job whose report's activities are of type A (an array in StreamedWorkbookJob). */
type StreamedJobWith<A> =
  | { type: 'unit-report'; report: Omit<UnitReport, 'activities'> & { activities: A }; options?: WorkbookWriteOptions }
  | { type: 'consolidated' | 'completeness'; report: Omit<ConsolidatedReport, 'activities'> & { activities: A }; options?: WorkbookWriteOptions };

/** A streamed job as `export:write` carries it (toWireJob / fromWireJob): its activities packed. */
export type WireWorkbookJob = StreamedJobWith<PackedActivities>;

/** The renderer's side: the job with its activities packed, everything else as it is. */
export function toWireJob(job: StreamedWorkbookJob): WireWorkbookJob {
  // TypeScript cannot follow a spread through the union's members; the type is kept member by member.
  return { ...job, report: { ...job.report, activities: packActivities(job.report.activities) } } as WireWorkbookJob;
}

/** A streamed job as the streaming writer reads it: its report's activities only counted and read in order. */
export type WrittenWorkbookJob = StreamedJobWith<ActivityRows>;

/**
 * The main process's side: the job toWireJob packed, its activities read from the packed form as
 * the writer reaches them (packedActivityRows).
 */
export function fromWireJob(job: WireWorkbookJob): WrittenWorkbookJob {
  return { ...job, report: { ...job.report, activities: packedActivityRows(job.report.activities) } } as WrittenWorkbookJob;
}

// The shape the writers rely on, checked at the edge; the values inside are the renderer's own
// records, which the writers already turn into safe cells one by one. Lists of records are checked
// in place (z.custom): a parsed copy of them would cost time and memory for nothing. The packed
// activities are checked whole (isPackedActivities): fromWireJob reads nothing it did not check.
const text = z.string().max(2000);
const options = z
  .object({ place: text.optional(), documentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), documentNumber: text.optional() })
  .strict()
  .optional();
const unit = z.looseObject({ code: z.string(), name: z.string() });
const plan = z.looseObject({ number: z.string(), title: z.string() });
const period = z.looseObject({ key: z.string(), name: z.string(), start: z.string(), end: z.string() });
const records = z.custom<readonly object[]>(
  (v) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
  'a list of records',
);
const packed = z.custom<PackedActivities>(isPackedActivities, 'packed activities');
const report = z.looseObject({
  kind: z.string(),
  formatVersion: z.number(),
  unit,
  plan,
  period,
  exportedAt: z.string(),
  exportedBy: z.string(),
  appVersion: z.string(),
  items: records,
  activities: packed,
  indicators: records,
});
const consolidated = report.extend({
  consolidation: z.looseObject({ items: records, units: records, completeness: records, unitNames: z.record(z.string(), z.string()) }),
});
const jobShape = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit-report'), report, options }).strict(),
  z.object({ type: z.literal('consolidated'), report: consolidated, options }).strict(),
  z.object({ type: z.literal('completeness'), report: consolidated, options }).strict(),
]);

/**
 * A streamed job as it arrives over IPC: checked for the shape above, then handed on as it came
 * (no parsed copy of its records).
 */
export const wireWorkbookJobSchema = z.custom<WireWorkbookJob>((v) => jobShape.safeParse(v).success, 'not a workbook job');

/** The officer's sentence for a writer that failed (the browser's worker and the desktop's alike). */
export function writeFailedMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const short = detail.length > 160 ? `${detail.slice(0, 157)}…` : detail;
  if (error instanceof RangeError || /memory|allocation|array buffer/i.test(detail)) {
    return `Không đủ bộ nhớ để tạo tệp Excel (${short}). Hãy đóng bớt chương trình khác rồi xuất lại, hoặc chọn kỳ ngắn hơn (quý thay vì năm).`;
  }
  return `Không tạo được tệp Excel (${short}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng rồi thử lần nữa.`;
}
