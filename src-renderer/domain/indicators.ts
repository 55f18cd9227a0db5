/**
 * Indicators (chỉ tiêu): the counts upper levels want summed per unit and period.
 *
 * Pure module. A standard list ships with the app (`STANDARD_INDICATORS`, codes never change
 * once released: they are the keys of every exchanged workbook). A plan may add its own
 * indicators; their codes are always prefixed with `x-` (see `normalizeIndicatorCode`) so that a
 * later release adding a standard indicator can never collide with a code a plan already uses.
 *
 * A unit's value for a period = the sum over its non-deleted activities dated within the
 * period's range + the manual adjustments (điều chỉnh) stored for that period, each with a reason.
 *
 * The "lượt người tham gia" rule (one place: `activityIndicatorValues`): an activity counts its
 * `participants` field toward `participants` unless its `indicators` set `participants`
 * explicitly, in which case the explicit value wins (the two are never added).
 *
 * All values are integers; a sum beyond Number.MAX_SAFE_INTEGER throws `IndicatorOverflowError`
 * instead of silently losing precision.
 *
 * Sane limits (a typo guard): what ONE activity adds to an indicator (its `participants` and
 * every value of its `indicators`) and ONE manual adjustment (its delta, either sign) are at most
 * MAX_ACTIVITY_VALUE = 1,000,000. Sums over activities, units and consolidations may be larger:
 * for them Number.MAX_SAFE_INTEGER stays the only (hard) limit. A typo such as 1e12 in one
 * activity would otherwise sum into every total above it.
 */
import { z } from 'zod';
import type { Activity } from './activity';
import type { IsoDate } from './periods';
import { cleanBlock, cleanLine, countTransform, formatCount, parseInteger, requiredLine } from './fields';
import { asciiSlug, toNfc } from './vn-text';

export interface IndicatorDef {
  /** Stable code: builtin codes are fixed; plan extras are "x-…" (see normalizeIndicatorCode). */
  code: string;
  /** Vietnamese name as shown and printed. */
  name: string;
  /** Unit of measure (đơn vị tính), e.g. "cuộc", "lượt người". */
  unit: string;
  builtin: boolean;
}

/**
 * The largest value one activity may give an indicator (its lượt người tham gia included) and
 * the largest size of one manual adjustment: 1,000,000. A sane cap, not a technical one.
 */
export const MAX_ACTIVITY_VALUE = 1_000_000;

/** Percent of the target reached, rounded down so 99.6 % never shows as "100 %"; null without a positive target. */
export function percentReached(total: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.floor((total * 100) / target);
}

/** An indicator's result against its target, as the overview and the result report show it. */
export interface IndicatorProgress {
  code: string;
  /** Its name, or its code when it has none. */
  name: string;
  /** Đơn vị tính. */
  unit: string;
  value: number;
  /** null: no target set for the period. */
  target: number | null;
  /** percentReached(value, target). */
  percent: number | null;
}

export function indicatorProgressOf(i: { code: string; name: string; unit: string; value: number; target: number | null }): IndicatorProgress {
  return {
    code: i.code,
    name: i.name.trim() === '' ? i.code : i.name,
    unit: i.unit,
    value: i.value,
    target: i.target,
    percent: percentReached(i.value, i.target),
  };
}

/** Code of "lượt người tham gia", which an activity's `participants` field feeds. */
export const PARTICIPANTS_INDICATOR = 'participants';

