/**
 * The shape of every stored record, one zod schema per table: what the screens may rely on
 * when they read a record (a title is text, a plan has sections, a report has activities).
 *
 * The write paths check the records they build against these (checkRecord) before writing, and
 * a restore checks every record of a backup against them (recordProblem), replace and merge
 * alike, so a forged or damaged backup is refused before anything is written rather than
 * crashing «Kế hoạch», «Nhật ký» or «Chỉ tiêu» afterwards.
 *
 * These are shapes (types, kinds, required fields, sane formats), not the business rules of the
 * forms (text limits, references to plans and units): a record the app wrote under an older
 * rule must still restore. Objects are loose: a field a later version adds passes through.
 * The forms keep their own input schemas, with their Vietnamese messages beside the fields.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType } from '@domain/activity';
import { PERIOD_KINDS, parsePeriodKey, type PeriodKind } from '@domain/periods';
import type { PlanNode } from '@domain/plan-types';
import { REPORT_TEXT_KEYS } from '@domain/result-report';
import { UNIT_LEVELS, UNIT_TYPES, type UnitLevel, type UnitType } from '@domain/units';
import {
  COMPLETENESS_STATE_LABELS,
  STATUS_COUNT_KEYS,
  WORKBOOK_KINDS,
  WORKBOOK_STATUSES,
  type CompletenessState,
} from '@domain/report';
import { OperationError } from './errors';
import { ITEM_STATUS_VALUES } from './types';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const text = z.string();
const id = z.string().min(1);
/** ISO instants as the app writes them (new Date().toISOString()); shape only. */
const instant = z.string().min(1).max(40);
const count = z.number().int().nonnegative();
const signedInt = z.number().int();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodKey = z.string().refine((k) => parsePeriodKey(k) !== null, { error: 'không phải mã kỳ báo cáo' });

// ---------------------------------------------------------------------------------------------
// Plans.

// `part` and `attributes` came later: both optional in what is stored, so a plan saved before
// them is still a valid plan with the same ids (no schema version needed, nothing is indexed).
export const planNodeSchema: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    kind: z.enum(['part', 'section', 'group', 'item', 'subitem']),
    label: z.string().nullable(),
    text: z.string(),
    trackable: z.boolean(),
    children: z.array(planNodeSchema),
    attributes: z.array(z.object({ name: z.string().min(1).max(200), value: z.string().max(2000) })).optional(),
  }),
);

const nullableText = z.string().nullable();
/** A parsed plan: also the input check of addPlan (its message is the form's). */
export const parsedPlanSchema = z.object({
  header: z.object({
    issuingBody: nullableText,
    parentBody: nullableText,
    number: nullableText,
    placeAndDate: nullableText,
    documentType: nullableText,
    title: nullableText,
    implements: z.array(z.string()),
    preamble: nullableText,
  }),
  sections: z.array(planNodeSchema).min(1, { error: 'Kế hoạch chưa có mục nào (I, II, III…).' }),
  closing: nullableText,
  recipients: z.array(z.string()),
  signature: z.array(z.string()),
  warnings: z.array(z.string()),
});

const dayMonth = z.looseObject({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) });

const planRecordSchema = z.looseObject({
  id,
  number: text,
  title: text,
  source: z.enum(['builtin', 'paste', 'docx']),
  fileName: text.optional(),
  plan: parsedPlanSchema,
  periodConfig: z.looseObject({ kinds: z.array(enumOf<PeriodKind>(PERIOD_KINDS)).min(1), halfEnd: dayMonth, yearEnd: dayMonth }),
  extraIndicators: z.array(z.looseObject({ code: id, name: text, unit: text, builtin: z.boolean() })).optional(),
  createdAt: instant,
  updatedAt: instant,
});

// ---------------------------------------------------------------------------------------------
// Units, statuses, activities, indicators.

const unitRecordSchema = z.looseObject({
  code: id,
  name: text,
  level: enumOf<UnitLevel>(UNIT_LEVELS),
  parentName: text,
  type: enumOf<UnitType>(UNIT_TYPES).nullable(),
  members: count.nullable(),
  contact: text,
  phone: text,
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  // Since schema v6 (absent from older records and backups).
  kind: id.optional(),
  parentCode: text.optional(),
  aliases: z.array(id).optional(),
});

const itemStatusRecordSchema = z.looseObject({
  planId: id,
  unitCode: id,
  periodKey,
  itemId: id,
  status: enumOf(ITEM_STATUS_VALUES),
  note: text,
  evidence: text,
  updatedAt: instant,
  submissionId: id.optional(),
});

