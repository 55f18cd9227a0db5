/**
 * Every workbook the app exports, as one job: the unit's report, the blank template, the
 * consolidated report and the completeness list (workbook-job-plans.ts turns a job into sheets).
 * Only types, zod and JSON here, so the renderer's main chunk can encode a job without ExcelJS.
 *
 * On the desktop the job crosses from the renderer to the main process as JSON bytes
 * (`encodeWorkbookJob`); `decodeWorkbookJob` checks their shape there, as any input arriving
 * over IPC is checked.
 *
 * Pure module.
 */
import { z } from 'zod';
import type { ConsolidatedReport, UnitReport } from '../domain/report';
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

export function encodeWorkbookJob(job: WorkbookJob): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(job));
}

// The shape the writers rely on, checked at the edge; the values inside are the renderer's own
// records, which the writers already turn into safe cells one by one.
const text = z.string().max(2000);
const options = z
  .object({ place: text.optional(), documentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), documentNumber: text.optional() })
  .strict()
  .optional();
const unit = z.looseObject({ code: z.string(), name: z.string() });
const plan = z.looseObject({ number: z.string(), title: z.string() });
const period = z.looseObject({ key: z.string(), name: z.string(), start: z.string(), end: z.string() });
const records = z.array(z.looseObject({}));
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
  activities: records,
  indicators: records,
});
const consolidated = report.extend({
  consolidation: z.looseObject({ items: records, units: records, completeness: records, unitNames: z.record(z.string(), z.string()) }),
});
const jobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit-report'), report, options }).strict(),
  z.object({ type: z.literal('consolidated'), report: consolidated, options }).strict(),
  z.object({ type: z.literal('completeness'), report: consolidated, options }).strict(),
  z
    .object({
      type: z.literal('template'),
      input: z.looseObject({ unit, plan, items: records, indicators: records, exportedAt: z.string(), appVersion: z.string() }),
      options,
    })
    .strict(),
]);

/** The job in `bytes`, or null when they are not one (not JSON, or not a job's shape). */
export function decodeWorkbookJob(bytes: Uint8Array): WorkbookJob | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  // Checked for shape only; the parsed value itself is returned (loose objects keep every field).
  return jobSchema.safeParse(value).success ? (value as WorkbookJob) : null;
}

/** The officer's sentence for a writer that failed (the browser's worker and the desktop's alike). */
export function writeFailedMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const short = detail.length > 160 ? `${detail.slice(0, 157)}…` : detail;
  if (error instanceof RangeError || /memory|allocation|array buffer/i.test(detail)) {
    return `Không đủ bộ nhớ để tạo tệp Excel (${short}). Hãy đóng bớt chương trình khác rồi xuất lại, hoặc chọn kỳ ngắn hơn (quý thay vì năm).`;
  }
  return `Không tạo được tệp Excel (${short}). Hãy bấm xuất lại; nếu vẫn lỗi, khởi động lại ứng dụng rồi thử lần nữa.`;
}