/** The standard list, in report order. Codes are stable: never rename or reuse one. */
export const STANDARD_INDICATORS: readonly IndicatorDef[] = Object.freeze(
  (
    [
      ['propaganda-sessions', 'Số cuộc tuyên truyền', 'cuộc'],
      [PARTICIPANTS_INDICATOR, 'Lượt người tham gia', 'lượt người'],
      ['new-members', 'Đoàn viên kết nạp mới', 'người'],
      ['new-grassroots-unions', 'CĐCS thành lập mới', 'CĐCS'],
      ['new-collective-agreements', 'Thỏa ước lao động tập thể ký mới', 'bản'],
      ['workplace-dialogues', 'Cuộc đối thoại tại nơi làm việc', 'cuộc'],
      ['legal-advice', 'Lượt tư vấn pháp luật', 'lượt'],
      ['training-classes', 'Lớp tập huấn', 'lớp'],
      ['party-referrals', 'Đoàn viên ưu tú giới thiệu cho Đảng', 'người'],
      ['party-admissions', 'Đoàn viên được kết nạp Đảng', 'người'],
      ['commendations', 'Tập thể, cá nhân được khen thưởng', 'tập thể/cá nhân'],
    ] as const
  ).map(([code, name, unit]) => Object.freeze({ code, name, unit, builtin: true })),
);

const STANDARD_CODES: ReadonlySet<string> = new Set(STANDARD_INDICATORS.map((d) => d.code));

export function isStandardIndicatorCode(code: string): boolean {
  return STANDARD_CODES.has(code);
}

/** Prefix of every plan-defined indicator code. */
export const EXTRA_CODE_PREFIX = 'x-';

/**
 * Normalize an indicator code. A standard code is returned as is; anything else is a plan extra:
 * folded to lower-case kebab case and prefixed "x-" once ("Hộ nghèo được hỗ trợ" →
 * "x-ho-ngheo-duoc-ho-tro", "x-abc" stays "x-abc"). Returns '' when nothing usable remains.
 */
export function normalizeIndicatorCode(raw: string): string {
  const trimmed = toNfc(raw).trim();
  if (STANDARD_CODES.has(trimmed)) return trimmed;
  let body = asciiSlug(trimmed);
  while (body.startsWith(EXTRA_CODE_PREFIX)) body = body.slice(EXTRA_CODE_PREFIX.length);
  if (body === 'x') body = '';
  return body === '' ? '' : EXTRA_CODE_PREFIX + body;
}

/** A plan's own indicator as typed: the code may be left empty and is then derived from the name. */
export interface IndicatorExtraInput {
  code?: string;
  name: string;
  unit: string;
}

export const indicatorExtraSchema = z
  .object({
    code: z.string({ error: 'Mã chỉ tiêu: không hợp lệ' }).optional(),
    name: requiredLine('Tên chỉ tiêu', 300),
    unit: requiredLine('Đơn vị tính', 50),
  })
  .transform((v, ctx): IndicatorDef => {
    const code = normalizeIndicatorCode(v.code && v.code.trim() !== '' ? v.code : v.name);
    if (code === '' || code.length > 80) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'Mã chỉ tiêu: không hợp lệ', input: v.code });
      return z.NEVER;
    }
    return { code, name: v.name, unit: v.unit, builtin: false };
  });

export class IndicatorCodeError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'IndicatorCodeError';
  }
}

/**
 * The standard list followed by the plan's extras, codes unique. Extras are normalized ("x-…",
 * builtin: false); two extras with the same normalized code throw `IndicatorCodeError`
 * (validate with `indicatorExtraSchema` / `duplicateIndicatorCodes` before saving).
 */
export function mergeIndicatorDefs(
  standard: readonly IndicatorDef[],
  planExtra: readonly (IndicatorDef | IndicatorExtraInput)[],
): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  const seen = new Set<string>();
  for (const def of standard) {
    if (seen.has(def.code)) throw new IndicatorCodeError(`Chỉ tiêu: mã «${def.code}» bị trùng`, def.code);
    seen.add(def.code);
    out.push({ ...def });
  }
  for (const extra of planExtra) {
    const code = normalizeIndicatorCode(extra.code && extra.code.trim() !== '' ? extra.code : extra.name);
    if (code === '') throw new IndicatorCodeError(`Chỉ tiêu «${extra.name}»: mã không hợp lệ`, '');
    if (seen.has(code)) throw new IndicatorCodeError(`Chỉ tiêu «${extra.name}»: mã «${code}» bị trùng`, code);
    seen.add(code);
    out.push({ code, name: cleanLine(extra.name), unit: cleanLine(extra.unit), builtin: false });
  }
  return out;
}