const indicatorValues = z.record(z.string(), signedInt);
const activityType = enumOf<ActivityType>(ACTIVITY_TYPES.map((t) => t.code));

/** What an activity of the log and a row of a report's «Hoạt động» have in common. */
const activityFields = {
  date: isoDay,
  type: activityType,
  title: text,
  content: text,
  location: text,
  participants: count.nullable(),
  evidenceDoc: text,
  evidenceFile: text,
  indicators: indicatorValues,
};

const activityRecordSchema = z.looseObject({
  ...activityFields,
  id,
  planId: id,
  unitCode: id,
  itemIds: z.array(id),
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable(),
  searchText: text,
  submissionId: id.optional(),
  sourceId: id.optional(),
});

const indicatorKey = { planId: id, unitCode: id, periodKey, indicatorCode: id };

const indicatorAdjustmentRecordSchema = z.looseObject({
  ...indicatorKey,
  delta: signedInt,
  reason: text,
  updatedAt: instant,
  submissionId: id.optional(),
});

const indicatorTargetRecordSchema = z.looseObject({ ...indicatorKey, target: count });

// ---------------------------------------------------------------------------------------------
// Submissions: the whole parsed workbook is stored (exchange/spec.ts UnitReport).

// A row's "Mã dòng" and unit may be '' (a row added by hand, a unit's own report).
const reportActivitySchema = z.looseObject({ ...activityFields, id: text, unitCode: text, itemIds: z.array(text) });

const statusCounts = z.looseObject(Object.fromEntries(STATUS_COUNT_KEYS.map((k) => [k, count])));

const consolidationSchema = z.looseObject({
  deadline: z.union([isoDay, z.literal('')]),
  items: z.array(z.looseObject({ id, groupTitle: text, text, counts: statusCounts, activityCount: count })),
  units: z.array(
    z.looseObject({
      unitCode: id,
      unitName: text,
      level: enumOf<UnitLevel>(UNIT_LEVELS),
      reports: count,
      activityCount: count,
      values: indicatorValues,
    }),
  ),
  completeness: z.array(
    z.looseObject({
      unitCode: id,
      unitName: text,
      state: enumOf(Object.keys(COMPLETENESS_STATE_LABELS) as CompletenessState[]),
      submittedAt: text,
      activityCount: count,
    }),
  ),
  unitNames: z.record(z.string(), text),
});

export const unitReportSchema = z.looseObject({
  kind: enumOf(WORKBOOK_KINDS),
  formatVersion: z.number().int().positive(),
  unit: z.looseObject({ code: id, name: text, level: enumOf<UnitLevel>(UNIT_LEVELS), parentName: text }),
  plan: z.looseObject({ id, number: text, title: text, fingerprint: text }),
  period: z.looseObject({ key: text, name: text, start: text, end: text }),
  exportedAt: instant,
  exportedBy: text,
  appVersion: text,
  items: z.array(
    z.looseObject({
      id,
      groupTitle: text,
      text,
      status: enumOf(WORKBOOK_STATUSES).nullable(),
      note: text,
      evidence: text,
      activityCount: count,
    }),
  ),
  activities: z.array(reportActivitySchema),
  indicators: z.array(
    z.looseObject({
      code: id,
      name: text,
      unit: text,
      value: signedInt,
      target: count.nullable(),
      adjustment: signedInt,
      adjustmentReason: text,
    }),
  ),
  consolidation: consolidationSchema.optional(),
});

const submissionRecordSchema = z.looseObject({
  id,
  fileName: text,
  fileHash: z.string().regex(/^[0-9a-f]{64}$/),
  unitCode: id,
  unitName: text,
  level: enumOf<UnitLevel>(UNIT_LEVELS),
  planId: id,
  planNumber: text,
  planFingerprint: text,
  periodKey,
  exportedAt: instant,
  importedAt: instant,
  state: z.enum(['active', 'superseded', 'withdrawn']),
  supersededBy: id.optional(),
  supersedes: id.optional(),
  withdrawnAt: instant.optional(),
  counts: z.looseObject({ items: count, activities: count, indicators: count }),
  unitCodes: z.array(id),
  report: unitReportSchema,
});

// ---------------------------------------------------------------------------------------------
// Settings: each known key with its value; a key a later version adds passes.