/** Normalized codes that occur more than once among a plan's extras (for the editor). */
export function duplicateIndicatorCodes(planExtra: readonly (IndicatorDef | IndicatorExtraInput)[]): string[] {
  const counts = new Map<string, number>();
  for (const e of planExtra) {
    const code = normalizeIndicatorCode(e.code && e.code.trim() !== '' ? e.code : e.name);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].filter(([code, n]) => code !== '' && n > 1).map(([code]) => code);
}

/** The name of an indicator code for messages: its def's name, else the code itself. */
export function indicatorName(code: string, defs: readonly IndicatorDef[] = STANDARD_INDICATORS): string {
  return defs.find((d) => d.code === code)?.name ?? code;
}

// ---------------------------------------------------------------------------------------------
// Targets and adjustments.

/** Optional target (chỉ tiêu phấn đấu) of one indicator for one unit in one period of a plan. */
export interface IndicatorTarget {
  planId: string;
  unitCode: string;
  periodKey: string;
  indicatorCode: string;
  target: number;
}

/** Manual correction of a unit's period value, e.g. activities held before the app was used. */
export interface IndicatorAdjustment {
  planId: string;
  unitCode: string;
  periodKey: string;
  indicatorCode: string;
  /** Added to the sum of activities; may be negative, never 0 (delete the adjustment instead). */
  delta: number;
  /** Why (required): shown beside the figure and exported with it. */
  reason: string;
  updatedAt: string;
}

export const indicatorTargetSchema = z.object({
  planId: z.string().min(1),
  unitCode: z.string().min(1),
  periodKey: z.string().min(1),
  indicatorCode: z.string().min(1),
  target: z
    .unknown()
    .optional()
    .transform(countTransform('Chỉ tiêu phấn đấu: phải là số nguyên không âm'))
    .pipe(z.number({ error: 'Chỉ tiêu phấn đấu: không được để trống' })),
});

export const indicatorAdjustmentSchema = z.object({
  planId: z.string({ error: 'Kế hoạch: chưa chọn kế hoạch' }).min(1, { error: 'Kế hoạch: chưa chọn kế hoạch' }),
  unitCode: z.string({ error: 'Đơn vị: chưa chọn đơn vị' }).min(1, { error: 'Đơn vị: chưa chọn đơn vị' }),
  periodKey: z.string({ error: 'Kỳ báo cáo: chưa chọn kỳ' }).min(1, { error: 'Kỳ báo cáo: chưa chọn kỳ' }),
  indicatorCode: z
    .string({ error: 'Chỉ tiêu: chưa chọn chỉ tiêu' })
    .transform(normalizeIndicatorCode)
    .pipe(z.string().min(1, { error: 'Chỉ tiêu: chưa chọn chỉ tiêu' })),
  delta: z.unknown().optional().transform((v, ctx) => {
    const r = parseInteger(v, true);
    if (!r.ok || r.value === null) {
      ctx.addIssue({ code: 'custom', message: 'Số điều chỉnh: phải là số nguyên (có thể âm)', input: v });
      return z.NEVER;
    }
    if (r.value === 0) {
      ctx.addIssue({ code: 'custom', message: 'Số điều chỉnh: phải khác 0', input: v });
      return z.NEVER;
    }
    if (Math.abs(r.value) > MAX_ACTIVITY_VALUE) {
      ctx.addIssue({ code: 'custom', message: `Số điều chỉnh: tối đa ${formatCount(MAX_ACTIVITY_VALUE)} (tăng hoặc giảm) cho một lần điều chỉnh`, input: v });
      return z.NEVER;
    }
    return r.value;
  }),
  reason: z
    .string({ error: 'Lý do điều chỉnh: không được để trống' })
    .transform(cleanBlock)
    .pipe(
      z
        .string()
        .min(1, { error: 'Lý do điều chỉnh: không được để trống' })
        .max(1000, { error: 'Lý do điều chỉnh: tối đa 1000 ký tự' }),
    ),
});

/** Targets of one plan, unit and period, by indicator code. */
export function targetsFor(
  targets: Iterable<IndicatorTarget>,
  where: { planId: string; unitCode: string; periodKey: string },
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) {
    if (t.planId === where.planId && t.unitCode === where.unitCode && t.periodKey === where.periodKey) {
      out[t.indicatorCode] = t.target;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sums.

export class IndicatorOverflowError extends RangeError {
  constructor(readonly indicatorCode: string) {
    super(`Chỉ tiêu «${indicatorName(indicatorCode)}»: tổng vượt quá giới hạn tính toán (${Number.MAX_SAFE_INTEGER})`);
    this.name = 'IndicatorOverflowError';
  }
}

/** A non-integer value found in stored data (the schemas never produce one). */
export class IndicatorValueError extends TypeError {
  constructor(
    readonly indicatorCode: string,
    readonly value: unknown,
  ) {
    super(`Chỉ tiêu «${indicatorName(indicatorCode)}»: giá trị ${String(value)} không phải số nguyên`);
    this.name = 'IndicatorValueError';
  }
}

function addSafe(a: number, b: number, code: string): number {
  if (!Number.isSafeInteger(b)) throw new IndicatorValueError(code, b);
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new IndicatorOverflowError(code);
  return s;
}

/**
 * What one activity contributes to «Lượt người tham gia»: the value its `indicators` set (when
 * not 0), else its `participants` field (0 when empty). THE one place of that rule; without the
 * object activityIndicatorValues builds, for sums over tens of thousands of activities.
 */
export function activityParticipants(activity: Pick<Activity, 'indicators' | 'participants'>): number {
  const explicit = activity.indicators[PARTICIPANTS_INDICATOR];
  if (explicit !== undefined && explicit !== 0) return explicit;
  return activity.participants ?? 0;
}

/**
 * What one activity contributes to each indicator: its `indicators`, plus `participants`
 * (lượt người tham gia) by activityParticipants: taken from the activity's `participants` field
 * when `indicators` does not set it. Zero values are left out.
 */
export function activityIndicatorValues(
  activity: Pick<Activity, 'indicators' | 'participants'>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, value] of Object.entries(activity.indicators)) {
    if (value !== 0) out[code] = value;
  }
  const participants = activityParticipants(activity);
  if (participants !== 0) out[PARTICIPANTS_INDICATOR] = participants;
  return out;
}

/**
 * Per indicator code, what `activities` add up to (activityIndicatorValues of each; zeros left
 * out), counting only those dated within `range` when it is given (a report's activities outside
 * its period count nowhere, as the stored sums leave them out). Throws IndicatorOverflowError.
 */