const SETTING_VALUE_SCHEMAS: Record<string, z.ZodType> = {
  ownUnitCode: id,
  activePlanId: id,
  selectedPeriodKind: enumOf<PeriodKind>(PERIOD_KINDS),
  seededAt: instant,
  setupDoneAt: instant,
  lastActivityType: activityType,
  lastBackupAt: instant,
  autoBackupKeep: z.number().int().positive(),
  reportDeadlines: z.record(z.string(), isoDay),
  unitKinds: z.array(z.looseObject({ id, level: enumOf<UnitLevel>(UNIT_LEVELS), name: text, fullName: text, codePrefix: text })),
  reportDrafts: z.record(
    z.string(),
    z.looseObject({
      texts: z.looseObject(Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, text]))),
      letterhead: z.looseObject({ recipients: z.array(text) }),
      updatedAt: instant,
    }),
  ),
  reportLetterheads: z.record(z.string(), z.looseObject({ lastNumber: text })),
};

const settingRecordSchema = z.looseObject({ key: id, value: z.unknown() }).superRefine((rec, ctx) => {
  const schema = SETTING_VALUE_SCHEMAS[rec.key];
  if (!schema) return;
  const r = schema.safeParse(rec.value);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as never);
});

// ---------------------------------------------------------------------------------------------

/** Every table's record schema (the tables of a backup). */
export const RECORD_SCHEMAS = {
  plans: planRecordSchema,
  units: unitRecordSchema,
  itemStatuses: itemStatusRecordSchema,
  activities: activityRecordSchema,
  indicatorAdjustments: indicatorAdjustmentRecordSchema,
  indicatorTargets: indicatorTargetRecordSchema,
  submissions: submissionRecordSchema,
  settings: settingRecordSchema,
} as const satisfies Record<string, z.ZodType>;

export type RecordTable = keyof typeof RECORD_SCHEMAS;

/** Where a record differs from its table's shape: the field's path and what is wrong (Vietnamese). */
export interface RecordProblem {
  /** "title", "plan.sections", "report.activities[3].title"; '' for the record itself. */
  field: string;
  /** "phải là văn bản, tệp ghi một số". */
  problem: string;
}

const EXPECTED: Record<string, string> = {
  string: 'phải là văn bản',
  number: 'phải là số',
  int: 'phải là số nguyên',
  boolean: 'phải là đúng/sai',
  array: 'phải là một danh sách',
  object: 'phải là một nhóm giá trị',
  record: 'phải là một nhóm giá trị',
  nan: 'phải là số',
};

function kindOf(value: unknown): string {
  if (value === undefined) return 'không có giá trị';
  if (value === null) return 'giá trị rỗng (null)';
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'string') return 'văn bản';
  if (typeof value === 'number') return Number.isInteger(value) ? 'một số nguyên' : 'một số';
  if (typeof value === 'boolean') return 'đúng/sai';
  return 'một nhóm giá trị';
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v = record;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** "report.activities[3].title". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `${out ? '.' : ''}${String(k)}`;
  return out;
}

function describe(issue: z.core.$ZodIssue, record: unknown): string {
  const value = valueAt(record, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${EXPECTED[issue.expected] ?? 'sai kiểu dữ liệu'}, tệp ghi ${kindOf(value)}`;
    case 'invalid_value':
      return `giá trị «${shown(value)}» không nằm trong các giá trị cho phép (${issue.values.map((v) => String(v)).join(', ')})`;
    case 'too_small':
      return issue.origin === 'array' ? `phải có ít nhất ${String(issue.minimum)} phần tử` : issue.origin === 'string' ? 'không được để trống' : `phải từ ${String(issue.minimum)} trở lên`;
    case 'too_big':
      return `phải không quá ${String(issue.maximum)}`;
    case 'invalid_format':
      return `giá trị «${shown(value)}» sai định dạng`;
    case 'invalid_union':
      return `giá trị «${shown(value)}» không hợp lệ`;
    case 'custom':
      return issue.message.startsWith('không') || issue.message.startsWith('phải') ? `giá trị «${shown(value)}» ${issue.message}` : issue.message;
    default:
      return `giá trị «${shown(value)}» không hợp lệ`;
  }
}

/** The first difference between `record` and the shape of `table`'s records, or null when it fits. */
export function recordProblem(table: RecordTable, record: unknown): RecordProblem | null {
  const r = RECORD_SCHEMAS[table].safeParse(record);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return { field: fieldPath(issue.path), problem: describe(issue, record) };
}

/**
 * The write paths' last check: throws OperationError (nothing written) when a record the app
 * built does not have its table's shape, which is a bug of the app, never of the officer.
 */
export function checkRecord<T>(table: RecordTable, record: T): T {
  const p = recordProblem(table, record);
  if (p) throw new OperationError(`Không lưu được: dữ liệu không hợp lệ ở trường «${p.field}» (${p.problem}). Đây là lỗi của ứng dụng; hãy báo cho người hỗ trợ.`, p.field);
  return record;
}