export function activitySums(
  activities: Iterable<Pick<Activity, 'indicators' | 'participants' | 'date'>>,
  range?: { start: string; end: string },
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of activities) {
    if (range && (a.date < range.start || a.date > range.end)) continue;
    for (const [code, v] of Object.entries(activityIndicatorValues(a))) out[code] = addSafe(out[code] ?? 0, v, code);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A result typed directly ("Kết quả" of a workbook's "Chỉ tiêu").

/**
 * The reason of the adjustment that makes a unit's total equal the "Kết quả" it typed in the
 * blank template (without, or beyond, the activities that would add up to it).
 */
export const DIRECT_RESULT_REASON_TEMPLATE = 'Số liệu đơn vị nhập trực tiếp trong mẫu';
/** The same for a "Kết quả" changed by hand in a report the app exported. */
export const DIRECT_RESULT_REASON_REPORT = 'Số liệu đơn vị sửa trực tiếp trong tệp báo cáo';

export interface TypedResult {
  /** What the unit's activities add up to for the indicator. */
  fromActivities: number;
  /** "Điều chỉnh" as typed (0 when blank) and its reason. */
  adjustment: number;
  reason: string;
  /** "Kết quả" as typed; null when blank. */
  result: number | null;
}

export interface ResolvedResult {
  /** fromActivities + adjustment: what the unit's total is. */
  value: number;
  /** The adjustment stored for the unit (0: none). */
  adjustment: number;
  reason: string;
  /** True when the typed "Kết quả" differed from fromActivities + the typed adjustment and won. */
  fromResult: boolean;
}

/**
 * THE rule for a typed result: the unit's total is what it typed. When "Kết quả" is blank, or
 * equals the activities plus the typed "Điều chỉnh", nothing changes. Otherwise "Kết quả" wins:
 * the adjustment becomes Kết quả − the activities' sum, its reason `directReason` (after the
 * typed reason, when an adjustment was typed too), so that every level above, which sums
 * activities and adjustments, finds the total the unit typed.
 */
export function resolveTypedResult(typed: TypedResult, directReason: string): ResolvedResult {
  const expected = addSafe(typed.fromActivities, typed.adjustment, 'result');
  if (typed.result === null || typed.result === expected) {
    return { value: expected, adjustment: typed.adjustment, reason: typed.reason, fromResult: false };
  }
  const adjustment = typed.result - typed.fromActivities;
  const typedReason = typed.adjustment !== 0 ? typed.reason.trim() : '';
  return { value: typed.result, adjustment, reason: typedReason === '' ? directReason : `${typedReason}; ${directReason}`, fromResult: true };
}

export interface IndicatorSum {
  /** Sum over the activities in range. */
  fromActivities: number;
  /** Sum of the period's adjustments (may be negative). */
  adjustment: number;
  /** fromActivities + adjustment. */
  total: number;
  /** The adjustments' reasons, oldest first. */
  reasons: string[];
}

export interface SumIndicatorsInput {
  activities: Iterable<Pick<Activity, 'planId' | 'unitCode' | 'date' | 'indicators' | 'participants' | 'deletedAt'>>;
  adjustments: Iterable<IndicatorAdjustment>;
  /** One unit; omitted = every unit (a consolidated figure). */
  unitCode?: string;
  /** Only this plan's activities and adjustments; omitted = all given. */
  planId?: string;
  /** Inclusive calendar range of the period (Period.start/end). */
  range: { start: IsoDate; end: IsoDate };
  /** Key of the period the adjustments are stored under ("2025-H1"). */
  periodKey: string;
  /** When given, every def's code appears in the result, zeros included. */
  defs?: readonly IndicatorDef[];
}

/**
 * Per indicator code: the sum over non-deleted activities (of `unitCode`, if given) dated within
 * `range` (inclusive), plus the adjustments stored under `periodKey`. Codes that appear nowhere
 * are absent unless `defs` is given. Throws IndicatorOverflowError / IndicatorValueError.
 */
export function sumIndicators(input: SumIndicatorsInput): Record<string, IndicatorSum> {
  const { unitCode, planId, range, periodKey } = input;
  const out: Record<string, IndicatorSum> = {};
  const entry = (code: string): IndicatorSum =>
    (out[code] ??= { fromActivities: 0, adjustment: 0, total: 0, reasons: [] });
  for (const def of input.defs ?? []) entry(def.code);

  for (const a of input.activities) {
    if (a.deletedAt !== null) continue;
    if (unitCode !== undefined && a.unitCode !== unitCode) continue;
    if (planId !== undefined && a.planId !== planId) continue;
    if (a.date < range.start || a.date > range.end) continue;
    for (const [code, value] of Object.entries(activityIndicatorValues(a))) {
      const e = entry(code);
      e.fromActivities = addSafe(e.fromActivities, value, code);
    }
  }

  const adjustments = [...input.adjustments]
    .filter(
      (adj) =>
        adj.periodKey === periodKey &&
        (unitCode === undefined || adj.unitCode === unitCode) &&
        (planId === undefined || adj.planId === planId),
    )
    .sort((x, y) => (x.updatedAt < y.updatedAt ? -1 : x.updatedAt > y.updatedAt ? 1 : 0));
  for (const adj of adjustments) {
    const e = entry(adj.indicatorCode);
    e.adjustment = addSafe(e.adjustment, adj.delta, adj.indicatorCode);
    if (adj.reason.trim() !== '') e.reasons.push(adj.reason);
  }

  for (const [code, e] of Object.entries(out)) e.total = addSafe(e.fromActivities, e.adjustment, code);
  return out;
}
